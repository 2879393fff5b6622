//! Every queue view at 100,000 requests (issue 6: p50 ≤ 5 ms, p99 ≤ 15 ms per view, counts
//! included). Measures, does not assert: prints the median and 99th percentile of the
//! page query and of the count the page shows, for every view the dashboard offers, then
//! the plans of the key views.
//!
//!   cargo bench --bench queue                      # SQLite, 100,000 requests
//!   DSR_BENCH_REQUESTS=20000 cargo bench --bench queue
//!   DSR_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1/postgres cargo bench --bench queue

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use dsr_tracker::config::Settings;
use dsr_tracker::db::requests::{
    count, explain_queue, queue_count, queue_counts, queue_page, AssigneeFilter, QueueCount,
    QueueFilter, QueueQuery, StatusFilter, UrgencyFilter,
};
use dsr_tracker::db::{self, DbConn};
use dsr_tracker::domain::kinds::Kind;
use dsr_tracker::domain::status::Status;

/// Enough samples for a 99th percentile that is not just the maximum.
const ROUNDS: usize = 200;
/// The dashboard's page: 50 rows, one more to know whether a next page exists.
const PAGE: i64 = 51;

fn main() {
    let n: u32 = std::env::var("DSR_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let sqlite_url = dir.path().join("bench.db").to_string_lossy().into_owned();
    bench_backend("SQLite", &sqlite_url, n);
    if let Ok(admin) = std::env::var("DSR_TEST_POSTGRES_URL") {
        let name = format!("dsr_bench_{}", std::process::id());
        let mut conn = PgConnection::establish(&admin).expect("postgres");
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create");
        let url = format!(
            "{}/{name}",
            admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
        );
        bench_backend("PostgreSQL", &url, n);
        let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }
}

fn view(status: StatusFilter, kind: Option<&str>) -> QueueFilter {
    QueueFilter {
        status,
        kind: kind.map(|k| Kind::parse(k).expect("kind")),
        ..QueueFilter::default()
    }
}

fn one(status: &str) -> StatusFilter {
    StatusFilter::One(Status::parse(status).expect("status"))
}

fn label(f: &QueueFilter) -> String {
    let status = match &f.status {
        StatusFilter::All => "all".to_string(),
        StatusFilter::Active => "needs action".to_string(),
        StatusFilter::One(s) => s.to_string(),
    };
    match &f.kind {
        Some(k) => format!("{status} + {k}"),
        None => status,
    }
}

/// Every view the dashboard offers: needs action and all, each status, each kind (with the
/// default "needs action" and with all statuses), and status with kind.
fn views() -> Vec<QueueFilter> {
    let mut v = vec![
        view(StatusFilter::Active, None),
        view(StatusFilter::All, None),
    ];
    v.extend(Status::ALL.iter().map(|s| view(one(s.as_str()), None)));
    for k in Kind::ALL {
        v.push(view(StatusFilter::Active, Some(k.as_str())));
    }
    for k in Kind::ALL {
        v.push(view(StatusFilter::All, Some(k.as_str())));
    }
    v.push(view(one("completed"), Some("erasure")));
    v.push(view(one("expired"), Some("access")));
    v.push(view(one("open"), Some("erasure")));
    v.push(view(one("awaiting_verification"), Some("portability")));
    v.push(view(one("awaiting_subject"), Some("rectification")));
    v
}

fn bench_backend(backend: &str, url: &str, n: u32) {
    let mut env = HashMap::new();
    env.insert("DSR_DATABASE_URL".to_string(), url.to_string());
    let settings = Settings::from_env(&env).expect("settings");
    let pool = db::build_pool(url, 2).expect("pool");
    let mut conn = pool.get().expect("conn");
    db::run_migrations(&mut conn).expect("migrations");
    let started = Instant::now();
    // Ends with the statistics refresh (ANALYZE; VACUUM ANALYZE on PostgreSQL).
    dsr_tracker::seed::seed_demo(&mut conn, &settings, chrono::Utc::now(), n, false).expect("seed");
    println!(
        "\n{backend}: {n} requests seeded in {:.1} s (with ANALYZE), {ROUNDS} rounds per query",
        started.elapsed().as_secs_f64()
    );
    println!(
        "  {:<38} {:>17} {:>17}  {:>8}",
        "view", "page p50 / p99", "count p50 / p99", "shown"
    );

    for f in views() {
        let page = measure(|| queue_page(&mut conn, &f, None, PAGE).map(|_| ()));
        let mut shown = QueueCount::Exact(0);
        let counted = measure(|| {
            shown = queue_count(&mut conn, &f)?;
            Ok(())
        });
        println!(
            "  {:<38} {} {}  {:>8}",
            label(&f),
            fmt(page),
            fmt(counted),
            match shown {
                QueueCount::Exact(n) => n.to_string(),
                QueueCount::MoreThan(n) => format!(">{n}"),
            }
        );
    }

    // Half-way: keyset paging costs the same at any depth.
    for f in [
        view(StatusFilter::All, None),
        view(StatusFilter::Active, None),
        view(one("completed"), Some("erasure")),
        view(StatusFilter::All, Some("objection")),
    ] {
        let middle = half_way(&mut conn, &f);
        let page = measure(|| queue_page(&mut conn, &f, middle.clone(), PAGE).map(|_| ()));
        println!(
            "  {:<38} {}",
            format!("page half-way, {}", label(&f)),
            fmt(page)
        );
    }

    let failed = measure(|| db::outbox::count_failed_capped(&mut conn).map(|_| ()));
    println!("  {:<38} {}", "failed-mail count (every page)", fmt(failed));

    // The queue handler's whole database work for one page: rows, count, failed mail.
    for f in [
        view(StatusFilter::Active, None),
        view(StatusFilter::All, None),
        view(one("completed"), Some("erasure")),
    ] {
        let whole = measure(|| {
            queue_page(&mut conn, &f, None, PAGE)?;
            queue_count(&mut conn, &f)?;
            db::outbox::count_failed_capped(&mut conn)?;
            Ok(())
        });
        println!(
            "  {:<38} {}",
            format!("whole page's queries, {}", label(&f)),
            fmt(whole)
        );
    }

    // Issue 9: the counts at the top (one pass over the active index), the triage
    // filters, and search.
    let today = chrono::Utc::now().date_naive();
    let counts = measure(|| queue_counts(&mut conn, today, 7, "no-such-user").map(|_| ()));
    println!("  {:<38} {}", "the six counts at the top", fmt(counts));
    let some_user: Option<String> =
        db::requests::queue_page(&mut conn, &view(StatusFilter::Active, None), None, 500)
            .expect("page")
            .into_iter()
            .find_map(|r| r.assignee_id);
    let mut triage = vec![
        (
            "needs action, unassigned",
            QueueFilter {
                assignee: AssigneeFilter::Unassigned,
                ..view(StatusFilter::Active, None)
            },
        ),
        (
            "needs action, overdue",
            QueueFilter {
                urgency: Some(UrgencyFilter::Overdue { today }),
                ..view(StatusFilter::Active, None)
            },
        ),
        (
            "needs action, due within 7 days",
            QueueFilter {
                urgency: Some(UrgencyFilter::DueSoon { today, days: 7 }),
                ..view(StatusFilter::Active, None)
            },
        ),
        (
            "needs action, missed promise",
            QueueFilter {
                missed_promise: true,
                ..view(StatusFilter::Active, None)
            },
        ),
        (
            "needs action, due before today + 10",
            QueueFilter {
                due_before: today.checked_add_signed(chrono::Duration::days(10)),
                ..view(StatusFilter::Active, None)
            },
        ),
    ];
    if let Some(id) = some_user {
        triage.push((
            "needs action, one handler's",
            QueueFilter {
                assignee: AssigneeFilter::User(id),
                ..view(StatusFilter::Active, None)
            },
        ));
    }
    for (name, f) in triage {
        let page = measure(|| queue_page(&mut conn, &f, None, PAGE).map(|_| ()));
        let counted = measure(|| queue_count(&mut conn, &f).map(|_| ()));
        println!("  {:<38} {} {}", name, fmt(page), fmt(counted));
    }
    let sample = db::requests::queue_page(&mut conn, &view(StatusFilter::All, None), None, 1)
        .expect("page")
        .remove(0);
    let by_reference =
        measure(|| db::requests::find_by_reference(&mut conn, &sample.reference).map(|_| ()));
    let email = sample.subject_email.clone().unwrap_or_default();
    let by_email = measure(|| db::requests::search_email(&mut conn, &email, PAGE).map(|_| ()));
    let prefix: String = sample
        .subject_name_key
        .clone()
        .unwrap_or_default()
        .chars()
        .take(3)
        .collect();
    let mut found = 0;
    let by_name = measure(|| {
        found = db::requests::search_name_prefix(&mut conn, &prefix, PAGE)?.len();
        Ok(())
    });
    println!("  {:<38} {}", "search: reference", fmt(by_reference));
    println!("  {:<38} {}", "search: email address", fmt(by_email));
    println!(
        "  {:<38} {}  ({found} shown)",
        format!("search: name prefix \"{prefix}\""),
        fmt(by_name)
    );

    bench_one_handler(&mut conn, today);
    bench_reminders(&mut conn, &settings);

    println!("  plans:");
    for f in [
        view(StatusFilter::Active, None),
        view(StatusFilter::Active, Some("erasure")),
        view(StatusFilter::All, None),
        view(StatusFilter::All, Some("erasure")),
        view(one("open"), Some("erasure")),
        view(one("completed"), Some("erasure")),
        view(one("expired"), None),
    ] {
        for what in [QueueQuery::FirstPage, QueueQuery::Count] {
            let plan = explain_queue(&mut conn, &f, what).expect("explain");
            let steps: Vec<String> = plan
                .iter()
                .map(|l| {
                    // Keep the node names and conditions, drop PostgreSQL's cost figures.
                    let l = l.split("  (cost=").next().unwrap_or(l);
                    l.trim().trim_start_matches("->").trim().to_string()
                })
                .collect();
            println!("    {:<36} {:?}: {}", label(&f), what, steps.join(" | "));
        }
    }
}

/// The cursor half-way through a view, walked in pages of 500.
fn half_way(conn: &mut DbConn, f: &QueueFilter) -> Option<(chrono::NaiveDate, String)> {
    let total = count(conn, f).expect("count");
    let mut after = None;
    for _ in 0..(total / 2 / 500) {
        let page = queue_page(conn, f, after.clone(), 500).expect("page");
        after = page.last().map(|r| (r.due_date, r.id.clone()));
    }
    after
}

fn measure(f: impl FnMut() -> QueryResult<()>) -> (Duration, Duration) {
    measure_any(f)
}

fn measure_any<E: std::fmt::Debug>(mut f: impl FnMut() -> Result<(), E>) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            f().expect("query");
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[ROUNDS / 2], times[ROUNDS * 99 / 100])
}

