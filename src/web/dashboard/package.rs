//! The package page of an access or portability request (issue 12):
//! `/dashboard/requests/{id}/package`. Handlers add files (multipart, streamed to disk
//! within `DSR_PACKAGE_MAX_MB`; 413 beyond) and structured records (a JSON array or a CSV
//! file; every bad line listed beside the field, nothing imported), redact other people's
//! data with a reason (Art. 15(4)), take data out again, and after completion see the
//! package (size, expiry, downloads) and send its link to the controller a portability
//! request names (Art. 20(2)).

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use futures_util::StreamExt;

use crate::domain::msg::Msg;
use crate::domain::package::RECORDS_MAX_BYTES;
use crate::i18n::Tr;
use crate::packaging::human_size;
use crate::web::extract::{CaseWorker, CsrfForm, CurrentUser, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::packages::{self, FileInput, FileSink, PackagePage, RecordsInput};
use crate::workflow::users::Staff;
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/dashboard/requests/{id}/package",
        web::get().to(package_page),
    )
    .route(
        "/dashboard/requests/{id}/package/files",
        web::post().to(add_file),
    )
    .route(
        "/dashboard/requests/{id}/package/records",
        web::post().to(add_records),
    )
    .route(
        "/dashboard/requests/{id}/package/redactions",
        web::post().to(redact),
    )
    .route(
        "/dashboard/requests/{id}/package/remove",
        web::post().to(remove),
    )
    .route(
        "/dashboard/requests/{id}/package/send",
        web::post().to(send),
    );
}

#[derive(Template)]
#[template(path = "dashboard/package.html")]
struct Page {
    t: Tr,
    csrf: String,
    user: Staff,
    v: PackagePage,
    /// Which form came back ("file", "records", "redact-<dataset>", "send").
    form_of: String,
    form: FormData,
    errors: Errors,
    /// Every line error of a refused import.
    record_errors: Vec<String>,
    notice: Option<&'static str>,
}

impl Page {
    fn size(&self, bytes: &i64) -> String {
        human_size(*bytes)
    }

    fn typed(&self, form: &str, field: &str) -> String {
        if self.form_of == form {
            self.form.get(field).to_string()
        } else {
            String::new()
        }
    }

    fn redact_key(&self, dataset: &str) -> String {
        format!("redact-{dataset}")
    }

    fn redaction_error(&self, dataset: &str, field: &str) -> Option<String> {
        self.errors
            .get(&format!("{field}-{dataset}"))
            .map(str::to_string)
    }
}

#[derive(serde::Deserialize)]
struct PageQuery {
    done: Option<String>,
}

fn done_notice(done: &str) -> Option<&'static str> {
    match done {
        "file" => Some("package-done-file"),
        "records" => Some("package-done-records"),
        "redacted" => Some("package-done-redacted"),
        "removed" => Some("package-done-removed"),
        "sent" => Some("package-done-sent"),
        _ => None,
    }
}

struct Shown {
    status: StatusCode,
    form_of: String,
    form: FormData,
    errors: Errors,
    record_errors: Vec<String>,
    notice: Option<&'static str>,
}

async fn render(
    state: &web::Data<AppState>,
    user: Staff,
    session: &actix_session::Session,
    mut t: Tr,
    id: String,
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    t.here = format!("/dashboard/requests/{id}/package");
    let (by, words) = (user.clone(), t.clone());
    let v = state
        .run(move |conn, ctx| Ok(packages::page(conn, ctx, &by, &id, &words)?))
        .await?;
    Ok(page(
        shown.status,
        &Page {
            t,
            csrf: csrf::token(session),
            user,
            v,
            form_of: shown.form_of,
            form: shown.form,
            errors: shown.errors,
            record_errors: shown.record_errors,
            notice: shown.notice,
        },
    ))
}

