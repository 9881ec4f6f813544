"""Golden files for outcome_stats::power where R has no reference.

Run from this directory:  python3 gen_py.py
Needs Python 3 with mpmath and scipy. Every number is printed with 17 significant digits.

Computed independently of the crate:
- ANCOVA, 2x2 crossover and N-of-1 series: power from the formulas of the issue
  (noncentral t with the stated df and ncp), P(T > c) = E[Phi(ncp - c S / sqrt(df))] and
  P(T < -c) = E[Phi(-c S / sqrt(df) - ncp)] with S ~ chi(df), integrated by
  scipy.integrate.quad split around the chi mode, c from scipy.stats.t.isf; every 20th value
  is recomputed with mpmath at 20 digits (c by mpmath.findroot on the regularised incomplete
  beta function, the integrals by mpmath.quad) and the worst difference goes in the header.
- Two proportions with the Yates continuity correction: the normal-approximation formula in
  mpmath (pooled variance under the null, correction (1/n1 + 1/n2)/2), and the Fleiss, Levin &
  Paik closed form n' = n/4 (1 + sqrt(1 + 2 (k + 1) / (k n |delta|)))^2 for a +/-1 check.
- Fisher's exact test: power by brute-force enumeration of every 2x2 table, each table's
  p-value from scipy.stats.fisher_exact (control row second, treatment row first), rejected
  when p <= alpha; the same rejection decision is recomputed with exact rational hypergeometric
  probabilities under R fisher.test's two-sided rule (tables with probability <= (1 + 1e-7)
  times the observed one) and any disagreement is counted in the file header.
Sample sizes: the smallest admissible integer n whose power reaches the target, scanning the
integers (from the minimum for Fisher; from the normal-approximation start otherwise).
"""
import math
from fractions import Fraction

import mpmath as mp
import scipy
import scipy.stats as st

mp.mp.dps = 20
F17 = lambda x: "NA" if x is None else repr(float(x)) if False else "%.17g" % float(x)
VER = "Python mpmath %s, scipy %s" % (mp.__version__, scipy.__version__)


def t_upper_critical(df, q):
    df = mp.mpf(df)
    q = mp.mpf(q)
    f = lambda x: mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + x * x), regularized=True) / 2 - q
    start = mp.mpf(st.t.isf(float(q), float(df)))
    return mp.findroot(f, start, tol=mp.mpf(10) ** -18)


def chi_breaks(df):
    mode = mp.sqrt(max(df - 1, 0))
    width = mp.mpf(1) / mp.sqrt(2)
    pts = [mp.mpf(0)]
    for k in range(-12, 13):
        x = mode + k * width
        if x > pts[-1]:
            pts.append(x)
    pts.append(mp.inf)
    return pts


def nct_tails(df, ncp, c):
    """P(T > c), P(T < -c) for T noncentral t(df, ncp)."""
    df = mp.mpf(df)
    ncp = mp.mpf(ncp)
    c = mp.mpf(c)
    lognorm = (df / 2 - 1) * mp.log(2) + mp.loggamma(df / 2)
    dens = lambda s: mp.exp((df - 1) * mp.log(s) - s * s / 2 - lognorm) if s > 0 else mp.mpf(0)
    pts = chi_breaks(df)
    up = mp.quad(lambda s: mp.ncdf(ncp - c * s / mp.sqrt(df)) * dens(s), pts)
    down = mp.quad(lambda s: mp.ncdf(-c * s / mp.sqrt(df) - ncp) * dens(s), pts)
    return up, down


def t_power_mp(df, ncp, alpha, alt):
    """mpmath power (20 digits): the slow, high-precision check."""
    if alt == "two.sided":
        c = t_upper_critical(df, alpha / 2)
        up, down = nct_tails(df, ncp, c)
        return up + down
    c = t_upper_critical(df, alpha)
    up, down = nct_tails(df, ncp, c)
    return up if alt == "greater" else down


