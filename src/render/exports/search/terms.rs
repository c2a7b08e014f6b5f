//! Words as search matches them: folded (lower case, accents and other combining marks
//! removed after canonical decomposition, so `é` is `e` and `й` is `и`) and split at
//! anything but a letter, a digit or `%`. `assets/search.js` folds and splits a query the
//! same way (`fold`, `words`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` folded: lower case, without combining marks.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Lower-case the whole text at once, as `to_lowercase` depends on context.
    s.to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
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

    #[test]
    fn folding_removes_case_and_accents_in_every_script() {
        assert_eq!(fold("Déclaration ÉTÉ"), "declaration ete");
        assert_eq!(fold("Зеленський Київ"), "зеленськии ки\u{456}в");
        assert_eq!(fold("Türkiye"), "turkiye");
        let w: Vec<&str> = words("90% of the plan—agreed, sept.").collect();
        assert_eq!(w, ["90%", "of", "the", "plan", "agreed", "sept"]);
        assert_eq!(prefix("київ", 2), "ки");
        assert_eq!(prefix("a", 2), "a");
    }
}
