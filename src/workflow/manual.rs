//! Manual intake (issue 7, DESIGN §2): a handler enters a request that arrived by phone,
//! letter, email or in person, with the true date and time of receipt (DESIGN §4.1: the
//! clock runs from receipt, not from when someone typed it in). The kind and its fields
//! are parsed exactly as the portal's (`parse_submission`).
//!
//! The subject's email address is optional here (issue 7: emails go out "when an address
//! is given"). Without one no email is queued at all; every later action that would email
//! the subject queues nothing and notes "no email address" in its audit event, and the
//! handler answers by post or phone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::intake::{queue_acknowledgement, queue_verification, Submitted, VerifyFor};
use super::{audit, Actor, Ctx, Event, WorkflowError, NO_EMAIL_NOTE};
use crate::db::models::NewRequest;
use crate::db::{self, DbConn};
use crate::domain::channel::Channel;
use crate::domain::clock::deadlines;
use crate::domain::kinds::FormInput;
use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::domain::newtypes::EmailAddress;
use crate::domain::newtypes::{FieldError, ShortText};
use crate::domain::status::Status;
use crate::domain::submission::{parse_submission_email_optional, Submission};
use crate::domain::tokens;
use crate::time::local_date;

/// The ways a request reaches a handler (the portal and the API enter their own).
pub const CHANNELS: &[Channel] = &[
    Channel::Phone,
    Channel::Letter,
    Channel::Email,
    Channel::InPerson,
];

/// Longest verification method ("ID card checked in the Oslo shop").
pub const METHOD_MAX: usize = 200;

/// The GDPR applies from 25 May 2018 (Art. 99(2)): no request was received under it before.
pub fn gdpr_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 5, 25).unwrap_or_default()
}

/// A request as a handler enters it.
pub struct ManualInput {
    /// The email address may be missing (`None`).
    pub submission: Submission<Option<EmailAddress>>,
    pub channel: Channel,
    /// When it reached the organisation (UTC).
    pub received_at: NaiveDateTime,
    /// Already verified, and how; `None`: the subject gets the verification email.
    pub verified: Option<ShortText>,
    /// The language of the subject's emails; `None`: the `DSR_LANGUAGE` setting.
    pub language: Option<Lang>,
}

/// The form's `language` field: `nb`, `sv` or `en`, or empty for the setting's language.
fn parse_language(value: &str) -> Result<Option<Lang>, FieldError> {
    match value.trim() {
        "" => Ok(None),
        code => Lang::ALL
            .iter()
            .copied()
            .find(|l| l.code() == code)
            .map(Some)
            .ok_or_else(|| FieldError::new("language", Msg::new("mail-language-invalid"))),
    }
}

/// Parse the manual intake form: the portal's fields with the email address optional
/// (`parse_submission_email_optional`), the channel,
/// the date (`received_date`, YYYY-MM-DD) and time (`received_time`, HH:MM, 00:00 when
/// left empty) of receipt in the controller's time zone, never in the future and not
/// before the GDPR applied, and whether (`verified` = yes / no) and how
/// (`verification_method`) the subject was verified, and the language of the subject's
/// emails (`language`: nb, sv, en, or empty for the setting's). Every problem is reported
/// under its field.
pub fn parse_manual(
    f: &dyn FormInput,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<ManualInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let submission = parse_submission_email_optional(f)
        .map_err(|e| errors.extend(e))
        .ok();
    let channel = Channel::parse(f.value("channel")).filter(|c| CHANNELS.contains(c));
    if channel.is_none() {
        errors.push(FieldError::new(
            "channel",
            Msg::new("case-manual-choose-channel"),
        ));
    }
    let received_at = parse_received(f.value("received_date"), f.value("received_time"), tz, now)
        .map_err(|e| errors.push(e))
        .ok();
    let verified = match f.value("verified") {
        "yes" => ShortText::parse(
            f.value("verification_method"),
            METHOD_MAX,
            "how the subject was verified",
        )
        .map(Some)
        .map_err(|m| errors.push(FieldError::new("verification_method", m)))
        .ok()
        .flatten(),
        "no" => None,
        _ => {
            errors.push(FieldError::new(
                "verified",
                Msg::new("case-manual-say-verified"),
            ));
            None
        }
    };
    let language = parse_language(f.value("language"))
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    match (submission, channel, received_at) {
        (Some(submission), Some(channel), Some(received_at)) if errors.is_empty() => {
            Ok(ManualInput {
                submission,
                channel,
                received_at,
                verified,
                language,
            })
        }
        _ => Err(errors),
    }
}

