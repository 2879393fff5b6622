//! Issue 5, items 1–4 and 12: one identity per address, sessions that end, links that
//! open only what they are for, roles enforced, internal errors kept internal.

mod support;

use chrono::Duration;
use diesel::prelude::*;
use support::*;

const DASHBOARD: &str = "/dashboard";

fn login_redirect() -> (u16, Option<String>) {
    (303, Some("/login".to_string()))
}

/// A client that sends exactly this Cookie header and keeps nothing.
fn replaying(cookie: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::COOKIE,
        reqwest::header::HeaderValue::from_str(cookie).expect("cookie header"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_cookie_captured_before_logout_opens_nothing_after_it() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    let (c, jar) = client_with_jar();
    assert_eq!(
        app.login(&c, "dpo@telecom.example", ADMIN_PASSWORD).await,
        (303, Some(DASHBOARD.to_string()))
    );
    let captured = app.cookie_header(&jar);
    let thief = replaying(&captured);
    assert_eq!(
        app.status_of(&thief, DASHBOARD).await.0,
        200,
        "copy works while logged in"
    );

    let (_, page) = app.get(&c, DASHBOARD).await;
    let token = csrf_in(&page).expect("csrf");
    let (status, _, _) = app
        .post_form(&c, "/logout", &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 303);
    assert_eq!(app.status_of(&thief, DASHBOARD).await, login_redirect());
    assert_eq!(app.status_of(&c, DASHBOARD).await, login_redirect());
}

#[tokio::test]
async fn sessions_end_after_the_idle_timeout_and_the_absolute_lifetime() {
    let app = TestApp::spawn_with(&[
        ("DSR_SESSION_IDLE_MINUTES", "30"),
        ("DSR_SESSION_MAX_HOURS", "12"),
    ])
    .await;
    let _admin = app.admin_client().await;
    let c = TestApp::client();
    app.login(&c, "dpo@telecom.example", ADMIN_PASSWORD).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(app.status_of(&c, DASHBOARD).await.0, 200);
    app.clock.advance(Duration::minutes(31));
    assert_eq!(
        app.status_of(&c, DASHBOARD).await,
        login_redirect(),
        "idle 31 min"
    );

    // Active all day: every 20 minutes a page; the session still ends at 12 hours.
    app.login(&c, "dpo@telecom.example", ADMIN_PASSWORD).await;
    let mut minutes = 0;
    while minutes + 20 < 12 * 60 {
        app.clock.advance(Duration::minutes(20));
        minutes += 20;
        assert_eq!(
            app.status_of(&c, DASHBOARD).await.0,
            200,
            "at {minutes} min"
        );
    }
    app.clock.advance(Duration::minutes(20));
    assert_eq!(
        app.status_of(&c, DASHBOARD).await,
        login_redirect(),
        "past 12 h"
    );
}

#[tokio::test]
async fn deactivation_ends_the_accounts_sessions_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let handler = app.create_user("hanne@telecom.example", "handler");
    let h = TestApp::client();
    app.login(&h, "hanne@telecom.example", ADMIN_PASSWORD).await;
    assert_eq!(app.status_of(&h, DASHBOARD).await.0, 200);

    let (status, page) = app.get(&admin, "/dashboard/users").await;
    assert_eq!(status, 200);
    assert!(page.contains("hanne@telecom.example"));
    let token = csrf_in(&page).expect("csrf");
    let (status, _, location) = app
        .post_form(
            &admin,
            &format!("/dashboard/users/{}/deactivate", handler.id),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/dashboard/users"))
    );
    assert_eq!(app.status_of(&h, DASHBOARD).await, login_redirect());
    assert_eq!(
        app.login(&TestApp::client(), "hanne@telecom.example", ADMIN_PASSWORD)
            .await
            .0,
        401
    );
}