fn fmt((p50, p99): (Duration, Duration)) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!("{:>7.2} / {:>6.2} ms", ms(p50), ms(p99))
}

/// A handler with 20 requests among all the others: their needs-action view, and all of
/// their requests whatever the status (issue 9: that view walks `requests_due`).
fn bench_one_handler(conn: &mut DbConn, today: chrono::NaiveDate) {
    let id = bench_user(conn, "bench-handler@example.com");
    let ids: Vec<String> = queue_page(conn, &view(StatusFilter::All, None), None, 400)
        .expect("page")
        .into_iter()
        .step_by(20)
        .map(|r| r.id)
        .collect();
    for rid in &ids {
        diesel::sql_query("UPDATE requests SET assignee_id = $1 WHERE id = $2")
            .bind::<diesel::sql_types::Text, _>(&id)
            .bind::<diesel::sql_types::Text, _>(rid)
            .execute(conn)
            .expect("assign");
    }
    for (name, status) in [
        ("one handler's 20, needs action", StatusFilter::Active),
        ("one handler's 20, all statuses", StatusFilter::All),
    ] {
        let f = QueueFilter {
            assignee: AssigneeFilter::User(id.clone()),
            ..view(status, None)
        };
        let page = measure(|| queue_page(conn, &f, None, PAGE).map(|_| ()));
        let counted = measure(|| queue_count(conn, &f).map(|_| ()));
        println!("  {:<38} {} {}", name, fmt(page), fmt(counted));
    }
    let counts = measure(|| queue_counts(conn, today, 7, &id).map(|_| ()));
    println!(
        "  {:<38} {}",
        "the six counts, as that handler",
        fmt(counts)
    );
}

