//! Tests of `outcome_stats::power`: golden grids from R and Python, invariants, errors.

mod answers;
mod errors;
mod golden_py;
mod golden_r;
mod props;

use outcome_stats::Alternative;

/// The rows of a golden CSV (comment lines start with '#'; the first other line is the header).
pub(crate) fn read_csv(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = format!(
        "{}/tests/reference/power/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let header: Vec<String> = lines
        .next()
        .expect("header")
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Looks up a column by name.
pub(crate) struct Row<'a> {
    header: &'a [String],
    cells: &'a [String],
}

impl<'a> Row<'a> {
    pub(crate) fn new(header: &'a [String], cells: &'a [String]) -> Self {
        Row { header, cells }
    }
    pub(crate) fn s(&self, col: &str) -> &str {
        let i = self
            .header
            .iter()
            .position(|h| h == col)
            .unwrap_or_else(|| panic!("no column {col}"));
        &self.cells[i]
    }
    pub(crate) fn f(&self, col: &str) -> f64 {
        self.s(col)
            .parse()
            .unwrap_or_else(|_| panic!("{col}: {}", self.s(col)))
    }
    pub(crate) fn opt(&self, col: &str) -> Option<f64> {
        match self.s(col) {
            "NA" | "" | "None" | "nan" => None,
            v => Some(v.parse().unwrap()),
        }
    }
    pub(crate) fn n(&self, col: &str) -> usize {
        self.s(col).parse().unwrap()
    }
    pub(crate) fn alt(&self) -> Alternative {
        match self.s("alternative") {
            "two.sided" | "two_sided" => Alternative::TwoSided,
            "greater" => Alternative::Greater,
            "less" => Alternative::Less,
            other => panic!("alternative {other}"),
        }
    }
}
