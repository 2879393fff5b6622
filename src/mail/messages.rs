//! One struct per email. Each has three templates under `templates/mail/<name>/`:
//! `subject.txt`, `body.txt` and `body.html`. To add an email: add the struct and its
//! three files here and call `render` from the workflow that causes it.
//!
//! Every email speaks one language: `render` takes a [`Tr`] (from [`tr`]) in the
//! language of the request the email is about (`Request::language`), so a request made
//! in Norwegian gets every later email in Norwegian, also the sweeper's. The words are in
//! `locales/<lang>/mail.ftl`; the organisation, its DPO and the supervisory authority
//! come from the settings through `t.site` and are never translated.

use std::ops::Deref;
use std::sync::Arc;

use askama::Template;
use chrono::NaiveDate;

use super::Email;
use crate::config::Settings;
use crate::domain::case::QuestionPurpose;
use crate::domain::kinds::Kind;
use crate::domain::lang::Lang;
use crate::domain::status::RejectionReason;
use crate::i18n::{Site, Tr};

/// The words of an email in `lang`, with the organisation, DPO and authority from the
/// settings.
pub fn tr(settings: &Settings, lang: Lang) -> Tr {
    Tr::new(lang, Arc::new(Site::from_settings(settings)))
}

/// Who writes: the status page names the organisation and gives its DPO contact. (Emails
/// take the same facts from `t.site`, `templates/mail/_sender.*`.)
#[derive(Debug, Clone)]
pub struct Sender {
    pub organisation: String,
    pub dpo_name: String,
    pub dpo_email: String,
}

impl Sender {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            organisation: s.organisation.clone(),
            dpo_name: s.dpo_name.clone(),
            dpo_email: s.dpo_email.clone(),
        }
    }
}

/// The Art. 12(4) notice as the status page shows it: the supervisory authority (its
/// name, postal and web address). Emails carry it through `templates/mail/_notice.*`,
/// from `t.site`.
#[derive(Debug, Clone)]
pub struct RightsNotice {
    pub authority_name: String,
    pub authority_address: String,
    pub authority_url: String,
}

impl RightsNotice {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            authority_name: s.authority_name.clone(),
            authority_address: s.authority_address.clone(),
            authority_url: s.authority_url.clone(),
        }
    }
}

/// Generates the three template wrappers for a message struct and its `render` method.
/// The templates see the email's data as `m` and its language as `t`.
macro_rules! email {
    ($data:ident, $name:literal, $subject:literal, $text:literal, $html:literal) => {
        impl $data {
            /// The name kept in the outbox's `template` column.
            pub const TEMPLATE: &'static str = $name;

            /// The email in `t`'s language, to `to`.
            pub fn render(&self, t: &Tr, to: &str) -> Result<Email, askama::Error> {
                #[derive(Template)]
                #[template(path = $subject)]
                #[allow(dead_code)] // a subject may need no data (`track`)
                struct Subject<'a> {
                    m: &'a $data,
                    t: &'a Tr,
                }
                #[derive(Template)]
                #[template(path = $text)]
                struct Text<'a> {
                    m: &'a $data,
                    t: &'a Tr,
                }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> {
                    m: &'a $data,
                    t: &'a Tr,
                }
                Ok(Email {
                    template: Self::TEMPLATE,
                    to: to.to_string(),
                    // A subject is one line: a stray newline would start a new header.
                    subject: Subject { m: self, t }
                        .render()?
                        .trim()
                        .replace(['\r', '\n'], " "),
                    text: Text { m: self, t }.render()?,
                    html: Html { m: self, t }.render()?,
                    link: None,
                })
            }
        }
    };
}

/// Sent on submission: confirm the address (DESIGN §3, verification).
pub struct VerifyMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
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

/// To a staff member: a link to set their own password, for a new account (`invite`)
/// or a reset. Written in `DSR_LANGUAGE`; no password is ever in it.
pub struct PasswordLinkMail {
    pub name: String,
    pub invite: bool,
    pub link: String,
    pub valid_hours: i64,
}
email!(
    PasswordLinkMail,
    "password_link",
    "mail/password_link/subject.txt",
    "mail/password_link/body.txt",
    "mail/password_link/body.html"
);

