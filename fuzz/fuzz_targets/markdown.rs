//! Markdown rendering: any text, never a panic, and nothing executable survives sanitising.
#![no_main]

use briefing::model::Kind;
use libfuzzer_sys::fuzz_target;

/// Values of `href` and `src` attributes. Text cannot contain a raw `<`, so every `<` opens
/// a tag; quoted text such as `="javascript:` in a code block is not an attribute.
fn urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        for attr in [" href=\"", " src=\""] {
            if let Some(i) = tag.find(attr) {
                let v = &tag[i + attr.len()..];
                out.push(v[..v.find('"').unwrap_or(v.len())].to_lowercase());
            }
        }
    }
    out
}

fuzz_target!(|text: &str| {
    let r = briefing::markdown::render(text, 1, &|k, id| k == Kind::Meetings && id == "m", &|_| {
        vec!["m".into()]
    });
    assert!(!r.html.to_lowercase().contains("<script"), "{text:?} -> {}", r.html);
    for url in urls(&r.html) {
        let url = url.trim_start();
        assert!(
            !url.starts_with("javascript:") && !url.starts_with("data:") && !url.starts_with("vbscript:"),
            "{text:?} -> {}",
            r.html
        );
    }
});
