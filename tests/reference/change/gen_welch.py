"""Golden values for outcome_stats::change::WelchInterval.

Produced by: python3 gen_welch.py > welch.json   (Python 3.11, mpmath, scipy only for a start value)
The t quantile is solved in mpmath at 40 digits from the regularised incomplete beta function:
P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2. Values are printed at 17 significant digits.
Improvement = s * (mean(B) - mean(A)) with s = -1 for lower-is-better scales.
"""
import json
import mpmath as mp
from scipy import stats

mp.mp.dps = 40

CASES = [
    # name, lower_is_better, A, B, level
    ("ab_pain", True, [8, 9, 10], [2, 3, 4], 0.95),
    ("ab_unequal", True, [9, 10, 10, 9, 10], [6, 3, 1, 1], 0.95),
    ("ab_function", False, [20, 25, 22, 30], [40, 45, 38, 50, 47, 52], 0.90),
    ("ab_one_constant", True, [7, 7, 7], [5, 3, 4, 2], 0.99),
    ("ab_decimals", True, [6.5, 7.25, 6.75, 7.0, 7.5], [4.25, 3.5, 3.75], 0.80),
]


def welch(a, b, level, lower_is_better):
    a = [mp.mpf(x) for x in a]
    b = [mp.mpf(x) for x in b]
    na, nb = len(a), len(b)
    ma, mb = sum(a) / na, sum(b) / nb
    va = sum((x - ma) ** 2 for x in a) / (na - 1)
    vb = sum((x - mb) ** 2 for x in b) / (nb - 1)
    qa, qb = va / na, vb / nb
    se = mp.sqrt(qa + qb)
    df = (qa + qb) ** 2 / (qa ** 2 / (na - 1) + qb ** 2 / (nb - 1))
    alpha = 1 - mp.mpf(level)
    start = stats.t.ppf(1 - float(alpha) / 2, float(df))
    f = lambda t: mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2 - alpha / 2
    tq = mp.findroot(f, mp.mpf(start))
    s = -1 if lower_is_better else 1
    imp = s * (mb - ma)
    return dict(improvement=imp, se=se, df=df, t_quantile=tq, lower=imp - tq * se, upper=imp + tq * se)


out = []
for name, lib, a, b, level in CASES:
    r = welch(a, b, level, lib)
    row = dict(name=name, lower_is_better=lib, a=a, b=b, level=level)
    row.update({k: float(mp.nstr(v, 17)) for k, v in r.items()})
    out.append(row)
print(json.dumps({"source": "tests/reference/change/gen_welch.py (mpmath 40 digits)", "cases": out}, indent=1))
