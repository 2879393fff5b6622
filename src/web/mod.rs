//! actix-web: the portal for subjects, the dashboard for handlers, health.
//! Handlers parse input, call one workflow function off the async workers
//! (`web::block`), and render a page. They never write tables themselves.

pub mod auth;
pub mod csrf;
pub mod dashboard;
pub mod errors;
pub mod extract;
pub mod forms;
pub mod portal;

use std::sync::Arc;

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::config::Settings;
use crate::db::{DbConn, Pool};
use crate::time::SharedClock;
use crate::workflow::Ctx;
pub use errors::WebError;

/// Shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub settings: Arc<Settings>,
    pub clock: SharedClock,
    pub login_limiter: Arc<auth::Limiter>,
    pub portal_limiter: Arc<auth::Limiter>,
}

impl AppState {
    /// Run blocking database work on the blocking pool with a fresh context.
    pub async fn run<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn, &Ctx<'_>) -> Result<T, WebError> + Send + 'static,
    {
        let state = self.clone();
        web::block(move || {
            let mut conn = state
                .pool
                .get()
                .map_err(|e| WebError::Internal(e.to_string()))?;
            let ctx = Ctx {
                settings: &state.settings,
                now: state.clock.now(),
            };
            f(&mut conn, &ctx)
        })
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    }

    /// False when any of the keys is over the portal's rate limit.
    pub fn portal_allows(&self, keys: &[String]) -> bool {
        keys.iter()
            .all(|k| self.portal_limiter.check_key(k).is_ok())
    }

    pub fn today(&self) -> chrono::NaiveDate {
        crate::time::local_date(self.clock.now().naive_utc(), self.settings.timezone)
    }
}

/// Render a page with a status code.
pub fn page<T: Template>(status: actix_web::http::StatusCode, t: &T) -> HttpResponse {
    match t.render() {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body),
        Err(e) => {
            let error_id = errors::new_error_id();
            tracing::error!(%error_id, error = %e, "template failed");
            errors::internal_error_page(&error_id)
        }
    }
}

pub fn ok_page<T: Template>(t: &T) -> HttpResponse {
    page(actix_web::http::StatusCode::OK, t)
}

pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .configure(portal::routes)
        .configure(auth::routes)
        .configure(dashboard::routes);
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let ok = web::block(move || {
        // Answer quickly when the database is gone, rather than after the pool timeout.
        pool.get_timeout(std::time::Duration::from_secs(2))
            .ok()
            .map(|mut c| crate::db::ping(&mut c).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    if ok {
        HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
    } else {
        HttpResponse::ServiceUnavailable().json(
            serde_json::json!({"status": "unavailable", "detail": "the database does not answer"}),
        )
    }
}
