//! Both backends end up with the same tables, columns, nullability and indexes, and the
//! two migration folders hold the same migration names (DESIGN §10: kept in lockstep).

mod support;

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::MigrationHarness;
use dsr_tracker::db::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

#[derive(QueryableByName, Debug)]
struct Index {
    #[diesel(sql_type = Text)]
    name: String,
}

fn sqlite_shape(
    conn: &mut SqliteConnection,
) -> (BTreeSet<(String, String, bool)>, BTreeSet<String>) {
    let cols: Vec<Column> = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name, \
         CASE WHEN p.\"notnull\" = 1 OR p.pk = 1 THEN 0 ELSE 1 END AS nullable \
         FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .expect("sqlite columns");
    let idx: Vec<Index> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
    )
    .load(conn)
    .expect("sqlite indexes");
    (
        cols.into_iter()
            .map(|c| (c.table_name, c.column_name, c.nullable == 1))
            .collect(),
        idx.into_iter().map(|i| i.name).collect(),
    )
}

fn postgres_shape(conn: &mut PgConnection) -> (BTreeSet<(String, String, bool)>, BTreeSet<String>) {
    let cols: Vec<Column> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
         CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
         FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .expect("postgres columns");
    let idx: Vec<Index> = diesel::sql_query(
        "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = 'public' \
         AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' \
         AND tablename <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .expect("postgres indexes");
    (
        cols.into_iter()
            .map(|c| (c.table_name, c.column_name, c.nullable == 1))
            .collect(),
        idx.into_iter().map(|i| i.name).collect(),
    )
}

fn migration_names(dir: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("migrations dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn migration_folders_are_in_lockstep() {
    let sqlite = migration_names("migrations/sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("migrations/postgres"));
}

#[test]
fn both_backends_have_the_same_tables_columns_and_indexes() {
    // Runs in the PostgreSQL pass of the suite (.ci/run sets DSR_TEST_POSTGRES_URL).
    let Ok(admin_url) = std::env::var("DSR_TEST_POSTGRES_URL") else {
        eprintln!("DSR_TEST_POSTGRES_URL not set: the comparison runs in the PostgreSQL pass");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut sqlite =
        SqliteConnection::establish(&dir.path().join("s.db").to_string_lossy()).expect("sqlite");
    sqlite
        .run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("sqlite migrations");

    let name = format!("dsr_schema_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::establish(&admin_url).expect("postgres");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .expect("create db");
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut pg = PgConnection::establish(&support::replace_db_name(&admin_url, &name))
            .expect("postgres test db");
        pg.run_pending_migrations(POSTGRES_MIGRATIONS)
            .expect("postgres migrations");
        let (pg_cols, pg_idx) = postgres_shape(&mut pg);
        let (sq_cols, sq_idx) = sqlite_shape(&mut sqlite);
        assert!(sq_cols.len() > 20, "schema looks empty: {sq_cols:?}");
        assert_eq!(
            sq_cols, pg_cols,
            "columns differ between SQLite and PostgreSQL"
        );
        assert_eq!(
            sq_idx, pg_idx,
            "indexes differ between SQLite and PostgreSQL"
        );
    }));
    let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin);
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

#[derive(QueryableByName, Debug)]
struct Pragma {
    #[diesel(sql_type = Text)]
    value: String,
}

#[test]
fn every_pooled_sqlite_connection_has_wal_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = dir.path().join("p.db").to_string_lossy().into_owned();
    let pool = dsr_tracker::db::build_pool(&url, 3).expect("pool");
    // Hold three connections at once so they are three different connections.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(pool.get().expect("connection"));
    }
    for conn in held.iter_mut() {
        let dsr_tracker::db::DbConn::Sqlite(c) = &mut **conn else {
            panic!("a SQLite path gives a SQLite connection");
        };
        let read = |c: &mut SqliteConnection, sql: &str| -> String {
            diesel::sql_query(sql)
                .load::<Pragma>(c)
                .expect("pragma")
                .remove(0)
                .value
        };
        assert_eq!(
            read(c, "SELECT journal_mode AS value FROM pragma_journal_mode"),
            "wal"
        );
        assert_eq!(
            read(
                c,
                "SELECT CAST(foreign_keys AS TEXT) AS value FROM pragma_foreign_keys"
            ),
            "1"
        );
        assert_eq!(
            read(
                c,
                "SELECT CAST(timeout AS TEXT) AS value FROM pragma_busy_timeout"
            ),
            "5000"
        );
    }
}

