//! The subject's path through the portal, over real HTTP, with real mail.

mod support;

use support::*;

#[tokio::test]
async fn a_person_submits_verifies_follows_the_status_link_and_the_dpo_sees_it_in_the_queue() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();

    // The home page explains the rights and offers the form.
    let (status, home) = app.get(&c, "/").await;
    assert_eq!(status, 200);
    for words in [
        "Access to my data (Art. 15)",
        "Erasure of my data (Art. 17)",
        "Objection to a use of my data (Art. 21)",
    ] {
        assert!(home.contains(words), "home page lacks {words}");
    }

    // Submit an erasure request as a browser would.
    let reference = submit_request(
        &app,
        &c,
        "kari@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "marketing"),
            ("erasure_categories", "analytics"),
            ("erasure_ground", "b"),
        ],
    )
    .await;
    assert!(reference.starts_with("DSR-20"), "{reference}");
    assert_eq!(app.count_requests(), 1);

    // The verification email arrives over SMTP with a single-use link.
    let mail = app.wait_for_mail("kari@example.no", &reference).await;
    assert!(mail.subject.starts_with("Confirm your request"));
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    let verify_path = link.trim_start_matches(&app.base).to_string();

    // Following it shows a confirmation button; pressing it puts the request in the queue.
    let token = app.csrf(&c, &verify_path).await;
    let (status, body, _) = app
        .post_form(&c, &verify_path, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 200);
    assert!(body.contains(&reference));

    // The acknowledgement names the reference, the kind and the due date.
    let ack = app
        .wait_for_mail("kari@example.no", "We have your request")
        .await;
    assert!(ack.subject.contains(&reference));
    assert!(ack.text.contains("Erasure of my data (Art. 17)"));
    assert!(ack.text.contains("Answer by:"));
    let status_link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);

    // The status page is reachable through the emailed link, from a fresh browser.
    let other_browser = TestApp::client();
    let r = app.get_full(&other_browser, &status_link).await;
    assert_eq!(r.status().as_u16(), 303);
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("redirect")
        .to_string();
    let (status, page) = app.get(&other_browser, &location).await;
    assert_eq!(status, 200);
    assert!(page.contains(&reference));
    assert!(
        page.contains("we will start on it soon"),
        "status in plain words"
    );
    assert!(page.contains("Withdraw my request"));

    // A handler logs in and sees it in the queue, with its deadlines and timeline.
    let admin = app.admin_client().await;
    let (status, queue) = app.get(&admin, "/dashboard").await;
    assert_eq!(status, 200);
    assert!(queue.contains(&reference));
    assert!(queue.contains("urgency-green"));
    let id = location.trim_start_matches("/my/requests/");
    let (status, detail) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert_eq!(status, 200);
    for words in [
        "kari@example.no",
        "Legal deadline",
        "Our promise",
        "Received",
        "Verified",
        "email link",
    ] {
        assert!(detail.contains(words), "detail lacks {words}");
    }
}

#[tokio::test]
async fn bad_input_comes_back_beside_the_field_with_what_was_typed_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;

    // Missing email.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", "Ola Nordmann"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"email-error\""));
    assert!(body.contains("Please enter your email address."));
    assert!(body.contains("value=\"Ola Nordmann\""), "typed name kept");

    // Invalid email.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", "Ola"),
                ("email", "ola@@example"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"email-error\""));
    assert!(body.contains("value=\"ola@@example\""));

    // Unknown kind.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "teleport"),
                ("name", "Ola"),
                ("email", "ola@example.no"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"kind-error\""));

    // Oversized fields.
    let long_name = "N".repeat(201);
    let long_message = "m".repeat(5001);
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", &long_name),
                ("email", "ola@example.no"),
                ("message", &long_message),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"name-error\""));
    assert!(body.contains("id=\"message-error\""));
    assert!(body.contains("at most 5000 characters"));

    // A body far beyond any field limit: a clear 413 page, not a crash.
    let huge = "x".repeat(400 * 1024);
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("message", &huge),
            ],
        )
        .await;
    assert_eq!(status, 413);
    assert!(body.contains("too large"));

    // Kind-specific rules: an objection to profiling needs reasons (Art. 21(1)).
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "objection"),
                ("name", "Ola"),
                ("email", "ola@example.no"),
                ("objection_purpose", "profiling"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("Art. 21(1)"));
    assert!(
        body.contains("value=\"profiling\" checked"),
        "checked box kept"
    );

    // Missing CSRF token.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("kind", "access"),
                ("name", "Ola"),
                ("email", "ola@example.no"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    assert!(body.contains("did not come from this site"));
    // A token from another session.
    let stranger = TestApp::client();
    let (status, _, _) = app
        .post_form(
            &stranger,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", "Ola"),
                ("email", "ola@example.no"),
            ],
        )
        .await;
    assert_eq!(status, 403);

    assert_eq!(app.count_requests(), 0, "no bad submission was stored");
    assert!(app.smtp.messages().is_empty());
}

