//! Issue 10: erasure with legal-retention exceptions (Art. 17(3)(b)), the retention
//! register and its follow-up tasks, restriction with the Art. 18(3) notice before
//! lifting, and the admin registers. Real HTTP against the running server, on SQLite and
//! (with DSR_TEST_POSTGRES_URL) PostgreSQL.

mod support;

use chrono::{Duration, NaiveDate};
use support::{
    audit_actions, complete_via_preview, submit_request, submit_verified_kind, try_act, TestApp,
};

fn today(app: &TestApp) -> NaiveDate {
    dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone)
}

fn outcome_row(
    app: &TestApp,
    id: &str,
    code: &str,
) -> Option<dsr_tracker::db::models::CategoryOutcomeRow> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::outcomes::for_request(&mut conn, id)
        .expect("outcomes")
        .into_iter()
        .find(|r| r.category_code == code)
}

/// An erasure of billing and marketing, verified and started by the admin.
async fn started_erasure(app: &TestApp, admin: &reqwest::Client, email: &str) -> (String, String) {
    let (reference, id) = submit_verified_kind(
        app,
        &TestApp::client(),
        email,
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "billing"),
            ("erasure_categories", "marketing"),
        ],
    )
    .await;
    let (status, body, _) = try_act(app, admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "start: {body}");
    (reference, id)
}

#[tokio::test]
async fn completion_is_refused_until_every_category_has_an_outcome_art_17_3_b() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = started_erasure(&app, &admin, "kari@example.no").await;

    // The request page lists both categories, with nothing recorded yet.
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("What was done with each category"), "{page}");
    assert!(page.contains("Invoices and billing history"));
    assert_eq!(page.matches("Not recorded yet").count(), 2);

    // Nothing recorded: completing is refused and names both missing categories.
    let answer = [("outcome", "fulfilled"), ("answer", "We erased your data.")];
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Missing: Invoices and billing history; Marketing"),
        "{body}"
    );

    // Marketing erased: only billing is missing now.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[("category", "marketing"), ("category_outcome", "erased")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Missing: Invoices and billing history."),
        "{body}"
    );
    assert!(!body.contains("Missing: Invoices and billing history; Marketing"));

    // Billing kept under bokføringsloven § 13: five years after the end of the
    // financial year (31 December by default) in which the last invoice fell.
    let anchor = today(&app) - Duration::days(40);
    let anchor_text = anchor.to_string();
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[
            ("category", "billing"),
            ("category_outcome", "retained"),
            ("rule", "no-accounting-primary"),
            ("anchor_date", &anchor_text),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let row = outcome_row(&app, &id, "billing").expect("billing outcome");
    let until = NaiveDate::from_ymd_opt(chrono::Datelike::year(&anchor) + 5, 12, 31).expect("date");
    assert_eq!(row.until_date, Some(until));

    // Anything kept: "fulfilled" is refused; "partially fulfilled" lists what is kept,
    // the law and until when, and says it is kept for nothing else.
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422);
    assert!(body.contains("partially fulfilled"), "{body}");
    let partial = [
        ("outcome", "partially_fulfilled"),
        ("answer", "We erased your marketing data."),
        (
            "reasons",
            "We must keep your invoices for the accounting law.",
        ),
    ];
    let (status, body) = complete_via_preview(&app, &admin, &id, &partial).await;
    assert_eq!(status, 303, "{body}");
    let mail = app.wait_for_mail("kari@example.no", &reference).await;
    let mail = if mail.text.contains("Bokføringsloven") {
        mail
    } else {
        app.wait_for_mail("kari@example.no", "partly done").await
    };
    assert!(
        mail.text.contains("Invoices and billing history"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("Bokføringsloven § 13 (Norway)"));
    assert!(
        mail.text
            .contains(&format!("31 December {}", chrono::Datelike::year(&until))),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("Art. 17(3)(b)"));
    assert!(mail.text.contains("Art. 77"), "the Art. 12(4) notice");

    // The retention register lists it; filtering by another rule hides it.
    let (status, register) = app.get(&admin, "/dashboard/retention").await;
    assert_eq!(status, 200);
    assert!(register.contains(&reference), "{register}");
    let (_, other) = app
        .get(&admin, "/dashboard/retention?rule=no-ekom-ip")
        .await;
    assert!(!other.contains(&reference));
    let (_, by_category) = app
        .get(&admin, "/dashboard/retention?category=billing")
        .await;
    assert!(by_category.contains(&reference));
}

