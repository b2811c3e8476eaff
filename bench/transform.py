#!/usr/bin/env python3
"""Uncached transforms, every request a new result: Mediagraph vs imgproxy, wrk -t1 -c2, as a matrix of
inputs (the same 3000x2250 picture as JPEG, PNG and WebP) and outputs (WebP, JPEG, AVIF) at 80 quality
and the same encoder efforts on both sides. Each cell alternates rounds of the two servers on the same
widths and reports the ratio of req/s and each server's CPU time per request (from /proc/PID/stat).
BENCH_TRANSFORM_ONLY=png>webp,jpg>avif runs only those cells."""
from peers import *

INPUTS = ("jpg", "png", "webp")
OUTPUTS = ("webp", "jpg", "avif")
QUALITY = 80
# The efforts media/imaging encodes with (webpEffort, avifEffort), given to imgproxy too; imgproxy's
# AVIF speed is 9 - effort (vips/vips.c, vips_avifsave_go).
WEBP_EFFORT, AVIF_EFFORT = 2, 3
# Assets per input on Mediagraph: request i asks asset i % K at width 300 + i // K, so a few hundred
# requests a round stay within some tens of pixels of 300 and no (asset, width) is asked twice.
K = 8
# Seconds a round lasts: a PNG's decode is several times a JPEG's, and a round should hold some tens
# of requests.
SECONDS = {"jpg": 5, "png": 12, "webp": 5}
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User and system CPU time of process pid so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def requests_done(out):
    return int(next(l.split()[0] for l in out.splitlines() if " requests in " in l))


