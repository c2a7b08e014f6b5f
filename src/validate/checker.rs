//! Field-level checks shared by every kind, each reporting at the value's position.

use super::ids::Ids;
use crate::dates::When;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::Doc;
use crate::markdown;
use crate::model::{Citation, Kind, Prose, Ref, Tlp};
use crate::raw::{IdOr, Opt, RawCitations, S};
use crate::suggest;
use crate::yaml::pos_of;
use jiff::civil::{Date, Time};
use std::path::PathBuf;

/// Checks the fields of one file, pushing problems tagged with that file.
pub struct Checker<'a> {
    file: PathBuf,
    yaml_line: usize,
    ids: &'a Ids,
    diags: &'a mut Diagnostics,
    failed: bool,
    marking: Tlp,
}

impl<'a> Checker<'a> {
    /// The ids every reference is checked against.
    pub(super) fn ids(&self) -> &'a Ids {
        self.ids
    }

    /// A checker for `doc`.
    pub fn new<T>(
        kind: Option<Kind>,
        doc: &Doc<T>,
        ids: &'a Ids,
        diags: &'a mut Diagnostics,
    ) -> Self {
        let marking = kind.map_or(Tlp::Clear, |k| ids.marking(k, &doc.id));
        Checker {
            file: doc.file.clone(),
            yaml_line: doc.yaml_line,
            ids,
            diags,
            failed: false,
            marking,
        }
    }

    /// True if any error was reported through this checker.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The file position of a value.
    pub fn pos<T>(&self, s: &S<T>) -> Option<Pos> {
        pos_of(s, self.yaml_line)
    }

    /// Reports an error in this file.
    pub fn error(&mut self, d: Diagnostic) {
        self.failed = true;
        let d = self.placed(d);
        self.diags.push(d);
    }

    /// Reports a warning in this file.
    pub fn warn(&mut self, d: Diagnostic) {
        let d = self.placed(d);
        self.diags.push(d);
    }

    /// `d` in this file; without a position of its own, where the fields start.
    fn placed(&self, d: Diagnostic) -> Diagnostic {
        let at = d.pos.unwrap_or(Pos::new(self.yaml_line, 1));
        d.in_file(&self.file).at(Some(at))
    }

    /// A required text field; reports it missing or empty.
    pub fn required(&mut self, v: &Opt<String>, field: &str) -> Option<String> {
        match v {
            Some(s) if !s.value.trim().is_empty() => Some(s.value.trim().to_string()),
            Some(s) => {
                let at = self.pos(s);
                self.error(
                    Diagnostic::error(Code::EmptyField, format!("`{field}` is empty")).at(at),
                );
                None
            }
            None => {
                self.missing(field);
                None
            }
        }
    }

    /// Reports a required field as missing.
    pub fn missing(&mut self, field: &str) {
        self.missing_with(field, &format!("add a `{field}:` line"));
    }

    /// Reports a required field as missing, with a specific fix.
    pub fn missing_with(&mut self, field: &str, help: &str) {
        let at = Some(Pos::new(self.yaml_line, 1));
        self.error(
            Diagnostic::error(
                Code::MissingField,
                format!("missing required field `{field}`"),
            )
            .at(at)
            .help(help),
        );
    }

    /// The `kind` an actor's file gives, as written ("" if none).
    pub fn actor_kind(&self, id: &str) -> String {
        self.ids.actor_kinds.get(id).cloned().unwrap_or_default()
    }

    /// The marking of items that do not set one (site.yaml `default_tlp`).
    pub fn default_tlp(&self) -> Tlp {
        self.ids.default_tlp
    }

    /// An optional text field, trimmed; empty counts as absent.
    pub fn text(&self, v: &Opt<String>) -> Option<String> {
        v.as_ref()
            .map(|s| s.value.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// A word from a closed vocabulary, e.g. a status.
    pub fn word<E>(
        &mut self,
        v: &Opt<String>,
        field: &str,
        parse: fn(&str) -> Option<E>,
        all: &[&str],
    ) -> Option<E> {
        let s = v.as_ref()?;
        let word = s.value.trim();
        if let Some(e) = parse(word) {
            return Some(e);
        }
        let at = self.pos(s);
        let help = suggest::did_you_mean(word, all.iter().copied())
            .map(|h| format!("{h} (allowed: {})", suggest::one_of(all)))
            .unwrap_or_else(|| format!("allowed: {}", suggest::one_of(all)));
        self.error(
            Diagnostic::error(Code::BadValue, format!("`{word}` is not a valid `{field}`"))
                .at(at)
                .help(help),
        );
        None
    }

    /// A required word from a closed vocabulary.
    pub fn required_word<E>(
        &mut self,
        v: &Opt<String>,
        field: &str,
        parse: fn(&str) -> Option<E>,
        all: &[&str],
    ) -> Option<E> {
        if v.is_none() {
            self.missing(field);
        }
        self.word(v, field, parse, all)
    }

    /// A TLP marking, or `default` if absent.
    pub fn tlp(&mut self, v: &Opt<String>, default: Tlp) -> Tlp {
        self.word(v, "tlp", Tlp::parse, Tlp::ALL).unwrap_or(default)
    }

    /// An exact `YYYY-MM-DD` day (site.yaml `as_of`, rounds' `start` and `end`).
    pub fn day(&mut self, v: &Opt<String>, field: &str) -> Option<Date> {
        let bad = |text: &str| format!("`{text}` is not a valid day for `{field}`");
        self.scalar(
            v,
            Code::BadDate,
            bad,
            "write this date as a day, YYYY-MM-DD, e.g. 2026-01-06",
            |text| {
                When::parse(text)
                    .filter(|w| w.is_exact_day())
                    .map(When::first)
            },
        )
    }

    /// A date of any precision: `2015`, `2015-07` or `2015-07-14`, each optionally
    /// prefixed with `~` (approximate).
    pub fn date(&mut self, v: &Opt<String>, field: &str) -> Option<When> {
        let bad = |text: &str| format!("`{text}` is not a valid date for `{field}`");
        self.scalar(
            v,
            Code::BadDate,
            bad,
            "write dates as YYYY-MM-DD, YYYY-MM or YYYY, with a leading `~` if approximate, \
             e.g. 2026-01-06, 2015-07 or ~2026-01-04",
            When::parse,
        )
    }

    /// A text value read by `parse`; when it does not parse, reports `code` with
    /// `message(text)` and `help` at the value's position.
    fn scalar<T>(
        &mut self,
        v: &Opt<String>,
        code: Code,
        message: impl Fn(&str) -> String,
        help: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = v.as_ref()?;
        let text = s.value.trim();
        let parsed = parse(text);
        if parsed.is_none() {
            let at = self.pos(s);
            self.error(Diagnostic::error(code, message(text)).at(at).help(help));
        }
        parsed
    }

    /// A required date of any precision.
    pub fn required_date(&mut self, v: &Opt<String>, field: &str) -> Option<When> {
        if v.is_none() {
            self.missing(field);
        }
        self.date(v, field)
    }

    /// A required exact day.
    pub fn required_day(&mut self, v: &Opt<String>, field: &str) -> Option<Date> {
        if v.is_none() {
            self.missing(field);
        }
        self.day(v, field)
    }

    /// Reports an end date (written at `end_pos`) that comes before its start.
    pub fn ordered(
        &mut self,
        start: Option<When>,
        end: Option<When>,
        end_pos: &Opt<String>,
        start_field: &str,
        end_field: &str,
    ) {
        if let (Some(s), Some(e), Some(pos)) = (start, end, end_pos)
            && e.last() < s.first()
        {
            let at = self.pos(pos);
            self.error(
                Diagnostic::error(
                    Code::EndBeforeStart,
                    format!(
                        "`{end_field}` {} is before `{start_field}` {}",
                        e.written(),
                        s.written()
                    ),
                )
                .at(at),
            );
        }
    }

    /// An `HH:MM` time.
    pub fn time(&mut self, v: &Opt<String>) -> Option<Time> {
        let bad = |text: &str| format!("`{text}` is not a valid time");
        self.scalar(
            v,
            Code::BadTime,
            bad,
            "write times as HH:MM on a 24-hour clock, e.g. 09:30",
            |text| {
                let (h, m) = text.split_once(':').filter(|_| text.len() == 5)?;
                Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
            },
        )
    }

    /// An IANA time zone name.
    pub fn timezone(&mut self, v: &Opt<String>) -> Option<String> {
        let bad = |name: &str| format!("`{name}` is not an IANA time zone");
        let help = "use a name such as `Europe/Kyiv`, `Europe/Paris` or `UTC`";
        self.scalar(v, Code::BadTimezone, bad, help, |name| {
            jiff::tz::TimeZone::get(name)
                .is_ok()
                .then(|| name.to_string())
        })
    }

    /// An absolute http(s) URL.
    pub fn url(&mut self, v: &Opt<String>) -> Option<String> {
        let bad = |url: &str| format!("`{url}` is not an absolute http(s) URL");
        self.scalar(
            v,
            Code::BadUrl,
            bad,
            "write the full address, starting with https://",
            |url| {
                let ok = (url.starts_with("https://") || url.starts_with("http://"))
                    && url.len() > 8
                    && !url.contains(char::is_whitespace);
                ok.then(|| url.to_string())
            },
        )
    }

    /// A reference to an item of `kind`; reports it if dangling, with a suggestion.
    pub fn reference(&mut self, kind: Kind, id: &str, at: Option<Pos>, field: &str) -> bool {
        if self.ids.exists(kind, id) {
            self.check_marking(kind, id, at, field);
            return true;
        }
        if self.ids.failed(kind, id).is_some() {
            // Its file exists but did not read: its own error says why, and one note
            // there says its references went unchecked (see `validate`).
            return false;
        }
        let help = suggest::did_you_mean(id, self.ids.of(kind).iter().map(String::as_str))
            .unwrap_or_else(|| format!("no file content/{}/{id}.* exists", kind.dir()));
        self.error(
            Diagnostic::error(
                Code::DanglingReference,
                format!("unknown {} `{id}` in `{field}`", kind.singular()),
            )
            .at(at)
            .help(help),
        );
        false
    }

    /// Warns when the item points at something marked higher than itself: in a build for
    /// a lower audience the target is withheld, but this item's own text may reveal it.
    fn check_marking(&mut self, kind: Kind, id: &str, at: Option<Pos>, field: &str) {
        let target = self.ids.marking(kind, id);
        if target > self.marking {
            self.warn(
                Diagnostic::warning(
                    Code::HigherMarking,
                    format!(
                        "`{field}` refers to {} `{id}`, marked {}, from something marked {}",
                        kind.singular(),
                        target.label(),
                        self.marking.label()
                    ),
                )
                .at(at)
                .help("a build for a lower audience withholds it; check that this text does not reveal it"),
            );
        }
    }

    /// Sets the marking of what is being checked (an item, or a contribution within it).
    pub fn set_marking(&mut self, marking: Tlp) -> Tlp {
        std::mem::replace(&mut self.marking, marking)
    }

    /// An optional positioned reference.
    pub fn opt_ref(&mut self, kind: Kind, v: &Opt<String>, field: &str) -> Option<String> {
        let s = v.as_ref()?;
        let at = self.pos(s);
        let id = s.value.trim();
        self.reference(kind, id, at, field).then(|| id.to_string())
    }

    /// A list of positioned references; dangling ones are reported and dropped.
    pub fn refs(&mut self, kind: Kind, v: &Option<Vec<S<String>>>, field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for s in v.iter().flatten() {
            let at = self.pos(s);
            if self.reference(kind, s.value.trim(), at, field) {
                out.push(s.value.trim().to_string());
            }
        }
        out
    }

    /// The `sources:` list.
    pub fn citations(&mut self, v: &RawCitations) -> Vec<Citation> {
        let mut out = Vec::new();
        for item in v.iter().flatten() {
            let at = self.pos(item);
            match &item.value {
                IdOr::Id(id) => {
                    if self.reference(Kind::Sources, id.trim(), at, "sources") {
                        out.push(Citation {
                            source: Ref::Id(id.trim().to_string()),
                            credibility: None,
                            date: None,
                            url: None,
                            note: None,
                        });
                    }
                }
                IdOr::Full(c) => {
                    let Some(src) = &c.source else {
                        self.error(
                            Diagnostic::error(Code::MissingField, "citation without `source`")
                                .at(at)
                                .help("add `source: <source id>`"),
                        );
                        continue;
                    };
                    let src_at = self.pos(src);
                    let ok = self.reference(Kind::Sources, src.value.trim(), src_at, "source");
                    let credibility = c.credibility.as_ref().and_then(|cr| {
                        if (1..=6).contains(&cr.value) {
                            Some(cr.value)
                        } else {
                            let at = self.pos(cr);
                            self.error(
                                Diagnostic::error(Code::BadValue, format!("credibility {} is out of range", cr.value))
                                    .at(at)
                                    .help("Admiralty information credibility runs from 1 (confirmed) to 6 (cannot be judged)"),
                            );
                            None
                        }
                    });
                    let date = self.date(&c.date, "date");
                    let url = self.url(&c.url);
                    if ok {
                        out.push(Citation {
                            source: Ref::Id(src.value.trim().to_string()),
                            credibility,
                            date,
                            url,
                            note: self.text(&c.note),
                        });
                    }
                }
            }
        }
        out
    }

    /// Renders Markdown starting at file line `first_line`, reporting bad `@` links.
    pub fn markdown(&mut self, text: &str, first_line: usize) -> Prose {
        let ids = self.ids;
        let r = markdown::render(text, first_line, &|k, id| ids.exists(k, id), &|k| {
            super::kind_ids(ids, k)
        });
        for p in r.problems {
            self.error(p);
        }
        for (kind, id, anchor, at) in r.links {
            self.check_marking(kind, &id, Some(at), "link");
            if let (Kind::Guarantees, Some(a)) = (kind, anchor) {
                self.contribution_anchor(&id, &a, at);
            }
        }
        r.prose
    }

    /// The id written in `v` for a `what` (a contribution, a provision), if it is a slug;
    /// else an error at its place, with `example` as the shape to use.
    pub fn slug_id(&mut self, v: &S<String>, what: &str, example: &str) -> Option<String> {
        let text = v.value.trim();
        if crate::load::is_slug(text) {
            return Some(text.to_string());
        }
        let at = self.pos(v);
        self.error(
            Diagnostic::error(Code::BadId, format!("`{text}` is not a valid {what} id"))
                .at(at)
                .help(format!(
                    "use lowercase letters, digits and hyphens, e.g. `{example}`"
                )),
        );
        None
    }

    /// Reports an id of `ids` (of `what`s within one `whole`: contributions of a
    /// component) given twice, at the second.
    pub fn unique_ids<'v>(
        &mut self,
        ids: impl Iterator<Item = &'v S<String>>,
        what: &str,
        whole: &str,
    ) {
        let mut seen = std::collections::BTreeSet::new();
        for v in ids {
            let id = v.value.trim();
            if !seen.insert(id) {
                let at = self.pos(v);
                self.error(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!("two {what}s of this {whole} have the id `{id}`"),
                    )
                    .at(at)
                    .help(format!(
                        "{what} ids must be unique within their {whole}; rename one"
                    )),
                );
            }
        }
    }

    /// Renders an optional Markdown field written in the YAML.
    pub fn markdown_field(&mut self, v: &Opt<String>) -> Option<Prose> {
        let s = v.as_ref()?;
        let text = s.value.trim();
        if text.is_empty() {
            return None;
        }
        // Positions inside a YAML block scalar are approximate: point at the field's line.
        let line = self.pos(s).map_or(self.yaml_line, |p| p.line);
        Some(self.markdown(text, line))
    }
}