#[tokio::test]
async fn tokens_are_single_use_and_foreign_or_unknown_ones_answer_404() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let reference = submit_request(&app, &c, "ola@example.no", &[("kind", "access")]).await;
    let mail = app.wait_for_mail("ola@example.no", &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    let path = link.trim_start_matches(&app.base).to_string();
    let token = app.csrf(&c, &path).await;
    let (status, _, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200);

    // Reused: not found, and the page says why (issue 7).
    let (status, body) = app.get(&c, &path).await;
    assert_eq!(status, 404);
    assert!(body.contains("This link was already used"));
    let (status, _, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 404);

    // Unknown, malformed, or of another purpose.
    let fake = "A".repeat(43);
    for p in [
        format!("/verify/{fake}"),
        "/verify/short".to_string(),
        format!("/s/{fake}"),
        "/s/..%2f..%2fetc".to_string(),
    ] {
        let (status, _) = app.get(&c, &p).await;
        assert_eq!(status, 404, "{p}");
    }
    let ack = app
        .wait_for_mail("ola@example.no", "We have your request")
        .await;
    let status_link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);
    let access_token = status_link.rsplit('/').next().expect("token");
    let (status, _) = app.get(&c, &format!("/verify/{access_token}")).await;
    assert_eq!(status, 404, "an access token is not a verification token");

    // Another subject's request id answers 404 to this subject.
    let other = TestApp::client();
    let (other_ref, other_ack) = submit_and_verify(&app, &other, "someone.else@example.se").await;
    let other_link = extract_links(&other_ack.text, &format!("{}/s/", app.base)).remove(0);
    let r = app.get_full(&other, &other_link).await;
    let other_location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("redirect")
        .to_string();
    let (status, _) = app.get(&other, &other_location).await;
    assert_eq!(status, 200);
    let mine = TestApp::client();
    let r = app.get_full(&mine, &status_link).await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, page) = app.get(&mine, &other_location).await;
    assert_eq!(status, 404, "foreign request must not be visible");
    assert!(!page.contains(&other_ref));
    // And with no link at all.
    let (status, _) = app.get(&TestApp::client(), &other_location).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn withdrawing_twice_is_refused_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (reference, _) = submit_and_verify(&app, &c, "astrid@example.no").await;
    let (status, list) = app.get(&c, "/my/requests").await;
    assert_eq!(status, 200);
    assert!(list.contains(&reference));
    let start = list.find("/my/requests/").expect("link") + "/my/requests/".len();
    let id: String = list[start..].chars().take_while(|ch| *ch != '"').collect();
    let path = format!("/my/requests/{id}");
    let token = app.csrf(&c, &format!("{path}/withdraw")).await;

    // Without the CSRF token: refused, nothing changes.
    let (status, _, _) = app.post_form(&c, &format!("{path}/withdraw"), &[]).await;
    assert_eq!(status, 403);

    let confirmed = [("csrf_token", token.as_str()), ("confirm", "yes")];
    let (status, body, location) = app
        .post_form(&c, &format!("{path}/withdraw"), &confirmed)
        .await;
    assert_eq!(status, 303, "{body}");
    let (_, body) = app.get(&c, &location.expect("location")).await;
    assert!(body.contains("Withdrawn"), "{body}");
    app.wait_for_mail("astrid@example.no", "is withdrawn").await;

    let (status, body, _) = app
        .post_form(&c, &format!("{path}/withdraw"), &confirmed)
        .await;
    assert_eq!(status, 409);
    assert!(body.contains("already withdrawn"), "{body}");
}

