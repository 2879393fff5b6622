//! Requests as people see them: local dates, both deadlines, days left, urgency.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::db::models::Request;
use crate::db::DbError;
use crate::domain::clock::{days_left, deadlines, urgency, Deadlines, Urgency};
use crate::domain::kinds::Kind;
use crate::domain::status::Status;
use crate::time::{local_date, local_display};

pub struct RequestView {
    pub id: String,
    pub reference: String,
    pub kind: Kind,
    pub status: Status,
    pub outcome_label: Option<&'static str>,
    pub rejection_label: Option<&'static str>,
    pub received: NaiveDate,
    pub received_at: String,
    pub deadlines: Deadlines,
    /// The stored due date that orders the queue (equals `deadlines.due`).
    pub due: NaiveDate,
    pub days_left: i64,
    pub urgency: &'static str,
    pub paused: bool,
    pub verified: Option<String>,
    pub details: Vec<String>,
}

impl RequestView {
    pub fn build(r: &Request, settings: &Settings, today: NaiveDate) -> Result<Self, DbError> {
        let tz = settings.timezone;
        let status = r.status()?;
        let received = local_date(r.received_at, tz);
        let d = deadlines(
            received,
            r.paused_days(),
            r.extended_to,
            settings.clock_settings(),
        );
        let left = days_left(today, r.due_date);
        let colour = if status.is_terminal() {
            "closed"
        } else {
            match urgency(today, r.due_date, settings.amber_days) {
                Urgency::Green => "green",
                Urgency::Amber => "amber",
                Urgency::Red => "red",
            }
        };
        Ok(Self {
            id: r.id.clone(),
            reference: r.reference.clone(),
            kind: r.kind()?,
            status,
            outcome_label: r.outcome().map(|o| o.label()),
            rejection_label: r.rejection_reason().map(|o| o.label()),
            received,
            received_at: local_display(r.received_at, tz),
            deadlines: d,
            due: r.due_date,
            days_left: left,
            urgency: colour,
            paused: r.paused_since.is_some(),
            verified: r.verified_at.map(|at| {
                format!(
                    "{} ({})",
                    local_display(at, tz),
                    r.verification_method.as_deref().unwrap_or("unknown method")
                )
            }),
            details: r.details()?.summary_lines(),
        })
    }

    pub fn policy_due_text(&self) -> String {
        self.deadlines
            .policy_due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "none".into())
    }

    pub fn days_left_text(&self) -> String {
        if self.status.is_terminal() {
            "—".into()
        } else if self.days_left < 0 {
            format!("{} overdue", -self.days_left)
        } else {
            self.days_left.to_string()
        }
    }
}
