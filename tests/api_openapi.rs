//! Issue 13: the OpenAPI 3.1 document is generated from the code and served at
//! `/api/v1/openapi.json`; this snapshot fails when it changes without the snapshot being
//! updated (`DSR_UPDATE_SNAPSHOTS=1 cargo test --test api_openapi` writes it). The
//! browsable page `/api/docs/` comes from the crate: no other host, no inline script.

mod support;

use support::TestApp;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");

#[tokio::test]
async fn the_openapi_document_matches_its_snapshot() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let r = c
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status().as_u16(), 200);
    let doc: serde_json::Value = r.json().await.expect("JSON");
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    // Every operation declares the refusals it can answer with.
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for (method, op) in ops.as_object().expect("operations") {
            let responses = op["responses"].as_object().expect("responses");
            for status in ["401", "403", "429"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
    // Another method gets the API's problem answer, with the method it allows.
    let r = c
        .post(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(
        r.headers().get("allow").and_then(|v| v.to_str().ok()),
        Some("GET")
    );
    assert_eq!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let pretty = serde_json::to_string_pretty(&doc).expect("pretty") + "\n";
    if std::env::var("DSR_UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(SNAPSHOT, &pretty).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    assert!(
        expected == pretty,
        "the OpenAPI document changed: review it and run \
         DSR_UPDATE_SNAPSHOTS=1 cargo test --test api_openapi\n{pretty}"
    );
}

#[tokio::test]
async fn the_docs_page_is_served_from_the_crate_without_inline_script() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (status, location) = app.status_of(&c, "/api/docs").await;
    assert!(
        status == 301 || status == 302 || status == 303 || status == 308,
        "{status}"
    );
    assert_eq!(location.as_deref(), Some("/api/docs/"));
    let r = c.get(app.url("/api/docs/")).send().await.expect("GET");
    assert_eq!(r.status().as_u16(), 200);
    let csp = r
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let page = r.text().await.expect("body");
    assert!(!page.contains("<script>"), "no inline script: {page}");
    assert!(
        !page.contains("//cdn") && !page.contains("https://unpkg"),
        "{page}"
    );
    // Its script and the document it shows come from this server.
    for asset in [
        "/api/docs/swagger-ui-bundle.js",
        "/api/docs/swagger-initializer.js",
    ] {
        let r = c.get(app.url(asset)).send().await.expect("GET");
        assert_eq!(r.status().as_u16(), 200, "{asset}");
    }
    let init = c
        .get(app.url("/api/docs/swagger-initializer.js"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(init.contains("/api/v1/openapi.json"), "{init}");
}
