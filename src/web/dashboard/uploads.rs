//! Files subjects sent, on the request page (issue 7; the section is
//! `templates/dashboard/_uploads.html`): handlers and admins download them, always as an
//! attachment (never shown inline), mark one as an identity document once it has
//! confirmed who the subject is (it is deleted at once; the fact and the method stay),
//! or keep one as evidence with a reason. Auditors get 403, subjects and strangers the
//! login page: a subject's files are never served back to anyone but handlers.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::request::render;
use crate::i18n::Tr;
use crate::web::extract::{CaseWorker, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{redirect, AppState, WebError};
use crate::workflow::uploads::{self, Fetched};
use crate::workflow::WorkflowError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/uploads/{id}", web::get().to(download))
        .route(
            "/dashboard/uploads/{id}/identity",
            web::post().to(identity_checked),
        )
        .route("/dashboard/uploads/{id}/keep", web::post().to(keep));
}

async fn download(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let by = who.user.clone();
    let fetched = state
        .run(move |conn, ctx| Ok(uploads::download(conn, ctx, &by, &id)?))
        .await?;
    match fetched {
        Fetched::File(f) => {
            let disposition = ContentDisposition {
                disposition: DispositionType::Attachment,
                parameters: vec![
                    DispositionParam::Filename(f.ascii_name),
                    DispositionParam::FilenameExt(header::ExtendedValue {
                        charset: header::Charset::Ext("UTF-8".into()),
                        language_tag: None,
                        value: f.name.into_bytes(),
                    }),
                ],
            };
            Ok(HttpResponse::Ok()
                .content_type(f.content_type)
                .insert_header(disposition)
                .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                // Even if a browser were told to show it, it runs nothing and frames nothing.
                .insert_header((
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; sandbox; frame-ancestors 'none'",
                ))
                .body(f.bytes))
        }
        Fetched::Deleted { on, .. } => Err(WebError::Gone(
            crate::domain::msg::Msg::new("error-file-deleted").arg("date", on.show(&t)),
        )),
    }
}

/// The request page again with the error beside the upload's form, or the refusal.
async fn back(
    state: &web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    mut t: Tr,
    request_id: Option<String>,
    form: FormData,
    e: WorkflowError,
) -> Result<HttpResponse, WebError> {
    let Some(request_id) = request_id else {
        return Err(e.into());
    };
    t.here = format!("/dashboard/requests/{request_id}");
    let (status, errors, banner) = match e {
        WorkflowError::Invalid(list) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Errors::from_list(list, &t),
            None,
        ),
        WorkflowError::Conflict(_) | WorkflowError::Transition(_) => {
            let message = match WebError::from(e) {
                WebError::Conflict(m) => t.msg(&m),
                other => other.to_string(),
            };
            (
                StatusCode::CONFLICT,
                Errors::default(),
                Some(super::request::Banner::Problem(message)),
            )
        }
        other => return Err(other.into()),
    };
    render(
        state,
        t,
        who.user,
        &who.session,
        request_id,
        status,
        form,
        errors,
        banner,
    )
    .await
}

type Step = fn(
    &mut crate::workflow::Conn,
    &crate::workflow::Ctx<'_>,
    &crate::workflow::users::Staff,
    &str,
    &FormData,
) -> Result<String, WorkflowError>;

async fn act(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    t: Tr,
    upload_id: String,
    mut form: FormData,
    step: Step,
) -> Result<HttpResponse, WebError> {
    let by = who.user.clone();
    let (id, for_step) = (upload_id.clone(), form.clone());
    let result = state
        .run(move |conn, ctx| {
            let done = step(conn, ctx, &by, &id, &for_step);
            let request_id = crate::workflow::uploads::request_of(conn, &id)?;
            Ok((done, request_id))
        })
        .await?;
    match result {
        (Ok(request_id), _) => Ok(redirect(&format!("/dashboard/requests/{request_id}#files"))),
        (Err(e), request_id) => {
            // Which upload's form the errors belong to.
            form.0.push(("upload_id".into(), upload_id));
            back(&state, who, t, request_id, form, e).await
        }
    }
}

/// "This identity document confirmed the subject": the method is recorded and the file
/// deleted at once.
async fn identity_checked(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        path.into_inner(),
        form,
        |conn, ctx, by, id, f| {
            let method = uploads::parse_identity_method(f)?;
            uploads::identity_document_checked(conn, ctx, by, id, &method)
        },
    )
    .await
}

/// Keep a file as evidence beyond the retention period, with the reason.
async fn keep(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        path.into_inner(),
        form,
        |conn, ctx, by, id, f| {
            let reason = uploads::parse_keep_reason(f)?;
            uploads::keep_as_evidence(conn, ctx, by, id, &reason)
        },
    )
    .await
}
