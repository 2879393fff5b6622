//! One struct per email. Each has three templates under `templates/mail/<name>/`:
//! `subject.txt`, `body.txt` and `body.html`. To add an email: add the struct and its
//! three files here and call `render` from the workflow that causes it.

use askama::Template;

use super::Email;

/// Generates the three template wrappers for a message struct and its `render` method.
macro_rules! email {
    ($data:ident, $name:literal, $subject:literal, $text:literal, $html:literal) => {
        impl $data {
            /// The name kept in the outbox's `template` column.
            pub const TEMPLATE: &'static str = $name;

            pub fn render(&self, to: &str) -> Result<Email, askama::Error> {
                #[derive(Template)]
                #[template(path = $subject)]
                struct Subject<'a> {
                    m: &'a $data,
                }
                #[derive(Template)]
                #[template(path = $text)]
                struct Text<'a> {
                    m: &'a $data,
                }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> {
                    m: &'a $data,
                }
                Ok(Email {
                    template: Self::TEMPLATE,
                    to: to.to_string(),
                    // A subject is one line: a stray newline would start a new header.
                    subject: Subject { m: self }
                        .render()?
                        .trim()
                        .replace(['\r', '\n'], " "),
                    text: Text { m: self }.render()?,
                    html: Html { m: self }.render()?,
                    link: None,
                })
            }
        }
    };
}

/// Sent on submission: confirm the address (DESIGN §3, verification).
pub struct VerifyMail {
    pub organisation: String,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub link: String,
    /// How long the link works, counted from when the email is sent (it may wait in
    /// the outbox during a mail outage).
    pub valid_days: u32,
}
email!(
    VerifyMail,
    "verify",
    "mail/verify/subject.txt",
    "mail/verify/body.txt",
    "mail/verify/body.html"
);

/// Sent when the address is verified: the request is in the queue, with its due date.
pub struct AcknowledgementMail {
    pub organisation: String,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub received: String,
    pub due: String,
    pub status_link: String,
    pub link_days: u32,
}
email!(
    AcknowledgementMail,
    "acknowledgement",
    "mail/acknowledgement/subject.txt",
    "mail/acknowledgement/body.txt",
    "mail/acknowledgement/body.html"
);

/// "Track my requests": a magic link to the list of the address's requests.
pub struct TrackMail {
    pub organisation: String,
    pub link: String,
    pub link_days: u32,
    pub count: usize,
}
email!(
    TrackMail,
    "track",
    "mail/track/subject.txt",
    "mail/track/body.txt",
    "mail/track/body.html"
);

/// Confirms a withdrawal.
pub struct WithdrawnMail {
    pub organisation: String,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
}
email!(
    WithdrawnMail,
    "withdrawn",
    "mail/withdrawn/subject.txt",
    "mail/withdrawn/body.txt",
    "mail/withdrawn/body.html"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_mail_snapshot() {
        let m = VerifyMail {
            organisation: "Example Telecom AS".into(),
            name: "Kari <Nordmann>".into(),
            reference: "DSR-2026-000001".into(),
            kind_label: "Erasure of my data (Art. 17)".into(),
            link: "http://localhost/verify/abc".into(),
            valid_days: 7,
        }
        .render("kari@example.no")
        .expect("renders");
        assert_eq!(m.subject, "Confirm your request DSR-2026-000001");
        assert!(m.text.contains("Hello Kari <Nordmann>,"));
        assert!(m.text.contains("http://localhost/verify/abc"));
        assert!(m.text.contains("for 7 days from when this email was sent"));
        // HTML escapes what the subject typed.
        assert!(
            m.html.contains("Kari &#60;Nordmann&#62;") || m.html.contains("Kari &lt;Nordmann&gt;")
        );
    }

    #[test]
    fn acknowledgement_names_reference_kind_and_due_date() {
        let m = AcknowledgementMail {
            organisation: "Example Telecom AS".into(),
            name: "Ola".into(),
            reference: "DSR-2026-000002".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            received: "2026-03-05".into(),
            due: "2026-04-04".into(),
            status_link: "http://localhost/s/xyz".into(),
            link_days: 30,
        }
        .render("ola@example.no")
        .expect("renders");
        assert!(m.subject.contains("DSR-2026-000002"));
        for part in [&m.text, &m.html] {
            assert!(part.contains("Access to my data (Art. 15)"));
            assert!(part.contains("2026-04-04"));
            assert!(part.contains("http://localhost/s/xyz"));
        }
    }
}
