//! Who may call a handler, stated once in its signature (DESIGN §9, issue 5 item 4):
//! - [`CurrentUser`]: a logged-in handler with a live server-side session, else a redirect
//!   to the login page;
//! - [`RequireRole`]: the same, and the account's role must be one the rule allows, else
//!   403 with a page that says so (`auditor` reads, `handler` works cases, `admin` all);
//! - [`CsrfForm`]: a submitted form whose CSRF token has already been checked.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};

use super::forms::FormData;
use super::{csrf, AppState, WebError};
use crate::domain::roles::Role;
use crate::workflow::sessions;
use crate::workflow::users::Staff;

/// Where a handler's session secret lives in the (signed, encrypted) cookie.
pub const STAFF_KEY: &str = "staff_session";

type Boxed<T, E> = Pin<Box<dyn Future<Output = Result<T, E>>>>;

/// The logged-in handler.
pub struct CurrentUser {
    pub user: Staff,
    pub session: Session,
}

impl FromRequest for CurrentUser {
    type Error = WebError;
    type Future = Boxed<Self, WebError>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| WebError::Internal("application state missing".into()))?;
            let secret = session
                .get::<String>(STAFF_KEY)
                .ok()
                .flatten()
                .ok_or(WebError::LoginRequired)?;
            let user = state
                .run(move |conn, ctx| Ok(sessions::check(conn, ctx, &secret)?))
                .await?;
            match user {
                Some(user) => Ok(CurrentUser { user, session }),
                None => {
                    // Ended on the server (logout elsewhere, deactivation, password change,
                    // idle or too old): forget it here too.
                    session.remove(STAFF_KEY);
                    Err(WebError::LoginRequired)
                }
            }
        })
    }
}

/// A rule naming the roles that may call a handler.
pub trait RoleRule {
    const ROLES: &'static [Role];
}

/// Work cases: `handler` and `admin`.
pub struct CaseWorker;
impl RoleRule for CaseWorker {
    const ROLES: &'static [Role] = &[Role::Admin, Role::Handler];
}

/// Settings, users and registers: `admin` only.
pub struct Admin;
impl RoleRule for Admin {
    const ROLES: &'static [Role] = &[Role::Admin];
}

/// The logged-in handler, whose role the rule `R` allows.
pub struct RequireRole<R: RoleRule> {
    pub user: Staff,
    pub session: Session,
    rule: PhantomData<R>,
}

impl<R: RoleRule + 'static> FromRequest for RequireRole<R> {
    type Error = WebError;
    type Future = Boxed<Self, WebError>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let current = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let CurrentUser { user, session } = current.await?;
            if R::ROLES.contains(&user.role) {
                Ok(RequireRole {
                    user,
                    session,
                    rule: PhantomData,
                })
            } else {
                tracing::warn!(user = %user.id, role = %user.role, "forbidden");
                Err(WebError::Forbidden)
            }
        })
    }
}

/// A form whose CSRF token matched the session's (403 otherwise).
pub struct CsrfForm(pub FormData);

impl FromRequest for CsrfForm {
    type Error = actix_web::Error;
    type Future = Boxed<Self, actix_web::Error>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<Vec<(String, String)>>::from_request(req, payload);
        let session = req.get_session();
        Box::pin(async move {
            let form = form.await?;
            Ok(CsrfForm(csrf::checked_form(&session, form)?))
        })
    }
}