#[tokio::test]
async fn track_my_requests_answers_the_same_for_known_and_unknown_addresses() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (reference, _) = submit_and_verify(&app, &c, "lars@example.no").await;

    let fresh = TestApp::client();
    let token = app.csrf(&fresh, "/track").await;
    let before = outbox_count(&app);
    let (s1, known, _) = app
        .post_form(
            &fresh,
            "/track",
            &[("csrf_token", &token), ("email", "lars@example.no")],
        )
        .await;
    assert_eq!(
        outbox_count(&app),
        before + 1,
        "one mail for a known address"
    );
    let (s2, unknown, _) = app
        .post_form(
            &fresh,
            "/track",
            &[("csrf_token", &token), ("email", "nobody@example.no")],
        )
        .await;
    // The same work for an unknown address: one outbox row, saying there is nothing.
    assert_eq!(
        outbox_count(&app),
        before + 2,
        "one mail for an unknown address"
    );
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(
        known.replace("lars@example.no", "X"),
        unknown.replace("nobody@example.no", "X"),
        "the page must not reveal whether the address is known"
    );

    let mail = app.wait_for_mail("lars@example.no", "Your requests").await;
    let link = extract_links(&mail.text, &format!("{}/s/", app.base)).remove(0);
    let r = app.get_full(&fresh, &link).await;
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/my/requests")
    );
    let (status, list) = app.get(&fresh, "/my/requests").await;
    assert_eq!(status, 200);
    assert!(list.contains(&reference));

    // An invalid address is answered beside the field.
    let (status, body, _) = app
        .post_form(
            &fresh,
            "/track",
            &[("csrf_token", &token), ("email", "not-an-address")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"email-error\""));
    assert_eq!(
        outbox_count(&app),
        before + 2,
        "nothing for an invalid address"
    );
    let none = app
        .wait_for_mail("nobody@example.no", "Your requests")
        .await;
    assert!(
        none.text.contains("We hold no requests from this address"),
        "{}",
        none.text
    );
    assert!(none.text.contains("ignore this email"), "{}", none.text);
    assert!(!none.text.contains("/s/"), "no link to an empty list");
}

fn outbox_count(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::schema::outbox::table
        .count()
        .get_result(&mut conn)
        .expect("count")
}

#[tokio::test]
async fn security_headers_and_health() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let r = app.get_full(&c, &app.url("/")).await;
    let h = r.headers();
    let csp = h
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert_eq!(
        h.get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    let cookie = h
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let (status, body) = app.get(&c, "/healthz").await;
    assert_eq!(status, 200);
    assert!(body.contains("ok"));
    let (status, css) = app.get(&c, "/static/style.css").await;
    assert_eq!(status, 200);
    assert!(css.contains(".kind-fields"));
}

fn due_in_ack(text: &str) -> chrono::NaiveDate {
    let line = text
        .lines()
        .find(|l| l.starts_with("Answer by:"))
        .expect("due line");
    // Written for people: "4 April 2026".
    chrono::NaiveDate::parse_from_str(line.trim_start_matches("Answer by:").trim(), "%d %B %Y")
        .expect("date")
}

#[tokio::test]
async fn days_waiting_for_verification_move_the_due_date_edpb_guidelines_01_2022_para_159() {
    use dsr_tracker::domain::clock::deadlines;
    use dsr_tracker::time::{local_date, Clock};
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let received = local_date(app.clock.now().naive_utc(), app.settings.timezone);
    let reference = submit_request(
        &app,
        &c,
        "nora@example.no",
        &[("kind", "portability"), ("portability_format", "csv")],
    )
    .await;
    let mail = app.wait_for_mail("nora@example.no", &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    let path = link.trim_start_matches(&app.base).to_string();

    // The subject confirms three days and an hour later: three whole days paused.
    app.clock
        .advance(chrono::Duration::days(3) + chrono::Duration::hours(1));
    let token = app.csrf(&c, &path).await;
    let (status, _, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200);
    let ack = app
        .wait_for_mail("nora@example.no", "We have your request")
        .await;
    let due = due_in_ack(&ack.text);
    let settings = app.settings.clock_settings();
    assert_eq!(due, deadlines(received, 3, None, settings).due);
    assert!(due >= deadlines(received, 0, None, settings).due);
}

#[tokio::test]
async fn an_unverified_request_expires_and_its_link_stops_working() {
    let app = TestApp::spawn_with(&[("DSR_VERIFICATION_DAYS", "7")]).await;
    let c = TestApp::client();
    let reference = submit_request(
        &app,
        &c,
        "oskar@example.se",
        &[
            ("kind", "objection"),
            ("objection_purpose", "direct_marketing"),
        ],
    )
    .await;
    let mail = app.wait_for_mail("oskar@example.se", &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    // The link's seven days count from when the email was sent.
    app.wait_for_outbox_sent().await;
    app.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::minutes(1));
    let (status, body) = app.get(&c, link.trim_start_matches(&app.base)).await;
    assert_eq!(status, 404, "an expired link answers 404, and says why");
    assert!(body.contains("This link has expired"), "{body}");

    // The sweeper expires the request and records why.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let mut conn = app.pool.get().expect("conn");
        let rows =
            dsr_tracker::db::requests::list_for_email(&mut conn, "oskar@example.se").expect("rows");
        if rows[0].status == "expired" {
            let events =
                dsr_tracker::db::audit::for_request(&mut conn, &rows[0].id).expect("audit");
            let last = events.last().expect("event");
            assert_eq!(
                (last.action.as_str(), last.actor.as_str()),
                ("expired", "system")
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "request never expired"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn health_answers_503_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (status, _) = app.get(&c, "/healthz").await;
    assert_eq!(status, 200);
    let TestDb::Postgres { admin_url, name } = &app.db else {
        // A SQLite file cannot be taken away from open connections; PostgreSQL can.
        eprintln!("SQLite run: 503 is checked in the PostgreSQL run");
        return;
    };
    use diesel::connection::SimpleConnection;
    use diesel::Connection;
    let mut admin = diesel::PgConnection::establish(admin_url).expect("admin");
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .expect("drop");
    let (status, body) = app.get(&c, "/healthz").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("unavailable"));
}

#[tokio::test]
async fn portal_submissions_and_track_requests_are_rate_limited() {
    let app = TestApp::spawn_with(&[("DSR_PORTAL_BURST", "2")]).await;
    let c = TestApp::client();
    submit_request(&app, &c, "ingrid@example.no", &[("kind", "access")]).await;
    submit_request(&app, &c, "ingrid@example.no", &[("kind", "access")]).await;
    let token = app.csrf(&c, "/").await;
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", "Ingrid"),
                ("email", "ingrid@example.no"),
            ],
        )
        .await;
    assert_eq!(status, 429);
    assert!(body.contains("Too many attempts"));
    assert_eq!(app.count_requests(), 2);

    let token = app.csrf(&c, "/track").await;
    for _ in 0..2 {
        let (status, _, _) = app
            .post_form(
                &c,
                "/track",
                &[("csrf_token", &token), ("email", "ingrid@example.no")],
            )
            .await;
        assert_eq!(status, 200);
    }
    let (status, _, _) = app
        .post_form(
            &c,
            "/track",
            &[("csrf_token", &token), ("email", "ingrid@example.no")],
        )
        .await;
    assert_eq!(status, 429);
}

