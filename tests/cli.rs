//! The `dsr-tracker` command as a handler or an operator runs it.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_dsr-tracker");

fn run(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run dsr-tracker");
    if let Some(mut input) = child.stdin.take() {
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).expect("stdin");
        }
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn deadline_json_gives_the_four_dates_for_the_easter_example() {
    // DESIGN §4: received 5 March 2026 in Norway: legal 7 April (Easter), promise 4 April.
    let (code, out, err) = run(
        &[
            "deadline",
            "--received",
            "2026-03-05",
            "--country",
            "NO",
            "--json",
        ],
        &[],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(v["legal_due"], "2026-04-07");
    assert_eq!(v["policy_due"], "2026-04-04");
    assert_eq!(v["due"], "2026-04-04");
    assert_eq!(v["latest_extended_due"], "2026-06-05");
}

#[test]
fn deadline_for_sweden_and_without_policy() {
    // Christmas Eve is not a working day for Swedish time limits.
    let (code, out, _) = run(
        &[
            "deadline",
            "--received",
            "2026-11-24",
            "--country",
            "SE",
            "--policy-days",
            "0",
            "--json",
        ],
        &[],
        None,
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["legal_due"], "2026-12-28");
    assert_eq!(v["due"], "2026-12-28");
    assert!(v["policy_due"].is_null());
    let (code, out, _) = run(&["deadline", "--received", "2026-03-05"], &[], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("Legal deadline:       2026-04-07 (Tuesday)"),
        "{out}"
    );
}

#[test]
fn bad_arguments_and_settings_stop_with_exit_code_2_and_name_the_problem() {
    let (code, _, err) = run(&["deadline", "--received", "5 March"], &[], None);
    assert_eq!(code, 2);
    assert!(err.contains("is not a date"), "{err}");
    let (code, _, err) = run(
        &["deadline", "--received", "2026-03-05", "--country", "DK"],
        &[],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("expected NO or SE"), "{err}");

    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().to_string_lossy().to_string();
    for (var, value) in [
        ("DSR_TIMEZONE", "Mars/Olympus"),
        ("DSR_POLICY_DAYS", "soon"),
        ("DSR_BIND", "everywhere"),
        ("DSR_COUNTRY", "DK"),
    ] {
        let (code, _, err) = run(&["migrate"], &[("DSR_DATA_DIR", &d), (var, value)], None);
        assert_eq!(code, 2, "{var}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(&format!("invalid setting {var}")), "{err}");
    }
}

#[test]
fn user_add_reads_the_password_from_stdin_and_refuses_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, url) = support::TestDb::fresh(&dir);
    let d = dir.path().to_string_lossy().to_string();
    let env = [
        ("DSR_DATA_DIR", d.as_str()),
        ("DSR_DATABASE_URL", url.as_str()),
    ];
    let (code, out, err) = run(
        &[
            "user",
            "add",
            "--email",
            "dpo@telecom.example",
            "--role",
            "admin",
        ],
        &env,
        Some("a long enough password\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created dpo@telecom.example (admin)"));
    let (code, _, err) = run(
        &[
            "user",
            "add",
            "--email",
            "dpo@telecom.example",
            "--role",
            "admin",
        ],
        &env,
        Some("a long enough password\n"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    let (code, _, err) = run(
        &["user", "add", "--email", "h@telecom.example"],
        &env,
        Some("short\n"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("at least 12"), "{err}");
    let (code, _, err) = run(
        &[
            "user",
            "add",
            "--email",
            "h@telecom.example",
            "--role",
            "root",
        ],
        &env,
        Some("a long enough password\n"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("not a role"), "{err}");
}

#[test]
fn seed_demo_fills_the_database_and_sweep_once_delivers_mail_to_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, url) = support::TestDb::fresh(&dir);
    let d = dir.path().to_string_lossy().to_string();
    let env = [
        ("DSR_DATA_DIR", d.as_str()),
        ("DSR_DATABASE_URL", url.as_str()),
    ];
    let (code, out, err) = run(&["seed-demo", "--requests", "120"], &env, None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added 120 demo requests"));

    // Queue one email through the library, then let `sweep --once` deliver it.
    let pool = dsr_tracker::db::build_pool(&url, 2).expect("pool");
    let mut conn = pool.get().expect("conn");
    {
        use diesel::prelude::*;
        let kinds: Vec<String> = dsr_tracker::db::schema::requests::table
            .select(dsr_tracker::db::schema::requests::kind)
            .distinct()
            .load(&mut conn)
            .expect("kinds");
        assert_eq!(kinds.len(), 6, "all kinds seeded: {kinds:?}");
    }
    let email = dsr_tracker::mail::Email {
        template: "test",
        to: "kari@example.no".into(),
        subject: "Hello from the outbox".into(),
        text: "plain".into(),
        html: "<p>html</p>".into(),
        link: None,
    };
    let sealer = dsr_tracker::mail::seal::Sealer::new(&[]);
    dsr_tracker::mail::outbox::enqueue(
        &mut conn,
        &sealer,
        &email,
        None,
        chrono::Utc::now().naive_utc(),
    )
    .expect("enqueue");
    let (code, out, err) = run(&["sweep", "--once"], &env, None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("mail: 1 sent"), "{out}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("mail"))
        .expect("mail dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(files[0].path()).expect("eml");
    assert!(eml.contains("Subject: Hello from the outbox"));
    let (code, out, _) = run(&["sweep", "--once"], &env, None);
    assert_eq!(code, 0);
    assert!(out.contains("mail: 0 sent"), "nothing is sent twice: {out}");
}

#[test]
fn serve_on_embedded_defaults_prints_the_setup_link_and_answers_health() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .env_clear()
        .env("DSR_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut healthy = false;
    for _ in 0..100 {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::Read;
            let _ = s.write_all(b"GET /healthz HTTP/1.0\r\n\r\n");
            let mut buf = String::new();
            let _ = s.read_to_string(&mut buf);
            healthy = buf.starts_with("HTTP/1.0 200") || buf.starts_with("HTTP/1.1 200");
            if healthy {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(healthy, "server did not answer /healthz: {log}");
    assert!(log.contains("/setup/"), "setup link in the log: {log}");
    assert!(
        dir.path().join("data/dsr-tracker.db").exists(),
        "SQLite under ./data"
    );
    assert!(
        dir.path().join("data/mail").is_dir(),
        "mail directory under ./data"
    );
    assert!(dir.path().join("data/secret.key").exists());
}

/// Issue 5 item 10: failed mail can be put back in the queue, and then goes out.
#[test]
fn mail_requeue_failed_puts_failed_mail_back_and_sweep_sends_it() {
    use dsr_tracker::db::outbox;
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, url) = support::TestDb::fresh(&dir);
    let d = dir.path().to_string_lossy().to_string();
    let env = [
        ("DSR_DATA_DIR", d.as_str()),
        ("DSR_DATABASE_URL", url.as_str()),
    ];
    let (code, _, err) = run(&["migrate"], &env, None);
    assert_eq!(code, 0, "{err}");
    // The key the binary generated in the data directory seals the body.
    let mut settings = dsr_tracker::config::Settings::from_env(
        &env.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
    .expect("settings");
    settings.prepare_data_dir().expect("key");
    let sealer = dsr_tracker::mail::seal::Sealer::new(&settings.secret_key);
    let secret = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
    let email = dsr_tracker::mail::Email {
        template: "track",
        to: "kari@example.no".into(),
        subject: "Your requests".into(),
        text: format!("Open http://localhost/s/{secret}"),
        html: format!("<a href=\"http://localhost/s/{secret}\">open</a>"),
        link: None,
    }
    .carrying("token-1", secret);
    let pool = dsr_tracker::db::build_pool(&url, 2).expect("pool");
    let mut conn = pool.get().expect("conn");
    let now = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1);
    let id =
        dsr_tracker::mail::outbox::enqueue(&mut conn, &sealer, &email, None, now).expect("enqueue");
    // A dispatcher gave up on it.
    outbox::claim(&mut conn, &id, "w", now, now + chrono::Duration::minutes(1))
        .expect("claim")
        .expect("claimed");
    assert!(outbox::mark_attempt_failed(&mut conn, &id, "w", "550 no", now, None).expect("fail"));
    assert_eq!(
        outbox::count_by_status(&mut conn, outbox::FAILED).expect("n"),
        1
    );

    let (code, _, err) = run(&["mail", "requeue"], &env, None);
    assert_eq!(code, 2, "which messages must be said");
    assert!(err.contains("--failed"), "{err}");
    let (code, out, err) = run(&["mail", "requeue", "--failed"], &env, None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("requeued 1 failed message(s)"), "{out}");
    let row = outbox::failed(&mut conn, 10).expect("failed");
    assert!(row.is_empty());
    assert_eq!(
        outbox::count_by_status(&mut conn, outbox::PENDING).expect("n"),
        1
    );
    {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::{audit_events, outbox as t};
        let (attempts, lease, first): (
            i32,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
        ) = t::table
            .filter(t::id.eq(&id))
            .select((t::attempts, t::lease_until, t::first_attempt_at))
            .first(&mut conn)
            .expect("row");
        assert_eq!((attempts, lease, first), (0, None, None));
        let actions: Vec<String> = audit_events::table
            .select(audit_events::action)
            .load(&mut conn)
            .expect("audit");
        assert_eq!(actions, vec!["mail_requeued".to_string()]);
    }
    let (code, _, err) = run(&["audit", "verify"], &env, None);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(&["mail", "requeue", "--failed"], &env, None);
    assert_eq!(code, 0);
    assert!(out.contains("requeued 0 failed message(s)"), "{out}");

    // Sent to a file: whole, private, with the link opened from the sealed copy.
    let (code, out, err) = run(&["sweep", "--once"], &env, None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("mail: 1 sent"), "{out}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("mail"))
        .expect("mail dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(
        files,
        vec![dir.path().join("mail").join(format!("{id}.eml"))]
    );
    let eml = std::fs::read_to_string(&files[0]).expect("eml");
    assert!(eml.contains(secret), "{eml}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(
        outbox::count_by_status(&mut conn, outbox::SENT).expect("n"),
        1
    );
}

/// Issue 5 item 1: two accounts that become one address stop the start with a message
/// naming both; `user set-email` lets an admin decide, then the start goes on.
#[test]
fn colliding_accounts_stop_migrate_until_an_admin_sets_another_address() {
    use diesel::prelude::*;
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, url) = support::TestDb::fresh(&dir);
    let d = dir.path().to_string_lossy().to_string();
    let env = [
        ("DSR_DATA_DIR", d.as_str()),
        ("DSR_DATABASE_URL", url.as_str()),
    ];
    let (code, _, err) = run(&["migrate"], &env, None);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<String> = {
        let pool = dsr_tracker::db::build_pool(&url, 1).expect("pool");
        let mut conn = pool.get().expect("conn");
        let ids = ["Dana.DPO@telecom.example", "dana.dpo@Telecom.Example"]
            .iter()
            .map(|email| {
                let id = uuid::Uuid::new_v4().to_string();
                dsr_tracker::db::users::insert(
                    &mut conn,
                    &dsr_tracker::db::models::NewUser {
                        id: &id,
                        email,
                        name: "Dana",
                        role: "admin",
                        password_hash: "x",
                        active: true,
                        created_at: chrono::Utc::now().naive_utc(),
                    },
                )
                .expect("insert");
                id
            })
            .collect();
        diesel::delete(dsr_tracker::db::schema::data_fixes::table)
            .execute(&mut conn)
            .expect("as before the fix");
        ids
    };
    let (code, _, err) = run(&["migrate"], &env, None);
    assert_eq!(code, 1, "{err}");
    for part in [
        "Dana.DPO@telecom.example",
        "dana.dpo@Telecom.Example",
        &ids[0],
        &ids[1],
        "user set-email",
    ] {
        assert!(err.contains(part), "{part} missing from: {err}");
    }
    let (code, out, err) = run(
        &[
            "user",
            "set-email",
            "--id",
            &ids[1],
            "--email",
            "dana.old@telecom.example",
        ],
        &env,
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("dana.old@telecom.example"), "{out}");
    let (code, _, err) = run(&["migrate"], &env, None);
    assert_eq!(code, 0, "{err}");

    // Deactivate and set a password from the command line; an unknown address is refused.
    let (code, out, err) = run(
        &["user", "password", "--email", "DANA.DPO@telecom.example"],
        &env,
        Some("another long password\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("password set for dana.dpo@telecom.example"),
        "{out}"
    );
    let (code, out, err) = run(
        &["user", "deactivate", "--email", "dana.old@telecom.example"],
        &env,
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("deactivated"), "{out}");
    let (code, _, err) = run(
        &["user", "deactivate", "--email", "nobody@telecom.example"],
        &env,
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("no account"), "{err}");
}

#[test]
fn api_key_add_prints_the_key_once_for_an_admin_and_refuses_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, url) = support::TestDb::fresh(&dir);
    let d = dir.path().to_string_lossy().to_string();
    let env = [
        ("DSR_DATA_DIR", d.as_str()),
        ("DSR_DATABASE_URL", url.as_str()),
    ];
    for (email, role) in [
        ("dpo@telecom.example", "admin"),
        ("h@telecom.example", "handler"),
    ] {
        let (code, _, err) = run(
            &["user", "add", "--email", email, "--role", role],
            &env,
            Some("a long enough password\n"),
        );
        assert_eq!(code, 0, "{err}");
    }
    let add = |by: &str, scope: &str| {
        run(
            &[
                "api-key", "add", "--name", "My Page", "--scope", scope, "--by", by,
            ],
            &env,
            None,
        )
    };
    let (code, out, err) = add("dpo@telecom.example", "requests:create");
    assert_eq!(code, 0, "{err}");
    let key = out.trim();
    assert!(key.starts_with("dsr_") && key.len() == 47, "{out}");
    // A handler may not, an unknown scope is named, an unknown account too.
    let (code, _, err) = add("h@telecom.example", "requests:create");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not an active admin"), "{err}");
    let (code, _, err) = add("dpo@telecom.example", "everything");
    assert_eq!(code, 2);
    assert!(err.contains("Choose scopes from the list"), "{err}");
    let (code, _, err) = add("nobody@telecom.example", "requests:read");
    assert_eq!(code, 2);
    assert!(err.contains("no account"), "{err}");
}
