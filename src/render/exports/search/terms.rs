//! Words as search matches them: folded (lower case, accents and other combining marks
//! removed after canonical decomposition, so `é` is `e` and `й` is `и`) and split at
//! anything but a letter, a digit or `%`. `assets/search.js` folds and splits a query the
//! same way (`fold`, `words`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `s` folded (lower case, without combining marks), added to the end of `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Lower-case the whole text at once, as `to_lowercase` depends on context. Then
    // each character's canonical decomposition without its marks: the same as NFD and
    // dropping the marks (NFD's reordering moves only marks), without NFD's buffering.
    let lower = s.to_lowercase();
    out.reserve(lower.len());
    for c in lower.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            });
        }
    }
}

/// The words of an already folded text, in order (with repeats).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|w| !w.is_empty())
}

/// The first `n` characters of `w` (all of it if shorter).
pub fn prefix(w: &str, n: usize) -> &str {
    match w.char_indices().nth(n) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        // Added to what is there, which stays as it was.
        let mut out = String::from("Kept ");
        fold_into(s, &mut out);
        assert!(out.starts_with("Kept "));
        out.split_off(5)
    }

    #[test]
    fn folding_removes_case_and_accents_in_every_script() {
        assert_eq!(fold("Déclaration ÉTÉ"), "declaration ete");
        assert_eq!(fold("Зеленський Київ"), "зеленськии ки\u{456}в");
        assert_eq!(fold("Türkiye"), "turkiye");
        // The same as NFD without marks, whatever the order of the marks written.
        use unicode_normalization::UnicodeNormalization;
        for text in ["ẬẶǗ ǖ̃ q̣̇ ЁЙЇ ґ Ωσς ﬁ", "e\u{301}\u{323} e\u{323}\u{301}"]
        {
            let nfd: String = text
                .to_lowercase()
                .nfd()
                .filter(|c| !is_combining_mark(*c))
                .collect();
            assert_eq!(fold(text), nfd, "{text}");
        }
        let w: Vec<&str> = words("90% of the plan—agreed, sept.").collect();
        assert_eq!(w, ["90%", "of", "the", "plan", "agreed", "sept"]);
        assert_eq!(prefix("київ", 2), "ки");
        assert_eq!(prefix("a", 2), "a");
    }
}
