//! The test harness (DESIGN §11): the real application on 127.0.0.1:0 with a fresh
//! SQLite file, or a fresh PostgreSQL database when `DSR_TEST_POSTGRES_URL` is set, and a
//! real SMTP server on a random port. Clients keep cookies and do not follow redirects.
#![allow(dead_code)]

pub mod smtp_sink;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use dsr_tracker::config::Settings;
use dsr_tracker::db::Pool;
use dsr_tracker::startup::Application;
use dsr_tracker::time::TestClock;
pub use smtp_sink::{extract_links, ReceivedMail, SmtpSink};

pub const MAIL_WAIT: Duration = Duration::from_secs(15);

/// Where the test database lives.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh database: a temporary SQLite file, or a new PostgreSQL database named for
    /// this test when `DSR_TEST_POSTGRES_URL` is set.
    pub fn fresh(dir: &tempfile::TempDir) -> (Self, String) {
        match std::env::var("DSR_TEST_POSTGRES_URL") {
            Ok(admin_url) if !admin_url.is_empty() => {
                let name = format!("dsr_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("DSR_TEST_POSTGRES_URL: cannot connect: {e}"));
                conn.batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let url = replace_db_name(&admin_url, &name);
                (TestDb::Postgres { admin_url, name }, url)
            }
            _ => {
                let tmp = tempfile::tempdir().expect("tempdir");
                let url = tmp.path().join("test.db").to_string_lossy().into_owned();
                let _ = dir;
                (TestDb::Sqlite(tmp), url)
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// `postgres://u@h:5432/postgres?x` → `postgres://u@h:5432/NAME?x`.
pub fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    match base[scheme_end..].find('/') {
        Some(slash) => format!("{}/{name}{query}", &base[..scheme_end + slash]),
        None => format!("{base}/{name}{query}"),
    }
}

/// The application's own thread and runtime. Dropping it stops the server and joins the
/// thread, so that no test leaves HTTP workers, pools or sweepers running while the test
/// binary exits (a SIGSEGV at exit, after every test had passed, was seen once in CI).
struct RunningApp {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

type Started = Result<(u16, String, Pool, Option<String>), String>;

/// Builds and serves the application on a thread of its own until told to stop.
fn start_app_thread(settings: Settings, clock: Arc<TestClock>) -> (RunningApp, Started) {
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Started>();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("test-app".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("app runtime");
            rt.block_on(async move {
                let app = match Application::build(settings, clock).await {
                    Ok(app) => app,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                let handle = app.server_handle();
                let _ = ready_tx.send(Ok((
                    app.port(),
                    app.base_url().to_string(),
                    app.pool(),
                    app.setup_link.clone(),
                )));
                let run = tokio::spawn(app.run_until_stopped());
                // Told to stop, or the test dropped its handle.
                let _ = stop_rx.await;
                handle.stop(false).await;
                let _ = run.await;
            });
            rt.shutdown_timeout(Duration::from_secs(10));
        })
        .expect("spawn the app thread");
    let started = ready_rx
        .recv()
        .unwrap_or_else(|_| Err("the app thread ended before it started".into()));
    let running = RunningApp {
        stop: Some(stop_tx),
        thread: Some(thread),
    };
    (running, started)
}

pub struct TestApp {
    /// First, so that it drops first: the server stops before the database goes.
    running: RunningApp,
    pub base: String,
    pub port: u16,
    pub smtp: SmtpSink,
    pub clock: Arc<TestClock>,
    pub pool: Pool,
    pub setup_link: Option<String>,
    pub data_dir: tempfile::TempDir,
    pub settings: Settings,
    pub db: TestDb,
}

pub struct Options {
    pub env: Vec<(&'static str, String)>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(&[]).await
    }

    /// Start the app with extra `DSR_*` settings.
    pub async fn spawn_with(extra: &[(&str, &str)]) -> TestApp {
        Self::spawn_at(extra, chrono::Utc::now()).await
    }

    /// Start the app with its clock at `start` (a test that depends on the time of day).
    pub async fn spawn_at(extra: &[(&str, &str)], start: chrono::DateTime<chrono::Utc>) -> TestApp {
        // `DSR_TEST_LOG=debug cargo test …` shows the server's log (errors' details).
        if let Ok(filter) = std::env::var("DSR_TEST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
                .with_test_writer()
                .try_init();
        }
        let smtp = SmtpSink::start().await;
        let data_dir = tempfile::tempdir().expect("tempdir");
        let (db, db_url) = TestDb::fresh(&data_dir);
        let mut env: HashMap<String, String> = HashMap::new();
        env.insert("DSR_BIND".into(), "127.0.0.1:0".into());
        env.insert(
            "DSR_DATA_DIR".into(),
            data_dir.path().to_string_lossy().into_owned(),
        );
        env.insert("DSR_DATABASE_URL".into(), db_url);
        env.insert("DSR_SMTP_URL".into(), smtp.url());
        env.insert("DSR_WORKER_INTERVAL_MS".into(), "100".into());
        // Tests read English unless they say otherwise (the default would follow the
        // country: Norwegian); a test of another language passes DSR_LANGUAGE or sends
        // Accept-Language.
        env.insert("DSR_LANGUAGE".into(), "en".into());
        // The digest would go out whenever a test runs after 07:00 in Oslo: only the
        // digest's own tests (tests/team_reminders.rs) switch it on, at a time they set.
        env.insert("DSR_DIGEST_TIME".into(), "off".into());
        env.insert(
            "DSR_MAIL_FROM".into(),
            "Privacy team <privacy@telecom.example>".into(),
        );
        for (k, v) in extra {
            env.insert(k.to_string(), v.to_string());
        }
        let settings = Settings::from_env(&env).expect("test settings");
        let clock = TestClock::at(start);
        let (running, started) = start_app_thread(settings.clone(), clock.clone());
        let (port, base, pool, setup_link) = started.expect("application starts");
        TestApp {
            running,
            base,
            port,
            smtp,
            clock,
            pool,
            setup_link,
            data_dir,
            settings,
            db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client() -> reqwest::Client {
        tls_provider();
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    pub async fn get(&self, c: &reqwest::Client, path: &str) -> (u16, String) {
        let r = c.get(self.url(path)).send().await.expect("GET");
        let status = r.status().as_u16();
        (status, r.text().await.unwrap_or_default())
    }

    pub async fn get_full(&self, c: &reqwest::Client, url: &str) -> reqwest::Response {
        c.get(url).send().await.expect("GET")
    }

    pub async fn post_form(
        &self,
        c: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String, Option<String>) {
        let r = c
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .expect("POST");
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (status, r.text().await.unwrap_or_default(), location)
    }

    /// GET a page and return the CSRF token its form carries.
    pub async fn csrf(&self, c: &reqwest::Client, path: &str) -> String {
        let (status, body) = self.get(c, path).await;
        assert_eq!(status, 200, "GET {path}");
        csrf_in(&body).unwrap_or_else(|| panic!("no csrf token on {path}"))
    }

    pub async fn wait_for_mail(&self, to: &str, subject_contains: &str) -> ReceivedMail {
        let want_to = to.to_string();
        let s = subject_contains.to_string();
        self.smtp
            .wait_for(
                move |m| m.to.iter().any(|t| t == &want_to) && m.subject.contains(&s),
                MAIL_WAIT,
            )
            .await
            .unwrap_or_else(|| {
                panic!(
                    "no mail to {to} with subject containing {subject_contains:?}; got {:?}",
                    self.smtp
                        .messages()
                        .iter()
                        .map(|m| (&m.to, &m.subject))
                        .collect::<Vec<_>>()
                )
            })
    }

    /// Wait until the outbox has nothing pending: mail that reached the SMTP sink is also
    /// recorded as sent (its links' validity counts from then), before a test moves the
    /// clock.
    pub async fn wait_for_outbox_sent(&self) {
        let deadline = std::time::Instant::now() + MAIL_WAIT;
        loop {
            let pending = {
                let mut conn = self.pool.get().expect("conn");
                dsr_tracker::db::outbox::count_by_status(&mut conn, "pending").expect("count")
            };
            if pending == 0 {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{pending} message(s) still pending"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn count_requests(&self) -> i64 {
        let mut conn = self.pool.get().expect("conn");
        dsr_tracker::db::requests::count(&mut conn, &Default::default()).expect("count")
    }

    /// Create the first admin through the setup link and return a logged-in client.
    pub async fn admin_client(&self) -> reqwest::Client {
        let link = self
            .setup_link
            .clone()
            .expect("setup link on a fresh database");
        let c = Self::client();
        let path = link.trim_start_matches(&self.base).to_string();
        let token = self.csrf(&c, &path).await;
        let (status, body, location) = self
            .post_form(
                &c,
                &path,
                &[
                    ("csrf_token", &token),
                    ("name", "Dana DPO"),
                    ("email", "dpo@telecom.example"),
                    ("password", ADMIN_PASSWORD),
                    ("password_again", ADMIN_PASSWORD),
                ],
            )
            .await;
        assert_eq!(status, 303, "setup: {body}");
        assert_eq!(location.as_deref(), Some("/dashboard"));
        c
    }
}

pub const ADMIN_PASSWORD: &str = "correct horse battery staple";

pub fn csrf_in(body: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_string())
}

/// Submit a valid request through the portal form; returns the reference.
pub async fn submit_request(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
    kind_fields: &[(&str, &str)],
) -> String {
    let token = app.csrf(c, "/").await;
    let mut form: Vec<(&str, &str)> = vec![
        ("csrf_token", &token),
        ("name", "Kari Nordmann"),
        ("email", email),
    ];
    form.extend_from_slice(kind_fields);
    let (status, body, _) = app.post_form(c, "/requests", &form).await;
    assert_eq!(status, 200, "submit: {body}");
    reference_in(&body).expect("reference on the page")
}

pub fn reference_in(text: &str) -> Option<String> {
    let start = text.find("DSR-")?;
    let r: String = text[start..].chars().take(15).collect();
    (r.len() == 15).then_some(r)
}

/// Submit, then verify through the emailed link. Returns (reference, acknowledgement mail).
pub async fn submit_and_verify(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
) -> (String, ReceivedMail) {
    let reference = submit_request(app, c, email, &[("kind", "access")]).await;
    let mail = app.wait_for_mail(email, &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base))
        .into_iter()
        .next()
        .expect("verify link");
    let path = link.trim_start_matches(&app.base).to_string();
    let token = app.csrf(c, &path).await;
    let (status, body, _) = app.post_form(c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200, "verify: {body}");
    let ack = app.wait_for_mail(email, "We have your request").await;
    (reference, ack)
}

/// reqwest (the app's webhook client and the tests') takes its TLS provider from the
/// process: the app installs ring's when it starts (`Application::build`), so a test that
/// makes a client before any app is running in its process calls this first. Every
/// client made here does.
pub fn tls_provider() {
    dsr_tracker::webhooks::install_tls_provider();
}

/// A client whose cookies the test can read (to replay a captured cookie elsewhere).
pub fn client_with_jar() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    tls_provider();
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    (c, jar)
}

impl TestApp {
    /// The `Cookie` header the jar would send to this app.
    pub fn cookie_header(&self, jar: &reqwest::cookie::Jar) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = self.base.parse().expect("base url");
        jar.cookies(&url)
            .and_then(|v| v.to_str().ok().map(str::to_string))
            .unwrap_or_default()
    }

    /// Add an account directly (as `dsr-tracker user add` does).
    pub fn create_user(&self, email: &str, role: &str) -> dsr_tracker::workflow::users::Staff {
        use dsr_tracker::domain::newtypes::{EmailAddress, ShortText};
        use dsr_tracker::domain::roles::Role;
        use dsr_tracker::workflow::{users, Ctx};
        let mut conn = self.pool.get().expect("conn");
        let ctx = Ctx {
            settings: &self.settings,
            now: self.clock_now(),
        };
        let input = users::NewUserInput {
            email: EmailAddress::parse(email).expect("email"),
            name: ShortText::parse("Test Handler", 200, "a name").expect("name"),
            role: Role::parse(role).expect("role"),
            password: ADMIN_PASSWORD.to_string(),
        };
        users::create_user(&mut conn, &ctx, &input).expect("create user")
    }

    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        use dsr_tracker::time::Clock;
        self.clock.now()
    }

    /// Log in through the form; returns the status and where it redirects.
    pub async fn login(
        &self,
        c: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> (u16, Option<String>) {
        let token = self.csrf(c, "/login").await;
        let (status, _, location) = self
            .post_form(
                c,
                "/login",
                &[
                    ("csrf_token", &token),
                    ("email", email),
                    ("password", password),
                ],
            )
            .await;
        (status, location)
    }

    /// Where a GET redirects (None when it answers without a redirect), and its status.
    pub async fn status_of(&self, c: &reqwest::Client, path: &str) -> (u16, Option<String>) {
        let r = c.get(self.url(path)).send().await.expect("GET");
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (r.status().as_u16(), location)
    }
}

impl TestApp {
    /// The settings the app runs with, with its secret key loaded (as after
    /// `prepare_data_dir`).
    pub fn settings_with_key(&self) -> Settings {
        let mut s = self.settings.clone();
        s.prepare_data_dir().expect("data dir");
        s
    }
}

/// The value of the hidden field `name` on a page, HTML entities decoded.
pub fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {name}")) + marker.len();
    let end = page[start..].find('"').expect("end") + start;
    html_unescape(&page[start..end])
}

/// Every value of hidden fields named `name` on a page (without repeats).
pub fn all_hidden(page: &str, name: &str) -> Vec<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let mut out = Vec::new();
    for part in page.split(&marker).skip(1) {
        if let Some(end) = part.find('"') {
            let v = html_unescape(&part[..end]);
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

pub fn html_unescape(s: &str) -> String {
    s.replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// The actions of a request's audit events, oldest first.
pub fn audit_actions(app: &TestApp, id: &str) -> Vec<String> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::audit::for_request(&mut conn, id)
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// How many outbox rows a request has.
pub fn outbox_count(app: &TestApp, id: &str) -> usize {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::outbox::for_request(&mut conn, id)
        .expect("outbox")
        .len()
}

/// Team helpers (issue 9 tests): actions through the request page's forms and requests
/// entered by hand.
pub fn request_version(app: &TestApp, id: &str) -> String {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::requests::find(&mut conn, id)
        .expect("find")
        .expect("row")
        .version
        .to_string()
}

/// Post a request-page action as its form would.
pub async fn act_on(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) {
    let token = app.csrf(c, &format!("/dashboard/requests/{id}")).await;
    let v = request_version(app, id);
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token), ("version", &v)];
    form.extend_from_slice(fields);
    let (status, body, _) = app
        .post_form(c, &format!("/dashboard/requests/{id}/{action}"), &form)
        .await;
    assert_eq!(status, 303, "{action}: {body}");
}

/// Enter a verified request by hand, received `days_ago` days before today; returns its id
/// and reference.
pub async fn enter_by_hand(
    app: &TestApp,
    c: &reqwest::Client,
    name: &str,
    email: &str,
    days_ago: i64,
) -> (String, String) {
    let today: chrono::NaiveDate =
        dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone);
    let date = (today - chrono::Duration::days(days_ago)).to_string();
    let token = app.csrf(c, "/dashboard/intake").await;
    let form = vec![
        ("csrf_token", token.as_str()),
        ("channel", "letter"),
        ("received_date", date.as_str()),
        ("received_time", "00:00"),
        ("kind", "access"),
        ("name", name),
        ("email", email),
        ("verified", "yes"),
        ("verification_method", "Signed letter, checked"),
    ];
    let (status, body, location) = app.post_form(c, "/dashboard/intake", &form).await;
    assert_eq!(status, 303, "{body}");
    let id = location
        .expect("to the request page")
        .trim_start_matches("/dashboard/requests/")
        .to_string();
    let (_, page) = app.get(c, &format!("/dashboard/requests/{id}")).await;
    (id, reference_in(&page).expect("reference"))
}

/// Submit a request of any kind through the portal and verify it through the emailed
/// link (issue 10 tests). Returns (reference, id, the verify answer's page).
pub async fn submit_verified_kind(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
    kind_fields: &[(&str, &str)],
) -> (String, String) {
    let reference = submit_request(app, c, email, kind_fields).await;
    let mail = app.wait_for_mail(email, &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base))
        .into_iter()
        .next()
        .expect("verify link");
    let path = link.trim_start_matches(&app.base).to_string();
    let token = app.csrf(c, &path).await;
    let (status, body, _) = app.post_form(c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200, "verify: {body}");
    let id = {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::requests;
        let mut conn = app.pool.get().expect("conn");
        requests::table
            .filter(requests::reference.eq(&reference))
            .select(requests::id)
            .first::<String>(&mut conn)
            .expect("request id")
    };
    (reference, id)
}

/// Post a request-page action as its form would; returns (status, body, location).
pub async fn try_act(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    let token = app.csrf(c, &format!("/dashboard/requests/{id}")).await;
    let v = request_version(app, id);
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token), ("version", &v)];
    form.extend_from_slice(fields);
    app.post_form(c, &format!("/dashboard/requests/{id}/{action}"), &form)
        .await
}

/// Complete through the preview, as the page does: returns the send's status and body.
pub async fn complete_via_preview(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let (status, preview, _) = try_act(app, c, id, "complete/preview", fields).await;
    if status != 200 {
        return (status, preview);
    }
    let fields = [
        "csrf_token",
        "version",
        "outcome",
        "answer",
        "reasons",
        "digest",
    ]
    .map(|n| (n, hidden(&preview, n)));
    let mut form: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    // The recipients ticked for Art. 19 notices ride along as repeated hidden fields.
    let recipients = all_hidden(&preview, "recipient");
    let send_form = preview
        .split("action=\"/dashboard/requests/")
        .nth(1)
        .unwrap_or("");
    let send_form = send_form.split("</form>").next().unwrap_or("");
    let in_send: Vec<&String> = recipients
        .iter()
        .filter(|r| send_form.contains(&format!("name=\"recipient\" value=\"{r}\"")))
        .collect();
    for r in in_send {
        form.push(("recipient", r.as_str()));
    }
    let (status, body, _) = app
        .post_form(c, &format!("/dashboard/requests/{id}/complete"), &form)
        .await;
    (status, body)
}

impl TestApp {
    /// Log the first admin (made by `admin_client`) in again, e.g. after the clock moved
    /// past the session's lifetime.
    pub async fn admin_login(&self) -> reqwest::Client {
        let c = Self::client();
        let (status, _) = self.login(&c, "dpo@telecom.example", ADMIN_PASSWORD).await;
        assert_eq!(status, 303, "admin logs in");
        c
    }
}
