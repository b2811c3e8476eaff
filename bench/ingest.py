#!/usr/bin/env python3
"""Uploads of a 3000x2250 q90 JPEG for 10 s by wrk, one connection and 4: Mediagraph uploadAssets vs Directus
/files; then how long Mediagraph's background analysis took to complete each asset of the 4-client load."""
import datetime
from peers import *


def upload_lua(tmp, name, body, ctype, token):
    """A wrk script posting body, read from a file: a long multipart body cannot be a Lua literal."""
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(body)
    return lua_file("", {"Content-Type": ctype, "Authorization": f"Bearer {token}"},
                    f'wrk.method = "POST"\nlocal f = io.open("{path}", "rb")\nwrk.body = f:read("*a")\nf:close()\n' + CHECK)


# Every answer is read and checked: an upload refused, or a GraphQL answer with errors, is reported.
CHECK = """local told = 0
function response(status, headers, body)
  if (status ~= 200 or body:find('"errors"', 1, true)) and told < 3 then
    told = told + 1
    io.write("upload failed: ", status, " ", body:sub(1, 200), "\\n")
  end
end
"""


def when(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def analyses(mg):
    """Every asset's creation and analysis times, once no analysis is pending."""
    for _ in range(1200):
        rows, after = [], None
        while True:
            page = mg.gql("query($a:String){ assets(first:500, after:$a){ nodes { createdAt analysis { status analyzedAt } } pageInfo { hasNextPage endCursor } } }", {"a": after})["assets"]
            rows += page["nodes"]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        if all(r["analysis"]["status"] != "PENDING" for r in rows):
            return [(when(r["createdAt"]), when(r["analysis"]["analyzedAt"])) for r in rows]
        time.sleep(0.5)
    raise SystemExit("mediagraph: analyses still pending after 10 minutes")


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def bench_ingest(binary, dx_src, rounds):
    tmp, _, data = big_jpeg()
    mg = MG(binary)
    dx = None
    try:
        dx = DX(dx_src)
        dtok = dx.seed(2)
        ops = {"query": "mutation($f:[Upload!]!){ uploadAssets(files:$f){ id } }", "variables": {"f": [None]}}
        body, ct = multipart({"operations": json.dumps(ops), "map": json.dumps({"0": ["variables.f.0"]})}, {"0": ("in.jpg", data, "image/jpeg")})
        lua_mg = upload_lua(tmp, "mg.body", body, ct, mg.s.admin)
        body, ct = multipart({}, {"file": ("in.jpg", data, "image/jpeg")})
        lua_dx = upload_lua(tmp, "dx.body", body, ct, dtok)

        def run(url, lua, conns):
            rps, bad = wrk(url, lua, 10, conns)
            if bad:
                raise SystemExit(f"{url}: {bad}")
            return rps

        wrk(dx.url + "/files", lua_dx, 3, 1)  # warm-up
        pairs, cpairs, lags, rates = [], [], [], []
        for _ in range(rounds):
            pairs.append((run(mg.url + "/graphql", lua_mg, 1), run(dx.url + "/files", lua_dx, 1)))
            d = run(dx.url + "/files", lua_dx, 4)
            start = time.time()
            m = run(mg.url + "/graphql", lua_mg, 4)
            cpairs.append((m, d))
            done = [(c, a) for c, a in analyses(mg) if c >= start - 1]
            lag = [a - c for c, a in done]
            lags.append((pct(lag, 0.5), pct(lag, 0.95), sum(1 for x in lag if x <= 2) / len(lag)))
            rates.append(len(done) / (max(a for _, a in done) - start))
        report("uploads of a 3000x2250 JPEG, one wrk connection, uploads/s (Mediagraph vs Directus)", pairs, "ingest")
        report("uploads of that JPEG, 4 wrk connections, uploads/s (Mediagraph vs Directus)", cpairs, "ingest4")
        print("analysis lag of the 4-connection rounds (upload committed -> pixels decoded): " +
              ", ".join(f"median {a:.2f} s, p95 {b:.2f} s, {c:.0%} within 2 s" for a, b, c in lags), flush=True)
        print("analyses completed per second over those rounds: " + ", ".join(f"{r:.1f}" for r in rates), flush=True)
    finally:
        mg.stop()
        if dx:
            dx.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_ingest(a.binary, a.directus, a.rounds))