def nct_tails_fast(df, ncp, c):
    """The same integrals in double precision with scipy.integrate.quad (QUADPACK)."""
    from scipy import integrate, special
    df, ncp, c = float(df), float(ncp), float(c)
    lognorm = (df / 2 - 1) * math.log(2) + special.gammaln(df / 2)
    dens = lambda s: math.exp((df - 1) * math.log(s) - s * s / 2 - lognorm) if s > 0 else 0.0
    mode = math.sqrt(max(df - 1, 0))
    pts = [max(0.0, mode + k / math.sqrt(2)) for k in range(-12, 13)]
    lo, hi = 0.0, mode + 40.0
    opts = dict(points=sorted(set(p for p in pts if lo < p < hi)), limit=500, epsabs=1e-16, epsrel=1e-13)
    up = integrate.quad(lambda s: special.ndtr(ncp - c * s / math.sqrt(df)) * dens(s), lo, hi, **opts)[0]
    down = integrate.quad(lambda s: special.ndtr(-c * s / math.sqrt(df) - ncp) * dens(s), lo, hi, **opts)[0]
    return up, down


MP_CHECKS = [0, 0.0]  # count, worst |fast - mpmath|


def t_power(df, ncp, alpha, alt):
    q = alpha / 2 if alt == "two.sided" else alpha
    c = st.t.isf(q, float(df))
    up, down = nct_tails_fast(df, ncp, c)
    p = up + down if alt == "two.sided" else up if alt == "greater" else down
    # every 20th evaluation is recomputed with mpmath at 20 digits
    MP_CHECKS[0] += 1
    if MP_CHECKS[0] % 20 == 1:
        MP_CHECKS[1] = max(MP_CHECKS[1], abs(p - float(t_power_mp(df, ncp, alpha, alt))))
    return p


def n2_of(n1, k):
    x = k * n1
    r = round(x)
    return r if abs(x - r) <= 1e-9 * max(1, abs(x)) else math.ceil(x)


def z_alpha(alpha, alt):
    return st.norm.isf(alpha / 2 if alt == "two.sided" else alpha)


# ------------------------------------------------------------- continuous designs
def ancova(rho, k):
    def f(d, n, alpha, alt):
        n1, n2 = n, n2_of(n, k)
        N = n1 + n2
        ncp = mp.mpf(d) * mp.sqrt(mp.mpf(n1) * n2 / N) / mp.sqrt(1 - mp.mpf(rho) ** 2)
        return t_power(N - 3, ncp, alpha, alt)
    return f


def crossover(sw):
    def f(d, n, alpha, alt):
        ncp = mp.mpf(d) / (mp.mpf(sw) * mp.sqrt(mp.mpf(2) / n))
        return t_power(n - 2, ncp, alpha, alt)
    return f


def nof1(c, sw, tau):
    def f(d, n, alpha, alt):
        v = 2 * mp.mpf(sw) ** 2 / c + mp.mpf(tau) ** 2
        ncp = mp.mpf(d) * mp.sqrt(n) / mp.sqrt(v)
        return t_power(n - 1, ncp, alpha, alt)
    return f


def scan(power, target, start, nmin, step):
    n = max(nmin, start)
    n = nmin + step * math.ceil((n - nmin) / step)
    p = power(n)
    if p >= target:
        while n > nmin:
            q = power(n - step)
            if q < target:
                return n, p, q
            n -= step
            p = q
        return n, p, None
    while True:
        n += step
        q = p
        p = power(n)
        if p >= target:
            return n, p, q


