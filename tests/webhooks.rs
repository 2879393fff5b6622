//! Issue 13 (webhooks): subscriptions of the systems that hold the data, deliveries to a
//! real HTTP receiver started here (signed as Standard Webhooks says, checked here with
//! our own HMAC), private addresses refused, tasks reported done through the API,
//! completion blocked while a task is open unless overridden with a reason, retries
//! after a 500, and two dispatchers never delivering one event twice. SQLite and
//! PostgreSQL (`DSR_TEST_POSTGRES_URL`).

mod support;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Duration;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;
use support::{
    audit_actions, complete_via_preview, hidden, html_unescape, submit_request,
    submit_verified_kind, try_act, TestApp,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// --- A real HTTP receiver ------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Received {
    path: String,
    headers: HashMap<String, String>,
    body: String,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// An HTTP/1.1 server on 127.0.0.1 that records every request and answers with the
/// status it is told (200 unless set), after an optional delay.
struct Receiver {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
    delay_ms: Arc<AtomicU64>,
}

impl Receiver {
    async fn start() -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let status = Arc::new(AtomicU16::new(200));
        let delay_ms = Arc::new(AtomicU64::new(0));
        let (r, s, d) = (received.clone(), status.clone(), delay_ms.clone());
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let (r, s, d) = (r.clone(), s.clone(), d.clone());
                tokio::spawn(async move {
                    let Some(request) = read_request(&mut socket).await else {
                        return;
                    };
                    let delay = d.load(Ordering::SeqCst);
                    if delay > 0 {
                        tokio::time::sleep(StdDuration::from_millis(delay)).await;
                    }
                    r.lock().expect("lock").push(request);
                    let code = s.load(Ordering::SeqCst);
                    let body = if code < 300 { "ok" } else { "boom: try later" };
                    let answer = format!(
                        "HTTP/1.1 {code} X\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = socket.write_all(answer.as_bytes()).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        Receiver {
            port,
            received,
            status,
            delay_ms,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn all(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    fn of_type(&self, event: &str) -> Vec<Received> {
        self.all()
            .into_iter()
            .filter(|r| r.json()["type"] == event)
            .collect()
    }

    /// Wait until `n` deliveries of `event` arrived.
    async fn wait_for(&self, event: &str, n: usize) -> Vec<Received> {
        // Up to 30 s: the suite runs beside the other test binaries in CI on two cores
        // (a 10 s wait failed once there and never alone).
        for _ in 0..600 {
            let got = self.of_type(event);
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        panic!(
            "no {n} × {event}; got {:?}",
            self.all()
                .iter()
                .map(|r| r.json()["type"].clone())
                .collect::<Vec<_>>()
        );
    }
}

async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_string();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).into_owned();
    Some(Received {
        path,
        headers,
        body,
    })
}

/// Verify a delivery as a receiver would, following the Standard Webhooks specification:
/// HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under the secret's base64
/// bytes, compared with each `v1,` signature in the header; the timestamp within five
/// minutes of now.
fn signature_verifies(secret: &str, r: &Received, now: i64) -> bool {
    let Some(key) = secret
        .strip_prefix("whsec_")
        .and_then(|k| STANDARD.decode(k).ok())
    else {
        return false;
    };
    let (id, ts) = (r.header("webhook-id"), r.header("webhook-timestamp"));
    let Ok(timestamp) = ts.parse::<i64>() else {
        return false;
    };
    if (now - timestamp).abs() > 300 {
        return false;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("key");
    mac.update(format!("{id}.{ts}.{}", r.body).as_bytes());
    let expected = STANDARD.encode(mac.finalize().into_bytes());
    r.header("webhook-signature")
        .split(' ')
        .filter_map(|s| s.strip_prefix("v1,"))
        .any(|s| s == expected)
}

// --- Helpers ---------------------------------------------------------------------------------

/// Subscribe on the admin page; returns the signing secret (shown once).
async fn subscribe(
    app: &TestApp,
    admin: &reqwest::Client,
    name: &str,
    url: &str,
    events: &[&str],
    identifiers: &[&str],
) -> String {
    let (status, body) = try_subscribe(app, admin, name, url, events, identifiers).await;
    assert_eq!(status, 200, "{body}");
    let marker = "<code class=\"secret\">";
    let start = body.find(marker).expect("the secret is shown") + marker.len();
    let end = body[start..].find("</code>").expect("end") + start;
    html_unescape(&body[start..end])
}

async fn try_subscribe(
    app: &TestApp,
    admin: &reqwest::Client,
    name: &str,
    url: &str,
    events: &[&str],
    identifiers: &[&str],
) -> (u16, String) {
    let (status, page) = app.get(admin, "/dashboard/admin/webhooks").await;
    assert_eq!(status, 200, "{page}");
    let csrf = hidden(&page, "csrf_token");
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &csrf), ("name", name), ("url", url)];
    for e in events {
        form.push(("event", e));
    }
    for i in identifiers {
        form.push(("identifier", i));
    }
    let (status, body, _) = app
        .post_form(admin, "/dashboard/admin/webhooks", &form)
        .await;
    (status, html_unescape(&body))
}

/// Make an API key on the admin page with these scopes; returns its secret.
async fn api_key(app: &TestApp, admin: &reqwest::Client, name: &str, scopes: &[&str]) -> String {
    let (_, page) = app.get(admin, "/dashboard/admin/api-keys").await;
    let csrf = hidden(&page, "csrf_token");
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &csrf), ("name", name)];
    for s in scopes {
        form.push(("scope", s));
    }
    let (status, body, _) = app
        .post_form(admin, "/dashboard/admin/api-keys", &form)
        .await;
    assert_eq!(status, 200, "{body}");
    let marker = "<code class=\"secret\">";
    let start = body.find(marker).expect("the key is shown") + marker.len();
    let end = body[start..].find("</code>").expect("end") + start;
    html_unescape(&body[start..end])
}

async fn api_post(app: &TestApp, key: &str, path: &str, body: &Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(key)
        .json(body)
        .send()
        .await
        .expect("API call");
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn api_get(app: &TestApp, key: &str, path: &str) -> (u16, Value) {
    let r = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(key)
        .send()
        .await
        .expect("API call");
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn deliveries(app: &TestApp, request_id: &str) -> Vec<dsr_tracker::db::models::WebhookDelivery> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::webhooks::for_request(&mut conn, request_id).expect("deliveries")
}

/// An erasure of billing, verified by the subject and started by the admin.
async fn started_erasure(app: &TestApp, admin: &reqwest::Client, email: &str) -> (String, String) {
    let (reference, id) = submit_verified_kind(
        app,
        &TestApp::client(),
        email,
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "billing"),
            ("customer_number", "C-4711"),
        ],
    )
    .await;
    let (status, body, _) = try_act(app, admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "start: {body}");
    (reference, id)
}

