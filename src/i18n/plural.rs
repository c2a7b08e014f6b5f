//! Plural categories (CLDR), written out for the languages briefing ships catalogs for.
//!
//! A catalog message that depends on a number gives one text per category its language
//! uses: English `one`/`other`, French `one`/`many`/`other`, Ukrainian
//! `one`/`few`/`many`/`other`. The rules are CLDR's (plurals.xml), for the plain
//! integers and decimals briefing formats; a language briefing does not know uses the
//! English rule.

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Category {
    /// Every category, in CLDR's order.
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The category's name in catalogs: `one`, `few`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `word`.
    pub fn parse(word: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == word)
    }
}

/// Which CLDR rule a language follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// English and the languages briefing has no rule for: `one` for 1, else `other`.
    English,
    /// French: `one` for 0 and 1 (and 1.5), `many` for exact millions, else `other`.
    French,
    /// Ukrainian (and Russian, Belarusian): `one` for 1, 21, 31…; `few` for 2-4, 22-24…;
    /// `many` for 0, 5-20, 25-30…; `other` for fractions.
    EastSlavic,
}

impl Rule {
    /// The rule of the language tagged `tag` (`uk`, `fr-CA`, …).
    pub fn of(tag: &str) -> Rule {
        match tag.split('-').next().unwrap_or(tag) {
            "fr" => Rule::French,
            "uk" | "ru" | "be" => Rule::EastSlavic,
            _ => Rule::English,
        }
    }

    /// The categories a complete message of this language gives.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Rule::English => &[Category::One, Category::Other],
            Rule::French => &[Category::One, Category::Many, Category::Other],
            Rule::EastSlavic => &[
                Category::One,
                Category::Few,
                Category::Many,
                Category::Other,
            ],
        }
    }

    /// The category of `n`.
    pub fn category(self, n: f64) -> Category {
        let whole = n.fract() == 0.0;
        let i = n.abs().trunc() as u64;
        match self {
            Rule::English if whole && i == 1 => Category::One,
            Rule::English => Category::Other,
            Rule::French if i <= 1 => Category::One,
            Rule::French if whole && i != 0 && i.is_multiple_of(1_000_000) => Category::Many,
            Rule::French => Category::Other,
            Rule::EastSlavic if !whole => Category::Other,
            Rule::EastSlavic => match (i % 10, i % 100) {
                (1, r) if r != 11 => Category::One,
                (2..=4, r) if !(12..=14).contains(&r) => Category::Few,
                _ => Category::Many,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_examples() {
        let cats = |r: Rule, ns: &[f64]| ns.iter().map(|n| r.category(*n)).collect::<Vec<_>>();
        use Category::*;
        assert_eq!(
            cats(Rule::English, &[0.0, 1.0, 2.0, 1.5]),
            [Other, One, Other, Other]
        );
        assert_eq!(
            cats(Rule::French, &[0.0, 1.0, 1.5, 2.0, 1e6, 2e6, 1_000_001.0]),
            [One, One, One, Other, Many, Many, Other]
        );
        assert_eq!(
            cats(
                Rule::EastSlavic,
                &[
                    1.0, 21.0, 11.0, 2.0, 4.0, 24.0, 12.0, 14.0, 0.0, 5.0, 111.0, 1.5
                ]
            ),
            [
                One, One, Many, Few, Few, Few, Many, Many, Many, Many, Many, Other
            ]
        );
        assert_eq!(Rule::of("uk-UA"), Rule::EastSlavic);
        assert_eq!(Rule::of("de"), Rule::English);
    }
}
