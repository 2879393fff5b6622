//! `dsr-tracker seed-demo --requests N`: realistic requests over the past year in the
//! world of the seed policies (telecom, hosting and VoIP customers in Norway and Sweden),
//! all kinds and statuses. For trying the dashboard and for benchmarks.

use chrono::{DateTime, Datelike, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;

use crate::config::Settings;
use crate::db::models::NewRequest;
use crate::db::{self, DbConn, DbError};
use crate::domain::clock::deadlines;
use crate::domain::kinds::{
    Kind, OtherController, PortableFormat, RectificationItem, RequestDetails,
};
use crate::domain::status::{Outcome, RejectionReason, Status};
use crate::time::local_date;

const FIRST: &[&str] = &[
    "Kari", "Ola", "Ingrid", "Lars", "Sofie", "Erik", "Astrid", "Magnus", "Nora", "Henrik", "Elsa",
    "Johan", "Maja", "Anders", "Linnea", "Sven", "Karin", "Björn", "Emma", "Oskar",
];
const LAST: &[&str] = &[
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersson",
    "Karlsson",
    "Nilsson",
    "Berg",
    "Haugen",
    "Lindqvist",
    "Eriksson",
    "Dahl",
    "Solberg",
    "Lund",
    "Bakke",
];
const DOMAINS: &[&str] = &[
    "example.no",
    "example.se",
    "eksempel.no",
    "exempel.se",
    "mail.example.com",
];
const MESSAGES: &[&str] = &[
    "I cancelled my mobile subscription last year and want to know what you still keep.",
    "I keep getting SMS offers although I never agreed to them.",
    "My virtual number was ported to another operator in March.",
    "Please include the call detail records for my business line.",
    "I closed my web hosting account and my domains have moved.",
    "My address changed when I moved from Bergen to Oslo.",
];

/// Insert `count` demo requests received over the year before `now`.
pub fn seed_demo(
    conn: &mut DbConn,
    settings: &Settings,
    now: DateTime<Utc>,
    count: u32,
    progress: bool,
) -> Result<u32, DbError> {
    let bar = if progress {
        let b = indicatif::ProgressBar::new(u64::from(count));
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} requests ({per_sec})",
        ) {
            b.set_style(style);
        }
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut rng = rand::rng();
    // Erasures name categories the register offers (issue 10).
    let categories: Vec<String> = db::registers::categories(conn)?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| c.code)
        .collect();
    let mut done = 0u32;
    const BATCH: u32 = 1000;
    while done < count {
        let n = BATCH.min(count - done);
        let mut rows = (0..n)
            .map(|_| demo_row(&mut rng, settings, now, &categories))
            .collect::<Vec<_>>();
        rows.sort_by_key(|r| r.received_at);
        db::write_transaction(conn, |conn| -> Result<(), DbError> {
            // Number per year of receipt, in order of receipt.
            let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
            years.dedup();
            for year in years {
                let in_year: Vec<&mut DemoRow> =
                    rows.iter_mut().filter(|r| r.year == year).collect();
                let first =
                    db::requests::reserve_reference_numbers(conn, year, in_year.len() as i32)?;
                for (i, r) in in_year.into_iter().enumerate() {
                    r.reference = db::requests::format_reference(year, first + i as i32);
                }
            }
            let new_rows: Vec<NewRequest<'_>> = rows.iter().map(DemoRow::as_new).collect();
            db::requests::insert_many(conn, &new_rows)?;
            Ok(())
        })?;
        done += n;
        bar.inc(u64::from(n));
    }
    bar.finish();
    // Fresh rows have no planner statistics yet (PostgreSQL here runs without autovacuum).
    db::stats::refresh(conn)?;
    Ok(done)
}

struct DemoRow {
    id: String,
    reference: String,
    year: i32,
    kind: Kind,
    status: Status,
    outcome: Option<&'static str>,
    rejection: Option<&'static str>,
    name: String,
    email: String,
    phone: Option<String>,
    customer_number: Option<String>,
    details: String,
    message: Option<String>,
    channel: &'static str,
    received_at: chrono::NaiveDateTime,
    verified_at: Option<chrono::NaiveDateTime>,
    paused_since: Option<chrono::NaiveDateTime>,
    paused_on: Option<chrono::NaiveDate>,
    name_key: String,
    paused_days: i32,
    due: chrono::NaiveDate,
    closed_at: Option<chrono::NaiveDateTime>,
}

impl DemoRow {
    fn as_new(&self) -> NewRequest<'_> {
        NewRequest {
            id: &self.id,
            reference: &self.reference,
            kind: self.kind.as_str(),
            status: self.status.as_str(),
            subject_name: &self.name,
            subject_email: Some(&self.email),
            subject_phone: self.phone.as_deref(),
            customer_number: self.customer_number.as_deref(),
            details: &self.details,
            message: self.message.as_deref(),
            channel: self.channel,
            received_at: self.received_at,
            verified_at: self.verified_at,
            verification_method: self.verified_at.map(|_| "email link"),
            paused_since: self.paused_since,
            paused_on: self.paused_on,
            subject_name_key: &self.name_key,
            paused_days: self.paused_days,
            due_date: self.due,
            created_at: self.received_at,
            updated_at: self.closed_at.unwrap_or(self.received_at),
            outcome: self.outcome,
            rejection_reason: self.rejection,
            closed_at: self.closed_at,
            language: None,
        }
    }
}

