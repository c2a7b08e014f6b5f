//! The words of an original as written: what a translation translates, and what its
//! revision ([`crate::model::Revision`]) is computed from. Facts are left out, so
//! correcting a date or a status does not make translations stale.

use super::*;

/// An original's word fields, as (field, text) pairs in a fixed order; `body` is the
/// Markdown body of the file (empty for YAML kinds).
pub trait OriginalWords {
    /// Every word field given, with nested ones named by place
    /// (`contributions.2.commitment`, `provisions.p7.title`).
    fn words(&self, body: &str) -> Vec<(String, String)>;
}

fn push(out: &mut Vec<(String, String)>, field: impl Into<String>, v: &Opt<String>) {
    if let Some(s) = v {
        out.push((field.into(), s.value.clone()));
    }
}

fn push_body(out: &mut Vec<(String, String)>, body: &str) {
    if !body.trim().is_empty() {
        out.push(("body".into(), body.to_string()));
    }
}

impl OriginalWords for RawActor {
    fn words(&self, _: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "name", &self.name);
        push(&mut out, "role", &self.role);
        for a in self.aliases.iter().flatten() {
            out.push(("aliases".into(), a.clone()));
        }
        push(&mut out, "description", &self.description);
        out
    }
}

impl OriginalWords for RawSource {
    fn words(&self, _: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "name", &self.name);
        push(&mut out, "description", &self.description);
        out
    }
}

impl OriginalWords for RawMeeting {
    fn words(&self, body: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        push(&mut out, "location", &self.location);
        push_body(&mut out, body);
        out
    }
}

impl OriginalWords for RawStatement {
    fn words(&self, body: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        push(&mut out, "attributed_to", &self.attributed_to);
        push_body(&mut out, body);
        out
    }
}

impl OriginalWords for RawGuarantee {
    fn words(&self, body: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        push(&mut out, "summary", &self.summary);
        for (i, c) in self.contributions.iter().flatten().enumerate() {
            let c = &c.value;
            push(
                &mut out,
                format!("contributions.{i}.commitment"),
                &c.commitment,
            );
            push(&mut out, format!("contributions.{i}.note"), &c.note);
            for x in c.conditions.iter().flatten() {
                out.push((format!("contributions.{i}.conditions"), x.clone()));
            }
        }
        push_body(&mut out, body);
        out
    }
}

impl OriginalWords for RawRound {
    fn words(&self, _: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        push(&mut out, "summary", &self.summary);
        out
    }
}

impl OriginalWords for RawSite {
    fn words(&self, _: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        push(&mut out, "subtitle", &self.subtitle);
        push(&mut out, "description", &self.description);
        out
    }
}

impl OriginalWords for RawDocument {
    fn words(&self, body: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        push(&mut out, "title", &self.title);
        for p in self.provisions.iter().flatten() {
            let p = &p.value;
            let id = p.id.as_ref().map_or("", |s| s.value.as_str());
            push(&mut out, format!("provisions.{id}.label"), &p.label);
            push(&mut out, format!("provisions.{id}.title"), &p.title);
            push(&mut out, format!("provisions.{id}.summary"), &p.summary);
        }
        push_body(&mut out, body);
        out
    }
}

/// The revision of an original's words.
pub fn revision<T: OriginalWords>(raw: &T, body: &str) -> crate::model::Revision {
    let words = raw.words(body);
    crate::model::Revision::of(words.iter().map(|(f, t)| (f.as_str(), t.as_str())))
}
