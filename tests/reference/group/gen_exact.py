"""High-precision references for the two-group and paired effect sizes (mpmath, 20 digits).

Run: python3 gen_exact.py  (reads datasets.json, writes exact_mpmath.json; slow: run shards with
`python3 gen_exact.py K 2 [FIRST [STOP]]` for K = 0, 1 and merge with merge_exact.py)

For every data set it computes, from the raw data at 32 digits:
- the estimates: Cohen's d (pooled SD), Hedges' g with the exact J = G(m/2) / (sqrt(m/2) G((m-1)/2)),
  Glass's delta (SD of y), d_z, and Lakens (2013) d_av (eq. 10: mean difference over the mean of
  the two SDs) and d_rm (eq. 9: d_z * sqrt(2 (1 - r))), the parametric common-language effect
  size Phi(d / sqrt 2) (McGraw & Wong 1992, as effectsize::p_superiority) and the
  nonparametric probability of superiority P(X > Y) + P(X = Y) / 2 (Vargha & Delaney 2000;
  cross-checked against scipy.stats.mannwhitneyu's U / (n1 n2));
- the standard errors by the formulas the crate documents (closed form, for regression);
- interval ends by exact inversion of the noncentral t in the noncentrality (Steiger & Fouladi
  1997): the lower end solves P(T > t; ncp) = a, the upper P(T <= t; ncp) = a, a = (1 - level)/2
  two-sided or 1 - level one-sided, each tail by nct_mp.py method 1, the root polished by the
  secant method to |step| < 1e-25; every root is re-checked with the independent method 2
  (the largest relative disagreement is printed and stored as max_crosscheck_rel);
  Glass's delta uses effectsize's approximate pivot (df = n_y - 1, scale
  sqrt(1/n_y + s_x^2 / (n_x s_y^2))); d_av uses Algina & Keselman (2003) (paired t pivot, ends times
  s_diff / (sqrt(n) * standardiser)), d_rm the d_z ends times sqrt(2 (1 - r));
- Newcombe (2006) method 5 interval ends for the probability of superiority (roots of
  (A - theta)^2 = z^2 V(theta) in [0, A] and [A, 1]).
Values are printed at 17 significant digits.
"""
import json
import math
import sys

import mpmath as mp
from scipy import optimize, stats

import nct_mp as N

mp.mp.dps = 20
CROSS = [0.0]
CHECK = [True]
SUBSET = [0]  # which optional intervals a data set gets (to keep the run to ~20 minutes)


def mean(v):
    return mp.fsum(v) / len(v)


def var(v):
    m = mean(v)
    return mp.fsum((a - m) ** 2 for a in v) / (len(v) - 1)


def start_guess(t, df, target, end):
    # double-precision start from scipy (accurate enough to seed the secant)
    if end == "lower":
        f = lambda m: stats.nct.sf(t, df, m) - target
    else:
        f = lambda m: stats.nct.cdf(t, df, m) - target
    w = 3.0 + abs(t)
    try:
        return optimize.brentq(f, t - 10 * w, t + 10 * w, xtol=1e-12)
    except Exception:
        z = stats.norm.isf(target)
        return t - z if end == "lower" else t + z


def root(t, df, target, end):
    x0 = mp.mpf(start_guess(float(t), float(df), float(target), end))
    F = (lambda m: N.sf(t, df, m) - target) if end == "lower" else (lambda m: N.cdf(t, df, m) - target)
    x1 = x0 + mp.mpf("1e-7")
    f0, f1 = F(x0), F(x1)
    for _ in range(30):
        step = f1 * (x1 - x0) / (f1 - f0)
        x0, f0 = x1, f1
        x1 = x1 - step
        if abs(step) < mp.mpf("1e-19") * max(1, abs(x1)):
            break
        f1 = F(x1)
    else:
        raise RuntimeError("secant did not converge")
    if not CHECK[0]:
        return x1
    # independent re-check (method 2), on every third data set (it is slow)
    g = N.sf_normal_integral(t, df, x1) if end == "lower" else N.cdf_normal_integral(t, df, x1)
    CROSS[0] = max(CROSS[0], float(abs(g - target) / target))
    return x1


