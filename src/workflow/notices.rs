//! Art. 19 notices to recipients (issue 11, DESIGN §6). On completing a rectification,
//! erasure or restriction the handler confirms which recipients to tell (preselected by
//! the categories they receive); `queue_notices` writes one notice per recipient, its
//! link (a hash only) and its email in the completion's transaction. A link opens that
//! one notice and needs no login; acknowledging is a POST (mail scanners open links).
//! Open notices are reminded every `DSR_NOTICE_REMINDER_DAYS` with a fresh link (links
//! are kept only as hashes); every link of a notice works until it is acknowledged. A
//! notice may be exempt (impossible or disproportionate effort) with a justification.

use chrono::{Duration, NaiveDateTime};

use super::case::invalid;
use super::users::Staff;
use super::{audit, Actor, Conn, Ctx, Event, WorkflowError};
use crate::db::models::{Notice, NoticeLink, Recipient, Request};
use crate::db::{self, DbConn};
use crate::domain::categories::{label_in, Category, CategoryOutcome};
use crate::domain::kinds::{FormInput, Kind, RequestDetails};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FreeText};
use crate::domain::recipients::{
    notice_status, parse_identifiers, preselect, Identifier, NoticeStatus, RecipientKind,
};
use crate::domain::tokens;
use crate::i18n::Tr;
use crate::mail::messages::{self, NoticeMail, RecipientsListMail};
use crate::mail::outbox::enqueue;

/// Notices reminded per sweep.
const BATCH: i64 = 200;

/// The kinds whose completion tells recipients (Art. 19: rectification, erasure,
/// restriction).
pub fn notifies(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Rectification | Kind::Erasure | Kind::Restriction
    )
}

/// A recipient the completion form offers.
pub struct RecipientChoice {
    pub id: String,
    pub name: String,
    pub kind: RecipientKind,
    pub country: String,
    pub preselected: bool,
}

/// The data categories a request's notices are about: a rectification's applied items'
/// categories, an erasure's erased categories, a restriction's restricted ones.
fn request_categories(conn: &mut DbConn, request: &Request) -> Result<Vec<String>, WorkflowError> {
    Ok(match request.kind()? {
        Kind::Rectification => db::recipients::items(conn, &request.id)?
            .into_iter()
            .filter(|i| i.decision.as_deref() == Some("applied"))
            .filter_map(|i| i.category_code)
            .collect(),
        Kind::Erasure | Kind::Restriction => {
            let want = match request.kind()? {
                Kind::Erasure => CategoryOutcome::Erased,
                _ => CategoryOutcome::Restricted,
            };
            db::outcomes::for_request(conn, &request.id)?
                .into_iter()
                .filter(|o| o.outcome == want.as_str())
                .map(|o| o.category_code)
                .collect()
        }
        _ => Vec::new(),
    })
}

/// The active recipients, those sharing a category with the request preselected.
pub fn choices(
    conn: &mut DbConn,
    request: &Request,
) -> Result<Vec<RecipientChoice>, WorkflowError> {
    if !notifies(request.kind()?) {
        return Ok(Vec::new());
    }
    let cats = request_categories(conn, request)?;
    let register: Vec<(Recipient, Vec<String>)> = db::recipients::all(conn)?
        .into_iter()
        .filter(|(r, _)| r.active)
        .collect();
    let pairs: Vec<(String, Vec<String>)> = register
        .iter()
        .map(|(r, c)| (r.id.clone(), c.clone()))
        .collect();
    let chosen = preselect(&cats, &pairs);
    register
        .into_iter()
        .map(|(r, _)| {
            Ok(RecipientChoice {
                preselected: chosen.contains(&r.id),
                kind: RecipientKind::parse(&r.kind)
                    .ok_or_else(|| WorkflowError::Internal(format!("recipient kind {}", r.kind)))?,
                id: r.id,
                name: r.name,
                country: r.country,
            })
        })
        .collect()
}