#[tokio::test]
async fn outcome_forms_refuse_bad_input_beside_the_field() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = started_erasure(&app, &admin, "ola@example.no").await;
    let future = (today(&app) + Duration::days(3)).to_string();
    let long_ago = (today(&app) - Duration::days(800)).to_string();
    for (fields, expect) in [
        (
            vec![("category", "traffic"), ("category_outcome", "erased")],
            "Choose categories from the list",
        ),
        (
            vec![("category", "billing"), ("category_outcome", "shredded")],
            "Choose what was done with this category",
        ),
        (
            vec![
                ("category", "billing"),
                ("category_outcome", "retained"),
                ("rule", "no-ekom-ip"),
                ("anchor_date", "2026-01-01"),
            ],
            "Choose the rule that requires keeping this data",
        ),
        (
            vec![
                ("category", "billing"),
                ("category_outcome", "retained"),
                ("rule", "no-accounting-primary"),
                ("anchor_date", "next tuesday"),
            ],
            "YYYY-MM-DD",
        ),
        (
            vec![
                ("category", "billing"),
                ("category_outcome", "retained"),
                ("rule", "no-accounting-primary"),
                ("anchor_date", &future),
            ],
            "cannot be in the future",
        ),
    ] {
        let (status, body, _) = try_act(&app, &admin, &id, "outcome", &fields).await;
        assert_eq!(status, 422, "{fields:?}: {body}");
        assert!(body.contains(expect), "{fields:?}: {body}");
    }
    // A rule whose time is already up: erase, do not keep. (The IP rule counts 12 months
    // from the event; the marketing category has no rule at all, so use a category the
    // request covers with a rule of its own via a new request.)
    let (_, ip) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "per@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "ip_logs"),
        ],
    )
    .await;
    let (status, body, _) = try_act(
        &app,
        &admin,
        &ip,
        "outcome",
        &[
            ("category", "ip_logs"),
            ("category_outcome", "retained"),
            ("rule", "no-ekom-ip"),
            ("anchor_date", &long_ago),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Erase it instead"), "{body}");
    assert!(
        outcome_row(&app, &ip, "ip_logs").is_none(),
        "nothing stored"
    );

    // A forged category code on the portal form: the form comes back with the error.
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("name", "Kari Nordmann"),
                ("email", "forged@example.no"),
                ("kind", "erasure"),
                ("erasure_scope", "categories"),
                ("erasure_categories", "secret_files"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Choose categories from the list"));
}

#[tokio::test]
async fn a_follow_up_task_is_made_once_the_moved_clock_passes_the_until_date() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "ip@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "ip_logs"),
        ],
    )
    .await;
    let (status, body, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "{body}");
    // ekomloven: 12 months from the assignment.
    let anchor = today(&app) - Duration::days(100);
    let anchor_text = anchor.to_string();
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[
            ("category", "ip_logs"),
            ("category_outcome", "retained"),
            ("rule", "no-ekom-ip"),
            ("anchor_date", &anchor_text),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let until = anchor
        .checked_add_months(chrono::Months::new(12))
        .expect("date");
    assert_eq!(
        outcome_row(&app, &id, "ip_logs").and_then(|r| r.until_date),
        Some(until)
    );
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "partially_fulfilled"),
            ("answer", "We erased what we could."),
            (
                "reasons",
                "The law on electronic communications requires the IP log.",
            ),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    app.wait_for_outbox_sent().await;

    // The until date itself, at local noon (whole days of 24 h from a late evening can
    // cross a change to summer time into the next local day): nothing yet.
    let noon = chrono::NaiveTime::from_hms_opt(12, 0, 0).expect("noon");
    app.clock
        .set(dsr_tracker::time::local_instant(until, noon, app.settings.timezone).and_utc());
    assert_eq!(today(&app), until);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert!(!audit_actions(&app, &id).contains(&"retention_ended".to_string()));

    // The day after: a follow-up task (an audit event) and an email to the assignee.
    app.clock.advance(Duration::days(1));
    let mail = app
        .wait_for_mail("dpo@telecom.example", "Retained data must now be erased")
        .await;
    assert!(mail.text.contains(&reference), "{}", mail.text);
    assert!(mail.text.contains("/dashboard/retention?due=1"));
    // More sweeps change nothing: one task, one email.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let ended = audit_actions(&app, &id)
        .iter()
        .filter(|a| *a == "retention_ended")
        .count();
    assert_eq!(ended, 1);
    let sent = app
        .smtp
        .messages()
        .iter()
        .filter(|m| m.subject.contains("Retained data must now be erased"))
        .count();
    assert_eq!(sent, 1);

    // The register shows it as due; marking it erased writes the history.
    let admin = app.admin_login().await;
    let (_, queue) = app.get(&admin, "/dashboard").await;
    assert!(
        queue.contains("1 follow-up task: retained data"),
        "the task shows on the dashboard"
    );
    let (_, due) = app.get(&admin, "/dashboard/retention?due=1").await;
    assert!(
        due.contains(&reference) && due.contains("Time is up"),
        "{due}"
    );
    let token = app.csrf(&admin, "/dashboard/retention").await;
    let (status, _, _) = app
        .post_form(
            &admin,
            "/dashboard/retention/erased",
            &[
                ("csrf_token", &token),
                ("request_id", &id),
                ("category", "ip_logs"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert!(outcome_row(&app, &id, "ip_logs")
        .and_then(|r| r.erased_at)
        .is_some());
    assert!(audit_actions(&app, &id).contains(&"retained_erased".to_string()));
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("Retained data erased"), "history shows it");
    let (_, register) = app.get(&admin, "/dashboard/retention").await;
    assert!(!register.contains(&reference));
    let (_, queue) = app.get(&admin, "/dashboard").await;
    assert!(
        !queue.contains("follow-up task"),
        "done: gone from the dashboard"
    );
    // Twice is not found: nothing is kept any more.
    let (status, _, _) = app
        .post_form(
            &admin,
            "/dashboard/retention/erased",
            &[
                ("csrf_token", &token),
                ("request_id", &id),
                ("category", "ip_logs"),
            ],
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn lifting_a_restriction_sends_the_notice_first_art_18_3() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "restrict@example.no",
        &[("kind", "restriction"), ("restriction_ground", "a")],
    )
    .await;
    let (status, body, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "{body}");
    // Nothing restricted yet: completing is refused.
    let answer = [
        ("outcome", "fulfilled"),
        ("answer", "We have restricted your contact data."),
    ];
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("at least one restricted category"));
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[("category", "contact"), ("category_outcome", "restricted")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    // The handler records the Art. 18(1) ground it rests on: (a)–(d) only.
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "restriction-ground",
        &[("restriction_ground", "e")],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "restriction-ground",
        &[("restriction_ground", "d")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    {
        let mut conn = app.pool.get().expect("conn");
        let r = dsr_tracker::db::requests::find(&mut conn, &id)
            .expect("find")
            .expect("row");
        assert!(r.details.contains("\"ground\":\"d\""), "{}", r.details);
    }
    assert!(audit_actions(&app, &id).contains(&"restriction_ground_recorded".to_string()));
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 303, "{body}");
    app.wait_for_outbox_sent().await;

    // Without a reason: refused beside the field.
    let (status, body, _) = try_act(&app, &admin, &id, "lift", &[("lift_reason", " ")]).await;
    assert_eq!(status, 422, "{body}");

    // The mail server is down: the notice cannot go, so the restriction stays.
    app.smtp.set_failing(true);
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "lift",
        &[("lift_reason", "We have checked: your address was correct.")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert!(
        !audit_actions(&app, &id).contains(&"restriction_lifted".to_string()),
        "not lifted before the subject's notice is sent"
    );
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("Lifting announced"), "{page}");
    // Twice: refused.
    let (status, _, _) = try_act(
        &app,
        &admin,
        &id,
        "lift",
        &[("lift_reason", "again, again")],
    )
    .await;
    assert_eq!(status, 409);

    // The mail server is back: the notice goes, then the restriction is lifted.
    app.smtp.set_failing(false);
    app.clock.advance(Duration::minutes(30));
    let notice = app
        .wait_for_mail("restrict@example.no", "lifting the restriction")
        .await;
    assert!(notice.text.contains(&reference));
    assert!(notice.text.contains("your address was correct"));
    assert!(notice.text.contains("Art. 18(3)"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !audit_actions(&app, &id).contains(&"restriction_lifted".to_string()) {
        assert!(
            std::time::Instant::now() < deadline,
            "lifted after the notice"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let actions = audit_actions(&app, &id);
    let asked = actions
        .iter()
        .position(|a| a == "restriction_lift_requested");
    let lifted = actions.iter().position(|a| a == "restriction_lifted");
    assert!(asked < lifted);
}

#[tokio::test]
async fn admins_edit_the_registers_and_the_portal_follows() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard/admin/registers").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Verify before production use"),
        "seeded rules are marked"
    );
    assert!(page.contains("Bokföringslagen 7 kap. 2 § (Sweden)"));

    // A new category needs a valid code and words in every language.
    let token = app.csrf(&admin, "/dashboard/admin/registers").await;
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/categories",
            &[
                ("csrf_token", &token),
                ("new", "1"),
                ("code", "Loyalty Points"),
                ("label_en", "Loyalty points"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("lower-case letters"));
    assert!(body.contains("Write the words in this language too"));
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/categories",
            &[
                ("csrf_token", &token),
                ("new", "1"),
                ("code", "loyalty"),
                ("label_en", "Loyalty points"),
                ("label_nb", "Bonuspoeng"),
                ("label_sv", "Bonuspoäng"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    let c = TestApp::client();
    let nb = c
        .get(app.url("/"))
        .header("accept-language", "nb")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(
        nb.contains("Bonuspoeng"),
        "the portal offers it in Norwegian"
    );
    submit_request(
        &app,
        &c,
        "loyal@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "loyalty"),
        ],
    )
    .await;

    // No longer offered: the portal drops it and refuses it.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/categories",
            &[("csrf_token", &token), ("code", "loyalty")],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    let (_, home) = app.get(&c, "/").await;
    assert!(!home.contains("Loyalty points"));
    let token_c = app.csrf(&c, "/").await;
    let (status, _, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token_c),
                ("name", "Kari Nordmann"),
                ("email", "late@example.no"),
                ("kind", "erasure"),
                ("erasure_scope", "categories"),
                ("erasure_categories", "loyalty"),
            ],
        )
        .await;
    assert_eq!(status, 422);

    // A rule with a bad period is refused; a good one computes with the setting.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/rules",
            &[
                ("csrf_token", &token),
                ("new", "1"),
                ("id", "loyalty-rule"),
                ("category", "loyalty"),
                ("citation", "Our own policy"),
                ("amount", "-3"),
                ("unit", "weeks"),
                ("anchor", "event"),
                ("text_en", "x"),
                ("text_nb", "x"),
                ("text_sv", "x"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("whole number from 0 to 1200"));
    assert!(body.contains("Choose days, months or years"));
    // Saving a seeded rule is the admin's check of it: the mark goes.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/rules",
            &[
                ("csrf_token", &token),
                ("id", "no-ekom-ip"),
                ("category", "ip_logs"),
                ("citation", "Ekomloven § 3-15 (Norway)"),
                ("amount", "12"),
                ("unit", "months"),
                ("anchor", "event"),
                ("text_en", "IP addresses are kept for 12 months."),
                ("text_nb", "IP-adresser lagres i 12 måneder."),
                ("text_sv", "IP-adresser sparas i 12 månader."),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    let (_, page) = app.get(&admin, "/dashboard/admin/registers").await;
    assert!(page.contains("Ekomloven § 3-15 (Norway)"));
    assert_eq!(
        page.matches("badge amber").count(),
        3,
        "three seeded rules left to verify"
    );

    // Handlers read, never change, the registers.
    app.create_user("handler@telecom.example", "handler");
    let h = TestApp::client();
    app.login(&h, "handler@telecom.example", support::ADMIN_PASSWORD)
        .await;
    let (status, _) = app.get(&h, "/dashboard/admin/registers").await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn the_financial_year_end_setting_moves_the_until_date() {
    // A financial year ending 30 June: 3 years and 6 months after it ends on 31 December.
    let app = TestApp::spawn_with(&[("DSR_FINANCIAL_YEAR_END", "06-30")]).await;
    let admin = app.admin_client().await;
    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "fy@example.no",
        &[
            ("kind", "erasure"),
            ("erasure_scope", "categories"),
            ("erasure_categories", "payment"),
        ],
    )
    .await;
    let (status, _, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303);
    let day = today(&app);
    let anchor = day - Duration::days(10);
    let anchor_text = anchor.to_string();
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "outcome",
        &[
            ("category", "payment"),
            ("category_outcome", "retained"),
            ("rule", "no-accounting-secondary"),
            ("anchor_date", &anchor_text),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let fy = dsr_tracker::domain::retention::FinancialYearEnd::parse("06-30").expect("fy");
    let fy_end = fy.ending_on_or_after(anchor).expect("end");
    let expected = dsr_tracker::domain::retention::until_date(
        dsr_tracker::domain::retention::RetentionPeriod {
            amount: 42,
            unit: dsr_tracker::domain::retention::PeriodUnit::Months,
            anchor: dsr_tracker::domain::retention::Anchor::FinancialYearEnd,
        },
        anchor,
        fy,
    );
    assert_eq!(
        outcome_row(&app, &id, "payment").and_then(|r| r.until_date),
        expected
    );
    // 30 June + 3 years 6 months = 31 December.
    let until = expected.expect("until");
    assert_eq!(
        (
            chrono::Datelike::month(&until),
            chrono::Datelike::day(&until)
        ),
        (12, 31)
    );
    assert_eq!(
        chrono::Datelike::year(&until),
        chrono::Datelike::year(&fy_end) + 3
    );
}
