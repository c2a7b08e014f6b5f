//! The commitment matrix: guarantee components against the actors contributing to them,
//! and each component's standing, as of a day.
//!
//! Aggregation never hides a reversal: a cell, a standing and a total list every
//! distinct status with its count, weakest first ([`Status::WEAKEST_FIRST`]), and count
//! contributions, not "the best one per actor".

use super::changes::{overdue_at, reversal_at, status_at};
use crate::model::{Contribution, Guarantee, Model, Ref, Status};
use jiff::civil::Date;

/// How many contributions stand at each status present, weakest first.
pub type Distribution = Vec<(Status, usize)>;

/// Counts statuses, weakest first.
pub fn distribution(statuses: impl IntoIterator<Item = Status>) -> Distribution {
    let mut counts = [0usize; Status::WEAKEST_FIRST.len()];
    for s in statuses {
        counts[s.weakness()] += 1;
    }
    Status::WEAKEST_FIRST
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (*s, n))
        .collect()
}

/// One cell: what one actor committed to one component, as of the matrix's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Every distinct status of the actor's contributions, with its count, weakest first.
    pub statuses: Distribution,
    /// Index (in its guarantee) of the contribution the cell links to: the first in
    /// file order at the weakest status.
    pub index: usize,
    /// How many contributions the actor gave to the component (with a status by then).
    pub count: usize,
    /// True when any of them carries conditions (caveats).
    pub caveats: bool,
    /// The latest reversal among them (see [`reversal_at`]), if any.
    pub reversal: Option<Date>,
    /// True when any of them is overdue (see [`overdue_at`]).
    pub overdue: bool,
}

impl Cell {
    /// The weakest status in the cell: the one a reader must see first.
    pub fn weakest(&self) -> Status {
        self.statuses[0].0
    }
}

/// Guarantees (rows) against contributing actors (columns), as of `day`.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// The day the matrix speaks as of (its end).
    pub day: Date,
    /// Guarantee ids, by title (case-insensitive), then id.
    pub rows: Vec<String>,
    /// Every contributor, by name (case-insensitive), then id; withheld actors first.
    pub columns: Vec<Ref>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Option<Cell>>>,
}

impl Matrix {
    /// The matrix of a model as of its `as_of` date.
    pub fn new(m: &Model) -> Matrix {
        Matrix::at(m, m.site.as_of)
    }

    /// The matrix as of the end of `day`: contributions without a status by then are
    /// left out.
    pub fn at(m: &Model, day: Date) -> Matrix {
        let mut rows: Vec<String> = m.guarantees.keys().cloned().collect();
        rows.sort_by_key(|id| (m.guarantees[id].title.to_lowercase(), id.clone()));
        // Each contribution's status by then, once.
        let now: Vec<Vec<Option<Status>>> = rows
            .iter()
            .map(|g| {
                m.guarantees[g]
                    .contributions
                    .iter()
                    .map(|c| status_at(c, day))
                    .collect()
            })
            .collect();
        let mut columns: Vec<Ref> = rows
            .iter()
            .zip(&now)
            .flat_map(|(g, st)| {
                m.guarantees[g]
                    .contributions
                    .iter()
                    .zip(st)
                    .filter(|(_, s)| s.is_some())
                    .map(|(c, _)| c.by.clone())
            })
            .collect();
        columns.sort();
        columns.dedup();
        columns.sort_by_key(|id| {
            let name = id
                .id()
                .and_then(|id| m.actors.get(id))
                .map(|a| a.name.to_lowercase());
            (name, id.clone())
        });
        // Each contributor's column, so that a row visits its own contributions only:
        // most cells of a large matrix are empty.
        let column: std::collections::HashMap<&Ref, usize> =
            columns.iter().enumerate().map(|(i, a)| (a, i)).collect();
        let cells = rows
            .iter()
            .zip(&now)
            .map(|(g, st)| {
                let contributions = &m.guarantees[g].contributions;
                let mut mine: Vec<Vec<(usize, Status)>> = vec![Vec::new(); columns.len()];
                for (i, (c, s)) in contributions.iter().zip(st).enumerate() {
                    if let Some(s) = s {
                        mine[column[&c.by]].push((i, *s));
                    }
                }
                mine.iter()
                    .map(|mine| cell(contributions, mine, day))
                    .collect()
            })
            .collect();
        Matrix {
            day,
            rows,
            columns,
            cells,
        }
    }

    /// Per row: contributions at each status, weakest first.
    pub fn row_totals(&self, row: usize) -> Distribution {
        totals(self.cells[row].iter().flatten())
    }

    /// Per column: contributions at each status, weakest first.
    pub fn column_totals(&self, column: usize) -> Distribution {
        totals(self.cells.iter().filter_map(|r| r[column].as_ref()))
    }
}

/// The cell of one actor's contributions `mine` (index and status by then, in file
/// order), `None` if it has none.
fn cell(contributions: &[Contribution], mine: &[(usize, Status)], day: Date) -> Option<Cell> {
    let (index, _) = *mine.iter().min_by_key(|(i, s)| (s.weakness(), *i))?;
    Some(Cell {
        statuses: distribution(mine.iter().map(|(_, s)| *s)),
        index,
        count: mine.len(),
        caveats: mine
            .iter()
            .any(|(i, _)| !contributions[*i].conditions.is_empty()),
        reversal: mine
            .iter()
            .filter_map(|(i, _)| reversal_at(&contributions[*i], day))
            .max(),
        overdue: mine
            .iter()
            .any(|(i, _)| overdue_at(&contributions[*i], day)),
    })
}

fn totals<'a>(cells: impl Iterator<Item = &'a Cell>) -> Distribution {
    distribution(
        cells
            .flat_map(|c| &c.statuses)
            .flat_map(|(s, n)| std::iter::repeat_n(*s, *n)),
    )
}

/// Where a component stands as of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its contributions at each status, weakest first.
    pub statuses: Distribution,
    /// The latest reversal of any of its contributions, if any.
    pub reversal: Option<Date>,
    /// How many of its contributions are overdue.
    pub overdue: usize,
}

/// The standing of a component as of the end of `day`.
pub fn standing(g: &Guarantee, day: Date) -> Standing {
    Standing {
        statuses: distribution(g.contributions.iter().filter_map(|c| status_at(c, day))),
        reversal: g
            .contributions
            .iter()
            .filter_map(|c| reversal_at(c, day))
            .max(),
        overdue: g
            .contributions
            .iter()
            .filter(|c| overdue_at(c, day))
            .count(),
    }
}