/// One request in a staff email (reminder, digest): no personal data beyond the
/// reference; the link opens the request page behind the login.
#[derive(Debug, Clone)]
pub struct DueLine {
    pub reference: String,
    pub kind: Kind,
    pub due: NaiveDate,
    /// As the queue shows them: frozen while the clock is stopped.
    pub days_left: i64,
    pub paused: bool,
    pub link: String,
}

impl DueLine {
    /// "overdue by 3 days", "due today", "6 days left", in `t`'s language.
    pub fn left(&self, t: &Tr) -> String {
        match self.days_left {
            n if n < 0 => t.t1("mail-due-overdue", "days", -n),
            0 => t.t("mail-due-today"),
            n => t.t1("mail-due-left", "days", n),
        }
    }
}

/// To a handler (or, for an unassigned request, every handler and admin): the requests
/// that reached a reminder threshold or are overdue today, in one email per person per
/// sweep (issue 9). Written in `DSR_LANGUAGE`.
pub struct ReminderMail {
    pub name: String,
    pub overdue: Vec<DueLine>,
    pub due_soon: Vec<DueLine>,
    /// Lines left out of a long email (see the queue).
    pub more: usize,
    pub queue_link: String,
}
impl ReminderMail {
    /// Every request the reminder is about, also those left out of the email.
    pub fn count(&self) -> usize {
        self.overdue.len() + self.due_soon.len() + self.more
    }
}
email!(
    ReminderMail,
    "reminder",
    "mail/reminder/subject.txt",
    "mail/reminder/body.txt",
    "mail/reminder/body.html"
);

/// Kept data whose legal retention has ended, for its handler (issue 10): a follow-up
/// task each, until someone marks the data erased.
pub struct RetentionDueMail {
    pub name: String,
    pub lines: Vec<RetentionDueLine>,
    pub register_link: String,
}
/// One category of one request whose until date has passed.
pub struct RetentionDueLine {
    pub reference: String,
    pub category: String,
    pub until: NaiveDate,
    pub link: String,
}
email!(
    RetentionDueMail,
    "retention_due",
    "mail/retention_due/subject.txt",
    "mail/retention_due/body.txt",
    "mail/retention_due/body.html"
);

/// An objection to direct marketing acted on at once (Art. 21(3)): the subject is told
/// that their address and number are on the suppression list, and whether a handler
/// still decides the other purposes they named.
pub struct ObjectionConfirmedMail {
    pub name: String,
    pub reference: String,
    pub suppressed_phone: bool,
    pub rest_pending: bool,
    pub status_link: String,
    pub link_days: u32,
}
email!(
    ObjectionConfirmedMail,
    "objection_confirmed",
    "mail/objection_confirmed/subject.txt",
    "mail/objection_confirmed/body.txt",
    "mail/objection_confirmed/body.html"
);

/// To the handlers: an objection to direct marketing was acted on automatically (no
/// balancing test, Art. 21(3)); with other purposes it waits for them.
pub struct ObjectionStaffMail {
    pub name: String,
    pub reference: String,
    pub rest_pending: bool,
    pub link: String,
}
email!(
    ObjectionStaffMail,
    "objection_staff",
    "mail/objection_staff/subject.txt",
    "mail/objection_staff/body.txt",
    "mail/objection_staff/body.html"
);

/// Art. 18(3): the subject is told before a restriction is lifted.
pub struct RestrictionLiftMail {
    pub name: String,
    pub reference: String,
    pub categories: Vec<String>,
    pub reason: String,
}
email!(
    RestrictionLiftMail,
    "restriction_lift",
    "mail/restriction_lift/subject.txt",
    "mail/restriction_lift/body.txt",
    "mail/restriction_lift/body.html"
);

/// An Art. 19 notice to a recipient: the request's reference, what changed, the
/// identifiers configured for that recipient and nothing more, and a link to acknowledge.
pub struct NoticeMail {
    pub recipient: String,
    pub reference: String,
    pub kind: Kind,
    /// Rectification: (field, corrected value) of each applied item.
    pub corrections: Vec<(String, String)>,
    /// Erasure or restriction: the categories concerned, in words.
    pub categories: Vec<String>,
    /// (identifier in words, value) as configured for this recipient.
    pub identifiers: Vec<(String, String)>,
    pub link: String,
    /// A reminder of an earlier notice.
    pub reminder: bool,
}
email!(
    NoticeMail,
    "notice",
    "mail/notice/subject.txt",
    "mail/notice/body.txt",
    "mail/notice/body.html"
);

