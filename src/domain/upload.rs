//! Files a subject sends with an answer (issue 7): which kinds we accept, decided by the
//! content itself (magic bytes), not by the name or the type the browser declares, and
//! the size limit. Pure: the bytes come in, a verdict goes out.

use super::status::text_enum;

text_enum!(
    /// The kinds of file a subject may send: PDF, PNG and JPEG images, plain text.
    FileType "file-type" {
        Pdf => "application/pdf", "PDF document";
        Png => "image/png", "PNG image";
        Jpeg => "image/jpeg", "JPEG image";
        Text => "text/plain", "Plain text";
    }
);

impl FileType {
    /// The Fluent id of the words for people (`label_id` would hold a `/`, which a
    /// message id cannot).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Pdf => "file-type-pdf",
            Self::Png => "file-type-png",
            Self::Jpeg => "file-type-jpeg",
            Self::Text => "file-type-text",
        }
    }

    /// The extension a download gets, whatever the subject's file was called.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Text => "txt",
        }
    }

    /// Whether a browser's declared type fits this content. A generic or missing type
    /// says nothing and fits anything; a specific one must agree with the content.
    fn fits_declared(self, declared: &str) -> bool {
        let declared = declared
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match declared.as_str() {
            "" | "application/octet-stream" | "binary/octet-stream" => true,
            d => match self {
                Self::Pdf => matches!(d, "application/pdf" | "application/x-pdf"),
                Self::Png => d == "image/png",
                Self::Jpeg => matches!(d, "image/jpeg" | "image/jpg" | "image/pjpeg"),
                Self::Text => d.starts_with("text/"),
            },
        }
    }
}

/// What the content is, by its first bytes: `%PDF-`, the PNG signature, the JPEG SOI
/// marker; otherwise plain text if it is UTF-8 without control characters other than
/// tab, line feed, carriage return and form feed. Anything else: `None`.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(b"%PDF-") {
        return Some(FileType::Pdf);
    }
    if bytes.starts_with(PNG) {
        return Some(FileType::Png);
    }
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        return Some(FileType::Jpeg);
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    let plain = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    plain.then_some(FileType::Text)
}

/// Why a file is refused, in words for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileRefused {
    #[error("The file is empty. Choose the file again, or send your answer without a file.")]
    Empty,
    #[error("The file is larger than {max_mb} MB. Send a smaller file (for example a photo at a lower resolution), or send your answer without it.")]
    TooLarge { max_mb: u64 },
    #[error("We accept only PDF documents, PNG or JPEG images and plain text files. This file is none of these.")]
    NotAllowed,
    #[error("The file says it is {declared}, but its content is not. Send a PDF document, a PNG or JPEG image or a plain text file.")]
    Mismatch { declared: String },
}

impl FileRefused {
    /// The same refusal as a message id, for the reader's language.
    pub fn msg(&self) -> crate::domain::msg::Msg {
        use crate::domain::msg::Msg;
        match self {
            Self::Empty => Msg::new("field-file-empty"),
            Self::TooLarge { max_mb } => Msg::new("field-file-too-large")
                .arg("max", i64::try_from(*max_mb).unwrap_or(i64::MAX)),
            Self::NotAllowed => Msg::new("field-file-not-allowed"),
            Self::Mismatch { declared } => {
                Msg::new("field-file-mismatch").arg("declared", declared.as_str())
            }
        }
    }
}

/// A file that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedFile {
    pub file_type: FileType,
    /// The subject's name for it, cleaned (`clean_name`): shown to handlers, never used
    /// as a path.
    pub name: String,
}

/// Check a file as received: not empty, at most `max_bytes` (the caller stops reading
/// beyond the limit and passes `truncated`), an allowed type by its content, and a
/// declared type that does not contradict the content.
pub fn check(
    name: &str,
    declared: &str,
    bytes: &[u8],
    truncated: bool,
    max_bytes: u64,
) -> Result<AcceptedFile, FileRefused> {
    if truncated || bytes.len() as u64 > max_bytes {
        return Err(FileRefused::TooLarge {
            max_mb: max_bytes.div_ceil(1024 * 1024),
        });
    }
    if bytes.is_empty() {
        return Err(FileRefused::Empty);
    }
    let file_type = sniff(bytes).ok_or(FileRefused::NotAllowed)?;
    if !file_type.fits_declared(declared) {
        return Err(FileRefused::Mismatch {
            declared: declared.split(';').next().unwrap_or("").trim().to_string(),
        });
    }
    Ok(AcceptedFile {
        file_type,
        name: clean_name(name, file_type),
    })
}

