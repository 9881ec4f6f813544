#!/usr/bin/env python3
"""Central (ncp = 0) t, chi-square and F values from closed forms with mpmath at 40 digits.

t: P(T <= x) = I_{df/(df+x^2)}(df/2, 1/2) / 2 for x < 0 (and the mirror for x > 0);
chi-square: regularized incomplete gamma; F: regularized incomplete beta (the 40-digit
series/continued fractions of gen_noncentral_chisq_f.py, which agree with mpmath's gammainc
and betainc where those converge; mpmath's betainc fails for df 1e5 and above). Produces central.csv: dist,df1,df2,x,cdf,sf (df2 empty for t and chi-square).
Run: python3 gen_central.py > central.csv
"""
import mpmath as mp

import gen_noncentral_chisq_f as gcf

mp.mp.dps = 40
gcf.mp.mp.dps = 40


def t_tails(df, x):
    df, x = mp.mpf(df), mp.mpf(x)
    half = gcf.beta_i(df / 2, mp.mpf(1) / 2, df / (df + x * x), x * x / (df + x * x)) / 2
    return (half, 1 - half) if x < 0 else (1 - half, half)


def chisq_tails(df, x):
    a, y = mp.mpf(df) / 2, mp.mpf(x) / 2
    return (gcf.gamma_p(a, y), gcf.gamma_q(a, y))


def f_tails(d1, d2, x):
    d1, d2, x = mp.mpf(d1), mp.mpf(d2), mp.mpf(x)
    den = d1 * x + d2
    return (gcf.beta_i(d1 / 2, d2 / 2, d1 * x / den, d2 / den),
            gcf.beta_i(d2 / 2, d1 / 2, d2 / den, d1 * x / den))


def fmt(v):
    return "0" if v < mp.mpf("1e-305") else mp.nstr(v, 17, min_fixed=1, max_fixed=0)


def main():
    print("# central values from closed forms, mpmath %s at 40 digits (gen_central.py)" % mp.__version__)
    print("dist,df1,df2,x,cdf,sf")
    for df in (0.5, 1.0, 3.0, 30.0, 1e5, 1e7):
        for x in (-1e10, -30.0, -5.0, -1.0, 0.5, 2.0, 8.0, 1e3):
            c, s = t_tails(df, x)
            print("t,%r,,%r,%s,%s" % (df, x, fmt(c), fmt(s)))
    for df in (0.5, 1.0, 3.0, 30.0, 1e5):
        for x in (1e-8, 0.1, 1.0, df, 3 * df + 10, 10 * df + 100):
            c, s = chisq_tails(df, x)
            print("chisq,%r,,%r,%s,%s" % (df, x, fmt(c), fmt(s)))
    for d1, d2 in ((1.0, 1.0), (0.5, 3.0), (3.0, 30.0), (10.0, 1000.0)):
        for x in (1e-6, 0.5, 1.0, 4.0, 100.0, 1e20):
            c, s = f_tails(d1, d2, x)
            print("F,%r,%r,%r,%s,%s" % (d1, d2, x, fmt(c), fmt(s)))


if __name__ == "__main__":
    main()
