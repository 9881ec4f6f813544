"""Generate the two-group and paired test data sets used by the group effect-size goldens.

Run: python3 gen_data.py  (numpy 2.x, seed fixed) -> datasets.json
Values are rounded to 6 decimals so every tool reads the same doubles from the text.
"""
import json
import numpy as np

rng = np.random.default_rng(20261125)
sizes = [(2, 2), (2, 3), (3, 3), (3, 5), (4, 6), (5, 5), (6, 4), (8, 12), (10, 10),
         (12, 7), (15, 20), (20, 20), (25, 25), (30, 45), (50, 50), (50, 20)]
effects = [0.0, 0.8, -1.5, 3.0, 4.5]
sets = []
k = 0
for (n1, n2) in sizes:
    for delta in effects:
        # keep the run short: every size gets 3 of the 5 effects, rotating
        if (k % 5) in ((sizes.index((n1, n2)) + 3) % 5, (sizes.index((n1, n2)) + 4) % 5):
            k += 1
            continue
        k += 1
        y = rng.normal(10.0, 2.0, n2)
        x = rng.normal(10.0 + 2.0 * delta, 2.0 * rng.uniform(0.7, 1.4), n1)
        sets.append({"id": f"ind{len(sets):02d}", "design": "independent",
                     "x": [round(float(v), 6) for v in x], "y": [round(float(v), 6) for v in y]})
# a near-zero effect, exactly
sets.append({"id": "ind_zero", "design": "independent",
             "x": [1.0, 2.0, 3.0, 4.0, 5.0], "y": [5.0, 3.0, 1.0, 4.0, 2.0]})
# paired: correlated pairs
for n in [2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 40, 50]:
    for (delta, rho) in [(0.0, 0.5), (0.6, 0.8), (-2.5, 0.3), (2.0, 0.9)]:
        if rng.uniform() < 0.35 and n not in (2, 50):
            continue
        z1 = rng.normal(size=n)
        z2 = rho * z1 + np.sqrt(1 - rho * rho) * rng.normal(size=n)
        y = 50.0 + 10.0 * z1
        x = 50.0 + 10.0 * delta + 10.0 * rng.uniform(0.8, 1.25) * z2
        sets.append({"id": f"pair{len(sets):02d}", "design": "paired",
                     "x": [round(float(v), 6) for v in x], "y": [round(float(v), 6) for v in y]})
json.dump({"produced_by": "tests/reference/group/gen_data.py (numpy default_rng seed 20261125)",
           "sets": sets}, open("datasets.json", "w"), indent=1)
print(len(sets), "sets")
