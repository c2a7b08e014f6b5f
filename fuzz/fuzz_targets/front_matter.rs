//! Front-matter splitting: any text, never a panic; a split always lies inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(s) = briefing::load::frontmatter::split(text) {
        assert!(s.yaml_line == 2 && s.body_line >= 3);
        assert!(text.len() >= s.yaml.len() + s.body.len());
    }
});
