//! actix-web: the portal for subjects, the dashboard for handlers, health.
//! Handlers parse input, call one workflow function off the async workers
//! (`web::block`), and render a page. They never write tables themselves.

pub mod api;
pub mod auth;
pub mod csrf;
pub mod dashboard;
pub mod errors;
pub mod extract;
pub mod forms;
pub mod lang;
pub mod notice;
pub mod package_link;
pub mod password;
pub mod portal;
pub mod request_log;
pub mod throttle;

use std::sync::Arc;

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::config::Settings;
use crate::mail::outbox::noting_queued_mail;
use crate::time::SharedClock;
use crate::workflow::{Conn, Ctx, Pool};
pub use errors::WebError;

/// Shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub settings: Arc<Settings>,
    pub clock: SharedClock,
    pub login_throttle: Arc<throttle::LoginThrottle>,
    pub portal_limiter: Arc<throttle::Limiter>,
    /// API calls per key (`DSR_API_RATE_PER_MINUTE`).
    pub api_limiter: Arc<throttle::Limiter>,
    /// Wakes this process's mail dispatcher (`Dispatcher::wake`).
    pub mail_wake: Arc<tokio::sync::Notify>,
    /// Organisation, DPO and authority, shown in every page's header and footer.
    pub site: Arc<crate::i18n::Site>,
}

impl AppState {
    /// Run blocking database work on the blocking pool with a fresh context. If it put
    /// mail into the outbox, the dispatcher is woken once it has returned, that is once
    /// its transactions have committed.
    pub async fn run<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn, &Ctx<'_>) -> Result<T, WebError> + Send + 'static,
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
            let (result, queued) = noting_queued_mail(|| f(&mut conn, &ctx));
            if queued {
                state.mail_wake.notify_one();
            }
            result
        })
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    }

    /// False when any of the keys (`(kind, canonical value)`) is over the portal's rate
    /// limit.
    pub fn portal_allows(&self, keys: &[(&str, &str)]) -> bool {
        keys.iter().all(|(kind, value)| {
            self.portal_limiter
                .check_key(&throttle::limit_key(kind, value))
                .is_ok()
        })
    }

    /// Every keyed limiter forgets keys that have fully recovered (bounded memory).
    pub fn forget_idle_limiter_keys(&self) {
        self.login_throttle.forget_idle();
        throttle::forget_idle(&self.portal_limiter);
        throttle::forget_idle(&self.api_limiter);
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
        .route("/lang/{code}", web::get().to(lang::switch))
        .configure(api::routes)
        .configure(portal::routes)
        .configure(notice::routes)
        .configure(package_link::routes)
        .configure(auth::routes)
        .configure(password::routes)
        .configure(dashboard::routes);
}

/// 200 when the database answers and the data directory's disk has room
/// (`DSR_MIN_FREE_DISK_MB`), 503 with the reason otherwise.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let ok = web::block(move || {
        // Answer quickly when the database is gone, rather than after the pool timeout.
        pool.get_timeout(std::time::Duration::from_secs(2))
            .ok()
            .map(|mut c| crate::workflow::database_answers(&mut c))
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    if !ok {
        return unavailable("the database does not answer".into());
    }
    let min_mb = state.settings.min_free_disk_mb;
    let dir = state.settings.data_dir.clone();
    match web::block(move || crate::fsutil::available_bytes(&dir)).await {
        Ok(Ok(free)) if free / (1024 * 1024) < min_mb => unavailable(format!(
            "the data directory's disk has {} MiB free, less than DSR_MIN_FREE_DISK_MB ({min_mb} MiB)",
            free / (1024 * 1024)
        )),
        Ok(Ok(_)) => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        Ok(Err(e)) => unavailable(format!("cannot read the data directory's free space: {e}")),
        Err(e) => unavailable(format!("cannot check free disk space: {e}")),
    }
}

fn unavailable(detail: String) -> HttpResponse {
    HttpResponse::ServiceUnavailable()
        .json(serde_json::json!({"status": "unavailable", "detail": detail}))
}
