//! Reading one content file safely: only a regular file, never through a symbolic link,
//! never more than [`MAX_FILE_BYTES`].
//!
//! The file type is checked before opening (a FIFO would block `open`, `/dev/zero` would
//! never end), the file is opened without following a link and without blocking (on
//! Unix, `O_NOFOLLOW | O_NONBLOCK`), what was opened is checked again (it may have been
//! swapped in between), and the read itself stops after the limit.

use super::MAX_FILE_BYTES;
use crate::diagnostics::{Code, Diagnostic, Pos};
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
fn refuse(rel_path: &Path, meta: &Metadata) -> Option<Diagnostic> {
    let ft = meta.file_type();
    if ft.is_symlink() {
        return Some(
            Diagnostic::error(
                Code::Symlink,
                "symbolic link not read: content is read only from real files",
            )
            .in_whole_file(rel_path)
            .help("replace the link with a copy of the file it points to"),
        );
    }
    if !ft.is_file() {
        return Some(
            Diagnostic::error(
                Code::Unreadable,
                format!(
                    "not read: this is {}, not a regular file",
                    special_kind(meta)
                ),
            )
            .in_whole_file(rel_path)
            .help("content is read only from regular files; replace it with one"),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return Some(too_large(rel_path, meta.len()));
    }
    None
}

/// "a FIFO", "a device"... for messages.
pub(super) fn special_kind(meta: &Metadata) -> &'static str {
    let ft = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else if ft.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

fn too_large(rel_path: &Path, len: u64) -> Diagnostic {
    Diagnostic::error(
        Code::TooLarge,
        format!("file is {len} bytes or more; the limit is {MAX_FILE_BYTES}"),
    )
    .in_whole_file(rel_path)
    .help("split the item, or move bulky material out of content/")
}

fn unreadable(rel_path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(Code::Unreadable, format!("cannot read: {e}")).in_whole_file(rel_path)
}

/// Opens `path` for reading without following a final symbolic link and without
/// blocking on a FIFO.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the regular file `root/rel_path`, refusing links, special files and
/// files over the size limit, with a diagnostic naming `rel_path`.
pub fn read_bytes(root: &Path, rel_path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let path = root.join(rel_path);
    let meta = std::fs::symlink_metadata(&path).map_err(|e| unreadable(rel_path, e))?;
    if let Some(d) = refuse(rel_path, &meta) {
        return Err(d);
    }
    let file = open(&path).map_err(|e| {
        if e.raw_os_error() == Some(libc::ELOOP) {
            // Replaced by a link since it was looked at.
            Diagnostic::error(
                Code::Symlink,
                "symbolic link not read: content is read only from real files",
            )
            .in_whole_file(rel_path)
        } else {
            unreadable(rel_path, e)
        }
    })?;
    let opened = file.metadata().map_err(|e| unreadable(rel_path, e))?;
    if let Some(d) = refuse(rel_path, &opened) {
        return Err(d);
    }
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(rel_path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // Grew after it was looked at.
        return Err(too_large(rel_path, bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8, pointing at the first invalid byte.
pub fn read(root: &Path, rel_path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(root, rel_path)?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error(Code::NotUtf8, "file is not valid UTF-8")
            .in_whole_file(rel_path)
            .at(Some(Pos::new(line, column)))
            .help("save the file as UTF-8")
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_and_special_files_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("secret"), "SECRET LINE\n").unwrap();
        std::os::unix::fs::symlink(root.join("secret"), root.join("link")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("zero")).unwrap();
        let d = read(root, Path::new("link")).unwrap_err();
        assert_eq!(d.code, "symlink");
        assert!(!d.to_string().contains("SECRET"));
        assert_eq!(read(root, Path::new("zero")).unwrap_err().code, "symlink");
        let d = read(root, Path::new("/dev/null")).unwrap_err();
        assert!(d.message.contains("a device"), "{}", d.message);
        std::fs::write(root.join("ok"), "fine").unwrap();
        assert_eq!(read(root, Path::new("ok")).unwrap(), "fine");
    }
}
