//! Objection (Art. 21, issue 10, DESIGN §5) and the suppression list.
//! - Direct marketing: no balancing test is allowed (Art. 21(3)). Once the request is
//!   verified (`on_verified`, inside the verifying transaction) the subject's address and
//!   number go on the suppression list, the subject is told and the handlers too; when
//!   direct marketing is all they objected to, the request is completed there and then.
//! - Other purposes: a handler decides each (`decide`): upheld, or refused with the
//!   compelling legitimate grounds or legal claims (Art. 21(1)), which the completion
//!   email gives with the Art. 12(4) notice.

use super::case::{current, edit, invalid, mail_tr, not_closed, stale};
use super::intake::new_access_link;
use super::users::Staff;
use super::{apply_transition, audit, Actor, Conn, Ctx, Event, Record, WorkflowError};
/// An entry of the suppression list as stored.
pub use crate::db::models::Suppression;
use crate::db::models::{ObjectionDecision, Request};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::kinds::{FormInput, RequestDetails, OBJECTION_PURPOSES};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FreeText};
use crate::domain::status::{transition, Action, Outcome};
use crate::domain::suppression::normalise_phone;
use crate::i18n::Tr;
use crate::mail::messages::{self, ObjectionConfirmedMail, ObjectionStaffMail, RefusedLine};
use crate::mail::outbox::enqueue;

pub const DIRECT_MARKETING: &str = "direct_marketing";

/// Shortest grounds for refusing an objection: a word or two is not "compelling
/// legitimate grounds" (Art. 21(1)). Our own threshold; the law gives none.
pub const GROUNDS_MIN_CHARS: usize = 40;

/// What `on_verified` did.
pub(crate) struct Handled {
    /// Direct marketing was all: the request is completed.
    pub completed: bool,
    /// The status link the confirmation carries (when the request has an address).
    pub access: Option<super::intake::AccessLink>,
}

/// Inside the transaction that verified `request_id`: act on an objection to direct
/// marketing at once (module comment). `None` for any other request.
pub(crate) fn on_verified(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request_id: &str,
) -> Result<Option<Handled>, WorkflowError> {
    let request = db::requests::find(conn, request_id)?.ok_or(WorkflowError::NotFound)?;
    let RequestDetails::Objection { purposes, .. } = request.details()? else {
        return Ok(None);
    };
    if !purposes.iter().any(|p| p == DIRECT_MARKETING) {
        return Ok(None);
    }
    let now = ctx.now_db();
    let mut listed = Vec::new();
    if let Some(email) = request.subject_email.as_deref() {
        db::suppressions::add(conn, &suppression("email", email, &request, now))?;
        listed.push("email");
    }
    let phone = request.subject_phone.as_deref().and_then(normalise_phone);
    if let Some(phone) = &phone {
        db::suppressions::add(conn, &suppression("phone", phone, &request, now))?;
        listed.push("phone");
    }
    db::outcomes::put_decision(
        conn,
        &ObjectionDecision {
            request_id: request.id.clone(),
            purpose: DIRECT_MARKETING.into(),
            upheld: true,
            grounds: None,
            decided_by: None,
            decided_at: now,
        },
    )?;
    audit(
        conn,
        &request.id,
        &Actor::System,
        Event {
            action: "suppressed",
            from: None,
            to: None,
            note: Some(&format!(
                "direct marketing stopped (Art. 21(3)): {} on the suppression list",
                if listed.is_empty() {
                    "nothing to list".to_string()
                } else {
                    listed.join(" and ")
                }
            )),
        },
        now,
    )?;
    let rest_pending = purposes.iter().any(|p| p != DIRECT_MARKETING);
    let t = mail_tr(ctx, &request);
    if !rest_pending {
        complete_automatically(conn, ctx, &request, &t)?;
    }
    tell_handlers(conn, ctx, &request, rest_pending)?;
    let access = match request.subject_email.as_deref() {
        Some(to) => {
            let access = new_access_link(conn, ctx, to, Some(&request.id))?;
            let mail = ObjectionConfirmedMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                suppressed_phone: phone.is_some(),
                rest_pending,
                status_link: access.link.clone(),
                link_days: ctx.settings.access_link_days,
            }
            .render(&t, to)?
            .carrying(&access.access.token_id, &access.secret);
            enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
            Some(access)
        }
        None => None,
    };
    Ok(Some(Handled {
        completed: !rest_pending,
        access,
    }))
}

