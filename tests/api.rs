//! Issue 13 (first part): the JSON API. Keys made on the admin page (shown once, stored
//! as a hash, scoped, expiring, revocable); every refusal a problem document; intake
//! unverified (the verification email as from the portal) and verified (a past
//! `received_at` sets the deadlines); listing in queue order with a cursor; one request
//! with its events; `Idempotency-Key`; the rate limit per key. SQLite and PostgreSQL
//! (`DSR_TEST_POSTGRES_URL`).

mod support;

use chrono::Duration;
use serde_json::{json, Value};
use support::{audit_actions, extract_links, hidden, html_unescape, TestApp};

/// Create a key on the admin page; returns its secret (shown once).
async fn create_key(
    app: &TestApp,
    admin: &reqwest::Client,
    name: &str,
    scopes: &[&str],
    last_day: &str,
) -> String {
    let (status, page) = app.get(admin, "/dashboard/admin/api-keys").await;
    assert_eq!(status, 200, "{page}");
    let csrf = hidden(&page, "csrf_token");
    let mut form: Vec<(&str, &str)> = vec![
        ("csrf_token", &csrf),
        ("name", name),
        ("last_day", last_day),
    ];
    for s in scopes {
        form.push(("scope", s));
    }
    let (status, body, _) = app
        .post_form(admin, "/dashboard/admin/api-keys", &form)
        .await;
    assert_eq!(status, 200, "{body}");
    shown_key(&body)
}

/// The key on the page that answers its creation (shown this once).
fn shown_key(body: &str) -> String {
    let marker = "<code class=\"secret\">";
    let start = body.find(marker).expect("the key is shown") + marker.len();
    let end = body[start..].find("</code>").expect("end") + start;
    html_unescape(&body[start..end])
}

struct Api<'a> {
    app: &'a TestApp,
    http: reqwest::Client,
    key: Option<String>,
}

