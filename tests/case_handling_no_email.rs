//! Issue 7, manual intake without an email address: a request that arrived by phone,
//! letter or in person may come with none ("the subject gets the verification email when
//! an address is given", "an acknowledgement email when an address is given"). Such a
//! request is stored and worked like any other, but nothing is ever queued for the
//! subject: each action's audit note says so, and the request page tells the handler to
//! answer by post or phone. Real HTTP against the running server, on SQLite and (with
//! DSR_TEST_POSTGRES_URL) on PostgreSQL.

mod support;

use chrono::{Duration, NaiveDate};
use dsr_tracker::db;
use dsr_tracker::domain::clock::deadlines;
use dsr_tracker::time::local_date;
use dsr_tracker::workflow::{Ctx, NO_EMAIL_NOTE};
use support::{csrf_in, hidden, outbox_count, TestApp};

fn request_row(app: &TestApp, id: &str) -> db::models::Request {
    let mut conn = app.pool.get().expect("conn");
    db::requests::find(&mut conn, id)
        .expect("find")
        .expect("request exists")
}

fn audit_of(app: &TestApp, id: &str) -> Vec<db::models::AuditEvent> {
    let mut conn = app.pool.get().expect("conn");
    db::audit::for_request(&mut conn, id).expect("audit")
}

/// The note of the request's latest audit event with this action.
fn note_of(app: &TestApp, id: &str, action: &str) -> String {
    audit_of(app, id)
        .into_iter()
        .rev()
        .find(|e| e.action == action)
        .unwrap_or_else(|| panic!("no {action} event"))
        .note
        .unwrap_or_default()
}

/// Post one of the request page's action forms with the page's CSRF token and version.
async fn act(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    let (status, body) = app.get(c, &format!("/dashboard/requests/{id}")).await;
    assert_eq!(status, 200, "request page");
    let token = csrf_in(&body).expect("csrf");
    let version = hidden(&body, "version");
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token), ("version", &version)];
    form.extend_from_slice(fields);
    app.post_form(c, &format!("/dashboard/requests/{id}/{action}"), &form)
        .await
}

/// An access request entered by hand; `email` may be empty.
fn intake_form<'a>(
    token: &'a str,
    email: &'a str,
    date: &'a str,
    verified: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("csrf_token", token),
        ("channel", "phone"),
        ("received_date", date),
        ("received_time", "09:00"),
        ("kind", "access"),
        ("name", "Per Telefon"),
        ("phone", "+47 22 33 44 55"),
        ("email", email),
        ("verified", verified),
    ];
    if verified == "yes" {
        form.push((
            "verification_method",
            "Called back on the number in the contract",
        ));
    }
    form
}

async fn enter(app: &TestApp, admin: &reqwest::Client, form: &[(&str, &str)]) -> String {
    let (status, body, location) = app.post_form(admin, "/dashboard/intake", form).await;
    assert_eq!(status, 303, "{body}");
    location
        .expect("to the request page")
        .trim_start_matches("/dashboard/requests/")
        .to_string()
}

#[tokio::test]
async fn a_phoned_in_request_without_an_email_address_is_stored_due_from_receipt_and_completed_without_any_email(
) {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, page) = app.get(&admin, "/dashboard/intake").await;
    assert!(page.contains("Email address (optional)"), "{page}");
    let token = csrf_in(&page).expect("csrf");
    let tz = app.settings.timezone;
    let today: NaiveDate = local_date(app.clock_now().naive_utc(), tz);
    let twenty_ago = (today - Duration::days(20)).to_string();

    let id = enter(&app, &admin, &intake_form(&token, "", &twenty_ago, "yes")).await;
    let row = request_row(&app, &id);
    assert_eq!(row.subject_email, None);
    assert_eq!(row.status, "open");
    assert_eq!(row.channel, "phone");
    assert_eq!(local_date(row.received_at, tz).to_string(), twenty_ago);
    // Art. 12(3): the month runs from receipt, not from when it was typed in.
    let expected = deadlines(
        today - Duration::days(20),
        0,
        None,
        app.settings.clock_settings(),
    );
    assert_eq!(row.due_date, expected.due);
    assert_eq!(
        outbox_count(&app, &id),
        0,
        "no acknowledgement without an address"
    );
    assert!(note_of(&app, &id, "submitted").contains("no email address"));

    // The request page and the queue say there is no address.
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(
        page.contains("No email address: answer by post or phone"),
        "{page}"
    );
    assert!(page.contains(&en_date(&expected.due)));
    let (_, queue) = app.get(&admin, "/dashboard").await;
    assert!(queue.contains(">no email</span>"), "{queue}");

    let r = act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(r.0, 303, "{}", r.1);
    assert_eq!(outbox_count(&app, &id), 0);

    // Complete: the preview shows the answer to send by post; nothing is queued.
    let answer = "We hold your contract, invoices and call records; copies follow by post.";
    let (status, preview, _) = act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[("outcome", "fulfilled"), ("answer", answer)],
    )
    .await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview.contains("no email address"), "{preview}");
    let fields = [
        "csrf_token",
        "version",
        "outcome",
        "answer",
        "reasons",
        "digest",
    ]
    .map(|n| (n, hidden(&preview, n)));
    let form: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (status, body, _) = app
        .post_form(&admin, &format!("/dashboard/requests/{id}/complete"), &form)
        .await;
    assert_eq!(status, 303, "{body}");
    let row = request_row(&app, &id);
    assert_eq!(row.status, "completed");
    assert_eq!(row.outcome.as_deref(), Some("fulfilled"));
    assert_eq!(row.answer_text.as_deref(), Some(answer));
    assert_eq!(
        outbox_count(&app, &id),
        0,
        "no answer email without an address"
    );
    assert!(
        note_of(&app, &id, "completed").contains(NO_EMAIL_NOTE),
        "{:?}",
        audit_of(&app, &id)
    );
}

