"""Exact interval ends (mpmath, gen_exact.py's inversion) where R effectsize 0.8.3's optimiser
fails by more than 1e-2: the documented cases in tests/group.rs (R_OPTIMISER_FAILURES).

Run: python3 gen_r_failures.py -> r_optimiser_failures.json
"""
import json

import mpmath as mp

import gen_exact as G

mp.mp.dps = 20
sets = {s["id"]: s for s in json.load(open("datasets.json"))["sets"]}
R = {r["id"]: r for r in json.load(open("effectsize_0.8.3.json"))["results"]}
out = []


def case(id_, key, end, level, pivot):
    s = sets[id_]
    x = [mp.mpf(repr(v)) for v in s["x"]]
    y = [mp.mpf(repr(v)) for v in s["y"]]
    n1, n2 = len(x), len(y)
    mx, my, v1, v2 = G.mean(x), G.mean(y), G.var(x), G.var(y)
    if pivot == "d":
        df = n1 + n2 - 2
        sp = mp.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / df)
        h = mp.mpf(1) / n1 + mp.mpf(1) / n2
        t = (mx - my) / sp / mp.sqrt(h)
    else:  # Glass's delta, effectsize's pivot
        df = n2 - 1
        h = mp.mpf(1) / n2 + v1 / (n1 * v2)
        t = (mx - my) / mp.sqrt(v2) / mp.sqrt(h)
    lo, hi = G.ncp_interval(t, df, level)
    exact = (lo if end == "lo" else hi) * mp.sqrt(h)
    out.append({"id": id_, "key": key, "end": end, "level": level, "exact": float(exact),
                "effectsize": R[id_][key][end]})


case("ind37", "glass_delta", "hi", 0.95, "glass")
case("ind41", "cohens_d_90", "hi", 0.90, "d")
json.dump({"produced_by": "tests/reference/group/gen_r_failures.py (mpmath %s, 20 digits)" % mp.__version__,
           "cases": out}, open("r_optimiser_failures.json", "w"), indent=1)
print(out)
