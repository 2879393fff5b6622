//! The queue as CSV (issue 9): the rows of the current filter, written in batches so
//! that 100,000 rows never sit in memory at once, after an audit event that says who
//! exported what (accountability, Art. 5(2)).

use std::collections::HashMap;

use super::users::Staff;
use super::view::{today, RequestView};
use super::{Ctx, WorkflowError};
use crate::db::models::NewAuditEvent;
use crate::db::requests::QueueFilter;
use crate::db::{self, DbConn};

/// Rows read per query (one keyset page).
const BATCH: i64 = 500;

pub const HEADER: [&str; 11] = [
    "reference",
    "received",
    "due",
    "days_left",
    "paused",
    "status",
    "kind",
    "subject_name",
    "subject_email",
    "assignee",
    "missed_promise",
];

/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage
/// return before one) as a formula: such a subject's text gets a leading apostrophe,
/// which spreadsheets show as text (OWASP "CSV injection").
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Record the export in the audit trail; `what` names the filter.
pub fn record(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    what: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        db::audit::record(
            conn,
            &NewAuditEvent {
                request_id: None,
                actor: &by.actor().label(),
                action: "queue_exported",
                from_status: None,
                to_status: None,
                note: Some(what),
                at: ctx.now_db(),
            },
        )?;
        Ok::<(), WorkflowError>(())
    })
}

fn csv_error(e: csv::Error) -> WorkflowError {
    WorkflowError::Internal(format!("csv: {e}"))
}

/// Write the filter's rows as CSV, one batch at a time, to `send`; stop early when `send`
/// says the reader has gone. Returns the number of rows written.
pub fn queue_csv(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    filter: &QueueFilter,
    mut send: impl FnMut(Vec<u8>) -> bool,
) -> Result<usize, WorkflowError> {
    let names: HashMap<String, String> = db::users::list(conn)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let day = today(ctx);
    let mut after = None;
    let mut written = 0;
    loop {
        let rows = db::requests::queue_page(conn, filter, after.take(), BATCH)?;
        // One writer per batch: its bytes go out, and the next batch starts empty.
        let mut w = csv::Writer::from_writer(Vec::new());
        if written == 0 {
            w.write_record(HEADER).map_err(csv_error)?;
        }
        for r in &rows {
            let v = RequestView::build(r, ctx.settings, day)?;
            let assignee = v
                .assignee_id
                .as_ref()
                .and_then(|id| names.get(id))
                .map(String::as_str)
                .unwrap_or("");
            let days_left = if v.status.is_terminal() {
                String::new()
            } else {
                v.days_left.to_string()
            };
            w.write_record([
                v.reference.as_str(),
                &v.received.to_string(),
                &v.due.to_string(),
                &days_left,
                if v.paused { "yes" } else { "no" },
                v.status.as_str(),
                v.kind.as_str(),
                &defuse(&v.subject_name),
                &defuse(v.subject_email.as_deref().unwrap_or("")),
                &defuse(assignee),
                if v.missed_policy_date { "yes" } else { "no" },
            ])
            .map_err(csv_error)?;
            written += 1;
        }
        let chunk = w
            .into_inner()
            .map_err(|e| WorkflowError::Internal(format!("csv: {e}")))?;
        if !chunk.is_empty() && !send(chunk) {
            return Ok(written);
        }
        match rows.last() {
            Some(last) if rows.len() as i64 == BATCH => {
                after = Some((last.due_date, last.id.clone()));
            }
            _ => return Ok(written),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text() {
        for evil in [
            "=HYPERLINK(\"x\")",
            "+1+1",
            "-2",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(defuse(evil), format!("'{evil}"));
        }
        assert_eq!(defuse("Kari Nordmann"), "Kari Nordmann");
        assert_eq!(defuse("kari@example.no"), "kari@example.no");
        assert_eq!(defuse(""), "");
    }
}