const LOOPBACK: (&str, &str) = ("DSR_WEBHOOK_ALLOW_LOOPBACK", "true");

/// One pass of a second dispatcher at the app's clock: what it delivered, retried or
/// gave up (all zero when nothing is due).
async fn dispatch_now(app: &TestApp) -> dsr_tracker::webhooks::dispatcher::DeliveryReport {
    let d = dsr_tracker::webhooks::dispatcher::WebhookDispatcher::new(&app.settings_with_key())
        .expect("dispatcher");
    let clock: dsr_tracker::time::SharedClock = app.clock.clone();
    d.run_once(&app.pool, &clock).await.expect("dispatch")
}

// --- Tests -----------------------------------------------------------------------------------

/// The whole path: verified → status changes → erasure instructed with a task → the
/// system reports it done through the API → the request page shows it confirmed → the
/// request can be completed. Every delivery's signature verifies; the payload carries the
/// reference and only the identifiers the subscription chose (Art. 5(1)(c)).
#[tokio::test]
async fn deliveries_reach_a_real_receiver_signed_and_a_reported_task_lets_the_erasure_complete() {
    let app = TestApp::spawn_with(&[LOOPBACK]).await;
    let admin = app.admin_client().await;
    let billing = Receiver::start().await;
    let secret = subscribe(
        &app,
        &admin,
        "Billing",
        &billing.url("/hooks/dsr"),
        &[
            "request.verified",
            "request.status_changed",
            "erasure.instructed",
        ],
        &["email", "customer_number"],
    )
    .await;
    assert!(secret.starts_with("whsec_"), "{secret}");
    let (_, page) = app.get(&admin, "/dashboard/admin/webhooks").await;
    assert!(page.contains("Billing"), "{page}");
    assert!(!page.contains(&secret), "the secret is shown only once");

    let (reference, id) = started_erasure(&app, &admin, "kari@example.no").await;

    let verified = billing.wait_for("request.verified", 1).await;
    let v = &verified[0];
    assert_eq!(v.path, "/hooks/dsr");
    assert_eq!(v.header("content-type"), "application/json");
    assert!(v.header("webhook-id").starts_with("msg_"), "{v:?}");
    let now = app.clock_now().timestamp();
    assert!(signature_verifies(&secret, v, now), "{v:?}");
    let body = v.json();
    assert_eq!(body["data"]["reference"], reference.as_str());
    assert_eq!(body["data"]["request_kind"], "erasure");
    assert_eq!(body["data"]["subject"]["email"], "kari@example.no");
    assert_eq!(body["data"]["subject"]["customer_number"], "C-4711");
    assert!(
        body["data"]["subject"].get("name").is_none(),
        "the name was not chosen: {body}"
    );
    assert!(!v.body.contains("Kari Nordmann"), "{}", v.body);

    // A changed body or another secret does not verify.
    let mut forged = v.clone();
    forged.body = forged.body.replace("C-4711", "C-4712");
    assert!(!signature_verifies(&secret, &forged, now));
    assert!(!signature_verifies(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        v,
        now
    ));

    // Verified (awaiting_verification → open) and started (open → in_progress).
    let changes = billing.wait_for("request.status_changed", 2).await;
    let moves: Vec<(String, String)> = changes
        .iter()
        .map(|r| {
            let d = &r.json()["data"];
            (
                d["from"].as_str().unwrap_or("").to_string(),
                d["to"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        moves.contains(&("awaiting_verification".into(), "open".into())),
        "{moves:?}"
    );
    assert!(
        moves.contains(&("open".into(), "in_progress".into())),
        "{moves:?}"
    );
    for c in &changes {
        assert!(signature_verifies(&secret, c, app.clock_now().timestamp()));
    }

    // Billing erased: the instruction goes out with a task.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[("category", "billing"), ("category_outcome", "erased")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let instructed = billing.wait_for("erasure.instructed", 1).await;
    let data = instructed[0].json()["data"].clone();
    assert_eq!(data["categories"], json!(["billing"]));
    let task = data["task_id"].as_str().expect("a task id").to_string();
    assert!(signature_verifies(
        &secret,
        &instructed[0],
        app.clock_now().timestamp()
    ));

    // The request page shows the task waiting; completion is refused meanwhile, so the
    // subject is never told "erased" before billing has erased.
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    let page = html_unescape(&page);
    assert!(page.contains("Systems that hold the data"), "{page}");
    assert!(page.contains("Waiting for confirmation"), "{page}");
    let answer = [("outcome", "fulfilled"), ("answer", "We erased your data.")];
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 409, "{body}");
    assert!(
        html_unescape(&body).contains("One system that holds the data has not confirmed"),
        "{body}"
    );

    // Billing reports done with its key; again answers the same.
    let key = api_key(&app, &admin, "Billing callbacks", &["tasks:report"]).await;
    let (status, done) = api_post(
        &app,
        &key,
        &format!("/api/v1/tasks/{task}/done"),
        &json!({"note": "Deleted from the billing ledger"}),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["state"], "done");
    assert_eq!(done["system"], "Billing");
    assert_eq!(done["reference"], reference.as_str());
    let (status, again) = api_post(
        &app,
        &key,
        &format!("/api/v1/tasks/{task}/done"),
        &json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(again["done_at"], done["done_at"], "recorded once");
    assert_eq!(
        audit_actions(&app, &id)
            .iter()
            .filter(|a| *a == "task_done")
            .count(),
        1
    );

    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    let page = html_unescape(&page);
    assert!(page.contains("Confirmed"), "{page}");
    assert!(page.contains("Deleted from the billing ledger"));
    assert!(
        page.contains("A system confirmed its task"),
        "the audit trail"
    );

    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 303, "{body}");
    let completed = billing.wait_for("request.status_changed", 3).await;
    assert!(completed
        .iter()
        .any(|r| r.json()["data"]["to"] == "completed"));

    // Every delivery was recorded as delivered, with the receiver's answer.
    for d in deliveries(&app, &id) {
        assert_eq!(d.status, "delivered", "{d:?}");
        assert_eq!(d.payload, "", "the identifiers are dropped once delivered");
        assert_eq!(d.last_status, Some(200));
        assert_eq!(d.last_response.as_deref(), Some("ok"));
        assert_eq!(d.attempts, 1);
    }
}

/// Art. 12(3)/17: a system that never answers holds the completion until a handler
/// overrides its task with a written reason; a too short reason is refused beside the
/// field; the override is audited; a late report is still recorded.
#[tokio::test]
async fn completion_is_blocked_while_a_task_is_open_and_allowed_by_a_reasoned_override() {
    let app = TestApp::spawn_with(&[LOOPBACK]).await;
    let admin = app.admin_client().await;
    let crm = Receiver::start().await;
    subscribe(
        &app,
        &admin,
        "CRM",
        &crm.url("/crm"),
        &["erasure.instructed"],
        &[],
    )
    .await;
    let (_, id) = started_erasure(&app, &admin, "ola@example.no").await;
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[("category", "billing"), ("category_outcome", "erased")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let got = crm.wait_for("erasure.instructed", 1).await;
    let data = got[0].json()["data"].clone();
    assert_eq!(
        data["subject"],
        json!({}),
        "no identifier chosen: the reference only"
    );
    let task = data["task_id"].as_str().expect("task").to_string();

    let answer = [("outcome", "fulfilled"), ("answer", "We erased your data.")];
    let (status, _) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 409);

    // Too short a reason: refused beside the field, nothing changed.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "override-tasks",
        &[("override_reason", "no")],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        html_unescape(&body).contains("Write at least 10 characters."),
        "{body}"
    );
    let (status, _) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 409);

    let reason = "CRM confirmed the erasure by telephone on ticket 8812";
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "override-tasks",
        &[("override_reason", reason)],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    assert!(audit_actions(&app, &id).contains(&"tasks_overridden".to_string()));
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    let page = html_unescape(&page);
    assert!(page.contains("Overridden"), "{page}");
    assert!(page.contains(reason));

    // Nothing left to override.
    let (status, _, _) = try_act(
        &app,
        &admin,
        &id,
        "override-tasks",
        &[("override_reason", reason)],
    )
    .await;
    assert_eq!(status, 409);

    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 303, "{body}");

    // The CRM's late report is still recorded.
    let key = api_key(&app, &admin, "CRM callbacks", &["tasks:report"]).await;
    let (status, done) = api_post(
        &app,
        &key,
        &format!("/api/v1/tasks/{task}/done"),
        &json!({}),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["state"], "done");
    assert!(done["override_reason"]
        .as_str()
        .is_some_and(|r| r == reason));
}

