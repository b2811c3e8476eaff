#!/usr/bin/env python3
"""Uncached GraphQL list of 50 with tags and collection: Mediagraph (EDITOR token) vs Directus files(limit:50), wrk -t1 -c2.

--postgres serves Mediagraph from a throwaway PostgreSQL cluster (Directus stays on SQLite, the one database
its setup installs). --statements also prints the served process's CPU per request and the CPU of the
page's own SQL statements replayed alone (BenchmarkEditorList/BACKEND/statements), and their ratio."""
import re
from peers import *


ROUND_SECONDS = 10


class Postgres:
    """A throwaway PostgreSQL 15 cluster on a free loopback port, as ../shared/SERVICES.md starts one."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sbs-pg-")
        self.port = free_port()
        as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if as_pg:
            shutil.chown(self.dir, "postgres", "postgres")
        self.ctl = as_pg + ["pg_ctl", "-D", os.path.join(self.dir, "data")]
        subprocess.run(as_pg + ["initdb", "-D", os.path.join(self.dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
                       capture_output=True, check=True)
        subprocess.run(self.ctl + ["-l", os.path.join(self.dir, "log"), "-w", "-o",
                                   f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off", "start"],
                       capture_output=True, check=True)
        self.n = 0

    def database(self):
        """The URL of a new empty database."""
        self.n += 1
        name = f"mediagraph{self.n}"
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", f"create database {name}"],
                       capture_output=True, check=True)
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}?sslmode=disable"

    def stop(self):
        subprocess.run(self.ctl + ["-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def cpu_seconds(pid):
    """User and system CPU the process has used so far."""
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def statements_us(backend):
    """µs of the page's SQL statements alone, from the Go benchmark that replays them one after the
    other: CPU time on SQLite, which runs inside the process; wall time on PostgreSQL, whose work is
    done in its own processes."""
    out = subprocess.run(["go", "test", "./server", "-run", "^$", "-bench", f"EditorList/{backend}/statements", "-benchtime", "500x", "-count", "3"],
                         cwd=ROOT, capture_output=True, text=True).stdout
    if backend == "postgres":
        got = sorted(float(m) / 1000 for m in re.findall(r"([0-9.]+) ns/op", out))
    else:
        got = sorted(float(m) for m in re.findall(r"([0-9.]+) cpu-µs/page", out))
    if not got:
        raise SystemExit("BenchmarkEditorList gave no figure:\n" + out[-2000:])
    return got[len(got) // 2]


def bench_graphql(binary, dx_src, rounds, postgres=False, statements=False):
    pg = Postgres() if postgres else None
    db = {"DATABASE_URL": pg.database()} if pg else {}
    mg = MG(binary, {"MEDIAGRAPH_DELIVERY_CACHE_BYTES": "0", **db})
    mgc = None
    dx = None
    try:
        seed_mg(mg)
        editor = token(mg, "EDITOR")
        lua_mg = lua_file(json.dumps({"query": MG_QUERY}), {"Content-Type": "application/json", "Authorization": f"Bearer {editor}"})
        dx = DX(dx_src)
        dtok = dx.seed(200)
        lua_dx = lua_file(json.dumps({"query": DX_QUERY}), {"Content-Type": "application/json", "Authorization": f"Bearer {dtok}"})
        wrk(dx.url + "/graphql/system", lua_dx, 60); wrk(mg.url + "/graphql", lua_mg, 10)   # warm-ups (V8 JIT: Directus keeps speeding up for 30-60 s)
        pairs, cpu = [], []
        for _ in range(rounds):
            d, bd = wrk(dx.url + "/graphql/system", lua_dx, ROUND_SECONDS)
            before = cpu_seconds(mg.s.proc.pid)
            m, bm = wrk(mg.url + "/graphql", lua_mg, ROUND_SECONDS)
            cpu.append((cpu_seconds(mg.s.proc.pid) - before) / (m * ROUND_SECONDS) * 1e6)
            if bd or bm:
                print("errors:", bd, bm)
            pairs.append((m, d))
        backend = "postgres" if pg else "sqlite"
        report(f"graphql list of 50, uncached (Mediagraph EDITOR on {backend} vs Directus admin on sqlite), req/s", pairs, "graphql")
        if statements:
            served = sorted(cpu)[len(cpu) // 2]
            db_us = statements_us(backend)
            print(f"served CPU per request {served:.0f} µs (rounds: {', '.join(f'{c:.0f}' for c in cpu)}); "
                  f"the page's statements alone {db_us:.0f} µs; layer/DB {(served - db_us) / db_us:.2f}x", flush=True)
        dx.stop(); dx = None
        mg.stop(); mg = None
        # the cached path as served to sites: DELIVERY token, cache on
        mgc = MG(binary, {"DATABASE_URL": pg.database()} if pg else {})
        seed_mg(mgc)
        deliv = token(mgc, "DELIVERY")
        lua_c = lua_file(json.dumps({"query": MG_QUERY}), {"Content-Type": "application/json", "Authorization": f"Bearer {deliv}"})
        wrk(mgc.url + "/graphql", lua_c, 5)
        c, _ = wrk(mgc.url + "/graphql", lua_c)
        print(f"graphql list of 50, Mediagraph DELIVERY with its response cache: {c:.0f} req/s", flush=True)
    finally:
        for x in (mg, mgc, dx, pg):
            if x:
                x.stop()


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_graphql(a.binary, a.directus, a.rounds, a.postgres, a.statements),
        lambda ap: (ap.add_argument("--postgres", action="store_true", help="serve Mediagraph from a throwaway PostgreSQL"),
                    ap.add_argument("--statements", action="store_true", help="also measure the page's SQL statements alone and the layer/DB ratio")))
