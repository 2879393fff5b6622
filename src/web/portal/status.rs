//! The subject's status page (issue 7): the request's history in plain words, the
//! questions asked and the form to answer the open one (text and an optional file,
//! `multipart/form-data`), the final answer in full with the Art. 12(4) notice when it
//! applies, and withdrawal behind a confirmation page. Only requests the cookie's grants
//! open are shown; anything else is 404.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use futures_util::StreamExt;

use super::grants;
use crate::domain::case::QuestionPurpose;
use crate::domain::channel::Channel;
use crate::domain::status::{Outcome, RejectionReason, Status};
use crate::i18n::Tr;
use crate::web::extract::CsrfForm;
use crate::web::forms::Errors;
use crate::web::{csrf, ok_page, page, redirect, AppState, WebError};
use crate::workflow::intake;
use crate::workflow::subject::{self, HistoryEvent, IncomingFile, SubjectPage};
use crate::workflow::view::{Opens, RequestView};

#[derive(Template)]
#[template(path = "portal/status.html")]
struct StatusPage {
    t: Tr,
    csrf: String,
    p: SubjectPage,
    /// What the subject asked for, in the reader's words.
    details: Vec<String>,
    /// A message id.
    notice: Option<&'static str>,
    /// The answer as typed, when the form came back.
    typed_answer: String,
    errors: Errors,
}

impl StatusPage {
    fn package_size(&self) -> String {
        self.p
            .package
            .as_ref()
            .map(|p| crate::packaging::human_size(p.size))
            .unwrap_or_default()
    }
    fn is_open(&self, question_id: &str) -> bool {
        self.p.open_question.as_deref() == Some(question_id)
    }
}

/// The grants' view of what this browser may open; 404 without any.
async fn opens(state: &web::Data<AppState>, session: &Session) -> Result<Vec<Opens>, WebError> {
    let live = grants::live(state, session).await?;
    if live.is_empty() {
        return Err(WebError::NotFound);
    }
    Ok(live.iter().map(grants::Grant::opens).collect())
}

async fn load(
    state: &web::Data<AppState>,
    session: &Session,
    id: String,
) -> Result<SubjectPage, WebError> {
    let opens = opens(state, session).await?;
    state
        .run(move |conn, ctx| Ok(subject::status_page(conn, ctx, &opens, &id)?))
        .await
}

#[derive(serde::Deserialize)]
pub(super) struct StatusQuery {
    done: Option<String>,
}

fn done_notice(done: &str) -> Option<&'static str> {
    match done {
        "answered" => Some("portal-notice-answered"),
        "withdrawn" => Some("portal-notice-withdrawn"),
        "recipients" => Some("portal-notice-recipients-sent"),
        "evidence" => Some("portal-notice-evidence-added"),
        _ => None,
    }
}

pub(super) async fn status_page(
    t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    q: web::Query<StatusQuery>,
) -> Result<HttpResponse, WebError> {
    let p = load(&state, &session, path.into_inner()).await?;
    Ok(ok_page(&StatusPage {
        details: p.details.summary_lines(&t, &p.categories),
        t,
        csrf: csrf::token(&session),
        p,
        notice: q.done.as_deref().and_then(done_notice),
        typed_answer: String::new(),
        errors: Errors::default(),
    }))
}

/// The answer form as received: every field, the file cut off at the limit.
struct AnswerForm {
    csrf: String,
    question_id: String,
    answer: String,
    /// The item of a rectification that a file is evidence for.
    item: String,
    file: Option<IncomingFile>,
}

/// Text fields are small; anything longer is refused beside the field by the checks.
const TEXT_FIELD_MAX: usize = 64 * 1024;

