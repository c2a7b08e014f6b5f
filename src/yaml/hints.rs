//! Words for two mistakes serde's messages leave obscure: a value of the wrong shape
//! ("expected string scalar") and a comma inside a `{...}` mapping that split a value.

use crate::diagnostics::Pos;

/// A field met while checking keys: where its key is, its name and what it holds (the
/// description of its type's field, from the schema the raw types derive).
#[derive(Debug, Clone)]
pub(super) struct SeenKey {
    pub pos: Pos,
    pub name: String,
    pub doc: Option<String>,
}

/// The message and help for a value of the wrong shape at `at`: the field it belongs to
/// (the last key written before it), the shape the field takes and the shape found.
pub(super) fn wrong_type(
    serde_message: &str,
    at: Option<Pos>,
    text: &str,
    first_line: usize,
    keys: &[SeenKey],
) -> Option<(String, Option<String>)> {
    let at = at?;
    let key = keys.iter().rev().find(|k| k.pos < at)?;
    let found = found_shape(text, at, first_line);
    let m = serde_message.to_ascii_lowercase();
    let expected = if m.contains("sequence") || m.contains("expected a list") {
        "a list (`[a, b]`, or `- a` lines)"
    } else if m.contains("map") || m.contains("struct") {
        "a mapping (`key: value` lines)"
    } else if m.contains("bool") {
        "`true` or `false`"
    } else if ["integer", "float", "number", "i64", "u64", "f64", "u8"]
        .iter()
        .any(|w| m.contains(w))
    {
        "a number"
    } else {
        "one value"
    };
    if expected.starts_with(found) || (found == "one value" && expected == "a number") {
        return None; // the shape is right; serde's own words say what is wrong
    }
    let message = match (found, scalar_at(text, at, first_line)) {
        ("one value", Some(v)) => format!("`{}` takes {expected}, not `{v}`", key.name),
        _ => format!("`{}` takes {expected}, not {found}", key.name),
    };
    let help = key.doc.as_ref().map(|d| format!("`{}`: {d}", key.name));
    Some((message, help))
}

/// The one-line value written at `at`, if short enough to quote.
fn scalar_at(text: &str, at: Pos, first_line: usize) -> Option<String> {
    let line = text.lines().nth(at.line.saturating_sub(first_line))?;
    let rest: String = line.chars().skip(at.column.saturating_sub(1)).collect();
    let v = rest.trim();
    (!v.is_empty() && v.chars().count() <= 40 && !v.contains(['[', '{', '`']))
        .then(|| v.to_string())
}

/// What the value at `at` is, from its first character.
fn found_shape(text: &str, at: Pos, first_line: usize) -> &'static str {
    let line = text.lines().nth(at.line.saturating_sub(first_line));
    let c = line.and_then(|l| l.chars().nth(at.column.saturating_sub(1)));
    match c {
        Some('[' | '-') => "a list",
        Some('{') => "a mapping",
        _ => "one value",
    }
}

/// Help for an unknown key that is likely the rest of a value cut at a comma inside a
/// `{...}` mapping (`{note: About 13,000 centrifuges}` reads as the fields `note` and
/// `000 centrifuges`): a key with no value, holding a space or starting with a digit.
pub(super) fn split_by_comma(key: &str, has_value: bool, previous: Option<&str>) -> Option<String> {
    let suspicious = key.contains(' ') || key.starts_with(|c: char| c.is_ascii_digit());
    if has_value || !suspicious {
        return None;
    }
    let field = previous.unwrap_or("the field");
    Some(format!(
        "a comma inside `{{...}}` ends a field: if `{key}` is the rest of {}, quote the value, e.g. `{}: \"..., {key}\"`",
        previous.map_or("a value".to_string(), |p| format!("`{p}`")),
        field
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comma_hint_names_the_field_cut() {
        let h = split_by_comma("000 centrifuges", false, Some("note")).unwrap();
        assert!(h.contains("rest of `note`") && h.contains("quote"), "{h}");
        assert!(split_by_comma("000 centrifuges", true, Some("note")).is_none());
        assert!(split_by_comma("nmae", false, None).is_none());
    }
}
