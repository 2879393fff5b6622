//! Issue 9, mail recovery: a handler resends a message that could not be sent, and
//! corrects a subject's address (audited; an unverified request gets a new link there).
//! Runs on SQLite, and on PostgreSQL with `DSR_TEST_POSTGRES_URL`.

mod support;

use chrono::Duration;
use diesel::prelude::*;
use support::*;

fn id_of(app: &TestApp, reference: &str) -> String {
    use dsr_tracker::db::schema::requests;
    let mut conn = app.pool.get().expect("conn");
    requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::id)
        .first::<String>(&mut conn)
        .expect("request id")
}

fn audit_notes(app: &TestApp, action: &str) -> Vec<(Option<String>, Option<String>)> {
    use dsr_tracker::db::schema::audit_events;
    let mut conn = app.pool.get().expect("conn");
    audit_events::table
        .filter(audit_events::action.eq(action))
        .select((audit_events::request_id, audit_events::note))
        .load(&mut conn)
        .expect("audit")
}

fn outbox_statuses(app: &TestApp) -> Vec<(String, String)> {
    use dsr_tracker::db::schema::outbox;
    let mut conn = app.pool.get().expect("conn");
    outbox::table
        .select((outbox::id, outbox::status))
        .load(&mut conn)
        .expect("outbox")
}

/// An app whose SMTP server refuses everything until the verification email to `to` is
/// marked failed (two attempts); then the server works again. Returns the app, the
/// message id and the request's reference.
async fn with_a_failed_message(to: &str) -> (TestApp, String, String) {
    let app = TestApp::spawn_with(&[
        ("DSR_MAIL_MAX_ATTEMPTS", "2"),
        ("DSR_MAIL_RETRY_HOURS", "0"),
    ])
    .await;
    app.smtp.set_failing(true);
    let subject = TestApp::client();
    let reference = submit_request(&app, &subject, to, &[("kind", "access")]).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let message_id = loop {
        app.clock.advance(Duration::minutes(5));
        if let Some((id, _)) = outbox_statuses(&app)
            .into_iter()
            .find(|(_, s)| s == "failed")
        {
            break id;
        }
        assert!(std::time::Instant::now() < deadline, "never marked failed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    app.smtp.set_failing(false);
    (app, message_id, reference)
}

#[tokio::test]
async fn a_failed_email_is_sent_again_from_the_request_page_and_the_answer_comes_back_there() {
    let (app, message_id, reference) = with_a_failed_message("ola@example.no").await;
    let admin = app.admin_client().await;
    let id = id_of(&app, &reference);
    let page_path = format!("/dashboard/requests/{id}");
    let (status, page) = app.get(&admin, &page_path).await;
    assert_eq!(status, 200);
    let action = format!("/dashboard/mail/{message_id}/resend");
    assert!(page.contains(&action), "{page}");
    assert!(page.contains("aria-label=\"Send again to ola@example.no\""));
    let token = app.csrf(&admin, &page_path).await;
    let (status, _, location) = app
        .post_form(
            &admin,
            &action,
            &[("csrf_token", token.as_str()), ("back", "request")],
        )
        .await;
    assert_eq!(status, 303);
    let back = format!("{page_path}?done=mail-resent");
    assert_eq!(location.as_deref(), Some(back.as_str()));
    let (_, page) = app.get(&admin, &back).await;
    assert!(page.contains("The email is back in the queue"), "{page}");
    assert!(!page.contains(&action), "no longer failed: no button");
    let mail = app.wait_for_mail("ola@example.no", &reference).await;
    assert!(mail.text.contains("/verify/"));
}

#[tokio::test]
async fn a_failed_email_is_sent_again_from_the_failed_mail_page_once_and_audited() {
    let (app, message_id, reference) = with_a_failed_message("maja@example.se").await;

    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard/mail/failed").await;
    assert_eq!(status, 200);
    let action = format!("/dashboard/mail/{message_id}/resend");
    assert!(page.contains(&action), "{page}");

    // An auditor sees the page but may not resend.
    app.create_user("audit@telecom.example", "auditor");
    let auditor = TestApp::client();
    app.login(&auditor, "audit@telecom.example", ADMIN_PASSWORD)
        .await;
    let token = app.csrf(&auditor, "/dashboard/mail/failed").await;
    let (status, _, _) = app
        .post_form(&auditor, &action, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 403);
    assert!(!page.is_empty());

    let token = app.csrf(&admin, "/dashboard/mail/failed").await;
    let (status, _, location) = app
        .post_form(&admin, &action, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some("/dashboard/mail/failed?done=resent")
    );
    let mail = app.wait_for_mail("maja@example.se", &reference).await;
    assert!(
        mail.text.contains("/verify/"),
        "the link survived: {}",
        mail.text
    );
    let notes = audit_notes(&app, "mail_requeued");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].0.as_deref(),
        Some(id_of(&app, &reference).as_str())
    );

    // The same button again (a second tab): refused, nothing sent twice.
    let (status, _, _) = app
        .post_form(&admin, &action, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 409);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let to_maja = app
        .smtp
        .messages()
        .into_iter()
        .filter(|m| m.to.iter().any(|to| to == "maja@example.se"))
        .count();
    assert_eq!(to_maja, 1, "sent exactly once");
    assert_eq!(audit_notes(&app, "mail_requeued").len(), 1);
}