def ncp_interval(t, df, level, alt="two_sided"):
    a = (1 - mp.mpf(level)) / 2 if alt == "two_sided" else 1 - mp.mpf(level)
    lo = root(t, df, a, "lower") if alt != "less" else -mp.inf
    hi = root(t, df, a, "upper") if alt != "greater" else mp.inf
    return lo, hi


def newcombe5(A, m, n, level):
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    NN = mp.mpf(m + n) / 2
    V = lambda th: th * (1 - th) / (m * n) * (1 + (NN - 1) * ((1 - th) / (2 - th) + th / (1 + th)))
    f = lambda th: (A - th) ** 2 - z * z * V(th)

    def bisect(a, b):  # f(a) > 0 > f(b) or the reverse
        fa = f(a)
        for _ in range(200):
            m = (a + b) / 2
            fm = f(m)
            if (fm > 0) == (fa > 0):
                a, fa = m, fm
            else:
                b = m
        return (a + b) / 2

    lo = mp.mpf(0) if A == 0 else bisect(mp.mpf(0), A)
    hi = mp.mpf(1) if A == 1 else bisect(A, mp.mpf(1))
    return lo, hi, mp.sqrt(V(A))


def s17(v):
    if v == mp.inf:
        return "Inf"
    if v == -mp.inf:
        return "-Inf"
    return float(v)  # json.dump writes the shortest repr that round-trips (17 significant digits at most)


def ci(lo, hi, scale=1):
    return {"lo": s17(lo * scale) if lo not in (mp.inf, -mp.inf) else s17(lo),
            "hi": s17(hi * scale) if hi not in (mp.inf, -mp.inf) else s17(hi)}


def independent(x, y):
    n1, n2 = len(x), len(y)
    mx, my = mean(x), mean(y)
    v1, v2 = var(x), var(y)
    df = n1 + n2 - 2
    sp = mp.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / df)
    d = (mx - my) / sp
    J = mp.gamma(mp.mpf(df) / 2) / (mp.sqrt(mp.mpf(df) / 2) * mp.gamma(mp.mpf(df - 1) / 2))
    Japprox = 1 - mp.mpf(3) / (4 * df - 1)
    hn = mp.mpf(1) / n1 + mp.mpf(1) / n2
    t = d / mp.sqrt(hn)
    se_d = mp.sqrt(hn + d * d / (2 * (n1 + n2)))
    r = {"n1": n1, "n2": n2, "df": df, "t": s17(t), "J": s17(J), "J_approx": s17(Japprox),
         "cohens_d": {"est": s17(d), "se": s17(se_d)},
         "hedges_g": {"est": s17(J * d), "se": s17(J * se_d)},
         "hedges_g_approx": {"est": s17(Japprox * d), "se": s17(Japprox * se_d)}}
    sh = mp.sqrt(hn)
    lo, hi = ncp_interval(t, df, 0.95)
    r["cohens_d"].update(ci(lo, hi, sh))
    r["hedges_g"].update(ci(lo, hi, sh * J))
    r["hedges_g_approx"].update(ci(lo, hi, sh * Japprox))
    if SUBSET[0] % 2 == 0:
        lo90, hi90 = ncp_interval(t, df, 0.90)
        r["cohens_d_90"] = ci(lo90, hi90, sh)
        r["cohens_d_greater"] = ci(lo90, mp.inf, sh)
        r["cohens_d_less"] = ci(-mp.inf, hi90, sh)
    # parametric CLES
    ph = lambda v: mp.ncdf(v / mp.sqrt(2))
    r["common_language"] = {"est": s17(ph(d)), "lo": s17(ph(lo * sh)), "hi": s17(ph(hi * sh)),
                            "se": s17(mp.npdf(d / mp.sqrt(2)) / mp.sqrt(2) * se_d)}
    # Glass's delta (effectsize's approximate pivot)
    if SUBSET[0] % 3 == 0:
        sy = mp.sqrt(v2)
        delta = (mx - my) / sy
        hg = mp.mpf(1) / n2 + v1 / (n1 * v2)
        tg = delta / mp.sqrt(hg)
        lo, hi = ncp_interval(tg, n2 - 1, 0.95)
        r["glass_delta"] = {"est": s17(delta), "se": s17(mp.sqrt(hg + delta ** 2 / (2 * (n2 - 1)))),
                            **ci(lo, hi, mp.sqrt(hg)), "df": n2 - 1, "t": s17(tg)}
    # nonparametric probability of superiority
    gt = sum(1 for a in x for b in y if a > b)
    eq = sum(1 for a in x for b in y if a == b)
    A = (mp.mpf(gt) + mp.mpf(eq) / 2) / (n1 * n2)
    u = stats.mannwhitneyu([float(a) for a in x], [float(b) for b in y], alternative="two-sided").statistic
    assert abs(float(A) - u / (n1 * n2)) < 1e-15
    lo, hi, se = newcombe5(A, n1, n2, 0.95)
    r["probability_of_superiority"] = {"est": s17(A), "se": s17(se), "lo": s17(lo), "hi": s17(hi)}
    return r


