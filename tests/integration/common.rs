//! Fixture sites in temporary folders.

use std::path::{Path, PathBuf};

/// A copy of a fixture site that a test may change freely.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of tests/fixtures/<name>.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join(name), dir.path());
        Site { dir }
    }

    /// The valid minimal site.
    pub fn minimal() -> Site {
        Site::fixture("minimal")
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file relative to the root.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Removes a file relative to the root.
    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.root().join(rel)).unwrap();
        self
    }

    /// The default output folder.
    pub fn output(&self) -> PathBuf {
        self.root().join("output")
    }

    /// Reads an output file.
    pub fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.output().join(rel))
            .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
    }

    /// Every page in the output folder `dir` (`timeline`: each month's), in path order,
    /// one after the other.
    pub fn pages_in(&self, dir: &str) -> String {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(self.output().join(dir))
            .unwrap_or_else(|e| panic!("output/{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir`, relative path -> bytes.
pub fn snapshot_dir(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every file of the built search index (output/search/), concatenated.
pub fn search_text(site: &Site) -> String {
    let dir = site.output().join("search");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The text of a page's element starting at `marker`, up to `end`, tags removed.
pub fn text_of(page: &str, marker: &str, end: &str) -> String {
    let start = page.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let stop = start + page[start..].find(end).unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    for ch in page[start..stop].chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Marks the implemented contribution of the analysis fixture's component `beta` AMBER.
pub fn mark_beta_implemented_amber(site: &Site) {
    let path = site.root().join("content/guarantees/beta.md");
    let beta = std::fs::read_to_string(&path).unwrap();
    let marked = beta.replace(
        "    status: implemented\n",
        "    status: implemented\n    tlp: amber\n",
    );
    assert_ne!(beta, marked);
    site.write("content/guarantees/beta.md", marked);
}