/// The recipients ticked on the completion form (sorted, without repeats).
pub fn parse_recipients(f: &dyn FormInput) -> Vec<String> {
    let mut ids: Vec<String> = f
        .values("recipient")
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Check the chosen recipients before completing: only for the kinds that notify, only
/// active recipients of the register.
pub(crate) fn check_recipients(
    conn: &mut DbConn,
    request: &Request,
    ids: &[String],
) -> Result<(), WorkflowError> {
    if ids.is_empty() {
        return Ok(());
    }
    if !notifies(request.kind()?) {
        return Err(invalid("recipients", Msg::new("case-notice-not-for-kind")));
    }
    for id in ids {
        if !db::recipients::find(conn, id)?.is_some_and(|r| r.active) {
            return Err(invalid(
                "recipients",
                Msg::new("case-notice-unknown-recipient"),
            ));
        }
    }
    Ok(())
}

/// Inside the completing transaction: a notice, its link and its email for each chosen
/// recipient. Returns how many.
pub(crate) fn queue_notices(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    request: &Request,
    ids: &[String],
) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let t = messages::tr(ctx.settings, ctx.settings.language);
    let register = super::registers::categories(conn)?;
    let mut queued = Vec::new();
    for id in ids {
        let Some(recipient) = db::recipients::find(conn, id)? else {
            continue;
        };
        let notice = Notice {
            id: uuid::Uuid::new_v4().to_string(),
            request_id: request.id.clone(),
            recipient_id: recipient.id.clone(),
            outbox_id: None,
            created_by: by.id.clone(),
            created_at: now,
            last_sent_at: None,
            acknowledged_at: None,
            exempt_reason: None,
        };
        db::recipients::insert_notice(conn, &notice)?;
        send(
            conn, ctx, &t, &register, &notice, &recipient, request, false, now,
        )?;
        queued.push(recipient.id.clone());
    }
    if !queued.is_empty() {
        audit(
            conn,
            &request.id,
            &by.actor(),
            Event {
                action: "notices_queued",
                from: None,
                to: None,
                note: Some(&format!("Art. 19 notices to {}", queued.join(", "))),
            },
            now,
        )?;
    }
    Ok(queued.len())
}

/// A fresh link and the notice's email (first or reminder), recorded on the notice.
#[allow(clippy::too_many_arguments)]
fn send(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &Tr,
    register: &[Category],
    notice: &Notice,
    recipient: &Recipient,
    request: &Request,
    reminder: bool,
    now: NaiveDateTime,
) -> Result<(), WorkflowError> {
    let token = tokens::generate();
    db::recipients::insert_link(
        conn,
        &NoticeLink {
            token_hash: token.hash.clone(),
            notice_id: notice.id.clone(),
            created_at: now,
        },
    )?;
    let (corrections, categories) = what_changed(conn, request, recipient, register, t)?;
    let mail = NoticeMail {
        recipient: recipient.name.clone(),
        reference: request.reference.clone(),
        kind: request.kind()?,
        corrections,
        categories,
        identifiers: identifiers(request, recipient, t),
        link: format!("{}/notice/{}", ctx.settings.base_url, token.secret),
        reminder,
    }
    .render(t, &recipient.email)?
    // Sealed while pending, redacted once sent (the outbox's link handling; the id is the
    // notice's, not a `tokens` row: its validity is the notice's own).
    .carrying(&notice.id, &token.secret);
    let outbox_id = enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
    db::recipients::set_sent(conn, &notice.id, &outbox_id, now)?;
    Ok(())
}

/// What a notice says changed: (field, corrected value) of each applied correction, and
/// the categories concerned in words.
type Changes = (Vec<(String, String)>, Vec<String>);

/// What a notice says changed: a rectification's applied corrections, or the erased or
/// restricted categories this recipient receives (all of them when it receives none).
fn what_changed(
    conn: &mut DbConn,
    request: &Request,
    recipient: &Recipient,
    register: &[Category],
    t: &Tr,
) -> Result<Changes, WorkflowError> {
    match request.details()? {
        RequestDetails::Rectification { items } => {
            let decided = db::recipients::items(conn, &request.id)?;
            let corrections = items
                .iter()
                .enumerate()
                .filter(|(n, _)| {
                    decided.iter().any(|d| {
                        d.item_no == *n as i32 + 1 && d.decision.as_deref() == Some("applied")
                    })
                })
                .map(|(_, i)| (i.field.clone(), i.corrected_value.clone()))
                .collect();
            Ok((corrections, Vec::new()))
        }
        RequestDetails::Erasure { .. } | RequestDetails::Restriction { .. } => {
            let all = request_categories(conn, request)?;
            let receives = db::recipients::categories_of(conn, &recipient.id)?;
            let mine: Vec<&String> = all.iter().filter(|c| receives.contains(c)).collect();
            let shown: Vec<&String> = if mine.is_empty() {
                all.iter().collect()
            } else {
                mine
            };
            Ok((
                Vec::new(),
                shown
                    .into_iter()
                    .map(|c| label_in(register, c, t))
                    .collect(),
            ))
        }
        _ => Ok((Vec::new(), Vec::new())),
    }
}

