# Goldens from R effectsize 0.8.3 for the two-group and paired effect sizes.
# Run: Rscript gen_effectsize.R  (reads datasets.json, writes effectsize_0.8.3.json)
# Estimates are the reference (1e-10 relative). effectsize's interval ends come from a
# general-purpose optimiser (effectsize:::.get_ncp_t) and are off from exact inversion by up to
# ~5e-3 on small samples: they are recorded for comparison only (see exact_mpmath.json).
suppressPackageStartupMessages({library(effectsize); library(jsonlite)})
stopifnot(as.character(packageVersion("effectsize")) == "0.8.3")
sets <- fromJSON("datasets.json", simplifyVector = FALSE)$sets
row <- function(e, col) list(est = e[[col]], lo = e$CI_low, hi = e$CI_high)
out <- list()
for (s in sets) {
  x <- unlist(s$x); y <- unlist(s$y)
  r <- list(id = s$id)
  if (s$design == "independent") {
    r$cohens_d <- row(cohens_d(x, y, ci = 0.95), "Cohens_d")
    r$cohens_d_90 <- row(cohens_d(x, y, ci = 0.90), "Cohens_d")
    r$cohens_d_greater <- row(cohens_d(x, y, ci = 0.95, alternative = "greater"), "Cohens_d")
    r$cohens_d_less <- row(cohens_d(x, y, ci = 0.95, alternative = "less"), "Cohens_d")
    r$hedges_g <- row(hedges_g(x, y, ci = 0.95), "Hedges_g")
    r$glass_delta <- row(glass_delta(x, y, ci = 0.95), "Glass_delta")
    p <- p_superiority(x, y, ci = 0.95)
    r$p_superiority_parametric <- row(p, "p_superiority")
    p <- p_superiority(x, y, ci = 0.95, parametric = FALSE)
    r$p_superiority_nonparametric <- list(est = p$p_superiority)
  } else {
    r$d_z <- row(cohens_d(x, y, paired = TRUE, ci = 0.95), "Cohens_d")
    r$d_z_90 <- row(cohens_d(x, y, paired = TRUE, ci = 0.90), "Cohens_d")
    r$hedges_g_paired <- row(hedges_g(x, y, paired = TRUE, ci = 0.95), "Hedges_g")
  }
  out[[length(out) + 1]] <- r
}
res <- list(produced_by = paste("tests/reference/group/gen_effectsize.R with R",
                                getRversion(), "effectsize", packageVersion("effectsize")),
            results = out)
# jsonlite prints at most 15 significant digits: emit numbers with sprintf("%.17g") ourselves.
num <- function(v) if (is.infinite(v)) (if (v > 0) '"Inf"' else '"-Inf"') else sprintf("%.17g", v)
emit <- function(v) {
  if (is.list(v)) {
    if (is.null(names(v))) return(paste0("[\n", paste(sapply(v, emit), collapse = ",\n"), "\n]"))
    return(paste0("{", paste(sprintf('"%s": %s', names(v), sapply(v, emit)), collapse = ", "), "}"))
  }
  if (is.character(v)) return(sprintf('"%s"', v))
  num(v)
}
writeLines(emit(res), "effectsize_0.8.3.json")