#[tokio::test]
async fn a_password_change_ends_every_other_session() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    app.create_user("hanne@telecom.example", "handler");
    let a = TestApp::client();
    let b = TestApp::client();
    app.login(&a, "hanne@telecom.example", ADMIN_PASSWORD).await;
    app.login(&b, "hanne@telecom.example", ADMIN_PASSWORD).await;
    assert_eq!(app.status_of(&b, DASHBOARD).await.0, 200);

    let token = app.csrf(&a, "/dashboard/account").await;
    // A wrong current password changes nothing.
    let (status, page, _) = app
        .post_form(
            &a,
            "/dashboard/account/password",
            &[
                ("csrf_token", &token),
                ("current_password", "not my password"),
                ("password", "a brand new passphrase"),
                ("password_again", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("not your current password"));
    assert_eq!(app.status_of(&b, DASHBOARD).await.0, 200);

    let (status, page, _) = app
        .post_form(
            &a,
            "/dashboard/account/password",
            &[
                ("csrf_token", &token),
                ("current_password", ADMIN_PASSWORD),
                ("password", "a brand new passphrase"),
                ("password_again", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(app.status_of(&b, DASHBOARD).await, login_redirect());
    assert_eq!(
        app.status_of(&a, DASHBOARD).await.0,
        200,
        "this browser stays in"
    );
    let fresh = TestApp::client();
    assert_eq!(
        app.login(&fresh, "hanne@telecom.example", ADMIN_PASSWORD)
            .await
            .0,
        401
    );
    assert_eq!(
        app.login(&fresh, "hanne@telecom.example", "a brand new passphrase")
            .await
            .0,
        303
    );
}

#[tokio::test]
async fn the_csrf_token_is_rotated_at_login() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    let c = TestApp::client();
    let before = app.csrf(&c, "/login").await;
    app.login(&c, "dpo@telecom.example", ADMIN_PASSWORD).await;
    let after = app.csrf(&c, DASHBOARD).await;
    assert_ne!(before, after);
    let (status, _, _) = app
        .post_form(&c, "/logout", &[("csrf_token", &before)])
        .await;
    assert_eq!(status, 403, "the token from before login is worth nothing");
}

#[tokio::test]
async fn roles_are_enforced_auditor_reads_handler_works_admin_does_all() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let victim = app.create_user("victim@telecom.example", "handler");
    let deactivate = format!("/dashboard/users/{}/deactivate", victim.id);
    for (email, role) in [
        ("audun@telecom.example", "auditor"),
        ("hanne@telecom.example", "handler"),
    ] {
        app.create_user(email, role);
        let c = TestApp::client();
        app.login(&c, email, ADMIN_PASSWORD).await;
        assert_eq!(
            app.status_of(&c, DASHBOARD).await.0,
            200,
            "{role} reads the queue"
        );
        let (status, page) = app.get(&c, "/dashboard/users").await;
        assert_eq!(status, 403, "{role}");
        assert!(page.contains("role does not allow"), "{page}");
        let token = app.csrf(&c, DASHBOARD).await;
        let (status, _, _) = app
            .post_form(&c, &deactivate, &[("csrf_token", &token)])
            .await;
        assert_eq!(status, 403, "{role} may not deactivate");
    }
    // Nothing changed; the admin may.
    let mut conn = app.pool.get().expect("conn");
    let still = dsr_tracker::db::users::find(&mut conn, &victim.id)
        .expect("find")
        .expect("user");
    assert!(still.active);
    let token = app.csrf(&admin, "/dashboard/users").await;
    let (status, _, _) = app
        .post_form(&admin, &deactivate, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn one_identity_per_address_for_handlers_issue_5_item_1() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    let user = app.create_user("  Dana.Second@Telecom.EXAMPLE ", "admin");
    assert_eq!(user.email, "dana.second@telecom.example");
    for typed in ["Dana.Second@telecom.example", "dana.second@TELECOM.example"] {
        let c = TestApp::client();
        assert_eq!(app.login(&c, typed, ADMIN_PASSWORD).await.0, 303, "{typed}");
    }
}

#[tokio::test]
async fn one_identity_per_address_for_subjects_and_mailer_rules_apply() {
    let app = TestApp::spawn_with(&[("DSR_PORTAL_BURST", "2")]).await;
    let c = TestApp::client();
    let first = submit_request(&app, &c, "Victim@Example.NO", &[("kind", "access")]).await;
    let second = submit_request(&app, &c, "vIctim@example.no", &[("kind", "erasure")]).await;
    // Both reached the one inbox, stored under one address.
    app.wait_for_mail("victim@example.no", &first).await;
    app.wait_for_mail("victim@example.no", &second).await;
    let mut conn = app.pool.get().expect("conn");
    let rows =
        dsr_tracker::db::requests::list_for_email(&mut conn, "victim@example.no").expect("list");
    assert_eq!(rows.len(), 2);
    // …and one rate limit: the third case variant is refused.
    let token = app.csrf(&c, "/").await;
    let (status, _, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("name", "Kari"),
                ("email", "VICTIM@example.no"),
                ("kind", "access"),
            ],
        )
        .await;
    assert_eq!(status, 429);

    // Addresses the mailer would refuse are refused at once, beside the field.
    for bad in [".a@example.no", "a..b@example.no"] {
        let token = app.csrf(&c, "/").await;
        let (status, page, _) = app
            .post_form(
                &c,
                "/requests",
                &[
                    ("csrf_token", &token),
                    ("name", "Kari"),
                    ("email", bad),
                    ("kind", "access"),
                ],
            )
            .await;
        assert_eq!(status, 422, "{bad}");
        assert!(page.contains("The part before the @ is not valid"), "{bad}");
    }
    assert_eq!(app.count_requests(), 2);
}

fn insert_user(conn: &mut dsr_tracker::db::DbConn, email: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    dsr_tracker::db::users::insert(
        conn,
        &dsr_tracker::db::models::NewUser {
            id: &id,
            email,
            name: "Old account",
            role: "handler",
            password_hash: "x",
            active: true,
            created_at: chrono::Utc::now().naive_utc(),
        },
    )
    .expect("insert user");
    id
}

fn forget_fixes(conn: &mut dsr_tracker::db::DbConn) {
    use dsr_tracker::db::schema::data_fixes;
    diesel::delete(data_fixes::table)
        .execute(conn)
        .expect("reset");
}

#[tokio::test]
async fn stored_addresses_are_brought_to_the_canonical_form_once() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    submit_request(&app, &c, "kari@example.no", &[("kind", "access")]).await;
    let mut conn = app.pool.get().expect("conn");
    // Rows as an older version stored them.
    let id = insert_user(&mut conn, "Dana.DPO@Telecom.Example");
    {
        use dsr_tracker::db::schema::requests;
        diesel::update(requests::table)
            .set(requests::subject_email.eq("Kari@Bjørnøya.NO"))
            .execute(&mut conn)
            .expect("old-style subject");
    }
    forget_fixes(&mut conn);
    let applied = dsr_tracker::workflow::maintenance::run_data_fixes(
        &mut conn,
        &app.settings_with_key(),
        chrono::Utc::now().naive_utc(),
    )
    .expect("fix runs");
    assert!(applied.iter().any(|f| f.contains("canonical email")));
    let user = dsr_tracker::db::users::find(&mut conn, &id)
        .expect("find")
        .expect("user");
    assert_eq!(user.email, "dana.dpo@telecom.example");
    let rows = dsr_tracker::db::requests::list_for_email(&mut conn, "kari@xn--bjrnya-cyac.no")
        .expect("list");
    assert_eq!(rows.len(), 1);
    // Recorded: it does not run again.
    assert!(dsr_tracker::workflow::maintenance::run_data_fixes(
        &mut conn,
        &app.settings_with_key(),
        chrono::Utc::now().naive_utc(),
    )
    .expect("again")
    .is_empty());
}

#[tokio::test]
async fn two_accounts_that_become_one_address_stop_the_start_and_name_both() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().expect("conn");
    let a = insert_user(&mut conn, "Dana.DPO@telecom.example");
    let b = insert_user(&mut conn, "dana.dpo@TELECOM.example");
    forget_fixes(&mut conn);
    drop(conn);

    let mut settings = app.settings.clone();
    settings.bind = "127.0.0.1:0".parse().expect("addr");
    let err = match dsr_tracker::startup::Application::build(settings, app.clock.clone()).await {
        Ok(_) => panic!("the start must stop"),
        Err(e) => e.to_string(),
    };
    for part in [
        "Dana.DPO@telecom.example",
        "dana.dpo@TELECOM.example",
        &a,
        &b,
    ] {
        assert!(err.contains(part), "{part} not named in: {err}");
    }
    // Nothing was changed; the admin gives one of them another address, and it starts.
    let mut conn = app.pool.get().expect("conn");
    let kept = dsr_tracker::db::users::find(&mut conn, &a)
        .expect("find")
        .expect("a");
    assert_eq!(kept.email, "Dana.DPO@telecom.example");
    let other = dsr_tracker::domain::newtypes::EmailAddress::parse("dana.old@telecom.example")
        .expect("email");
    let ctx = dsr_tracker::workflow::Ctx {
        settings: &app.settings,
        now: app.clock_now(),
    };
    dsr_tracker::workflow::users::set_email(
        &mut conn,
        &ctx,
        &dsr_tracker::workflow::Actor::System,
        &b,
        &other,
    )
    .expect("set email");
    drop(conn);
    let mut settings = app.settings.clone();
    settings.bind = "127.0.0.1:0".parse().expect("addr");
    let started = dsr_tracker::startup::Application::build(settings, app.clock.clone())
        .await
        .expect("it starts once the addresses differ");
    // Stop it again, so that its HTTP workers do not outlive the test.
    let handle = started.server_handle();
    let running = tokio::spawn(started.run_until_stopped());
    handle.stop(false).await;
    let _ = running.await;
}

