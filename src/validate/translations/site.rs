//! `content/site.<lang>.yaml`: the site's title, subtitle and description in a
//! translation language, checked like an item's translation (a declared language, words
//! only, `translated_from` against site.yaml's words).

use super::{Checker, Ids, files::language, freshness};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::Loaded;
use crate::model::{Lang, Languages, SiteTranslation, SiteWords};
use std::collections::BTreeMap;

/// The site's translations, by language; each problem reported in its file.
pub(in crate::validate) fn check_site(
    loaded: &Loaded,
    languages: &Languages,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> BTreeMap<Lang, SiteTranslation> {
    let mut out = BTreeMap::new();
    let Some(original) = &loaded.site else {
        return out;
    };
    let now = crate::raw::revision(&original.raw, "");
    for tf in &loaded.site_translations {
        let Some(lang) = language(&tf.file, &tf.lang, "yaml", languages, diags) else {
            continue;
        };
        if out.contains_key(&lang) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("a second {lang} translation of content/site.yaml"),
                )
                .in_whole_file(&tf.file)
                .at(Some(Pos::new(1, 1)))
                .help("keep one `site.<language>.yaml` per language; remove this file"),
            );
            continue;
        }
        let Some(doc) = &tf.doc else { continue };
        let mut c = Checker::new(None, doc, ids, diags);
        let r = &doc.raw;
        let freshness = freshness(&r.translated_from, now.clone(), &original.file, &mut c);
        let words = SiteWords {
            title: c.text(&r.title),
            subtitle: c.text(&r.subtitle),
            description_html: c.markdown_field(&r.description),
        };
        if !c.failed() {
            out.insert(
                lang,
                SiteTranslation {
                    file: tf.file.clone(),
                    freshness,
                    words,
                },
            );
        }
    }
    out
}
