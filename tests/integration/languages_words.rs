//! Items' words in the language of a render (issue 18): a `uk` render of a site whose
//! `languages` list `uk` shows each item's Ukrainian words where its translation gives
//! them, and marks what falls back to the original with `lang`.

use crate::common::Site;
use briefing::render::RenderOptions;
use std::collections::BTreeMap;
use std::path::Path;

/// Every text file of a render of the site at `root` (as `audience` if given), by path.
fn render(root: &Path, language: &str, audience: Option<briefing::model::Tlp>) -> BTreeMap<String, String> {
    let mut site = briefing::Site::load(root).expect("the site loads");
    if let Some(a) = audience {
        site = site.for_audience(a).0;
    }
    let opts = RenderOptions {
        language: Some(language.into()),
        ..RenderOptions::default()
    };
    site.render_with(&opts)
        .expect("the site renders")
        .into_iter()
        .filter_map(|o| Some((o.path, String::from_utf8(o.bytes).ok()?)))
        .collect()
}

#[test]
fn dump_for_inspection() {
    let site = Site::fixture("bilingual");
    for (root, out) in [(site.root().to_path_buf(), "/tmp/words-uk-bilingual"), (Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(), "/tmp/words-uk-example")] {
        let pages = render(&root, "uk", None);
        for (p, text) in pages {
            let dest = Path::new(out).join(p);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::write(dest, text).unwrap();
        }
    }
}
