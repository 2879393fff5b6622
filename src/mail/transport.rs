//! Where mail goes: SMTP when `DSR_SMTP_URL` is set, `.eml` files otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::outbox::Bodies;
use crate::db::models::OutboxMessage;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files named `<outbox id>.eml`, each written whole or not at all.
    File(PathBuf),
}

impl Transport {
    /// `smtp_url` like `smtp://host:25`, `smtps://user:pass@host` or
    /// `smtp://host:587?tls=required` (lettre's URL format). `timeout` bounds each SMTP
    /// command; the dispatcher also bounds each whole send by it. Up to `connections` SMTP
    /// connections stay open for reuse (the dispatcher sends that many messages at once).
    pub fn from_settings(
        smtp_url: Option<&str>,
        mail_dir: PathBuf,
        timeout: std::time::Duration,
        connections: u32,
    ) -> Result<Self, String> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| {
                    let pool = PoolConfig::new().max_size(connections.max(1));
                    Transport::Smtp(b.timeout(Some(timeout)).pool_config(pool).build())
                })
                .map_err(|e| e.to_string()),
            None => Ok(Transport::File(mail_dir)),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".into(),
            Transport::File(dir) => format!(".eml files in {}", dir.display()),
        }
    }

    pub async fn send(
        &self,
        from: &Mailbox,
        m: &OutboxMessage,
        bodies: &Bodies,
    ) -> Result<(), String> {
        let message = build_message(from, m, bodies)?;
        match self {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::File(dir) => {
                let (dir, id, bytes) = (dir.clone(), m.id.clone(), message.formatted());
                tokio::task::spawn_blocking(move || write_eml(&dir, &id, &bytes))
                    .await
                    .map_err(|e| e.to_string())?
                    .map(|_| ())
                    .map_err(|e| format!("cannot write the .eml file: {e}"))
            }
        }
    }
}

/// Write `<dir>/<id>.eml` atomically: a temporary file in the same directory (mode 0600:
/// mail holds personal data and links), written and flushed to disk, then renamed over
/// the final name. A crash leaves either no file or the whole message, never a stub.
pub fn write_eml(dir: &Path, id: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let target = dir.join(format!("{id}.eml"));
    let tmp = dir.join(format!(".{id}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &target)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename itself durable.
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(target)
}

fn build_message(from: &Mailbox, m: &OutboxMessage, bodies: &Bodies) -> Result<Message, String> {
    let to: Mailbox = m
        .to_address
        .parse()
        .map_err(|e| format!("invalid recipient: {e}"))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        // The outbox id makes the Message-ID stable across retries.
        .message_id(Some(format!("<{}@dsr-tracker>", m.id)));
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(bodies.text.clone());
    let result = match &bodies.html {
        Some(html) => builder.multipart(
            MultiPart::alternative().singlepart(text).singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(html.clone()),
            ),
        ),
        None => builder.singlepart(text),
    };
    result.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eml_files_are_written_whole_private_and_without_leftovers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write_eml(dir.path(), "abc", b"Subject: hi\r\n\r\nbody\r\n").expect("write");
        assert_eq!(path, dir.path().join("abc.eml"));
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"Subject: hi\r\n\r\nbody\r\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A retry after a crash between rename and marking sent replaces the file.
        write_eml(dir.path(), "abc", b"again").expect("rewrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"again");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("abc.eml")],
            "no temp files"
        );
        // A failed write leaves nothing behind.
        let missing = dir.path().join("no-such-dir");
        assert!(write_eml(&missing, "x", b"y").is_err());
        assert!(!missing.exists());
    }
}
