//! `data/matrix.csv`: the commitment matrix after every round and now, one row per
//! round, component and contributing actor, for spreadsheets and charts.
//!
//! Columns: `round` (round id, or `current`), `as_of` (the day the row speaks as of: the
//! round's end, or the site's as-of date), `guarantee_id`, `actor_id`, `statuses` (each
//! distinct status with its count, `; `-joined, weakest first, e.g.
//! `withdrawn 1; implemented 1`), `reversal` and `overdue` (`yes` or `no`). Made from the
//! model it is given, so an audience's model gives that audience's table.

use super::csv::{row, table};
use crate::analysis::matrix::Matrix;
use crate::analysis::rounds_in_order;
use crate::model::Model;
use jiff::civil::Date;

/// The round id of the rows that speak as of the site's date.
pub const CURRENT: &str = "current";

/// `data/matrix.csv`.
pub fn matrix(m: &Model) -> String {
    let mut out = table(
        0,
        [
            "round",
            "as_of",
            "guarantee_id",
            "actor_id",
            "statuses",
            "reversal",
            "overdue",
        ],
    );
    let ends: Vec<(&str, Date)> = rounds_in_order(m)
        .into_iter()
        .map(|r| (r.meta.id.as_str(), r.end))
        .chain([(CURRENT, m.site.as_of)])
        .collect();
    for (round, day) in ends {
        rows(&mut out, round, &Matrix::at(m, day));
    }
    out
}

fn rows(out: &mut String, round: &str, x: &Matrix) {
    let day = x.day.to_string();
    let yes = |b: bool| if b { "yes" } else { "no" };
    for (g, cells) in x.rows.iter().zip(&x.cells) {
        for (a, cell) in x.columns.iter().zip(cells) {
            let Some(cell) = cell else { continue };
            let statuses = cell
                .statuses
                .iter()
                .map(|(s, n)| format!("{} {n}", s.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            row(
                out,
                [
                    round,
                    &day,
                    g,
                    // A withheld contributor is written as an empty id, as in the
                    // other exports.
                    a.id().unwrap_or(""),
                    &statuses,
                    yes(cell.reversal.is_some()),
                    yes(cell.overdue),
                ],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_has_a_row_per_round_and_now() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::Site::load(root).expect("the example loads");
        let csv = matrix(&site.model);
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("\u{feff}round,as_of,guarantee_id,actor_id,statuses,reversal,overdue")
        );
        assert!(csv.ends_with("\r\n"));
        let current = csv.lines().filter(|l| l.starts_with("current,")).count();
        let cells: usize = Matrix::new(&site.model)
            .cells
            .iter()
            .map(|r| r.iter().flatten().count())
            .sum();
        assert_eq!(current, cells);
    }
}
