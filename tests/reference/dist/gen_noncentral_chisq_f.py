#!/usr/bin/env python3
"""Reference values of the noncentral chi-square and F distributions with mpmath (30 digits).

Produces noncentral_chi_squared.csv (df,ncp,x,cdf,sf,pdf) and noncentral_f.csv
(df1,df2,ncp,x,cdf,sf,pdf); 17 significant digits, values below 1e-305 written as 0.

Method: the Poisson mixtures
    P(X <= x) = sum_j Pois(j; ncp/2) P(a + j, y),   P(X > x) = sum_j Pois(j; ncp/2) Q(a + j, y)
(chi-square: a = df/2, y = x/2, P/Q regularized incomplete gamma; F: I_y(a + j, b) and its
complement with y = df1 x/(df1 x + df2), b = df2/2), summed at 30 digits over j = 0..J with J
past the point where the Poisson weight is below e^-800. Each tail is summed on its own and
only in its stable direction: P is evaluated directly (power series or Legendre continued
fraction for the gamma, the continued fraction for the beta, at 30 digits, as the complement
of the other tail where that one is below about 1/2; checked against mpmath's gammainc and
betainc with --check) at j = J and
recurred downwards (P_j = P_(j+1) + step_j, adding positive terms), Q directly at j = 0 and
recurred upwards (Q_(j+1) = Q_j + step_j). The density is the mixture of central densities.

Run: python3 gen_noncentral_chisq_f.py chisq > noncentral_chi_squared.csv
     python3 gen_noncentral_chisq_f.py f > noncentral_f.csv
"""
import math
import sys

import mpmath as mp

mp.mp.dps = 30

DFS = [0.5, 1, 2, 3, 5, 10, 30, 100, 1000, 1e5, 1e7]
NCPS = [0, 1e-8, 0.5, 2, 10, 37.62, 100]
DF1S = [0.5, 1, 3, 10, 100, 1e5, 1e7]
DF2S = [0.5, 2, 5, 30, 1000, 1e7]
F_NCPS = [0, 1e-8, 2, 37.62, 100]


def _lentz(terms):
    """Evaluates b0 + a1/(b1 + a2/(b2 + ...)) given an iterator of (a_n, b_n), n >= 1."""
    tiny = mp.mpf(10) ** (-mp.mp.dps * 3)
    eps = mp.mpf(10) ** (-mp.mp.dps - 3)
    f = tiny
    c, d = f, mp.mpf(0)
    for an, bn in terms:
        d = bn + an * d
        d = tiny if d == 0 else d
        c = bn + an / c
        c = tiny if c == 0 else c
        d = 1 / d
        delta = c * d
        f *= delta
        if abs(delta - 1) < eps:
            return f
    raise RuntimeError("continued fraction did not converge")


def _gamma_series(s, y):
    """P(s, y) = y^s e^-y / Gamma(s + 1) * sum_n y^n / ((s+1)...(s+n))."""
    term, total, n = mp.mpf(1), mp.mpf(1), 0
    eps = mp.mpf(10) ** (-mp.mp.dps - 3)
    while term > eps * total:
        n += 1
        term *= y / (s + n)
        total += term
    return mp.exp(s * mp.log(y) - y - mp.loggamma(s + 1)) * total


def _gamma_cf(s, y):
    """Q(s, y) by Legendre's continued fraction (y > s + 1)."""
    def terms():
        yield mp.mpf(1), y + 1 - s
        i = 1
        while True:
            yield -i * (i - s), y + 2 * i + 1 - s
            i += 1
    return mp.exp(s * mp.log(y) - y - mp.loggamma(s)) * _lentz(terms())


def gamma_p(s, y):
    """Regularized lower incomplete gamma at working precision."""
    if y < s + 1:
        return _gamma_series(s, y)
    return 1 - _gamma_cf(s, y)


def gamma_q(s, y):
    if y < s + 1:
        return 1 - _gamma_series(s, y)
    return _gamma_cf(s, y)


def _beta_cf(a, b, y, y1):
    """I_y(a, b) by the continued fraction (Numerical Recipes betacf form), y < (a+1)/(a+b+2)."""
    def terms():
        yield mp.mpf(1), mp.mpf(1)
        m = 1
        yield -(a + b) * y / (a + 1), mp.mpf(1)
        while True:
            yield m * (b - m) * y / ((a + 2 * m - 1) * (a + 2 * m)), mp.mpf(1)
            yield -(a + m) * (a + b + m) * y / ((a + 2 * m) * (a + 2 * m + 1)), mp.mpf(1)
            m += 1
    cf = _lentz(terms())
    lpre = a * mp.log(y) + b * mp.log(y1) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    return mp.exp(lpre) * cf / a


def beta_i(a, b, y, y1):
    """I_y(a, b) with y1 = 1 - y."""
    if y * (a + b + 2) < a + 1:
        return _beta_cf(a, b, y, y1)
    return 1 - _beta_cf(b, a, y1, y)


def jmax(mu):
    if mu == 0:
        return 0
    j = int(mu) + 1
    while j * mp.log(mu) - mu - mp.loggamma(j + 1) > -800:
        j += 1
    return j


