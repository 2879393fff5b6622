//! Staff passwords chosen through an emailed link (issue 9): "forgot password" on the
//! login page, and the page a link opens (an invitation or a reset). No password is
//! ever emailed, and the forgot-password answer is the same whether or not the address
//! has an account.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::auth::client_ip;
use super::extract::CsrfForm;
use super::forms::Errors;
use super::{csrf, page, throttle, AppState, WebError};
use crate::domain::msg::Msg;
use crate::domain::newtypes::FieldError;
use crate::i18n::Tr;
use crate::workflow::users as user_flow;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login/forgot", web::get().to(forgot_form))
        .route("/login/forgot", web::post().to(forgot))
        .route("/password/{token}", web::get().to(password_form))
        .route("/password/{token}", web::post().to(set_password));
}

#[derive(Template)]
#[template(path = "dashboard/forgot.html")]
struct ForgotPage {
    t: Tr,
    csrf: String,
    sent: bool,
    hours: i64,
}

async fn forgot_form(session: Session, t: Tr) -> HttpResponse {
    page(
        StatusCode::OK,
        &ForgotPage {
            t,
            csrf: csrf::token(&session),
            sent: false,
            hours: user_flow::PASSWORD_LINK_HOURS,
        },
    )
}

/// The same answer for every address. A link goes out only to an active account, and
/// only within the portal's limits per client and per address (no mail bombing).
async fn forgot(
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    CsrfForm(form): CsrfForm,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let raw = form.get("email").chars().take(320).collect::<String>();
    let ip_ok = state
        .portal_limiter
        .check_key(&throttle::limit_key("forgot-ip", &client_ip(&req)))
        .is_ok();
    let email_ok = state
        .portal_limiter
        .check_key(&throttle::limit_key(
            "forgot-email",
            &throttle::account_id(&raw),
        ))
        .is_ok();
    if ip_ok && email_ok {
        state
            .run(move |conn, ctx| Ok(user_flow::forgot_password(conn, ctx, &raw)?))
            .await?;
    }
    Ok(page(
        StatusCode::OK,
        &ForgotPage {
            t,
            csrf: csrf::token(&session),
            sent: true,
            hours: user_flow::PASSWORD_LINK_HOURS,
        },
    ))
}

#[derive(Template)]
#[template(path = "dashboard/password.html")]
struct PasswordPage {
    t: Tr,
    csrf: String,
    token: String,
    name: String,
    errors: Errors,
}

async fn password_form(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    let secret = token.clone();
    let owner = state
        .run(move |conn, ctx| Ok(user_flow::password_link_owner(conn, ctx, &secret)?))
        .await
        .map_err(|_| WebError::Gone(Msg::new("password-link-gone")))?;
    Ok(page(
        StatusCode::OK,
        &PasswordPage {
            t,
            csrf: csrf::token(&session),
            token,
            name: owner.name,
            errors: Errors::default(),
        },
    ))
}

async fn set_password(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm,
    mut t: Tr,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/password/{token}");
    let refuse = |t: Tr, token: String, name: String, errors: Vec<FieldError>| {
        page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                csrf: csrf::token(&session),
                errors: Errors::from_list(errors, &t),
                t,
                token,
                name,
            },
        )
    };
    let secret = token.clone();
    let owner = state
        .run(move |conn, ctx| Ok(user_flow::password_link_owner(conn, ctx, &secret)?))
        .await
        .map_err(|_| WebError::Gone(Msg::new("password-link-gone")))?;
    let password = match user_flow::parse_new_password(&form) {
        Ok(p) => p,
        Err(e) => return Ok(refuse(t, token, owner.name, vec![e])),
    };
    let secret = token.clone();
    state
        .run(move |conn, ctx| {
            Ok(user_flow::set_password_with_link(
                conn, ctx, &secret, &password,
            )?)
        })
        .await
        .map_err(|e| match e {
            // Used by a second tab meanwhile, or expired: the link is gone.
            WebError::NotFound => WebError::Gone(Msg::new("password-link-gone")),
            other => other,
        })?;
    Ok(super::redirect("/login?done=password"))
}