/// The subject's file name without any directory part or control characters, at most
/// 120 characters; `upload.<ext>` when nothing is left.
pub fn clean_name(raw: &str, file_type: FileType) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_string();
    if cleaned.is_empty() {
        format!("upload.{}", file_type.extension())
    } else {
        cleaned
    }
}

/// A name safe for the ASCII `filename=` of a `Content-Disposition` header: letters,
/// digits, `.`, `-`, `_`; anything else becomes `_`.
pub fn ascii_name(name: &str, file_type: FileType) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let ext = format!(".{}", file_type.extension());
    if !s.to_ascii_lowercase().ends_with(&ext) {
        s.push_str(&ext);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1024 * 1024;

    #[test]
    fn content_decides_the_type() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(FileType::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileType::Png));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some(FileType::Jpeg));
        assert_eq!(
            sniff("Kari Nordmann\nGate 1\r\n".as_bytes()),
            Some(FileType::Text)
        );
        assert_eq!(sniff("\u{feff}Æøå".as_bytes()), Some(FileType::Text));
        // An executable, a ZIP, a GIF, binary junk: refused.
        for bad in [
            &b"MZ\x90\0\x03\0\0\0"[..],
            b"PK\x03\x04\x14\0",
            b"GIF89a\x01\0",
            b"\0\x01\x02\x03",
            b"\xff\xfe\xfd",
        ] {
            assert_eq!(sniff(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn empty_oversized_disallowed_and_mismatched_files_are_refused_with_words() {
        assert_eq!(
            check("a.txt", "text/plain", b"", false, MB),
            Err(FileRefused::Empty)
        );
        let err = check("a.txt", "text/plain", &[b'a'; 11], false, 10).unwrap_err();
        assert_eq!(err, FileRefused::TooLarge { max_mb: 1 });
        assert!(err.to_string().contains("larger than 1 MB"));
        assert_eq!(
            check("a.txt", "text/plain", b"abc", true, 10 * MB),
            Err(FileRefused::TooLarge { max_mb: 10 })
        );
        assert_eq!(
            check("x.exe", "application/octet-stream", b"MZ\x90\0", false, MB),
            Err(FileRefused::NotAllowed)
        );
        // Declared an image, but it is text: the content wins, and the lie is refused.
        let err = check("id.png", "image/png", b"<script>", false, MB).unwrap_err();
        assert!(matches!(err, FileRefused::Mismatch { .. }));
        let ok = check(
            "C:\\scan\\passport.pdf",
            "application/pdf",
            b"%PDF-1.4",
            false,
            MB,
        )
        .expect("accepted");
        assert_eq!(ok.file_type, FileType::Pdf);
        assert_eq!(ok.name, "passport.pdf");
        // No declared type, or a generic one: the content decides.
        assert!(check("notes", "", b"hello", false, MB).is_ok());
        assert!(check(
            "p.jpg",
            "application/octet-stream",
            b"\xFF\xD8\xFF\xDB",
            false,
            MB
        )
        .is_ok());
    }

    #[test]
    fn names_are_cleaned_for_display_and_headers() {
        assert_eq!(clean_name("../../etc/passwd", FileType::Text), "passwd");
        assert_eq!(clean_name("a\u{202e}fdp.exe", FileType::Pdf), "afdp.exe");
        assert_eq!(clean_name("  ", FileType::Png), "upload.png");
        assert_eq!(clean_name(".hidden", FileType::Text), "hidden");
        assert_eq!(
            ascii_name("Førerkort kopi.pdf", FileType::Pdf),
            "F_rerkort_kopi.pdf"
        );
        assert_eq!(ascii_name("scan", FileType::Jpeg), "scan.jpg");
    }
}