struct Answer {
    status: u16,
    content_type: String,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl<'a> Api<'a> {
    fn new(app: &'a TestApp, key: &str) -> Self {
        Self {
            app,
            http: reqwest::Client::new(),
            key: Some(key.to_string()),
        }
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> Answer {
        let r = match &self.key {
            Some(k) => r.bearer_auth(k),
            None => r,
        };
        let resp = r.send().await.expect("API call");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let text = resp.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer {
            status,
            content_type,
            headers,
            body,
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(self.http.get(self.app.url(path))).await
    }

    async fn post(&self, path: &str, body: &Value) -> Answer {
        self.send(self.http.post(self.app.url(path)).json(body))
            .await
    }

    async fn post_with_key(&self, path: &str, body: &Value, idem: &str) -> Answer {
        self.send(
            self.http
                .post(self.app.url(path))
                .header("Idempotency-Key", idem)
                .json(body),
        )
        .await
    }
}

fn access(email: &str) -> Value {
    json!({"kind": "access", "name": "Kari Nordmann", "email": email})
}

/// Every refusal: a problem document with the status in the body too.
fn assert_problem(a: &Answer, status: u16) {
    assert_eq!(a.status, status, "{:?}", a.body);
    assert_eq!(a.content_type, "application/problem+json", "{:?}", a.body);
    assert_eq!(a.body["status"], status);
    assert!(a.body["type"]
        .as_str()
        .is_some_and(|t| t.starts_with("urn:")));
    assert!(a.body["title"].is_string());
}

fn error_fields(a: &Answer) -> Vec<String> {
    a.body["errors"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn keys_are_made_on_the_admin_page_shown_once_and_stored_as_a_hash() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let secret = create_key(
        &app,
        &admin,
        "My Page",
        &["requests:create", "requests:read"],
        "",
    )
    .await;
    assert!(secret.starts_with("dsr_"), "{secret}");
    // Stored as its SHA-256 only.
    {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::api_keys;
        let mut conn = app.pool.get().expect("conn");
        let (hash, scopes): (String, String) = api_keys::table
            .select((api_keys::key_hash, api_keys::scopes))
            .first(&mut conn)
            .expect("key row");
        assert_eq!(hash, dsr_tracker::domain::tokens::hash(&secret));
        assert_eq!(scopes, "requests:create requests:read");
    }
    // Never shown again.
    let (_, page) = app.get(&admin, "/dashboard/admin/api-keys").await;
    assert!(page.contains("My Page"));
    assert!(!page.contains(&secret));
    assert!(page.contains(&secret[..12]), "the start identifies it");

    // Bad forms: 422 beside the field, nothing made.
    let csrf = hidden(&page, "csrf_token");
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/api-keys",
            &[
                ("csrf_token", &csrf),
                ("name", ""),
                ("scope", "root"),
                ("last_day", "2001-01-01"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let body = html_unescape(&body);
    assert!(
        body.contains("id=\"key-scope-error\">Choose scopes from the list."),
        "{body}"
    );
    assert!(
        body.contains("id=\"key-last_day-error\">The last day cannot be in the past."),
        "{body}"
    );
    assert!(body.contains("id=\"key-name-error\""), "{body}");
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/api-keys",
            &[("csrf_token", &csrf), ("name", "Nothing")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("Choose at least one scope."));

    // Handlers may not.
    app.create_user("handler@telecom.example", "handler");
    let handler = TestApp::client();
    app.login(&handler, "handler@telecom.example", support::ADMIN_PASSWORD)
        .await;
    let (status, _) = app.get(&handler, "/dashboard/admin/api-keys").await;
    assert_eq!(status, 403);

    // The key works, then is revoked.
    let api = Api::new(&app, &secret);
    assert_eq!(api.get("/api/v1/requests").await.status, 200);
    let (_, page) = app.get(&admin, "/dashboard/admin/api-keys").await;
    let id_start = page
        .find("/dashboard/admin/api-keys/")
        .expect("a revoke form")
        + 26;
    let id_end = page[id_start..].find('/').expect("end") + id_start;
    let key_id = page[id_start..id_end].to_string();
    let (status, _, location) = app
        .post_form(
            &admin,
            &format!("/dashboard/admin/api-keys/{key_id}/revoke"),
            &[("csrf_token", &hidden(&page, "csrf_token"))],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some("/dashboard/admin/api-keys?done=revoked")
    );
    let a = api.get("/api/v1/requests").await;
    assert_problem(&a, 401);
    assert_eq!(a.body["detail"], "This API key has been revoked.");
}

#[tokio::test]
async fn missing_wrong_expired_keys_and_wrong_scopes_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let today = dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone);
    let reader = create_key(&app, &admin, "CRM", &["requests:read"], &today.to_string()).await;

    let none = Api {
        app: &app,
        http: reqwest::Client::new(),
        key: None,
    };
    let a = none.get("/api/v1/requests").await;
    assert_problem(&a, 401);
    assert_eq!(
        a.headers
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    let a = Api::new(&app, "dsr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .get("/api/v1/requests")
        .await;
    assert_problem(&a, 401);
    assert_eq!(a.body["detail"], "This API key is not known.");
    let a = Api::new(&app, "not even a key")
        .get("/api/v1/requests")
        .await;
    assert_problem(&a, 401);

    // A read key may read, not create.
    let api = Api::new(&app, &reader);
    assert_eq!(api.get("/api/v1/requests").await.status, 200);
    let a = api
        .post("/api/v1/requests", &access("kari@example.no"))
        .await;
    assert_problem(&a, 403);
    assert!(a.body["detail"]
        .as_str()
        .unwrap_or("")
        .contains("requests:create"));
    assert_eq!(app.count_requests(), 0);
    // A create key may not vouch for identity.
    let creator = create_key(&app, &admin, "Web form", &["requests:create"], "").await;
    let mut verified = access("kari@example.no");
    verified["verification_method"] = json!("Logged in to My Page");
    let a = Api::new(&app, &creator)
        .post("/api/v1/requests", &verified)
        .await;
    assert_problem(&a, 403);
    assert!(a.body["detail"]
        .as_str()
        .unwrap_or("")
        .contains("requests:create_verified"));

    // The key's last day was today: tomorrow it is refused.
    app.clock.advance(Duration::days(1));
    let a = api.get("/api/v1/requests").await;
    assert_problem(&a, 401);
    assert_eq!(a.body["detail"], "This API key has expired.");
}

#[tokio::test]
async fn unverified_intake_sends_the_verification_email_as_the_portal_does() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(
        &app,
        &admin,
        "Web form",
        &["requests:create", "requests:read"],
        "",
    )
    .await;
    let api = Api::new(&app, &key);
    let a = api
        .post(
            "/api/v1/requests",
            &json!({
                "kind": "erasure",
                "name": "Ola Hansen",
                "email": "ola@example.no",
                "erasure_scope": "categories",
                "erasure_categories": ["billing", "traffic"],
                "language": "nb",
            }),
        )
        .await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert_eq!(a.content_type, "application/json");
    assert_eq!(a.body["status"], "awaiting_verification");
    assert_eq!(a.body["channel"], "api");
    assert_eq!(a.body["language"], "nb");
    assert_eq!(
        a.body["details"]["categories"],
        json!(["billing", "traffic"])
    );
    let reference = a.body["reference"].as_str().expect("reference").to_string();
    let id = a.body["id"].as_str().expect("id").to_string();
    // The verification email, in Norwegian, with its link.
    let mail = app.wait_for_mail("ola@example.no", &reference).await;
    assert!(
        !extract_links(&mail.text, &format!("{}/verify/", app.base)).is_empty(),
        "{}",
        mail.text
    );
    // Audited under the key's name.
    let a = api.get(&format!("/api/v1/requests/{reference}")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["id"], id);
    let first = &a.body["events"][0];
    assert_eq!(first["action"], "submitted");
    assert!(
        first["actor"].as_str().unwrap_or("").contains("(Web form)"),
        "{first}"
    );
    assert_eq!(audit_actions(&app, &id)[0], "submitted");
}

#[tokio::test]
async fn verified_intake_with_a_past_received_at_sets_the_deadlines_from_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(&app, &admin, "My Page", &["requests:create_verified"], "").await;
    let api = Api::new(&app, &key);
    let received = app.clock_now() - Duration::days(10);
    let mut body = access("kari@example.no");
    body["verification_method"] = json!("Logged in to My Page (BankID)");
    body["received_at"] = json!(received.to_rfc3339());
    body["customer_number"] = json!("K-100234");
    let a = api.post("/api/v1/requests", &body).await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert_eq!(a.body["status"], "open");
    assert_eq!(
        a.body["verification_method"],
        "Logged in to My Page (BankID)"
    );
    let received_date = dsr_tracker::time::local_date(received.naive_utc(), app.settings.timezone);
    let expected = dsr_tracker::domain::clock::deadlines(
        received_date,
        0,
        None,
        app.settings.clock_settings(),
    );
    assert_eq!(a.body["received_date"], received_date.to_string());
    assert_eq!(a.body["deadlines"]["due_date"], expected.due.to_string());
    assert_eq!(
        a.body["deadlines"]["legal_due_date"],
        expected.legal_due.to_string()
    );
    // The subject gets the acknowledgement, not a verification email.
    let ack = app
        .wait_for_mail("kari@example.no", "We have your request")
        .await;
    assert!(ack
        .text
        .contains(a.body["reference"].as_str().unwrap_or("?")));

    // Not in the future, and a time that reads as one.
    body["received_at"] = json!((app.clock_now() + Duration::hours(2)).to_rfc3339());
    let a = api.post("/api/v1/requests", &body).await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["received_at"]);
    body["received_at"] = json!("last Tuesday");
    let a = api.post("/api/v1/requests", &body).await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["received_at"]);
    assert_eq!(app.count_requests(), 1);
}

#[tokio::test]
async fn an_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(&app, &admin, "My Page", &["requests:create"], "").await;
    let api = Api::new(&app, &key);
    let body = access("kari@example.no");
    let first = api
        .post_with_key("/api/v1/requests", &body, "order-4711")
        .await;
    assert_eq!(first.status, 201, "{:?}", first.body);
    let again = api
        .post_with_key("/api/v1/requests", &body, "order-4711")
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body, "the first answer, as it was");
    assert_eq!(
        again
            .headers
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    assert_eq!(app.count_requests(), 1, "nothing created twice");
    // One verification email only.
    app.wait_for_mail(
        "kari@example.no",
        first.body["reference"].as_str().unwrap_or("?"),
    )
    .await;
    app.wait_for_outbox_sent().await;
    let sent = app
        .smtp
        .messages()
        .iter()
        .filter(|m| m.to.iter().any(|t| t.contains("kari@example.no")))
        .count();
    assert_eq!(sent, 1);

    // The same key with another body: 422, nothing created.
    let a = api
        .post_with_key(
            "/api/v1/requests",
            &access("other@example.no"),
            "order-4711",
        )
        .await;
    assert_problem(&a, 422);
    assert!(a.body["type"]
        .as_str()
        .unwrap_or("")
        .ends_with("idempotency-key-reused"));
    assert_eq!(app.count_requests(), 1);

    // A refusal is kept too: the same bad body gets the same 422.
    let bad = json!({"kind": "access", "name": "", "email": "x"});
    let a = api
        .post_with_key("/api/v1/requests", &bad, "order-4712")
        .await;
    assert_problem(&a, 422);
    let b = api
        .post_with_key("/api/v1/requests", &bad, "order-4712")
        .await;
    assert_eq!(b.body, a.body);

    // Scoped to the key: another key may use the same value.
    let other = create_key(&app, &admin, "CRM", &["requests:create"], "").await;
    let a = Api::new(&app, &other)
        .post_with_key("/api/v1/requests", &access("crm@example.no"), "order-4711")
        .await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert_eq!(app.count_requests(), 2);

    // Kept 24 hours: after that the key is new again.
    app.clock.advance(Duration::hours(25));
    let a = api
        .post_with_key(
            "/api/v1/requests",
            &access("later@example.no"),
            "order-4711",
        )
        .await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert_eq!(app.count_requests(), 3);
}

#[tokio::test]
async fn bad_input_gets_a_problem_document_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(
        &app,
        &admin,
        "My Page",
        &["requests:create", "requests:read"],
        "",
    )
    .await;
    let api = Api::new(&app, &key);
    let http = reqwest::Client::new();
    let raw = |body: &'static str| {
        http.post(app.url("/api/v1/requests"))
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body(body)
    };
    // Not JSON, not an object.
    assert_problem(&api.send(raw("{\"kind\": ")).await, 400);
    assert_problem(&api.send(raw("[1, 2]")).await, 400);
    // Missing and bad fields, each named.
    let a = api
        .post(
            "/api/v1/requests",
            &json!({"kind": "teleport", "email": "nope"}),
        )
        .await;
    assert_problem(&a, 422);
    let fields = error_fields(&a);
    for f in ["kind", "name", "email"] {
        assert!(fields.contains(&f.to_string()), "{fields:?}");
    }
    assert!(a.body["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    // A nested object where text belongs.
    let a = api
        .post(
            "/api/v1/requests",
            &json!({"kind": "access", "name": {"first": "Kari"}, "email": "k@example.no"}),
        )
        .await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["name"]);
    // received_at without verification.
    let mut body = access("k@example.no");
    body["received_at"] = json!("2026-01-01T00:00:00Z");
    let a = api.post("/api/v1/requests", &body).await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["received_at"]);
    // Too large.
    let huge = json!({"kind": "access", "name": "x".repeat(70 * 1024), "email": "k@example.no"});
    assert_problem(&api.post("/api/v1/requests", &huge).await, 413);
    assert_eq!(app.count_requests(), 0);

    // The list's query.
    let a = api.get("/api/v1/requests?limit=0").await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["limit"]);
    let a = api.get("/api/v1/requests?limit=lots").await;
    assert_problem(&a, 422);
    let a = api
        .get("/api/v1/requests?status=lost&kind=teleport&after=xyz&due_before=soon")
        .await;
    assert_problem(&a, 422);
    let mut fields = error_fields(&a);
    fields.sort();
    assert_eq!(fields, ["after", "due_before", "kind", "status"]);
    // Unknown things.
    assert_problem(&api.get("/api/v1/requests/DSR-2026-999999").await, 404);
    assert_problem(&api.get("/api/v1/requests/not-an-id").await, 404);
    assert_problem(&api.get("/api/v1/nothing-here").await, 404);
    let a = api.send(http.delete(app.url("/api/v1/requests"))).await;
    assert_problem(&a, 405);
}