/// The identifiers configured for the recipient that the request has, and no more.
fn identifiers(request: &Request, recipient: &Recipient, t: &Tr) -> Vec<(String, String)> {
    parse_identifiers(&recipient.identifiers)
        .into_iter()
        .filter_map(|i| {
            let value = match i {
                Identifier::CustomerNumber => request.customer_number.clone(),
                Identifier::Email => request.subject_email.clone(),
                Identifier::Phone => request.subject_phone.clone(),
                Identifier::Name => Some(request.subject_name.clone()),
            }?;
            Some((t.t(i.label_id()), value))
        })
        .collect()
}

// --- The recipient's link -------------------------------------------------------------------

/// What a notice's link shows.
pub struct AckView {
    pub recipient: String,
    pub reference: String,
    pub kind: Kind,
    pub corrections: Vec<(String, String)>,
    pub categories: Vec<String>,
    pub acknowledged_at: Option<NaiveDateTime>,
    pub exempt: bool,
}

fn by_secret(
    conn: &mut DbConn,
    secret: &str,
) -> Result<(Notice, Recipient, Request), WorkflowError> {
    if !tokens::looks_valid(secret) {
        return Err(WorkflowError::NotFound);
    }
    db::recipients::by_link(conn, &tokens::hash(secret))?.ok_or(WorkflowError::NotFound)
}

fn ack_view(
    conn: &mut DbConn,
    notice: &Notice,
    recipient: &Recipient,
    request: &Request,
    t: &Tr,
) -> Result<AckView, WorkflowError> {
    let register = super::registers::categories(conn)?;
    let (corrections, categories) = what_changed(conn, request, recipient, &register, t)?;
    Ok(AckView {
        recipient: recipient.name.clone(),
        reference: request.reference.clone(),
        kind: request.kind()?,
        corrections,
        categories,
        acknowledged_at: notice.acknowledged_at,
        exempt: notice.exempt_reason.is_some(),
    })
}

/// The notice a link opens (404 for any other link).
pub fn open_link(conn: &mut Conn, secret: &str, t: &Tr) -> Result<AckView, WorkflowError> {
    let (notice, recipient, request) = by_secret(conn, secret)?;
    ack_view(conn, &notice, &recipient, &request, t)
}

/// Acknowledge the notice a link opens: once (a second POST changes nothing), audited on
/// the request under the recipient's name.
pub fn acknowledge(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    secret: &str,
    t: &Tr,
) -> Result<AckView, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let (notice, recipient, request) = by_secret(conn, secret)?;
        if db::recipients::acknowledge(conn, &notice.id, now)? {
            audit(
                conn,
                &request.id,
                &Actor::System,
                Event {
                    action: "notice_acknowledged",
                    from: None,
                    to: None,
                    note: Some(&format!("by {} ({})", recipient.name, recipient.id)),
                },
                now,
            )?;
        }
        let (notice, recipient, request) = by_secret(conn, secret)?;
        ack_view(conn, &notice, &recipient, &request, t)
    })
}

// --- Exemption, reminders, the overview --------------------------------------------------------

/// Shortest justification of an exemption: "impossible or disproportionate effort"
/// (Art. 19) must be explained. Our own threshold; the law gives none.
pub const EXEMPT_MIN_CHARS: usize = 20;

pub fn parse_exemption(f: &dyn FormInput) -> Result<(String, FreeText), WorkflowError> {
    let notice = f.value("notice").trim().to_string();
    let field = format!("exempt_reason-{notice}");
    let raw = f.value("exempt_reason");
    if raw.trim().chars().count() < EXEMPT_MIN_CHARS {
        return Err(invalid(
            &field,
            Msg::new("case-notice-exempt-why").arg("min", EXEMPT_MIN_CHARS),
        ));
    }
    let reason = FreeText::parse(raw, limits::FREE_TEXT, "why").map_err(|m| invalid(&field, m))?;
    Ok((notice, reason))
}