fn demo_row(
    rng: &mut impl Rng,
    settings: &Settings,
    now: DateTime<Utc>,
    categories: &[String],
) -> DemoRow {
    let age_minutes = rng.random_range(0..365 * 24 * 60);
    let received = now - Duration::minutes(age_minutes);
    let received_db = received.naive_utc();
    let age_days = age_minutes / (24 * 60);
    let kind = *Kind::ALL.choose(rng).unwrap_or(&Kind::Access);
    let first = FIRST.choose(rng).copied().unwrap_or("Kari");
    let last = LAST.choose(rng).copied().unwrap_or("Nordmann");
    let domain = DOMAINS.choose(rng).copied().unwrap_or("example.no");
    let email = format!(
        "{}.{}{}@{domain}",
        first.to_lowercase().replace('ö', "o"),
        last.to_lowercase(),
        rng.random_range(1..9999)
    );
    // Recent requests are mostly still being worked; older ones are mostly closed.
    let status = if age_days < 3 {
        *[
            Status::AwaitingVerification,
            Status::Open,
            Status::Open,
            Status::InProgress,
        ]
        .choose(rng)
        .unwrap_or(&Status::Open)
    } else if age_days < 40 {
        *[
            Status::Open,
            Status::InProgress,
            Status::InProgress,
            Status::AwaitingSubject,
            Status::Completed,
            Status::Withdrawn,
        ]
        .choose(rng)
        .unwrap_or(&Status::InProgress)
    } else {
        *[
            Status::Completed,
            Status::Completed,
            Status::Completed,
            Status::Completed,
            Status::Rejected,
            Status::Withdrawn,
            Status::Expired,
        ]
        .choose(rng)
        .unwrap_or(&Status::Completed)
    };
    let paused_days = if status == Status::AwaitingVerification {
        0
    } else {
        rng.random_range(0..3)
    };
    let d = deadlines(
        local_date(received_db, settings.timezone),
        paused_days as u32,
        None,
        settings.clock_settings(),
    );
    let verified_at = (!matches!(status, Status::AwaitingVerification | Status::Expired))
        .then(|| received_db + Duration::hours(rng.random_range(1..48)));
    let closed_at = status
        .is_terminal()
        .then(|| received_db + Duration::days(rng.random_range(2..29)));
    let outcome = (status == Status::Completed).then(|| {
        [
            Outcome::Fulfilled,
            Outcome::Fulfilled,
            Outcome::PartiallyFulfilled,
            Outcome::NoDataHeld,
        ]
        .choose(rng)
        .map(|o| o.as_str())
        .unwrap_or("fulfilled")
    });
    let rejection = (status == Status::Rejected).then(|| {
        [
            RejectionReason::IdentityNotVerified,
            RejectionReason::ManifestlyUnfounded,
            RejectionReason::NotApplicable,
        ]
        .choose(rng)
        .map(|r| r.as_str())
        .unwrap_or("other")
    });
    let details =
        serde_json::to_string(&demo_details(rng, kind, categories)).unwrap_or_else(|_| "{}".into());
    DemoRow {
        id: uuid::Uuid::new_v4().to_string(),
        reference: String::new(),
        year: local_date(received_db, settings.timezone).year(),
        kind,
        status,
        outcome,
        rejection,
        name: format!("{first} {last}"),
        name_key: crate::domain::search::name_key(&format!("{first} {last}")),
        email,
        phone: rng
            .random_bool(0.5)
            .then(|| format!("+47 9{:07}", rng.random_range(0..10_000_000))),
        customer_number: rng
            .random_bool(0.7)
            .then(|| format!("C-{:07}", rng.random_range(0..10_000_000))),
        details,
        message: rng
            .random_bool(0.4)
            .then(|| MESSAGES.choose(rng).copied().unwrap_or("").to_string()),
        channel: if rng.random_bool(0.85) {
            "portal"
        } else {
            "api"
        },
        received_at: received_db,
        verified_at,
        paused_since: status.pauses_clock().then_some(received_db),
        paused_on: status
            .pauses_clock()
            .then(|| crate::time::local_date(received_db, settings.timezone)),
        paused_days,
        due: d.due,
        closed_at,
    }
}

fn demo_details(rng: &mut impl Rng, kind: Kind, categories: &[String]) -> RequestDetails {
    match kind {
        Kind::Access => RequestDetails::Access {
            scope: rng
                .random_bool(0.3)
                .then(|| "Call detail records for the last six months".to_string()),
        },
        Kind::Rectification => RequestDetails::Rectification {
            items: vec![RectificationItem {
                field: "Postal address".into(),
                corrected_value: "Storgata 12, 0155 Oslo".into(),
                current_value: Some("Kongens gate 3, 5003 Bergen".into()),
                evidence: None,
            }],
        },
        Kind::Erasure => RequestDetails::Erasure {
            categories: if rng.random_bool(0.5) {
                Vec::new()
            } else {
                categories.choose_multiple(rng, 2).cloned().collect()
            },
            ground: rng.random_bool(0.5).then(|| "a".to_string()),
        },
        Kind::Restriction => RequestDetails::Restriction {
            ground: "a".into(),
            details: Some("The invoice address you use is wrong".into()),
        },
        Kind::Portability => RequestDetails::Portability {
            format: if rng.random_bool(0.5) {
                PortableFormat::Json
            } else {
                PortableFormat::Csv
            },
            send_to: rng.random_bool(0.2).then(|| OtherController {
                name: "Nytt Telecom AS".into(),
                email: "privacy@nytt-telecom.example".into(),
            }),
        },
        Kind::Objection => RequestDetails::Objection {
            purposes: vec!["direct_marketing".into()],
            reasons: None,
        },
    }
}