async fn package_page(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let shown = Shown {
        status: StatusCode::OK,
        form_of: String::new(),
        form: FormData::default(),
        errors: Errors::default(),
        record_errors: Vec::new(),
        notice: q.done.as_deref().and_then(done_notice),
    };
    render(&state, user, &session, t, path.into_inner(), shown).await
}

/// What a refused action shows: the errors beside the form that came back.
#[allow(clippy::too_many_arguments)]
async fn refused(
    state: &web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    t: Tr,
    id: String,
    form_of: &str,
    form: FormData,
    errors: Vec<crate::domain::newtypes::FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let record_errors = errors
        .iter()
        .filter(|e| e.field == "records")
        .map(|e| t.msg(&e.message))
        .collect();
    let shown = Shown {
        status,
        form_of: form_of.to_string(),
        form,
        errors: Errors::from_list(errors, &t),
        record_errors,
        notice: None,
    };
    render(state, who.user, &who.session, t, id, shown).await
}

/// The outcome of a workflow step as the handler sees it: refusals stay on the page.
type Step = Result<(), Vec<crate::domain::newtypes::FieldError>>;

fn keep_invalid(r: Result<(), WorkflowError>) -> Result<Step, WebError> {
    match r {
        Ok(()) => Ok(Ok(())),
        Err(WorkflowError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

fn version_of(form: &FormData) -> Result<i32, WebError> {
    form.get("version")
        .trim()
        .parse()
        .map_err(|_| WebError::Conflict(Msg::new("case-form-without-version")))
}

// --- Multipart forms --------------------------------------------------------------------------

/// Text fields are small.
const TEXT_FIELD_MAX: usize = 64 * 1024;

fn unreadable(e: actix_multipart::MultipartError) -> WebError {
    WebError::BadRequest(Msg::new("error-form-unreadable").arg("detail", e.to_string()))
}

/// A multipart form: its text fields, and the file part streamed to `on_file` chunk by
/// chunk (with the file's own name first).
async fn read_multipart(
    mut mp: Multipart,
    file_field: &str,
    mut on_file: impl FnMut(Option<String>, &[u8]) -> Result<(), WebError>,
) -> Result<FormData, WebError> {
    let mut fields = Vec::new();
    while let Some(field) = mp.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or("").to_string();
        if name == file_field {
            let filename = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .map(str::to_string);
            on_file(filename.clone(), &[])?;
            while let Some(chunk) = field.next().await {
                on_file(None, &chunk.map_err(unreadable)?)?;
            }
            fields.push((format!("{name}_name"), filename.unwrap_or_default()));
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if bytes.len() + chunk.len() > TEXT_FIELD_MAX {
                return Err(WebError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        fields.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(FormData(fields))
}

/// A file for the package, streamed to disk as it arrives (never held in memory).
async fn add_file(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    mp: Multipart,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let mut sink: Option<FileSink> = None;
    let settings = state.settings.clone();
    let read = read_multipart(mp, "file", |_, chunk| {
        if sink.is_none() {
            sink = Some(
                FileSink::new(&settings).map_err(|e| WebError::from(packages::upload_error(e)))?,
            );
        }
        if let Some(s) = sink.as_mut() {
            s.write(chunk)
                .map_err(|e| WebError::from(packages::upload_error(e)))?;
        }
        Ok(())
    })
    .await;
    let form = match read {
        Ok(form) => form,
        Err(e) => {
            if let Some(s) = sink {
                s.abandon();
            }
            return Err(e);
        }
    };
    let check = csrf::check(&who.session, form.get("csrf_token")).and_then(|()| version_of(&form));
    let stored = match sink {
        Some(s) => Some(
            s.finish()
                .map_err(|e| WebError::from(packages::upload_error(e)))?,
        ),
        None => None,
    };
    let version = match check {
        Ok(v) => v,
        Err(e) => {
            if let Some(s) = &stored {
                s.discard(&state.settings);
            }
            return Err(e);
        }
    };
    let Some(stored) = stored else {
        let errors = vec![crate::domain::newtypes::FieldError::new(
            "file",
            Msg::new("package-file-none"),
        )];
        return refused(
            &state,
            who,
            t,
            id,
            "file",
            form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let too_large = stored.too_large;
    let input = FileInput {
        original_name: form.get("file_name").to_string(),
        category: form.get("category").to_string(),
    };
    let (by, rid) = (who.user.clone(), id.clone());
    let step = state
        .run(move |conn, ctx| {
            keep_invalid(packages::add_file(
                conn, ctx, &by, &rid, version, &input, stored,
            ))
        })
        .await?;
    match step {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/requests/{id}/package?done=file"
        ))),
        Err(errors) => {
            let status = if too_large {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            refused(&state, who, t, id, "file", form, errors, status).await
        }
    }
}

/// Structured records: read whole (within the import limit), checked line by line.
async fn add_records(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    mp: Multipart,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let mut bytes: Vec<u8> = Vec::new();
    let mut too_large = false;
    let form = read_multipart(mp, "records", |_, chunk| {
        if bytes.len() + chunk.len() > RECORDS_MAX_BYTES {
            too_large = true;
        } else {
            bytes.extend_from_slice(chunk);
        }
        Ok(())
    })
    .await?;
    csrf::check(&who.session, form.get("csrf_token"))?;
    let version = version_of(&form)?;
    if too_large {
        let errors = vec![crate::domain::newtypes::FieldError::new(
            "records",
            Msg::new("package-records-too-large").arg("mb", RECORDS_MAX_BYTES / (1024 * 1024)),
        )];
        return refused(
            &state,
            who,
            t,
            id,
            "records",
            form,
            errors,
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    let input = RecordsInput {
        name: form.get("name").to_string(),
        category: form.get("category").to_string(),
        bytes,
    };
    let (by, rid) = (who.user.clone(), id.clone());
    let step = state
        .run(move |conn, ctx| {
            keep_invalid(
                packages::import_records(conn, ctx, &by, &rid, version, &input).map(|_| ()),
            )
        })
        .await?;
    match step {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/requests/{id}/package?done=records"
        ))),
        Err(errors) => {
            refused(
                &state,
                who,
                t,
                id,
                "records",
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn redact(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let version = version_of(&form)?;
    let input = packages::parse_redaction(&form);
    let form_of = format!("redact-{}", input.dataset);
    let (by, rid) = (who.user.clone(), id.clone());
    let step = state
        .run(move |conn, ctx| keep_invalid(packages::redact(conn, ctx, &by, &rid, version, &input)))
        .await?;
    match step {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/requests/{id}/package?done=redacted"
        ))),
        Err(errors) => {
            refused(
                &state,
                who,
                t,
                id,
                &form_of,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// Take a file (`file`) or a dataset (`dataset`) out of the package again.
async fn remove(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let version = version_of(&form)?;
    let (file, dataset) = (
        form.get("file").to_string(),
        form.get("dataset").to_string(),
    );
    let (by, rid) = (who.user.clone(), id.clone());
    state
        .run(move |conn, ctx| {
            if !file.is_empty() {
                packages::remove_file(conn, ctx, &by, &rid, version, &file)?;
            } else {
                packages::remove_dataset(conn, ctx, &by, &rid, version, &dataset)?;
            }
            Ok(())
        })
        .await?;
    Ok(redirect(&format!(
        "/dashboard/requests/{id}/package?done=removed"
    )))
}

/// Art. 20(2): the download link to the controller the subject named.
async fn send(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let (by, rid) = (who.user.clone(), id.clone());
    let step = state
        .run(move |conn, ctx| keep_invalid(packages::send_to_controller(conn, ctx, &by, &rid)))
        .await?;
    match step {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/requests/{id}/package?done=sent"
        ))),
        Err(errors) => {
            refused(
                &state,
                who,
                t,
                id,
                "send",
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
