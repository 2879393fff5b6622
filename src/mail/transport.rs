//! Where mail goes: SMTP when `DSR_SMTP_URL` is set, `.eml` files otherwise.

use std::path::PathBuf;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::models::OutboxMessage;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl Transport {
    /// `smtp_url` like `smtp://host:25`, `smtps://user:pass@host` or
    /// `smtp://host:587?tls=required` (lettre's URL format).
    pub fn from_settings(smtp_url: Option<&str>, mail_dir: PathBuf) -> Result<Self, String> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| {
                    Transport::Smtp(b.timeout(Some(std::time::Duration::from_secs(30))).build())
                })
                .map_err(|e| e.to_string()),
            None => Ok(Transport::File(
                AsyncFileTransport::new(&mail_dir),
                mail_dir,
            )),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".into(),
            Transport::File(_, dir) => format!(".eml files in {}", dir.display()),
        }
    }

    pub async fn send(&self, from: &Mailbox, m: &OutboxMessage) -> Result<(), String> {
        let message = build_message(from, m)?;
        match self {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::File(t, _) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

fn build_message(from: &Mailbox, m: &OutboxMessage) -> Result<Message, String> {
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
        .body(m.body_text.clone());
    let result = match &m.body_html {
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
