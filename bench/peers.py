"""What every side-by-side command shares: a fresh Mediagraph, Directus restored to an empty database,
wrk with a Lua body, multipart bodies, and the ratio report (medians of alternating rounds)."""
import argparse, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The peers' install scripts and the fixtures are the workplace's, beside the module root.
PEERS = os.environ.get("MEDIAGRAPH_PEERS", os.path.join(ROOT, "..", "shared", "peers"))
FIX = os.environ.get("MEDIAGRAPH_FIXTURES", os.path.join(ROOT, "..", "shared", "fixtures"))


class Server:
    """Mediagraph with a fresh data dir on a free loopback port, and an ADMIN token made by its CLI."""

    def __init__(self, binary, env=None):
        self.data = tempfile.mkdtemp(prefix="sbs-data-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, MEDIAGRAPH_ADDR=f"127.0.0.1:{self.port}", MEDIAGRAPH_DATA_DIR=self.data,
                        MEDIAGRAPH_PUBLIC_URL=self.base, **(env or {}))
        subprocess.run([binary, "migrate"], env=self.env, capture_output=True, check=True, timeout=60)
        out = subprocess.run([binary, "token", "create", "--role", "ADMIN", "--name", "sbs"], env=self.env,
                             capture_output=True, text=True, check=True, timeout=30).stdout
        self.admin = out.strip().splitlines()[-1].strip()
        self.log = open(os.path.join(self.data, "serve.log"), "w")
        self.proc = subprocess.Popen([binary, "serve"], env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        for _ in range(150):
            try:
                if urllib.request.urlopen(self.base + "/healthz", timeout=1).status == 200:
                    return
            except Exception:
                time.sleep(0.1)
        self.stop()
        raise SystemExit("mediagraph did not answer /healthz within 15 s")

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        shutil.rmtree(self.data, ignore_errors=True)


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wrk(url, lua, seconds=10, conns=2):
    out = subprocess.run(["wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "-s", lua, url], capture_output=True, text=True).stdout
    bad = [l for l in out.splitlines() if "Non-2xx" in l or "Socket errors" in l or l.startswith("upload failed")]
    rps = float(next(l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec:")))
    return rps, bad


def lua_file(body, headers, script=""):
    f = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    f.write('wrk.method = "POST"\n' if body else 'wrk.method = "GET"\n')
    if body:
        f.write("wrk.body = [==[" + body + "]==]\n")
    for k, v in headers.items():
        f.write(f'wrk.headers["{k}"] = "{v}"\n')
    f.write(script)
    f.close()
    return f.name


def big_jpeg():
    """A temporary folder holding big.jpg, the 3000x2250 q90 JPEG both sides get, and its bytes."""
    tmp = tempfile.mkdtemp(prefix="sbs-")
    path = os.path.join(tmp, "big.jpg")
    subprocess.run(["vips", "thumbnail", os.path.join(FIX, "photo-12mp.jpg"), path + "[Q=90,strip]", "3000"], check=True)
    return tmp, path, open(path, "rb").read()


def multipart(fields, files):
    b = uuid.uuid4().hex
    out = []
    for k, v in fields.items():
        out.append(f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode())
    for k, (name, data, ctype) in files.items():
        out.append(f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
    out.append(f"--{b}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={b}"


def post(url, body, ctype, token):
    req = urllib.request.Request(url, data=body, headers={"Content-Type": ctype, "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"null")


# ---------------------------------------------------------------- Mediagraph
class MG:
    def __init__(self, binary, env=None):
        self.s = Server(binary, env=env or {})
        self.url = self.s.base

    def upload_many(self, names_data):
        ops = {"query": "mutation($f:[Upload!]!){ uploadAssets(files:$f){ id } }", "variables": {"f": [None] * len(names_data)}}
        fmap = {str(i): [f"variables.f.{i}"] for i in range(len(names_data))}
        files = {str(i): nd for i, nd in enumerate(names_data)}
        body, ct = multipart({"operations": json.dumps(ops), "map": json.dumps(fmap)}, files)
        r = post(self.url + "/graphql", body, ct, self.s.admin)
        if r.get("errors"):
            raise SystemExit("mediagraph upload: " + json.dumps(r["errors"])[:300])
        return [a["id"] for a in r["data"]["uploadAssets"]]

    def gql(self, q, v=None, token=None):
        r = post(self.url + "/graphql", json.dumps({"query": q, "variables": v or {}}).encode(), "application/json", token or self.s.admin)
        if r.get("errors"):
            raise SystemExit("mediagraph: " + json.dumps(r["errors"])[:300])
        return r["data"]

    def stop(self):
        self.s.stop()


MG_QUERY = "query { assets(first: 50) { nodes { id filename width height mimeType size tags { name } collection { id name } } } }"
DX_QUERY = "query { files(limit: 50) { id filename_download width height tags type filesize folder { id name } } }"


def seed_mg(mg, n=200):
    webp = open(os.path.join(FIX, "photo.webp"), "rb").read(); png = open(os.path.join(FIX, "alpha.png"), "rb").read()
    cols = [mg.gql('mutation($n:String!){ createCollection(input:{name:$n}){ id } }', {"n": f"bench-{c}"})["createCollection"]["id"] for c in "abc"]
    ids = []
    for start in range(0, n, 10):
        batch = []
        for i in range(start, start + 10):
            batch.append((f"bench-{i}.webp", webp, "image/webp") if i % 2 else (f"bench-{i}.png", png, "image/png"))
        got = mg.upload_many(batch)
        ids += got
    for k, c in enumerate(cols):
        mg.gql('mutation($i:[ID!]!,$c:ID!){ moveAssets(ids:$i, collectionId:$c){ id } }', {"i": ids[k::3], "c": c})
    for k in range(5):
        mg.gql('mutation($i:[ID!]!,$t:[String!]!){ tagAssets(ids:$i, tags:$t){ id } }', {"i": ids[k::5], "t": ["bench", f"set-{k}"]})
    mg.gql('mutation($i:[ID!]!){ setAssetStatus(ids:$i, status: PUBLIC){ id } }', {"i": ids})
    return ids


def token(mg, role):
    return mg.gql('mutation($r:Role!){ createApiToken(input:{name:"bench-%s", role:$r}){ secret } }' % role.lower(), {"r": role})["createApiToken"]["secret"]


# ---------------------------------------------------------------- Directus
class DX:
    """Directus started on an empty database: a pristine copy of the bootstrapped one is kept beside it and
    restored before every start, so earlier runs' files never weigh on a measurement."""

    def __init__(self, d):
        self.dir, self.port = d, free_port()
        db, pristine = os.path.join(d, "data", "directus.db"), os.path.join(d, "data", "pristine.db")
        if not os.path.exists(pristine):
            if os.path.exists(db):
                os.remove(db)
            subprocess.run([os.path.join(PEERS, "directus", "setup.sh"), d], capture_output=True, check=True)
            shutil.copy(db, pristine)
        shutil.copy(pristine, db)
        for x in ("directus.db-wal", "directus.db-shm"):
            if os.path.exists(os.path.join(d, "data", x)):
                os.remove(os.path.join(d, "data", x))
        shutil.rmtree(os.path.join(d, "uploads"), ignore_errors=True); os.makedirs(os.path.join(d, "uploads"))
        self.pid = subprocess.run([os.path.join(PEERS, "directus", "start.sh"), d, str(self.port)], capture_output=True, text=True, check=True).stdout.strip()
        self.url = f"http://127.0.0.1:{self.port}"

    def seed(self, n):
        return subprocess.run([os.path.join(PEERS, "directus", "seed.sh"), self.dir, str(self.port), str(n)], capture_output=True, text=True, check=True).stdout.strip()

    def stop(self):
        subprocess.run([os.path.join(PEERS, "directus", "stop.sh"), self.dir], capture_output=True)


RESULTS = {}


def report(name, pairs, key=None):
    ratios = sorted(a / b for a, b in pairs)
    med = ratios[len(ratios) // 2]
    if key:
        RESULTS[key] = med
    print(f"{name}: " + ", ".join(f"{a:.1f} vs {b:.1f}" for a, b in pairs) + f"  => median ratio {med:.2f}x", flush=True)
    return med




def cli(doc, run, extra=None):
    """The command line every target shares: the binary, the peers' places, the rounds; extra adds a
    target's own options to the parser."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="the mediagraph binary to measure")
    ap.add_argument("--directus", default="/tmp/peers-directus", help="Directus installed by the peers' directus/setup.sh")
    ap.add_argument("--imgproxy", default="/tmp/peers-imgproxy/imgproxy", help="imgproxy built by the peers' imgproxy/setup.sh")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the report gives their median ratio")
    if extra:
        extra(ap)
    a = ap.parse_args()
    a.binary = os.path.abspath(a.binary)
    run(a)
