#!/usr/bin/env python3
"""High-precision references for the single-case NAP / Tau / Tau-BC intervals.

Run from this directory: python3 gen_newcombe.py > newcombe_mpmath.json

For every series in singlecase_singlecasees_0.7.4.jsonl (and a few extra cases), computes with
exact rational arithmetic (fractions) and mpmath at 60 digits:
  - NAP (oriented by the series' improvement direction), its unbiased SE, and the ends of the
    Newcombe (2006) method 5 interval at the given level: the roots in [0, NAP] and [NAP, 1] of
      m n (NAP - x)^2 (2 - x)(1 + x) - z^2 x (1 - x)(2 + h + (1 + 2h) x (1 - x)),
    h = (m + n)/2 - 1, z = the normal quantile at 1 - (1 - level)/2, found by bisection
    to 1e-50; at NAP = 1 (0) the trivial root at x = 1 (0) is divided out first;
  - Tau-BC (SingleCaseES default: Theil-Sen detrending on sessions 1..m+n, then NAP-type Tau)
    with exact rational residuals, so residuals equal in exact arithmetic are exact ties;
    its unbiased SE and its Newcombe interval (2 x NAP ends - 1).
Values are printed with 17 significant digits.
"""
import json
import sys
from fractions import Fraction as F

import mpmath as mp

mp.mp.dps = 60


def zval(level):
    return mp.sqrt(2) * mp.erfinv(mp.mpf(level))


def bisect(f, lo, hi):
    flo = f(lo)
    for _ in range(400):
        mid = (lo + hi) / 2
        fm = f(mid)
        if fm == 0:
            return mid
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < mp.mpf(10) ** -55:
            break
    return (lo + hi) / 2


def newcombe(theta, m, n, level):
    theta = mp.mpf(theta.numerator) / theta.denominator
    z2 = zval(level) ** 2
    h = mp.mpf(m + n) / 2 - 1
    mn = m * n

    def spread(x):
        return 2 + h + (1 + 2 * h) * x * (1 - x)

    def f(x):
        return mn * (theta - x) ** 2 * (2 - x) * (1 + x) - z2 * x * (1 - x) * spread(x)

    if theta == 0:
        lower = mp.mpf(0)
        upper = bisect(lambda x: mn * x * (2 - x) * (1 + x) - z2 * (1 - x) * spread(x), mp.mpf(0), mp.mpf(1))
    elif theta == 1:
        upper = mp.mpf(1)
        lower = bisect(lambda x: mn * (1 - x) * (2 - x) * (1 + x) - z2 * x * spread(x), mp.mpf(0), mp.mpf(1))
    else:
        lower = bisect(f, mp.mpf(0), theta)
        upper = bisect(f, theta, mp.mpf(1))
    return lower, upper


def nap_exact(a, b):
    """NAP and unbiased variance (SingleCaseES formulas) in exact rationals."""
    m, n = len(a), len(b)
    q = [[(F(1) if bj > ai else F(1, 2) if bj == ai else F(0)) for bj in b] for ai in a]
    nap = sum(sum(r) for r in q) / (m * n)
    q1 = sum((sum(r) - n * nap) ** 2 for r in q) / (m * n * n)
    q2 = sum((sum(q[i][j] for i in range(m)) - m * nap) ** 2 for j in range(n)) / (m * m * n)
    x = sum((v - nap) ** 2 for r in q for v in r) / (m * n)
    trunc = F(1, 2 * m * n)
    nt = min(max(nap, trunc), 1 - trunc)
    v = (nt * (1 - nt) + n * q1 + m * q2 - 2 * x) / ((m - 1) * (n - 1))
    return nap, v


def median(xs):
    s = sorted(xs)
    k = len(s)
    return s[k // 2] if k % 2 else (s[k // 2 - 1] + s[k // 2]) / 2


def tau_bc_exact(a, b, sign):
    m, n = len(a), len(b)
    ta = list(range(1, m + 1))
    tb = list(range(m + 1, m + n + 1))
    a = [F(v) for v in a]
    b = [F(v) for v in b]
    slopes = [(a[k] - a[i]) / (ta[k] - ta[i]) for i in range(m) for k in range(i + 1, m)]
    slope = median(slopes)
    intercept = median([a[i] - ta[i] * slope for i in range(m)])
    ra = [sign * (a[i] - intercept - slope * ta[i]) for i in range(m)]
    rb = [sign * (b[j] - intercept - slope * tb[j]) for j in range(n)]
    return nap_exact(ra, rb)


def fmt(x):
    return float(mp.nstr(mp.mpf(x), 17)) if not isinstance(x, F) else float(mp.nstr(mp.mpf(x.numerator) / x.denominator, 17))


def entry(a, b, sign, level, with_bc):
    oa = [sign * v for v in a]
    ob = [sign * v for v in b]
    nap, v = nap_exact(oa, ob)
    lo, hi = newcombe(nap, len(a), len(b), level)
    out = {
        "A": a, "B": b, "sign": sign, "level": level,
        "nap": fmt(nap), "nap_se": fmt(mp.sqrt(mp.mpf(v.numerator) / v.denominator)),
        "nap_lo": fmt(lo), "nap_hi": fmt(hi),
    }
    if with_bc:
        bc, vb = tau_bc_exact(a, b, sign)
        blo, bhi = newcombe(bc, len(a), len(b), level)
        out.update({
            "taubc": fmt(2 * bc - 1),
            "taubc_se": fmt(2 * mp.sqrt(mp.mpf(vb.numerator) / vb.denominator)),
            "taubc_lo": fmt(2 * blo - 1), "taubc_hi": fmt(2 * bhi - 1),
        })
    return out


def main():
    rows = [json.loads(line) for line in open("singlecase_singlecasees_0.7.4.jsonl")]
    series = []
    for r in rows:
        sign = -1 if r["improvement"] == "decrease" else 1
        series.append(entry(r["A"], r["B"], sign, 0.95, True))
    extra = [
        ([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 1, 0.95),   # NAP = 1, 5 vs 5: lower end 0.6427
        ([6, 7, 8, 9, 10], [1, 2, 3, 4, 5], 1, 0.95),   # NAP = 0
        ([1, 2, 3], [4, 5, 6, 7], 1, 0.90),
        ([1, 2, 3], [4, 5, 6, 7], 1, 0.99),
        ([3, 3, 4, 5], [4, 5, 6, 7, 7], 1, 0.80),
        ([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 7],
         [4, 5, 3, 6, 4, 3, 5, 4, 3, 5, 2, 4, 3, 5, 4, 3, 2, 4, 3, 5, 4, 3], -1, 0.95),
        ([2, 2], [3, 3], 1, 0.95),
    ]
    extras = [entry(a, b, s, lv, False) for a, b, s, lv in extra]
    json.dump({"generator": "gen_newcombe.py (mpmath 60 digits, exact rationals)",
               "series": series, "extra": extras}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