def run_wrk(url, script, seconds, pid):
    """wrk for seconds against url with script; req/s, CPU seconds of pid per request, requests, errors."""
    lua = lua_file("", {}, script)
    c0 = cpu_seconds(pid)
    # A PNG takes over wrk's default 2 s timeout on a loaded machine: the work would count, not the answer.
    out = subprocess.run(["wrk", "-t1", "-c2", f"-d{seconds}s", "--timeout", "30s", "-s", lua, url], capture_output=True, text=True).stdout
    time.sleep(0.3)  # Mediagraph stores each new result after answering: count that work too
    cpu = cpu_seconds(pid) - c0
    os.remove(lua)
    n = requests_done(out)
    rps = float(next(l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec:")))
    bad = [l.strip() for l in out.splitlines() if "Non-2xx" in l or "Socket errors" in l]
    return rps, cpu / max(n, 1), n, bad


def widths_script(start, paths, template):
    """A wrk script asking, from request number start on, path i % len(paths) at width 300 + i // len."""
    lua_paths = ",".join(f'"{p}"' for p in paths)
    return (f"local paths = {{{lua_paths}}}\nlocal n = {start}\nrequest = function()\n  n = n + 1\n"
            "  local p = paths[(n % #paths) + 1]\n  local w = 300 + math.floor(n / #paths)\n"
            f"  return wrk.format('GET', {template})\nend\n")


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def cells():
    only = os.environ.get("BENCH_TRANSFORM_ONLY", "")
    want = [c.strip() for c in only.split(",") if c.strip()]
    every = [f"{i}>{o}" for i in INPUTS for o in OUTPUTS]
    for c in want:
        if c not in every:
            raise SystemExit(f"BENCH_TRANSFORM_ONLY: {c!r} is none of {', '.join(every)}")
    return [c for c in every if not want or c in want]


def start_imgproxy(binary, root):
    port = free_port()
    env = dict(os.environ, IMGPROXY_BIND=f"127.0.0.1:{port}", IMGPROXY_LOCAL_FILESYSTEM_ROOT=root,
               IMGPROXY_LOG_LEVEL="error", IMGPROXY_WORKERS=str(os.cpu_count() or 2), IMGPROXY_QUALITY=str(QUALITY),
               IMGPROXY_WEBP_EFFORT=str(WEBP_EFFORT), IMGPROXY_AVIF_SPEED=str(9 - AVIF_EFFORT))
    # A session of its own, as Mediagraph's: with the kernel's autogroup scheduling each session shares
    # the CPU as one group, and imgproxy would otherwise share the group of this script and wrk.
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return proc, f"http://127.0.0.1:{port}"
        except Exception:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("imgproxy did not answer /health within 10 s")


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def crashed(mg, ip):
    """Says so when either server died or Mediagraph's log shows a Go panic or a fatal signal (a SIGSEGV
    was once seen in govips' clear_image under load)."""
    if mg.s.proc.poll() is not None:
        print(f"CRASH: mediagraph exited with {mg.s.proc.returncode}", flush=True)
    if ip and ip.poll() is not None:
        print(f"CRASH: imgproxy exited with {ip.returncode}", flush=True)
    mg.s.log.flush()
    with open(os.path.join(mg.s.data, "serve.log"), errors="replace") as f:
        log = f.read()
    for marker in ("SIGSEGV", "fatal error:", "panic:", "signal "):
        if marker in log:
            at = log.index(marker)
            print(f"CRASH: mediagraph's log has {marker!r}:\n" + log[max(0, at - 200):at + 1500], flush=True)
            break


def bench_transform(binary, imgproxy, rounds):
    tmp, big, data = big_jpeg()
    files = {"jpg": (big, data)}
    for ext, opts in (("png", ""), ("webp", "[Q=90]")):
        path = os.path.join(tmp, "big." + ext)
        subprocess.run(["vips", "copy", big, path + opts], check=True)
        files[ext] = (path, open(path, "rb").read())
    # Vision reads every upload for faces and text in the background: not a transform's work.
    mg = MG(binary, env={"MEDIAGRAPH_VISION": "off"})
    ip = None
    try:
        ctype = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
        assets = {}
        for ext in INPUTS:
            assets[ext] = mg.upload_many([(f"big-{i}.{ext}", files[ext][1], ctype[ext]) for i in range(K)])
        mg.gql('mutation($i:[ID!]!){ setAssetStatus(ids:$i, status: PUBLIC){ id } }', {"i": sum(assets.values(), [])})
        ip, ipurl = start_imgproxy(imgproxy, tmp)
        mg_pid = mg.s.proc.pid
        time.sleep(2)  # let the uploads' background work (placeholders, colours) finish
        print(f"inputs: 3000x2250, jpg {len(files['jpg'][1])} B, png {len(files['png'][1])} B, webp {len(files['webp'][1])} B; "
              f"out 300+ px wide, q{QUALITY}, WebP effort {WEBP_EFFORT}, AVIF effort {AVIF_EFFORT}; wrk -t1 -c2, rounds of {SECONDS} s, {rounds} rounds",
              flush=True)
        rows = []
        for cell in cells():
            src, out = cell.split(">")
            ip_fmt = "jpg" if out == "jpg" else out
            mg_t = f"p .. '?w=' .. w .. '&fm={out}&q={QUALITY}'"
            ip_t = f"'/insecure/rs:fit:' .. w .. ':0/q:{QUALITY}/plain/local:///big.{src}@{ip_fmt}'"
            mg_paths = [f"/media/asset/{a}" for a in assets[src]]
            # A warm-up request each, which also shows the two outputs' sizes side by side.
            a = fetch(f"{mg.url}/media/asset/{assets[src][0]}?w=299&fm={out}&q={QUALITY}")
            b = fetch(f"{ipurl}/insecure/rs:fit:299:0/q:{QUALITY}/plain/local:///big.{src}@{ip_fmt}")
            n = 0
            res = []
            for r in range(rounds):
                # The same widths on both sides; Mediagraph's are new to it each round.
                # Who goes first alternates too, should the neighbours' load drift within a round.
                run_mg = lambda: run_wrk(mg.url, widths_script(n, mg_paths, mg_t), SECONDS[src], mg_pid)
                run_ip = lambda: run_wrk(ipurl, widths_script(n, mg_paths, ip_t), SECONDS[src], ip.pid)
                if r % 2 == 0:
                    m = run_mg(); i = run_ip()
                else:
                    i = run_ip(); m = run_mg()
                n += max(m[2], i[2]) + 2 * K
                if m[3] or i[3]:
                    print(f"  {cell} round {r + 1} errors: mediagraph {m[3]} imgproxy {i[3]}", flush=True)
                res.append((m, i))
                print(f"  {cell} round {r + 1}: {m[0]:.1f} vs {i[0]:.1f} req/s ({m[0] / i[0]:.2f}x), "
                      f"CPU {1000 * m[1]:.0f} vs {1000 * i[1]:.0f} ms/req", flush=True)
            ratios = [m[0] / i[0] for m, i in res]
            cpu_m, cpu_i = median([m[1] for m, _ in res]), median([i[1] for _, i in res])
            rows.append((cell, median([m[0] for m, _ in res]), median([i[0] for _, i in res]), median(ratios), min(ratios),
                         max(ratios), cpu_m, cpu_i, len(a), len(b)))
        print("\n| input > output | Mediagraph req/s | imgproxy req/s | req/s MG ÷ imgproxy (median, min–max) | CPU ms/req MG / imgproxy (imgproxy ÷ MG) | bytes MG / imgproxy |")
        print("|---|---|---|---|---|---|")
        for cell, mr, ir, med, lo, hi, cm, ci, sa, sb in rows:
            print(f"| {cell} | {mr:.1f} | {ir:.1f} | **{med:.2f}x** ({lo:.2f}–{hi:.2f}) | {1000 * cm:.0f} / {1000 * ci:.0f} ({ci / cm:.2f}x) | {sa} / {sb} |")
        print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
    finally:
        crashed(mg, ip)
        mg.stop()
        if ip:
            ip.terminate()
            ip.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_transform(a.binary, a.imgproxy, a.rounds))
