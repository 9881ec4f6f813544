//! The N-of-1 randomised crossover trial: cycles of paired treatment and control periods.

use std::fmt;

use crate::error::{Error, Result};
use crate::series::Series;

/// The order of the two periods within one cycle of an N-of-1 crossover.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::CycleOrder;
/// assert_ne!(CycleOrder::TreatmentFirst, CycleOrder::ControlFirst);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CycleOrder {
    /// Treatment period, then control (placebo) period.
    TreatmentFirst,
    /// Control (placebo) period, then treatment period.
    ControlFirst,
}

/// How the order of the periods within each cycle was allocated: stated by the investigator,
/// since the data cannot show it.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::OrderAllocation;
/// assert_eq!(OrderAllocation::default(), OrderAllocation::NotStated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OrderAllocation {
    /// Not stated (the default).
    #[default]
    NotStated,
    /// The order within each cycle was randomised.
    Randomised,
    /// The order was fixed or chosen, not randomised.
    NotRandomised,
}

/// An N-of-1 randomised crossover trial: one patient, cycles of one treatment and one control
/// (placebo) period each, in an order that varies between cycles.
///
/// # Method
///
/// Each observation is labelled with the treatment or the control label; a period is a block
/// of consecutive observations. [`NOf1Crossover::from_runs`] reads every run of one label as a
/// period (fine when consecutive periods never share a label); [`NOf1Crossover::new`] takes the
/// period lengths explicitly, which is needed when a cycle ending with treatment is followed by
/// a cycle starting with treatment. Periods pair up into cycles in order: periods 1-2 form
/// cycle 1, periods 3-4 cycle 2, and so on. Building checks that every period holds one label,
/// that the cycles are complete, and that each cycle has one treatment and one control period.
/// Run-in and washout observations are not part of the series: leave them out (CENT item 3a
/// asks for them to be reported in words).
///
/// # References
///
/// Guyatt G et al. (1986). Determining optimal therapy: randomized trials in individual
/// patients. *New England Journal of Medicine* 314:889-892. Vohra S et al. (2015). CONSORT
/// extension for reporting N-of-1 trials (CENT) 2015 Statement. *BMJ* 350:h1738.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::{CycleOrder, NOf1Crossover};
/// use outcome_stats::{Scale, Series};
/// let labels = ["T", "T", "P", "P", "P", "P", "T", "T", "T", "T", "P", "P"];
/// let values = [3.0, 3.0, 6.0, 7.0, 6.0, 6.0, 2.0, 3.0, 3.0, 2.0, 7.0, 6.0];
/// let s = Series::new(Scale::nrs11(), &values, &labels)?;
/// let trial = NOf1Crossover::new(&s, "T", "P", &[2, 2, 2, 2, 2, 2])?;
/// assert_eq!(trial.cycles(), 3);
/// assert_eq!(
///     trial.orders(),
///     [CycleOrder::TreatmentFirst, CycleOrder::ControlFirst, CycleOrder::TreatmentFirst]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NOf1Crossover {
    series: Series,
    treatment: String,
    control: String,
    period_lengths: Vec<usize>,
    orders: Vec<CycleOrder>,
    allocation: OrderAllocation,
}