fn suppression(
    kind: &str,
    value: &str,
    request: &Request,
    now: chrono::NaiveDateTime,
) -> Suppression {
    Suppression {
        kind: kind.into(),
        value: value.into(),
        request_id: Some(request.id.clone()),
        created_at: now,
    }
}

/// Open → in progress → completed (fulfilled), by the system, with the answer recorded.
fn complete_automatically(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    t: &Tr,
) -> Result<(), WorkflowError> {
    let start = transition(request.status()?, Action::Start)?;
    let record = Record {
        actor: &Actor::System,
        action: "started",
        note: Some("objection to direct marketing (Art. 21(3))"),
    };
    if !apply_transition(
        conn,
        ctx,
        request,
        &start,
        RequestChanges::default(),
        record,
    )? {
        return Err(stale(request));
    }
    let request = db::requests::find(conn, &request.id)?.ok_or(WorkflowError::NotFound)?;
    let done = transition(request.status()?, Action::Complete(Outcome::Fulfilled))?;
    let answer = t.t("case-objection-automatic-answer");
    let changes = RequestChanges {
        answer_text: Some(Some(&answer)),
        ..Default::default()
    };
    let record = Record {
        actor: &Actor::System,
        action: "completed",
        note: Some("direct marketing stopped without a balancing test (Art. 21(3))"),
    };
    if !apply_transition(conn, ctx, &request, &done, changes, record)? {
        return Err(stale(&request));
    }
    Ok(())
}

/// The assignee, or every handler and admin: references and links only.
fn tell_handlers(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    rest_pending: bool,
) -> Result<(), WorkflowError> {
    let workers = db::users::case_workers(conn)?;
    let to: Vec<_> = match request
        .assignee_id
        .as_deref()
        .and_then(|a| workers.iter().find(|w| w.id == a))
    {
        Some(w) => vec![w],
        None => workers.iter().collect(),
    };
    let t = messages::tr(ctx.settings, ctx.settings.language);
    for w in to {
        let mail = ObjectionStaffMail {
            name: w.name.clone(),
            reference: request.reference.clone(),
            rest_pending,
            link: format!(
                "{}/dashboard/requests/{}",
                ctx.settings.base_url, request.id
            ),
        }
        .render(&t, &w.email)?;
        enqueue(conn, &ctx.sealer(), &mail, None, ctx.now_db())?;
    }
    Ok(())
}

// --- The handler's decision on the other purposes -------------------------------------------

pub struct DecisionInput {
    pub purpose: String,
    pub upheld: bool,
    pub grounds: Option<FreeText>,
}

/// The form beside one purpose; errors name the purpose (`grounds-profiling`).
pub fn parse_decision(f: &dyn FormInput) -> Result<DecisionInput, WorkflowError> {
    let purpose = f.value("purpose").trim().to_string();
    let field = |name: &str| format!("{name}-{purpose}");
    let upheld = match f.value("decision") {
        "upheld" => true,
        "refused" => false,
        _ => {
            return Err(invalid(
                &field("decision"),
                Msg::new("case-objection-choose"),
            ))
        }
    };
    let grounds = if upheld {
        None
    } else {
        let raw = f.value("grounds");
        if raw.trim().chars().count() < GROUNDS_MIN_CHARS {
            return Err(invalid(
                &field("grounds"),
                Msg::new("case-objection-grounds").arg("min", GROUNDS_MIN_CHARS),
            ));
        }
        Some(
            FreeText::parse(raw, limits::FREE_TEXT, "grounds")
                .map_err(|m| invalid(&field("grounds"), m))?,
        )
    };
    Ok(DecisionInput {
        purpose,
        upheld,
        grounds,
    })
}