COLS = "design,correlation,ratio,within_sd,cycles,effect_sd"
designs = []
for rho, k in ((0.0, 1.0), (0.5, 1.0), (0.8, 1.0), (-0.4, 1.0), (0.0, 2.0), (0.5, 2.0), (0.8, 2.0), (0.5, 0.5)):
    if True:
        nmin = 2
        while n2_of(nmin, k) < 2:
            nmin += 1
        designs.append(("ancova", (rho, k, None, None, None), ancova(rho, k), nmin, 1,
                        lambda d, a, alt, t, rho=rho, k=k: (1 + 1 / k) * (1 - rho * rho) * (z_alpha(a, alt) + st.norm.ppf(t)) ** 2 / d ** 2))
for rho in (0.2, 0.5, 0.8):
    sw = math.sqrt(1 - rho)
    designs.append(("crossover", (rho, None, None, None, None), crossover(sw), 4, 2,
                    lambda d, a, alt, t, sw=sw: 2 * sw * sw * (z_alpha(a, alt) + st.norm.ppf(t)) ** 2 / d ** 2))
for sw in (0.3, 1.0):
    designs.append(("crossover", (None, None, sw, None, None), crossover(sw), 4, 2,
                    lambda d, a, alt, t, sw=sw: 2 * sw * sw * (z_alpha(a, alt) + st.norm.ppf(t)) ** 2 / d ** 2))
for c in (1, 4):
    for sw in (0.5, 1.0):
        for tau in (0.0, 0.3):
            designs.append(("nof1", (None, None, sw, c, tau), nof1(c, sw, tau), 2, 1,
                            lambda d, a, alt, t, c=c, sw=sw, tau=tau: (2 * sw * sw / c + tau * tau) * (z_alpha(a, alt) + st.norm.ppf(t)) ** 2 / d ** 2))


def params(p):
    return ",".join("NA" if v is None else (str(v) if isinstance(v, int) else F17(v)) for v in p)


rows = []
for name, p, f, nmin, step in [(d[0], d[1], d[2], d[3], d[4]) for d in designs]:
    for alt in ("two.sided", "greater", "less"):
        for alpha in (0.01, 0.05):
            for d in (0.2, 0.5, 1.0):
                for n in (4, 10, 30, 100):
                    if n < nmin or (n - nmin) % step:
                        continue
                    if alt == "less" and (d != 0.5 or alpha != 0.05):
                        continue
                    dd = -d if alt == "less" else d
                    pw = f(dd, n, alpha, alt)
                    rows.append(",".join([name, params(p), alt, F17(alpha), F17(dd), str(n), F17(pw)]))
