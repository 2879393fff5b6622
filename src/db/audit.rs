//! The audit trail (accountability, GDPR Art. 5(2)). Rows are only ever inserted (the
//! migrations add triggers that refuse UPDATE and DELETE), and each row carries the hash
//! of the row before it, so a changed, removed or reordered row breaks the chain.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::models::{AuditEvent, NewAuditEvent};
use super::schema::audit_events;
use super::DbConn;

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of one event: SHA-256 over the previous hash and every field, each
/// length-prefixed so no two different events share an input.
pub fn event_hash(prev_hash: &str, e: &NewAuditEvent<'_>) -> String {
    let at = e.at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string();
    let mut h = Sha256::new();
    for field in [
        Some(prev_hash),
        e.request_id,
        Some(e.actor),
        Some(e.action),
        e.from_status,
        e.to_status,
        e.note,
        Some(at.as_str()),
    ] {
        match field {
            Some(v) => {
                h.update(b"S");
                h.update((v.len() as u64).to_be_bytes());
                h.update(v.as_bytes());
            }
            None => h.update(b"N"),
        }
    }
    hex::encode(h.finalize())
}

/// Append an event. Call inside `db::write_transaction`, which serialises writers so the
/// chain has no forks.
pub fn record(conn: &mut DbConn, e: &NewAuditEvent<'_>) -> QueryResult<()> {
    let prev: Option<String> = audit_events::table
        .order(audit_events::id.desc())
        .select(audit_events::hash)
        .first(conn)
        .optional()?;
    let prev = prev.unwrap_or_else(|| GENESIS.to_string());
    // Stored timestamps keep microseconds; hash what will be read back.
    let at = e.at.and_utc().timestamp_micros();
    let at = chrono::DateTime::from_timestamp_micros(at)
        .map(|t| t.naive_utc())
        .unwrap_or(e.at);
    let e = NewAuditEvent { at, ..e.clone() };
    let hash = event_hash(&prev, &e);
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::request_id.eq(e.request_id),
            audit_events::actor.eq(e.actor),
            audit_events::action.eq(e.action),
            audit_events::from_status.eq(e.from_status),
            audit_events::to_status.eq(e.to_status),
            audit_events::note.eq(e.note),
            audit_events::at.eq(at),
            audit_events::prev_hash.eq(&prev),
            audit_events::hash.eq(&hash),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<AuditEvent>> {
    audit_events::table
        .filter(audit_events::request_id.eq(request_id))
        .order(audit_events::id.asc())
        .select(AuditEvent::as_select())
        .load(conn)
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub event_id: i64,
    pub reason: &'static str,
}

/// Walk the whole trail in order and recompute every hash. Returns the number of events.
pub fn verify_chain(conn: &mut DbConn) -> QueryResult<Result<u64, ChainBreak>> {
    let mut prev = GENESIS.to_string();
    let mut checked = 0u64;
    let mut after = i64::MIN;
    loop {
        let batch: Vec<AuditEvent> = audit_events::table
            .filter(audit_events::id.gt(after))
            .order(audit_events::id.asc())
            .limit(1000)
            .select(AuditEvent::as_select())
            .load(conn)?;
        if batch.is_empty() {
            return Ok(Ok(checked));
        }
        for e in batch {
            if e.prev_hash != prev {
                return Ok(Err(ChainBreak {
                    event_id: e.id,
                    reason:
                        "does not follow the event before it (an event was removed or reordered)",
                }));
            }
            let expected = event_hash(
                &e.prev_hash,
                &NewAuditEvent {
                    request_id: e.request_id.as_deref(),
                    actor: &e.actor,
                    action: &e.action,
                    from_status: e.from_status.as_deref(),
                    to_status: e.to_status.as_deref(),
                    note: e.note.as_deref(),
                    at: e.at,
                },
            );
            if expected != e.hash {
                return Ok(Err(ChainBreak {
                    event_id: e.id,
                    reason: "was changed after it was written",
                }));
            }
            prev = e.hash;
            after = e.id;
            checked += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> NewAuditEvent<'static> {
        NewAuditEvent {
            request_id: Some("r1"),
            actor: "subject",
            action: "submitted",
            from_status: None,
            to_status: Some("open"),
            note: Some("n"),
            at: chrono::DateTime::from_timestamp(1_790_000_000, 123_456_000)
                .map(|t| t.naive_utc())
                .unwrap_or_default(),
        }
    }

    #[test]
    fn every_field_and_the_previous_hash_change_the_hash() {
        let e = event();
        let base = event_hash(GENESIS, &e);
        assert_eq!(base.len(), 64);
        assert_ne!(base, event_hash("1", &e));
        for other in [
            NewAuditEvent {
                request_id: Some("r2"),
                ..e.clone()
            },
            NewAuditEvent {
                actor: "system",
                ..e.clone()
            },
            NewAuditEvent {
                action: "verified",
                ..e.clone()
            },
            NewAuditEvent {
                from_status: Some("open"),
                ..e.clone()
            },
            NewAuditEvent {
                to_status: None,
                ..e.clone()
            },
            NewAuditEvent {
                note: None,
                ..e.clone()
            },
            NewAuditEvent {
                at: e.at + chrono::Duration::microseconds(1),
                ..e.clone()
            },
        ] {
            assert_ne!(base, event_hash(GENESIS, &other), "{other:?}");
        }
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        let a = NewAuditEvent {
            request_id: Some("ab"),
            actor: "c",
            ..event()
        };
        let b = NewAuditEvent {
            request_id: Some("a"),
            actor: "bc",
            ..event()
        };
        assert_ne!(event_hash(GENESIS, &a), event_hash(GENESIS, &b));
    }
}
