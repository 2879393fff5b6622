//! The durable outbox (DESIGN §8): retries with backoff when the mail server fails,
//! failure after the last attempt, and leases so nothing is sent twice.

mod support;

use std::collections::HashSet;

use chrono::Duration;
use dsr_tracker::db;
use support::*;

fn outbox_rows(app: &TestApp) -> Vec<dsr_tracker::db::models::OutboxMessage> {
    use diesel::prelude::*;
    use dsr_tracker::db::schema::outbox;
    let mut conn = app.pool.get().expect("conn");
    outbox::table
        .select(dsr_tracker::db::models::OutboxMessage::as_select())
        .load(&mut conn)
        .expect("outbox")
}

#[tokio::test]
async fn a_request_and_its_email_are_stored_together_and_survive_a_mail_outage() {
    let app = TestApp::spawn().await;
    app.smtp.set_failing(true);
    let c = TestApp::client();
    let reference = submit_request(&app, &c, "erik@example.no", &[("kind", "access")]).await;

    // The email is in the outbox with the request, whatever the mail server does.
    let rows = outbox_rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].template, "verify");
    assert!(rows[0].subject.contains(&reference));

    // The dispatcher tries, fails, and schedules a retry with backoff.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let row = &outbox_rows(&app)[0];
        if row.attempts >= 1 {
            assert_eq!(row.status, "pending");
            assert!(
                row.last_error
                    .as_deref()
                    .unwrap_or("")
                    .contains("try again later"),
                "{:?}",
                row.last_error
            );
            assert!(
                row.next_attempt_at > row.created_at,
                "backoff moved the next attempt"
            );
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no attempt was made");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Nothing more happens until the backoff has passed.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(outbox_rows(&app)[0].attempts, 1);

    // The server recovers; once the backoff passes the mail goes out, once.
    app.smtp.set_failing(false);
    app.clock.advance(Duration::minutes(2));
    let mail = app.wait_for_mail("erik@example.no", &reference).await;
    assert!(mail.text.contains("/verify/"));
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let row = &outbox_rows(&app)[0];
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 2);
    assert_eq!(app.smtp.messages().len(), 1, "sent exactly once");
}

#[tokio::test]
async fn after_the_last_attempt_a_message_is_marked_failed_and_shown_on_the_request() {
    let app = TestApp::spawn_with(&[("DSR_MAIL_MAX_ATTEMPTS", "2")]).await;
    app.smtp.set_failing(true);
    let c = TestApp::client();
    submit_request(&app, &c, "maja@example.se", &[("kind", "access")]).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        app.clock.advance(Duration::minutes(5));
        let row = outbox_rows(&app).remove(0);
        if row.status == "failed" {
            assert_eq!(row.attempts, 2);
            let admin = app.admin_client().await;
            let id = row.request_id.expect("request id");
            let (_, detail) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
            assert!(detail.contains("<td>failed</td>"));
            let (_, queue) = app.get(&admin, "/dashboard").await;
            assert!(
                queue.contains("1 email(s) could not be sent"),
                "banner on the queue"
            );
            let (status, list) = app.get(&admin, "/dashboard/mail/failed").await;
            assert_eq!(status, 200);
            assert!(list.contains("maja@example.se"));
            assert!(list.contains("try again later"));
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "message never marked failed: {row:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn two_dispatchers_never_claim_the_same_message() {
    let app = TestApp::spawn_with(&[("DSR_WORKER_INTERVAL_MS", "3600000")]).await;
    let now = chrono::Utc::now().naive_utc() + Duration::hours(1);
    {
        let mut conn = app.pool.get().expect("conn");
        for i in 0..40 {
            let email = dsr_tracker::mail::Email {
                template: "test",
                to: format!("r{i}@example.no"),
                subject: format!("message {i}"),
                text: "hello".into(),
                html: "<p>hello</p>".into(),
            };
            dsr_tracker::mail::outbox::enqueue(&mut conn, &email, None, now).expect("enqueue");
        }
    }
    let mut handles = Vec::new();
    for _ in 0..4 {
        let pool = app.pool.clone();
        handles.push(std::thread::spawn(move || {
            let mut conn = pool.get().expect("conn");
            let mut mine = Vec::new();
            for _ in 0..10 {
                let claimed = db::outbox::claim_due(&mut conn, now, now + Duration::minutes(2), 5)
                    .expect("claim");
                mine.extend(claimed.into_iter().map(|m| m.id));
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.join().expect("thread"));
    }
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(all.len(), unique.len(), "a message was claimed twice");
    assert_eq!(unique.len(), 40, "every message was claimed once");
    // A lease that ran out can be claimed again (a dispatcher died mid-send).
    let mut conn = app.pool.get().expect("conn");
    let later = now + Duration::minutes(3);
    let again =
        db::outbox::claim_due(&mut conn, later, later + Duration::minutes(2), 100).expect("claim");
    assert_eq!(again.len(), 40);
}
