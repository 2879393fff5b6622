//! The handler's side of the files subjects send (issue 7): download (handlers and
//! admins only, as an attachment), "this is an identity document" (the identity check is
//! recorded and the file deleted at once: only the fact and the method are kept, DESIGN
//! §3), "keep as evidence" with a reason, and the retention sweep that deletes the other
//! files `DSR_UPLOAD_RETENTION_DAYS` after the request closed.
//!
//! A file is deleted as the last step inside the transaction that records its deletion:
//! if the file cannot be removed nothing is recorded, and if the commit fails after the
//! removal, the next attempt finds it gone and records it (removing twice is fine).

use chrono::Duration;

use super::users::Staff;
use super::{audit, Actor, Ctx, Event, WorkflowError};
use crate::db::models::Upload;
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FieldError, FreeText, ShortText};
use crate::domain::upload::{ascii_name, FileType};
use crate::filestore::FileStore;

/// Longest description of how an identity document confirmed the subject.
pub const METHOD_MAX: usize = 200;

fn invalid(field: &str, message: impl Into<crate::domain::msg::Msg>) -> WorkflowError {
    WorkflowError::Invalid(vec![FieldError::new(field, message)])
}

fn store(ctx: &Ctx<'_>) -> FileStore {
    FileStore::new(ctx.settings.upload_dir())
}

fn remove_file(ctx: &Ctx<'_>, u: &Upload) -> Result<(), WorkflowError> {
    store(ctx)
        .delete(&u.stored_name)
        .map_err(|e| WorkflowError::Internal(format!("deleting upload {}: {e}", u.id)))
}

/// The request an upload belongs to (to go back to its page).
pub fn request_of(conn: &mut DbConn, upload_id: &str) -> Result<Option<String>, WorkflowError> {
    Ok(db::uploads::find(conn, upload_id)?.map(|u| u.request_id))
}

/// A file for a handler's browser.
pub struct Download {
    pub request_id: String,
    /// For `filename*=` (UTF-8, percent-encoded by the caller).
    pub name: String,
    /// For `filename=`: ASCII only.
    pub ascii_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// What a download link finds.
pub enum Fetched {
    File(Download),
    /// Deleted (identity document after the check, or after the retention period): the
    /// row remains, the file does not.
    Deleted {
        request_id: String,
        on: crate::workflow::view::Stamp,
    },
}

/// A handler downloads a file. Audited: who looked at which of the subject's files.
pub fn download(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    upload_id: &str,
) -> Result<Fetched, WorkflowError> {
    let u = db::uploads::find(conn, upload_id)?.ok_or(WorkflowError::NotFound)?;
    if let Some(at) = u.deleted_at {
        return Ok(Fetched::Deleted {
            request_id: u.request_id,
            on: crate::workflow::view::Stamp::at(at, ctx.settings.timezone),
        });
    }
    let file_type = FileType::parse(&u.content_type).ok_or_else(|| {
        WorkflowError::Internal(format!("upload {} type {}", u.id, u.content_type))
    })?;
    let bytes = store(ctx)
        .read(&u.stored_name)
        .map_err(|e| WorkflowError::Internal(format!("reading upload {}: {e}", u.id)))?;
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        audit(
            conn,
            &u.request_id,
            &by.actor(),
            Event {
                action: "file_downloaded",
                from: None,
                to: None,
                note: Some(&u.original_name),
            },
            now,
        )
    })?;
    Ok(Fetched::File(Download {
        request_id: u.request_id,
        ascii_name: ascii_name(&u.original_name, file_type),
        name: u.original_name,
        content_type: file_type.as_str(),
        bytes,
    }))
}

pub fn parse_identity_method(f: &dyn FormInput) -> Result<ShortText, WorkflowError> {
    ShortText::parse(
        f.value("identity_method"),
        METHOD_MAX,
        "how the document confirmed who the subject is",
    )
    .map_err(|m| invalid("identity_method", m))
}

pub fn parse_keep_reason(f: &dyn FormInput) -> Result<FreeText, WorkflowError> {
    FreeText::parse(
        f.value("keep_reason"),
        limits::FREE_TEXT,
        "why the file is kept as evidence",
    )
    .map_err(|m| invalid("keep_reason", m))
}