/// A download link for a portability package, sent to the controller the subject named
/// (Art. 20(2)).
pub struct PackageLinkMail {
    pub controller: String,
    pub subject_name: String,
    pub reference: String,
    pub organisation: String,
    pub link: String,
    pub until: NaiveDate,
}
email!(
    PackageLinkMail,
    "package_link",
    "mail/package_link/subject.txt",
    "mail/package_link/body.txt",
    "mail/package_link/body.html"
);

/// Art. 19, second sentence: the recipients told about the subject's request, as the
/// subject asked for them from the status page.
pub struct RecipientsListMail {
    pub name: String,
    pub reference: String,
    /// (recipient, where its notice stands, in words).
    pub lines: Vec<(String, String)>,
}
email!(
    RecipientsListMail,
    "recipients_list",
    "mail/recipients_list/subject.txt",
    "mail/recipients_list/body.txt",
    "mail/recipients_list/body.html"
);

/// One section of the daily digest: its first lines, how many there are in all, and
/// the queue view that shows them all.
#[derive(Debug, Clone)]
pub struct DigestSection {
    pub title_id: &'static str,
    pub lines: Vec<DueLine>,
    pub total: usize,
    pub link: String,
}

impl DigestSection {
    pub fn more(&self) -> usize {
        self.total.saturating_sub(self.lines.len())
    }
}

/// The daily digest to a handler who wants it (issue 9): their overdue, due soon,
/// waiting for the subject and newly assigned requests, how many nobody has taken, and
/// how many emails could not be sent.
pub struct DigestMail {
    pub name: String,
    pub date: NaiveDate,
    pub sections: Vec<DigestSection>,
    /// Past `COUNT_CAP` this is `COUNT_CAP + 1`: "1000+" (`count_text`).
    pub unassigned: i64,
    pub unassigned_link: String,
    /// Emails that could not be sent (the failed-mail page resends them).
    pub failed_mail: i64,
    pub failed_mail_link: String,
    pub account_link: String,
}
impl DigestMail {
    /// A team-wide count as the queue shows it: a number (for the message's plural), or
    /// past `COUNT_CAP` the text "1000+" (the counts stop there,
    /// `db::requests::queue_counts`).
    pub fn count_text(&self, n: &i64) -> crate::domain::msg::Arg {
        use crate::db::requests::COUNT_CAP;
        use crate::domain::msg::Arg;
        if *n > COUNT_CAP {
            Arg::Text(format!("{COUNT_CAP}+"))
        } else {
            Arg::Number(*n)
        }
    }
}
email!(
    DigestMail,
    "digest",
    "mail/digest/subject.txt",
    "mail/digest/body.txt",
    "mail/digest/body.html"
);

/// Sent when the address is verified: the request is in the queue, with its due date.
pub struct AcknowledgementMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    /// The local date of receipt.
    pub received: NaiveDate,
    pub due: NaiveDate,
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

/// "Track my requests": a magic link to the list of the address's requests. Not about
/// one request: it speaks the language of the page it was asked from.
pub struct TrackMail {
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

/// Confirms a withdrawal (by the subject, or by a handler on the subject's behalf).
pub struct WithdrawnMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
}
email!(
    WithdrawnMail,
    "withdrawn",
    "mail/withdrawn/subject.txt",
    "mail/withdrawn/body.txt",
    "mail/withdrawn/body.html"
);

/// A handler's question to the subject (identity, Art. 12(6); clarification; other),
/// with a link to the status page where the subject answers.
pub struct QuestionMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    /// What the question is for (the email says why we ask, in words for the subject).
    pub purpose: QuestionPurpose,
    pub question: String,
    /// Whether the clock stands still until the answer.
    pub pauses: bool,
    pub status_link: String,
    pub link_days: u32,
}
email!(
    QuestionMail,
    "question",
    "mail/question/subject.txt",
    "mail/question/body.txt",
    "mail/question/body.html"
);

impl QuestionMail {
    /// Why we ask, in words for the subject (`mail.ftl`).
    pub fn purpose_id(&self) -> &'static str {
        match self.purpose {
            QuestionPurpose::Identity => "mail-purpose-identity",
            QuestionPurpose::Clarification => "mail-purpose-clarification",
            QuestionPurpose::Other => "mail-purpose-other",
        }
    }
}

