"""Hedges' exact small-sample factor J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) at 50 digits.

Run: python3 gen_j.py -> hedges_j_mpmath.json (mpmath; 17 significant digits)
"""
import json
import mpmath as mp

mp.mp.dps = 50
dfs = [1.5, 2, 3, 4, 5, 7, 10, 20, 38, 40, 40.5, 41, 41.5, 42, 60, 98, 100, 1000, 12345.5, 1e5, 1e6, 1e8, 1e12]
rows = []
for m in dfs:
    m = mp.mpf(m)
    j = mp.exp(mp.loggamma(m / 2) - mp.loggamma((m - 1) / 2)) / mp.sqrt(m / 2)
    rows.append({"df": float(m), "j": float(j)})
json.dump({"produced_by": "tests/reference/group/gen_j.py (mpmath %s, 50 digits)" % mp.__version__,
           "rows": rows}, open("hedges_j_mpmath.json", "w"), indent=1)
