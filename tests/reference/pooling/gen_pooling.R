# Golden values for outcome_stats::effect::pooling, from R metafor.
#
# Run from the repository root:
#   Rscript tests/reference/pooling/gen_pooling.R > tests/reference/pooling/pooling_metafor.json
#
# For each data set (y = case-level estimates, se = their standard errors) and each model
# (fixed effect "FE", DerSimonian-Laird "DL", REML) and each interval ("z" = normal,
# "knha" = Knapp-Hartung), rma() reports the pooled estimate, its SE, the interval, tau^2,
# Q (QE), its p-value, I^2 and H^2 (metafor reports I^2 in percent; divided by 100 here),
# and the relative weights (weights() in percent; divided by 100 here).
# REML is run with a tight convergence threshold (1e-14 on the change in tau^2, up to 10000
# iterations) so that metafor's Fisher scoring lands on the root of the REML score to full
# precision; metafor's default threshold (1e-5) is looser than the 1e-8 the tests demand.
# Most fits are at the 95 % level; two data sets are also fitted at 80 % and 90 %. metafor warns
# that Knapp-Hartung is not meant for FE models; the warning is silenced, the values kept.
# Values are printed with 17 significant digits.
suppressPackageStartupMessages(library(metafor))

dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
sets <- list(
  list(name = "bcg_log_rr",
       note = "metafor dat.bcg (Colditz et al. 1994), log risk ratios from escalc(measure = 'RR'); heterogeneous, k = 13",
       y = as.numeric(dat$yi), se = sqrt(as.numeric(dat$vi)), levels = c(0.95, 0.80)),
  list(name = "two_cases",
       note = "k = 2, synthetic",
       y = c(0.2, 0.9), se = c(0.15, 0.25)),
  list(name = "homogeneous",
       note = "k = 5, synthetic, Q below its df so tau^2 = 0 under DL and REML",
       y = c(0.30, 0.32, 0.29, 0.31, 0.305), se = c(0.10, 0.12, 0.08, 0.15, 0.11)),
  list(name = "heterogeneous_cases",
       note = "k = 6, synthetic single-case style estimates (e.g. within-case SMDs) with unequal SEs",
       y = c(1.8, 0.4, 2.6, 1.1, -0.2, 3.4), se = c(0.45, 0.30, 0.70, 0.38, 0.52, 0.90)),
  list(name = "three_cases",
       note = "k = 3, synthetic, moderate heterogeneity",
       y = c(-0.35, 0.10, 0.62), se = c(0.20, 0.18, 0.26), levels = c(0.95, 0.90))
)

f17 <- function(x) formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(f17(x), collapse = ", "), "]")
out <- c()
for (s in sets) {
  levels <- if (is.null(s$levels)) 0.95 else s$levels
  for (lev in levels) for (m in c("FE", "DL", "REML")) {
    for (tst in c("z", "knha")) {
      fit <- suppressWarnings(rma(yi = s$y, sei = s$se, method = m, test = tst, level = 100 * lev,
                 control = list(threshold = 1e-14, maxiter = 10000)))
      w <- weights(fit) / 100
      rec <- paste0(
        "{\"set\": \"", s$name, "\", \"note\": \"", s$note, "\", ",
        "\"method\": \"", m, "\", \"test\": \"", tst, "\", \"level\": ", f17(lev), ", ",
        "\"y\": ", vec(s$y), ", \"se\": ", vec(s$se), ", ",
        "\"estimate\": ", f17(as.numeric(fit$beta)), ", ",
        "\"estimate_se\": ", f17(fit$se), ", ",
        "\"ci_lower\": ", f17(fit$ci.lb), ", \"ci_upper\": ", f17(fit$ci.ub), ", ",
        "\"tau2\": ", f17(fit$tau2), ", \"q\": ", f17(fit$QE), ", \"q_p\": ", f17(fit$QEp), ", ",
        "\"i2\": ", f17(fit$I2 / 100), ", \"h2\": ", f17(fit$H2), ", ",
        "\"weights\": ", vec(w), "}")
      out <- c(out, rec)
    }
  }
}
cat("{\n\"produced_by\": \"tests/reference/pooling/gen_pooling.R with R ", paste(R.version$major, R.version$minor, sep = "."),
    " and metafor ", as.character(packageVersion("metafor")), "\",\n\"fits\": [\n",
    paste(out, collapse = ",\n"), "\n]\n}\n", sep = "")