/// Server-side request forgery: loopback, private and link-local addresses are refused
/// as subscription URLs (on the page beside the field, and through the API as a problem
/// document), and so is plain http; nothing is stored.
#[tokio::test]
async fn private_addresses_are_refused_as_subscription_urls_when_loopback_is_not_allowed() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let receiver = Receiver::start().await;
    for url in [
        receiver.url("/hook"),
        format!("https://127.0.0.1:{}/hook", receiver.port),
        "https://localhost/hook".to_string(),
        "https://10.0.0.5/hook".to_string(),
        "https://192.168.1.20/hook".to_string(),
        "https://169.254.169.254/latest/meta-data/".to_string(),
        "https://[::1]/hook".to_string(),
        "https://[fd12::1]/hook".to_string(),
    ] {
        let (status, body) =
            try_subscribe(&app, &admin, "Billing", &url, &["request.verified"], &[]).await;
        assert_eq!(status, 422, "{url}: {body}");
        assert!(
            body.contains("This address is private, loopback or link-local")
                || body.contains("The address must start with https://"),
            "{url}: {body}"
        );
        assert!(body.contains(&url), "what was typed is kept: {url}");
    }
    let (status, body) = try_subscribe(
        &app,
        &admin,
        "",
        "ftp://billing.example.com/",
        &[],
        &["shoe_size"],
    )
    .await;
    assert_eq!(status, 422);
    for message in [
        "The address must start with https://",
        "Choose at least one event.",
        "Choose identifiers from the list.",
    ] {
        assert!(body.contains(message), "{message}: {body}");
    }

    let key = api_key(&app, &admin, "Ops", &["webhooks:manage"]).await;
    let (status, problem) = api_post(
        &app,
        &key,
        "/api/v1/webhooks",
        &json!({"name": "Metadata", "url": "https://169.254.169.254/", "event": ["request.verified"]}),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "url", "{problem}");
    let (status, list) = api_get(&app, &key, "/api/v1/webhooks").await;
    assert_eq!(status, 200);
    assert_eq!(list, json!([]), "nothing stored");

    // A public https address is accepted (nothing is sent: no event happens). With an
    // Idempotency-Key the replay answers the same secret, and the stored answer is
    // sealed: the secret is nowhere in the database in clear.
    let body = json!({"name": "Billing", "url": "https://billing.example.com/hooks", "event": ["erasure.instructed"], "identifier": ["customer_number"]});
    let mut answers = Vec::new();
    for _ in 0..2 {
        let r = reqwest::Client::new()
            .post(app.url("/api/v1/webhooks"))
            .bearer_auth(&key)
            .header("Idempotency-Key", "billing-subscription-1")
            .json(&body)
            .send()
            .await
            .expect("API call");
        answers.push((r.status().as_u16(), r.json::<Value>().await.expect("JSON")));
    }
    let (status, created) = &answers[0];
    assert_eq!(*status, 201, "{created}");
    let secret = created["secret"].as_str().expect("secret").to_string();
    assert!(secret.starts_with("whsec_"));
    assert_eq!(created["identifiers"], json!(["customer_number"]));
    assert_eq!(
        answers[1], answers[0],
        "the replay answers the first answer"
    );
    let (status, list) = api_get(&app, &key, "/api/v1/webhooks").await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "created once");
    let stored: Vec<String> = {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::{idempotency_keys, webhook_subscriptions};
        let mut conn = app.pool.get().expect("conn");
        let mut texts: Vec<String> = idempotency_keys::table
            .select(idempotency_keys::response)
            .load(&mut conn)
            .expect("answers");
        texts.extend(
            webhook_subscriptions::table
                .select(webhook_subscriptions::sealed_secret)
                .load::<String>(&mut conn)
                .expect("secrets"),
        );
        texts
    };
    assert_eq!(stored.len(), 2);
    let key_part = secret.trim_start_matches("whsec_");
    for text in stored {
        assert!(
            !text.contains(key_part),
            "the secret is stored sealed: {text}"
        );
    }
}

