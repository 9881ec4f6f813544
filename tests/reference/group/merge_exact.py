"""Merge the shards of gen_exact.py (exact_mpmath.part*.json) into exact_mpmath.json.

Run: python3 gen_exact.py 0 2 & python3 gen_exact.py 1 2; python3 merge_exact.py
(a shard that stopped can be resumed from data set FIRST: python3 gen_exact.py 0 2 FIRST)
"""
import glob
import json

parts = [json.load(open(f)) for f in sorted(glob.glob("exact_mpmath.part*.json"))]
ids = [s["id"] for s in json.load(open("datasets.json"))["sets"]]
rows = {r["id"]: r for p in parts for r in p["results"]}
assert sorted(rows) == sorted(ids)
json.dump({"produced_by": parts[0]["produced_by"] + ", two shards merged by merge_exact.py",
           "max_crosscheck_rel": max(p["max_crosscheck_rel"] for p in parts),
           "results": [rows[i] for i in ids]}, open("exact_mpmath.json", "w"), indent=1)
