//! Handler login (DESIGN §9): argon2id passwords, a server-side session whose secret
//! rides in the signed and encrypted cookie, CSRF on every form, throttled attempts, and
//! the one-time setup link that creates the first admin. There is no default password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::extract::{CsrfForm, STAFF_KEY};
use super::forms::{Errors, FormData};
use super::{csrf, page, redirect, throttle, AppState, WebError};
use crate::domain::msg::Msg;
use crate::domain::newtypes::EmailAddress;
use crate::domain::roles::Role;
use crate::i18n::Tr;
use crate::workflow::sessions;
use crate::workflow::users as user_flow;

/// The client's address as the server sees it. Behind a reverse proxy every client shares
/// the proxy's address; limits then act per email address in practice.
pub fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/setup/{token}", web::get().to(setup_form))
        .route("/setup/{token}", web::post().to(setup));
}

#[derive(Template)]
#[template(path = "dashboard/login.html")]
struct LoginPage {
    t: Tr,
    csrf: String,
    email: String,
    error: Option<String>,
    /// After a password was set through an emailed link.
    password_set: bool,
}

#[derive(serde::Deserialize)]
struct LoginDone {
    done: Option<String>,
}

async fn login_form(session: Session, q: web::Query<LoginDone>, t: Tr) -> HttpResponse {
    page(
        StatusCode::OK,
        &LoginPage {
            t,
            csrf: csrf::token(&session),
            email: String::new(),
            error: None,
            password_set: q.done.as_deref() == Some("password"),
        },
    )
}

async fn login(
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    t.here = "/login".into();
    let raw_email = form.get("email").trim();
    let password = form.get("password").to_string();
    // Over-long input is refused before any limiter key is made or argon2 runs, and is
    // not echoed back.
    let too_long = raw_email.chars().count() > EmailAddress::MAX_LEN
        || password.chars().count() > user_flow::MAX_PASSWORD;
    // One identity per address (issue 5 item 1): the canonical form when it parses.
    let email = if too_long {
        String::new()
    } else {
        EmailAddress::parse(raw_email)
            .map(|e| e.to_string())
            .unwrap_or_else(|_| raw_email.to_lowercase())
    };
    let again = |status: StatusCode, error: Msg| {
        page(
            status,
            &LoginPage {
                t: t.clone(),
                csrf: csrf::token(&session),
                email: email.clone(),
                error: Some(t.msg(&error)),
                password_set: false,
            },
        )
    };
    if too_long {
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            Msg::new("login-too-long")
                .arg("email_max", EmailAddress::MAX_LEN)
                .arg("password_max", user_flow::MAX_PASSWORD),
        ));
    }
    // Throttle per client address and per account from that address; the account alone
    // is only slowed down, never locked (see throttle.rs).
    let account = throttle::account_id(&email);
    match state.login_throttle.attempt(&client_ip(&req), &account) {
        Err(throttle::TooMany) => {
            return Ok(again(
                StatusCode::TOO_MANY_REQUESTS,
                Msg::new("login-too-many"),
            ))
        }
        Ok(wait) if !wait.is_zero() => tokio::time::sleep(wait).await,
        Ok(_) => {}
    }
    let email_for_db = email.clone();
    let started = state
        .run(
            move |conn, ctx| match user_flow::authenticate(conn, ctx, &email_for_db, &password)? {
                Some(user) => Ok(Some((sessions::start(conn, ctx, &user)?, user))),
                None => Ok(None),
            },
        )
        .await?;
    match started {
        Some((secret, user)) => {
            state.login_throttle.succeeded(&account);
            begin_staff_session(&session, &secret)?;
            tracing::info!(user = %user.id, "login");
            Ok(redirect("/dashboard"))
        }
        None => {
            state.login_throttle.failed(&account);
            Ok(again(StatusCode::UNAUTHORIZED, Msg::new("login-wrong")))
        }
    }
}

/// A new cookie session on login (no fixation), a fresh CSRF token, and the server-side
/// session's secret.
pub fn begin_staff_session(session: &Session, secret: &str) -> Result<(), WebError> {
    session.renew();
    csrf::rotate(session);
    session
        .insert(STAFF_KEY, secret)
        .map_err(|e| WebError::Internal(e.to_string()))
}

/// Logout ends the server-side session at once: a copy of the cookie opens nothing.
async fn logout(
    state: web::Data<AppState>,
    session: Session,
    _form: CsrfForm,
) -> Result<HttpResponse, WebError> {
    if let Some(secret) = session.get::<String>(STAFF_KEY).ok().flatten() {
        state
            .run(move |conn, _| Ok(sessions::end(conn, &secret)?))
            .await?;
    }
    session.purge();
    Ok(redirect("/login"))
}

#[derive(Template)]
#[template(path = "dashboard/setup.html")]
struct SetupPage {
    t: Tr,
    csrf: String,
    token: String,
    form: FormData,
    errors: Errors,
}

async fn setup_form(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let checked = token.clone();
    state
        .run(move |conn, ctx| Ok(user_flow::check_setup_token(conn, ctx, &checked)?))
        .await?;
    Ok(page(
        StatusCode::OK,
        &SetupPage {
            t,
            csrf: csrf::token(&session),
            token,
            form: FormData::default(),
            errors: Errors::default(),
        },
    ))
}

async fn setup(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/setup/{token}");
    let input = match user_flow::parse_new_user(&form, Role::Admin) {
        Ok(input) => input,
        Err(errors) => {
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SetupPage {
                    csrf: csrf::token(&session),
                    token,
                    form,
                    errors: Errors::from_list(errors, &t),
                    t,
                },
            ))
        }
    };
    let secret = state
        .run(move |conn, ctx| {
            let user = user_flow::create_first_admin(conn, ctx, &token, &input)?;
            Ok(sessions::start(conn, ctx, &user)?)
        })
        .await?;
    begin_staff_session(&session, &secret)?;
    Ok(redirect("/dashboard"))
}