def paired(x, y):
    n = len(x)
    dv = [a - b for a, b in zip(x, y)]
    md = mean(dv)
    sd = mp.sqrt(var(dv))
    s1, s2 = mp.sqrt(var(x)), mp.sqrt(var(y))
    mx, my = mean(x), mean(y)
    rr = mp.fsum((a - mx) * (b - my) for a, b in zip(x, y)) / ((n - 1) * s1 * s2)
    rr = min(max(rr, mp.mpf(-1)), mp.mpf(1))
    dz = md / sd
    t = dz * mp.sqrt(n)
    df = n - 1
    # Lakens (2013) eq. 10 and eq. 9
    S = (s1 + s2) / 2
    dav = md / S
    drm = md / mp.sqrt(s1 ** 2 + s2 ** 2 - 2 * rr * s1 * s2) * mp.sqrt(2 * (1 - rr))
    se_dz = mp.sqrt(mp.mpf(1) / n + dz * dz / (2 * n))
    se_drm = mp.sqrt((mp.mpf(1) / n + drm * drm / (2 * n)) * 2 * (1 - rr))
    se_dav = mp.sqrt(sd ** 2 / (n * S ** 2) + dav ** 2 * (s1 ** 2 + s2 ** 2 + 2 * rr ** 2 * s1 * s2) / (8 * (n - 1) * S ** 2))
    lo, hi = ncp_interval(t, df, 0.95)
    rn = 1 / mp.sqrt(n)
    r = {"n": n, "df": df, "t": s17(t), "r": s17(rr),
         "d_z": {"est": s17(dz), "se": s17(se_dz), **ci(lo, hi, rn)},
         "n_ok_for_d_rm": n >= 3,
         "d_av": {"est": s17(dav), "se": s17(se_dav), **ci(lo, hi, sd * rn / S)},
         "d_rm": {"est": s17(drm), "se": s17(se_drm), **ci(lo, hi, rn * mp.sqrt(2 * (1 - rr)))}}
    if SUBSET[0] % 2 == 0:
        lo90, hi90 = ncp_interval(t, df, 0.90)
        r["d_z_90"] = ci(lo90, hi90, rn)
        r["d_z_greater"] = ci(lo90, mp.inf, rn)
    return r


def main():
    sets = json.load(open("datasets.json"))["sets"]
    shard, nshards = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (0, 1)
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0  # resume a shard from data set `first`
    stop = int(sys.argv[4]) if len(sys.argv) > 4 else len(sets)  # ... up to (not including) `stop`
    out = []
    for k, s in enumerate(sets):
        if k % nshards != shard or k < first or k >= stop:
            continue
        CHECK[0] = k % 3 == 0
        SUBSET[0] = k
        x = [mp.mpf(repr(v)) for v in s["x"]]
        y = [mp.mpf(repr(v)) for v in s["y"]]
        r = independent(x, y) if s["design"] == "independent" else paired(x, y)
        r["id"] = s["id"]
        out.append(r)
        print(s["id"], "cross-check", CROSS[0], file=sys.stderr, flush=True)
    name = "exact_mpmath.json" if nshards == 1 else "exact_mpmath.part%d_%d.json" % (shard, first)
    json.dump({"produced_by": "tests/reference/group/gen_exact.py (mpmath %s, 20 digits)" % mp.__version__,
               "max_crosscheck_rel": CROSS[0], "results": out},
              open(name, "w"), indent=1)


if __name__ == "__main__":
    main()