with open("py_t_designs_power.csv", "w") as fh:
    fh.write("# power of ANCOVA (df N - 3, ncp d sqrt(n1 n2 / N) / sqrt(1 - rho^2), n2 = ceil(ratio n)), "
             "2x2 crossover (df n - 2, ncp d / (within_sd sqrt(2 / n)); within_sd = sqrt(1 - correlation) when the correlation is given), "
             "N-of-1 series (df n - 1, ncp d sqrt(n) / sqrt(2 within_sd^2 / cycles + effect_sd^2)); "
             "noncentral t tails by double-precision quadrature (scipy.integrate.quad of E[Phi(ncp - c S / sqrt(df))] over S ~ chi(df)) "
             "with critical values from scipy.stats.t.isf; every 20th value recomputed with mpmath at 20 digits "
             "(%d checks, worst abs difference %.3g) (%s); generated by gen_py.py\n" % (MP_CHECKS[0] // 20 + 1, MP_CHECKS[1], VER))
    fh.write(COLS + ",alternative,alpha,d,n,power\n")
    fh.write("\n".join(rows) + "\n")
print("t designs power:", len(rows), MP_CHECKS, flush=True)

rows = []
for name, p, f, nmin, step, start in designs:
    for alt in ("two.sided", "greater"):
        for alpha in (0.05,) if name != "ancova" or p[1] != 1.0 else (0.01, 0.05):
            for target in (0.8, 0.9):
                for d in (0.3, 0.8):
                    s0 = max(nmin, math.ceil(start(d, alpha, alt, target)))
                    n, pn, pp = scan(lambda n: f(d, n, alpha, alt), target, s0, nmin, step)
                    rows.append(",".join([name, params(p), alt, F17(alpha), F17(target), F17(d),
                                          str(n), F17(pn), "NA" if pp is None else F17(pp)]))
with open("py_t_designs_sample_size.csv", "w") as fh:
    fh.write("# sample sizes for the designs of py_t_designs_power.csv: smallest admissible n (step 2 for the crossover) "
             "with power >= target, scanning the integers with the power of py_t_designs_power.csv (%s); power_prev at the previous "
             "admissible n; generated by gen_py.py\n" % VER)
    fh.write(COLS + ",alternative,alpha,target,d,n,power_at_n,power_prev\n")
    fh.write("\n".join(rows) + "\n")
print("t designs sample size:", len(rows))


# ------------------------------------------------------------- continuity-corrected proportions
def prop_cc_power(pc, eff, n1, n2, alpha, alt, correct=True):
    p1, p2 = mp.mpf(pc), mp.mpf(pc) + mp.mpf(eff)
    n1, n2 = mp.mpf(n1), mp.mpf(n2)
    pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
    inv = 1 / n1 + 1 / n2
    se0 = mp.sqrt(pbar * (1 - pbar) * inv)
    se1 = mp.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    za = mp.mpf(z_alpha(alpha, alt))
    za = -mp.sqrt(2) * mp.erfinv(2 * (alpha / 2 if alt == "two.sided" else alpha) - 1)
    c = za * se0 + (inv / 2 if correct else 0)
    delta = p2 - p1
    up = mp.ncdf((delta - c) / se1)
    down = mp.ncdf((-delta - c) / se1)
    return up + down if alt == "two.sided" else up if alt == "greater" else down


rows_p, rows_n = [], []
for alt in ("two.sided", "greater"):
    for alpha in (0.01, 0.05, 0.1):
        for pc in (0.05, 0.188, 0.308, 0.5):
            for eff in (0.05, 0.1, 0.2, 0.3):
                for k in (1.0, 0.5, 2.0):
                    for n in (2, 5, 10, 30, 100, 400):
                        if n2_of(n, k) < 2:
                            continue
                        pw = prop_cc_power(pc, eff, n, n2_of(n, k), alpha, alt)
                        rows_p.append(",".join([F17(pc), F17(eff), str(n), F17(k), alt, F17(alpha), F17(pw)]))
                    for target in (0.8, 0.9):
                        nmin = 2
                        while n2_of(nmin, k) < 2:
                            nmin += 1
                        za, zb = z_alpha(alpha, alt), st.norm.ppf(target)
                        p1, p2 = pc, pc + eff
                        pbar = (p1 + k * p2) / (1 + k)
                        plain = (za * math.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / k)) ** 2 / eff ** 2
                        flp = plain / 4 * (1 + math.sqrt(1 + 2 * (k + 1) / (k * plain * eff))) ** 2
                        n, pn, pp = scan(lambda n: prop_cc_power(pc, eff, n, n2_of(n, k), alpha, alt), target,
                                         max(nmin, math.ceil(plain)), nmin, 1)
                        rows_n.append(",".join([F17(pc), F17(eff), F17(k), alt, F17(alpha), F17(target), str(n),
                                                F17(pn), "NA" if pp is None else F17(pp), str(math.ceil(flp))]))
with open("py_prop_cc_power.csv", "w") as fh:
    fh.write("# two-proportion power, pooled-variance z test with the Yates continuity correction (1/n1 + 1/n2)/2, "
             "normal approximation in mpmath (%s); n = control group, n2 = ceil(ratio n); generated by gen_py.py\n" % VER)
    fh.write("p_control,effect,n,ratio,alternative,alpha,power\n" + "\n".join(rows_p) + "\n")
with open("py_prop_cc_sample_size.csv", "w") as fh:
    fh.write("# smallest n reaching the target for the power of py_prop_cc_power.csv (integer scan); "
             "n_flp = ceil of Fleiss, Levin & Paik's closed form n/4 (1 + sqrt(1 + 2(k+1)/(k n |delta|)))^2 "
             "with n the uncorrected normal-approximation n (%s); generated by gen_py.py\n" % VER)
    fh.write("p_control,effect,ratio,alternative,alpha,target,n,power_at_n,power_prev,n_flp\n" + "\n".join(rows_n) + "\n")
print("prop cc:", len(rows_p), len(rows_n), flush=True)

# the uncorrected pooled test under unequal allocation (R's power.prop.test has equal groups only)
rows = []
for alt in ("two.sided", "greater", "less"):
    for alpha in (0.01, 0.05):
        for pc in (0.1, 0.308, 0.6):
            for eff in (0.1, 0.25):
                for k in (0.25, 0.5, 2.0, 3.0):
                    for n in (4, 10, 30, 100, 400):
                        if n2_of(n, k) < 2:
                            continue
                        e = -eff if alt == "less" else eff
                        if not 0 < pc + e < 1:
                            continue
                        pw = prop_cc_power(pc, e, n, n2_of(n, k), alpha, alt, correct=False)
                        rows.append(",".join([F17(pc), F17(e), str(n), F17(k), alt, F17(alpha), F17(pw)]))
with open("py_prop_pooled_unequal.csv", "w") as fh:
    fh.write("# two-proportion power, pooled-variance z test without correction, unequal groups: pbar = (n1 p1 + n2 p2) / N, "
             "se0 = sqrt(pbar (1 - pbar) (1/n1 + 1/n2)), se1 = sqrt(p1 q1 / n1 + p2 q2 / n2), normal approximation in mpmath (%s); "
             "n = control group, n2 = ceil(ratio n); generated by gen_py.py\n" % VER)
    fh.write("p_control,effect,n,ratio,alternative,alpha,power\n" + "\n".join(rows) + "\n")
print("prop pooled unequal:", len(rows), flush=True)

# ------------------------------------------------------------- Fisher's exact test
_reject_cache = {}
disagreements = 0


def exact_reject(n1, n2, x1, x2, alpha, alt):
    """The test's decision with exact rational hypergeometric probabilities (treatment count x2):
    two-sided by R fisher.test's rule (tables with probability <= (1 + 1e-7) times the observed
    one), one-sided by the hypergeometric tail; reject when p <= alpha (alpha as the decimal the
    user meant, e.g. exactly 1/10)."""
    m = x1 + x2
    lo, hi = max(0, m - n1), min(m, n2)
    probs = {y: Fraction(math.comb(n2, y) * math.comb(n1, m - y), math.comb(n1 + n2, m)) for y in range(lo, hi + 1)}
    if alt == "two-sided":
        limit = probs[x2] * Fraction(10 ** 7 + 1, 10 ** 7)
        p = sum(v for v in probs.values() if v <= limit)
    elif alt == "greater":
        p = sum(v for y, v in probs.items() if y >= x2)
    else:
        p = sum(v for y, v in probs.items() if y <= x2)
    return p <= Fraction(alpha).limit_denominator(10 ** 12)


def rejection(n1, n2, alpha, alt):
    """Rejected tables: scipy.stats.fisher_exact's p <= alpha, except where the exact rational
    p-value says otherwise (ties at alpha, which scipy's and R's floating point both miss)."""
    global disagreements
    key = (n1, n2, alpha, alt)
    if key in _reject_cache:
        return _reject_cache[key]
    rej = []
    for x2 in range(n2 + 1):
        for x1 in range(n1 + 1):
            table = [[x2, n2 - x2], [x1, n1 - x1]]
            p = st.fisher_exact(table, alternative=alt).pvalue
            r = p <= alpha
            exact = exact_reject(n1, n2, x1, x2, alpha, alt)
            if r != exact:
                disagreements += 1
                TIES.append("%s %s [[%d,%d],[%d,%d]] scipy p %.17g" % (alt, alpha, x2, n2 - x2, x1, n1 - x1, p))
                r = exact
            if r:
                rej.append((x1, x2))
    _reject_cache[key] = rej
    return rej


TIES = []


def fisher_power(pc, eff, n1, n2, alpha, alt):
    p1, p2 = mp.mpf(pc), mp.mpf(pc) + mp.mpf(eff)
    tot = mp.mpf(0)
    for x1, x2 in rejection(n1, n2, alpha, alt):
        tot += mp.binomial(n1, x1) * p1 ** x1 * (1 - p1) ** (n1 - x1) * mp.binomial(n2, x2) * p2 ** x2 * (1 - p2) ** (n2 - x2)
    return tot


rows_p, rows_n = [], []
ALT = {"two-sided": "two.sided", "greater": "greater", "less": "less"}
for alt in ("two-sided", "greater", "less"):
    for alpha in (0.05, 0.1):
        for pc in (0.2, 0.308):
            for eff in (0.2, 0.4, -0.15):
                if alt == "greater" and eff < 0 or alt == "less" and eff > 0:
                    continue
                for n, k in ((3, 1.0), (5, 1.0), (10, 1.0), (15, 1.0), (20, 1.0), (12, 2.0), (10, 0.5), (25, 1.0)):
                    pw = fisher_power(pc, eff, n, n2_of(n, k), alpha, alt)
                    rows_p.append(",".join([F17(pc), F17(eff), str(n), F17(k), ALT[alt], F17(alpha), F17(pw)]))
for alt in ("two-sided", "greater"):
    for pc, eff, k, target in ((0.3, 0.5, 1.0, 0.8), (0.2, 0.5, 1.0, 0.9), (0.308, 0.4, 1.0, 0.8), (0.3, 0.5, 2.0, 0.8), (0.1, 0.6, 0.5, 0.8)):
        nmin = 2
        while n2_of(nmin, k) < 2:
            nmin += 1
        prev = None
        n = nmin
        while True:
            pw = fisher_power(pc, eff, n, n2_of(n, k), 0.05, alt)
            if pw >= target:
                break
            prev = pw
            n += 1
        rows_n.append(",".join([F17(pc), F17(eff), F17(k), ALT[alt], F17(0.05), F17(target), str(n), F17(pw),
                                "NA" if prev is None else F17(prev)]))
with open("py_fisher_power.csv", "w") as fh:
    fh.write("# exact power of Fisher's exact test by brute-force enumeration of all tables, p-values from "
             "scipy.stats.fisher_exact, reject when p <= alpha (%s); every decision recomputed with exact rational "
             "probabilities (two-sided: R fisher.test's rule); %d tables differ, all p-values exactly equal to alpha that "
             "scipy's floating point puts just above it (R too: 0.10000000000000003 for [[3,0],[0,3]]), where the exact "
             "decision (reject) is used: %s; n = control group, n2 = ceil(ratio n), effect = p_treatment - p_control; "
             "generated by gen_py.py\n" % (VER, disagreements, "; ".join(sorted(set(TIES)))))
    fh.write("p_control,effect,n,ratio,alternative,alpha,power\n" + "\n".join(rows_p) + "\n")
with open("py_fisher_sample_size.csv", "w") as fh:
    fh.write("# smallest n (control group) whose exact Fisher power (as py_fisher_power.csv) reaches the target, "
             "scanning n = minimum, minimum + 1, ... (%s); power_prev at n - 1; generated by gen_py.py\n" % VER)
    fh.write("p_control,effect,ratio,alternative,alpha,target,n,power_at_n,power_prev\n" + "\n".join(rows_n) + "\n")
print("fisher:", len(rows_p), len(rows_n), "disagreements", disagreements)
