//! Issue 9, accounts: an admin changes roles (audited, sessions end), and the last active
//! admin can be neither demoted nor deactivated, so someone can always manage accounts.
//! Runs on SQLite, and on PostgreSQL with `DSR_TEST_POSTGRES_URL`.

mod support;

use diesel::prelude::*;
use support::*;

fn role_of(app: &TestApp, id: &str) -> String {
    use dsr_tracker::db::schema::users;
    let mut conn = app.pool.get().expect("conn");
    users::table
        .filter(users::id.eq(id))
        .select(users::role)
        .first(&mut conn)
        .expect("role")
}

fn admin_id(app: &TestApp) -> String {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::workflow::users::list(&mut conn)
        .expect("users")
        .into_iter()
        .find(|u| u.email == "dpo@telecom.example")
        .expect("admin")
        .id
}

async fn post(app: &TestApp, c: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> u16 {
    let token = app.csrf(c, "/dashboard/users").await;
    let mut form = vec![("csrf_token", token.as_str())];
    form.extend_from_slice(fields);
    app.post_form(c, path, &form).await.0
}

#[tokio::test]
async fn roles_change_with_an_audit_event_and_the_last_admin_is_protected() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let dana = admin_id(&app);
    let hans = app.create_user("hans@telecom.example", "handler");
    let hans_client = TestApp::client();
    app.login(&hans_client, "hans@telecom.example", ADMIN_PASSWORD)
        .await;
    let (status, _) = app.get(&hans_client, "/dashboard/users").await;
    assert_eq!(status, 403, "handlers do not manage accounts");

    // Dana is the only admin: she may not demote herself, and nobody may deactivate her.
    let status = post(
        &app,
        &admin,
        &format!("/dashboard/users/{dana}/role"),
        &[("role", "handler")],
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(role_of(&app, &dana), "admin");

    // Hans becomes an admin: his session ends at once (the new rights need a new login).
    let status = post(
        &app,
        &admin,
        &format!("/dashboard/users/{}/role", hans.id),
        &[("role", "admin")],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(role_of(&app, &hans.id), "admin");
    let (status, _) = app.get(&hans_client, "/dashboard").await;
    assert_eq!(status, 303, "his old session was ended");
    app.login(&hans_client, "hans@telecom.example", ADMIN_PASSWORD)
        .await;
    let (status, _) = app.get(&hans_client, "/dashboard/users").await;
    assert_eq!(status, 200);

    // Now there are two admins: Hans may demote Dana; then Hans is the last one.
    let status = post(
        &app,
        &hans_client,
        &format!("/dashboard/users/{dana}/role"),
        &[("role", "auditor")],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(role_of(&app, &dana), "auditor");
    let status = post(
        &app,
        &hans_client,
        &format!("/dashboard/users/{}/role", hans.id),
        &[("role", "handler")],
    )
    .await;
    assert_eq!(status, 409, "the last admin keeps the role");

    // Deactivating the last admin is refused too (here by a second admin who is then
    // demoted: the check counts active admins inside the transaction).
    let status = post(
        &app,
        &hans_client,
        &format!("/dashboard/users/{dana}/role"),
        &[("role", "admin")],
    )
    .await;
    assert_eq!(status, 303);
    let dana_client = TestApp::client();
    app.login(&dana_client, "dpo@telecom.example", ADMIN_PASSWORD)
        .await;
    let status = post(
        &app,
        &dana_client,
        &format!("/dashboard/users/{}/deactivate", hans.id),
        &[],
    )
    .await;
    assert_eq!(status, 303, "two admins: one may go");
    let status = post(
        &app,
        &dana_client,
        &format!("/dashboard/users/{dana}/role"),
        &[("role", "handler")],
    )
    .await;
    assert_eq!(status, 409, "Dana is the last active admin again");

    // Unknown roles are refused with a 400; every change is in the audit trail.
    let status = post(
        &app,
        &dana_client,
        &format!("/dashboard/users/{}/role", hans.id),
        &[("role", "root")],
    )
    .await;
    assert_eq!(status, 400);
    let notes: Vec<Option<String>> = {
        use dsr_tracker::db::schema::audit_events;
        let mut conn = app.pool.get().expect("conn");
        audit_events::table
            .filter(audit_events::action.eq("role_changed"))
            .select(audit_events::note)
            .load(&mut conn)
            .expect("audit")
    };
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0]
        .as_deref()
        .unwrap_or("")
        .ends_with("handler -> admin"));
}

/// The link in the newest password email to `to`.
async fn password_link(app: &TestApp, to: &str, subject_contains: &str) -> String {
    let mail = app.wait_for_mail(to, subject_contains).await;
    assert!(!mail.text.contains(ADMIN_PASSWORD));
    extract_links(&mail.text, &format!("{}/password/", app.base))
        .pop()
        .expect("password link")
}

async fn choose_password(
    app: &TestApp,
    c: &reqwest::Client,
    link: &str,
    password: &str,
) -> (u16, String) {
    let path = link.trim_start_matches(&app.base).to_string();
    let (status, page) = app.get(c, &path).await;
    if status != 200 {
        return (status, page);
    }
    let token = csrf_in(&page).expect("csrf");
    let (status, body, _) = app
        .post_form(
            c,
            &path,
            &[
                ("csrf_token", &token),
                ("password", password),
                ("password_again", password),
            ],
        )
        .await;
    (status, body)
}

#[tokio::test]
async fn an_invitation_link_sets_a_password_once_and_no_password_travels_by_email() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let token = app.csrf(&admin, "/dashboard/users").await;
    // Bad input comes back beside the fields.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/users/invite",
            &[
                ("csrf_token", &token),
                ("name", ""),
                ("email", "ola@"),
                ("role", "root"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    for field in ["name-error", "email-error", "role-error"] {
        assert!(body.contains(field), "{field}: {body}");
    }
    let (status, _, location) = app
        .post_form(
            &admin,
            "/dashboard/users/invite",
            &[
                ("csrf_token", &token),
                ("name", "Ola Nordmann"),
                ("email", "Ola@Telecom.example"),
                ("role", "handler"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location.as_deref(), Some("/dashboard/users?done=invited"));
    // The same address again is refused beside the field.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/users/invite",
            &[
                ("csrf_token", &token),
                ("name", "Ola Again"),
                ("email", "ola@telecom.example"),
                ("role", "handler"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");

    // Before the link is used, no password logs in.
    let ola = TestApp::client();
    let login_token = app.csrf(&ola, "/login").await;
    let (status, _, _) = app
        .post_form(
            &ola,
            "/login",
            &[
                ("csrf_token", &login_token),
                ("email", "ola@telecom.example"),
                ("password", "!invited"),
            ],
        )
        .await;
    assert_ne!(status, 303);

    let link = password_link(&app, "ola@telecom.example", "Your account").await;
    // Too short: refused beside the field, the link still works.
    let (status, body) = choose_password(&app, &ola, &link, "short").await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = choose_password(&app, &ola, &link, "a long enough passphrase").await;
    assert_eq!(status, 303);
    app.login(&ola, "ola@telecom.example", "a long enough passphrase")
        .await;
    let (status, _) = app.get(&ola, "/dashboard").await;
    assert_eq!(status, 200);
    // Used once: the link is gone.
    let (status, _) =
        choose_password(&app, &TestApp::client(), &link, "another passphrase here").await;
    assert_eq!(status, 410);
    let actions: Vec<String> = {
        use dsr_tracker::db::schema::audit_events;
        let mut conn = app.pool.get().expect("conn");
        audit_events::table
            .select(audit_events::action)
            .load(&mut conn)
            .expect("audit")
    };
    assert!(actions.contains(&"account_invited".to_string()));
    assert!(actions.contains(&"password_set_by_link".to_string()));
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_known_and_unknown_addresses_and_the_link_ends_sessions(
) {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    app.create_user("hans@telecom.example", "handler");
    let hans = TestApp::client();
    app.login(&hans, "hans@telecom.example", ADMIN_PASSWORD)
        .await;

    let ask = |email: &'static str| {
        let app = &app;
        async move {
            let c = TestApp::client();
            let token = app.csrf(&c, "/login/forgot").await;
            let (status, body, _) = app
                .post_form(
                    &c,
                    "/login/forgot",
                    &[("csrf_token", &token), ("email", email)],
                )
                .await;
            // The page minus its CSRF token, which differs per client.
            (status, body.replace(&token, ""))
        }
    };
    let known = ask("hans@telecom.example").await;
    let unknown = ask("nobody@telecom.example").await;
    let malformed = ask("not an address").await;
    assert_eq!(known.0, 200);
    assert_eq!(known, unknown, "the same answer for an unknown address");
    assert_eq!(known, malformed);

    let link = password_link(&app, "hans@telecom.example", "new password").await;
    assert!(app
        .smtp
        .messages()
        .iter()
        .all(|m| !m.to.iter().any(|t| t.contains("nobody@"))));
    let (status, _) =
        choose_password(&app, &TestApp::client(), &link, "a brand new passphrase").await;
    assert_eq!(status, 303);
    // His session from before the reset has ended; the old password no longer works.
    let (status, _) = app.get(&hans, "/dashboard").await;
    assert_eq!(status, 303);
    let c = TestApp::client();
    let token = app.csrf(&c, "/login").await;
    let (status, _, _) = app
        .post_form(
            &c,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "hans@telecom.example"),
                ("password", ADMIN_PASSWORD),
            ],
        )
        .await;
    assert_ne!(status, 303, "the old password is gone");
}
