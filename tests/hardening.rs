//! Operational hardening over real HTTP: caching, health on a full disk, names that
//! cannot hide their direction.

mod support;

use support::*;

fn cache_control(r: &reqwest::Response) -> String {
    r.headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn pages_with_personal_data_are_never_cached() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let r = app.get_full(&admin, &app.url("/dashboard")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(cache_control(&r), "no-store");

    let c = TestApp::client();
    let (reference, ack) = submit_and_verify(&app, &c, "siri@example.no").await;
    let fresh = TestApp::client();
    let link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);
    let r = app.get_full(&fresh, &link).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(cache_control(&r), "no-store", "the /s/ redirect");
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    let r = app.get_full(&fresh, &app.url(&location)).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(cache_control(&r), "no-store", "the status page");
    let r = app.get_full(&fresh, &app.url("/my/requests")).await;
    assert_eq!(cache_control(&r), "no-store");
    assert!(r.text().await.expect("body").contains(&reference));

    // The stylesheet keeps its own, public, caching.
    let r = app.get_full(&fresh, &app.url("/static/style.css")).await;
    assert_eq!(cache_control(&r), "public, max-age=3600");
}

#[tokio::test]
async fn health_answers_503_with_the_reason_when_the_disk_is_nearly_full() {
    let app = TestApp::spawn_with(&[("DSR_MIN_FREE_DISK_MB", "100000000")]).await;
    let c = TestApp::client();
    let r = app.get_full(&c, &app.url("/healthz")).await;
    assert_eq!(r.status().as_u16(), 503);
    let v: serde_json::Value = r.json().await.expect("json");
    assert_eq!(v["status"], "unavailable");
    let detail = v["detail"].as_str().unwrap_or("");
    assert!(detail.contains("DSR_MIN_FREE_DISK_MB"), "{detail}");
    assert!(detail.contains("MiB free"), "{detail}");

    let normal = TestApp::spawn().await;
    let (status, body) = normal.get(&c, "/healthz").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_name_with_direction_overrides_is_refused_beside_the_field() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    for name in [
        "Ola \u{202E}nnamdroN",
        "Ola\u{2066}Nordmann\u{2069}",
        "Ola\u{2028}Nordmann",
    ] {
        let (status, body, _) = app
            .post_form(
                &c,
                "/requests",
                &[
                    ("csrf_token", &token),
                    ("kind", "access"),
                    ("name", name),
                    ("email", "ola@example.no"),
                ],
            )
            .await;
        assert_eq!(status, 422, "{name:?}");
        let error = body
            .split("id=\"name-error\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or_else(|| panic!("no error beside the name for {name:?}"));
        assert!(
            error.contains("direction of text") || error.contains("single line"),
            "{error}"
        );
    }
    assert_eq!(app.count_requests(), 0);
}
