//! Every diagnostic code, in one table: its name, how serious it is and what it means.
//! docs/diagnostics.md is generated from this table, and a test keeps the two equal.
//!
//! To add a code: one line in the `codes!` table below, then
//! `UPDATE_DOCS=1 cargo test --lib the_docs_list_every_code` to write the docs.

use serde::Serialize;
use std::fmt;

/// How serious the problems of a code are, as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Always an error: fails `check` and `build`.
    Error,
    /// Always a warning: printed, the build goes on (`check --strict` fails).
    Warning,
    /// An error or a warning, depending on the case (the table's text says when).
    Either,
}

impl Level {
    /// The word used in the docs.
    pub fn word(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Either => "error or warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $level:ident, $about:literal;)*) => {
        /// A stable, machine-readable diagnostic code, e.g. `unknown-field`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $about] $variant,)*
        }

        impl Code {
            /// Every code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in messages and JSON, e.g. `unknown-field`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// How serious its problems are.
            pub fn level(self) -> Level {
                match self {
                    $(Code::$variant => Level::$level,)*
                }
            }

            /// What it means and how to fix it, for the docs.
            pub fn about(self) -> &'static str {
                match self {
                    $(Code::$variant => $about,)*
                }
            }
        }
    };
}

codes! {
    // Finding and reading files
    NoContent = "no-content", Error,
        "The site root has no `content/` folder. Run briefing in a site root or pass `--root DIR`.";
    Unreadable = "unreadable", Either,
        "A file or folder could not be read (permissions, a vanished file). An error for a file the site needs, a warning for a folder skipped while walking `content/`.";
    TooLarge = "too-large", Error,
        "A file is larger than 4 MiB. Split the item or move bulky material out of `content/`.";
    NotUtf8 = "not-utf8", Error,
        "A file is not valid UTF-8; the position is the first invalid byte. Save it as UTF-8.";
    Symlink = "symlink", Either,
        "A symbolic link under `content/` is never read: content is read only from real files. A warning for a link skipped while walking `content/`, an error for `content/site.yaml`, which the site needs.";
    StrayFile = "stray-file", Warning,
        "A file that is not content (wrong folder or extension) is ignored.";
    BadId = "bad-id", Error,
        "A file name is not a valid id (`[a-z0-9][a-z0-9-]*`). Rename the file; the help suggests a name.";
    ReservedId = "reserved-id", Error,
        "A file name is the name of a list page of its kind (`index`, `page-<number>`): its page would replace the list. Rename the file.";
    DuplicateId = "duplicate-id", Error,
        "Two files of one kind have the same name, in different subfolders, or two contributions of a component or two provisions of a document have the same `id`. Rename one.";
    // Reading YAML and front matter
    FrontMatter = "front-matter", Error,
        "A Markdown item does not start with a `---` front matter block, or the block is not closed.";
    YamlSyntax = "yaml-syntax", Error,
        "The YAML cannot be read (an unclosed quote, bad indentation...). The file's item is left out; references to it are not checked.";
    YamlLimit = "yaml-limit", Error,
        "The YAML nests deeper than 24 levels or expands aliases without bound.";
    WrongType = "wrong-type", Error,
        "A value has the wrong shape (a list where the field takes one value, text where it takes a mapping). The message names the shape the field takes.";
    UnknownField = "unknown-field", Error,
        "A field the item does not have, usually misspelt (the help suggests the right one). A value cut at a comma inside `{...}` shows up as one: quote the value.";
    UncheckedReferences = "unchecked-references", Warning,
        "A file could not be read, so references to its item from other files were not checked. Fix the file's error.";
    // Fields
    MissingField = "missing-field", Error,
        "A required field is absent.";
    EmptyField = "empty-field", Error,
        "A required field is present but empty.";
    BadValue = "bad-value", Error,
        "A value is not one of the words its field allows (the help lists them), or a number is out of range.";
    BadDate = "bad-date", Error,
        "A date is not a real date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, optionally after `~` (approximate). Rounds' `start` and `end` and site.yaml `as_of` take a day.";
    BadTime = "bad-time", Error,
        "A time is not `HH:MM` on a 24-hour clock. Quote it: `time: \"09:30\"`.";
    BadTimezone = "bad-timezone", Error,
        "A time zone is not an IANA name such as `Europe/Kyiv` or `UTC`.";
    BadUrl = "bad-url", Error,
        "A URL is not an absolute `http(s)://` address.";
    EndBeforeStart = "end-before-start", Error,
        "An end date comes before its start date.";
    // References between items
    DanglingReference = "dangling-reference", Error,
        "A field names an item that does not exist (the help suggests a near id).";
    PlannedInThePast = "planned-in-the-past", Warning,
        "A meeting is still `planned` but its last day is before the as-of date. Set `status: held`, `postponed` or `cancelled`, or move its date.";
    Overdue = "overdue", Warning,
        "A contribution's `due` deadline is before the as-of date and its status is on the ladder below `implemented`. Update its status, or record the missed deadline in a `note`.";
    HistoryRepeatsCurrent = "history-repeats-current", Warning,
        "A history step has the same date and status as the current status and `since`: it is recorded twice. Remove the step.";
    RunningDate = "running-date", Warning,
        "A statement or a contribution's step is dated with a month or a year that runs past the as-of date (`2026` as of 4 January 2026): dates count from their last day, so it is not shown until `as_of` reaches it. Give the day if it is known.";
    ConditionCycle = "condition-cycle", Error,
        "Contributions' `conditional_on` go round in a circle (A on B, B on A). Remove one condition of the cycle.";
    SupersedesCycle = "supersedes-cycle", Error,
        "Documents' `supersedes` go round in a circle (A replaces B, B replaces A). Remove one `supersedes` of the cycle.";
    DuplicatePosition = "duplicate-position", Error,
        "A party has two positions on one provision of a document. Keep one; put the earlier status in its `history`.";
    NotAParty = "not-a-party", Warning,
        "A position on a document's provision names a party that is not among the document's `parties`. Add it to `parties:` or correct the position.";
    UntrackedDocument = "untracked-document", Warning,
        "A statement's claim names a document the briefing does not track (no file content/documents/<id>.md): the claim is shown as cannot be checked. Correct the id, or code the text in content/documents/.";
    NotAState = "not-a-state", Error,
        "An actor's `country` names an actor that is not a state.";
    SelfReference = "self-reference", Error,
        "An actor is affiliated with itself.";
    HigherMarking = "higher-marking", Warning,
        "An item refers to one marked higher than itself: a build for a lower audience withholds the target, but this item's own words may reveal it.";
    OutsideRound = "outside-round", Warning,
        "A meeting's date falls outside the dates of the round it belongs to.";
    HistoryAfterSince = "history-after-since", Warning,
        "A contribution's `since` date is before the last step of its `history`.";
    // Markdown
    BadLink = "bad-link", Error,
        "A Markdown link written `@kind/id` names no kind, or is malformed.";
    DanglingLink = "dangling-link", Error,
        "A Markdown link `@kind/id` names an item that does not exist.";
    TooDeep = "too-deep", Error,
        "Markdown or HTML nested deeper than the renderer accepts.";
    // Templates
    Template = "template", Error,
        "A template (the site's own in `templates/`, or a built-in one) does not parse or render.";
    // Interface catalogs
    BadCatalog = "bad-catalog", Error,
        "An interface catalog (`i18n/<language>.yaml`) does not parse, a message uses a placeholder its English original is not given, or site.yaml's `language` has neither a shipped catalog (`en`, `fr`, `uk`) nor one of the site's own.";
    MissingMessage = "missing-message", Warning,
        "A site's own catalog lacks messages its language has no shipped text for (they are shown in English), or a message lacks a plural form its language needs (`other` stands in).";
    // Sourcing and claims (`check` only)
    NoSource = "no-source", Warning,
        "A claim (meeting, statement, guarantee component, contribution or round) cites no source.";
    AnonymousOnly = "anonymous-only", Warning,
        "A statement has no named speaker and no on-record source (a `document`, an `official` or `government` source, a source with `channel_of`): it rests only on an anonymous attribution.";
    SingleSource = "single-source", Warning,
        "Every citation of a claim goes back to one origin (sources that declare `derived_from` share its origin), and none is a primary source graded A or B (a `document`, or the speaker's own channel). Add an independent source.";
    UngradedCitation = "ungraded-citation", Warning,
        "A citation has no information `credibility` grade (Admiralty 1-6).";
    PastedCitation = "pasted-citation", Warning,
        "The same citation (source and note or URL) appears in five items or more: it is reported once, and corroborates none of them.";
    UncheckableClaim = "uncheckable-claim", Warning,
        "`check` only: a statement's claim cannot be checked as of its date: too few of the text's provisions have a recorded position (below `claims: min_coverage` of site.yaml), nothing is in the text yet, or the figure moved within the statement's month or year. Record the parties' positions, or date the statement to the day.";
    // Languages and translations
    BadLanguage = "bad-language", Error,
        "A language in site.yaml (`languages`, `language`) is not a BCP 47 tag with an ISO 639 language code (`en`, `uk`, `fr`, `pt-BR`), is declared twice, or `language` disagrees with the first of `languages`. The message suggests the code meant (`ua` is Ukraine, the language is `uk`).";
    TranslationLanguage = "translation-language", Error,
        "A translation file (`<id>.<lang>.md` or `.yaml`) is in a language site.yaml does not declare, or in the default language (the original's). Declare the language in `languages`, or rename the file.";
    OrphanTranslation = "orphan-translation", Error,
        "A translation file has no original: no item of its kind has its id, or the original is in another folder. Translations sit beside their original, `paris-summit.uk.md` beside `paris-summit.md`.";
    TranslationFact = "translation-fact", Error,
        "A translation sets a fact (a date, status, reference, marking, grade, amount...): facts come only from the original. Remove the line; docs/content-format.md lists the words each kind translates.";
    TranslationMismatch = "translation-mismatch", Error,
        "A translation's list does not match the original's: a guarantee translation's `contributions` must have one entry per contribution, in the same order; a document translation's `provisions` must name provisions of the original by `id`.";
    MissingTranslations = "missing-translations", Warning,
        "`check` only: items have no translation into a declared language: one warning per language, with the count and the first few; `briefing check --translations` lists them all. The items are shown in their original language.";
    UnmarkedQuote = "unmarked-quote", Warning,
        "A translation of a statement of kind `quote` translates its words without a `translation_note`: a quote translated by the briefing is not the speaker's words in that language, and must say so (e.g. `translation_note: Цитату подано в перекладі брифінгу.`).";
    StaleTranslation = "stale-translation", Warning,
        "A translation was made from older words of its original (its `translated_from` is not the original's current revision), or gives no `translated_from`. Update the translation, then set `translated_from` to the revision `check` prints.";
    // `serve` only
    InternalError = "internal-error", Error,
        "A rebuild in `briefing serve` stopped on a bug in briefing (its message is in the terminal). The last good pages stay served and the next change rebuilds the whole site. Please report it.";
}

