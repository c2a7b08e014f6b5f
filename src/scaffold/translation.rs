//! `briefing new <kind> <id> --lang <lang>`: a translation file beside the original,
//! its words pre-filled from the original (to be translated in place) and
//! `translated_from` set to the revision of the original's words.

use super::{ScaffoldError, write_new};
use crate::load::{Doc, parse_document, parse_file, translation_name};
use crate::model::{Kind, Lang, Languages};
use crate::raw::*;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The languages content/site.yaml declares (unreadable or bad entries left out:
/// `check` reports them).
pub fn declared_languages(root: &Path) -> Languages {
    let file = Path::new("content/site.yaml");
    let raw = crate::load::read(root, file)
        .ok()
        .and_then(|text| parse_document::<RawSite>(None, file, &text).0)
        .map(|d| d.raw);
    let Some(raw) = raw else {
        return Languages::default();
    };
    let parse = |s: &S<String>| Lang::parse(&s.value).ok();
    let mut list = raw.languages.iter().flatten().filter_map(parse);
    match list.next() {
        Some(first) => Languages::new(first, list),
        None => raw
            .language
            .as_ref()
            .and_then(parse)
            .map(Languages::one)
            .unwrap_or_default(),
    }
}

/// Writes the translation of `kind`/`id` into `lang`. Refuses a language site.yaml
/// does not declare (or the default), a missing original, and an existing translation.
pub fn new_translation(
    root: &Path,
    kind: Kind,
    id: &str,
    lang: &str,
) -> Result<PathBuf, ScaffoldError> {
    let languages = declared_languages(root);
    let lang = Lang::parse(lang).map_err(|e| {
        ScaffoldError::Language(format!(
            "{e}{}",
            e.suggestion
                .as_ref()
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default()
        ))
    })?;
    if !languages.is_translation(&lang) {
        let others: Vec<&str> = languages.translations().iter().map(Lang::as_str).collect();
        let why = if lang == *languages.default_lang() {
            format!("`{lang}` is the default language, the originals' own")
        } else {
            format!("content/site.yaml does not declare `{lang}`")
        };
        let fix = if others.is_empty() {
            format!(
                "declare it first: `languages: [{}, {lang}]`",
                languages.default_lang()
            )
        } else {
            format!(
                "declared translation languages: {}",
                crate::suggest::one_of(&others)
            )
        };
        return Err(ScaffoldError::Language(format!("{why}; {fix}")));
    }
    let original = find_original(root, kind, id)?;
    let ext = if kind.is_markdown() { "md" } else { "yaml" };
    let rel = original.with_file_name(format!("{id}.{lang}.{ext}"));
    if root.join(&rel).exists() {
        return Err(ScaffoldError::Exists(vec![root.join(&rel)]));
    }
    let text = translation_text(root, kind, &original, &lang).ok_or_else(|| {
        ScaffoldError::Language(format!(
            "{} has errors; run `briefing check` and fix them first",
            original.display()
        ))
    })?;
    write_new(&root.join(&rel), &text)?;
    Ok(rel)
}

/// The original item file of `kind`/`id`, relative to `root`.
fn find_original(root: &Path, kind: Kind, id: &str) -> Result<PathBuf, ScaffoldError> {
    let folder = root.join("content").join(kind.dir());
    let mut ids = Vec::new();
    for e in walkdir::WalkDir::new(&folder)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Some(stem) = e.path().file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if translation_name(stem).is_some() {
            continue;
        }
        if stem == id {
            return Ok(e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .to_path_buf());
        }
        ids.push(stem.to_string());
    }
    let hint = crate::suggest::did_you_mean(id, ids.iter().map(String::as_str))
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    Err(ScaffoldError::NoOriginal(
        kind.singular(),
        id.to_string(),
        hint,
    ))
}

/// A YAML value: quoted on one line, a folded block for a long line (wrapped at single
/// spaces, which folding restores), or a literal block for Markdown over several lines.
fn value(indent: usize, text: &str) -> String {
    const WIDTH: usize = 76;
    let text = text.trim_end();
    let plain = !text.starts_with([' ', '#']) && !text.contains("  ") && !text.contains('\t');
    if !text.contains('\n') && text.chars().count() > WIDTH && plain {
        let pad = " ".repeat(indent + 2);
        let mut out = String::from(">-");
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
                out.push('\n');
                out.push_str(&pad);
                out.push_str(&line);
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push('\n');
        out.push_str(&pad);
        out.push_str(&line);
        return out;
    }
    if text.contains('\n') {
        let pad = " ".repeat(indent + 2);
        let mut out = String::from("|-\n");
        for line in text.lines() {
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
            out.push('\n');
        }
        out.pop();
        out
    } else {
        serde_json::to_string(text).expect("a string serialises")
    }
}

