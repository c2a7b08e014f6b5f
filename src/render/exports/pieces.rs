//! Where each item's text lies in the exports that repeat it, so that after an edit to
//! the words of one item a rebuild replaces that item's piece of each export instead of
//! making the export again (`data/briefing.json` alone is 65 MB at 10,000 items).
//!
//! Each export marks the byte range of every item's piece as it writes it, and can make
//! one item's piece alone with the very function it writes every piece with; so a
//! spliced export is the export a full build writes, which the tests check.

use super::{atom, csv, json};
use crate::model::{Kind, Model};
use crate::render::view::Views;
use std::collections::BTreeMap;
use std::ops::Range;

/// The id standing for the rounds' changes in `data/briefing.json` (with [`Kind::Rounds`]):
/// not an id any item can have.
pub const CHANGES: &str = "#changes";

/// Where one item's piece lies in an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The item's kind.
    pub kind: Kind,
    /// The item's id.
    pub id: String,
    /// Its bytes in the export.
    pub range: Range<usize>,
}

/// The marks of every export that has pieces, by export path, in file order.
#[derive(Debug, Clone, Default)]
pub struct Pieces {
    marks: BTreeMap<String, Vec<Mark>>,
}

impl Pieces {
    /// Records the marks of the export at `path`.
    pub fn insert(&mut self, path: &str, marks: Vec<Mark>) {
        self.marks.insert(path.to_string(), marks);
    }

    /// The exports with pieces.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.marks.keys().map(String::as_str)
    }

    /// The marks of the export at `path`.
    pub fn marks(&self, path: &str) -> &[Mark] {
        self.marks.get(path).map_or(&[], Vec::as_slice)
    }

    /// Replaces the piece of `kind`/`id` in `bytes` (the export at `path`) by `piece`, in
    /// place; the marks after it move accordingly. False if the export has no such piece
    /// or it already was `piece`.
    pub fn splice(
        &mut self,
        path: &str,
        kind: Kind,
        id: &str,
        bytes: &mut Vec<u8>,
        piece: &[u8],
    ) -> bool {
        let Some(marks) = self.marks.get_mut(path) else {
            return false;
        };
        let Some(at) = marks.iter().position(|m| m.kind == kind && m.id == id) else {
            return false;
        };
        let old = marks[at].range.clone();
        if bytes[old.clone()] == *piece {
            return false;
        }
        bytes.splice(old.clone(), piece.iter().copied());
        let end = old.start + piece.len();
        marks[at].range = old.start..end;
        for m in &mut marks[at + 1..] {
            m.range = m.range.start - old.end + end..m.range.end - old.end + end;
        }
        true
    }
}

/// The piece of the export at `path` for one item, made as the whole export makes it;
/// `None` if that export has no piece for it.
pub fn piece(path: &str, m: &Model, views: &Views, kind: Kind, id: &str) -> Option<Vec<u8>> {
    match path {
        super::BRIEFING_JSON if kind == Kind::Rounds && id == CHANGES => {
            Some(json::changes_piece(m))
        }
        super::BRIEFING_JSON => Some(json::item_piece(views, kind, id)),
        super::FEED => atom::piece(m, views, kind, id),
        super::STATEMENTS_CSV if kind == Kind::Statements => csv::statement_piece(m, views, id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_splice_moves_the_marks_after_it() {
        let mark = |id: &str, range| Mark {
            kind: Kind::Statements,
            id: id.into(),
            range,
        };
        let mut p = Pieces::default();
        p.insert("x", vec![mark("a", 1..3), mark("b", 4..6), mark("c", 7..8)]);
        let mut out = b"[aa,bb,c]".to_vec();
        assert!(p.splice("x", Kind::Statements, "b", &mut out, b"BBBB"));
        assert_eq!(out, b"[aa,BBBB,c]");
        assert_eq!(p.marks("x")[1].range, 4..8);
        assert_eq!(&out[p.marks("x")[2].range.clone()], b"c");
        assert!(p.splice("x", Kind::Statements, "c", &mut out, b""));
        assert_eq!(out, b"[aa,BBBB,]");
        assert!(
            !p.splice("x", Kind::Statements, "b", &mut out, b"BBBB"),
            "no change"
        );
        assert!(!p.splice("x", Kind::Actors, "a", &mut out, b""));
        assert_eq!(out, b"[aa,BBBB,]");
    }

    #[test]
    fn every_mark_holds_the_piece_its_item_makes_alone() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for site in [root.to_path_buf(), root.join("tests/fixtures/analysis")] {
            let site = crate::Site::load(&site).expect("the site loads");
            let opts = crate::render::RenderOptions::default();
            let (outputs, kept) =
                crate::render::partial::render_keeping(&site.model, &site.root, &opts).unwrap();
            let views = Views::new(&site.model);
            let paths: Vec<&str> = kept.pieces.paths().collect();
            assert_eq!(
                paths,
                [
                    super::super::BRIEFING_JSON,
                    super::super::STATEMENTS_CSV,
                    super::super::FEED,
                ]
                .iter()
                .copied()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
            );
            for path in paths {
                let bytes = &outputs.iter().find(|o| o.path == path).unwrap().bytes;
                let marks = kept.pieces.marks(path);
                assert!(!marks.is_empty(), "{path}");
                for mark in marks {
                    let made = piece(path, &site.model, &views, mark.kind, &mark.id);
                    assert_eq!(
                        made.as_deref(),
                        Some(&bytes[mark.range.clone()]),
                        "{path}: {:?} {}",
                        mark.kind,
                        mark.id
                    );
                }
            }
        }
    }
}