impl NOf1Crossover {
    /// An N-of-1 crossover from a series, the treatment and control labels and the length of
    /// every period in order.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDesign`] for equal treatment and control labels, a period of length 0,
    /// fewer than two periods, an incomplete last cycle (naming it) or a cycle without one
    /// period of each condition (naming it); [`Error::LengthMismatch`] when the period lengths
    /// do not add up to the series length; [`Error::PhaseMismatch`] for a period that mixes
    /// labels or a label that is neither treatment nor control (naming period and index).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Error, Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0, 2.0], &["T", "P", "T"])?;
    /// // Three periods: the second cycle is incomplete.
    /// assert!(matches!(NOf1Crossover::new(&s, "T", "P", &[1, 1, 1]), Err(Error::InvalidDesign { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        series: &Series,
        treatment: &str,
        control: &str,
        period_lengths: &[usize],
    ) -> Result<NOf1Crossover> {
        if treatment == control {
            return Err(Error::InvalidDesign {
                reason: format!(
                    "the treatment and control labels must differ, both are {treatment:?}"
                ),
            });
        }
        let total = period_lengths
            .iter()
            .try_fold(0usize, |acc, &n| acc.checked_add(n))
            .unwrap_or(usize::MAX);
        if total != series.len() {
            return Err(Error::LengthMismatch {
                what: "the series and the sum of the period lengths",
                left: series.len(),
                right: total,
            });
        }
        if period_lengths.len() < 2 {
            return Err(Error::InvalidDesign {
                reason: format!(
                    "an N-of-1 crossover needs at least one cycle of two periods, got {} period(s)",
                    period_lengths.len()
                ),
            });
        }
        let phases = series.phases();
        let mut period_labels: Vec<&str> = Vec::with_capacity(period_lengths.len());
        let mut start = 0;
        for (p, &len) in period_lengths.iter().enumerate() {
            if len == 0 {
                return Err(Error::InvalidDesign {
                    reason: format!("period {} has length 0", p + 1),
                });
            }
            let label = phases[start].as_str();
            if label != treatment && label != control {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "period {} (index {start}) is labelled {label:?}, but only the treatment \
                         {treatment:?} and control {control:?} labels belong to this design",
                        p + 1
                    ),
                });
            }
            if let Some(offset) = phases[start..start + len].iter().position(|l| l != label) {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "period {} (indices {start}..{}) mixes labels {label:?} and {:?} (at \
                         index {})",
                        p + 1,
                        start + len,
                        phases[start + offset],
                        start + offset
                    ),
                });
            }
            period_labels.push(label);
            start += len;
        }
        if period_labels.len() % 2 == 1 {
            let n = period_labels.len();
            return Err(Error::InvalidDesign {
                reason: format!(
                    "cycle {} is incomplete: it has only period {n} ({:?}); every cycle pairs \
                     one treatment with one control period",
                    n.div_ceil(2),
                    period_labels[n - 1]
                ),
            });
        }
        let mut orders = Vec::with_capacity(period_labels.len() / 2);
        for (c, pair) in period_labels.chunks(2).enumerate() {
            if pair[0] == pair[1] {
                return Err(Error::InvalidDesign {
                    reason: format!(
                        "cycle {} has two {:?} periods (periods {} and {}); every cycle pairs \
                         one treatment with one control period",
                        c + 1,
                        pair[0],
                        2 * c + 1,
                        2 * c + 2
                    ),
                });
            }
            orders.push(if pair[0] == treatment {
                CycleOrder::TreatmentFirst
            } else {
                CycleOrder::ControlFirst
            });
        }
        Ok(NOf1Crossover {
            series: series.clone(),
            treatment: treatment.to_string(),
            control: control.to_string(),
            period_lengths: period_lengths.to_vec(),
            orders,
            allocation: OrderAllocation::NotStated,
        })
    }

    /// An N-of-1 crossover whose periods are the runs of the series (each maximal block of one
    /// label is one period).
    ///
    /// # Errors
    ///
    /// As [`NOf1Crossover::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 3.0, 6.0, 6.0, 2.0, 7.0], &["T", "T", "P", "P", "T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.cycles(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_runs(series: &Series, treatment: &str, control: &str) -> Result<NOf1Crossover> {
        let lengths: Vec<usize> = series.runs().iter().map(|r| r.len()).collect();
        NOf1Crossover::new(series, treatment, control, &lengths)
    }

    /// The same trial with the investigator's statement of how the order was allocated.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{NOf1Crossover, OrderAllocation};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// let trial = NOf1Crossover::from_runs(&s, "T", "P")?.with_allocation(OrderAllocation::Randomised);
    /// assert_eq!(trial.allocation(), OrderAllocation::Randomised);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_allocation(self, allocation: OrderAllocation) -> NOf1Crossover {
        NOf1Crossover { allocation, ..self }
    }

    /// The series.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.series(), &s);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self) -> &Series {
        &self.series
    }

    /// The treatment label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.treatment(), "T");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn treatment(&self) -> &str {
        &self.treatment
    }

    /// The control (placebo) label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.control(), "P");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn control(&self) -> &str {
        &self.control
    }

    /// The number of complete cycles.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.cycles(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cycles(&self) -> usize {
        self.orders.len()
    }

    /// The order of each cycle.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{CycleOrder, NOf1Crossover};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[6.0, 3.0], &["P", "T"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.orders(), [CycleOrder::ControlFirst]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn orders(&self) -> &[CycleOrder] {
        &self.orders
    }

    /// The number of observations in each period, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::NOf1Crossover;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0, 6.0], &["T", "P", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.period_lengths(), [1, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period_lengths(&self) -> &[usize] {
        &self.period_lengths
    }

    /// The stated order allocation.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{NOf1Crossover, OrderAllocation};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
    /// assert_eq!(NOf1Crossover::from_runs(&s, "T", "P")?.allocation(), OrderAllocation::NotStated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocation(&self) -> OrderAllocation {
        self.allocation
    }

    /// Reports the trial's structure against the CENT 2015 checklist items the data can show.
    ///
    /// The WWC single-case design standards define no category for N-of-1 randomised
    /// crossover trials, so there is no WWC verdict; the report says so.
    ///
    /// # Method
    ///
    /// Items reported: the design, planned number of periods and their durations (CENT item
    /// 3a), whether the order of periods was randomised and the restriction to pairs (items
    /// 8a-8b; randomisation itself is the investigator's statement, since the data show only
    /// the orders), and the number of periods of each condition available for analysis (item
    /// 16). Washout, blinding and allocation concealment cannot be seen in the data and are
    /// listed as such.
    ///
    /// # References
    ///
    /// Vohra S, Shamseer L, Sampson M, et al. (2015). CONSORT extension for reporting N-of-1
    /// trials (CENT) 2015 Statement. *BMJ* 350:h1738. Shamseer L et al. (2015). CENT 2015:
    /// explanation and elaboration. *BMJ* 350:h1793.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{NOf1Crossover, OrderAllocation};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[3.0, 6.0, 7.0, 2.0, 2.0, 6.0], &["T", "P", "P", "T", "T", "P"])?;
    /// let trial = NOf1Crossover::new(&s, "T", "P", &[1; 6])?.with_allocation(OrderAllocation::Randomised);
    /// let report = trial.cent_report();
    /// assert_eq!(report.cycles, 3);
    /// assert!(report.both_orders_present);
    /// assert!(report.wwc.contains("no category"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cent_report(&self) -> CentReport {
        let cycles = self.cycles();
        let treatment_first = self
            .orders
            .iter()
            .filter(|o| **o == CycleOrder::TreatmentFirst)
            .count();
        let both = treatment_first > 0 && treatment_first < cycles;
        let min_len = self.period_lengths.iter().copied().min().unwrap_or(0);
        let max_len = self.period_lengths.iter().copied().max().unwrap_or(0);
        let durations = if min_len == max_len {
            format!("every period has {min_len} observation(s)")
        } else {
            format!("periods have {min_len} to {max_len} observations")
        };
        let order_text: Vec<&str> = self
            .orders
            .iter()
            .map(|o| match o {
                CycleOrder::TreatmentFirst => "treatment-control",
                CycleOrder::ControlFirst => "control-treatment",
            })
            .collect();
        let allocation = match self.allocation {
            OrderAllocation::Randomised => "stated as randomised",
            OrderAllocation::NotRandomised => "stated as not randomised",
            OrderAllocation::NotStated => {
                "not stated: the data show the orders but not whether they were randomised"
            }
        };
        let items = vec![
            CentItem {
                item: "3a",
                topic: "trial design, planned number of periods and duration of each period",
                finding: format!(
                    "{cycles} cycle(s) of 2 periods ({} periods); {durations}; run-in and washout \
                     are not visible in the data",
                    2 * cycles
                ),
            },
            CentItem {
                item: "8a-8b",
                topic: "randomisation of the order of periods and its restrictions",
                finding: format!(
                    "orders by cycle: {}; {}; order allocation {allocation}; restriction: \
                     periods paired within cycles",
                    order_text.join(", "),
                    if both {
                        "both orders occur"
                    } else {
                        "every cycle has the same order, so period effects are not balanced"
                    }
                ),
            },
            CentItem {
                item: "16",
                topic: "number of periods analysed for each intervention",
                finding: format!(
                    "{cycles} treatment period(s) ({:?}) and {cycles} control period(s) ({:?})",
                    self.treatment, self.control
                ),
            },
            CentItem {
                item: "9, 11",
                topic: "allocation concealment and blinding",
                finding: "cannot be checked from the data".to_string(),
            },
        ];
        CentReport {
            cycles,
            periods_per_cycle: 2,
            period_lengths: self.period_lengths.clone(),
            orders: self.orders.clone(),
            both_orders_present: both,
            allocation: self.allocation,
            items,
            wwc: NOF1_WWC,
        }
    }
}