fn field(out: &mut String, indent: usize, key: &str, v: &Opt<String>) {
    if let Some(s) = v {
        let _ = writeln!(
            out,
            "{}{key}: {}",
            " ".repeat(indent),
            value(indent, &s.value)
        );
    }
}

fn list(out: &mut String, indent: usize, key: &str, v: &Option<Vec<String>>) {
    if let Some(xs) = v.as_ref().filter(|xs| !xs.is_empty()) {
        let pad = " ".repeat(indent);
        let _ = writeln!(out, "{pad}{key}:");
        for x in xs {
            let _ = writeln!(out, "{pad}  - {}", value(indent + 2, x));
        }
    }
}

/// The text of a new translation of the original at `rel`, or `None` if the original
/// does not read.
fn translation_text(root: &Path, kind: Kind, rel: &Path, lang: &Lang) -> Option<String> {
    fn read<T: serde::de::DeserializeOwned + Default>(
        root: &Path,
        kind: Kind,
        rel: &Path,
    ) -> Option<Doc<T>> {
        let (doc, es) = parse_file::<T>(root, kind, rel);
        doc.filter(|_| es.iter().all(|d| !d.is_error()))
    }
    let mut out = String::new();
    let name = lang.name().map_or(String::new(), |n| format!("{n} "));
    let header = |out: &mut String, rev: crate::model::Revision| {
        let _ = writeln!(
            out,
            "# {name}({lang}) translation of\n\
             # {}: its words only. Dates, statuses,\n\
             # references, markings and grades come from the original. Translate each\n\
             # value in place; leave out a field to show the original's words.\n\
             translated_from: {rev}   # the revision of the original's words translated\n\
             # translation_note: <e.g. the quotes are this briefing's translation>",
            rel.display()
        );
    };
    let body = match kind {
        Kind::Actors => {
            let d = read::<RawActor>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "name", &d.raw.name);
            field(&mut out, 0, "role", &d.raw.role);
            list(&mut out, 0, "aliases", &d.raw.aliases);
            field(&mut out, 0, "description", &d.raw.description);
            None
        }
        Kind::Sources => {
            let d = read::<RawSource>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "name", &d.raw.name);
            field(&mut out, 0, "description", &d.raw.description);
            None
        }
        Kind::Rounds => {
            let d = read::<RawRound>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "title", &d.raw.title);
            field(&mut out, 0, "summary", &d.raw.summary);
            None
        }
        Kind::Meetings => {
            let d = read::<RawMeeting>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "title", &d.raw.title);
            field(&mut out, 0, "location", &d.raw.location);
            Some(d.body)
        }
        Kind::Statements => {
            let d = read::<RawStatement>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "title", &d.raw.title);
            field(&mut out, 0, "attributed_to", &d.raw.attributed_to);
            Some(d.body)
        }
        Kind::Guarantees => {
            let d = read::<RawGuarantee>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "title", &d.raw.title);
            field(&mut out, 0, "summary", &d.raw.summary);
            if let Some(cs) = d.raw.contributions.as_ref().filter(|cs| !cs.is_empty()) {
                out.push_str(
                    "contributions:   # one entry per contribution, in the original's order\n",
                );
                for c in cs {
                    let c = &c.value;
                    let by = c.by.as_ref().map_or("?", |s| s.value.as_str());
                    let _ = writeln!(out, "  # by: {by}");
                    let mut entry = String::new();
                    field(&mut entry, 4, "commitment", &c.commitment);
                    field(&mut entry, 4, "note", &c.note);
                    list(&mut entry, 4, "conditions", &c.conditions);
                    match entry.strip_prefix("    ") {
                        Some(rest) => {
                            let _ = write!(out, "  - {rest}");
                        }
                        None => out.push_str("  - {}\n"),
                    }
                }
            }
            Some(d.body)
        }
        Kind::Documents => {
            let d = read::<RawDocument>(root, kind, rel)?;
            header(&mut out, revision(&d.raw, &d.body));
            field(&mut out, 0, "title", &d.raw.title);
            if let Some(ps) = d.raw.provisions.as_ref().filter(|ps| !ps.is_empty()) {
                out.push_str("provisions:   # each named by its id in the original\n");
                for p in ps {
                    let p = &p.value;
                    let id = p.id.as_ref().map_or("?", |s| s.value.as_str());
                    let _ = writeln!(out, "  - id: {id}");
                    field(&mut out, 4, "label", &p.label);
                    field(&mut out, 4, "title", &p.title);
                    field(&mut out, 4, "summary", &p.summary);
                }
            }
            Some(d.body)
        }
    };
    Some(match body {
        Some(body) => format!("---\n{out}---\n{body}"),
        None => out,
    })
}
