//! The handlers' side: login, throttling, the queue and its paging.

mod support;

use std::collections::HashSet;

use support::*;

#[tokio::test]
async fn the_dashboard_needs_a_login_and_logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let r = app.get_full(&c, &app.url("/dashboard")).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/login")
    );

    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard").await;
    assert_eq!(status, 200);
    assert!(page.contains("Dana DPO"));

    // The setup link works once.
    let link = app.setup_link.clone().expect("link");
    let (status, _) = app
        .get(&TestApp::client(), link.trim_start_matches(&app.base))
        .await;
    assert_eq!(status, 404);

    // Log out (CSRF-protected), then log in with the password.
    let (_, page) = app.get(&admin, "/dashboard").await;
    let token = csrf_in(&page).expect("csrf in nav");
    let (status, _, _) = app.post_form(&admin, "/logout", &[]).await;
    assert_eq!(status, 403, "logout without CSRF token is refused");
    let (status, _, location) = app
        .post_form(&admin, "/logout", &[("csrf_token", &token)])
        .await;
    assert_eq!((status, location.as_deref()), (303, Some("/login")));
    let r = app.get_full(&admin, &app.url("/dashboard")).await;
    assert_eq!(r.status().as_u16(), 303);

    let token = app.csrf(&c, "/login").await;
    let (status, _, location) = app
        .post_form(
            &c,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "DPO@telecom.example"),
                ("password", ADMIN_PASSWORD),
            ],
        )
        .await;
    assert_eq!((status, location.as_deref()), (303, Some("/dashboard")));
    let (status, _) = app.get(&c, "/dashboard").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_wrong_password_repeated_is_throttled() {
    let app = TestApp::spawn_with(&[("DSR_LOGIN_BURST", "3")]).await;
    let _admin = app.admin_client().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/login").await;
    let wrong = [
        ("csrf_token", token.as_str()),
        ("email", "dpo@telecom.example"),
        ("password", "not the password"),
    ];
    for _ in 0..3 {
        let (status, body, _) = app.post_form(&c, "/login", &wrong).await;
        assert_eq!(status, 401);
        assert!(body.contains("Wrong email or password."));
        assert!(body.contains("value=\"dpo@telecom.example\""), "email kept");
    }
    let (status, body, _) = app.post_form(&c, "/login", &wrong).await;
    assert_eq!(status, 429);
    assert!(body.contains("Too many login attempts"));
    // From the same address, even the right password waits now.
    let right = [
        ("csrf_token", token.as_str()),
        ("email", "dpo@telecom.example"),
        ("password", ADMIN_PASSWORD),
    ];
    let (status, _, _) = app.post_form(&c, "/login", &right).await;
    assert_eq!(status, 429);
    // Login without CSRF token.
    let (status, _, _) = app
        .post_form(&TestApp::client(), "/login", &right[1..])
        .await;
    assert_eq!(status, 403);
}

/// A client whose requests come from `ip` (any 127/8 address is loopback on Linux).
fn client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(ip.parse::<std::net::IpAddr>().expect("ip"))
        .build()
        .expect("client")
}

#[tokio::test]
async fn wrong_passwords_from_one_address_cannot_lock_the_owner_out_from_another() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    let attacker = client_from("127.0.0.2");
    let token = app.csrf(&attacker, "/login").await;
    let wrong = [
        ("csrf_token", token.as_str()),
        ("email", "dpo@telecom.example"),
        ("password", "not the password"),
    ];
    for _ in 0..5 {
        let (status, _, _) = app.post_form(&attacker, "/login", &wrong).await;
        assert_eq!(status, 401);
    }
    for _ in 0..2 {
        let (status, body, _) = app.post_form(&attacker, "/login", &wrong).await;
        assert_eq!(status, 429);
        assert!(body.contains("Too many login attempts"), "{body}");
        assert!(body.contains("name=\"password\""), "the login page again");
    }

    // The owner, from another address, gets in (perhaps after a few seconds' wait).
    let owner = client_from("127.0.0.3");
    let token = app.csrf(&owner, "/login").await;
    let (status, _, location) = app
        .post_form(
            &owner,
            "/login",
            &[
                ("csrf_token", token.as_str()),
                ("email", "DPO@telecom.example"),
                ("password", ADMIN_PASSWORD),
            ],
        )
        .await;
    assert_eq!((status, location.as_deref()), (303, Some("/dashboard")));
    let (status, _) = app.get(&owner, "/dashboard").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn oversized_login_fields_are_refused_before_any_password_work() {
    let app = TestApp::spawn_with(&[("DSR_LOGIN_BURST", "1")]).await;
    let _admin = app.admin_client().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/login").await;
    let long_email = format!("{}@telecom.example", "a".repeat(300));
    let long_password = "p".repeat(1025);
    for (email, password) in [
        (long_email.as_str(), "whatever"),
        ("dpo@telecom.example", long_password.as_str()),
        (long_email.as_str(), long_password.as_str()),
    ] {
        let (status, body, _) = app
            .post_form(
                &c,
                "/login",
                &[
                    ("csrf_token", &token),
                    ("email", email),
                    ("password", password),
                ],
            )
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("at most 254 characters"), "{body}");
        assert!(!body.contains(&"a".repeat(300)), "not echoed");
    }
    // None of that used the (burst of one) limiter: the right password still works.
    let (status, _, location) = app
        .post_form(
            &c,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "dpo@telecom.example"),
                ("password", ADMIN_PASSWORD),
            ],
        )
        .await;
    assert_eq!((status, location.as_deref()), (303, Some("/dashboard")));
}

