//! Queue paging with many requests (issue: "paging stays fast with 100,000 requests").
//! Measures, does not assert: prints median and 95th percentile per query.
//!
//!   cargo bench --bench queue                      # SQLite, 100,000 requests
//!   DSR_BENCH_REQUESTS=20000 cargo bench --bench queue
//!   DSR_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1/postgres cargo bench --bench queue

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use dsr_tracker::config::Settings;
use dsr_tracker::db::requests::{count, queue_page, QueueFilter, StatusFilter};
use dsr_tracker::db::{self, DbConn};

const ROUNDS: usize = 40;

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

fn bench_backend(label: &str, url: &str, n: u32) {
    let mut env = HashMap::new();
    env.insert("DSR_DATABASE_URL".to_string(), url.to_string());
    let settings = Settings::from_env(&env).expect("settings");
    let pool = db::build_pool(url, 2).expect("pool");
    let mut conn = pool.get().expect("conn");
    db::run_migrations(&mut conn).expect("migrations");
    let started = Instant::now();
    dsr_tracker::seed::seed_demo(&mut conn, &settings, chrono::Utc::now(), n, false).expect("seed");
    let seeded = started.elapsed();
    if let DbConn::Pg(c) = &mut *conn {
        c.batch_execute("ANALYZE requests").expect("analyze");
    }
    println!(
        "\n{label}: {n} requests seeded in {:.1} s",
        seeded.as_secs_f64()
    );

    let active = QueueFilter {
        status: StatusFilter::Active,
        kind: None,
    };
    let all = QueueFilter::default();
    let erasure = QueueFilter {
        status: StatusFilter::One("completed".into()),
        kind: Some("erasure".into()),
    };
    // A cursor half-way through the whole queue: keyset paging costs the same at any depth.
    let middle = {
        let mut after = None;
        for _ in 0..(n / 2 / 500) {
            let page = queue_page(&mut conn, &all, after.clone(), 500).expect("page");
            after = page.last().map(|r| (r.due_date, r.id.clone()));
        }
        after
    };

    report("first page, needs action (50 rows)", || {
        queue_page(&mut conn, &active, None, 51).map(|_| ())
    });
    report("first page, all statuses", || {
        queue_page(&mut conn, &all, None, 51).map(|_| ())
    });
    report("page in the middle, all statuses", || {
        queue_page(&mut conn, &all, middle.clone(), 51).map(|_| ())
    });
    report("first page, completed erasures", || {
        queue_page(&mut conn, &erasure, None, 51).map(|_| ())
    });
    report("count, needs action", || {
        count(&mut conn, &active).map(|_| ())
    });
    report("count, all", || count(&mut conn, &all).map(|_| ()));

    if let DbConn::Sqlite(c) = &mut *conn {
        #[derive(QueryableByName)]
        struct Plan {
            #[diesel(sql_type = Text)]
            detail: String,
        }
        let plan: Vec<Plan> = diesel::sql_query(
            "EXPLAIN QUERY PLAN SELECT * FROM requests WHERE status IN \
             ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject') \
             ORDER BY due_date, id LIMIT 51",
        )
        .load(c)
        .unwrap_or_default();
        println!(
            "  plan (needs action, first page): {}",
            plan.iter()
                .map(|p| p.detail.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}

fn report(what: &str, mut f: impl FnMut() -> QueryResult<()>) {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            f().expect("query");
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {what:<40} median {:>7.2} ms   p95 {:>7.2} ms",
        ms(times[ROUNDS / 2]),
        ms(times[ROUNDS * 95 / 100])
    );
}