def mixture(mu, J, lower_at, upper_at, ln_step, ln_dens):
    """Returns (lower, upper, density) sums; ln_step(j) = ln(lower_j - lower_(j+1))."""
    mu = mp.mpf(mu)
    w = [mp.exp(j * mp.log(mu) - mu - mp.loggamma(j + 1)) if mu > 0 else mp.mpf(1 if j == 0 else 0)
         for j in range(J + 1)]
    steps = [mp.exp(ln_step(j)) for j in range(J + 1)]
    # lower: from J downwards
    p = lower_at(J)
    lower = w[J] * p
    for j in range(J - 1, -1, -1):
        p = p + steps[j]
        lower += w[j] * p
    # upper: from 0 upwards
    q = upper_at(0)
    upper = w[0] * q
    for j in range(1, J + 1):
        q = q + steps[j - 1]
        upper += w[j] * q
    dens = mp.fsum(w[j] * mp.exp(ln_dens(j)) for j in range(J + 1))
    return lower, upper, dens


def chisq(df, ncp, x):
    a, y, x = mp.mpf(df) / 2, mp.mpf(x) / 2, mp.mpf(x)
    J = jmax(mp.mpf(ncp) / 2)
    return mixture(
        mp.mpf(ncp) / 2, J,
        lambda j: gamma_p(a + j, y),
        lambda j: gamma_q(a + j, y),
        lambda j: (a + j) * mp.log(y) - y - mp.loggamma(a + j + 1),
        lambda j: (a + j - 1) * mp.log(y) - y - mp.loggamma(a + j) - mp.log(2),
    )


def fdist(df1, df2, ncp, x):
    a, b, x = mp.mpf(df1) / 2, mp.mpf(df2) / 2, mp.mpf(x)
    den = mp.mpf(df1) * x + df2
    y, y1 = mp.mpf(df1) * x / den, mp.mpf(df2) / den
    lb = lambda j: mp.loggamma(a + j) + mp.loggamma(b) - mp.loggamma(a + j + b)
    J = jmax(mp.mpf(ncp) / 2)
    return mixture(
        mp.mpf(ncp) / 2, J,
        lambda j: beta_i(a + j, b, y, y1),
        lambda j: beta_i(b, a + j, y1, y),
        lambda j: (a + j) * mp.log(y) + b * mp.log(y1) - lb(j) - mp.log(a + j),
        lambda j: (a + j) * mp.log(y) + b * mp.log(y1) - lb(j) - mp.log(x),
    )


def fmt(v):
    v = mp.mpf(v)
    if v < mp.mpf("1e-305"):
        return "0"
    return mp.nstr(v, 17, min_fixed=1, max_fixed=0)


def chisq_xs(df, ncp):
    m = df + ncp
    s = math.sqrt(2 * (df + 2 * ncp))
    xs = {m * 1e-3, m * 0.1}
    for z in (-8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 30):
        v = m + s * z
        if v > 0:
            xs.add(float(v))
    if df <= 3:
        xs.update([1e-10, 1e-3, 500.0, 1500.0])
    return sorted(xs)


def f_xs(df1, df2, ncp):
    m = (df1 + ncp) / df1
    xs = {m * 1e-3, m * 0.1, m * 0.5, m, m * 2, m * 10, m * 1e3}
    s = math.sqrt(2 * (df1 + 2 * ncp)) / df1
    for z in (-4, 4):
        v = m + s * z
        if v > 0:
            xs.add(float(v))
    return sorted(xs)


def main():
    kind = sys.argv[1]
    if kind == "--check":
        for s_, y in [(0.25, 0.1), (3.5, 2.0), (10.5, 30.0), (50.0, 49.0)]:
            print("gamma", s_, y, mp.nstr(gamma_p(s_, y) / mp.gammainc(s_, 0, y, regularized=True) - 1, 3),
                  mp.nstr(gamma_q(s_, y) / mp.gammainc(s_, y, mp.inf, regularized=True) - 1, 3))
        for a_, b_, y in [(0.25, 3.0, 0.3), (5.0, 2.5, 0.9), (30.0, 40.0, 0.4)]:
            print("beta", a_, b_, y, mp.nstr(beta_i(a_, b_, mp.mpf(y), 1 - mp.mpf(y)) / mp.betainc(a_, b_, 0, y, regularized=True) - 1, 3))
        return
    import random
    if kind == "chisq":
        print("# noncentral chi-square reference: mpmath %s at %d digits (gen_noncentral_chisq_f.py)" % (mp.__version__, mp.mp.dps))
        print("df,ncp,x,cdf,sf,pdf")
        pairs = [(df, ncp) for df in DFS for ncp in NCPS]
        random.Random(11).shuffle(pairs)
        for df, ncp in pairs:
            for x in chisq_xs(df, ncp):
                lo, up, d = chisq(df, ncp, x)
                print("%r,%r,%r,%s,%s,%s" % (float(df), float(ncp), x, fmt(lo), fmt(up), fmt(d)), flush=True)
    else:
        print("# noncentral F reference: mpmath %s at %d digits (gen_noncentral_chisq_f.py)" % (mp.__version__, mp.mp.dps))
        print("df1,df2,ncp,x,cdf,sf,pdf")
        triples = [(d1, d2, ncp) for d1 in DF1S for d2 in DF2S for ncp in F_NCPS]
        random.Random(11).shuffle(triples)
        for d1, d2, ncp in triples:
            for x in f_xs(d1, d2, ncp):
                lo, up, d = fdist(d1, d2, ncp, x)
                print("%r,%r,%r,%r,%s,%s,%s" % (float(d1), float(d2), float(ncp), x, fmt(lo), fmt(up), fmt(d)), flush=True)


if __name__ == "__main__":
    main()
