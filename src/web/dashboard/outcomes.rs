//! The request page's issue-10 actions: an outcome per data category of an erasure or
//! restriction request, the decision per purpose of an objection, and lifting a
//! restriction (Art. 18(3)). Same shape as `actions`: CSRF-checked POSTs for handlers and
//! admins, each one `workflow` call, errors back beside their field.

use actix_web::{web, HttpResponse};
use askama::Template;

use super::actions::{act, path_id};
use crate::i18n::Tr;
use crate::web::extract::CurrentUser;
use crate::web::extract::{CaseWorker, CsrfForm, RequireRole};
use crate::web::{csrf, ok_page, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::{case, notices, objection, rectification, retention, webhooks};

pub fn routes(cfg: &mut web::ServiceConfig) {
    let r = |action: &str| format!("/dashboard/requests/{{id}}/{action}");
    cfg.route(&r("outcome"), web::post().to(outcome))
        .route(&r("objection"), web::post().to(decide))
        .route(&r("lift"), web::post().to(lift))
        .route(&r("restriction-ground"), web::post().to(ground))
        .route(&r("item"), web::post().to(item))
        .route(&r("notice-exempt"), web::post().to(notice_exempt))
        .route(&r("override-tasks"), web::post().to(override_tasks))
        .route("/dashboard/notices", web::get().to(open_notices));
}

async fn outcome(
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
        "outcome",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let input = retention::parse_outcome(f)?;
            retention::record_outcome(c, x, by, id, version, &input)
        },
    )
    .await
}

/// Completion waits for the systems that hold the data (issue 13), unless overridden
/// with a written reason.
async fn override_tasks(
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
        "overridden",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let reason = webhooks::parse_override(f)?;
            webhooks::override_open_tasks(c, x, by, id, version, &reason)
        },
    )
    .await
}

async fn decide(
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
        "decided",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let d = objection::parse_decision(f)?;
            objection::decide(c, x, by, id, version, &d)
        },
    )
    .await
}

async fn lift(
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
        "lift",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let reason = retention::parse_lift_reason(f)?;
            retention::request_lift(c, x, by, id, version, &reason)
        },
    )
    .await
}

async fn ground(
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
        "outcome",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let g = retention::parse_ground(f)?;
            retention::record_ground(c, x, by, id, version, &g)
        },
    )
    .await
}

async fn item(
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
        "decided",
        |c, x, by, id, f| {
            let version = case::parse_version(f)?;
            let input = rectification::parse_item(f)?;
            rectification::decide_item(c, x, by, id, version, &input)
        },
    )
    .await
}

async fn notice_exempt(
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
        "exempt",
        |c, x, by, id, f| {
            let (notice, reason) = notices::parse_exemption(f)?;
            notices::exempt(c, x, by, id, &notice, &reason)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "dashboard/notices.html")]
struct NoticesPage {
    t: Tr,
    csrf: String,
    user: Staff,
    notices: Vec<notices::NoticeLine>,
}

/// Open Art. 19 notices across requests, oldest email first.
async fn open_notices(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/notices".into();
    let list = state.run(|conn, _| Ok(notices::open(conn)?)).await?;
    Ok(ok_page(&NoticesPage {
        t,
        csrf: csrf::token(&session),
        user,
        notices: list,
    }))
}