impl Code {
    /// The code named `name`, if any.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// docs/diagnostics.md: the table of every code, in Markdown.
    pub fn docs() -> String {
        let mut out = String::from(
            "# Diagnostic codes\n\n\
             <!-- Generated from src/diagnostics/code.rs; do not edit. -->\n\n\
             Every problem `briefing check` (and `build`, `serve`) reports has one of these codes,\n\
             printed in brackets (`error[unknown-field]`) and in `--format json` as `code`. Errors\n\
             fail `check` and `build`; warnings fail only `check --strict`. Every problem names\n\
             its file, line and column; one about a file as a whole (its name, size or\n\
             encoding) is at line 1, column 1. Only `no-content` and `internal-error` have no\n\
             file.\n\n\
             | code | severity | meaning |\n| --- | --- | --- |\n",
        );
        for c in Code::ALL {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.as_str(),
                c.level().word(),
                c.about().replace('|', "\\|")
            ));
        }
        out
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        for c in Code::ALL {
            assert_eq!(Code::from_name(c.as_str()), Some(*c));
        }
        let names: std::collections::BTreeSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len());
    }

    /// docs/diagnostics.md is the table generated from [`Code`]: a code added without
    /// regenerating it fails here. `UPDATE_DOCS=1` writes it instead.
    #[test]
    fn the_docs_list_every_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md");
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, Code::docs()).unwrap();
        }
        let docs = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            docs == Code::docs(),
            "docs/diagnostics.md is out of date: run \
             `UPDATE_DOCS=1 cargo test --lib the_docs_list_every_code`"
        );
    }
}
