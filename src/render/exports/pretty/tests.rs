//! The pretty writer against what the exports wrote before: through `Value`.

use super::*;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

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

/// What the exports wrote before: through `Value`, printed, indented, marks removed.
fn old_way<T: Serialize>(v: &T, depth: usize) -> String {
    let text = serde_json::to_string_pretty(&serde_json::to_value(v).unwrap()).unwrap();
    let indent = " ".repeat(2 * depth);
    text.replace('\n', &format!("\n{indent}"))
        .replace(ROOT_MARK, "")
}

#[test]
fn same_bytes_as_through_value() {
    let v = Outer {
        title: format!("<a href=\"{ROOT_MARK}x.html\">\"q\"\u{1}é</a>"),
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
}
