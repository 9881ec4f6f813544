#!/usr/bin/env Rscript
# Extra SingleCaseES 0.7.4 reference values for options the 60-series file does not cover:
# LRRd / LRRi for every measurement type, both improvement directions, with and without the bias
# correction; LOR for proportions and percentages; LRM on odd perfect-square phase lengths
# (R rounds n/2 - sqrt(n) half to even); NAP with the Hanley and null SEs; the pooled SMD;
# PND / PEM / PAND / IRD in both directions.
#
# SingleCaseES is not in Debian. This script sources the package's own R files from a
# checkout of its source at version 0.7.4 (github.com/jepusto/SingleCaseES, commit
# 8de5a3aa50d2a3959803e751bf4e6c16b6d93401, GPL-3), which is not part of this repository:
#
#   Rscript gen_singlecasees_extra.R /path/to/SingleCaseES > singlecasees_extra.jsonl
#
# Only the calc_* functions are used (base R, no other packages); output is one JSON object per
# line with values at 17 significant digits (sprintf %.17g).
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]
source(file.path(src, "R", "parametric-measures.R"))
source(file.path(src, "R", "non-overlap-measures.R"))

series <- list(
  list(A = c(20, 20, 25, 25, 20, 25), B = c(30, 25, 25, 25, 35, 30, 25)),
  list(A = c(60, 55, 70, 65, 80), B = c(40, 35, 20, 30, 25, 10)),
  list(A = c(2, 0, 3, 1, 0, 2, 4), B = c(5, 7, 4, 6, 9, 5)),
  list(A = c(0, 0, 0, 0), B = c(10, 15, 5, 20, 30)),
  list(A = c(100, 95, 100, 90), B = c(100, 100, 100, 98, 100)),
  list(A = c(8, 7, 9, 6, 8, 7, 9, 8, 7), B = c(5, 4, 6, 3, 5, 2, 4, 3, 5, 4, 3, 2, 4, 3, 1, 2, 3, 2, 1, 2, 1, 2, 3, 1, 2))
)

num <- function(v) ifelse(is.finite(v), sprintf("%.17g", v), "null")
out <- function(rec) {
  parts <- vapply(names(rec), function(k) {
    v <- rec[[k]]
    val <- if (is.null(v)) "null"
      else if (is.logical(v)) tolower(as.character(v))
      else if (is.character(v)) paste0('"', v, '"')
      else if (k %in% c("A", "B")) paste0("[", paste(num(v), collapse = ","), "]")
      else num(v)
    paste0('"', k, '":', val)
  }, character(1))
  cat("{", paste(parts, collapse = ","), "}\n", sep = "")
}
row <- function(res) {
  r <- res[1, ]
  list(est = r$Est,
       se = if (is.null(r$SE)) NULL else r$SE,
       lo = if (is.null(r$CI_lower)) NULL else r$CI_lower,
       hi = if (is.null(r$CI_upper)) NULL else r$CI_upper)
}

scales <- list(
  list(scale = "count"),
  list(scale = "rate", observation_length = 20),
  list(scale = "percentage", intervals = 10),
  list(scale = "percentage"),
  list(scale = "other")
)

for (k in seq_along(series)) {
  A <- series[[k]]$A
  B <- series[[k]]$B
  for (imp in c("increase", "decrease")) {
    for (fn in c("LRRd", "LRRi")) {
      for (sc in scales) {
        for (bc in c(TRUE, FALSE)) {
          f <- get(paste0("calc_", fn))
          res <- tryCatch(
            do.call(f, c(list(A_data = A, B_data = B, improvement = imp, bias_correct = bc, warn = FALSE), sc)),
            error = function(e) NULL)
          if (!is.null(res) && is.finite(res$Est[1])) {
            out(c(list(case = k, fn = fn, improvement = imp, bias_correct = bc), sc, row(res)))
          }
        }
      }
      # Proportions: the same data divided by 100 when they fit.
      if (all(c(A, B) <= 100)) {
        for (bc in c(TRUE, FALSE)) {
          f <- get(paste0("calc_", fn))
          res <- f(A_data = A / 100, B_data = B / 100, improvement = imp, scale = "proportion",
                   intervals = 10, bias_correct = bc, warn = FALSE)
          out(list(case = k, fn = fn, improvement = imp, bias_correct = bc, scale = "proportion",
                   intervals = 10, divide = 100, est = res$Est, se = res$SE,
                   lo = res$CI_lower, hi = res$CI_upper))
        }
      }
    }
    if (all(c(A, B) <= 100)) {
      for (bc in c(TRUE, FALSE)) {
        for (iv in list(10, NULL)) {
          res <- tryCatch(calc_LOR(A_data = A, B_data = B, improvement = imp, scale = "percentage",
                                   intervals = iv, bias_correct = bc, warn = FALSE),
                          error = function(e) NULL)
          if (!is.null(res) && is.finite(res$Est[1])) {
            out(c(list(case = k, fn = "LOR", improvement = imp, bias_correct = bc, scale = "percentage",
                       intervals = if (is.null(iv)) NULL else iv), row(res)))
          }
        }
        res <- calc_LOR(A_data = A / 100, B_data = B / 100, improvement = imp, scale = "proportion",
                        intervals = 10, bias_correct = bc, warn = FALSE)
        out(c(list(case = k, fn = "LOR", improvement = imp, bias_correct = bc, scale = "proportion",
                   intervals = 10, divide = 100), row(res)))
      }
    }
    if (all(c(A, B) > 0)) {
      for (dm in c(FALSE, TRUE)) {
        res <- calc_LRM(A_data = A, B_data = B, improvement = imp, delta_method = dm, warn = FALSE)
        out(c(list(case = k, fn = "LRM", improvement = imp, delta_method = dm), row(res)))
      }
    }
    for (se in c("Hanley", "null")) {
      res <- calc_NAP(A_data = A, B_data = B, improvement = imp, SE = se)
      out(c(list(case = k, fn = "NAP", improvement = imp, SE = se), row(res)))
    }
    if (var(A) > 0) {
      res <- calc_SMD(A_data = A, B_data = B, improvement = imp, std_dev = "pool", warn = FALSE)
      out(c(list(case = k, fn = "SMD", improvement = imp, std_dev = "pool"), row(res)))
    }
    for (fn in c("PND", "PEM", "PAND", "IRD")) {
      res <- get(paste0("calc_", fn))(A_data = A, B_data = B, improvement = imp)
      out(list(case = k, fn = fn, improvement = imp, est = res$Est[1]))
    }
  }
}
# The series themselves, for the test to rebuild them.
for (k in seq_along(series)) out(list(case = k, fn = "series", A = series[[k]]$A, B = series[[k]]$B))
