"""Reference values for tests/plan.rs: three planning scenarios computed independently of the
crate, from the formulas of issues 12 and 14, with scipy's noncentral t and normal
distributions (scipy >= 1.11, Python 3.11).

Run: python3 tests/reference/plan/gen_plan.py > tests/reference/plan/scenarios.json

Per design, the smallest n reaching the target power is found by scanning the integers (even
n for the 2x2 crossover) and evaluating power; values printed at 17 significant digits.
"""
import json
import math
from scipy import integrate, stats

ALPHA = 0.05
TARGET = 0.8


def t_power(ncp, df, alpha=ALPHA):
    """Two-sided power of a t test, both rejection regions, by quadrature over the chi-square
    of the denominator: T = (Z + ncp) / sqrt(V / df), so P(T > c) = E[Phi(ncp - c sqrt(V/df))]
    and P(T < -c) = E[Phi(-c sqrt(V/df) - ncp)] (scipy's nct is unreliable for large ncp at
    small df)."""
    crit = stats.t.isf(alpha / 2, df)
    chi = stats.chi2(df)

    def integrand(v):
        s = crit * math.sqrt(v / df)
        return (stats.norm.cdf(ncp - s) + stats.norm.cdf(-s - ncp)) * chi.pdf(v)

    lo, hi = chi.ppf(1e-16), chi.isf(1e-16)
    val, _ = integrate.quad(integrand, lo, hi, epsabs=1e-14, epsrel=1e-13, limit=500)
    return val


def parallel(d, n):  # two-sample t on change scores, n per group
    return t_power(d * math.sqrt(n / 2), 2 * n - 2)


def ancova(d, n, rho):  # n per group, df = N - 3
    return t_power(d * math.sqrt(n * n / (2 * n)) / math.sqrt(1 - rho * rho), 2 * n - 3)


def crossover(d, n, rho):  # n all patients (even)
    return t_power(d / (math.sqrt(1 - rho) * math.sqrt(2 / n)), n - 2)


def nof1(d, m, c, w, tau):  # m patients, fractions of sigma
    return t_power(d * math.sqrt(m) / math.sqrt(2 * w * w / c + tau * tau), m - 1)


def props(p1, p2, n):  # normal approximation, pooled under the null, two-sided (strict)
    delta = p2 - p1
    pbar = (p1 + p2) / 2
    se0 = math.sqrt(pbar * (1 - pbar) * 2 / n)
    se1 = math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n)
    za = stats.norm.isf(ALPHA / 2)
    return stats.norm.cdf((delta - za * se0) / se1) + stats.norm.cdf((-delta - za * se0) / se1)


def smallest(f, start, step=1):
    n = start
    while f(n) < TARGET:
        n += step
    return n


def inflate(n, dropout):
    x = n / (1 - dropout)
    r = round(x)
    return int(r) if abs(x - r) <= 1e-9 * max(r, 1) else math.ceil(x)


def scenario(name, pre, post, placebo, trial_baseline, rho, sd_change, sigma, slope,
             shrinkage, reference, p30, p50, cycles, within, tau, dropout):
    observed = pre - post
    k = pre - trial_baseline
    rtm = max(0.0, (1 - slope) * k)
    remainder = observed - placebo - rtm
    chain = shrinkage * remainder
    planning = chain if reference is None else min(chain, reference)
    d_change = planning / sd_change
    d_sigma = planning / sigma
    out = {"name": name, "regression_to_mean": rtm, "chain_effect": chain,
           "planning_effect": planning, "standardized_effect": d_change,
           "d_sigma": d_sigma, "designs": {}}

    def record(design, n, power, per_arm, arms, extra=None):
        row = {"n": n, "power": power, "n_per_arm_before_dropout": per_arm,
               "n_per_arm": inflate(per_arm, dropout), "n_total": arms * inflate(per_arm, dropout)}
        row.update(extra or {})
        out["designs"][design] = row

    n = smallest(lambda n: parallel(d_change, n), 2)
    record("parallel", n, parallel(d_change, n), n, 2)
    n = smallest(lambda n: ancova(d_sigma, n, rho), 2)
    record("ancova", n, ancova(d_sigma, n, rho), n, 2)
    n = smallest(lambda n: crossover(d_sigma, n, rho), 4, 2)
    record("crossover_2x2", n, crossover(d_sigma, n, rho), n // 2, 2)
    for label, p0 in (("responders_30", p30), ("responders_50", p50)):
        p1 = stats.norm.cdf(stats.norm.ppf(p0) + d_change)
        n = smallest(lambda n: props(p0, p1, n), 2)
        record(label, n, props(p0, p1, n), n, 2, {"treatment_rate": p1})
    w, t = within / sigma, tau / sigma
    n = smallest(lambda m: nof1(d_sigma, m, cycles, w, t), 2)
    record("nof1_series", n, nof1(d_sigma, n, cycles, w, t), n, 1)
    return out


scenarios = [
    # Ketamine case, NRS defaults, no reference effect.
    scenario("ketamine_chain", 10, 1, 0.77, 6.75, 0.5, 2.5, 2.5, 0.5, 1.0, None,
             0.308, 0.188, 3, 1.0, 1.0, 0.15),
    # Ketamine case, NRS defaults, reference effect 1.83 (Orhurhu 2019).
    scenario("ketamine_reference", 10, 1, 0.77, 6.75, 0.5, 2.5, 2.5, 0.5, 1.0, 1.83,
             0.308, 0.188, 3, 1.0, 1.0, 0.15),
    # VAS case 80 -> 30, rho 0.4, SDs 14 (baseline) and 25 (follow-up), shrinkage 0.5,
    # dropout 0.2; sigma derived from the SD of change 25: 25 / sqrt(1.2).
    scenario("vas_unequal_sds", 80, 30, 7.7, 67.5, 0.4, 25.0, 25.0 / math.sqrt(1.2),
             0.4 * 25.0 / 14.0, 0.5, None, 0.308, 0.188, 3, 10.0, 10.0, 0.2),
]


def fmt(x):
    if isinstance(x, float):
        return float(f"{x:.17g}")
    if isinstance(x, dict):
        return {k: fmt(v) for k, v in x.items()}
    return x


print(json.dumps({"generated_by": "tests/reference/plan/gen_plan.py (scipy "
                  + __import__("scipy").__version__ + ")",
                  "alpha": ALPHA, "target_power": TARGET,
                  "scenarios": [fmt(s) for s in scenarios]}, indent=1))
