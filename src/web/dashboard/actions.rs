//! The handler's actions on the request page (issue 7). Every one is a CSRF-checked POST
//! that only handlers and admins may send (`RequireRole<CaseWorker>`: an auditor gets
//! 403), and calls one `workflow::case` function: one transaction with the audit event
//! and the emails. Each form carries the request's version, so a form from a stale page
//! is refused (409) and changes nothing. Bad input comes back beside its field (422, what
//! was typed kept); a refused action says why (409).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::request::{render, Banner};
use crate::i18n::Tr;
use crate::web::extract::{CaseWorker, CsrfForm, RequireRole};
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::case::{self, Preview};
use crate::workflow::users::Staff;
use crate::workflow::{Conn, Ctx, WorkflowError};

pub fn routes(cfg: &mut web::ServiceConfig) {
    let r = |action: &str| format!("/dashboard/requests/{{id}}/{action}");
    cfg.route(&r("assign"), web::post().to(assign))
        .route(&r("start"), web::post().to(start))
        .route(&r("verify"), web::post().to(verify))
        .route(&r("ask"), web::post().to(ask))
        .route(&r("extend"), web::post().to(extend))
        .route(&r("complete/preview"), web::post().to(preview))
        .route(&r("complete/edit"), web::post().to(edit_answer))
        .route(&r("complete"), web::post().to(complete))
        .route(&r("reject"), web::post().to(reject))
        .route(&r("withdraw"), web::post().to(withdraw))
        .route(&r("notes"), web::post().to(note))
        .route(&r("email"), web::post().to(correct_email));
}

/// The message id of what the page says after an action succeeded (`?done=…`; never
/// text from the form).
pub fn done_notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "assigned" => "dash-done-assigned",
        "started" => "dash-done-started",
        "verified" => "dash-done-verified",
        "asked" => "dash-done-asked",
        "extended" => "dash-done-extended",
        "completed" => "dash-done-completed",
        "rejected" => "dash-done-rejected",
        "withdrawn" => "dash-done-withdrawn",
        "noted" => "dash-done-noted",
        "email-corrected" => "dash-done-email-corrected",
        "mail-resent" => "dash-done-mail-resent",
        "outcome" => "dash-done-outcome",
        "decided" => "dash-done-decided",
        "lift" => "dash-done-lift",
        "exempt" => "dash-done-exempt",
        "overridden" => "dash-done-tasks-overridden",
        _ => return None,
    })
}

type Step = fn(&mut Conn, &Ctx<'_>, &Staff, &str, &FormData) -> Result<(), WorkflowError>;

/// Run one action and answer: back to the request page with a notice, or the page again
/// with the errors beside the fields, or with why it was refused.
pub(super) async fn act(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    mut t: Tr,
    form: FormData,
    id: String,
    done: &'static str,
    step: Step,
) -> Result<HttpResponse, WebError> {
    // After a refusal the page is the request's: the language switch comes back to it.
    t.here = format!("/dashboard/requests/{id}");
    let (by, for_step, form_kept, id_kept) = (who.user.clone(), form.clone(), form, id.clone());
    let result = state
        .run(move |conn, ctx| Ok(step(conn, ctx, &by, &id, &for_step)))
        .await?;
    match result {
        Ok(()) => Ok(redirect(&format!(
            "/dashboard/requests/{id_kept}?done={done}"
        ))),
        Err(e) => refused(&state, who, t, id_kept, form_kept, e).await,
    }
}

/// The request page again, saying what was wrong.
async fn refused(
    state: &web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    t: Tr,
    id: String,
    form: FormData,
    e: WorkflowError,
) -> Result<HttpResponse, WebError> {
    let (status, errors, banner) = match e {
        // The page's error summary lists each message and links to its field.
        WorkflowError::Invalid(list) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Errors::from_list(list, &t),
            None,
        ),
        e @ (WorkflowError::Conflict(_) | WorkflowError::Transition(_)) => {
            let message = match WebError::from(e) {
                WebError::Conflict(m) => t.msg(&m),
                other => other.to_string(),
            };
            (
                StatusCode::CONFLICT,
                Errors::default(),
                Some(Banner::Problem(message)),
            )
        }
        other => return Err(other.into()),
    };
    render(
        state,
        t,
        who.user,
        &who.session,
        id,
        status,
        form,
        errors,
        banner,
    )
    .await
}

