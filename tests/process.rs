//! The server binary as its own process, the way an operator runs it: private file modes
//! under a permissive umask, memory that stays bounded under junk input, and a request
//! log without tokens, email addresses or passwords.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_dsr-tracker");

/// `dsr-tracker serve` started through `sh -c 'umask 022; exec …'` on 127.0.0.1:0, its
/// stderr in a file; killed when dropped.
struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

impl Server {
    fn start(work: &Path, env: &[(&str, &str)]) -> Server {
        let log = work.join("server.log");
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("umask 022; exec \"$0\" serve")
            .arg(BIN)
            .current_dir(work)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DSR_BIND", "127.0.0.1:0")
            .env("DSR_WORKER_INTERVAL_MS", "100")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start dsr-tracker");
        let mut server = Server {
            child,
            base: String::new(),
            log,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text = server.log_text();
            if let Some(url) = text
                .lines()
                .find(|l| l.contains("dsr-tracker listening"))
                .and_then(|l| l.split("url=").nth(1))
                .and_then(|rest| rest.split_whitespace().next())
            {
                server.base = url.to_string();
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("server exited with {status}: {text}");
            }
            assert!(Instant::now() < deadline, "server did not start: {text}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Resident memory in KiB (`VmRSS` in /proc/<pid>/status).
    fn rss_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("VmRSS")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// GET `path` and return the CSRF token of its form.
async fn csrf(c: &reqwest::Client, url: &str) -> String {
    let body = c
        .get(url)
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    support::csrf_in(&body).unwrap_or_else(|| panic!("no csrf token at {url}"))
}

async fn post(c: &reqwest::Client, url: &str, form: &[(&str, &str)]) -> u16 {
    let r = c.post(url).form(form).send().await.expect("POST");
    let status = r.status().as_u16();
    let _ = r.bytes().await;
    status
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_directory_and_every_file_in_it_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().expect("tempdir");
    // An existing, too open data directory with a too open file in it.
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::write(data.join("notes.txt"), "old").expect("write");
    std::fs::set_permissions(
        data.join("notes.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");

    // Always SQLite and `.eml` files here: the files are what this test is about.
    let server = Server::start(work.path(), &[]);
    let c = support::TestApp::client();
    let token = csrf(&c, &server.url("/")).await;
    let status = post(
        &c,
        &server.url("/requests"),
        &[
            ("csrf_token", &token),
            ("kind", "access"),
            ("name", "Kari Nordmann"),
            ("email", "kari@example.no"),
        ],
    )
    .await;
    assert_eq!(status, 200);

    let mail = data.join("mail");
    let deadline = Instant::now() + Duration::from_secs(20);
    // Wait for the finished file: the writer's temporary file appears first (then is
    // renamed), and a loaded machine can show it to us in between.
    let has_eml = || {
        std::fs::read_dir(&mail).is_ok_and(|d| {
            d.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "eml"))
        })
    };
    while !has_eml() {
        assert!(Instant::now() < deadline, "no .eml file written");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(data.join("dsr-tracker.db-wal").exists(), "WAL in use");
    assert!(data.join("secret.key").exists());

    let mut seen = Vec::new();
    let mut stack = vec![data.clone()];
    while let Some(dir) = stack.pop() {
        let mode = std::fs::metadata(&dir).expect("dir").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", dir.display());
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            let meta = std::fs::metadata(&path).expect("meta");
            if meta.is_dir() {
                stack.push(path);
            } else {
                let mode = meta.permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", path.display());
                seen.push(path);
            }
        }
    }
    assert!(
        seen.iter()
            .any(|p| p.extension().is_some_and(|e| e == "eml")),
        "{seen:?}"
    );
    assert!(seen.len() >= 5, "db, wal, shm, key, notes, eml: {seen:?}");
}

#[tokio::test]
async fn junk_logins_and_portal_posts_do_not_grow_the_server() {
    let work = tempfile::tempdir().expect("tempdir");
    // SQLite, or PostgreSQL when DSR_TEST_POSTGRES_URL is set.
    let (_db, url) = support::TestDb::fresh(&work);
    let server = Server::start(work.path(), &[("DSR_DATABASE_URL", &url)]);
    let c = support::TestApp::client();
    let login_token = csrf(&c, &server.url("/login")).await;
    let portal_token = csrf(&c, &server.url("/track")).await;
    // Each post a different 200 KB "email" (as an attacker would send), so nothing is
    // deduplicated by accident.
    let junk = |n: usize| format!("{n:08}{}", "j".repeat(200 * 1024));
    let form = |path: &str, n: usize| -> Vec<(&'static str, String)> {
        match path {
            "/login" => vec![
                ("csrf_token", login_token.clone()),
                ("email", junk(n)),
                ("password", "whatever".into()),
            ],
            "/requests" => vec![
                ("csrf_token", portal_token.clone()),
                ("kind", "access".into()),
                ("name", "Junk".into()),
                ("email", junk(n)),
            ],
            _ => vec![("csrf_token", portal_token.clone()), ("email", junk(n))],
        }
    };
    let mut n = 0;
    let mut send = async |path: &str, count: usize| {
        for _ in 0..count {
            n += 1;
            let status = c
                .post(server.url(path))
                .form(&form(path, n))
                .send()
                .await
                .expect("POST")
                .status()
                .as_u16();
            assert!((400..500).contains(&status), "{path}: {status}");
        }
    };
    // Warm up the allocator and pools, then measure.
    for path in ["/login", "/requests", "/track"] {
        send(path, 10).await;
    }
    for path in ["/login", "/requests", "/track"] {
        let before = server.rss_kib();
        send(path, 300).await;
        let after = server.rss_kib();
        let grown_mib = after.saturating_sub(before) / 1024;
        eprintln!("{path}: VmRSS {before} KiB -> {after} KiB");
        assert!(
            grown_mib < 20,
            "{path}: 300 junk posts grew the server by {grown_mib} MiB ({before} -> {after} KiB)"
        );
    }
}

#[tokio::test]
async fn the_request_log_has_routes_but_no_tokens_emails_or_passwords() {
    let work = tempfile::tempdir().expect("tempdir");
    // SQLite, or PostgreSQL when DSR_TEST_POSTGRES_URL is set.
    let (_db, url) = support::TestDb::fresh(&work);
    // Nothing listens on this port: sending fails, and its error must not leak either.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let smtp = format!("smtp://mailer:Sm7pPassw0rdXYZ@127.0.0.1:{closed}");
    let server = Server::start(
        work.path(),
        &[
            ("DSR_DATABASE_URL", &url),
            ("DSR_LOG", "info"),
            ("DSR_SMTP_URL", &smtp),
        ],
    );
    let c = support::TestApp::client();
    let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE";
    assert_eq!(token.len(), 43);
    let r = c
        .get(server.url(&format!("/verify/{token}?t={token}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status().as_u16(), 404);
    let r = c
        .get(server.url(&format!("/s/{token}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status().as_u16(), 404);
    let csrf_token = csrf(&c, &server.url("/")).await;
    let email = "kari.nordmann@example.no";
    let status = post(
        &c,
        &server.url("/requests"),
        &[
            ("csrf_token", &csrf_token),
            ("kind", "access"),
            ("name", "Kari Nordmann"),
            ("email", email),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let status = post(
        &c,
        &server.url("/track"),
        &[("csrf_token", &csrf_token), ("email", email)],
    )
    .await;
    assert_eq!(status, 200);
    let r = c
        .get(server.url(&format!("/no/such/{token}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status().as_u16(), 404);
    // Let the dispatcher try (and fail) to send.
    tokio::time::sleep(Duration::from_millis(800)).await;

    let log = server.log_text();
    for line in [
        "method=GET route=/verify/{token} status=404",
        "method=GET route=/s/{token} status=404",
        "method=POST route=/requests status=200",
        "method=POST route=/track status=200",
        "method=GET route=(no route) status=404",
    ] {
        assert!(log.contains(line), "{line:?} missing from the log:\n{log}");
    }
    assert!(log.contains("k***@example.no"), "masked address: {log}");
    assert!(!log.contains(token), "token in the log:\n{log}");
    assert!(!log.contains(email), "email in the log:\n{log}");
    assert!(!log.contains("kari.nordmann"), "email in the log:\n{log}");
    assert!(
        !log.contains("Sm7pPassw0rdXYZ"),
        "password in the log:\n{log}"
    );
    assert!(log.contains("dsr-tracker listening"), "{log}");
}