#[tokio::test]
async fn the_list_pages_in_queue_order_and_filters_by_kind_and_status() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(
        &app,
        &admin,
        "CRM",
        &["requests:create_verified", "requests:read"],
        "",
    )
    .await;
    let api = Api::new(&app, &key);
    let mut made = Vec::new();
    for (days_ago, kind) in [(20, "access"), (5, "access"), (12, "erasure")] {
        let mut body = json!({
            "kind": kind,
            "name": "Kari Nordmann",
            "email": format!("k{days_ago}@example.no"),
            "verification_method": "Logged in to My Page",
            "received_at": (app.clock_now() - Duration::days(days_ago)).to_rfc3339(),
        });
        if kind == "erasure" {
            body["erasure_scope"] = json!("everything");
        }
        let a = api.post("/api/v1/requests", &body).await;
        assert_eq!(a.status, 201, "{:?}", a.body);
        made.push(a.body["reference"].as_str().unwrap_or_default().to_string());
    }
    // Oldest receipt first: due soonest.
    let a = api.get("/api/v1/requests?limit=2").await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    let refs: Vec<&str> = a.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|r| r["reference"].as_str())
        .collect();
    assert_eq!(refs, [made[0].as_str(), made[2].as_str()]);
    let next = a.body["next"].as_str().expect("a next page").to_string();
    let a = api
        .get(&format!("/api/v1/requests?limit=2&after={next}"))
        .await;
    let refs: Vec<&str> = a.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|r| r["reference"].as_str())
        .collect();
    assert_eq!(refs, [made[1].as_str()]);
    assert!(a.body["next"].is_null());

    let a = api.get("/api/v1/requests?kind=erasure&status=open").await;
    assert_eq!(a.body["items"].as_array().map(Vec::len), Some(1));
    let a = api.get("/api/v1/requests?status=completed").await;
    assert_eq!(a.body["items"].as_array().map(Vec::len), Some(0));
    let a = api.get("/api/v1/requests?status=active").await;
    assert_eq!(a.body["items"].as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn each_key_has_its_own_rate_limit() {
    let app = TestApp::spawn_with(&[("DSR_API_RATE_PER_MINUTE", "3")]).await;
    let admin = app.admin_client().await;
    let first = create_key(&app, &admin, "Busy", &["requests:read"], "").await;
    let second = create_key(&app, &admin, "Quiet", &["requests:read"], "").await;
    let busy = Api::new(&app, &first);
    for _ in 0..3 {
        assert_eq!(busy.get("/api/v1/requests").await.status, 200);
    }
    let a = busy.get("/api/v1/requests").await;
    assert_problem(&a, 429);
    let retry: u64 = a
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(
        Api::new(&app, &second).get("/api/v1/requests").await.status,
        200
    );
}

#[tokio::test]
async fn the_registers_and_the_suppression_list_are_read_only_views() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let reader = create_key(&app, &admin, "CRM", &["requests:read"], "").await;
    let a = Api::new(&app, &reader).get("/api/v1/registers").await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    let has = |list: &str, key: &str, value: &str| {
        a.body[list]
            .as_array()
            .is_some_and(|items| items.iter().any(|i| i[key] == value))
    };
    assert!(has("categories", "code", "billing"), "{:?}", a.body);
    assert!(has("retention_rules", "id", "no-accounting-primary"));
    assert!(has("recipients", "id", "analytics"));
    let analytics = a.body["recipients"]
        .as_array()
        .and_then(|r| r.iter().find(|i| i["id"] == "analytics"))
        .cloned()
        .unwrap_or_default();
    assert!(analytics["safeguard"].is_string(), "{analytics}");
    // Only for suppression:read.
    let a = Api::new(&app, &reader).get("/api/v1/suppression").await;
    assert_problem(&a, 403);

    // An objection to direct marketing, verified by My Page: suppressed at once
    // (Art. 21(3)), and the marketing system reads it.
    let intake = create_key(&app, &admin, "My Page", &["requests:create_verified"], "").await;
    let a = Api::new(&app, &intake)
        .post(
            "/api/v1/requests",
            &json!({
                "kind": "objection",
                "name": "Kari Nordmann",
                "email": "kari@example.no",
                "phone": "+47 912 34 567",
                "objection_purpose": ["direct_marketing"],
                "verification_method": "Logged in to My Page",
            }),
        )
        .await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    let marketing = create_key(&app, &admin, "Newsletter tool", &["suppression:read"], "").await;
    let a = Api::new(&app, &marketing).get("/api/v1/suppression").await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    let values: Vec<&str> = a
        .body
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["value"].as_str())
        .collect();
    assert!(values.contains(&"kari@example.no"), "{values:?}");
    assert!(
        values.iter().any(|v| v.contains("4791234567")),
        "{values:?}"
    );
    // The export is audited under the key's name.
    use diesel::prelude::*;
    use dsr_tracker::db::schema::audit_events;
    let mut conn = app.pool.get().expect("conn");
    let actors: Vec<String> = audit_events::table
        .filter(audit_events::action.eq("suppression_exported"))
        .select(audit_events::actor)
        .load(&mut conn)
        .expect("audit");
    assert!(
        actors.iter().any(|a| a.contains("(Newsletter tool)")),
        "{actors:?}"
    );
}

