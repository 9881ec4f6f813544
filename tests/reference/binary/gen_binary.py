"""Golden values for outcome_stats::effect::binary, computed from the published formulas.

Run from the repository root:
    python3 tests/reference/binary/gen_binary.py > tests/reference/binary/binary_formulas.json

Written from the papers' formulas with mpmath at 50 significant digits, independently of the
Rust code (no shared code, no R package: PropCIs is not installed).

For each 2x2 table (events and totals in the treatment arm, events and totals in the control
arm) and confidence level:
- risk difference p_t - p_c with the Newcombe (1998) hybrid score interval (method 10: Wilson
  intervals for each arm combined by the square-and-add rule), and the unpooled Wald SE;
- risk ratio p_t / p_c with the Katz et al. (1978) log interval, and odds ratio with the
  Woolf (1955) log interval; where any of the four cells is zero, 0.5 is added to every cell
  before these log-scale statistics (and their point estimates) are computed;
- risk ratio with the Koopman (1984) score interval: the set of ratios phi whose Pearson
  chi-square statistic, computed with the maximum likelihood risks restricted to
  p_t = phi p_c, is at most the chi-square(1) quantile; the ends are solved with mpmath's
  bisection-safe root finder to 40 digits;
- the number needed to treat, from the risk difference and its Newcombe interval (Altman 1998).
Values are printed with 17 significant digits.
"""
import json
import mpmath as mp

mp.mp.dps = 50


def z_of(level):
    return mp.sqrt(2) * mp.erfinv(mp.mpf(level))


def wilson(x, n, z):
    x, n = mp.mpf(x), mp.mpf(n)
    p = x / n
    centre = (2 * x + z**2) / (2 * (n + z**2))
    half = z * mp.sqrt(z**2 + 4 * x * (1 - p)) / (2 * (n + z**2))
    return centre - half, centre + half


def newcombe(x1, n1, x2, n2, z):
    p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    d = p1 - p2
    lo = d - mp.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    hi = d + mp.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d, lo, hi


def corrected(x1, n1, x2, n2):
    cells = [x1, n1 - x1, x2, n2 - x2]
    if min(cells) == 0:
        a, b, c, d = [mp.mpf(v) + mp.mpf("0.5") for v in cells]
        return a, b, c, d, True
    a, b, c, d = [mp.mpf(v) for v in cells]
    return a, b, c, d, False


def katz(x1, n1, x2, n2, z):
    a, b, c, d, corr = corrected(x1, n1, x2, n2)
    lrr = mp.log((a / (a + b)) / (c / (c + d)))
    se = mp.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    return lrr, se, corr, z


def woolf(x1, n1, x2, n2, z):
    a, b, c, d, corr = corrected(x1, n1, x2, n2)
    lor = mp.log(a * d / (b * c))
    se = mp.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return lor, se, corr


def pearson_term(observed, expected):
    # (O - E)^2 / E, with the usual convention that an empty cell expected to be empty adds 0
    if expected == 0:
        return mp.mpf(0) if observed == 0 else mp.inf
    return (observed - expected) ** 2 / expected


def restricted_risks(phi, x1, n1, x2, n2):
    # maximum likelihood risks under p_t = phi p_c (Koopman 1984; Miettinen & Nurminen 1985)
    x1, n1, x2, n2 = [mp.mpf(v) for v in (x1, n1, x2, n2)]
    big_n = n1 + n2
    b = phi * (n1 + x2) + x1 + n2
    disc = b * b - 4 * big_n * phi * (x1 + x2)
    p1 = (b - mp.sqrt(disc)) / (2 * big_n)
    return p1, p1 / phi


def koopman_stat(phi, x1, n1, x2, n2):
    # Pearson chi-square over the four cells with the restricted expected counts
    p1, p2 = restricted_risks(phi, x1, n1, x2, n2)
    return (
        pearson_term(x1, n1 * p1)
        + pearson_term(n1 - x1, n1 * (1 - p1))
        + pearson_term(x2, n2 * p2)
        + pearson_term(n2 - x2, n2 * (1 - p2))
    )


def koopman_product_form(phi, x1, n1, x2, n2):
    # Koopman's (1984) own way of writing the same statistic, as a check on the Pearson form.
    x1, n1, x2, n2 = [mp.mpf(v) for v in (x1, n1, x2, n2)]
    big_n = n1 + n2
    b = phi * (n1 + x2) + x1 + n2
    p1 = (b - mp.sqrt(b * b - 4 * big_n * phi * (x1 + x2))) / (2 * big_n)
    return (x1 - n1 * p1) ** 2 / (n1 * p1 * (1 - p1)) * (
        1 + n1 * (phi - p1) / (n2 * (1 - p1))
    )


def bisect(f, lo, hi):
    flo = f(lo)
    for _ in range(400):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < mp.mpf(10) ** -45 * (1 + abs(lo)):
            break
    return (lo + hi) / 2