pub(super) fn path_id(path: web::Path<String>) -> String {
    path.into_inner()
}

async fn assign(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "assigned",
        |c, x, by, id, f| {
            // "Assign to me" sends no assignee.
            let to = match f.get("assignee") {
                "" => by.id.as_str(),
                other => other,
            };
            case::assign(c, x, by, id, case::parse_version(f)?, to)
        },
    )
    .await
}

async fn start(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "started",
        |c, x, by, id, f| case::start(c, x, by, id, case::parse_version(f)?),
    )
    .await
}

async fn correct_email(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "email-corrected",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let email = case::parse_corrected_email(f)?;
            case::correct_email(c, x, by, id, version, &email)
        },
    )
    .await
}

async fn verify(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "verified",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let method = case::parse_method(f)?;
            case::verify_another_way(c, x, by, id, version, &method)
        },
    )
    .await
}

async fn ask(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "asked",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let q = case::parse_question(f)?;
            case::ask_subject(c, x, by, id, version, &q)
        },
    )
    .await
}

async fn extend(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "extended",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let e = case::parse_extension(f)?;
            case::extend(c, x, by, id, version, &e)
        },
    )
    .await
}

async fn complete(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "completed",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let input = case::parse_completion(f)?;
            case::complete(c, x, by, id, version, &input, f.get("digest"))
        },
    )
    .await
}

async fn reject(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "rejected",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let r = case::parse_rejection(f)?;
            case::reject(c, x, by, id, version, &r)
        },
    )
    .await
}

async fn withdraw(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "withdrawn",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let reason = case::parse_withdrawal(f)?;
            case::withdraw_for_subject(c, x, by, id, version, &reason)
        },
    )
    .await
}

async fn note(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        who,
        t,
        form,
        path_id(path),
        "noted",
        |c, x, by, id, f| {
            let body = case::parse_note(f)?;
            case::add_note(c, x, by, id, &body)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "dashboard/preview.html")]
struct PreviewPage {
    t: Tr,
    csrf: String,
    user: Staff,
    id: String,
    form: FormData,
    p: Preview,
}

impl PreviewPage {
    /// The recipients ticked for Art. 19 notices, carried on to "send" and "change".
    fn recipients(&self) -> Vec<String> {
        use crate::domain::kinds::FormInput;
        self.form
            .values("recipient")
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}

/// Step one of completing: the email exactly as it will be sent, with "send" and
/// "change" buttons. Nothing is stored.
async fn preview(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    t.here = format!("/dashboard/requests/{id}");
    let (id_for_run, f) = (id.clone(), form.clone());
    let result = state
        .run(move |conn, ctx| {
            Ok((|| {
                let version = case::parse_version(&f)?;
                let input = case::parse_completion(&f)?;
                case::preview_completion(conn, ctx, &id_for_run, version, &input)
            })())
        })
        .await?;
    match result {
        Ok(p) => Ok(page(
            StatusCode::OK,
            &PreviewPage {
                t,
                csrf: csrf::token(&who.session),
                user: who.user,
                id,
                form,
                p,
            },
        )),
        Err(e) => refused(&state, who, t, id, form, e).await,
    }
}

/// "Change the answer" on the preview: the request page with what was written.
async fn edit_answer(
    state: web::Data<AppState>,
    who: RequireRole<CaseWorker>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    t.here = format!("/dashboard/requests/{id}");
    render(
        &state,
        t,
        who.user,
        &who.session,
        id,
        StatusCode::OK,
        form,
        Errors::default(),
        None,
    )
    .await
}
