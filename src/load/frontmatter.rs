//! Splits a Markdown file into its YAML front matter and its body, keeping line numbers.

use crate::diagnostics::{Code, Diagnostic, Pos};

/// A Markdown file cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end() == "---"
}

/// Splits `text` at its `---` fences; the opening fence must be the first line.
pub fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(Diagnostic::error(
            Code::FrontMatter,
            "expected front matter: the file must start with a `---` line",
        )
        .at(Some(Pos::new(1, 1)))
        .help("put the fields between two `---` lines at the top of the file, then the Markdown"));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if is_fence(line) {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(Code::FrontMatter, "front matter is not closed")
            .at(Some(Pos::new(1, 1)))
            .help("add a `---` line after the last field"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: x\ndate: y\n---\n\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: x\ndate: y\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn accepts_crlf_bom_and_empty_body() {
        let s = split("\u{feff}---\r\ntitle: x\r\n---\r\n").unwrap();
        assert_eq!(s.yaml, "title: x\r\n");
        assert_eq!(s.body, "");
        let s = split("---\n---").unwrap();
        assert_eq!((s.yaml, s.body), ("", ""));
    }

    #[test]
    fn rejects_missing_or_unclosed_fences() {
        assert_eq!(split("title: x\n").unwrap_err().code, "front-matter");
        let e = split("---\ntitle: x\n").unwrap_err();
        assert!(e.message.contains("not closed"));
        assert!(split("").is_err());
    }

    #[test]
    fn a_rule_in_the_body_is_not_a_fence() {
        let s = split("---\na: 1\n---\nx\n\n---\ny\n").unwrap();
        assert_eq!(s.body, "x\n\n---\ny\n");
    }
}
