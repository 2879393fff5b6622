//! Writing a package (issue 12, DESIGN §7): a ZIP written to disk as a stream, entry by
//! entry, so that neither the records nor the files are ever held whole in memory. The
//! cover letter is an askama template (`templates/package/cover.html`). Only
//! `workflow::packages` calls this.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, Write};

use askama::Template;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::domain::kinds::Kind;
use crate::domain::msg::Msg;
use crate::i18n::Tr;
use crate::workflow::processing::Narrowed;

/// The ZIP being written.
pub struct PackageWriter {
    zip: ZipWriter<BufWriter<File>>,
    modified: zip::DateTime,
}

/// Compressed entries (text) and stored ones (the handler's files, often already
/// compressed: PDFs, images, audio).
#[derive(Clone, Copy)]
pub enum Entry {
    Text,
    File,
}

impl PackageWriter {
    pub fn new(file: File, at: chrono::NaiveDateTime) -> Self {
        use chrono::{Datelike, Timelike};
        let modified = zip::DateTime::from_date_and_time(
            u16::try_from(at.year()).unwrap_or(1980),
            at.month() as u8,
            at.day() as u8,
            at.hour() as u8,
            at.minute() as u8,
            at.second() as u8,
        )
        .unwrap_or_default();
        Self {
            zip: ZipWriter::new(BufWriter::with_capacity(256 * 1024, file)),
            modified,
        }
    }

    fn options(&self, entry: Entry) -> SimpleFileOptions {
        let method = match entry {
            Entry::Text => CompressionMethod::Deflated,
            Entry::File => CompressionMethod::Stored,
        };
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.modified)
            .unix_permissions(0o644)
            // Any entry may pass 4 GiB: ZIP64 headers cost a few bytes each.
            .large_file(matches!(entry, Entry::File))
    }

    /// Open the next entry; write it through the returned writer.
    pub fn start(&mut self, name: &str, entry: Entry) -> std::io::Result<&mut impl Write> {
        let options = self.options(entry);
        self.zip.start_file(name, options).map_err(zip_io)?;
        Ok(&mut self.zip)
    }

    /// A whole entry from a file on disk, copied in chunks.
    pub fn copy_file(&mut self, name: &str, source: &mut File) -> std::io::Result<u64> {
        let options = self.options(Entry::File);
        self.zip.start_file(name, options).map_err(zip_io)?;
        std::io::copy(source, &mut self.zip)
    }

    /// Write the central directory and flush everything to disk; returns the file's size
    /// and SHA-256 (read back in chunks).
    pub fn finish(self) -> std::io::Result<(u64, String)> {
        let buffered = self.zip.finish().map_err(zip_io)?;
        let mut file = buffered.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        file.rewind()?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            hasher.update(&buf[..n]);
        }
        Ok((size, hex::encode(hasher.finalize())))
    }
}

fn zip_io(e: zip::result::ZipError) -> std::io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}

/// One dataset as the letter lists it.
pub struct DatasetLine {
    pub name: String,
    pub file: String,
    pub category: String,
    pub records: i32,
}

/// One file as the letter lists it.
pub struct FileLine {
    pub name: String,
    pub category: String,
    pub bytes: i64,
}

/// One redaction as the letter lists it (never the value).
pub struct RedactionLine {
    pub dataset: String,
    pub field: String,
    pub record: Option<i32>,
    pub reason: String,
}

/// The cover letter (`cover-letter.html`): the Art. 15(1)(a)–(h) and 15(2) information,
/// narrowed to this subject's data, what the package holds, what was left out and why
/// (Art. 15(4)), the rights and the supervisory authority.
#[derive(Template)]
#[template(path = "package/cover.html")]
pub struct CoverLetter {
    pub t: Tr,
    pub kind: Kind,
    pub reference: String,
    pub name: String,
    pub date: chrono::NaiveDate,
    pub until: chrono::NaiveDate,
    pub organisation: String,
    pub dpo_name: String,
    pub dpo_email: String,
    pub authority_name: String,
    pub authority_address: String,
    pub authority_url: String,
    pub categories: Vec<String>,
    pub register: Narrowed,
    pub datasets: Vec<DatasetLine>,
    pub files: Vec<FileLine>,
    pub redactions: Vec<RedactionLine>,
}

impl CoverLetter {
    /// A size for people ("2.4 MB").
    pub fn size(&self, bytes: &i64) -> String {
        human_size(*bytes)
    }

    pub fn m(&self, m: Msg) -> String {
        self.t.msg(&m)
    }
}

/// A size for people: bytes, kB, MB or GB (decimal), one decimal above kB.
pub fn human_size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b < 1000.0 {
        format!("{bytes} B")
    } else if b < 1e6 {
        format!("{:.0} kB", b / 1e3)
    } else if b < 1e9 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.2} GB", b / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(12_345), "12 kB");
        assert_eq!(human_size(2_400_000), "2.4 MB");
        assert_eq!(human_size(1_073_741_824), "1.07 GB");
    }

    #[test]
    fn a_zip_is_written_entry_by_entry_and_reads_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.zip");
        // Read and write, as `FileStore::create` opens it: `finish` reads it back.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .expect("create");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("date");
        let mut w = PackageWriter::new(file, at);
        w.start("data.json", Entry::Text)
            .and_then(|e| e.write_all(b"{\"schema_version\":1}"))
            .expect("json");
        let src_path = dir.path().join("src.bin");
        std::fs::write(&src_path, vec![7u8; 100_000]).expect("src");
        let mut src = File::open(&src_path).expect("open");
        assert_eq!(w.copy_file("files/a.bin", &mut src).expect("copy"), 100_000);
        let (size, sha) = w.finish().expect("finish");
        assert_eq!(size, std::fs::metadata(&path).expect("meta").len());
        assert_eq!(sha.len(), 64);
        let mut archive = zip::ZipArchive::new(File::open(&path).expect("open")).expect("zip");
        assert_eq!(archive.len(), 2);
        let mut s = String::new();
        archive
            .by_name("data.json")
            .expect("entry")
            .read_to_string(&mut s)
            .expect("read");
        assert_eq!(s, "{\"schema_version\":1}");
    }
}
