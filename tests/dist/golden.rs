//! Reading golden CSV files and measuring relative errors against them.

use std::fmt::Write as _;

/// One golden row: the parameters followed by the reference values.
pub struct Row {
    pub params: Vec<f64>,
    pub values: Vec<f64>,
}

/// Reads `tests/reference/dist/<name>`: `#` comment lines, a header, then numeric rows;
/// `nparams` leading columns are parameters.
pub fn read(name: &str, nparams: usize) -> Vec<Row> {
    let path = format!("{}/tests/reference/dist/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let v: Vec<f64> = l
                .split(',')
                .map(|f| {
                    f.trim()
                        .parse::<f64>()
                        .unwrap_or_else(|e| panic!("{l}: {e}"))
                })
                .collect();
            Row {
                params: v[..nparams].to_vec(),
                values: v[nparams..].to_vec(),
            }
        })
        .collect()
}

/// Relative error of `got` against `want`, or the absolute error in units of 1e-300 when
/// `want` is below 1e-300 (so that "within 1e-300 absolute" maps to an error below 1).
pub fn rel_err(got: f64, want: f64) -> f64 {
    if want.abs() > 1e-300 {
        ((got - want) / want).abs()
    } else if (got - want).abs() <= 1e-300 {
        0.0
    } else {
        f64::INFINITY
    }
}

/// Tracks the worst relative error and the case that produced it.
#[derive(Default)]
pub struct Worst {
    pub err: f64,
    pub case: String,
    pub count: usize,
    pub over: usize,
}

impl Worst {
    pub fn add(&mut self, err: f64, tol: f64, case: impl FnOnce() -> String) {
        self.count += 1;
        let err = if err.is_nan() { f64::INFINITY } else { err };
        if err > tol {
            self.over += 1;
        }
        if err > self.err || (self.case.is_empty() && err >= self.err) {
            self.err = err;
            self.case = case();
        }
    }

    pub fn report(&self, what: &str) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            "{what}: worst relative error {:.3e} over {} values ({} above tolerance) at {}",
            self.err, self.count, self.over, self.case
        );
        s
    }
}