/// Mark a notice exempt: impossible or disproportionate effort (Art. 19), with the
/// written justification. Only an open notice of this request.
pub fn exempt(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    request_id: &str,
    notice_id: &str,
    reason: &FreeText,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        if !db::recipients::exempt(conn, notice_id, request_id, reason.as_str())? {
            return Err(WorkflowError::Conflict(Msg::new("case-notice-not-open")));
        }
        audit(
            conn,
            request_id,
            &by.actor(),
            Event {
                action: "notice_exempt",
                from: None,
                to: None,
                note: Some(reason.as_str()),
            },
            now,
        )
    })
}

/// The sweeper: every open notice whose latest email is `DSR_NOTICE_REMINDER_DAYS` old
/// gets a reminder with a fresh link, recorded on the notice in the same transaction (so
/// once per period, and never after it is acknowledged or exempt).
pub fn remind(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let before = now - Duration::days(i64::from(ctx.settings.notice_reminder_days));
    if db::recipients::due_reminder(conn, before, 1)?.is_empty() {
        return Ok(0);
    }
    db::write_transaction(conn, |conn| {
        let due = db::recipients::due_reminder(conn, before, BATCH)?;
        let t = messages::tr(ctx.settings, ctx.settings.language);
        let register = super::registers::categories(conn)?;
        for (notice, recipient, request) in &due {
            send(
                conn, ctx, &t, &register, notice, recipient, request, true, now,
            )?;
            audit(
                conn,
                &request.id,
                &Actor::System,
                Event {
                    action: "notice_reminded",
                    from: None,
                    to: None,
                    note: Some(&recipient.id),
                },
                now,
            )?;
        }
        Ok(due.len())
    })
}

/// One notice as pages show it.
pub struct NoticeLine {
    pub id: String,
    pub request_id: String,
    pub reference: String,
    pub recipient: String,
    pub status: NoticeStatus,
    pub last_sent_at: Option<NaiveDateTime>,
    pub acknowledged_at: Option<NaiveDateTime>,
    pub exempt_reason: Option<String>,
}

fn line(n: Notice, r: Recipient, mail: Option<String>, reference: String) -> NoticeLine {
    NoticeLine {
        status: notice_status(
            n.acknowledged_at.is_some(),
            n.exempt_reason.is_some(),
            mail.as_deref(),
        ),
        id: n.id,
        request_id: n.request_id,
        reference,
        recipient: r.name,
        last_sent_at: n.last_sent_at,
        acknowledged_at: n.acknowledged_at,
        exempt_reason: n.exempt_reason,
    }
}

/// A request's notices (the request page, the subject's status page).
pub fn for_request(conn: &mut DbConn, request: &Request) -> Result<Vec<NoticeLine>, WorkflowError> {
    Ok(db::recipients::for_request(conn, &request.id)?
        .into_iter()
        .map(|(n, r, m)| line(n, r, m, request.reference.clone()))
        .collect())
}

/// Open notices across requests, oldest email first (the dashboard view).
pub fn open(conn: &mut Conn) -> Result<Vec<NoticeLine>, WorkflowError> {
    Ok(db::recipients::open(conn, 500)?
        .into_iter()
        .map(|(n, r, m, q)| line(n, r, m, q.reference))
        .collect())
}

// --- The subject asks for the list (Art. 19, second sentence) --------------------------------

/// Email the subject the list of recipients told about their request, with where each
/// notice stands. Only for the address the request belongs to (others: not found).
pub fn email_list_to_subject(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    subject_email: &str,
    request_id: &str,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = db::requests::find(conn, request_id)?
            .filter(|r| r.subject_email.as_deref() == Some(subject_email))
            .ok_or(WorkflowError::NotFound)?;
        let t = messages::tr(ctx.settings, request.language(ctx.settings));
        let lines = for_request(conn, &request)?
            .into_iter()
            .map(|n| {
                let mut status = t.t(n.status.label_id());
                if let Some(r) = &n.exempt_reason {
                    status = format!("{status}: {r}");
                }
                (n.recipient, status)
            })
            .collect();
        let mail = RecipientsListMail {
            name: request.subject_name.clone(),
            reference: request.reference.clone(),
            lines,
        }
        .render(&t, subject_email)?;
        enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
        audit(
            conn,
            &request.id,
            &Actor::Subject,
            Event {
                action: "recipients_list_sent",
                from: None,
                to: None,
                note: None,
            },
            now,
        )
    })
}