/// Decide one purpose of an objection: upheld (processing for it stops) or refused with
/// grounds. Direct marketing is never refused (Art. 21(3)).
pub fn decide(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    d: &DecisionInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        not_closed(&request)?;
        let RequestDetails::Objection { purposes, .. } = request.details()? else {
            return Err(WorkflowError::NotFound);
        };
        let field = |name: &str| format!("{name}-{}", d.purpose);
        if !purposes.contains(&d.purpose) {
            return Err(invalid(
                &field("decision"),
                Msg::new("case-objection-choose"),
            ));
        }
        if d.purpose == DIRECT_MARKETING && !d.upheld {
            return Err(invalid(
                &field("decision"),
                Msg::new("case-objection-dm-absolute"),
            ));
        }
        db::outcomes::put_decision(
            conn,
            &ObjectionDecision {
                request_id: request.id.clone(),
                purpose: d.purpose.clone(),
                upheld: d.upheld,
                grounds: d.grounds.as_ref().map(|g| g.as_str().to_string()),
                decided_by: Some(by.id.clone()),
                decided_at: now,
            },
        )?;
        let note = match &d.grounds {
            None => format!("{}: upheld, processing for it stops", d.purpose),
            Some(g) => format!("{}: refused (Art. 21(1)): {}", d.purpose, g.as_str()),
        };
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "objection_decided",
            &note,
        )
    })
}

/// The refused purposes of an objection with their grounds, for the completion email.
pub(crate) fn refused_lines(
    conn: &mut DbConn,
    request: &Request,
    purposes: &[String],
    t: &Tr,
) -> Result<Vec<RefusedLine>, WorkflowError> {
    Ok(db::outcomes::decisions(conn, &request.id)?
        .into_iter()
        .filter(|d| !d.upheld && purposes.contains(&d.purpose))
        .map(|d| RefusedLine {
            purpose: super::retention::purpose_label(&d.purpose, t),
            grounds: d.grounds.unwrap_or_default(),
        })
        .collect())
}

/// One purpose of an objection with its decision, for the request page.
pub struct PurposeRow {
    pub code: String,
    pub label: String,
    /// `Some(true)` upheld, `Some(false)` refused, `None` undecided.
    pub upheld: Option<bool>,
    pub grounds: Option<String>,
    pub by_system: bool,
}

pub fn purposes_view(
    conn: &mut Conn,
    request: &Request,
    t: &Tr,
) -> Result<Vec<PurposeRow>, WorkflowError> {
    let RequestDetails::Objection { purposes, .. } = request.details()? else {
        return Ok(Vec::new());
    };
    let decided = db::outcomes::decisions(conn, &request.id)?;
    Ok(purposes
        .iter()
        .filter(|p| OBJECTION_PURPOSES.iter().any(|(c, _)| c == p))
        .map(|p| {
            let d = decided.iter().find(|d| &d.purpose == p);
            PurposeRow {
                code: p.clone(),
                label: super::retention::purpose_label(p, t),
                upheld: d.map(|d| d.upheld),
                grounds: d.and_then(|d| d.grounds.clone()),
                by_system: d.is_some_and(|d| d.decided_by.is_none()),
            }
        })
        .collect())
}

// --- The suppression list ------------------------------------------------------------------

/// The newest entries, for the page.
pub fn suppression_page(conn: &mut Conn) -> Result<(Vec<Suppression>, i64), WorkflowError> {
    Ok((
        db::suppressions::page(conn, 500)?,
        db::suppressions::count(conn)?,
    ))
}

/// The whole list for marketing systems (the export is audited by the caller's actor).
pub fn suppression_export(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    format: &str,
) -> Result<Vec<Suppression>, WorkflowError> {
    let rows = db::suppressions::all(conn)?;
    db::write_transaction(conn, |conn| {
        db::audit::record(
            conn,
            &crate::db::models::NewAuditEvent {
                request_id: None,
                actor: &actor.label(),
                action: "suppression_exported",
                from_status: None,
                to_status: None,
                note: Some(&format!("{} entries as {format}", rows.len())),
                at: ctx.now_db(),
            },
        )?;
        Ok::<(), WorkflowError>(())
    })?;
    Ok(rows)
}
