//! Problems found in a site: typed, positioned, collected rather than thrown.

mod code;

pub use code::{Code, Level};
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Fails `check` and `build`.
    Error,
    /// Printed, but the build goes on.
    Warning,
}

/// A position in a file, 1-based, counted in the file itself (front matter included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl Pos {
    /// A position at `line`, `column` (both 1-based).
    pub fn new(line: usize, column: usize) -> Self {
        Pos { line, column }
    }
}

/// One problem: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render_plain())]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `unknown-field`.
    pub code: Code,
    /// The file concerned, relative to the site root where possible.
    pub file: Option<PathBuf>,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// The problem in plain words.
    pub message: String,
    /// The likely fix, if there is one.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error with a code and message, not yet tied to a file.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        debug_assert!(
            code.level() != Level::Warning,
            "{code} is documented as a warning"
        );
        Diagnostic {
            severity: Severity::Error,
            code,
            file: None,
            pos: None,
            message: message.into(),
            help: None,
        }
    }

    /// A new warning with a code and message, not yet tied to a file.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        debug_assert!(
            code.level() != Level::Error,
            "{code} is documented as an error"
        );
        Diagnostic {
            severity: Severity::Warning,
            code,
            file: None,
            pos: None,
            message: message.into(),
            help: None,
        }
    }

    /// Ties the problem to a file.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Ties the problem to a file as a whole (its name, its size, its encoding): the
    /// position is the file's start, so that every problem has a line and column.
    pub fn in_whole_file(self, file: impl AsRef<Path>) -> Self {
        self.in_file(file).at(Some(Pos::new(1, 1)))
    }

    /// Ties the problem to a position in its file.
    pub fn at(mut self, pos: Option<Pos>) -> Self {
        self.pos = pos;
        self
    }

    /// Replaces the message (keeping code, place and help).
    pub fn reword(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// Adds a suggested fix.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a suggested fix if there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: error: message (help)`, on one or two lines, no colour.
    pub fn render_plain(&self) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(&file.display().to_string());
            if let Some(pos) = self.pos {
                out.push_str(&format!(":{}:{}", pos.line, pos.column));
            }
            out.push_str(": ");
        }
        out.push_str(match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        });
        out.push_str(&format!("[{}]: {}", self.code, self.message));
        if let Some(help) = &self.help {
            out.push_str(&format!("\n  help: {help}"));
        }
        out
    }
}

/// Every problem found in one run, errors and warnings together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Records many problems.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// True if any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// All problems, sorted by file, position, then message, so output is stable.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    /// Iterates in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// True if nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// "3 errors, 1 warning in 2 files".
    pub fn summary(&self) -> String {
        let files: std::collections::BTreeSet<_> =
            self.items.iter().filter_map(|d| d.file.as_ref()).collect();
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{}, {}",
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        );
        if !files.is_empty() {
            s.push_str(&format!(" in {}", plural(files.len(), "file")));
        }
        s
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{}", d.render_plain())?;
        }
        write!(f, "{}", self.summary())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