#[tokio::test]
async fn concurrent_calls_with_one_idempotency_key_create_one_request() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let key = create_key(&app, &admin, "My Page", &["requests:create"], "").await;
    let api = Api::new(&app, &key);
    let body = access("kari@example.no");
    let calls: Vec<_> = (0..6)
        .map(|_| api.post_with_key("/api/v1/requests", &body, "double-click"))
        .collect();
    let answers = futures_util::future::join_all(calls).await;
    for a in &answers {
        // The first call's answer, a replay of it, or "still running": never a second request.
        assert!(
            a.status == 201 || a.status == 409,
            "{} {:?}",
            a.status,
            a.body
        );
    }
    assert!(answers.iter().any(|a| a.status == 201));
    assert_eq!(app.count_requests(), 1);
}

/// A key that acts as the admin, and a verified access request; returns (key, id).
async fn acting_key_and_request(app: &TestApp, admin: &reqwest::Client) -> (String, String) {
    let (_, page) = app.get(admin, "/dashboard/admin/api-keys").await;
    let csrf = hidden(&page, "csrf_token");
    // The admin's own account id, from the "acts as" choices.
    let marker = "name=\"acts_as\" aria-describedby=\"key-acts_as-hint\"><option value=\"\">Nobody</option><option value=\"";
    let start = page.find(marker).expect("an account to act as") + marker.len();
    let end = page[start..].find('"').expect("end") + start;
    let account = page[start..end].to_string();
    // requests:act without an account: 422.
    let (status, body, _) = app
        .post_form(
            admin,
            "/dashboard/admin/api-keys",
            &[
                ("csrf_token", &csrf),
                ("name", "Case robot"),
                ("scope", "requests:act"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(html_unescape(&body).contains("needs an active handler or admin"));
    let (status, body, _) = app
        .post_form(
            admin,
            "/dashboard/admin/api-keys",
            &[
                ("csrf_token", &csrf),
                ("name", "Case robot"),
                ("scope", "requests:act"),
                ("scope", "requests:create_verified"),
                ("scope", "requests:read"),
                ("acts_as", &account),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let key = shown_key(&body);
    let mut req = access("kari@example.no");
    req["verification_method"] = json!("Logged in to My Page");
    let a = Api::new(app, &key).post("/api/v1/requests", &req).await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    (key, a.body["id"].as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn handler_actions_follow_the_request_pages_rules_and_name_the_key() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (key, id) = acting_key_and_request(&app, &admin).await;
    let api = Api::new(&app, &key);
    let path = |action: &str| format!("/api/v1/requests/{id}/{action}");

    // Without a version: 422; with a stale one: 409, nothing changed.
    let a = api.post(&path("start"), &json!({})).await;
    assert_problem(&a, 422);
    assert_eq!(error_fields(&a), ["version"]);
    let a = api.post(&path("start"), &json!({"version": 99})).await;
    assert_problem(&a, 409);

    let version = |a: &Answer| a.body["version"].as_i64().unwrap_or(-1);
    let a = api.get(&format!("/api/v1/requests/{id}")).await;
    let a = api
        .post(&path("start"), &json!({"version": version(&a)}))
        .await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(a.body["status"], "in_progress");
    assert!(
        a.body["assignee_id"].is_string(),
        "taken by the account it acts as"
    );
    // Audited under the key, for the account.
    let started = a.body["events"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["action"] == "started"))
        .cloned()
        .unwrap_or_default();
    assert!(
        started["actor"]
            .as_str()
            .unwrap_or("")
            .contains("(Case robot) for dpo@telecom.example"),
        "{started}"
    );

    // A note (no version), a question (the subject's email), bad input beside its field.
    let a = api
        .post(&path("notes"), &json!({"note": "Checked the CRM."}))
        .await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    let a = api
        .post(
            &path("ask"),
            &json!({"version": version(&a), "purpose": "whim", "question": ""}),
        )
        .await;
    assert_problem(&a, 422);
    let current = api.get(&format!("/api/v1/requests/{id}")).await;
    let a = api
        .post(
            &path("ask"),
            &json!({"version": version(&current), "purpose": "clarification", "question": "Which of your two subscriptions do you mean?"}),
        )
        .await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(a.body["status"], "awaiting_subject");
    app.wait_for_mail("kari@example.no", "question").await;

    // Not possible in this status: 409 with the reason.
    let a = api
        .post(
            &path("complete"),
            &json!({"version": version(&a), "outcome": "fulfilled", "answer": "Here it is."}),
        )
        .await;
    assert_problem(&a, 409);

    // Rejecting waits for the subject's answer either (the page's rule): 409.
    let current = api.get(&format!("/api/v1/requests/{id}")).await;
    let rejection = json!({
        "version": version(&current),
        "rejection_reason": "manifestly_unfounded",
        "justification": "The same request was answered in full last week; nothing has changed since.",
    });
    assert_problem(&api.post(&path("reject"), &rejection).await, 409);
    // The subject withdraws by phone; the handler records it.
    let a = api
        .post(
            &path("withdraw"),
            &json!({"version": version(&current), "withdrawal_reason": "Called us: no longer needed."}),
        )
        .await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(a.body["status"], "withdrawn");
    // Unknown actions and requests: 404.
    assert_problem(
        &api.post(&path("teleport"), &json!({"version": 1})).await,
        404,
    );
    assert_problem(
        &api.post(
            "/api/v1/requests/DSR-2026-999999/start",
            &json!({"version": 1}),
        )
        .await,
        404,
    );
    // A key without requests:act: 403.
    let reader = create_key(&app, &admin, "CRM", &["requests:read"], "").await;
    assert_problem(
        &Api::new(&app, &reader)
            .post(&path("notes"), &json!({"note": "x"}))
            .await,
        403,
    );
}

#[tokio::test]
async fn a_completion_through_the_api_sends_the_answer_given() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (key, id) = acting_key_and_request(&app, &admin).await;
    let api = Api::new(&app, &key);
    let current = api.get(&format!("/api/v1/requests/{id}")).await;
    let a = api
        .post(
            &format!("/api/v1/requests/{id}/start"),
            &json!({"version": current.body["version"]}),
        )
        .await;
    assert_eq!(a.status, 200);
    let a = api
        .post(
            &format!("/api/v1/requests/{id}/complete"),
            &json!({
                "version": a.body["version"],
                "outcome": "no_data_held",
                "answer": "We hold no personal data about you beyond this request.",
            }),
        )
        .await;
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(a.body["status"], "completed");
    assert_eq!(a.body["outcome"], "no_data_held");
    let mail = app
        .wait_for_mail("kari@example.no", "we hold no data")
        .await;
    assert!(
        mail.text.contains("We hold no personal data about you"),
        "{}",
        mail.text
    );
}

#[tokio::test]
async fn a_key_whose_account_is_deactivated_may_no_longer_act() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let handler = app.create_user("robot-owner@telecom.example", "handler");
    let (_, page) = app.get(&admin, "/dashboard/admin/api-keys").await;
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/api-keys",
            &[
                ("csrf_token", &hidden(&page, "csrf_token")),
                ("name", "Case robot"),
                ("scope", "requests:act"),
                ("acts_as", &handler.id),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let key = shown_key(&body);
    assert!(html_unescape(&body).contains("acts as Test Handler (robot-owner@telecom.example)"));
    let api = Api::new(&app, &key);
    // The account may act: a note on an unknown request is 404, not 403.
    assert_problem(
        &api.post(
            "/api/v1/requests/DSR-2026-999999/notes",
            &json!({"note": "x"}),
        )
        .await,
        404,
    );
    {
        let mut conn = app.pool.get().expect("conn");
        let ctx = dsr_tracker::workflow::Ctx {
            settings: &app.settings,
            now: app.clock_now(),
        };
        dsr_tracker::workflow::users::deactivate(
            &mut conn,
            &ctx,
            &dsr_tracker::workflow::Actor::System,
            &handler.id,
        )
        .expect("deactivate");
    }
    let a = api
        .post(
            "/api/v1/requests/DSR-2026-999999/notes",
            &json!({"note": "x"}),
        )
        .await;
    assert_problem(&a, 403);
    assert!(a.body["detail"]
        .as_str()
        .unwrap_or("")
        .contains("deactivated"));
}
