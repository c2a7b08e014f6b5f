//! site.yaml `languages` and `language`: the languages of the briefing, the first the
//! default (the language of the originals).
//!
//! `languages: [en, uk]` declares them; `language: en` alone, as before, declares one.
//! Both may be given if they agree: `language` must then be the first of `languages`.

use super::checker::Checker;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Lang, Languages};
use crate::raw::{RawSite, S};

/// The site's languages; each problem reported at its value.
pub(super) fn site_languages(r: &RawSite, c: &mut Checker) -> Languages {
    let parse = |s: &S<String>, c: &mut Checker| match Lang::parse(&s.value) {
        Ok(l) => Some(l),
        Err(e) => {
            let at = c.pos(s);
            let help = match &e.suggestion {
                Some(t) => format!("did you mean `{t}`? (e.g. `en`, `uk`, `fr`, `pt-BR`)"),
                None => "use a BCP 47 tag with an ISO 639 language code, e.g. `en`, `uk`, `fr` or `pt-BR`".into(),
            };
            c.error(
                Diagnostic::error(Code::BadLanguage, e.to_string())
                    .at(at)
                    .help(help),
            );
            None
        }
    };
    let language = r.language.as_ref().and_then(|s| parse(s, c));
    let Some(list) = &r.languages else {
        return language.map(Languages::one).unwrap_or_default();
    };
    let mut declared: Vec<Lang> = Vec::new();
    for s in list {
        let Some(l) = parse(s, c) else { continue };
        if declared.contains(&l) {
            let at = c.pos(s);
            c.error(
                Diagnostic::error(Code::BadLanguage, format!("`{l}` is declared twice"))
                    .at(at)
                    .help("remove this entry"),
            );
            continue;
        }
        declared.push(l);
    }
    let mut declared = declared.into_iter();
    let Some(first) = declared.next() else {
        if list.is_empty() {
            let at = r.language.as_ref().and_then(|s| c.pos(s));
            c.error(
                Diagnostic::error(Code::BadLanguage, "`languages` is empty")
                    .at(at)
                    .help("list the languages, the default first, e.g. `languages: [en, uk]`"),
            );
        }
        return language.map(Languages::one).unwrap_or_default();
    };
    if let (Some(lang), Some(s)) = (&language, &r.language)
        && *lang != first
    {
        let at = c.pos(s);
        c.error(
            Diagnostic::error(
                Code::BadLanguage,
                format!("`language: {lang}` disagrees with `languages`, whose first (the default) is `{first}`"),
            )
            .at(at)
            .help(format!(
                "remove `language` (the first of `languages` is the default), or put `{lang}` first in `languages`"
            )),
        );
    }
    Languages::new(first, declared)
}
