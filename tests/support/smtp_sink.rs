//! A tiny in-process SMTP server ("sink") for integration tests.
//!
//! Plain SMTP only: no TLS, no AUTH. Every message accepted is parsed with
//! `mail-parser` and recorded; tests read them back with [`SmtpSink::messages`]
//! or [`SmtpSink::wait_for`]. Self-contained so it can be dropped into
//! `tests/support/smtp_sink.rs` of another crate unchanged.
#![allow(dead_code)] // not every test binary that includes this uses every item

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use mail_parser::MessageParser;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// Longest line (command or message line) accepted; longer ones drop the connection.
const MAX_LINE: u64 = 1024 * 1024;
/// Largest message accepted, as advertised by `SIZE`.
const MAX_SIZE: usize = 10 * 1024 * 1024;

/// One message accepted by the sink.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// Envelope sender (`MAIL FROM`), e.g. `noreply@example.com`; empty for `<>`.
    pub from: String,
    /// Envelope recipients (`RCPT TO`), in order; includes Bcc recipients.
    pub to: Vec<String>,
    /// Decoded `Subject` header, empty if missing.
    pub subject: String,
    /// Decoded text/plain body (quoted-printable/base64 undone; lines end in CRLF).
    /// Falls back to the HTML part rendered as text; empty if neither exists.
    pub text: String,
    /// Decoded text/html body, if the message has one.
    pub html: Option<String>,
    /// The message as received (after undoing dot-stuffing), lossily as UTF-8.
    pub raw: String,
    /// The `Message-ID` header without angle brackets, if present.
    pub message_id: Option<String>,
}

#[derive(Default)]
struct Shared {
    messages: Mutex<Vec<ReceivedMail>>,
    failing: AtomicBool,
    /// Milliseconds to wait before answering the end of DATA.
    delay_ms: AtomicU64,
    /// Messages between the end of their DATA and the answer, now and at most so far.
    in_flight: AtomicU64,
    max_in_flight: AtomicU64,
    arrived: Notify,
}

