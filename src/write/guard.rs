//! Which output folders a build refuses: decided on real paths (symbolic links
//! resolved), so that a link cannot lead the output into the site's own files.

use std::path::{Component, Path, PathBuf};

/// Why an output folder was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refusing to write to {}: {why}", output.display())]
pub struct Refused {
    /// The output folder as given.
    pub output: PathBuf,
    /// Why, for people.
    pub why: String,
}

/// Refuses an output folder that is the site root or contains it, that lies inside
/// `content/` or `templates/` (also through a symbolic link), or, unless `force`, that
/// holds files briefing did not write.
pub fn check(root: &Path, output: &Path, force: bool) -> Result<(), Refused> {
    let refuse = |why: String| {
        Err(Refused {
            output: output.to_path_buf(),
            why,
        })
    };
    let (root_real, out_real) = (real_path(root), real_path(output));
    if root_real.starts_with(&out_real) {
        return refuse("it is the site root or contains it".into());
    }
    for own in ["content", "templates"] {
        if out_real.starts_with(real_path(&root.join(own))) {
            return refuse(format!("it is inside the site's {own}/ folder"));
        }
    }
    if out_real.exists() && !out_real.is_dir() {
        return refuse("it is a file, not a folder".into());
    }
    if !force && out_real.is_dir() && super::is_foreign(&out_real) {
        return refuse(
            "it holds files that briefing did not write (pass --force to write there anyway)"
                .into(),
        );
    }
    Ok(())
}

/// `p` as an absolute path with every symbolic link resolved, also when it does not
/// exist yet: its longest existing ancestor is resolved and the rest appended, with `.`
/// and `..` taken as written.
pub fn real_path(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut rest = Vec::new();
    let mut base = abs.as_path();
    loop {
        if let Ok(real) = base.canonicalize() {
            let mut out = real;
            for c in rest.iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    c => out.push(c),
                }
            }
            return out;
        }
        match (base.parent(), base.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                base = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_paths_resolve_links_of_folders_that_exist() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("content", root.join("clink")).unwrap();
        #[cfg(unix)]
        assert_eq!(
            real_path(&root.join("clink/new/../newdir")),
            root.join("content/newdir")
        );
        assert_eq!(real_path(&root.join("a/./b/../c")), root.join("a/c"));
    }

    #[cfg(unix)]
    #[test]
    fn an_output_reached_through_a_link_into_content_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        std::fs::create_dir(root.join("templates")).unwrap();
        std::os::unix::fs::symlink("content", root.join("clink")).unwrap();
        std::os::unix::fs::symlink(root.join("templates"), root.join("tlink")).unwrap();
        std::os::unix::fs::symlink(root, root.join("rootlink")).unwrap();
        for out in ["clink/newdir", "tlink", "rootlink", "clink"] {
            let e = check(root, &root.join(out), true).unwrap_err();
            assert!(e.to_string().contains("refusing"), "{out}: {e}");
        }
        check(root, &root.join("output"), false).unwrap();
        std::fs::write(root.join("file"), "").unwrap();
        assert!(check(root, &root.join("file"), true).is_err());
    }
}
