//! The kinds of item and the pages each has: where a page of any kind lives.

/// The kinds of item, each with its own folder under content/ and under the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// content/actors/*.yaml
    Actors,
    /// content/sources/*.yaml
    Sources,
    /// content/meetings/*.md
    Meetings,
    /// content/statements/*.md
    Statements,
    /// content/guarantees/*.md
    Guarantees,
    /// content/rounds/*.yaml
    Rounds,
    /// content/documents/*.md
    Documents,
}

impl Kind {
    /// Every kind, in the order the site presents them.
    pub const ALL: [Kind; 7] = [
        Kind::Meetings,
        Kind::Statements,
        Kind::Guarantees,
        Kind::Documents,
        Kind::Actors,
        Kind::Sources,
        Kind::Rounds,
    ];

    /// The folder name, used under content/, in output paths and in `@kind/id` links.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Actors => "actors",
            Kind::Sources => "sources",
            Kind::Meetings => "meetings",
            Kind::Statements => "statements",
            Kind::Guarantees => "guarantees",
            Kind::Rounds => "rounds",
            Kind::Documents => "documents",
        }
    }

    /// The kind named by a folder, if any.
    pub fn from_dir(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == s)
    }

    /// True for kinds written as Markdown with front matter, false for plain YAML.
    pub fn is_markdown(self) -> bool {
        matches!(
            self,
            Kind::Meetings | Kind::Statements | Kind::Guarantees | Kind::Documents
        )
    }

    /// A singular noun for messages ("unknown actor").
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Actors => "actor",
            Kind::Sources => "source",
            Kind::Meetings => "meeting",
            Kind::Statements => "statement",
            Kind::Guarantees => "guarantee",
            Kind::Rounds => "round",
            Kind::Documents => "document",
        }
    }

    /// The page title of the kind's list.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Actors => "Actors",
            Kind::Sources => "Sources",
            Kind::Meetings => "Meetings",
            Kind::Statements => "Statements",
            Kind::Guarantees => "Guarantee components",
            Kind::Rounds => "Diplomatic rounds",
            Kind::Documents => "Negotiating texts",
        }
    }
}

/// A round's frozen views: analyst views as they stood at the end of the round, kept
/// beside the round's page so that earlier rounds stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoundView {
    /// The commitment matrix at the round's end.
    Matrix,
    /// Where each guarantee component stood at the round's end.
    Components,
}

impl RoundView {
    /// Every frozen view, in the order a round page lists them.
    pub const ALL: [RoundView; 2] = [RoundView::Matrix, RoundView::Components];
}
