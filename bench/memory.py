#!/usr/bin/env python3
"""Peak RSS of Mediagraph while 4 clients upload 200 MB files and 2 clients ask for uncached transforms of
a 3000x2250 JPEG (issue 17, target 4: under 150 MB). No peer: the figure is Mediagraph's own."""
import http.client, statistics, struct
from peers import *

UPLOAD = 200 * 1000 * 1000
UPLOADERS, TRANSFORMERS = 4, 2


def wav(path, size):
    """A WAV of size bytes: a valid RIFF header over random samples. Sound is stored as it comes (FFmpeg
    reads its header), so the service never needs the whole file in memory."""
    data = size - 44
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", size - 8) + b"WAVE")
        f.write(b"fmt " + struct.pack("<IHHIIHH", 16, 1, 2, 48000, 48000 * 4, 4, 16))
        f.write(b"data" + struct.pack("<I", data))
        chunk = os.urandom(1 << 20)
        for _ in range(data // len(chunk)):
            f.write(chunk)
        f.write(chunk[: data % len(chunk)])


def upload_file(base, token, path, name):
    """uploadAssets of one file, the body streamed from disk: the client holds no 200 MB buffer."""
    b = uuid.uuid4().hex
    ops = json.dumps({"query": "mutation($f:[Upload!]!){ uploadAssets(files:$f){ id } }", "variables": {"f": [None]}})
    head = (f"--{b}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{ops}\r\n"
            f"--{b}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\":[\"variables.f.0\"]}}\r\n"
            f"--{b}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"{name}\"\r\nContent-Type: audio/wav\r\n\r\n").encode()
    tail = f"\r\n--{b}--\r\n".encode()
    size = os.path.getsize(path)

    def body():
        yield head
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                yield chunk
        yield tail
    host = base.removeprefix("http://")
    c = http.client.HTTPConnection(host, timeout=600)
    c.request("POST", "/graphql", body=body(), headers={"Content-Type": f"multipart/form-data; boundary={b}",
              "Authorization": f"Bearer {token}", "Content-Length": str(len(head) + size + len(tail))})
    r = c.getresponse()
    out = json.loads(r.read())
    c.close()
    if r.status != 200 or out.get("errors"):
        raise SystemExit(f"upload answered {r.status}: " + json.dumps(out)[:300])


def sample(pid, stop, into):
    """VmRSS with its anonymous part (heaps: Go's and malloc's) every 50 ms until stop is set; the rest
    is mapped files, the binary and its libraries."""
    while not stop.is_set():
        try:
            s = status(pid)
        except FileNotFoundError:
            return
        into.append((s["VmRSS"], s["RssAnon"]))
        time.sleep(0.05)


def status(pid):
    with open(f"/proc/{pid}/status") as f:
        return {k: int(v.split()[0]) for k, v in (l.split(":", 1) for l in f) if v.strip().endswith("kB")}


def proc_kb(pid, field):
    return status(pid)[field]


def one_run(binary, big, path, files):
    mg = MG(binary, env={"MEDIAGRAPH_MAX_UPLOAD_BYTES": str(UPLOAD + (1 << 20))})
    try:
        data = open(big, "rb").read()
        ids = mg.upload_many([(f"big-{i}.jpg", data, "image/jpeg") for i in range(4)])
        mg.gql('mutation($i:[ID!]!){ setAssetStatus(ids:$i, status: PUBLIC){ id } }', {"i": ids})
        pid, rss, stop, errors = mg.s.proc.pid, [], threading.Event(), []
        uploaded, transformed, lock = [0], [0], threading.Lock()

        def uploader(k):
            try:
                for n in range(files):
                    upload_file(mg.url, mg.s.admin, path, f"long-{k}-{n}.wav")
                    with lock:
                        uploaded[0] += 1
            except BaseException as e:
                errors.append(e)

        def transformer(k):
            n = 0
            while not stop.is_set():
                # every request a width no one asked for yet: each is a transform, never a cached result
                w = 200 + 2 * n + k
                n += 1
                try:
                    with urllib.request.urlopen(f"{mg.url}/media/asset/{ids[n % len(ids)]}?w={w}&fm=webp", timeout=120) as r:
                        r.read()
                except Exception as e:
                    errors.append(e); return
                with lock:
                    transformed[0] += 1

        sampler = threading.Thread(target=sample, args=(pid, stop, rss))
        ups = [threading.Thread(target=uploader, args=(k,)) for k in range(UPLOADERS)]
        trs = [threading.Thread(target=transformer, args=(k,)) for k in range(TRANSFORMERS)]
        t0 = time.time()
        for t in [sampler, *trs, *ups]:
            t.start()
        for t in ups:
            t.join()
        secs = time.time() - t0
        stop.set()
        for t in [sampler, *trs]:
            t.join()
        hwm = proc_kb(pid, "VmHWM")
        if errors:
            raise SystemExit(f"the run failed: {errors[0]}")
        peak = max(rss)
        return {"peak": peak[0] / 1024, "anon": peak[1] / 1024, "median": statistics.median(r for r, _ in rss) / 1024, "hwm": hwm / 1024,
                "mbps": uploaded[0] * UPLOAD / 1e6 / secs, "tps": transformed[0] / secs, "secs": secs}
    finally:
        mg.stop()


def bench_memory(binary, rounds, files):
    tmp, big, _ = big_jpeg()
    try:
        path = os.path.join(tmp, "long.wav")
        wav(path, UPLOAD)
        runs = []
        for r in range(rounds):
            m = one_run(binary, big, path, files)
            runs.append(m)
            print(f"run {r + 1}: peak VmRSS {m['peak']:.0f} MiB ({m['anon']:.0f} anonymous; VmHWM {m['hwm']:.0f}), median {m['median']:.0f} MiB; "
                  f"uploads {m['mbps']:.0f} MB/s, transforms {m['tps']:.1f}/s, {m['secs']:.0f} s", flush=True)
        med = lambda k: statistics.median(m[k] for m in runs)
        span = lambda k: f"{min(m[k] for m in runs):.0f}-{max(m[k] for m in runs):.0f}"
        print(f"{UPLOADERS} clients uploading {files} x 200 MB each, {TRANSFORMERS} transforming, {rounds} runs: "
              f"peak VmRSS median {med('peak'):.0f} MiB ({span('peak')}), VmHWM median {med('hwm'):.0f} MiB ({span('hwm')}), "
              f"median VmRSS {med('median'):.0f} MiB; uploads {med('mbps'):.0f} MB/s ({span('mbps')}), "
              f"transforms {med('tps'):.1f}/s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("binary", help="the mediagraph binary to measure")
    ap.add_argument("--rounds", type=int, default=3, help="fresh servers measured one after another")
    ap.add_argument("--files", type=int, default=1, help="200 MB files each uploading client sends, one after another")
    a = ap.parse_args()
    bench_memory(os.path.abspath(a.binary), a.rounds, a.files)
