//! The data directory holds personal data (the SQLite database, its WAL, `.eml` files) and
//! the secret key: only the service's own user may read it (DESIGN §9). Files are 0600 and
//! directories 0700 whatever umask the service was started with, and secrets are written
//! atomically so a full disk never leaves a half-written key behind.

use std::io::Write;
use std::path::Path;

/// From now on, files and directories this process creates are private to its user
/// (0600 / 0700), including the SQLite WAL and the mail transport's `.eml` files.
pub fn restrict_umask() {
    #[cfg(unix)]
    {
        rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    }
}

/// `dir` becomes 0700 and everything below it 0600 (files) or 0700 (directories).
/// Symbolic links are left alone (their targets are not ours to change).
pub fn make_private(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        set_mode(dir, 0o700)?;
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                make_private(&entry.path())?;
            } else if kind.is_file() {
                set_mode(&entry.path(), 0o600)?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let current = std::fs::symlink_metadata(path)?.permissions().mode() & 0o7777;
    if current != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Write `contents` to `path` only if `path` does not exist yet, so that readers see
/// either no file or the whole file: a private temporary file in the same directory,
/// flushed to disk, then linked into place, and the directory flushed too.
/// Returns `Ok(false)` when another process created `path` first (its file is kept).
pub fn write_new_atomically(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", uuid::Uuid::new_v4().simple()));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        // A hard link never replaces an existing file (two instances starting at once on
        // one data directory keep the first key); fall back to rename where links fail.
        let created = match std::fs::hard_link(&tmp, path) {
            Ok(()) => true,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
            Err(_) if !path.exists() => {
                std::fs::rename(&tmp, path)?;
                true
            }
            Err(e) => return Err(e),
        };
        sync_dir(dir)?;
        Ok(created)
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Space left for the service's user on the file system holding `path`, in bytes.
pub fn available_bytes(path: &Path) -> std::io::Result<u64> {
    #[cfg(unix)]
    {
        let s = rustix::fs::statvfs(path).map_err(std::io::Error::from)?;
        Ok(s.f_bavail.saturating_mul(s.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(u64::MAX)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn make_private_fixes_modes_below_the_directory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("mail");
        std::fs::create_dir(&sub).expect("mkdir");
        std::fs::write(dir.path().join("db"), "x").expect("write");
        std::fs::write(sub.join("a.eml"), "x").expect("write");
        for p in [dir.path(), &sub] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        for p in [dir.path().join("db"), sub.join("a.eml")] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        make_private(dir.path()).expect("private");
        assert_eq!(mode(dir.path()), 0o700);
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&dir.path().join("db")), 0o600);
        assert_eq!(mode(&sub.join("a.eml")), 0o600);
    }

    #[test]
    fn atomic_write_keeps_an_existing_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("secret.key");
        assert!(write_new_atomically(&path, b"first").expect("write"));
        assert!(!write_new_atomically(&path, b"second").expect("write"));
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn available_space_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(available_bytes(dir.path()).expect("statvfs") > 0);
    }
}