#[tokio::test]
async fn a_corrected_address_gets_a_new_verification_link_and_the_old_one_stops_working() {
    let app = TestApp::spawn().await;
    let subject = TestApp::client();
    // A typo in the domain: the verification email goes nowhere useful.
    let reference = submit_request(&app, &subject, "kari@exampel.no", &[("kind", "access")]).await;
    let old_mail = app.wait_for_mail("kari@exampel.no", &reference).await;
    let old_link = extract_links(&old_mail.text, &format!("{}/verify/", app.base)).remove(0);
    let id = id_of(&app, &reference);
    let admin = app.admin_client().await;
    let page_path = format!("/dashboard/requests/{id}");
    let (_, page) = app.get(&admin, &page_path).await;
    assert!(page.contains("id=\"action-email\""));
    let version = hidden(&page, "version");
    let token = csrf_in(&page).expect("csrf");
    let post = |email: &'static str, version: String| {
        let (admin, token, app) = (&admin, token.clone(), &app);
        let path = format!("/dashboard/requests/{id}/email");
        async move {
            app.post_form(
                admin,
                &path,
                &[
                    ("csrf_token", &token),
                    ("version", &version),
                    ("email", email),
                ],
            )
            .await
        }
    };

    // Bad input: beside the field, nothing changed.
    let (status, body, _) = post("kari@", version.clone()).await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"email-error\""), "{body}");
    let (status, body, _) = post("kari@exampel.no", version.clone()).await;
    assert_eq!(status, 422);
    assert!(body.contains("already the subject"), "{body}");

    let (status, body, location) = post(" Kari@Example.no ", version.clone()).await;
    assert_eq!(status, 303, "{body}");
    assert_eq!(
        location.as_deref(),
        Some(format!("{page_path}?done=email-corrected").as_str())
    );
    let new_mail = app.wait_for_mail("kari@example.no", &reference).await;
    let new_link = extract_links(&new_mail.text, &format!("{}/verify/", app.base)).remove(0);
    assert_ne!(old_link, new_link);
    let notes = audit_notes(&app, "email_corrected");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].1.as_deref(),
        Some("kari@exampel.no -> kari@example.no")
    );

    // A form from before the change is stale.
    let (status, _, _) = post("kari2@example.no", version).await;
    assert_eq!(status, 409);

    // The old link no longer verifies; the new one does.
    let old_path = old_link.trim_start_matches(&app.base).to_string();
    let (status, _) = app.get(&subject, &old_path).await;
    assert_ne!(status, 200, "the old link is used up");
    let new_path = new_link.trim_start_matches(&app.base).to_string();
    let token = app.csrf(&subject, &new_path).await;
    let (status, body, _) = app
        .post_form(&subject, &new_path, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 200, "{body}");
    app.wait_for_mail("kari@example.no", "We have your request")
        .await;
}
