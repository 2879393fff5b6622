//! How fast the outbox drains (issue 6: "mail keeps up with intake"). Measures, does not
//! assert. Queues real verification emails through `workflow::intake::submit`, then:
//!
//! - **drain**: one dispatcher sends the whole backlog into a local SMTP sink (the test
//!   sink, `tests/support/smtp_sink.rs`) or into `.eml` files, and prints messages a second;
//! - **wake-up**: with the mail loop running (`jobs::run_forever`, interval one minute),
//!   submissions one at a time, each followed by the post-commit wake-up `AppState::run`
//!   gives, and the time from the commit until the SMTP sink has the message.
//!
//!   cargo bench --bench mail                                  # SQLite, 2,000 messages
//!   DSR_BENCH_MESSAGES=5000 DSR_SMTP_CONNECTIONS=8 cargo bench --bench mail
//!   DSR_BENCH_TRANSPORT=file cargo bench --bench mail          # .eml files, no SMTP
//!   DSR_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench --bench mail

#[path = "../tests/support/smtp_sink.rs"]
mod smtp_sink;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use dsr_tracker::config::Settings;
use dsr_tracker::db::{self, Pool};
use dsr_tracker::domain::kinds::FormInput;
use dsr_tracker::domain::submission::{parse_submission, Submission};
use dsr_tracker::mail::outbox::noting_queued_mail;
use dsr_tracker::time::{SharedClock, SystemClock};
use dsr_tracker::workflow::intake::{self, Channel};
use dsr_tracker::workflow::Ctx;
use smtp_sink::SmtpSink;

/// Submissions timed one at a time for the wake-up figure.
const WAKE_SAMPLES: usize = 50;

fn main() {
    let n: usize = env_number("DSR_BENCH_MESSAGES", 2000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        let sqlite_url = dir.path().join("bench.db").to_string_lossy().into_owned();
        bench_backend("SQLite", &sqlite_url, n).await;
        if let Ok(admin) = std::env::var("DSR_TEST_POSTGRES_URL") {
            let name = format!("dsr_mail_bench_{}", std::process::id());
            let mut conn = PgConnection::establish(&admin).expect("postgres");
            conn.batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create");
            let url = format!(
                "{}/{name}",
                admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
            );
            bench_backend("PostgreSQL", &url, n).await;
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    });
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn bench_backend(label: &str, url: &str, n: usize) {
    let sink = SmtpSink::start().await;
    let data_dir = tempfile::tempdir().expect("tempdir");
    let to_files = std::env::var("DSR_BENCH_TRANSPORT").as_deref() == Ok("file");
    let mut env = HashMap::new();
    env.insert("DSR_DATABASE_URL".to_string(), url.to_string());
    env.insert(
        "DSR_DATA_DIR".to_string(),
        data_dir.path().to_string_lossy().into_owned(),
    );
    env.insert("DSR_WORKER_INTERVAL_MS".to_string(), "60000".to_string());
    if !to_files {
        env.insert("DSR_SMTP_URL".to_string(), sink.url());
    }
    if let Ok(c) = std::env::var("DSR_SMTP_CONNECTIONS") {
        env.insert("DSR_SMTP_CONNECTIONS".to_string(), c);
    }
    let mut settings = Settings::from_env(&env).expect("settings");
    settings.prepare_data_dir().expect("data dir");
    let settings = Arc::new(settings);
    let pool = db::build_pool(url, 10).expect("pool");
    db::run_migrations(&mut pool.get().expect("conn")).expect("migrations");
    let clock: SharedClock = Arc::new(SystemClock);

    // The backlog: n verification emails, as n portal submissions leave them.
    let started = Instant::now();
    {
        let (pool, settings) = (pool.clone(), settings.clone());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("conn");
            for i in 0..n {
                submit(&mut conn, &settings, i);
            }
        })
        .await
        .expect("queue");
    }
    let queued_in = started.elapsed();

    let dispatcher =
        Arc::new(dsr_tracker::startup::build_dispatcher(&settings).expect("dispatcher"));
    let started = Instant::now();
    let report = dispatcher.drain(&pool, &clock).await.expect("drain");
    let drained_in = started.elapsed();
    let delivered = if to_files {
        std::fs::read_dir(settings.mail_dir())
            .expect("mail dir")
            .filter(|e| {
                e.as_ref()
                    .map(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .unwrap_or(false)
            })
            .count()
    } else {
        sink.messages().len()
    };
    let pending =
        db::outbox::count_by_status(&mut pool.get().expect("conn"), "pending").expect("count");
    println!(
        "\n{label}: {n} verification emails queued in {:.1} s",
        queued_in.as_secs_f64()
    );
    println!(
        "  drain into {}, {} connections: {} sent in {:.2} s = {:.0} messages/s \
         ({delivered} delivered, {} retried, {} failed, {pending} still pending)",
        dispatcher.transport.describe(),
        dispatcher.connections,
        report.sent,
        drained_in.as_secs_f64(),
        report.sent as f64 / drained_in.as_secs_f64(),
        report.retried,
        report.failed,
    );

    if !to_files {
        wake_latency(&pool, &settings, &clock, dispatcher, &sink, n).await;
    }
}

