//! Markdown rendering: any text, never a panic, and nothing executable survives sanitising.
#![no_main]

use briefing::model::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let r = briefing::markdown::render(text, 1, &|k, id| k == Kind::Meetings && id == "m", &|_| {
        vec!["m".into()]
    });
    let lower = r.html.to_lowercase();
    assert!(!lower.contains("<script"), "{text:?} -> {}", r.html);
    assert!(!lower.contains("=\"javascript:"), "{text:?} -> {}", r.html);
});