#[tokio::test]
async fn unverified_without_an_email_address_waits_with_the_clock_running_and_every_action_notes_no_email(
) {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, page) = app.get(&admin, "/dashboard/intake").await;
    let token = csrf_in(&page).expect("csrf");
    let tz = app.settings.timezone;
    let today: NaiveDate = local_date(app.clock_now().naive_utc(), tz);
    let ten_ago = (today - Duration::days(10)).to_string();

    let id = enter(&app, &admin, &intake_form(&token, "  ", &ten_ago, "no")).await;
    let row = request_row(&app, &id);
    assert_eq!(row.subject_email, None);
    assert_eq!(row.status, "awaiting_verification");
    // No verification email was queued, so nothing stops the clock (DESIGN §4.5).
    assert_eq!(row.paused_since, None);
    assert_eq!(outbox_count(&app, &id), 0);
    assert!(note_of(&app, &id, "submitted").contains("no email address"));

    // Without an address there is no link to wait for: the sweep that expires requests
    // never verified in time leaves it to the handler (DESIGN §3), even long after.
    let settings = app.settings_with_key();
    for days in [5, 60] {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::jobs::run_sweeps(
            &mut conn,
            &Ctx {
                settings: &settings,
                now: app.clock_now() + Duration::days(days),
            },
        )
        .expect("sweep");
        assert_eq!(request_row(&app, &id).status, "awaiting_verification");
    }

    // Verified another way five days later: no days paused, no acknowledgement.
    app.clock.advance(Duration::days(5));
    // The session has ended meanwhile: log in again.
    let admin = TestApp::client();
    let login = app
        .login(&admin, "dpo@telecom.example", support::ADMIN_PASSWORD)
        .await;
    assert_eq!(login, (303, Some("/dashboard".to_string())), "login");
    let r = act(
        &app,
        &admin,
        &id,
        "verify",
        &[("method", "ID card checked in the shop")],
    )
    .await;
    assert_eq!(r.0, 303, "{}", r.1);
    let row = request_row(&app, &id);
    assert_eq!(row.status, "open");
    assert_eq!(row.paused_days, 0);
    let clock = deadlines(
        today - Duration::days(10),
        0,
        None,
        app.settings.clock_settings(),
    );
    assert_eq!(row.due_date, clock.due);
    assert_eq!(outbox_count(&app, &id), 0);
    assert!(note_of(&app, &id, "verified").contains(NO_EMAIL_NOTE));

    // Asking the subject is refused: they could only answer online, which needs an
    // address, and the request would wait until it expired. The page offers no form.
    let r = act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(r.0, 303, "{}", r.1);
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(!page.contains("id=\"action-ask\""), "no ask form");
    let r = act(
        &app,
        &admin,
        &id,
        "ask",
        &[
            ("purpose", "clarification"),
            ("question", "Which accounts do you mean?"),
        ],
    )
    .await;
    assert_eq!(r.0, 409, "{}", r.1);
    assert!(r.1.contains("no email address"), "{}", r.1);
    let row = request_row(&app, &id);
    assert_eq!(row.status, "in_progress");
    assert_eq!(row.paused_since, None);
    assert_eq!(outbox_count(&app, &id), 0);

    // Extend (Art. 12(3)): stored, nothing emailed.
    let new_due = clock.latest_extended_due.to_string();
    let r = act(
        &app,
        &admin,
        &id,
        "extend",
        &[
            ("extend_to", new_due.as_str()),
            (
                "extension_reason",
                "Records are held by three subsidiaries.",
            ),
        ],
    )
    .await;
    assert_eq!(r.0, 303, "{}", r.1);
    assert_eq!(request_row(&app, &id).due_date, clock.latest_extended_due);
    assert_eq!(outbox_count(&app, &id), 0);
    assert!(note_of(&app, &id, "extended").contains(NO_EMAIL_NOTE));

    // Reject (Art. 12(4)): stored, nothing emailed; the handler tells the subject.
    let r = act(
        &app,
        &admin,
        &id,
        "reject",
        &[
            ("rejection_reason", "not_applicable"),
            ("justification", "We never had a contract with this person."),
        ],
    )
    .await;
    assert_eq!(r.0, 303, "{}", r.1);
    assert_eq!(request_row(&app, &id).status, "rejected");
    assert_eq!(outbox_count(&app, &id), 0);
    assert!(note_of(&app, &id, "rejected").contains(NO_EMAIL_NOTE));
}

#[tokio::test]
async fn an_email_address_that_is_given_must_still_be_valid() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, page) = app.get(&admin, "/dashboard/intake").await;
    let token = csrf_in(&page).expect("csrf");
    let today: NaiveDate = local_date(app.clock_now().naive_utc(), app.settings.timezone);
    let yesterday = (today - Duration::days(1)).to_string();
    let before = app.count_requests();
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/intake",
            &intake_form(&token, "per at example", &yesterday, "no"),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("id=\"email-error\""), "{body}");
    assert!(
        body.contains("value=\"per at example\""),
        "typed address kept"
    );
    assert!(body.contains("value=\"Per Telefon\""), "typed name kept");
    assert_eq!(app.count_requests(), before);
}

/// A date as the dashboard writes it in English ("25 November 2026").
fn en_date(d: &chrono::NaiveDate) -> String {
    dsr_tracker::i18n::Tr::plain(dsr_tracker::i18n::Lang::En).date(d)
}
