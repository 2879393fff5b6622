//! Handler login (DESIGN §9): argon2id passwords, a session in a signed and encrypted
//! cookie, CSRF on every form, throttled attempts, and the one-time setup link that
//! creates the first admin. There is no default password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::forms::{Errors, FormData};
use super::{csrf, page, redirect, throttle, AppState, WebError};
use crate::db::models::User;
use crate::domain::newtypes::EmailAddress;
use crate::workflow::users as user_flow;

/// The client's address as the server sees it. Behind a reverse proxy every client shares
/// the proxy's address; limits then act per email address in practice.
pub fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

const USER_KEY: &str = "user_id";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/setup/{token}", web::get().to(setup_form))
        .route("/setup/{token}", web::post().to(setup));
}

/// The logged-in handler, or a redirect to /login.
pub async fn current_user(
    state: &web::Data<AppState>,
    session: &Session,
) -> Result<User, WebError> {
    let id = session
        .get::<String>(USER_KEY)
        .ok()
        .flatten()
        .ok_or(WebError::LoginRequired)?;
    let user = state
        .run(move |conn, _| Ok(crate::db::users::find(conn, &id)?))
        .await?;
    match user {
        Some(u) if u.active => Ok(u),
        _ => {
            session.purge();
            Err(WebError::LoginRequired)
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/login.html")]
struct LoginPage {
    csrf: String,
    email: String,
    error: Option<String>,
}

async fn login_form(session: Session) -> HttpResponse {
    page(
        StatusCode::OK,
        &LoginPage {
            csrf: csrf::token(&session),
            email: String::new(),
            error: None,
        },
    )
}

async fn login(
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let form = csrf::checked_form(&session, form)?;
    let raw_email = form.get("email").trim();
    let password = form.get("password").to_string();
    // Over-long input is refused before any limiter key is made or argon2 runs, and is
    // not echoed back.
    let too_long = raw_email.chars().count() > EmailAddress::MAX_LEN
        || password.chars().count() > user_flow::MAX_PASSWORD;
    let email = if too_long {
        String::new()
    } else {
        raw_email.to_lowercase()
    };
    let again = |status: StatusCode, error: &str| {
        page(
            status,
            &LoginPage {
                csrf: csrf::token(&session),
                email: email.clone(),
                error: Some(error.to_string()),
            },
        )
    };
    if too_long {
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!(
                "An email address can be at most {} characters, a password at most {}.",
                EmailAddress::MAX_LEN,
                user_flow::MAX_PASSWORD
            ),
        ));
    }
    // Throttle per client address and per account from that address; the account alone
    // is only slowed down, never locked (see throttle.rs).
    let account = throttle::account_id(&email);
    match state.login_throttle.attempt(&client_ip(&req), &account) {
        Err(throttle::TooMany) => {
            return Ok(again(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many login attempts. Wait a few minutes and try again.",
            ))
        }
        Ok(wait) if !wait.is_zero() => tokio::time::sleep(wait).await,
        Ok(_) => {}
    }
    let email_for_db = email.clone();
    let user = state
        .run(move |conn, ctx| {
            Ok(user_flow::authenticate(
                conn,
                ctx,
                &email_for_db,
                &password,
            )?)
        })
        .await?;
    match user {
        Some(user) => {
            state.login_throttle.succeeded(&account);
            // A new session on login: no fixation.
            session.renew();
            session
                .insert(USER_KEY, &user.id)
                .map_err(|e| WebError::Internal(e.to_string()))?;
            tracing::info!(user = %user.id, "login");
            Ok(redirect("/dashboard"))
        }
        None => {
            state.login_throttle.failed(&account);
            Ok(again(StatusCode::UNAUTHORIZED, "Wrong email or password."))
        }
    }
}

async fn logout(
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    csrf::checked_form(&session, form)?;
    session.purge();
    Ok(redirect("/login"))
}

#[derive(Template)]
#[template(path = "dashboard/setup.html")]
struct SetupPage {
    csrf: String,
    token: String,
    form: FormData,
    errors: Errors,
}

async fn setup_form(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let t = token.clone();
    state
        .run(move |conn, ctx| Ok(user_flow::check_setup_token(conn, ctx, &t)?))
        .await?;
    Ok(page(
        StatusCode::OK,
        &SetupPage {
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
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let form = csrf::checked_form(&session, form)?;
    let input = match user_flow::parse_new_user(&form, "admin") {
        Ok(input) => input,
        Err(errors) => {
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SetupPage {
                    csrf: csrf::token(&session),
                    token,
                    form,
                    errors: Errors::from_list(errors),
                },
            ))
        }
    };
    let user = state
        .run(move |conn, ctx| Ok(user_flow::create_first_admin(conn, ctx, &token, &input)?))
        .await?;
    session.renew();
    session
        .insert(USER_KEY, &user.id)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(redirect("/dashboard"))
}