def koopman(x1, n1, x2, n2, level):
    crit = mp.mpf(2) * mp.erfinv(mp.mpf(level)) ** 2  # chi-square(1) quantile = z^2
    rr = (mp.mpf(x1) / n1) / (mp.mpf(x2) / n2) if x2 > 0 else mp.inf
    # work on t = log(phi)
    g = lambda t: koopman_stat(mp.e**t, x1, n1, x2, n2) - crit
    for t in (mp.mpf(-1.3), mp.mpf("0.4"), mp.mpf(2)):
        p1, p2 = restricted_risks(mp.e**t, x1, n1, x2, n2)
        # away from the boundary, where the product form loses every digit to cancellation
        if not (mp.mpf(10) ** -20 < p1 < 1 - mp.mpf(10) ** -20 and mp.mpf(10) ** -20 < p2 < 1 - mp.mpf(10) ** -20):
            continue
        lhs = koopman_stat(mp.e**t, x1, n1, x2, n2)
        rhs = koopman_product_form(mp.e**t, x1, n1, x2, n2)
        assert abs(lhs - rhs) < mp.mpf(10) ** -35 * (1 + abs(lhs)), (lhs, rhs)
    if x1 == 0:
        lower = mp.mpf(0)
    else:
        hi = mp.log(rr) if x2 > 0 else mp.mpf(60)
        lo = hi - 1
        while g(lo) < 0:
            lo -= 1
        lower = mp.e ** bisect(g, lo, hi)
    if x2 == 0:
        upper = mp.inf
    else:
        lo = mp.log(rr) if x1 > 0 else mp.mpf(-60)
        hi = lo + 1
        while g(hi) < 0:
            hi += 1
        upper = mp.e ** bisect(g, lo, hi)
    return rr, lower, upper


def f17(x):
    x = mp.mpf(x)
    if mp.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return mp.nstr(x, 17, min_fixed=-30, max_fixed=30, strip_zeros=False)


TABLES = [
    # (events_treatment, n_treatment, events_control, n_control, level, source note)
    (56, 70, 48, 80, 0.95, "Newcombe 1998 example (a)"),
    (9, 10, 3, 10, 0.95, "Newcombe 1998 example (b)"),
    (6, 7, 2, 7, 0.95, "Newcombe 1998 example (c)"),
    (5, 56, 0, 29, 0.95, "Newcombe 1998 example (d), zero cell"),
    (0, 10, 0, 20, 0.95, "Newcombe 1998 example (e), no events"),
    (0, 10, 0, 10, 0.95, "Newcombe 1998 example (f), no events"),
    (10, 10, 0, 20, 0.95, "Newcombe 1998 example (g), complete separation"),
    (10, 10, 0, 10, 0.95, "Newcombe 1998 example (h), complete separation"),
    (36, 40, 16, 80, 0.95, "Koopman 1984 style table (36/40 vs 16/80)"),
    (15, 30, 9, 30, 0.90, "synthetic responder trial, 90 %"),
    (12, 40, 20, 41, 0.95, "synthetic, treatment has fewer events"),
    (30, 30, 27, 30, 0.95, "synthetic, all treated have the event"),
    (3, 500, 11, 480, 0.99, "synthetic rare events, 99 %"),
    (1, 1, 0, 1, 0.95, "smallest possible arms"),
]


def main():
    rows = []
    for x1, n1, x2, n2, level, note in TABLES:
        z = z_of(level)
        rd, rd_lo, rd_hi = newcombe(x1, n1, x2, n2, z)
        p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
        rd_se = mp.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
        lrr, lrr_se, corr, _ = katz(x1, n1, x2, n2, z)
        lor, lor_se, _ = woolf(x1, n1, x2, n2, z)
        row = {
            "note": note,
            "events_treatment": x1,
            "n_treatment": n1,
            "events_control": x2,
            "n_control": n2,
            "level": level,
            "zero_cell_corrected": corr,
            "rd": f17(rd),
            "rd_se": f17(rd_se),
            "rd_lower": f17(rd_lo),
            "rd_upper": f17(rd_hi),
            "log_rr": f17(lrr),
            "log_rr_se": f17(lrr_se),
            "log_rr_lower": f17(lrr - z * lrr_se),
            "log_rr_upper": f17(lrr + z * lrr_se),
            "rr": f17(mp.e**lrr),
            "rr_lower": f17(mp.e ** (lrr - z * lrr_se)),
            "rr_upper": f17(mp.e ** (lrr + z * lrr_se)),
            "log_or": f17(lor),
            "log_or_se": f17(lor_se),
            "or": f17(mp.e**lor),
            "or_lower": f17(mp.e ** (lor - z * lor_se)),
            "or_upper": f17(mp.e ** (lor + z * lor_se)),
        }
        if x1 + x2 > 0:
            rr_k, lo_k, hi_k = koopman(x1, n1, x2, n2, level)
            row["koopman_rr"] = f17(rr_k)
            row["koopman_lower"] = f17(lo_k)
            row["koopman_upper"] = f17(hi_k)
        rows.append(row)
    out = {
        "produced_by": "tests/reference/binary/gen_binary.py (mpmath %s, 50 digits)" % mp.__version__,
        "tables": rows,
    }
    # Numbers are strings so that Infinity survives JSON; the test parses them with str::parse.
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
