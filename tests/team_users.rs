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