/// Read the multipart form. The file is kept up to `max_file` bytes; beyond that the rest
/// is read and dropped (so the other fields still arrive and the browser gets our page,
/// not a broken connection), up to a hard cap on the whole body.
async fn read_answer_form(mut mp: Multipart, max_file: usize) -> Result<AnswerForm, WebError> {
    let hard_cap = max_file.saturating_mul(2).saturating_add(1024 * 1024);
    let mut total = 0usize;
    let mut form = AnswerForm {
        csrf: String::new(),
        question_id: String::new(),
        answer: String::new(),
        item: String::new(),
        file: None,
    };
    let unreadable = |e: actix_multipart::MultipartError| {
        WebError::BadRequest(
            crate::domain::msg::Msg::new("error-form-unreadable").arg("detail", e.to_string()),
        )
    };
    while let Some(field) = mp.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or("").to_string();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        let declared = field
            .content_type()
            .map(|m| m.essence_str().to_string())
            .unwrap_or_default();
        let keep = if name == "file" {
            max_file
        } else {
            TEXT_FIELD_MAX
        };
        let mut bytes: Vec<u8> = Vec::new();
        let mut truncated = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            total = total.saturating_add(chunk.len());
            if total > hard_cap {
                return Err(WebError::TooLarge);
            }
            if bytes.len() + chunk.len() <= keep {
                bytes.extend_from_slice(&chunk);
            } else {
                let room = keep - bytes.len();
                bytes.extend_from_slice(&chunk[..room]);
                truncated = true;
            }
        }
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "csrf_token" => form.csrf = text(),
            "question_id" => form.question_id = text(),
            "item" => form.item = text(),
            "answer" => {
                if truncated {
                    return Err(WebError::TooLarge);
                }
                form.answer = text();
            }
            "file" => {
                // A file input left empty arrives as a part with no file name and no bytes.
                let chosen = filename.as_deref().is_some_and(|n| !n.is_empty());
                if chosen || !bytes.is_empty() {
                    form.file = Some(IncomingFile {
                        name: filename.unwrap_or_default(),
                        declared,
                        bytes,
                        truncated,
                    });
                }
            }
            _ => {}
        }
    }
    Ok(form)
}