/// The instant of receipt from the form's local date and time.
fn parse_received(
    date: &str,
    time: &str,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<NaiveDateTime, FieldError> {
    let date_error = |id: &'static str| FieldError::new("received_date", Msg::new(id));
    let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| date_error("case-manual-date-format"))?;
    let at = match time.trim() {
        "" => NaiveTime::MIN,
        t => NaiveTime::parse_from_str(t, "%H:%M")
            .map_err(|_| FieldError::new("received_time", Msg::new("case-manual-time-format")))?,
    };
    if day < gdpr_start() {
        return Err(date_error("case-manual-before-gdpr"));
    }
    let local = tz
        .from_local_datetime(&day.and_time(at))
        .earliest()
        .ok_or_else(|| FieldError::new("received_time", Msg::new("case-manual-time-skipped")))?;
    let instant = local.with_timezone(&Utc);
    if instant > now {
        return Err(date_error("case-manual-future"));
    }
    Ok(instant.naive_utc())
}

/// Store a request a handler entered, its audit event and its email, in one transaction.
/// The deadlines run from the receipt entered. Verified already: the request is open and
/// the subject gets the acknowledgement with the due date. Not verified: the subject gets
/// the verification email, and the clock stops from now, when that email is queued
/// (DESIGN §4.5), not from the receipt. Without an email address nothing is queued: not
/// verified, the request waits in `awaiting_verification` with the clock running (no
/// verification email stops it; the handler verifies another way and records it).
pub fn enter(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Actor<'_>,
    input: &ManualInput,
) -> Result<Submitted, WorkflowError> {
    let now = ctx.now_db();
    if input.received_at > now {
        return Err(WorkflowError::Invalid(vec![FieldError::new(
            "received_date",
            Msg::new("case-manual-future"),
        )]));
    }
    let s = &input.submission;
    let tz = ctx.settings.timezone;
    let received = local_date(input.received_at, tz);
    let due = deadlines(received, 0, None, ctx.settings.clock_settings()).due;
    let id = uuid::Uuid::new_v4().to_string();
    let details = serde_json::to_string(&s.details)
        .map_err(|e| WorkflowError::Internal(format!("details: {e}")))?;
    super::registers::check_categories(conn, &s.details)?;
    let email = s.email.as_ref().map(|e| e.as_str());
    let lang = input.language.unwrap_or(ctx.settings.language);
    let status = if input.verified.is_some() {
        Status::Open
    } else {
        Status::AwaitingVerification
    };
    let name_key = crate::domain::search::name_key(s.name.as_str());
    let paused_since =
        (input.verified.is_none() && email.is_some() && ctx.settings.pause_clock).then_some(now);
    db::write_transaction(conn, |conn| {
        let reference = db::requests::next_reference(conn, chrono::Datelike::year(&received))?;
        db::requests::insert(
            conn,
            &NewRequest {
                id: &id,
                reference: &reference,
                kind: s.kind().as_str(),
                status: status.as_str(),
                subject_name: s.name.as_str(),
                subject_email: email,
                subject_phone: s.phone.as_ref().map(|p| p.as_str()),
                customer_number: s.customer_number.as_ref().map(|c| c.as_str()),
                details: &details,
                message: s.message.as_ref().map(|m| m.as_str()),
                channel: input.channel.as_str(),
                received_at: input.received_at,
                verified_at: input.verified.is_some().then_some(now),
                verification_method: input.verified.as_ref().map(|m| m.as_str()),
                // The verification email is queued now: the clock stops from now.
                // Without an address no email is queued and the clock runs on.
                paused_since,
                paused_on: paused_since.map(|at| local_date(at, tz)),
                paused_days: 0,
                due_date: due,
                created_at: now,
                updated_at: now,
                outcome: None,
                rejection_reason: None,
                closed_at: None,
                language: Some(lang.code()),
                subject_name_key: &name_key,
            },
        )?;
        let entered_by = match by {
            Actor::ApiKey { name, .. } => format!("sent through the API with the key {name}"),
            _ => "entered by a handler".to_string(),
        };
        let note = format!(
            "via {}, {entered_by}; received {}{}{}",
            input.channel.as_str(),
            crate::time::local_display(input.received_at, tz),
            match &input.verified {
                Some(m) => format!("; verified: {}", m.as_str()),
                None => String::new(),
            },
            if email.is_none() {
                format!("; {NO_EMAIL_NOTE}")
            } else {
                String::new()
            }
        );
        audit(
            conn,
            &id,
            by,
            Event {
                action: "submitted",
                from: None,
                to: Some(status),
                note: Some(&note),
            },
            now,
        )?;
        // Verified on entry: the systems that hold the data hear of it (issue 13), and
        // an objection to direct marketing is acted on now (Art. 21(3)).
        if input.verified.is_some() {
            let stored = db::requests::find(conn, &id)?.ok_or(WorkflowError::NotFound)?;
            super::webhooks::emit(
                conn,
                ctx,
                &stored,
                crate::domain::webhooks::EventType::RequestVerified,
                Default::default(),
            )?;
        }
        let handled = match input.verified {
            Some(_) => super::objection::on_verified(conn, ctx, &id)?,
            None => None,
        };
        let Some(email) = email else {
            // Nothing to send: the handler tells the subject by post or phone.
            return Ok(Submitted {
                id: id.clone(),
                reference,
            });
        };
        if input.verified.is_some() {
            if !handled.is_some_and(|h| h.completed) {
                queue_acknowledgement(conn, ctx, &id)?;
            }
        } else {
            queue_verification(
                conn,
                ctx,
                &VerifyFor {
                    request_id: &id,
                    reference: &reference,
                    name: s.name.as_str(),
                    kind: s.kind(),
                    lang,
                    email,
                },
                tokens::generate(),
            )?;
        }
        Ok(Submitted {
            id: id.clone(),
            reference,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_of_the_subjects_emails_is_nb_sv_en_or_empty_for_the_setting() {
        assert_eq!(parse_language(""), Ok(None));
        assert_eq!(parse_language(" sv "), Ok(Some(Lang::Sv)));
        assert_eq!(parse_language("nb"), Ok(Some(Lang::Nb)));
        assert_eq!(parse_language("en"), Ok(Some(Lang::En)));
        for bad in ["de", "sv-SE", "no", "<script>"] {
            let e = parse_language(bad).expect_err(bad);
            assert_eq!(e.field, "language");
            assert_eq!(e.message.id, "mail-language-invalid");
        }
    }

    fn oslo() -> Tz {
        chrono_tz::Europe::Oslo
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 25, 12, 0, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn receipt_is_local_time_in_the_past_never_the_future_dsr_design_4_1() {
        let at = parse_received("2026-03-05", "09:30", oslo(), now()).expect("past");
        // 09:30 in Oslo (CET) is 08:30 UTC.
        assert_eq!(at.to_string(), "2026-03-05 08:30:00");
        assert_eq!(
            parse_received("2026-03-05", "", oslo(), now())
                .expect("no time")
                .to_string(),
            "2026-03-04 23:00:00"
        );
        let e = parse_received("2026-03-26", "08:00", oslo(), now()).unwrap_err();
        assert_eq!(e.field, "received_date");
        assert!(e.message.to_string().contains("future"));
        // Today, but later than now (13:00 in Oslo): still the future.
        let e = parse_received("2026-03-25", "13:30", oslo(), now()).unwrap_err();
        assert!(e.message.to_string().contains("future"));
        assert!(parse_received("2026-03-25", "12:59", oslo(), now()).is_ok());
        assert_eq!(
            parse_received("2017-01-01", "", oslo(), now())
                .unwrap_err()
                .field,
            "received_date"
        );
        assert_eq!(
            parse_received("5 March", "", oslo(), now())
                .unwrap_err()
                .field,
            "received_date"
        );
        assert_eq!(
            parse_received("2026-03-05", "9.30am", oslo(), now())
                .unwrap_err()
                .field,
            "received_time"
        );
        // 29 March 2026, 02:30 does not exist in Oslo (summer time starts).
        let later = Utc
            .with_ymd_and_hms(2026, 4, 1, 0, 0, 0)
            .single()
            .expect("time");
        assert_eq!(
            parse_received("2026-03-29", "02:30", oslo(), later)
                .unwrap_err()
                .field,
            "received_time"
        );
    }
}
