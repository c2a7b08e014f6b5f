//! The pretty writer against what the exports wrote before: through `Value`.

use super::*;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use string::{ESCAPE, needs_a_look};

#[derive(Serialize)]
struct Inner {
    z: Option<u8>,
    a: Vec<&'static str>,
    m: BTreeMap<&'static str, f64>,
}

#[derive(Serialize)]
enum E {
    Unit,
    New(u8),
    Tuple(u8, bool),
    Named { y: u8, b: () },
}

#[derive(Serialize)]
struct Outer {
    title: String,
    #[serde(flatten)]
    inner: Inner,
    empty: Vec<u8>,
    nothing: BTreeMap<String, u8>,
    e: Vec<E>,
}

/// What the exports wrote before: through `Value`, printed, indented.
fn old_way<T: Serialize>(v: &T, depth: usize) -> String {
    let text = serde_json::to_string_pretty(&serde_json::to_value(v).unwrap()).unwrap();
    let indent = " ".repeat(2 * depth);
    text.replace('\n', &format!("\n{indent}"))
}

#[test]
fn same_bytes_as_through_value() {
    let v = Outer {
        title: "<a href=\"x.html\">\"q\"\u{1}é</a>".to_string(),
        inner: Inner {
            z: None,
            a: vec!["b", "a"],
            m: [("k", 1.5), ("nan", f64::NAN)].into_iter().collect(),
        },
        empty: vec![],
        nothing: BTreeMap::new(),
        e: vec![
            E::Unit,
            E::New(1),
            E::Tuple(2, true),
            E::Named { y: 3, b: () },
        ],
    };
    for depth in [0, 2] {
        let mut out = b"[".to_vec();
        write(&mut out, depth, &v).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("[{}", old_way(&v, depth))
        );
    }
    let sorted = json!({"a": [1, {"c": null, "b": [[]]}], "b": {}, "c": "x"});
    let mut out = Vec::new();
    write(&mut out, 0, &sorted).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), old_way(&sorted, 0));
    // Compact: what serde_json writes of the same `Value`, keys sorted.
    for v in [serde_json::to_value(&v).unwrap(), sorted] {
        let mut out = Vec::new();
        write_compact(&mut out, &v).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&v).unwrap()
        );
    }
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    // Every byte that may need escaping, next to multi-byte characters and
    // runs long enough to be skipped eight bytes at a time.
    let mut pieces: Vec<String> = (0u8..0x20).map(|c| char::from(c).to_string()).collect();
    pieces.extend(
        [
            "\"",
            "\\",
            "/",
            "\u{7f}",
            "é",
            "Київ",
            "\u{2028}",
            "a",
            ":",
            "plain words, no escapes",
        ]
        .map(String::from),
    );
    let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
    for s in crate::render::exports::random_strings(&pieces, 5_000, 8, 0x9e37_79b9_7f4a_7c15) {
        let mut out = Vec::new();
        string(&mut out, &s).unwrap();
        let expected = serde_json::to_string(&s).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected, "{s:?}");
    }
}

#[test]
fn words_that_need_a_look_are_found_whatever_the_byte_and_place() {
    for byte in 0..=255u8 {
        for place in 0..8 {
            let mut word = [b'a'; 8];
            word[place] = byte;
            assert_eq!(
                needs_a_look(u64::from_le_bytes(word)),
                ESCAPE[byte as usize] != 0,
                "byte {byte:#x} at {place}"
            );
        }
    }
    // Bytes above 0x7f around a byte that needs a look do not hide it.
    let word = [0xff, 0x80, b'"', 0xc3, 0xa9, 0xff, 0xfe, 0x90];
    assert!(needs_a_look(u64::from_le_bytes(word)));
    assert!(!needs_a_look(u64::from_le_bytes([
        0xff, 0x80, 0xc3, 0xa9, 0x20, 0x7f, b'~', b'!'
    ])));
}