/// Idle server: the time from a submission's commit to its verification email reaching
/// the SMTP sink, with the mail loop woken after the commit as `AppState::run` does.
async fn wake_latency(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    dispatcher: Arc<dsr_tracker::mail::dispatcher::Dispatcher>,
    sink: &SmtpSink,
    already: usize,
) {
    let wake = dispatcher.wake.clone();
    let loop_task = tokio::spawn(dsr_tracker::jobs::run_forever(
        pool.clone(),
        settings.clone(),
        clock.clone(),
        dispatcher,
    ));
    // Let the loop's first round pass, so it waits for wake-ups.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut latencies = Vec::with_capacity(WAKE_SAMPLES);
    for i in 0..WAKE_SAMPLES {
        let (pool, settings, wake) = (pool.clone(), settings.clone(), wake.clone());
        let committed = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("conn");
            let ((), queued) = noting_queued_mail(|| submit(&mut conn, &settings, already + i));
            let committed = Instant::now();
            if queued {
                wake.notify_one();
            }
            committed
        })
        .await
        .expect("submit");
        let want = already + i + 1;
        let arrived = sink
            .wait_for(|_| sink.messages().len() >= want, Duration::from_secs(70))
            .await;
        assert!(arrived.is_some(), "the email never arrived");
        latencies.push(committed.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    loop_task.abort();
    latencies.sort();
    let at = |p: f64| latencies[((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1)];
    println!(
        "  idle wake-up, commit → SMTP server, {WAKE_SAMPLES} submissions one at a time: \
         p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(1.0)),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Form(HashMap<&'static str, String>);

impl FormInput for Form {
    fn value(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }
    fn values(&self, name: &str) -> Vec<&str> {
        self.0
            .get(name)
            .map(|v| vec![v.as_str()])
            .unwrap_or_default()
    }
}

/// One erasure request with a unique address, as the portal stores it.
fn submit(conn: &mut db::DbConn, settings: &Settings, i: usize) {
    let form = Form(HashMap::from([
        ("kind", "erasure".to_string()),
        ("name", "Kari Nordmann".to_string()),
        ("email", format!("bench{i}@example.no")),
    ]));
    let submission: Submission = parse_submission(&form).expect("valid submission");
    let ctx = Ctx {
        settings,
        now: chrono::Utc::now(),
    };
    intake::submit(
        conn,
        &ctx,
        &submission,
        Channel::Portal,
        dsr_tracker::domain::lang::Lang::En,
        &dsr_tracker::workflow::Actor::Subject,
    )
    .expect("submit");
}