impl Shared {
    fn messages(&self) -> MutexGuard<'_, Vec<ReceivedMail>> {
        self.messages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A running SMTP server on `127.0.0.1:<random port>`; stops accepting when dropped.
pub struct SmtpSink {
    port: u16,
    shared: Arc<Shared>,
    accept_loop: JoinHandle<()>,
}

impl SmtpSink {
    /// Binds `127.0.0.1:0` and spawns the accept loop on the current tokio runtime.
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("smtp_sink: bind");
        let port = listener.local_addr().expect("smtp_sink: local_addr").port();
        let shared = Arc::new(Shared::default());
        let state = Arc::clone(&shared);
        let accept_loop = tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let state = Arc::clone(&state);
                        // I/O errors and garbage just end that one session.
                        tokio::spawn(async move { session(stream, &state).await.ok() });
                    }
                    // e.g. out of file descriptors: back off, keep serving.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        SmtpSink {
            port,
            shared,
            accept_loop,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT`, for lettre's `AsyncSmtpTransport::from_url` (which
    /// lettre only has with a TLS feature; else `builder_dangerous("127.0.0.1").port(..)`).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// All messages accepted so far, oldest first.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.shared.messages().clone()
    }

    /// Returns the first message (already received or arriving later) that
    /// matches `pred`, or `None` if none has arrived within `timeout`.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&ReceivedMail) -> bool,
        timeout: Duration,
    ) -> Option<ReceivedMail> {
        let search = async {
            loop {
                let arrived = self.shared.arrived.notified();
                tokio::pin!(arrived);
                arrived.as_mut().enable(); // register before looking, so no arrival is missed
                if let Some(mail) = self.messages().into_iter().find(|m| pred(m)) {
                    return mail;
                }
                arrived.await;
            }
        };
        tokio::time::timeout(timeout, search).await.ok()
    }

    /// While `true`, the end of DATA is answered `451 4.3.0 try again later`
    /// and the message is not recorded.
    pub fn set_failing(&self, fail: bool) {
        self.shared.failing.store(fail, Ordering::SeqCst);
    }

    /// The most messages that were being received at the same moment (from the end of
    /// their DATA to the answer): more than one shows the client sends concurrently.
    pub fn max_in_flight(&self) -> u64 {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }

    /// A slow server: wait this long after each message's DATA before answering (and
    /// recording it). `Duration::ZERO` answers at once.
    pub fn set_delay(&self, delay: Duration) {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.shared.delay_ms.store(ms, Ordering::SeqCst);
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

/// All `http://`/`https://` URLs in `text` that start with `prefix`, in order,
/// with trailing punctuation such as `.` `,` `)` `>` trimmed.
pub fn extract_links(text: &str, prefix: &str) -> Vec<String> {
    let ends_url = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`');
    let mut links = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("http") {
        let candidate = &rest[start..];
        let len = candidate.find(ends_url).unwrap_or(candidate.len());
        let url = candidate[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}']);
        let is_url = url.starts_with("http://") || url.starts_with("https://");
        if is_url && url.starts_with(prefix) {
            links.push(url.to_string());
        }
        rest = &candidate[len.max(4)..];
    }
    links
}

async fn session(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let (mut from, mut to): (Option<String>, Vec<String>) = (None, Vec::new());
    let mut line = Vec::new();
    writer.write_all(b"220 smtp-sink ESMTP ready\r\n").await?;
    loop {
        read_line(&mut reader, &mut line).await?;
        let text = String::from_utf8_lossy(&line);
        let (verb, arg) = text.trim().split_once(' ').unwrap_or((text.trim(), ""));
        let reply = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => "250-smtp-sink\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 OK",
            "HELO" => "250 smtp-sink",
            "MAIL" => match path(arg, "FROM:") {
                Some(addr) => {
                    (from, to) = (Some(addr), Vec::new());
                    "250 2.1.0 OK"
                }
                None => "501 5.5.4 syntax: MAIL FROM:<address>",
            },
            "RCPT" if from.is_none() => "503 5.5.1 MAIL first",
            "RCPT" => match path(arg, "TO:").filter(|a| !a.is_empty()) {
                Some(addr) => {
                    to.push(addr);
                    "250 2.1.5 OK"
                }
                None => "501 5.5.4 syntax: RCPT TO:<address>",
            },
            "DATA" if to.is_empty() => "503 5.5.1 RCPT first",
            "DATA" => {
                writer
                    .write_all(b"354 end data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let data = read_data(&mut reader).await?;
                let now_in_flight = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                shared
                    .max_in_flight
                    .fetch_max(now_in_flight, Ordering::SeqCst);
                let delay = shared.delay_ms.load(Ordering::SeqCst);
                if delay > 0 {
                    tokio::time::sleep(Duration::from_millis(delay)).await;
                }
                shared.in_flight.fetch_sub(1, Ordering::SeqCst);
                let (from, to) = (from.take().unwrap_or_default(), std::mem::take(&mut to));
                if data.len() > MAX_SIZE {
                    "552 5.3.4 message too big"
                } else if shared.failing.load(Ordering::SeqCst) {
                    "451 4.3.0 try again later"
                } else {
                    shared.messages().push(parse(from, to, &data));
                    shared.arrived.notify_waiters();
                    "250 2.0.0 OK queued"
                }
            }
            "RSET" => {
                (from, to) = (None, Vec::new());
                "250 2.0.0 OK"
            }
            "NOOP" => "250 2.0.0 OK",
            "QUIT" => return writer.write_all(b"221 2.0.0 bye\r\n").await,
            _ => "500 5.5.2 command not recognized",
        };
        writer.write_all(format!("{reply}\r\n").as_bytes()).await?;
    }
}

/// Reads one line, terminator included, into `buf`. EOF and over-long lines are errors.
async fn read_line(reader: &mut (impl AsyncBufRead + Unpin), buf: &mut Vec<u8>) -> io::Result<()> {
    buf.clear();
    let n = reader.take(MAX_LINE).read_until(b'\n', buf).await?;
    match n {
        0 => Err(io::ErrorKind::UnexpectedEof.into()),
        n if n as u64 == MAX_LINE && !buf.ends_with(b"\n") => {
            Err(io::ErrorKind::InvalidData.into())
        }
        _ => Ok(()),
    }
}

/// Reads the DATA payload up to the lone `.` line, undoing dot-stuffing.
/// Stops storing (but keeps reading) once past `MAX_SIZE`.
async fn read_data(reader: &mut (impl AsyncBufRead + Unpin)) -> io::Result<Vec<u8>> {
    let (mut data, mut line) = (Vec::new(), Vec::new());
    loop {
        read_line(reader, &mut line).await?;
        if line == b".\r\n" || line == b".\n" {
            return Ok(data);
        }
        if data.len() <= MAX_SIZE {
            data.extend_from_slice(line.strip_prefix(b".").unwrap_or(&line));
        }
    }
}

/// `FROM:<a@b> SIZE=1` → `a@b` (for key `FROM:`); case-insensitive key, `<>` → "".
fn path(arg: &str, key: &str) -> Option<String> {
    let arg = arg.trim_start();
    let head = arg
        .get(..key.len())
        .filter(|head| head.eq_ignore_ascii_case(key))?;
    let inner = arg[head.len()..].trim_start().strip_prefix('<')?;
    Some(inner[..inner.find('>')?].to_string())
}

fn parse(from: String, to: Vec<String>, data: &[u8]) -> ReceivedMail {
    let msg = MessageParser::default().parse(data);
    let msg = msg.as_ref();
    let html = msg.and_then(|m| m.html_bodies().find(|part| part.is_text_html()));
    ReceivedMail {
        from,
        to,
        subject: msg
            .and_then(|m| m.subject())
            .unwrap_or_default()
            .to_string(),
        text: msg
            .and_then(|m| m.body_text(0))
            .unwrap_or_default()
            .into_owned(),
        html: html
            .and_then(|part| part.text_contents())
            .map(str::to_string),
        raw: String::from_utf8_lossy(data).into_owned(),
        message_id: msg.and_then(|m| m.message_id()).map(str::to_string),
    }
}
