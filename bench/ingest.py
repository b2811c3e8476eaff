#!/usr/bin/env python3
"""Uploads of a 3000x2250 q90 JPEG for 10 s, one client and 4 concurrent: Mediagraph uploadAssets vs Directus /files."""
from peers import *


def bench_ingest(binary, dx_src, rounds):
    tmp, _, data = big_jpeg()
    mg = MG(binary)
    dx = None
    try:
        dx = DX(dx_src)
        dtok = dx.seed(2)

        def mg_rate():
            t0, n = time.time(), 0
            while time.time() - t0 < 10:
                mg.upload_many([(f"in-{n}.jpg", data, "image/jpeg")]); n += 1
            return n / (time.time() - t0)

        def dx_rate():
            t0, n = time.time(), 0
            while time.time() - t0 < 10:
                body, ct = multipart({}, {"file": (f"in-{n}.jpg", data, "image/jpeg")})
                post(dx.url + "/files", body, ct, dtok); n += 1
            return n / (time.time() - t0)

        def concurrent(fn, conc=4, secs=10):
            stop, done, lock = time.time() + secs, [0], threading.Lock()

            def w(k):
                n = 0
                while time.time() < stop:
                    fn(f"{k}-{n}"); n += 1
                    with lock:
                        done[0] += 1
            ts = [threading.Thread(target=w, args=(k,)) for k in range(conc)]
            t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
            return done[0] / (time.time() - t0)

        def mg_one(tag):
            mg.upload_many([(f"c-{tag}.jpg", data, "image/jpeg")])

        def dx_one(tag):
            body, ct = multipart({}, {"file": (f"c-{tag}.jpg", data, "image/jpeg")}); post(dx.url + "/files", body, ct, dtok)

        dx_rate()  # warm-up
        pairs, cpairs = [], []
        for _ in range(rounds):
            d = dx_rate(); m = mg_rate()
            pairs.append((m, d))
            d = concurrent(dx_one); m = concurrent(mg_one)
            cpairs.append((m, d))
        report("sequential uploads of a 3000x2250 JPEG, one client, uploads/s (Mediagraph vs Directus)", pairs, "ingest")
        report("uploads of that JPEG, 4 concurrent clients, uploads/s (Mediagraph vs Directus)", cpairs, "ingest4")
    finally:
        mg.stop()
        if dx:
            dx.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_ingest(a.binary, a.directus, a.rounds))