/// The Art. 12(3) extension notice: the reason and the new date.
pub struct ExtensionMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    pub reason: String,
    pub previous_due: NaiveDate,
    pub new_due: NaiveDate,
}
email!(
    ExtensionMail,
    "extension",
    "mail/extension/subject.txt",
    "mail/extension/body.txt",
    "mail/extension/body.html"
);

/// What every completion email carries; one template per outcome.
pub struct Completion {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    /// The handler's answer, as previewed.
    pub answer: String,
    /// Why a partial answer is partial (empty otherwise).
    pub reasons: String,
    /// Data kept after an erasure request under a legal obligation (Art. 17(3)(b)).
    pub retained: Vec<RetainedLine>,
    /// Purposes of an objection the organisation will go on processing for, with its
    /// grounds (Art. 21(1)).
    pub refused: Vec<RefusedLine>,
    /// Corrections not made, with the reasons (Art. 16, 12(4)).
    pub refused_items: Vec<RefusedLine>,
    /// The recipients told of the change (Art. 19, second sentence).
    pub recipients: Vec<String>,
    /// An access or portability package to download from the status page, until then.
    pub package_until: Option<NaiveDate>,
}

/// One category kept after an erasure: its words, the law and until when.
pub struct RetainedLine {
    pub category: String,
    pub citation: String,
    pub text: String,
    pub until: NaiveDate,
}

/// One purpose of an objection that was not upheld, with the grounds.
pub struct RefusedLine {
    pub purpose: String,
    pub grounds: String,
}

macro_rules! completion_mail {
    ($(#[$meta:meta])* $name:ident, $tpl:literal, $subject:literal, $text:literal, $html:literal) => {
        $(#[$meta])*
        pub struct $name(pub Completion);
        impl Deref for $name {
            type Target = Completion;
            fn deref(&self) -> &Completion {
                &self.0
            }
        }
        email!($name, $tpl, $subject, $text, $html);
    };
}

completion_mail!(
    /// Completed: fulfilled.
    CompletionFulfilledMail,
    "completion_fulfilled",
    "mail/completion_fulfilled/subject.txt",
    "mail/completion_fulfilled/body.txt",
    "mail/completion_fulfilled/body.html"
);
completion_mail!(
    /// Completed: partially fulfilled. Carries the reasons and the Art. 12(4) notice.
    CompletionPartialMail,
    "completion_partial",
    "mail/completion_partial/subject.txt",
    "mail/completion_partial/body.txt",
    "mail/completion_partial/body.html"
);
completion_mail!(
    /// Completed: no data held.
    CompletionNoDataMail,
    "completion_no_data",
    "mail/completion_no_data/subject.txt",
    "mail/completion_no_data/body.txt",
    "mail/completion_no_data/body.html"
);

/// The completion email for an outcome, in `t`'s language.
pub fn render_completion(
    outcome: crate::domain::status::Outcome,
    c: Completion,
    t: &Tr,
    to: &str,
) -> Result<Email, askama::Error> {
    use crate::domain::status::Outcome;
    match outcome {
        Outcome::Fulfilled => CompletionFulfilledMail(c).render(t, to),
        Outcome::PartiallyFulfilled => CompletionPartialMail(c).render(t, to),
        Outcome::NoDataHeld => CompletionNoDataMail(c).render(t, to),
    }
}

/// A rejection: the reason, the written justification and the Art. 12(4) notice.
pub struct RejectionMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    pub reason: RejectionReason,
    pub justification: String,
}
email!(
    RejectionMail,
    "rejection",
    "mail/rejection/subject.txt",
    "mail/rejection/body.txt",
    "mail/rejection/body.html"
);

impl RejectionMail {
    /// The reason in words for the subject (`mail.ftl`).
    pub fn reason_id(&self) -> &'static str {
        match self.reason {
            RejectionReason::IdentityNotVerified => "mail-reason-identity_not_verified",
            RejectionReason::ManifestlyUnfounded => "mail-reason-manifestly_unfounded",
            RejectionReason::Excessive => "mail-reason-excessive",
            RejectionReason::NotApplicable => "mail-reason-not_applicable",
            RejectionReason::Other => "mail-reason-other",
        }
    }
}

