//! The motivating case report, analysed (grows with each layer of the crate).

use outcome_stats::{Scale, Series};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let series = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[10.0, 9.0, 10.0]), ("B", &[7.0, 4.0, 2.0, 1.0])],
    )?;
    println!("{} observations", series.len());
    Ok(())
}