#[tokio::test]
async fn setup_form_errors_are_shown_beside_the_fields() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let path = app
        .setup_link
        .clone()
        .expect("link")
        .trim_start_matches(&app.base)
        .to_string();
    let token = app.csrf(&c, &path).await;
    let (status, body, _) = app
        .post_form(
            &c,
            &path,
            &[
                ("csrf_token", &token),
                ("name", "Dana"),
                ("email", "dana@"),
                ("password", "short"),
                ("password_again", "short"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("at least 12 characters"));
    assert!(body.contains("domain such as example.com"));
    assert!(body.contains("value=\"Dana\""));
}

#[tokio::test]
async fn the_queue_is_sorted_by_due_date_filtered_and_paged_without_gaps() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::seed::seed_demo(&mut conn, &app.settings, chrono::Utc::now(), 180, false)
            .expect("seed");
    }
    let admin = app.admin_client().await;

    // Walk every page of "all" and check order and completeness.
    let mut seen = HashSet::new();
    let mut last_due = String::new();
    let mut path = "/dashboard?status=all".to_string();
    let mut pages = 0;
    loop {
        let (status, page) = app.get(&admin, &path).await;
        assert_eq!(status, 200);
        pages += 1;
        for row in page.split("<tr class=\"urgency-").skip(1) {
            let reference = reference_in(row).expect("reference in row");
            assert!(
                seen.insert(reference.clone()),
                "{reference} shown twice on {path}"
            );
            // The due cell carries the date as `<time datetime="YYYY-MM-DD">`.
            let due: String = row
                .split("class=\"due\"><time datetime=\"")
                .nth(1)
                .unwrap_or("")
                .chars()
                .take(10)
                .collect();
            assert!(
                chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").is_ok(),
                "no due date in {row}"
            );
            assert!(
                due >= last_due,
                "queue not sorted by due date: {due} after {last_due}"
            );
            last_due = due;
        }
        match page.split("rel=\"next\" href=\"").nth(1) {
            Some(rest) => {
                path = rest
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .replace("&amp;", "&")
                    .replace("&#38;", "&")
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), 180);
    assert_eq!(pages, 4);

    // Filters.
    let (_, page) = app
        .get(&admin, "/dashboard?status=completed&kind=erasure")
        .await;
    assert!(page.contains("request(s), earliest due first"));
    for row in page.split("<tr class=\"urgency-").skip(1) {
        assert!(row.contains(">erasure</td>"), "{row}");
        assert!(row.contains("Completed"));
    }
    let (_, active) = app.get(&admin, "/dashboard").await;
    assert!(
        !active.contains("\">Completed"),
        "default queue shows only requests needing action"
    );

    // Bad filters and cursors are 400s with a message.
    for bad in [
        "/dashboard?status=bogus",
        "/dashboard?kind=teleport",
        "/dashboard?after=notadate_x",
        "/dashboard?after=2026-01-01",
    ] {
        let (status, body) = app.get(&admin, bad).await;
        assert_eq!(status, 400, "{bad}");
        assert!(
            body.contains("not valid") || body.contains("Unknown"),
            "{bad}: {body}"
        );
    }
    // An unknown request id.
    let (status, _) = app
        .get(
            &admin,
            "/dashboard/requests/00000000-0000-0000-0000-000000000000",
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_the_base_url_is_https() {
    let app = TestApp::spawn_with(&[("DSR_BASE_URL", "https://privacy.telecom.example")]).await;
    let r = TestApp::client()
        .get(format!("http://127.0.0.1:{}/login", app.port))
        .send()
        .await
        .expect("GET");
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let plain = TestApp::spawn().await;
    let r = TestApp::client()
        .get(plain.url("/login"))
        .send()
        .await
        .expect("GET");
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(
        !cookie.contains("Secure"),
        "plain http cannot carry a Secure cookie: {cookie}"
    );
}