#[derive(QueryableByName, Debug)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Issue 7's migration rebuilds `requests` on SQLite (to widen the channel CHECK). With
/// foreign keys on, dropping the old table would have deleted every link token (ON DELETE
/// CASCADE): the rows, their tokens and the foreign keys survive it, and the down
/// migration undoes it.
#[test]
fn the_case_handling_migration_keeps_requests_and_their_tokens_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = dir.path().join("m.db").to_string_lossy().into_owned();
    let pool = dsr_tracker::db::build_pool(&url, 1).expect("pool");
    let mut conn = pool.get().expect("connection with foreign keys on");
    let dsr_tracker::db::DbConn::Sqlite(c) = &mut *conn else {
        panic!("a SQLite path gives a SQLite connection");
    };
    c.run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("migrations");
    c.revert_last_migration(SQLITE_MIGRATIONS)
        .expect("down to before issue 7");
    diesel::sql_query(
        "INSERT INTO requests (id, reference, kind, status, subject_name, subject_email, \
         details, channel, received_at, paused_days, due_date, created_at, updated_at) VALUES \
         ('r1', 'DSR-2026-000001', 'access', 'open', 'Kari', 'kari@example.no', '{}', 'phone', \
          '2026-03-05 10:00:00', 2, '2026-04-06', '2026-03-05 10:00:00', '2026-03-05 10:00:00')",
    )
    .execute(c)
    .expect("request");
    diesel::sql_query(
        "INSERT INTO tokens (id, token_hash, purpose, request_id, email, expires_at, created_at) \
         VALUES ('t1', 'h1', 'access', 'r1', 'kari@example.no', '2026-04-05 10:00:00', \
         '2026-03-05 10:00:00')",
    )
    .execute(c)
    .expect("token");
    c.run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("issue 7 migration");
    let count = |c: &mut SqliteConnection, sql: &str| -> i64 {
        diesel::sql_query(sql)
            .get_result::<Count>(c)
            .expect("count")
            .n
    };
    assert_eq!(
        count(
            c,
            "SELECT count(*) AS n FROM tokens WHERE request_id = 'r1'"
        ),
        1
    );
    assert_eq!(
        count(
            c,
            "SELECT count(*) AS n FROM requests WHERE id = 'r1' AND paused_days = 2 \
             AND channel = 'phone' AND version = 0 AND NOT missed_policy_date"
        ),
        1
    );
    assert_eq!(
        count(c, "SELECT count(*) AS n FROM pragma_foreign_key_check"),
        0
    );
    assert_eq!(
        count(
            c,
            "SELECT count(*) AS n FROM pragma_foreign_keys WHERE foreign_keys = 1"
        ),
        1,
        "foreign keys are on again after the migration"
    );
    // The new channel is accepted; a token still cascades with its request.
    diesel::sql_query("UPDATE requests SET channel = 'in_person' WHERE id = 'r1'")
        .execute(c)
        .expect("in_person is a channel");
    assert!(
        diesel::sql_query("UPDATE requests SET channel = 'pigeon' WHERE id = 'r1'")
            .execute(c)
            .is_err()
    );
    diesel::sql_query("DELETE FROM requests WHERE id = 'r1'")
        .execute(c)
        .expect("delete");
    assert_eq!(count(c, "SELECT count(*) AS n FROM tokens"), 0);
}
