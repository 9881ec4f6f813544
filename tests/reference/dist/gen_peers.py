#!/usr/bin/env python3
"""What R and scipy return for selected noncentral t, chi-square and F values, next to the
30-digit mpmath reference (from gen_noncentral_t.py / gen_noncentral_chisq_f.py).

Produces peers.csv: dist,function,p1,p2,p3,x,mpmath,R,scipy (17 significant digits).
R is Debian's r-base-core (pt/pf/pchisq, dt, with lower.tail = FALSE for sf); scipy is
scipy.stats.nct/ncf/ncx2. Run: python3 gen_peers.py > peers.csv
"""
import subprocess

import mpmath as mp
import scipy
import scipy.stats as st

import gen_noncentral_chisq_f as gcf
import gen_noncentral_t as gt

CASES = [
    # (dist, function, params, x)
    ("t", "cdf", (3.0, 10.0), -1.0),          # R returns 0 (true 5.0e-26)
    ("t", "cdf", (10.0, 2.0), 3.0),
    ("t", "sf", (10.0, 2.0), 12.0),
    ("t", "cdf", (30.0, 40.0), 30.0),         # above R's 37.62 switch
    ("t", "sf", (1e6, 5.0), 12.0),            # above R's df 4e5 switch
    ("t", "cdf", (5.0, 38.0), 20.0),
    ("t", "sf", (20.0, -3.0), 5.0),
    ("t", "pdf", (3.0, 10.0), -1.0),
    ("chisq", "cdf", (3.0, 2.0), 4.0),
    ("chisq", "sf", (3.0, 2.0), 200.0),
    ("chisq", "cdf", (1e7, 37.62), 1e7),
    ("chisq", "cdf", (0.5, 100.0), 1e-10),
    ("F", "cdf", (3.0, 20.0, 4.0), 2.0),      # R's pnbeta aims at 1e-9
    ("F", "sf", (3.0, 20.0, 4.0), 40.0),
    ("F", "sf", (1.0, 1.0, 0.0), 1e20),
    ("F", "cdf", (10.0, 1e7, 37.62), 1.0),
]


def r_value(dist, fn, params, x):
    if dist == "t":
        df, ncp = params
        expr = {"cdf": f"pt({x!r}, {df!r}, ncp = {ncp!r})",
                "sf": f"pt({x!r}, {df!r}, ncp = {ncp!r}, lower.tail = FALSE)",
                "pdf": f"dt({x!r}, {df!r}, ncp = {ncp!r})"}[fn]
    elif dist == "chisq":
        df, ncp = params
        expr = {"cdf": f"pchisq({x!r}, {df!r}, ncp = {ncp!r})",
                "sf": f"pchisq({x!r}, {df!r}, ncp = {ncp!r}, lower.tail = FALSE)"}[fn]
    else:
        d1, d2, ncp = params
        expr = {"cdf": f"pf({x!r}, {d1!r}, {d2!r}, ncp = {ncp!r})",
                "sf": f"pf({x!r}, {d1!r}, {d2!r}, ncp = {ncp!r}, lower.tail = FALSE)"}[fn]
    out = subprocess.run(["Rscript", "-e", f"cat(sprintf('%.17g', suppressWarnings({expr})))"],
                         capture_output=True, text=True, check=True).stdout
    return float(out)


def scipy_value(dist, fn, params, x):
    if dist == "t":
        d = st.nct(*params)
    elif dist == "chisq":
        d = st.ncx2(*params)
    else:
        d = st.ncf(*params)
    return float(getattr(d, fn)(x))


def mp_value(dist, fn, params, x):
    if dist == "t":
        df, ncp = params
        if fn == "pdf":
            return gt.integral(x, ncp, df, "pdf")
        c = gt.integral(x, ncp, df, "cdf")
        s = gt.integral(x, ncp, df, "sf")
        if fn == "cdf":
            return c if c <= s else 1 - s
        return s if s <= c else 1 - c
    if dist == "chisq":
        lo, up, _ = gcf.chisq(*params, x)
    else:
        lo, up, _ = gcf.fdist(*params, x)
    return lo if fn == "cdf" else up


def main():
    r_version = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], capture_output=True, text=True).stdout
    print(f"# peers: {r_version}; scipy {scipy.__version__}; mpmath {mp.__version__} at 30 digits (gen_peers.py)")
    print("dist,function,p1,p2,p3,x,mpmath,R,scipy")
    for dist, fn, params, x in CASES:
        ps = list(params) + [""] * (3 - len(params))
        m = mp_value(dist, fn, params, x)
        print("%s,%s,%s,%s,%s,%r,%s,%r,%r" % (dist, fn, *[repr(p) if p != "" else "" for p in ps], x,
                                             mp.nstr(m, 17), r_value(dist, fn, params, x),
                                             scipy_value(dist, fn, params, x)), flush=True)


if __name__ == "__main__":
    main()
