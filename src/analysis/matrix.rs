//! The commitment matrix: guarantee components against the actors contributing to them.

use crate::model::{Model, Ref, Status};

/// One cell: what one actor committed to one component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Highest status reached, withdrawals aside; `withdrawn` only when every
    /// contribution in the cell is withdrawn.
    pub status: Status,
    /// Index (in its guarantee) of the contribution that reached that status first in
    /// file order: the one the cell links to.
    pub index: usize,
    /// How many contributions the actor gave to the component.
    pub count: usize,
    /// True when any of them carries conditions (caveats).
    pub caveats: bool,
}

/// Guarantees (rows) against contributing actors (columns).
#[derive(Debug, Clone)]
pub struct Matrix {
    /// Guarantee ids, by title (case-insensitive), then id.
    pub rows: Vec<String>,
    /// Every contributor, by name (case-insensitive), then id; withheld actors first.
    pub columns: Vec<Ref>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Option<Cell>>>,
}

impl Matrix {
    /// Builds the matrix of a model.
    pub fn new(m: &Model) -> Matrix {
        let mut rows: Vec<String> = m.guarantees.keys().cloned().collect();
        rows.sort_by_key(|id| (m.guarantees[id].title.to_lowercase(), id.clone()));
        let mut columns: Vec<Ref> = m
            .guarantees
            .values()
            .flat_map(|g| g.contributions.iter().map(|c| c.by.clone()))
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
        let cells = rows
            .iter()
            .map(|g| {
                let contributions = &m.guarantees[g].contributions;
                columns
                    .iter()
                    .map(|a| {
                        let mine: Vec<usize> = (0..contributions.len())
                            .filter(|i| contributions[*i].by == *a)
                            .collect();
                        let key = |i: &usize| {
                            let s = contributions[*i].status;
                            // Withdrawn sorts below every status on the ladder.
                            (s != Status::Withdrawn, s, std::cmp::Reverse(*i))
                        };
                        let best = *mine.iter().max_by_key(|i| key(i))?;
                        Some(Cell {
                            status: contributions[best].status,
                            index: best,
                            count: mine.len(),
                            caveats: mine
                                .iter()
                                .any(|i| !contributions[*i].conditions.is_empty()),
                        })
                    })
                    .collect()
            })
            .collect();
        Matrix {
            rows,
            columns,
            cells,
        }
    }

    /// Per row, how many cells stand at each status (ladder order, withdrawn last).
    pub fn row_totals(&self, row: usize) -> Vec<(Status, usize)> {
        totals(self.cells[row].iter().flatten())
    }

    /// Per column, how many cells stand at each status.
    pub fn column_totals(&self, column: usize) -> Vec<(Status, usize)> {
        totals(self.cells.iter().filter_map(|r| r[column].as_ref()))
    }
}

fn totals<'a>(cells: impl Iterator<Item = &'a Cell>) -> Vec<(Status, usize)> {
    let mut counts = [0usize; 8];
    for c in cells {
        counts[c.status as usize] += 1;
    }
    Status::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| (Status::parse(w).expect("a status word"), n))
        .collect()
}
