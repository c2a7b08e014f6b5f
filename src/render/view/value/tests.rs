//! The values made here are what serde makes of the same views.

use super::*;
use crate::model::Kind;
use crate::render::max_tlp;
use crate::render::view::prose_value_html;

/// `v` with each prose value written as the exports write it (HTML from the root).
fn as_exported(v: &Value) -> Value {
    if let Some(m) = v.as_map() {
        let entries: Vec<(String, Value)> = m
            .iter()
            .map(|(k, x)| (k.as_str().unwrap_or("").to_string(), as_exported(x)))
            .collect();
        let mut out = tera::Map::new();
        for (k, x) in entries {
            out.insert(k.into(), x);
        }
        return Value::from(out);
    }
    if let Some(a) = v.as_array() {
        // A prose value with links: HTML and URLs, alternating, all strings (no other
        // view has a list of strings starting with HTML).
        if a.first()
            .and_then(Value::as_str)
            .is_some_and(|s| s.starts_with('<'))
        {
            return Value::from(prose_value_html(v, "").unwrap_or_default());
        }
        return Value::from(a.iter().map(as_exported).collect::<Vec<_>>());
    }
    v.clone()
}

/// Every item view of the example briefing, and of a site with withheld items, makes
/// the value serde makes of it (prose written as the exports write it), and notes the highest marking found in that value.
#[test]
fn same_as_serde() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    same_as_serde_on(root, 30);
    // Documents with provisions and positions, one of them AMBER.
    same_as_serde_on(&root.join("tests/fixtures/plan"), 10);
    let (site, _) = withholding_site().for_audience(Tlp::Clear);
    same_as_serde_in(&site.model, 5);
    let statement = Views::new(&site.model).item(Kind::Statements, "umerov-90");
    let json = serde_json::to_string(&statement).unwrap();
    assert!(
        json.contains(r#"{"kind":"guarantees","title":"(withheld)","withheld":true}"#),
        "{json}"
    );
}

/// The views of a render in a translation language hold the `*_lang` fields: the
/// values made here hold them as serde does.
#[test]
fn same_as_serde_in_a_translation_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual");
    let site = crate::Site::load(&root).expect("the fixture loads");
    let uk = std::sync::Arc::new(crate::i18n::load(&root, "uk").expect("uk").locale);
    let m = &site.model;
    let views = Views::new(m).in_language(uk);
    let mut langs = 0;
    for kind in Kind::ALL {
        for id in m.ids(kind) {
            let item = views.item(kind, id);
            let want = Value::from_serializable(&item);
            assert_eq!(
                as_exported(&item.to_value(&Cx::new())),
                want,
                "{kind:?} {id}"
            );
            langs += usize::from(item.title_lang.is_some());
        }
    }
    assert!(langs > 0, "no untranslated title");
}

fn same_as_serde_on(root: &std::path::Path, at_least: usize) {
    let site = crate::Site::load(root).expect("the site loads");
    let (site, _) = site.for_audience(crate::model::Tlp::Green);
    same_as_serde_in(&site.model, at_least);
}

/// The minimal fixture with its source, the state `ukraine` and its guarantee
/// component marked TLP:AMBER: a CLEAR build withholds what cites, names and is
/// about them.
pub(crate) fn withholding_site() -> crate::Site {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let mut site = crate::Site::load(&root).expect("the fixture loads");
    let m = &mut site.model;
    m.sources.get_mut("reuters").expect("a source").meta.tlp = Tlp::Amber;
    m.actors.get_mut("ukraine").expect("an actor").meta.tlp = Tlp::Amber;
    m.guarantees
        .get_mut("financial")
        .expect("a component")
        .meta
        .tlp = Tlp::Amber;
    site
}

fn same_as_serde_in(m: &crate::model::Model, at_least: usize) {
    for views in [Views::new(m), Views::for_few_pages(m)] {
        let mut n = 0;
        for kind in Kind::ALL {
            for id in m.ids(kind) {
                let item = views.item(kind, id);
                let want = Value::from_serializable(&item);
                let cx = Cx::new();
                assert_eq!(as_exported(&item.to_value(&cx)), want, "{kind:?} {id}");
                assert_eq!(cx.marking(), max_tlp(&want), "{kind:?} {id}");
                n += 1;
            }
        }
        assert!(n >= at_least, "only {n} items");
        let links = views.searchable();
        assert_eq!(views.value_of(&links), Value::from_serializable(&links));
        for id in m.rounds.keys() {
            let brief = views.round_brief(&views.round_model(id));
            let want = Value::from_serializable(&brief);
            let cx = Cx::new();
            assert_eq!(as_exported(&brief.to_value(&cx)), want, "brief of {id}");
            assert_eq!(cx.marking(), max_tlp(&want), "brief of {id}");
        }
    }
}
