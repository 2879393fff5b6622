//! The handler's own account (password change) and, for admins, the list of accounts with
//! deactivation. Both end sessions at once (DESIGN §9, issue 5 item 2).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::domain::roles::Role;
use crate::i18n::Tr;
use crate::web::auth::begin_staff_session;
use crate::web::extract::{Admin, CsrfForm, CurrentUser, RequireRole};
use crate::web::forms::Errors;
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::sessions;
use crate::workflow::users::{self as user_flow, Staff};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/account", web::get().to(account))
        .route(
            "/dashboard/account/password",
            web::post().to(change_password),
        )
        .route("/dashboard/users", web::get().to(list))
        .route(
            "/dashboard/users/{id}/deactivate",
            web::post().to(deactivate),
        )
        .route("/dashboard/users/{id}/role", web::post().to(change_role));
}

#[derive(Template)]
#[template(path = "dashboard/account.html")]
struct AccountPage {
    t: Tr,
    csrf: String,
    user: Staff,
    errors: Errors,
    /// The message id of a notice at the top.
    notice: Option<&'static str>,
}

async fn account(CurrentUser { user, session }: CurrentUser, t: Tr) -> HttpResponse {
    page(
        StatusCode::OK,
        &AccountPage {
            t,
            csrf: csrf::token(&session),
            user,
            errors: Errors::default(),
            notice: None,
        },
    )
}

/// A password change ends every session of the account, here and elsewhere; this
/// browser gets a fresh one.
async fn change_password(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/account".into();
    let mut errors = Vec::new();
    let (id, current) = (user.id.clone(), form.get("current_password").to_string());
    let current_ok = state
        .run(move |conn, _| Ok(user_flow::password_is(conn, &id, &current)?))
        .await?;
    if !current_ok {
        errors.push(FieldError::new(
            "current_password",
            Msg::new("user-current-password-wrong"),
        ));
    } else if let Err(m) = user_flow::parse_password(form.get("password")) {
        errors.push(FieldError::new("password", m));
    } else if form.get("password") != form.get("password_again") {
        errors.push(FieldError::new(
            "password_again",
            Msg::new("user-passwords-differ"),
        ));
    }
    if !errors.is_empty() {
        return Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountPage {
                csrf: csrf::token(&session),
                user,
                errors: Errors::from_list(errors, &t),
                t,
                notice: None,
            },
        ));
    }
    let password = form.get("password").to_string();
    let me = user.clone();
    let secret = state
        .run(move |conn, ctx| {
            user_flow::change_password(conn, ctx, &me.actor(), &me.id, &password)?;
            Ok(sessions::start(conn, ctx, &me)?)
        })
        .await?;
    begin_staff_session(&session, &secret)?;
    tracing::info!(user = %user.id, "password changed; other sessions ended");
    Ok(page(
        StatusCode::OK,
        &AccountPage {
            t,
            csrf: csrf::token(&session),
            user,
            errors: Errors::default(),
            notice: Some("user-password-changed"),
        },
    ))
}

#[derive(Template)]
#[template(path = "dashboard/users.html")]
struct UsersPage {
    t: Tr,
    csrf: String,
    user: Staff,
    users: Vec<Staff>,
    roles: &'static [Role],
}

async fn list(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let users = state.run(|conn, _| Ok(user_flow::list(conn)?)).await?;
    Ok(page(
        StatusCode::OK,
        &UsersPage {
            t,
            csrf: csrf::token(&who.session),
            user: who.user,
            users,
            roles: Role::ALL,
        },
    ))
}

/// A new role ends the account's sessions, so it applies at once; the last admin keeps
/// the role (409).
async fn change_role(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let role = Role::parse(form.get("role")).ok_or_else(|| {
        WebError::BadRequest(Msg::new("user-role-unknown").arg("value", form.get("role")))
    })?;
    let by = who.user.clone();
    let done = state
        .run(move |conn, ctx| Ok(user_flow::change_role(conn, ctx, &by.actor(), &id, role)?))
        .await?;
    tracing::info!(by = %who.user.id, user = %done.id, role = %role.as_str(), "role changed");
    Ok(redirect("/dashboard/users"))
}

/// Deactivation ends the account's sessions at once.
async fn deactivate(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    _form: CsrfForm,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    if id == who.user.id {
        return Err(WebError::Conflict(Msg::new("user-cannot-deactivate-self")));
    }
    let by = who.user.clone();
    let done = state
        .run(move |conn, ctx| Ok(user_flow::deactivate(conn, ctx, &by.actor(), &id)?))
        .await?;
    tracing::info!(by = %who.user.id, user = %done.id, "account deactivated");
    Ok(redirect("/dashboard/users"))
}