/// The upload of a request still open to change, or why not.
fn live_upload(conn: &mut DbConn, upload_id: &str) -> Result<Upload, WorkflowError> {
    let u = db::uploads::find(conn, upload_id)?.ok_or(WorkflowError::NotFound)?;
    if u.deleted_at.is_some() {
        return Err(WorkflowError::Conflict(Msg::new("upload-already-deleted")));
    }
    Ok(u)
}

/// The upload is an identity document that confirmed who the subject is (Art. 12(6)):
/// mark it, record the verification (the fact and the method, on the request and in the
/// audit trail) and delete the file at once. No copy of an ID document is kept.
/// Returns the request's id.
pub fn identity_document_checked(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    upload_id: &str,
    method: &ShortText,
) -> Result<String, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let u = live_upload(conn, upload_id)?;
        let request = db::requests::find(conn, &u.request_id)?.ok_or(WorkflowError::NotFound)?;
        db::uploads::set_identity_document(conn, &u.id, true)?;
        let recorded = format!("identity document checked: {}", method.as_str());
        let combined = match request.verification_method.as_deref() {
            Some(before) if !before.is_empty() => format!("{before}; {recorded}"),
            _ => recorded.clone(),
        };
        let changes = RequestChanges {
            verified_at: Some(Some(request.verified_at.unwrap_or(now))),
            verification_method: Some(Some(&combined)),
            version: Some(request.version.saturating_add(1)),
            updated_at: Some(now),
            ..Default::default()
        };
        if !db::requests::update_if_current(conn, &request.id, None, request.version, &changes)? {
            return Err(WorkflowError::Conflict(Msg::new("upload-request-changed")));
        }
        audit(
            conn,
            &request.id,
            &by.actor(),
            Event {
                action: "identity_document_checked",
                from: None,
                to: None,
                note: Some(&format!("{}; the file was deleted", method.as_str())),
            },
            now,
        )?;
        db::uploads::mark_deleted(conn, &u.id, now)?;
        remove_file(ctx, &u)?;
        Ok(request.id)
    })
}

/// Keep a file as evidence beyond the retention period, with the reason. Returns the
/// request's id.
pub fn keep_as_evidence(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    upload_id: &str,
    reason: &FreeText,
) -> Result<String, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let u = live_upload(conn, upload_id)?;
        if u.identity_document {
            return Err(WorkflowError::Conflict(Msg::new(
                "upload-identity-never-kept",
            )));
        }
        db::uploads::set_keep_reason(conn, &u.id, Some(reason.as_str()))?;
        audit(
            conn,
            &u.request_id,
            &by.actor(),
            Event {
                action: "file_kept",
                from: None,
                to: None,
                note: Some(&format!("{}: {}", u.original_name, reason.as_str())),
            },
            now,
        )?;
        Ok(u.request_id)
    })
}

/// The retention sweep: files of requests closed more than `DSR_UPLOAD_RETENTION_DAYS`
/// ago, not kept as evidence, are deleted (the row and an audit event remain). Safe to
/// run twice and on several instances: each file is recorded deleted once.
pub fn delete_after_retention(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let cutoff = now - Duration::days(i64::from(ctx.settings.upload_retention_days));
    let due = db::uploads::expired_after_close(conn, cutoff, 500)?;
    let mut deleted = 0;
    for u in due {
        let done = db::write_transaction(conn, |conn| {
            if !db::uploads::mark_deleted(conn, &u.id, now)? {
                return Ok(false);
            }
            let note = format!(
                "{} days after the request closed",
                ctx.settings.upload_retention_days
            );
            audit(
                conn,
                &u.request_id,
                &Actor::System,
                Event {
                    action: "file_deleted",
                    from: None,
                    to: None,
                    note: Some(&note),
                },
                now,
            )?;
            remove_file(ctx, &u)?;
            Ok::<_, WorkflowError>(true)
        })?;
        if done {
            deleted += 1;
        }
    }
    Ok(deleted)
}
