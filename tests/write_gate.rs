//! SQLite writers in one process pass the write gate in turn (issue 6: intake's tail came
//! from writers sleeping in SQLite's busy handler). Each thread here has its own
//! connection with `busy_timeout = 0`, so any writer that met another's lock would fail at
//! once with "database is locked" instead of waiting: these tests fail without the gate.

use std::sync::mpsc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use dsr_tracker::db::{self, DbConn};

mod support;

fn migrated_database(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("gate.db").to_string_lossy().into_owned();
    let pool = db::build_pool(&path, 1).expect("pool");
    db::run_migrations(&mut pool.get().expect("connection")).expect("migrations");
    path
}

/// A connection that never waits for SQLite's write lock: it fails with SQLITE_BUSY instead.
/// Its set-up is patient: `PRAGMA journal_mode` takes a lock of its own, and meeting another
/// thread's write there is not what these tests are about (CI once failed on exactly that).
/// Only after the set-up does the busy timeout drop to 0.
fn impatient_connection(path: &str) -> DbConn {
    let mut c = SqliteConnection::establish(path).expect("connect");
    c.batch_execute(
        "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
         SELECT counter FROM write_lock WHERE id = 1; PRAGMA busy_timeout = 0;",
    )
    .expect("pragmas");
    DbConn::Sqlite(c)
}

#[derive(QueryableByName)]
struct Counter {
    #[diesel(sql_type = BigInt)]
    counter: i64,
}

fn counter(conn: &mut DbConn) -> i64 {
    diesel::sql_query("SELECT counter FROM write_lock WHERE id = 1")
        .get_result::<Counter>(conn)
        .expect("counter")
        .counter
}

#[test]
fn concurrent_sqlite_writers_in_one_process_never_meet_a_locked_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = migrated_database(&dir);
    let before = counter(&mut impatient_connection(&path));
    const THREADS: usize = 6;
    const ROUNDS: usize = 25;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut conn = impatient_connection(&path);
                let mut failures = Vec::new();
                for round in 0..ROUNDS {
                    // A transaction that reads, holds the lock a moment, then writes.
                    let tx = db::write_transaction(&mut conn, |c| {
                        let seen = counter(c);
                        std::thread::sleep(Duration::from_micros(300));
                        diesel::sql_query("UPDATE write_lock SET counter = counter WHERE id = 1")
                            .execute(c)?;
                        Ok::<_, diesel::result::Error>(seen)
                    });
                    if let Err(e) = tx {
                        failures.push(format!("thread {t} transaction {round}: {e}"));
                    }
                    // And a single gated statement outside any transaction, as the
                    // dispatcher and the sweeper write.
                    let now = chrono::Utc::now().naive_utc();
                    if let Err(e) = db::tokens::delete_expired(&mut conn, now) {
                        failures.push(format!("thread {t} statement {round}: {e}"));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    assert!(
        failures.is_empty(),
        "writers met a locked database: {failures:#?}"
    );
    assert_eq!(
        counter(&mut impatient_connection(&path)) - before,
        (THREADS * ROUNDS) as i64,
        "every write transaction committed once"
    );
}

#[test]
fn a_gated_write_inside_a_write_transaction_does_not_wait_for_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = migrated_database(&dir);
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let mut conn = impatient_connection(&path);
        let result = db::write_transaction(&mut conn, |c| {
            assert!(
                db::write_gate(c).is_none(),
                "the gate is already held by this thread"
            );
            db::tokens::delete_expired(c, chrono::Utc::now().naive_utc())
        });
        // Released afterwards: the next writer passes.
        let next = db::tokens::delete_expired(&mut conn, chrono::Utc::now().naive_utc());
        let _ = done.send((result.is_ok(), next.is_ok()));
    });
    let (inner, next) = finished
        .recv_timeout(Duration::from_secs(20))
        .expect("a nested gated write deadlocked");
    assert!(inner && next);
}

#[test]
fn postgres_single_statement_writes_do_not_take_the_gate() {
    let Ok(url) = std::env::var("DSR_TEST_POSTGRES_URL") else {
        return;
    };
    let conn = DbConn::Pg(PgConnection::establish(&url).expect("postgres"));
    assert!(db::write_gate(&conn).is_none());
}

/// On PostgreSQL the write transactions of one process queue on the gate, not on the
/// write_lock row: with `lock_timeout = 1ms` a writer that waited for another's row lock
/// would fail.
#[test]
fn postgres_write_transactions_of_one_process_never_wait_for_the_row_lock() {
    let Ok(admin) = std::env::var("DSR_TEST_POSTGRES_URL") else {
        return;
    };
    let name = format!("dsr_gate_{}", std::process::id());
    let mut admin_conn = PgConnection::establish(&admin).expect("postgres");
    admin_conn
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    let url = format!(
        "{}/{name}",
        admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
    );
    {
        let pool = db::build_pool(&url, 1).expect("pool");
        db::run_migrations(&mut pool.get().expect("connection")).expect("migrations");
    }
    let before = counter(&mut DbConn::Pg(PgConnection::establish(&url).expect("pg")));
    const THREADS: usize = 4;
    const ROUNDS: usize = 20;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut c = PgConnection::establish(&url).expect("connect");
                c.batch_execute("SET lock_timeout = '1ms'")
                    .expect("lock_timeout");
                let mut conn = DbConn::Pg(c);
                let mut failures = Vec::new();
                for round in 0..ROUNDS {
                    let tx = db::write_transaction(&mut conn, |c| {
                        std::thread::sleep(Duration::from_millis(2));
                        db::requests::next_reference(c, 2026)
                    });
                    if let Err(e) = tx {
                        failures.push(format!("thread {t} transaction {round}: {e}"));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    let after = counter(&mut DbConn::Pg(PgConnection::establish(&url).expect("pg")));
    let _ = admin_conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    assert!(
        failures.is_empty(),
        "writers waited for the row lock: {failures:#?}"
    );
    assert_eq!(after - before, (THREADS * ROUNDS) as i64);
}

/// The server moves committed pages from the WAL into the database file in the
/// background, so no commit has to (issue 6: a checkpoint inside a commit held up every
/// writer queued behind it). A copy of the database file alone, without its WAL, holds
/// the submitted requests shortly after they are answered; before, they stayed in the
/// WAL until a commit found 1,000 pages there.
#[tokio::test]
async fn the_server_checkpoints_the_sqlite_wal_in_the_background() {
    let app = support::TestApp::spawn().await;
    let support::TestDb::Sqlite(dir) = &app.db else {
        return; // PostgreSQL has no WAL file to check
    };
    let c = support::TestApp::client();
    for i in 0..3 {
        support::submit_request(
            &app,
            &c,
            &format!("wal{i}@example.com"),
            &[("kind", "access"), ("access_scope", "all")],
        )
        .await;
    }
    let copy = tempfile::tempdir().expect("tempdir");
    let copied = copy.path().join("copy.db");
    let mut seen = -1;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        std::fs::copy(dir.path().join("test.db"), &copied).expect("copy");
        // A copy taken mid-checkpoint may be unreadable: try again.
        let Ok(mut conn) = SqliteConnection::establish(&copied.to_string_lossy()) else {
            continue;
        };
        if let Ok(n) = diesel::sql_query("SELECT count(*) AS counter FROM requests")
            .get_result::<Counter>(&mut conn)
        {
            seen = n.counter;
            if seen == 3 {
                return;
            }
        }
    }
    panic!("the database file alone holds {seen} of 3 requests: the WAL was not checkpointed");
}
