//! The `Application`: built from `Settings`, bound to a port (0 in tests), serving HTTP
//! and running the background workers (outbox dispatcher, sweeper) in the same process.

use std::net::TcpListener;
use std::sync::Arc;

use actix_session::config::CookieContentSecurity;
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::DefaultHeaders;
use actix_web::{web, App, HttpResponse, HttpServer};
use lettre::message::Mailbox;

use crate::config::Settings;
use crate::db::{self, Pool};
use crate::jobs;
use crate::mail::dispatcher::{new_worker_id, Dispatcher, RetryPolicy};
use crate::mail::seal::Sealer;
use crate::mail::transport::Transport;
use crate::time::SharedClock;
use crate::web::{self as webapp, throttle, AppState};
use crate::workflow::{users, Ctx};

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    dispatcher: Arc<Dispatcher>,
    /// The one-time link to create the first admin, when there are no accounts.
    pub setup_link: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Settings(#[from] crate::config::SettingsError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("mail: {0}")]
    Mail(String),
    #[error("{0}")]
    Other(String),
}

/// Open the database and bring its schema up to date, without the data fixes: for the
/// CLI commands an admin uses to resolve what a data fix refuses to decide.
pub fn open_database_for_repair(settings: &Settings) -> Result<Pool, db::DbError> {
    let pool = db::build_pool(&settings.database_url, db::POOL_SIZE)?;
    let mut conn = pool.get()?;
    let applied = db::run_migrations(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, "database migrations applied");
    }
    Ok(pool)
}

/// Open the database and bring its schema and stored data up to date.
pub fn open_database(settings: &Settings) -> Result<Pool, db::DbError> {
    let pool = open_database_for_repair(settings)?;
    let mut conn = pool.get()?;
    let now = chrono::Utc::now().naive_utc();
    for fix in crate::workflow::maintenance::run_data_fixes(&mut conn, settings, now)? {
        tracing::info!(fix, "stored data brought up to date");
    }
    Ok(pool)
}

pub fn build_dispatcher(settings: &Settings) -> Result<Dispatcher, StartError> {
    let send_timeout = std::time::Duration::from_secs(settings.smtp_timeout_secs);
    let transport = Transport::from_settings(
        settings.smtp_url.as_deref(),
        settings.mail_dir(),
        send_timeout,
        settings.smtp_connections,
    )
    .map_err(StartError::Mail)?;
    let from: Mailbox = settings
        .mail_from
        .parse()
        .map_err(|e| StartError::Mail(format!("DSR_MAIL_FROM: {e}")))?;
    Ok(Dispatcher {
        transport,
        from,
        retry: RetryPolicy {
            max_attempts: settings.mail_max_attempts,
            span: chrono::Duration::hours(i64::from(settings.mail_retry_hours)),
        },
        sealer: Sealer::new(&settings.secret_key),
        worker_id: new_worker_id(),
        send_timeout,
        connections: settings.smtp_connections as usize,
        wake: Default::default(),
    })
}

impl Application {
    pub async fn build(mut settings: Settings, clock: SharedClock) -> Result<Self, StartError> {
        crate::webhooks::install_tls_provider();
        settings.prepare_data_dir()?;
        let pool = {
            let s = settings.clone();
            tokio::task::spawn_blocking(move || open_database(&s))
                .await
                .map_err(|e| StartError::Other(e.to_string()))??
        };
        let dispatcher = Arc::new(build_dispatcher(&settings)?);
        let listener = TcpListener::bind(settings.bind).map_err(|source| StartError::Bind {
            addr: settings.bind.to_string(),
            source,
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| StartError::Other(e.to_string()))?
            .port();
        // Bound to port 0 (tests) with the default base URL: links in emails must carry
        // the real port. An explicit DSR_BASE_URL is left as given.
        if settings.bind.port() == 0 && settings.base_url == format!("http://{}", settings.bind) {
            settings.base_url = format!("http://{}:{port}", settings.bind.ip());
        }
        let setup_link = {
            let pool = pool.clone();
            let s = settings.clone();
            let now = clock.now();
            tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().map_err(|e| StartError::Other(e.to_string()))?;
                users::setup_link_if_no_users(&mut conn, &Ctx { settings: &s, now })
                    .map_err(|e| StartError::Other(format!("setup link: {e}")))
            })
            .await
            .map_err(|e| StartError::Other(e.to_string()))??
        };
        let state = AppState {
            pool,
            login_throttle: Arc::new(throttle::LoginThrottle::new(settings.login_burst)),
            portal_limiter: Arc::new(throttle::portal_limiter(settings.portal_burst)),
            api_limiter: Arc::new(throttle::api_limiter(settings.api_rate_per_minute)),
            mail_wake: dispatcher.wake.clone(),
            site: crate::web::lang::site(&settings),
            settings: Arc::new(settings),
            clock,
        };
        let server = serve(listener, state.clone())?;
        Ok(Self {
            port,
            server,
            state,
            dispatcher,
            setup_link,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> &str {
        &self.state.settings.base_url
    }

    pub fn pool(&self) -> Pool {
        self.state.pool.clone()
    }

    /// Stops the server (and with it the HTTP worker threads) from outside.
    pub fn server_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serve until the server stops, with the background workers beside it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!(
            url = %self.state.settings.base_url,
            mail = %self.dispatcher.transport.describe(),
            "dsr-tracker listening"
        );
        if let Some(link) = &self.setup_link {
            tracing::warn!(
                "no handler accounts yet: create the first admin at {link} (valid 24 hours, once)"
            );
        }
        let workers = tokio::spawn(jobs::run_forever(
            self.state.pool.clone(),
            self.state.settings.clone(),
            self.state.clock.clone(),
            self.dispatcher.clone(),
        ));
        let forgetting = tokio::spawn(forget_idle_limiter_keys(self.state.clone()));
        let checkpoints = (db::Backend::of_url(&self.state.settings.database_url)
            == db::Backend::Sqlite)
            .then(|| tokio::spawn(checkpoint_in_background(self.state.pool.clone())));
        let result = self.server.await;
        workers.abort();
        forgetting.abort();
        if let Some(c) = checkpoints {
            c.abort();
        }
        result
    }
}

/// Rate limiters remember keys only while they matter (DESIGN §9: bounded memory).
async fn forget_idle_limiter_keys(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every.tick().await;
        state.forget_idle_limiter_keys();
    }
}