fn id_of(app: &TestApp, reference: &str) -> String {
    use dsr_tracker::db::schema::requests;
    let mut conn = app.pool.get().expect("conn");
    requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::id)
        .first(&mut conn)
        .expect("request id")
}

#[tokio::test]
async fn a_status_link_opens_its_own_request_only_and_ends_with_the_link() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (ref_a, ack_a) = submit_and_verify(&app, &c, "kari@example.no").await;
    let c2 = TestApp::client();
    let (ref_b, _) = submit_and_verify(&app, &c2, "kari@example.no").await;
    let (a, b) = (id_of(&app, &ref_a), id_of(&app, &ref_b));

    // The browser that verified A sees A, not B.
    assert_eq!(app.status_of(&c, &format!("/my/requests/{a}")).await.0, 200);
    assert_eq!(app.status_of(&c, &format!("/my/requests/{b}")).await.0, 404);

    // A's status link in a fresh browser: A only, in the list too; B can't be withdrawn.
    let link = extract_links(&ack_a.text, &format!("{}/s/", app.base)).remove(0);
    let s = TestApp::client();
    let r = app.get_full(&s, &link).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(app.status_of(&s, &format!("/my/requests/{a}")).await.0, 200);
    assert_eq!(app.status_of(&s, &format!("/my/requests/{b}")).await.0, 404);
    let (_, list) = app.get(&s, "/my/requests").await;
    assert!(list.contains(&ref_a) && !list.contains(&ref_b), "{list}");
    let token = app.csrf(&s, &format!("/my/requests/{a}/withdraw")).await;
    let (status, _, _) = app
        .post_form(
            &s,
            &format!("/my/requests/{b}/withdraw"),
            &[("csrf_token", &token), ("confirm", "yes")],
        )
        .await;
    assert_eq!(status, 404);
    let mut conn = app.pool.get().expect("conn");
    let still = dsr_tracker::db::requests::find(&mut conn, &b)
        .expect("find")
        .expect("b");
    assert_eq!(still.status, "open", "B was not withdrawn");
    drop(conn);

    // "Track my requests" opens the address's list: both.
    let t = TestApp::client();
    let token = app.csrf(&t, "/track").await;
    app.post_form(
        &t,
        "/track",
        &[("csrf_token", &token), ("email", "Kari@Example.no")],
    )
    .await;
    let mail = app.wait_for_mail("kari@example.no", "Your requests").await;
    let link = extract_links(&mail.text, &format!("{}/s/", app.base)).remove(0);
    app.get_full(&t, &link).await;
    let (_, list) = app.get(&t, "/my/requests").await;
    assert!(list.contains(&ref_a) && list.contains(&ref_b), "{list}");
    assert_eq!(app.status_of(&t, &format!("/my/requests/{b}")).await.0, 200);

    // When the links expire, so does what they opened.
    app.clock
        .advance(Duration::days(i64::from(app.settings.access_link_days)) + Duration::hours(1));
    assert_eq!(app.status_of(&s, &format!("/my/requests/{a}")).await.0, 404);
    assert_eq!(app.status_of(&t, &format!("/my/requests/{b}")).await.0, 404);
    assert_eq!(
        app.status_of(&t, "/my/requests").await,
        (303, Some("/track".to_string()))
    );
}

#[tokio::test]
async fn an_internal_failure_answers_500_with_an_error_id_and_no_details() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    {
        use diesel::connection::SimpleConnection;
        let mut conn = app.pool.get().expect("conn");
        conn.batch_execute("DROP TABLE reference_counters")
            .expect("break the database");
    }
    let (status, page, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("name", "Kari"),
                ("email", "kari@example.no"),
                ("kind", "access"),
            ],
        )
        .await;
    assert_eq!(status, 500);
    assert!(page.contains("error id"), "{page}");
    for leak in [
        "reference_counters",
        "no such table",
        "does not exist",
        "database",
    ] {
        assert!(!page.contains(leak), "{leak} shown: {page}");
    }
}

#[tokio::test]
async fn visitors_and_subjects_never_get_a_session_row() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    for path in ["/", "/track", "/login", "/my/requests"] {
        app.get(&c, path).await;
    }
    submit_and_verify(&app, &c, "kari@example.no").await;
    use dsr_tracker::db::schema::sessions;
    let mut conn = app.pool.get().expect("conn");
    let rows: i64 = sessions::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(rows, 0);
}