/// The receiver answers 500: the answer is recorded and the delivery retried after the
/// backoff with the same `webhook-id`; once a 2xx is recorded it is never sent again.
/// With the last attempt used it is marked failed, shown on the dashboard with the
/// receiver's answer, and can be sent again from there.
#[tokio::test]
async fn a_delivery_answered_500_is_retried_and_a_recorded_2xx_is_never_repeated() {
    let app = TestApp::spawn_with(&[
        LOOPBACK,
        ("DSR_WEBHOOK_MAX_ATTEMPTS", "2"),
        ("DSR_WEBHOOK_RETRY_HOURS", "0"),
    ])
    .await;
    let admin = app.admin_client().await;
    let receiver = Receiver::start().await;
    receiver.status.store(500, Ordering::SeqCst);
    subscribe(
        &app,
        &admin,
        "Billing",
        &receiver.url("/hook"),
        &["request.verified"],
        &["email"],
    )
    .await;

    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "per@example.no",
        &[("kind", "access")],
    )
    .await;
    let first = receiver.wait_for("request.verified", 1).await;
    let webhook_id = first[0].header("webhook-id").to_string();
    // The 500 is recorded and the next attempt scheduled 30 s on.
    let mut row = None;
    for _ in 0..100 {
        let d = deliveries(&app, &id)
            .into_iter()
            .next()
            .expect("a delivery");
        if d.attempts == 1 {
            row = Some(d);
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    let row = row.expect("the first attempt is recorded");
    assert_eq!(row.status, "pending");
    assert_eq!(row.last_status, Some(500));
    assert_eq!(row.last_response.as_deref(), Some("boom: try later"));
    let wait = row.next_attempt_at - row.first_attempt_at.expect("first attempt");
    assert!(
        wait >= Duration::seconds(29) && wait <= Duration::seconds(31),
        "{wait}"
    );
    // Not before the backoff: a dispatcher finds nothing due.
    assert_eq!(dispatch_now(&app).await, Default::default());
    assert_eq!(receiver.of_type("request.verified").len(), 1);

    // The receiver recovers; the retry carries the same id.
    receiver.status.store(200, Ordering::SeqCst);
    app.clock.advance(Duration::seconds(31));
    let both = receiver.wait_for("request.verified", 2).await;
    assert_eq!(both[1].header("webhook-id"), webhook_id);
    let mut delivered = false;
    for _ in 0..100 {
        let d = deliveries(&app, &id).into_iter().next().expect("delivery");
        if d.status == "delivered" {
            assert_eq!(d.attempts, 2);
            assert_eq!(d.last_status, Some(200));
            delivered = true;
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert!(delivered);
    // Never again after the recorded 2xx, however far the clock moves.
    app.clock.advance(Duration::hours(2));
    assert_eq!(dispatch_now(&app).await, Default::default());
    assert_eq!(receiver.of_type("request.verified").len(), 2);

    // A second request; the receiver keeps failing: after two attempts it is failed.
    receiver.status.store(503, Ordering::SeqCst);
    let (reference, second) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "lise@example.no",
        &[("kind", "access")],
    )
    .await;
    receiver.wait_for("request.verified", 3).await;
    app.clock.advance(Duration::seconds(31));
    receiver.wait_for("request.verified", 4).await;
    let mut failed = false;
    for _ in 0..100 {
        let d = deliveries(&app, &second)
            .into_iter()
            .next()
            .expect("delivery");
        if d.status == "failed" {
            assert_eq!(d.attempts, 2);
            assert_eq!(d.last_status, Some(503));
            failed = true;
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert!(failed, "marked failed after the last attempt");
    app.clock.advance(Duration::hours(2));
    assert_eq!(dispatch_now(&app).await, Default::default());
    assert_eq!(
        receiver.all().len(),
        4,
        "a failed delivery waits for a person"
    );

    // The dashboard shows it with the receiver's answer; "Send again" delivers it.
    let admin = app.admin_login().await;
    let (_, page) = app.get(&admin, "/dashboard/admin/webhooks").await;
    let page = html_unescape(&page);
    assert!(page.contains("Failed deliveries"), "{page}");
    assert!(page.contains(&reference), "{page}");
    assert!(page.contains("HTTP status 503"));
    assert!(page.contains("boom: try later"));
    assert!(page.contains("1 failed"));
    receiver.status.store(200, Ordering::SeqCst);
    let delivery = deliveries(&app, &second).remove(0);
    let csrf = hidden(&page, "csrf_token");
    let (status, _, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/admin/webhooks/deliveries/{}/retry", delivery.id),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(status, 303);
    receiver.wait_for("request.verified", 5).await;
    let (_, page) = app.get(&admin, "/dashboard/admin/webhooks").await;
    assert!(html_unescape(&page).contains("No delivery has failed."));
}

/// Two dispatchers (two instances on one database) work the same deliveries at once,
/// with a slow receiver: each event arrives exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_dispatchers_never_deliver_one_event_twice() {
    use dsr_tracker::db::models::WebhookDelivery;
    use dsr_tracker::webhooks::dispatcher::WebhookDispatcher;

    let app = TestApp::spawn_with(&[LOOPBACK, ("DSR_WORKER_INTERVAL_MS", "3600000")]).await;
    let admin = app.admin_client().await;
    let receiver = Receiver::start().await;
    receiver.delay_ms.store(150, Ordering::SeqCst);
    let secret = subscribe(
        &app,
        &admin,
        "Billing",
        &receiver.url("/hook"),
        &["request.status_changed"],
        &[],
    )
    .await;
    let reference = submit_request(
        &app,
        &TestApp::client(),
        "anna@example.no",
        &[("kind", "access")],
    )
    .await;
    let (request_id, subscription_id) = {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::{requests, webhook_subscriptions};
        let mut conn = app.pool.get().expect("conn");
        (
            requests::table
                .filter(requests::reference.eq(&reference))
                .select(requests::id)
                .first::<String>(&mut conn)
                .expect("request"),
            webhook_subscriptions::table
                .select(webhook_subscriptions::id)
                .first::<String>(&mut conn)
                .expect("subscription"),
        )
    };
    let now = app.clock_now().naive_utc();
    let ids: Vec<String> = (0..24).map(|n| format!("msg_test{n:04}")).collect();
    {
        let mut conn = app.pool.get().expect("conn");
        for id in &ids {
            dsr_tracker::db::webhooks::insert_delivery(
                &mut conn,
                &WebhookDelivery {
                    id: id.clone(),
                    subscription_id: subscription_id.clone(),
                    request_id: request_id.clone(),
                    event: "request.status_changed".into(),
                    payload: json!({"type": "request.status_changed", "data": {"n": id}})
                        .to_string(),
                    status: "pending".into(),
                    created_at: now,
                    next_attempt_at: now,
                    attempts: 0,
                    first_attempt_at: None,
                    lease_owner: None,
                    lease_until: None,
                    delivered_at: None,
                    last_status: None,
                    last_response: None,
                    last_error: None,
                },
            )
            .expect("insert");
        }
    }
    let settings = app.settings_with_key();
    let dispatchers: Vec<Arc<WebhookDispatcher>> = (0..2)
        .map(|_| Arc::new(WebhookDispatcher::new(&settings).expect("dispatcher")))
        .collect();
    assert_ne!(dispatchers[0].worker_id, dispatchers[1].worker_id);
    let clock: dsr_tracker::time::SharedClock = app.clock.clone();
    let mut tasks = Vec::new();
    for d in &dispatchers {
        let (d, pool, clock) = (d.clone(), app.pool.clone(), clock.clone());
        tasks.push(tokio::spawn(async move {
            let mut delivered = 0;
            for _ in 0..40 {
                delivered += d.run_once(&pool, &clock).await.expect("dispatch").delivered;
            }
            delivered
        }));
    }
    let mut by_dispatcher = Vec::new();
    for t in tasks {
        by_dispatcher.push(t.await.expect("dispatcher"));
    }
    assert_eq!(
        by_dispatcher.iter().sum::<usize>(),
        ids.len(),
        "{by_dispatcher:?}"
    );
    assert!(
        by_dispatcher.iter().all(|n| *n > 0),
        "both worked: {by_dispatcher:?}"
    );

    let mut count: HashMap<String, usize> = HashMap::new();
    for r in receiver.all() {
        assert!(signature_verifies(&secret, &r, app.clock_now().timestamp()));
        *count.entry(r.header("webhook-id").to_string()).or_default() += 1;
    }
    for id in &ids {
        assert_eq!(count.get(id), Some(&1), "{id} delivered exactly once");
    }
    for d in deliveries(&app, &request_id) {
        assert_eq!(d.status, "delivered", "{}", d.id);
    }
}

/// The API's webhook endpoints: scopes, listing, disabling, unknown ids, bad bodies;
/// and a correction applied instructs the subscribed systems too.
#[tokio::test]
async fn the_webhook_api_checks_scopes_and_a_rectification_is_instructed_too() {
    let app = TestApp::spawn_with(&[LOOPBACK]).await;
    let admin = app.admin_client().await;
    let receiver = Receiver::start().await;
    let manage = api_key(&app, &admin, "Ops", &["webhooks:manage"]).await;
    let read_only = api_key(&app, &admin, "Reader", &["requests:read"]).await;

    let body = json!({"name": "CRM", "url": receiver.url("/crm"), "event": ["rectification.instructed"], "identifier": ["email", "name"]});
    let (status, problem) = api_post(&app, &read_only, "/api/v1/webhooks", &body).await;
    assert_eq!(status, 403, "{problem}");
    let (status, problem) = api_post(
        &app,
        &manage,
        "/api/v1/webhooks",
        &json!(["not", "an object"]),
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    let (status, problem) = api_post(
        &app,
        &manage,
        "/api/v1/webhooks",
        &json!({"name": "CRM", "url": receiver.url("/crm"), "event": ["request.exploded"]}),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "event");
    let (status, created) = api_post(&app, &manage, "/api/v1/webhooks", &body).await;
    assert_eq!(status, 201, "{created}");
    let secret = created["secret"].as_str().expect("secret").to_string();
    let (status, list) = api_get(&app, &manage, "/api/v1/webhooks").await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["name"], "CRM");
    assert!(
        list[0].get("secret").is_none(),
        "the secret is never listed"
    );
    assert!(!list.to_string().contains(&secret));
    let (status, _) = api_post(
        &app,
        &manage,
        "/api/v1/webhooks/no-such-id/disable",
        &json!({}),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = api_post(&app, &manage, "/api/v1/tasks/no-such-task/done", &json!({})).await;
    assert_eq!(status, 403, "tasks:report is another scope");
    let reporter = api_key(&app, &admin, "Reporter", &["tasks:report"]).await;
    let (status, problem) = api_post(
        &app,
        &reporter,
        "/api/v1/tasks/no-such-task/done",
        &json!({}),
    )
    .await;
    assert_eq!(status, 404, "{problem}");

    // A correction applied: the CRM gets the item and a task.
    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "eva@example.no",
        &[
            ("kind", "rectification"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 1, 0155 Oslo"),
        ],
    )
    .await;
    let (status, body, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "{body}");
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "item",
        &[("item", "1"), ("item_decision", "applied")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let got = receiver.wait_for("rectification.instructed", 1).await;
    assert!(signature_verifies(
        &secret,
        &got[0],
        app.clock_now().timestamp()
    ));
    let data = got[0].json()["data"].clone();
    assert_eq!(
        data["items"][0]["corrected_value"], "Storgata 1, 0155 Oslo",
        "{data}"
    );
    assert_eq!(data["subject"]["name"], "Kari Nordmann");
    assert!(data["task_id"].is_string());
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "We corrected your address."),
        ],
    )
    .await;
    assert_eq!(status, 409, "{body}");

    // Disabled: nothing more is queued for it.
    let sub_id = created["id"].as_str().expect("id").to_string();
    let (status, list) = api_post(
        &app,
        &manage,
        &format!("/api/v1/webhooks/{sub_id}/disable"),
        &json!({}),
    )
    .await;
    assert_eq!(status, 200, "{list}");
    assert!(list[0]["disabled_at"].is_string());
}

/// The deadline events come with the handlers' reminders: due soon at the first
/// threshold (7 days by default) with the days left, and overdue once the due date has
/// passed, with the days overdue.
#[tokio::test]
async fn due_soon_and_overdue_reach_the_receiver_with_the_days() {
    let app = TestApp::spawn_with(&[LOOPBACK]).await;
    let admin = app.admin_client().await;
    let receiver = Receiver::start().await;
    let secret = subscribe(
        &app,
        &admin,
        "CRM",
        &receiver.url("/deadlines"),
        &["request.due_soon", "request.overdue"],
        &[],
    )
    .await;
    let (reference, _) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "nils@example.no",
        &[("kind", "access")],
    )
    .await;
    let today = |app: &TestApp| {
        dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone)
    };

    app.clock.advance(Duration::days(24));
    let soon = receiver.wait_for("request.due_soon", 1).await;
    let data = soon[0].json()["data"].clone();
    assert_eq!(data["reference"], reference.as_str());
    let due: chrono::NaiveDate = data["due_date"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("due date");
    let left = (due - today(&app)).num_days();
    assert!((0..=7).contains(&left), "{data}");
    assert_eq!(data["days_left"], left, "{data}");
    assert!(signature_verifies(
        &secret,
        &soon[0],
        app.clock_now().timestamp()
    ));

    app.clock.advance(Duration::days(left + 2));
    let overdue = receiver.wait_for("request.overdue", 1).await;
    let data = overdue[0].json()["data"].clone();
    assert_eq!(data["reference"], reference.as_str());
    assert_eq!(
        data["days_overdue"],
        (today(&app) - due).num_days(),
        "{data}"
    );
    assert!(data["days_overdue"].as_i64().is_some_and(|d| d >= 1));
}