/// The sweeper's reminder and digest jobs: the first run at this size (every overdue
/// request of the seed is reminded), then a run with nothing new, which is what every
/// later sweep costs.
fn bench_reminders(conn: &mut DbConn, settings: &Settings) {
    use dsr_tracker::workflow::{digest, reminders, Ctx};
    let mut settings = settings.clone();
    settings.secret_key = vec![7; 64];
    settings.digest_time = chrono::NaiveTime::from_hms_opt(0, 0, 0);
    let ctx = Ctx {
        settings: &settings,
        now: chrono::Utc::now(),
    };
    let t = Instant::now();
    let first = reminders::run_once(conn, &ctx).expect("reminders");
    println!(
        "  {:<38} {:>7.2} ms  ({} reminders, {} emails)",
        "reminders, first run",
        t.elapsed().as_secs_f64() * 1000.0,
        first.reminders,
        first.emails
    );
    let again = measure_any(|| reminders::run_once(conn, &ctx).map(|_| ()));
    println!(
        "  {:<38} {}",
        "reminders, a run with nothing new",
        fmt(again)
    );
    let t = Instant::now();
    let sent = digest::run_once(conn, &ctx).expect("digest");
    println!(
        "  {:<38} {:>7.2} ms  ({sent} digests)",
        "digest, the day's run",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let again = measure_any(|| digest::run_once(conn, &ctx).map(|_| ()));
    println!("  {:<38} {}", "digest, a later run that day", fmt(again));
}

fn bench_user(conn: &mut DbConn, email: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    db::users::insert(
        conn,
        &dsr_tracker::db::models::NewUser {
            id: &id,
            email,
            name: "Bench Handler",
            role: "handler",
            password_hash: "!bench",
            active: true,
            created_at: chrono::Utc::now().naive_utc(),
        },
    )
    .expect("user");
    id
}
