#!/usr/bin/env python3
"""Uncached GraphQL list of 50 with tags and collection: Mediagraph (EDITOR token) vs Directus files(limit:50), wrk -t1 -c2."""
from peers import *


def bench_graphql(binary, dx_src, rounds):
    mg = MG(binary, {"MEDIAGRAPH_DELIVERY_CACHE_BYTES": "0"})
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
        pairs = []
        for _ in range(rounds):
            d, bd = wrk(dx.url + "/graphql/system", lua_dx)
            m, bm = wrk(mg.url + "/graphql", lua_mg)
            if bd or bm:
                print("errors:", bd, bm)
            pairs.append((m, d))
        report("graphql list of 50, uncached (Mediagraph EDITOR vs Directus admin), req/s", pairs, "graphql")
        dx.stop(); dx = None
        mg.stop(); mg = None
        # the cached path as served to sites: DELIVERY token, cache on
        mgc = MG(binary)
        seed_mg(mgc)
        deliv = token(mgc, "DELIVERY")
        lua_c = lua_file(json.dumps({"query": MG_QUERY}), {"Content-Type": "application/json", "Authorization": f"Bearer {deliv}"})
        wrk(mgc.url + "/graphql", lua_c, 5)
        c, _ = wrk(mgc.url + "/graphql", lua_c)
        print(f"graphql list of 50, Mediagraph DELIVERY with its response cache: {c:.0f} req/s", flush=True)
    finally:
        for x in (mg, mgc, dx):
            if x:
                x.stop()


if __name__ == "__main__":
    cli(__doc__, lambda a: bench_graphql(a.binary, a.directus, a.rounds))