/// HTTP worker threads (each with its own async runtime).
const HTTP_WORKERS: usize = 2;
/// Database work runs on each worker's blocking threads (actix's default allows 256 per
/// worker). Together they may use all but two of the pool's connections, which stay free
/// for the background workers (dispatcher, sweeper).
pub const BLOCKING_THREADS_PER_WORKER: usize = (db::POOL_SIZE as usize - 2) / HTTP_WORKERS;
/// Blocking threads of the main runtime (background workers, start-up).
pub const MAIN_BLOCKING_THREADS: usize = 8;

/// SQLite: move the WAL into the database file off the writers' path (`db::checkpoint_wal`).
async fn checkpoint_in_background(pool: Pool) {
    let mut every = tokio::time::interval(db::CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let pool = pool.clone();
        let done = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            db::checkpoint_wal(&mut conn)
        })
        .await;
        if let Ok(Err(e)) = done {
            tracing::warn!(error = %e, "WAL checkpoint failed");
        }
    }
}

const STYLE_CSS: &str = include_str!("../static/style.css");

fn serve(listener: TcpListener, state: AppState) -> Result<Server, StartError> {
    let key = Key::try_from(state.settings.secret_key.as_slice())
        .map_err(|e| StartError::Other(format!("DSR_SECRET_KEY: {e}")))?;
    let secure = state.settings.is_https();
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(webapp::forms::form_config())
            .app_data(web::QueryConfig::default().error_handler(|err, _| {
                webapp::WebError::BadRequest(
                    crate::domain::msg::Msg::new("error-bad-query").arg("detail", err.to_string()),
                )
                .into()
            }))
            .app_data(web::PathConfig::default().error_handler(|_, _| webapp::WebError::NotFound.into()))
            .wrap(
                SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
                    .cookie_name("dsr_session".into())
                    .cookie_http_only(true)
                    .cookie_same_site(SameSite::Lax)
                    .cookie_secure(secure)
                    .cookie_content_security(CookieContentSecurity::Private)
                    .build(),
            )
            .wrap(
                // DESIGN §9: CSP without inline script, no framing, no sniffing; links
                // carry tokens, so never leak them in a Referer.
                DefaultHeaders::new()
                    .add((
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                         frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
                    ))
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Referrer-Policy", "no-referrer"))
                    // Pages show personal data: no copies in browser or proxy caches.
                    // Only added where a response sets no Cache-Control itself (style.css).
                    .add(("Cache-Control", "no-store")),
            )
            .wrap(actix_web::middleware::from_fn(webapp::errors::translate_error_pages))
            .wrap(actix_web::middleware::from_fn(webapp::request_log::log_request))
            .route(
                "/static/style.css",
                web::get().to(|| async {
                    HttpResponse::Ok()
                        .content_type("text/css; charset=utf-8")
                        .insert_header(("Cache-Control", "public, max-age=3600"))
                        .body(STYLE_CSS)
                }),
            )
            .configure(webapp::routes)
            .default_service(web::to(|| async { Err::<HttpResponse, _>(webapp::WebError::NotFound) }))
    })
    .workers(HTTP_WORKERS)
    // Bounded memory (issue 6): each blocking thread has its own stack and malloc cache;
    // more threads than pooled connections would only wait for a connection.
    .worker_max_blocking_threads(BLOCKING_THREADS_PER_WORKER)
    .listen(listener)
    .map_err(|e| StartError::Other(e.to_string()))?
    .run();
    Ok(server)
}