/// No answer to a question in time: the request is closed without action, which is a
/// decision not to act, so the Art. 12(4) notice applies. Sent by the sweeper.
pub struct ExpiryMail {
    pub name: String,
    pub reference: String,
    pub kind: Kind,
    /// When the unanswered question was asked (local date).
    pub asked_on: NaiveDate,
    pub days: u32,
}
email!(
    ExpiryMail,
    "expiry",
    "mail/expiry/subject.txt",
    "mail/expiry/body.txt",
    "mail/expiry/body.html"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Outcome;

    fn site() -> Site {
        Site {
            organisation: "Example Telecom AS".into(),
            dpo_name: "Dana DPO".into(),
            dpo_email: "dpo@telecom.example".into(),
            authority_name: "Datatilsynet".into(),
            authority_address: "Postboks 458 Sentrum, 0105 Oslo, Norway".into(),
            authority_url: "https://www.datatilsynet.no".into(),
        }
    }

    fn t(lang: Lang) -> Tr {
        Tr::new(lang, Arc::new(site()))
    }

    fn en() -> Tr {
        t(Lang::En)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// Every email to a subject names the organisation and its DPO, in both parts.
    fn signed(m: &Email) {
        for part in [&m.text, &m.html] {
            assert!(part.contains("Example Telecom AS"), "{part}");
            assert!(part.contains("Dana DPO"), "{part}");
            assert!(part.contains("dpo@telecom.example"), "{part}");
        }
    }

    /// The Art. 12(4) notice: authority name, postal and web address, judicial remedy
    /// (in the words of `remedy`, the email's language).
    fn has_notice_in(m: &Email, remedy: &str) {
        for part in [&m.text, &m.html] {
            assert!(part.contains("Datatilsynet"), "{part}");
            assert!(part.contains("Postboks 458 Sentrum"), "{part}");
            assert!(part.contains("https://www.datatilsynet.no"), "{part}");
            assert!(part.contains("Art. 12(4)"), "{part}");
            assert!(part.contains(remedy), "{part}");
        }
    }

    fn has_notice(m: &Email) {
        has_notice_in(m, "judicial remedy")
    }

    fn completion(answer: &str, reasons: &str) -> Completion {
        Completion {
            name: "Kari".into(),
            reference: "DSR-2026-000007".into(),
            kind: Kind::Erasure,
            answer: answer.into(),
            reasons: reasons.into(),
            retained: vec![],
            refused: vec![],
            refused_items: vec![],
            recipients: vec![],
            package_until: None,
        }
    }

    fn question(pauses: bool) -> QuestionMail {
        QuestionMail {
            name: "Kari".into(),
            reference: "DSR-2026-000003".into(),
            kind: Kind::Access,
            purpose: QuestionPurpose::Identity,
            question: "Which <address> did you live at?".into(),
            pauses,
            status_link: "http://localhost/s/tok".into(),
            link_days: 30,
        }
    }

    fn extension() -> ExtensionMail {
        ExtensionMail {
            name: "Kari".into(),
            reference: "DSR-2026-000004".into(),
            kind: Kind::Access,
            reason: "Ten years of call records to collect.".into(),
            previous_due: date(2026, 4, 4),
            new_due: date(2026, 6, 5),
        }
    }

    fn expiry() -> ExpiryMail {
        ExpiryMail {
            name: "Kari".into(),
            reference: "DSR-2026-000006".into(),
            kind: Kind::Access,
            asked_on: date(2026, 3, 10),
            days: 30,
        }
    }

    #[test]
    fn question_mail_carries_the_question_the_link_and_whether_the_clock_stops() {
        let m = question(true)
            .render(&en(), "kari@example.no")
            .expect("renders");
        assert_eq!(m.subject, "A question about your request DSR-2026-000003");
        assert!(m.text.contains("Which <address> did you live at?"));
        assert!(!m.html.contains("<address>"), "escaped in HTML");
        assert!(m.text.contains("http://localhost/s/tok"));
        assert!(m.text.contains("stands still"));
        assert!(m.text.contains("confirm who you are (GDPR Art. 12(6))"));
        signed(&m);
        let m = question(false)
            .render(&en(), "kari@example.no")
            .expect("renders");
        assert!(!m.text.contains("stands still"));
    }

    #[test]
    fn extension_mail_gives_the_reason_and_the_new_date_art_12_3() {
        let m = extension()
            .render(&en(), "kari@example.no")
            .expect("renders");
        assert_eq!(
            m.subject,
            "We need more time for your request DSR-2026-000004: new date 5 June 2026"
        );
        for part in [&m.text, &m.html] {
            assert!(part.contains("Ten years of call records to collect."));
            assert!(part.contains("5 June 2026") && part.contains("4 April 2026"));
            assert!(part.contains("Art. 12(3)"));
        }
        signed(&m);
    }

    #[test]
    fn only_the_partial_completion_carries_reasons_and_the_art_12_4_notice() {
        let full = render_completion(
            Outcome::Fulfilled,
            completion("All erased.", ""),
            &en(),
            "k@x.no",
        )
        .expect("renders");
        assert_eq!(full.template, "completion_fulfilled");
        assert!(full.text.contains("All erased."));
        assert!(!full.text.contains("Datatilsynet"));
        signed(&full);
        let none = render_completion(
            Outcome::NoDataHeld,
            completion("Nothing held.", ""),
            &en(),
            "k@x.no",
        )
        .expect("renders");
        assert_eq!(none.template, "completion_no_data");
        assert!(none.subject.contains("no data"));
        signed(&none);
        let part = render_completion(
            Outcome::PartiallyFulfilled,
            completion(
                "Most erased.",
                "Invoices kept 5 years (Bokføringsloven § 13).",
            ),
            &en(),
            "k@x.no",
        )
        .expect("renders");
        assert_eq!(part.template, "completion_partial");
        for p in [&part.text, &part.html] {
            assert!(p.contains("Most erased."));
            assert!(p.contains("Invoices kept 5 years"));
        }
        has_notice(&part);
        signed(&part);
    }

    #[test]
    fn rejection_and_expiry_carry_the_art_12_4_notice() {
        let m = RejectionMail {
            name: "Kari".into(),
            reference: "DSR-2026-000005".into(),
            kind: Kind::Access,
            reason: RejectionReason::Excessive,
            justification: "The fourth identical request this month.".into(),
        }
        .render(&en(), "kari@example.no")
        .expect("renders");
        for p in [&m.text, &m.html] {
            assert!(p.contains("Excessive (Art. 12(5))"));
            assert!(p.contains("The fourth identical request this month."));
        }
        has_notice(&m);
        signed(&m);
        let m = expiry().render(&en(), "kari@example.no").expect("renders");
        assert!(m.text.contains("On 10 March 2026") && m.text.contains("30 days"));
        has_notice(&m);
        signed(&m);
    }

    #[test]
    fn verify_mail_snapshot() {
        let m = VerifyMail {
            name: "Kari <Nordmann>".into(),
            reference: "DSR-2026-000001".into(),
            kind: Kind::Erasure,
            link: "http://localhost/verify/abc".into(),
            valid_days: 7,
        }
        .render(&en(), "kari@example.no")
        .expect("renders");
        assert_eq!(m.subject, "Confirm your request DSR-2026-000001");
        assert!(m.text.contains("Hello Kari <Nordmann>,"));
        assert!(m.text.contains("http://localhost/verify/abc"));
        assert!(m.text.contains("for 7 days from when this email was sent"));
        // HTML escapes what the subject typed.
        assert!(
            m.html.contains("Kari &#60;Nordmann&#62;") || m.html.contains("Kari &lt;Nordmann&gt;")
        );
        assert!(m.html.contains("<html lang=\"en\">"));
        signed(&m);
    }

    #[test]
    fn acknowledgement_names_reference_kind_and_due_date() {
        let ack = |lang| {
            AcknowledgementMail {
                name: "Ola".into(),
                reference: "DSR-2026-000002".into(),
                kind: Kind::Access,
                received: date(2026, 3, 5),
                due: date(2026, 4, 4),
                status_link: "http://localhost/s/xyz".into(),
                link_days: 30,
            }
            .render(&t(lang), "ola@example.no")
            .expect("renders")
        };
        let m = ack(Lang::En);
        assert_eq!(
            m.subject,
            "We have your request DSR-2026-000002: answer by 4 April 2026"
        );
        for part in [&m.text, &m.html] {
            assert!(part.contains("4 April 2026"));
            assert!(part.contains("5 March 2026"));
            assert!(part.contains("http://localhost/s/xyz"));
            assert!(!part.contains("2026-04-04"), "no ISO dates for people");
        }
        let m = ack(Lang::Nb);
        assert!(m.subject.contains("4. april 2026"), "{}", m.subject);
        assert!(m.text.contains("Hei Ola,"), "{}", m.text);
        let m = ack(Lang::Sv);
        assert!(m.subject.contains("4 april 2026"), "{}", m.subject);
        assert!(m.text.contains("Hej Ola,"), "{}", m.text);
    }

    /// Every email renders in every language: the words change, the organisation, the
    /// DPO, the authority and the article numbers do not, and a subject is one line.
    #[test]
    fn every_email_speaks_each_language_with_the_facts_unchanged() {
        let words = [
            (Lang::Nb, "Hei Kari,", "domstolene"),
            (Lang::Sv, "Hej Kari,", "domstol"),
            (Lang::En, "Hello Kari,", "judicial remedy"),
        ];
        for (lang, hello, remedy) in words {
            let t = t(lang);
            let mails = [
                VerifyMail {
                    name: "Kari".into(),
                    reference: "DSR-2026-000001".into(),
                    kind: Kind::Erasure,
                    link: "http://localhost/verify/abc".into(),
                    valid_days: 7,
                }
                .render(&t, "k@x.no"),
                question(true).render(&t, "k@x.no"),
                extension().render(&t, "k@x.no"),
                WithdrawnMail {
                    name: "Kari".into(),
                    reference: "DSR-2026-000008".into(),
                    kind: Kind::Objection,
                }
                .render(&t, "k@x.no"),
                render_completion(Outcome::Fulfilled, completion("Done.", ""), &t, "k@x.no"),
                render_completion(Outcome::NoDataHeld, completion("None.", ""), &t, "k@x.no"),
            ];
            for m in mails {
                let m = m.expect("renders");
                assert!(m.text.contains(hello), "{lang}: {}", m.text);
                assert!(!m.subject.contains('\n') && !m.subject.is_empty());
                assert!(
                    !m.text.contains("mail-"),
                    "{lang}: a message id shows: {}",
                    m.text
                );
                assert!(!m.html.contains("mail-"), "{lang}: a message id shows");
                assert!(m.html.contains(&format!("<html lang=\"{}\">", lang.code())));
                signed(&m);
            }
            let with_notice = [
                expiry().render(&t, "k@x.no"),
                RejectionMail {
                    name: "Kari".into(),
                    reference: "DSR-2026-000005".into(),
                    kind: Kind::Access,
                    reason: RejectionReason::ManifestlyUnfounded,
                    justification: "Why.".into(),
                }
                .render(&t, "k@x.no"),
                render_completion(
                    Outcome::PartiallyFulfilled,
                    completion("Some.", "Kept."),
                    &t,
                    "k@x.no",
                ),
            ];
            for m in with_notice {
                let m = m.expect("renders");
                assert!(m.text.contains(hello), "{lang}: {}", m.text);
                assert!(
                    !m.text.contains("mail-"),
                    "{lang}: a message id shows: {}",
                    m.text
                );
                has_notice_in(&m, remedy);
                signed(&m);
            }
            let track = TrackMail {
                link: "http://localhost/s/t".into(),
                link_days: 30,
                count: 2,
            }
            .render(&t, "k@x.no")
            .expect("renders");
            assert!(track.subject.contains("Example Telecom AS"));
            assert!(!track.text.contains("mail-"), "{lang}: {}", track.text);
            signed(&track);
        }
    }

    #[test]
    fn norwegian_and_swedish_dates_and_words() {
        let m = extension().render(&t(Lang::Nb), "k@x.no").expect("renders");
        assert_eq!(
            m.subject,
            "Vi trenger mer tid til henvendelsen din DSR-2026-000004: ny frist 5. juni 2026"
        );
        assert!(m.text.contains("4. april 2026"), "{}", m.text);
        assert!(m.text.contains("Art. 12(3)"));
        let m = expiry().render(&t(Lang::Sv), "k@x.no").expect("renders");
        assert!(m.text.contains("10 mars 2026"), "{}", m.text);
        assert!(m.text.contains("30 dagar"), "{}", m.text);
        assert!(
            m.text.contains("Datatilsynet"),
            "the authority from the settings, untranslated"
        );
    }
}
