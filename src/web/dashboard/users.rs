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
use crate::web::forms::{Errors, FormData};
use crate::web::{csrf, page, redirect, AppState, WebError};
use crate::workflow::sessions;
use crate::workflow::users::{self as user_flow, Staff};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard/account", web::get().to(account))
        .route(
            "/dashboard/account/password",
            web::post().to(change_password),
        )
        .route("/dashboard/account/digest", web::post().to(set_digest))
        .route("/dashboard/users", web::get().to(list))
        .route(
            "/dashboard/users/{id}/deactivate",
            web::post().to(deactivate),
        )
        .route("/dashboard/users/{id}/role", web::post().to(change_role))
        .route("/dashboard/users/invite", web::post().to(invite))
        .route(
            "/dashboard/users/{id}/password-link",
            web::post().to(send_password_link),
        );
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
    /// The local time of the daily digest (`HH:MM`); `None`: off for everyone.
    digest_time: Option<String>,
}

impl AccountPage {
    /// The page as it first shows: no errors, no notice.
    fn new(state: &AppState, t: Tr, session: &actix_session::Session, user: Staff) -> Self {
        Self {
            t,
            csrf: csrf::token(session),
            user,
            errors: Errors::default(),
            notice: None,
            digest_time: state
                .settings
                .digest_time
                .map(|at| at.format("%H:%M").to_string()),
        }
    }
}

async fn account(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    t: Tr,
) -> HttpResponse {
    page(StatusCode::OK, &AccountPage::new(&state, t, &session, user))
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
    } else if let Err(e) = user_flow::parse_new_password(&form) {
        errors.push(e);
    }
    if !errors.is_empty() {
        let errors = Errors::from_list(errors, &t);
        return Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountPage {
                errors,
                ..AccountPage::new(&state, t, &session, user)
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
            notice: Some("user-password-changed"),
            ..AccountPage::new(&state, t, &session, user)
        },
    ))
}

/// The daily digest on or off for oneself (`digest=on`, or absent: the checkbox).
async fn set_digest(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/account".into();
    let on = match form.get("digest") {
        "on" | "1" | "true" => true,
        "" => false,
        other => {
            return Err(WebError::BadRequest(
                Msg::new("error-bad-choice")
                    .arg("name", "digest")
                    .arg("value", other),
            ))
        }
    };
    let me = user.clone();
    let user = state
        .run(move |conn, ctx| Ok(user_flow::set_digest(conn, ctx, &me, on)?))
        .await?;
    Ok(page(
        StatusCode::OK,
        &AccountPage {
            notice: Some(if on {
                "user-digest-on-done"
            } else {
                "user-digest-off-done"
            }),
            ..AccountPage::new(&state, t, &session, user)
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
    form: FormData,
    errors: Errors,
    /// The message id of a notice at the top.
    notice: Option<&'static str>,
}

#[derive(serde::Deserialize)]
struct UsersDone {
    done: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    q: web::Query<UsersDone>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let notice = match q.done.as_deref() {
        Some("invited") => Some("user-invited"),
        Some("link-sent") => Some("user-password-link-sent"),
        _ => None,
    };
    users_page(&state, who, t, FormData::default(), Vec::new(), notice).await
}

async fn users_page(
    state: &web::Data<AppState>,
    who: RequireRole<Admin>,
    t: Tr,
    form: FormData,
    errors: Vec<FieldError>,
    notice: Option<&'static str>,
) -> Result<HttpResponse, WebError> {
    let users = state.run(|conn, _| Ok(user_flow::list(conn)?)).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(page(
        status,
        &UsersPage {
            csrf: csrf::token(&who.session),
            user: who.user,
            users,
            roles: Role::ALL,
            form,
            errors: Errors::from_list(errors, &t),
            t,
            notice,
        },
    ))
}

/// Invite someone: the account exists at once and its owner gets a link to choose a
/// password (never a password by email).
async fn invite(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/dashboard/users".into();
    let (email, name, role) = match user_flow::parse_invite(&form) {
        Ok(input) => input,
        Err(errors) => return users_page(&state, who, t, form, errors, None).await,
    };
    let by = who.user.clone();
    let result = state
        .run(move |conn, ctx| {
            Ok(user_flow::invite(
                conn,
                ctx,
                &by.actor(),
                &email,
                &name,
                role,
            ))
        })
        .await?;
    match result {
        Ok(_) => Ok(redirect("/dashboard/users?done=invited")),
        Err(crate::workflow::WorkflowError::Invalid(errors)) => {
            users_page(&state, who, t, form, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Email an account a link to choose a new password.
async fn send_password_link(
    state: web::Data<AppState>,
    who: RequireRole<Admin>,
    _form: CsrfForm,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let by = who.user.clone();
    state
        .run(move |conn, ctx| Ok(user_flow::send_reset_link(conn, ctx, &by.actor(), &id)?))
        .await?;
    Ok(redirect("/dashboard/users?done=link-sent"))
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
