//! Files subjects send with their answers, under `<data dir>/uploads` (issue 7). Each is
//! stored under a random name (32 hex digits), never the subject's own, mode 0600 like
//! everything in the private data directory; the database row (`uploads`) says what it
//! is. Only workflow functions call this.

use std::io::Write;
use std::path::{Path, PathBuf};

pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Only names this store makes are accepted back, so a stored name can never point
    /// outside the directory.
    fn path(&self, stored_name: &str) -> std::io::Result<PathBuf> {
        if stored_name.len() == 32 && stored_name.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(self.dir.join(stored_name))
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a stored file name",
            ))
        }
    }

    /// Write a new file (created, never replacing one, 0600, flushed to disk) and return
    /// its random name.
    pub fn write_new(&self, bytes: &[u8]) -> std::io::Result<String> {
        std::fs::create_dir_all(&self.dir)?;
        let name = uuid::Uuid::new_v4().simple().to_string();
        let path = self.path(&name)?;
        let result = write_private(&path, bytes);
        if result.is_err() {
            let _ = std::fs::remove_file(&path);
        }
        result.map(|()| name)
    }

    /// A new empty file (0600) under a random name, for a caller that writes it as a
    /// stream and calls `sync_all` before recording it.
    pub fn create(&self) -> std::io::Result<(String, std::fs::File)> {
        std::fs::create_dir_all(&self.dir)?;
        let name = uuid::Uuid::new_v4().simple().to_string();
        let file = open_private(&self.path(&name)?)?;
        Ok((name, file))
    }

    pub fn open(&self, stored_name: &str) -> std::io::Result<std::fs::File> {
        std::fs::File::open(self.path(stored_name)?)
    }

    /// Where a stored file is (to serve it as a stream).
    pub fn full_path(&self, stored_name: &str) -> std::io::Result<PathBuf> {
        self.path(stored_name)
    }

    /// Every stored name with its last change (the orphan sweep); names this store did
    /// not make are left out.
    pub fn list(&self) -> std::io::Result<Vec<(String, std::time::SystemTime)>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if self.path(&name).is_ok() {
                out.push((name, entry.metadata()?.modified()?));
            }
        }
        Ok(out)
    }

    pub fn read(&self, stored_name: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path(stored_name)?)
    }

    /// Remove a file; one that is already gone counts as removed (a sweep that stopped
    /// half-way runs again).
    pub fn delete(&self, stored_name: &str) -> std::io::Result<()> {
        match std::fs::remove_file(self.path(stored_name)?) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    pub fn exists(&self, stored_name: &str) -> bool {
        self.path(stored_name).map(|p| p.exists()).unwrap_or(false)
    }
}

fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = open_private(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_get_random_private_names_and_foreign_names_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = FileStore::new(dir.path().join("uploads"));
        let name = store.write_new(b"%PDF-1.4").expect("write");
        assert_eq!(name.len(), 32);
        assert_eq!(store.read(&name).expect("read"), b"%PDF-1.4");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("uploads").join(&name))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(store.read("../secret.key").is_err());
        assert!(store.delete("../../etc/passwd").is_err());
        store.delete(&name).expect("delete");
        assert!(!store.exists(&name));
        store.delete(&name).expect("deleting twice is fine");
    }
}
