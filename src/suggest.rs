//! "Did you mean" suggestions for misspelt names and ids.

/// The candidate closest to `input`, if it is close enough to be a plausible typo.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut best: Option<(f64, &'a str)> = None;
    for cand in candidates {
        let score = similarity(input, cand);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Scores two names: typos score by Jaro-Winkler similarity, and a short id that
/// matches one hyphen-separated part of a longer one (`umerov` in `rustem-umerov`) also counts.
fn similarity(input: &str, cand: &str) -> f64 {
    let whole = strsim::jaro_winkler(input, cand);
    // A surname alone, or slightly misspelt, should still find `first-last`.
    let best_part = cand
        .split('-')
        .filter(|p| p.len() >= 3)
        .map(|p| strsim::jaro_winkler(input, p) * 0.95)
        .fold(0.0, f64::max);
    whole.max(best_part)
}

/// "did you mean `x`?" for the closest candidate, if any.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Formats a list of allowed values: "`a`, `b` or `c`".
///
/// ```
/// assert_eq!(briefing::suggest::one_of(&["held", "planned"]), "`held` or `planned`");
/// ```
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_field_typos() {
        let fields = ["participants", "title", "date", "location"];
        assert_eq!(closest("particpants", fields), Some("participants"));
        assert_eq!(closest("zzz", fields), None);
    }

    #[test]
    fn suggests_full_id_for_surname() {
        let ids = ["rustem-umerov", "andriy-hnatov", "volodymyr-zelensky"];
        assert_eq!(closest("umerov", ids), Some("rustem-umerov"));
        assert_eq!(closest("zelenskyy", ids), Some("volodymyr-zelensky"));
        assert_eq!(closest("macron", ids), None);
    }

    #[test]
    fn lists_allowed_values() {
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }
}
