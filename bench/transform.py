#!/usr/bin/env python3
"""Uncached transforms, every request a new result: Mediagraph vs imgproxy, wrk -t1 -c2."""
from peers import *


def bench_transform(binary, imgproxy, rounds):
    tmp, big, data = big_jpeg()
    mg = MG(binary)
    ip = None
    try:
        ids = []
        for _ in range(40):
            ids += mg.upload_many([(f"big-{len(ids)+i}.jpg", data, "image/jpeg") for i in range(10)])
        mg.gql('mutation($i:[ID!]!){ setAssetStatus(ids:$i, status: PUBLIC){ id } }', {"i": ids})
        paths = ",".join(f'"/media/asset/{i}"' for i in ids)
        script = ("local paths = {" + paths + "}\nlocal n = 0\nrequest = function()\n  n = n + 1\n"
                  "  local p = paths[(n % #paths) + 1]\n  local w = 300 + math.floor(n / #paths)\n"
                  "  return wrk.format('GET', p .. '?w=' .. w .. '&fm=webp')\nend\n")
        lua_mg = lua_file("", {}, script)
        port = free_port()
        ipenv = dict(os.environ, IMGPROXY_BIND=f"127.0.0.1:{port}", IMGPROXY_LOCAL_FILESYSTEM_ROOT=tmp, IMGPROXY_LOG_LEVEL="error",
                     IMGPROXY_WORKERS="2")
        ip = subprocess.Popen([imgproxy], env=ipenv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1); break
            except Exception:
                time.sleep(0.1)
        ipurl = f"http://127.0.0.1:{port}/insecure/rs:fit:300:0/plain/local:///big.jpg@webp"
        with urllib.request.urlopen(ipurl) as r:
            assert r.read(4) == b"RIFF", "imgproxy did not answer WebP"
        lua_ip = lua_file("", {})
        wrk(ipurl, lua_ip, 3)
        pairs = []
        for r in range(rounds):
            i, bi = wrk(ipurl, lua_ip, 5)
            # each Mediagraph round uses new widths: shift the script's base so no result is cached yet
            script_r = script.replace("300 +", f"{300 + 50 * (r + 1)} +")
            m, bm = wrk(mg.url, lua_file("", {}, script_r), 5)
            if bi or bm:
                print("errors:", bi, bm)
            pairs.append((m, i))
        report("uncached transform 3000x2250 JPEG -> 300 px WebP (Mediagraph vs imgproxy), req/s", pairs, "transform")
        # cached: the same URL again and again
        one = f"/media/asset/{ids[0]}?w=300&fm=webp"
        urllib.request.urlopen(mg.url + one).read()
        c, _ = wrk(mg.url + one, lua_file("", {}), 5)
        print(f"cached transform hits, Mediagraph: {c:.0f} req/s", flush=True)
        # libvips itself, one at a time, in this process's loop
        t0, n = time.time(), 0
        while time.time() - t0 < 5:
            subprocess.run(["vips", "thumbnail", big, os.path.join(tmp, "o.webp"), "300"], check=True); n += 1
        print(f"`vips thumbnail` CLI, one process at a time: {n / (time.time() - t0):.1f} ops/s (x2 cores ~ {2 * n / (time.time() - t0):.0f}/s)", flush=True)
    finally:
        mg.stop()
        if ip:
            ip.terminate(); ip.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_transform(a.binary, a.imgproxy, a.rounds))