/// What [`CentReport::wwc`] says.
pub const NOF1_WWC: &str = "the WWC single-case design standards (Kratochwill et al. 2010, \
2013) define no category for N-of-1 randomised crossover trials, so no WWC verdict is given; \
the structure is reported against the CENT 2015 checklist instead";

/// One CENT 2015 checklist item and what the data show about it.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::NOf1Crossover;
/// use outcome_stats::{Scale, Series};
/// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
/// let report = NOf1Crossover::from_runs(&s, "T", "P")?.cent_report();
/// assert_eq!(report.items[0].item, "3a");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CentItem {
    /// The checklist item number(s).
    pub item: &'static str,
    /// What the item asks for.
    pub topic: &'static str,
    /// What the data show.
    pub finding: String,
}

/// The structure of an N-of-1 crossover, reported against the CENT 2015 checklist.
///
/// # References
///
/// Vohra S et al. (2015). CONSORT extension for reporting N-of-1 trials (CENT) 2015 Statement.
/// *BMJ* 350:h1738.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::NOf1Crossover;
/// use outcome_stats::{Scale, Series};
/// let s = Series::new(Scale::nrs11(), &[3.0, 6.0], &["T", "P"])?;
/// let report = NOf1Crossover::from_runs(&s, "T", "P")?.cent_report();
/// assert!(report.to_string().contains("CENT 2015"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CentReport {
    /// Number of complete cycles.
    pub cycles: usize,
    /// Periods per cycle (always 2: one treatment, one control).
    pub periods_per_cycle: usize,
    /// Observations in each period, in order.
    pub period_lengths: Vec<usize>,
    /// The order of each cycle.
    pub orders: Vec<CycleOrder>,
    /// Whether both orders occur among the cycles.
    pub both_orders_present: bool,
    /// The investigator's statement of how the order was allocated.
    pub allocation: OrderAllocation,
    /// The checklist items the data can speak to.
    pub items: Vec<CentItem>,
    /// Why there is no WWC verdict ([`NOF1_WWC`]).
    pub wwc: &'static str,
}

impl fmt::Display for CentReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "N-of-1 randomised crossover: {} cycle(s), structure against CENT 2015",
            self.cycles
        )?;
        for item in &self.items {
            writeln!(
                f,
                "  - CENT {} ({}): {}",
                item.item, item.topic, item.finding
            )?;
        }
        write!(f, "  ({})", self.wwc)
    }
}

impl fmt::Display for NOf1Crossover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let orders: Vec<&str> = self
            .orders
            .iter()
            .map(|o| match o {
                CycleOrder::TreatmentFirst => "TC",
                CycleOrder::ControlFirst => "CT",
            })
            .collect();
        write!(
            f,
            "N-of-1 crossover: {} cycle(s) of treatment {:?} and control {:?}, orders {}",
            self.cycles(),
            self.treatment,
            self.control,
            orders.join(" ")
        )
    }
}
