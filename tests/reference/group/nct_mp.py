"""High-precision noncentral t tails and their inversion in the noncentrality (mpmath).

Method 1 (used for the roots): P(T <= t) = E[Phi(t S / sqrt(df) - ncp)] and
P(T > t) = E[Phi(ncp - t S / sqrt(df))], S ~ chi(df), integrated in log space with break
points every two widths of the integrand's peak over +/- 40 widths plus a unit grid from 0 to
far beyond the chi bulk (the notes in shared/reference/README.md). Method 2 (the cross-check): the integral over the normal
variable, P(T <= t) = Phi(-ncp) + int_{z > -ncp} phi(z) Q(df/2, df (z + ncp)^2 / (2 t^2)) dz for
t > 0 (and the mirror image for t < 0), Q the regularised upper incomplete gamma.
"""
import math

import mpmath as mp
import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_ndtr

mp.mp.dps = 32


def _log_chi_pdf(s, df):
    return (df - 1) * mp.log(s) - s * s / 2 - (df / 2 - 1) * mp.log(2) - mp.loggamma(df / 2)


def _tail(t, df, ncp, upper):
    t, df, ncp = mp.mpf(t), mp.mpf(df), mp.mpf(ncp)
    rt = mp.sqrt(df)

    const = -(df / 2 - 1) * mp.log(2) - mp.loggamma(df / 2)

    def logf(s):
        arg = (ncp - t * s / rt) if upper else (t * s / rt - ncp)
        return (df - 1) * mp.log(s) - s * s / 2 + const + mp.log(mp.ncdf(arg))

    # peak of the log-integrand and its width, located in double precision (only break points)
    tf, dff, nf = float(t), float(df), float(ncp)

    def logf_d(s):
        arg = (nf - tf * s / math.sqrt(dff)) if upper else (tf * s / math.sqrt(dff) - nf)
        return (dff - 1) * np.log(s) - s * s / 2 + log_ndtr(arg)

    hi = math.sqrt(dff) + 60.0
    grid = hi * (np.arange(2000) + 0.5) / 2000
    k = int(np.argmax(logf_d(grid)))
    r = minimize_scalar(lambda s: -logf_d(s), bracket=None,
                        bounds=(grid[max(k - 1, 0)] / (2 if k == 0 else 1), grid[min(k + 1, 1999)]),
                        method="bounded", options={"xatol": 1e-12})
    s0f = float(r.x)
    h = 1e-4 * (1 + s0f)
    c = (logf_d(s0f + h) - 2 * logf_d(s0f) + logf_d(s0f - h)) / (h * h) if s0f > h else -1.0
    widthf = 1 / math.sqrt(-c) if c < 0 else 1.0
    s0, width = mp.mpf(s0f), mp.mpf(widthf)
    # dense break points (every 2 widths over +/- 40 widths) around the peak, plus a coarse grid
    # (every unit) from 0 to far beyond the chi bulk, for integrands with a kink or a long side
    top = s0 + 40 * width + math.sqrt(dff) + 20
    dense = [s0 + width * i for i in range(-40, 41, 2)]
    coarse = [mp.mpf(k) for k in range(0, int(top) + 2)]
    pts = sorted(set([p for p in dense + coarse if 0 <= p <= top + 2]))
    peak = logf(s0)
    total = mp.quad(lambda s: mp.exp(logf(s) - peak), pts)
    # beyond +40 widths (and down to 0) the integrand is below exp(-800) of the peak
    return total * mp.exp(peak)


def cdf(t, df, ncp):
    return _tail(t, df, ncp, upper=False)


def sf(t, df, ncp):
    return _tail(t, df, ncp, upper=True)


def cdf_normal_integral(t, df, ncp):
    """Method 2: independent integral over the normal variable."""
    t, df, ncp = mp.mpf(t), mp.mpf(df), mp.mpf(ncp)
    a = df / 2
    if t == 0:
        return mp.ncdf(-ncp)
    if t > 0:
        f = lambda z: mp.npdf(z) * mp.gammainc(a, df * (z + ncp) ** 2 / (2 * t * t), mp.inf, regularized=True)
        if -ncp >= 40:
            return mp.ncdf(-ncp)
        pts = [-ncp] + [k * mp.mpf(0.25) for k in range(-160, 161) if k * mp.mpf(0.25) > -ncp]
        return mp.ncdf(-ncp) + mp.quad(f, pts)
    f = lambda z: mp.npdf(z) * mp.gammainc(a, 0, df * (z + ncp) ** 2 / (2 * t * t), regularized=True)
    if -ncp <= -40:
        return mp.mpf(0)
    pts = [k * mp.mpf(0.25) for k in range(-160, 161) if k * mp.mpf(0.25) < -ncp] + [-ncp]
    return mp.quad(f, pts)


def sf_normal_integral(t, df, ncp):
    # P(T > t; ncp) = P(-T < -t; -ncp) = cdf(-t; -ncp) (continuous)
    return cdf_normal_integral(-t, df, -ncp)


def invert(t, df, target, end, start):
    """ncp with sf(t; ncp) = target (end='lower') or cdf(t; ncp) = target (end='upper')."""
    f = (lambda m: sf(t, df, m) - target) if end == "lower" else (lambda m: cdf(t, df, m) - target)
    x0 = mp.mpf(start)
    root = mp.findroot(f, (x0 - mp.mpf("1e-6"), x0 + mp.mpf("1e-6")), solver="secant", tol=mp.mpf("1e-60"))
    return root
