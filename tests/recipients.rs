//! Issue 11: Art. 19 notices to recipients. Preselection by the categories a recipient
//! receives; a notice per recipient queued with the completion; links that open one
//! notice only (no login; a GET never acknowledges); exemption with a justification;
//! reminders once per period with a fresh link, none after acknowledgement; the subject
//! told who was notified. SQLite and PostgreSQL.

mod support;

use chrono::Duration;
use support::{
    audit_actions, complete_via_preview, extract_links, submit_verified_kind, try_act, TestApp,
};

/// A rectification of the postal address (contact), decided, ready to complete.
async fn decided_rectification(app: &TestApp, admin: &reqwest::Client, email: &str) -> String {
    let (_, id) = submit_verified_kind(
        app,
        &TestApp::client(),
        email,
        &[
            ("kind", "rectification"),
            ("customer_number", "K-100234"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 1, 0155 Oslo"),
        ],
    )
    .await;
    let (status, _, _) = try_act(app, admin, &id, "start", &[]).await;
    assert_eq!(status, 303);
    let (status, body, _) = try_act(
        app,
        admin,
        &id,
        "item",
        &[
            ("item", "1"),
            ("item_category", "contact"),
            ("item_decision", "applied"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    id
}

fn checked(page: &str, recipient: &str) -> bool {
    // The first outcome form's checkbox for this recipient.
    let marker = format!("name=\"recipient\" value=\"{recipient}\"");
    page.split(&marker)
        .nth(1)
        .map(|rest| rest.trim_start().starts_with("checked"))
        .unwrap_or(false)
}

fn notice_link(mail_text: &str, app: &TestApp) -> String {
    extract_links(mail_text, &format!("{}/notice/", app.base))
        .into_iter()
        .next()
        .expect("notice link")
        .trim_start_matches(&app.base)
        .to_string()
}

#[tokio::test]
async fn recipients_are_preselected_by_category_and_notified_with_the_completion() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let id = decided_rectification(&app, &admin, "kari@example.no").await;
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    // Contact data: the billing partner receives it, the accounting firm does not.
    assert!(checked(&page, "billing-partner"), "{page}");
    assert!(!checked(&page, "accounting"));
    assert!(!checked(&page, "analytics"));

    // A recipient not in the register: refused.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[
            ("outcome", "fulfilled"),
            ("answer", "We have corrected your address."),
            ("recipient", "someone-else"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Choose recipients from the register"));

    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "We have corrected your address."),
            ("recipient", "billing-partner"),
            ("recipient", "accounting"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    assert!(audit_actions(&app, &id).contains(&"notices_queued".to_string()));
    // The subject is told who was notified (Art. 19, second sentence).
    let answer = app.wait_for_mail("kari@example.no", "is done").await;
    assert!(
        answer.text.contains("Nordic Billing Services AB"),
        "{}",
        answer.text
    );
    assert!(answer.text.contains("Fjord Regnskap AS"));
    // Each recipient's notice: what changed, the identifiers configured for it, nothing
    // more.
    let notice = app
        .wait_for_mail("privacy@nordicbilling.example", "GDPR Art. 19")
        .await;
    assert!(
        notice
            .text
            .contains("Postal address: Storgata 1, 0155 Oslo"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("Customer number: K-100234"));
    assert!(
        !notice.text.contains("kari@example.no"),
        "no more personal data than needed"
    );
    assert!(!notice.text.contains("Kari Nordmann"));
    let other = app
        .wait_for_mail("personvern@fjordregnskap.example", "GDPR Art. 19")
        .await;
    let mine = notice_link(&notice.text, &app);
    let theirs = notice_link(&other.text, &app);
    assert_ne!(mine, theirs);

    // The link shows the notice; a GET (a mail scanner) acknowledges nothing.
    let c = TestApp::client();
    let (status, shown) = app.get(&c, &mine).await;
    assert_eq!(status, 200);
    assert!(shown.contains("Acknowledge"), "{shown}");
    assert!(!audit_actions(&app, &id).contains(&"notice_acknowledged".to_string()));
    let token = support::csrf_in(&shown).expect("csrf");
    let (status, body, _) = app.post_form(&c, &mine, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Acknowledged on"));
    // A second visit shows the date; the other recipient's notice is still open.
    let (_, again) = app.get(&c, &mine).await;
    assert!(again.contains("Acknowledged on"));
    let (_, theirs_page) = app.get(&c, &theirs).await;
    assert!(theirs_page.contains("Acknowledge") && !theirs_page.contains("Acknowledged on"));
    let acks = audit_actions(&app, &id)
        .iter()
        .filter(|a| *a == "notice_acknowledged")
        .count();
    assert_eq!(acks, 1);
    // Unknown, malformed or altered links: 404.
    let mut altered = mine.clone();
    let last = altered.pop().expect("char");
    altered.push(if last == 'A' { 'B' } else { 'A' });
    for bad in [
        "/notice/nonsense",
        "/notice/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        altered.as_str(),
    ] {
        let (status, _) = app.get(&c, bad).await;
        assert_eq!(status, 404, "{bad}");
    }

    // The subject sees the list on the status page, and can have it emailed.
    let ack = app
        .wait_for_mail("kari@example.no", "We have your request")
        .await;
    let status_link = extract_links(&ack.text, &format!("{}/s/", app.base))
        .into_iter()
        .next()
        .expect("status link in the acknowledgement");
    let subject = TestApp::client();
    let (status, _) = app
        .get(&subject, status_link.trim_start_matches(&app.base))
        .await;
    assert!(status == 303 || status == 200);
    let (status, page) = app.get(&subject, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Who we told about the change"), "{page}");
    assert!(
        page.contains("Nordic Billing Services AB: Acknowledged"),
        "{page}"
    );
    assert!(
        page.contains("Fjord Regnskap AS: Sent, not acknowledged yet")
            || page.contains("Fjord Regnskap AS: Waiting to be sent")
    );
    let token = support::csrf_in(&page).expect("csrf");
    let (status, _, location) = app
        .post_form(
            &subject,
            &format!("/my/requests/{id}/recipients"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some(format!("/my/requests/{id}?done=recipients").as_str())
    );
    let list = app
        .wait_for_mail("kari@example.no", "The recipients told about your request")
        .await;
    assert!(
        list.text
            .contains("Nordic Billing Services AB: Acknowledged"),
        "{}",
        list.text
    );
    // Another browser, without the link: not found.
    let stranger = TestApp::client();
    let (status, _) = app.get(&stranger, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 404);

    // The request page and the open-notices view show each status.
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("Notices to recipients (Art. 19)"));
    let (_, open) = app.get(&admin, "/dashboard/notices").await;
    assert!(open.contains("Fjord Regnskap AS"), "{open}");
    assert!(
        !open.contains("Nordic Billing Services AB"),
        "acknowledged: not open"
    );
}

#[tokio::test]
async fn an_exemption_needs_a_justification() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let id = decided_rectification(&app, &admin, "ola@example.no").await;
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "We have corrected your address."),
            ("recipient", "billing-partner"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let notice_id = {
        use diesel::prelude::*;
        use dsr_tracker::db::schema::notices;
        let mut conn = app.pool.get().expect("conn");
        notices::table
            .filter(notices::request_id.eq(&id))
            .select(notices::id)
            .first::<String>(&mut conn)
            .expect("notice")
    };
    let token = app.csrf(&admin, &format!("/dashboard/requests/{id}")).await;
    let path = format!("/dashboard/requests/{id}/notice-exempt");
    for reason in ["", "too hard"] {
        let (status, body, _) = app
            .post_form(
                &admin,
                &path,
                &[
                    ("csrf_token", &token),
                    ("notice", &notice_id),
                    ("exempt_reason", reason),
                ],
            )
            .await;
        assert_eq!(status, 422, "{reason:?}: {body}");
        assert!(body.contains("disproportionate effort"));
    }
    let why = "The partner went bankrupt in 2025 and no longer holds any of our customers' data.";
    let (status, body, _) = app
        .post_form(
            &admin,
            &path,
            &[
                ("csrf_token", &token),
                ("notice", &notice_id),
                ("exempt_reason", why),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    assert!(audit_actions(&app, &id).contains(&"notice_exempt".to_string()));
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(support::html_unescape(&page).contains(why));
    // Twice: refused, nothing changes.
    let (status, _, _) = app
        .post_form(
            &admin,
            &path,
            &[
                ("csrf_token", &token),
                ("notice", &notice_id),
                ("exempt_reason", why),
            ],
        )
        .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn reminders_go_once_per_period_with_a_fresh_link_and_stop_after_acknowledgement() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let id = decided_rectification(&app, &admin, "per@example.no").await;
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "We have corrected your address."),
            ("recipient", "billing-partner"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let first = app
        .wait_for_mail("privacy@nordicbilling.example", "GDPR Art. 19")
        .await;
    let first_link = notice_link(&first.text, &app);
    app.wait_for_outbox_sent().await;
    let reminders = |app: &TestApp| {
        app.smtp
            .messages()
            .iter()
            .filter(|m| m.subject.starts_with("Reminder: please acknowledge"))
            .count()
    };

    // Six days: nothing. Seven days and a minute: one reminder, with a new link.
    app.clock.advance(Duration::days(6));
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(reminders(&app), 0);
    app.clock.advance(Duration::days(1) + Duration::minutes(1));
    let reminder = app
        .wait_for_mail(
            "privacy@nordicbilling.example",
            "Reminder: please acknowledge",
        )
        .await;
    let second_link = notice_link(&reminder.text, &app);
    assert_ne!(first_link, second_link, "a fresh link");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(reminders(&app), 1, "once per period");

    // The first link still works, and acknowledging stops the reminders.
    let c = TestApp::client();
    let (status, shown) = app.get(&c, &first_link).await;
    assert_eq!(status, 200);
    let token = support::csrf_in(&shown).expect("csrf");
    let (status, _, _) = app
        .post_form(&c, &first_link, &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 200);
    let (_, later) = app.get(&c, &second_link).await;
    assert!(
        later.contains("Acknowledged on"),
        "every link of the notice shows it"
    );
    app.clock.advance(Duration::days(8));
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(reminders(&app), 1, "none after acknowledgement");
    assert_eq!(
        audit_actions(&app, &id)
            .iter()
            .filter(|a| *a == "notice_reminded")
            .count(),
        1
    );
}

#[tokio::test]
async fn admins_edit_the_recipients_register() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard/admin/registers").await;
    assert_eq!(status, 200);
    assert!(page.contains("WebInsight Inc."), "seeded");
    assert!(page.contains("Data Privacy Framework"), "its safeguard");
    let token = app.csrf(&admin, "/dashboard/admin/registers").await;
    // Outside the EEA without a safeguard, a bad country, a bad address: refused.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/recipients",
            &[
                ("csrf_token", &token),
                ("new", "1"),
                ("id", "crm-cloud"),
                ("name", "CRM Cloud Inc."),
                ("email", "not an address"),
                ("kind", "processor"),
                ("country", "US"),
                ("categories", "contact"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("needs its transfer safeguard"));
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/recipients",
            &[
                ("csrf_token", &token),
                ("new", "1"),
                ("id", "crm-cloud"),
                ("name", "CRM Cloud Inc."),
                ("email", "privacy@crmcloud.example"),
                ("kind", "processor"),
                ("country", "US"),
                (
                    "safeguard",
                    "Standard contractual clauses (2021/914), module 2",
                ),
                ("categories", "contact"),
                ("identifiers", "customer_number"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    // A contact correction now preselects it.
    let id = decided_rectification(&app, &admin, "crm@example.no").await;
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(checked(&page, "crm-cloud"), "{page}");
    // Handlers cannot change the register.
    app.create_user("handler@telecom.example", "handler");
    let h = TestApp::client();
    app.login(&h, "handler@telecom.example", support::ADMIN_PASSWORD)
        .await;
    let t = app.csrf(&h, "/dashboard").await;
    let (status, _, _) = app
        .post_form(
            &h,
            "/dashboard/admin/recipients",
            &[("csrf_token", &t), ("id", "crm-cloud"), ("name", "x")],
        )
        .await;
    assert_eq!(status, 403);
}