#[tokio::test]
async fn odd_requests_get_a_clear_4xx_never_a_5xx() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    let long = "x".repeat(5000);
    let gets = [
        "/verify/%00%01",
        "/verify/ÆØÅ",
        &format!("/verify/{long}"),
        "/s/",
        &format!("/my/requests/{long}"),
        "/my/requests/'%20OR%201=1",
        "/?kind=%FF%FE",
        "/?kind[]=x",
        "/dashboard?after=%00",
        "/no/such/page",
    ];
    for path in gets {
        let (status, _) = app.get(&c, path).await;
        assert!(status < 500, "GET {path} answered {status}");
        if path.starts_with("/verify/")
            || path.starts_with("/my/requests/")
            || path.starts_with("/no/")
        {
            assert_eq!(status, 404, "GET {path}");
        }
    }
    let raw_bodies: [&[u8]; 4] = [
        b"%%%%",
        b"kind=access&name=%FF%FE&email=a%40b.no",
        b"\xff\xfe\x00garbage",
        b"csrf_token=x&kind=access&&&==&name",
    ];
    for body in raw_bodies {
        let r = c
            .post(app.url("/requests"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_vec())
            .send()
            .await
            .expect("POST");
        let status = r.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "POST /requests {body:?} answered {status}"
        );
    }
    // A JSON body where a form is expected.
    let r = c
        .post(app.url("/requests"))
        .json(&serde_json::json!({"kind": "access"}))
        .send()
        .await
        .expect("POST");
    assert!((400..500).contains(&r.status().as_u16()), "{}", r.status());
    // Control characters and a header-injection attempt in the fields.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "access"),
                ("name", "Ola\r\nBcc: evil@example.com"),
                ("email", "ola@example.no\r\nBcc: evil@example.com"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"name-error\"") && body.contains("id=\"email-error\""));
    assert_eq!(app.count_requests(), 0);
}

#[tokio::test]
async fn concurrent_submissions_are_all_stored_with_distinct_references() {
    let app = std::sync::Arc::new(TestApp::spawn_with(&[("DSR_PORTAL_BURST", "100")]).await);
    let mut tasks = Vec::new();
    for i in 0..20 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let c = TestApp::client();
            submit_request(
                &app,
                &c,
                &format!("customer{i}@example.no"),
                &[("kind", "access")],
            )
            .await
        }));
    }
    let mut references = std::collections::HashSet::new();
    for t in tasks {
        references.insert(t.await.expect("task"));
    }
    assert_eq!(
        references.len(),
        20,
        "every submission got its own reference"
    );
    assert_eq!(app.count_requests(), 20, "nothing lost");
    for i in 0..20 {
        app.wait_for_mail(&format!("customer{i}@example.no"), "Confirm your request")
            .await;
    }
}