/// The subject answers the open question. Bad input comes back beside the field with
/// the answer as typed: 413 for a file over the limit, 422 otherwise; a closed question
/// is 409.
pub(super) async fn answer(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    mp: Multipart,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    t.here = format!("/my/requests/{id}");
    let max_file =
        usize::try_from(state.settings.upload_max_mb * 1024 * 1024).unwrap_or(usize::MAX);
    let form = read_answer_form(mp, max_file).await?;
    csrf::check(&session, &form.csrf)?;
    let opens = opens(&state, &session).await?;
    let typed = form.answer.clone();
    let (question_id, file) = (form.question_id, form.file);
    let (id_for, opens_for) = (id.clone(), opens.clone());
    let outcome = state
        .run(move |conn, ctx| {
            let input = match subject::parse_answer(ctx, &question_id, &form.answer, file) {
                Ok(input) => input,
                Err(refused) => return Ok(Err((refused.errors, refused.too_large, None))),
            };
            match subject::answer(conn, ctx, &opens_for, &id_for, &input) {
                Ok(()) => Ok(Ok(())),
                Err(crate::workflow::WorkflowError::Conflict(m)) => {
                    Ok(Err((Vec::new(), false, Some(m))))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(()) => Ok(redirect(&format!("/my/requests/{id}?done=answered"))),
        Err((errors, too_large, conflict)) => {
            let p = load(&state, &session, id).await?;
            let (status, errors) = match conflict {
                Some(m) => (StatusCode::CONFLICT, Errors::single("answer", m, &t)),
                None if too_large => (StatusCode::PAYLOAD_TOO_LARGE, Errors::from_list(errors, &t)),
                None => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Errors::from_list(errors, &t),
                ),
            };
            Ok(page(
                status,
                &StatusPage {
                    details: p.details.summary_lines(&t, &p.categories),
                    t,
                    csrf: csrf::token(&session),
                    p,
                    notice: None,
                    typed_answer: typed,
                    errors,
                },
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "portal/withdraw.html")]
struct WithdrawPage {
    t: Tr,
    csrf: String,
    r: RequestView,
}

/// The second page: what withdrawing means, and the button that does it.
pub(super) async fn withdraw_page(
    t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let p = load(&state, &session, path.into_inner()).await?;
    if !p.can_withdraw {
        return Ok(redirect(&format!("/my/requests/{}", p.r.id)));
    }
    Ok(ok_page(&WithdrawPage {
        t,
        csrf: csrf::token(&session),
        r: p.r,
    }))
}

/// Evidence for an item of an open rectification (multipart: the item and a file, within
/// `DSR_UPLOAD_MAX_MB`, of an accepted type by its content). Errors come back beside the
/// evidence form (413 when too large).
pub(super) async fn evidence(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    mp: Multipart,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    t.here = format!("/my/requests/{id}");
    let max_file =
        usize::try_from(state.settings.upload_max_mb * 1024 * 1024).unwrap_or(usize::MAX);
    let form = read_answer_form(mp, max_file).await?;
    csrf::check(&session, &form.csrf)?;
    let opens = opens(&state, &session).await?;
    let (id_for, item, file) = (id.clone(), form.item, form.file);
    let outcome = state
        .run(move |conn, ctx| {
            let input = match subject::parse_evidence(ctx, &item, file) {
                Ok(input) => input,
                Err(refused) => return Ok(Err((refused.errors, refused.too_large))),
            };
            match subject::add_evidence(conn, ctx, &opens, &id_for, &input) {
                Ok(()) => Ok(Ok(())),
                Err(crate::workflow::WorkflowError::Invalid(errors)) => Ok(Err((errors, false))),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(()) => Ok(redirect(&format!("/my/requests/{id}?done=evidence"))),
        Err((errors, too_large)) => {
            let p = load(&state, &session, id).await?;
            let status = if too_large {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let errors = Errors::from_list(errors, &t);
            Ok(page(
                status,
                &StatusPage {
                    details: p.details.summary_lines(&t, &p.categories),
                    t,
                    csrf: csrf::token(&session),
                    p,
                    notice: None,
                    typed_answer: String::new(),
                    errors,
                },
            ))
        }
    }
}

/// The subject downloads their access or portability package (issue 12): only through
/// the grants the magic link set; counted and audited; 404 once it expired.
pub(super) async fn download_package(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let opens = opens(&state, &session).await?;
    let id = path.into_inner();
    let served = state
        .run(move |conn, ctx| {
            Ok(crate::workflow::packages::subject_download(
                conn, ctx, &opens, &id,
            )?)
        })
        .await?;
    crate::web::package_link::serve(&req, served).await
}

/// "Email me the list": the recipients told about this request (Art. 19, second
/// sentence), sent to the request's address. Throttled per request.
pub(super) async fn email_recipients(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let p = load(&state, &session, path.into_inner()).await?;
    let email = p.r.subject_email.clone().ok_or(WebError::NotFound)?;
    let id = p.r.id.clone();
    if !state.portal_allows(&[("recipients-list", &id)]) {
        return Err(WebError::TooManyRequests);
    }
    let for_run = id.clone();
    state
        .run(move |conn, ctx| {
            Ok(crate::workflow::notices::email_list_to_subject(
                conn, ctx, &email, &for_run,
            )?)
        })
        .await?;
    Ok(redirect(&format!("/my/requests/{id}?done=recipients")))
}

/// Withdrawing takes effect only from the confirmation page (`confirm=yes`); a POST
/// without it shows that page and changes nothing.
pub(super) async fn withdraw(
    mut t: Tr,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
) -> Result<HttpResponse, WebError> {
    let p = load(&state, &session, path.into_inner()).await?;
    if form.get("confirm") != "yes" {
        t.here = format!("/my/requests/{}/withdraw", p.r.id);
        return Ok(ok_page(&WithdrawPage {
            t,
            csrf: csrf::token(&session),
            r: p.r,
        }));
    }
    // The status page only opens requests that match an address, so one is always there.
    let email = p.r.subject_email.clone().ok_or(WebError::NotFound)?;
    let id = p.r.id.clone();
    let r = state
        .run(move |conn, ctx| Ok(intake::withdraw_by_subject(conn, ctx, &email, &id)?))
        .await?;
    Ok(redirect(&format!("/my/requests/{}?done=withdrawn", r.id)))
}
