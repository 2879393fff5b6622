//! Issue 9, reminders and the daily digest (DESIGN §4.7): each reminder goes out once per
//! threshold while the clock moves, also when two sweepers run at the same moment; an
//! unassigned request reminds every handler and admin; everything due for one person is
//! one email; the digest says what each handler has to do, once a day, and a handler can
//! switch it off. Runs on SQLite, and on PostgreSQL with `DSR_TEST_POSTGRES_URL`.

mod support;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use diesel::prelude::*;
use dsr_tracker::config::Settings;
use dsr_tracker::db::models::OutboxMessage;
use dsr_tracker::db::schema::outbox;
use dsr_tracker::time::{local_date, local_instant};
use dsr_tracker::workflow::Ctx;
use support::*;

/// `hh:mm` on `day` in the controller's time zone.
fn local(app: &TestApp, day: NaiveDate, hh: u32, mm: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hh, mm, 0).expect("time");
    local_instant(day, time, app.settings.timezone).and_utc()
}

/// A Monday morning in Oslo, so that the server's own sweeper (which runs on the app's
/// clock, never moved here) does nothing these tests do not expect.
fn monday(hh: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(2026, 12, 7, hh, 0, 0)
        .single()
        .expect("time")
        .with_timezone(&Utc)
}

/// One round of the sweeps at `now`, as the server's background loop runs it.
fn sweep(app: &TestApp, settings: &Settings, now: DateTime<Utc>) -> dsr_tracker::jobs::Swept {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::jobs::run_sweeps(&mut conn, &Ctx { settings, now }).expect("sweep")
}

/// Two sweepers at the same moment, each with its own connection (two instances).
fn sweep_twice_at_once(app: &TestApp, settings: &Settings, now: DateTime<Utc>) {
    let start = std::sync::Barrier::new(2);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let mut conn = app.pool.get().expect("conn");
                start.wait();
                dsr_tracker::jobs::run_sweeps(&mut conn, &Ctx { settings, now }).expect("sweep");
            });
        }
    });
}

/// Every queued email made from `template`, oldest first.
fn staff_mail(app: &TestApp, template: &str) -> Vec<OutboxMessage> {
    let mut conn = app.pool.get().expect("conn");
    outbox::table
        .filter(outbox::template.eq(template))
        .order((outbox::created_at, outbox::to_address))
        .select(OutboxMessage::as_select())
        .load(&mut conn)
        .expect("outbox")
}

fn to_whom(mail: &[OutboxMessage]) -> Vec<String> {
    let mut to: Vec<String> = mail.iter().map(|m| m.to_address.clone()).collect();
    to.sort();
    to
}

fn due_date(app: &TestApp, id: &str) -> NaiveDate {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::requests::find(&mut conn, id)
        .expect("find")
        .expect("row")
        .due_date
}

fn stages(app: &TestApp, id: &str) -> Vec<i32> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::reminders::for_request(&mut conn, id)
        .expect("reminders")
        .into_iter()
        .map(|r| r.stage)
        .collect()
}

async fn post_users_form(app: &TestApp, c: &reqwest::Client, path: &str) -> u16 {
    let token = app.csrf(c, "/dashboard/users").await;
    app.post_form(c, path, &[("csrf_token", token.as_str())])
        .await
        .0
}

#[tokio::test]
async fn each_reminder_goes_out_once_per_threshold_and_daily_while_overdue_to_the_right_people() {
    let app = TestApp::spawn_at(&[("DSR_DIGEST_TIME", "07:00")], monday(10)).await;
    let settings = app.settings_with_key();
    let admin = app.admin_client().await;
    let hans = app.create_user("hans@telecom.example", "handler");
    app.create_user("ida@telecom.example", "handler");
    app.create_user("audun@telecom.example", "auditor");
    let gone = app.create_user("gone@telecom.example", "handler");

    // All received today, so all due the same day. R1 is Hans's; R2 nobody's; R3 is
    // Hans's but waiting for the subject's proof of identity (its clock stopped with a
    // month left); R4 belonged to a handler who has left.
    let (r1, ref1) = enter_by_hand(&app, &admin, "Rolf One", "rolf@example.no", 0).await;
    let (r2, ref2) = enter_by_hand(&app, &admin, "Rita Two", "rita@example.no", 0).await;
    let (r3, ref3) = enter_by_hand(&app, &admin, "Rune Three", "rune@example.no", 0).await;
    let (r4, ref4) = enter_by_hand(&app, &admin, "Rakel Four", "rakel@example.no", 0).await;
    for id in [&r1, &r3] {
        act_on(&app, &admin, id, "assign", &[("assignee", &hans.id)]).await;
    }
    act_on(&app, &admin, &r4, "assign", &[("assignee", &gone.id)]).await;
    act_on(&app, &admin, &r3, "start", &[]).await;
    act_on(
        &app,
        &admin,
        &r3,
        "ask",
        &[
            ("purpose", "identity"),
            ("question", "Which town is on your last invoice?"),
        ],
    )
    .await;
    let status = post_users_form(
        &app,
        &admin,
        &format!("/dashboard/users/{}/deactivate", gone.id),
    )
    .await;
    assert_eq!(status, 303);

    let due = due_date(&app, &r1);
    for id in [&r2, &r3, &r4] {
        assert_eq!(
            due_date(&app, id),
            due,
            "received the same day, due the same day"
        );
    }
    let noon = |days_from_due: i64| local(&app, due + Duration::days(days_from_due), 12, 0);

    // Eight days before: nothing yet.
    sweep(&app, &settings, noon(-8));
    assert!(staff_mail(&app, "reminder").is_empty());

    // Seven days before, two sweepers at the same moment: one email per person. Hans gets
    // his own request and the two nobody works on in one email; Dana (admin) and Ida get
    // the two; the auditor and the handler who left get nothing; R3's clock is stopped.
    sweep_twice_at_once(&app, &settings, noon(-7));
    let first = staff_mail(&app, "reminder");
    assert_eq!(
        to_whom(&first),
        [
            "dpo@telecom.example",
            "hans@telecom.example",
            "ida@telecom.example"
        ]
    );
    let to_hans = first
        .iter()
        .find(|m| m.to_address == "hans@telecom.example")
        .expect("hans");
    assert_eq!(
        to_hans.subject,
        "Reminder: 3 data protection requests need you"
    );
    for reference in [&ref1, &ref2, &ref4] {
        assert!(
            to_hans.body_text.contains(reference.as_str()),
            "{reference}"
        );
    }
    assert!(!to_hans.body_text.contains(ref3.as_str()));
    assert!(to_hans.body_text.contains("Due soon"));
    assert!(to_hans.body_text.contains("7 days left"));
    assert!(to_hans
        .body_text
        .contains(&format!("{}/dashboard/requests/{r1}", settings.base_url)));
    // No subject's name or address in an email to staff: the reference is enough.
    assert!(!to_hans.body_text.contains("Rolf") && !to_hans.body_text.contains("rolf@"));
    let to_ida = first
        .iter()
        .find(|m| m.to_address == "ida@telecom.example")
        .expect("ida");
    assert!(to_ida.body_text.contains(ref2.as_str()) && to_ida.body_text.contains(ref4.as_str()));
    assert!(!to_ida.body_text.contains(ref1.as_str()), "R1 is Hans's");
    assert_eq!(stages(&app, &r1), [7]);
    assert!(stages(&app, &r3).is_empty());

    // A restart later the same day, and five days before: nothing new.
    sweep(&app, &settings, noon(-7) + Duration::hours(3));
    sweep(&app, &settings, noon(-5));
    assert_eq!(staff_mail(&app, "reminder").len(), 3);

    // Two days before: the second threshold, once.
    sweep(&app, &settings, noon(-2));
    sweep(&app, &settings, noon(-1));
    sweep(&app, &settings, noon(0));
    let mail = staff_mail(&app, "reminder");
    assert_eq!(mail.len(), 6);
    assert!(mail[3..]
        .iter()
        .all(|m| !m.body_text.contains("7 days left")));
    assert_eq!(stages(&app, &r1), [7, 2]);

    // Overdue: once a day, however often the sweeper runs that day.
    sweep(&app, &settings, noon(1));
    sweep_twice_at_once(&app, &settings, noon(1) + Duration::hours(2));
    sweep(&app, &settings, noon(2));
    let mail = staff_mail(&app, "reminder");
    assert_eq!(mail.len(), 12);
    let hans_overdue: Vec<&OutboxMessage> = mail[6..]
        .iter()
        .filter(|m| m.to_address == "hans@telecom.example")
        .collect();
    assert_eq!(hans_overdue.len(), 2);
    assert!(hans_overdue[0].body_text.contains("overdue by 1 day"));
    assert!(hans_overdue[1].body_text.contains("overdue by 2 days"));
    assert!(hans_overdue[1].body_text.contains("Overdue"));
    assert_eq!(stages(&app, &r1), [7, 2, -1, -2]);
    assert_eq!(stages(&app, &r2), [7, 2, -1, -2]);
    assert!(
        stages(&app, &r3).is_empty(),
        "a stopped clock is never overdue"
    );

    // The mail goes out through the real SMTP server once its time comes.
    app.clock.set(noon(2) + Duration::minutes(1));
    let got = app
        .wait_for_mail(
            "hans@telecom.example",
            "Reminder: 3 data protection requests need you",
        )
        .await;
    assert!(got.text.contains(ref1.as_str()), "{}", got.text);
}

#[tokio::test]
async fn an_extension_moves_the_reminders_to_the_new_due_date() {
    let app = TestApp::spawn_at(&[("DSR_REMINDER_DAYS", "3")], monday(10)).await;
    let settings = app.settings_with_key();
    let admin = app.admin_client().await;
    let (id, _) = enter_by_hand(&app, &admin, "Eli Ext", "eli@example.no", 0).await;
    let due = due_date(&app, &id);
    sweep(&app, &settings, local(&app, due - Duration::days(3), 9, 0));
    assert_eq!(stages(&app, &id), [3]);
    let extend_to = (due + Duration::days(35)).to_string();
    act_on(
        &app,
        &admin,
        &id,
        "extend",
        &[
            ("extend_to", extend_to.as_str()),
            (
                "extension_reason",
                "Records are spread over three archived systems.",
            ),
        ],
    )
    .await;
    let new_due = due_date(&app, &id);
    assert_eq!(new_due, due + Duration::days(35));
    // The old due date passes without an overdue reminder; the new one gets its own.
    sweep(&app, &settings, local(&app, due + Duration::days(1), 9, 0));
    assert_eq!(staff_mail(&app, "reminder").len(), 1);
    sweep(
        &app,
        &settings,
        local(&app, new_due - Duration::days(2), 9, 0),
    );
    assert_eq!(staff_mail(&app, "reminder").len(), 2);
    let mut conn = app.pool.get().expect("conn");
    let rows = dsr_tracker::db::reminders::for_request(&mut conn, &id).expect("rows");
    assert_eq!(
        rows.iter()
            .map(|r| (r.due_date, r.stage))
            .collect::<Vec<_>>(),
        [(due, 3), (new_due, 3)]
    );
}

#[tokio::test]
async fn the_digest_lists_each_handlers_work_once_a_day_and_can_be_switched_off() {
    // The app's clock stays at 05:00, before the digest time, so only these runs send it.
    let app = TestApp::spawn_at(&[("DSR_DIGEST_TIME", "07:00")], monday(5)).await;
    let settings = app.settings_with_key();
    let admin = app.admin_client().await;
    let hans = app.create_user("hans@telecom.example", "handler");
    let ida = app.create_user("ida@telecom.example", "handler");
    app.create_user("audun@telecom.example", "auditor");
    let today = local_date(app.clock_now().naive_utc(), app.settings.timezone);

    // Hans: A overdue, B due within a week, C waiting for the subject, all handed to him
    // today. E is nobody's. F is Ida's.
    let (a, ref_a) = enter_by_hand(&app, &admin, "Anna A", "anna@example.no", 40).await;
    let (b, ref_b) = enter_by_hand(&app, &admin, "Bjørn B", "bjorn@example.no", 26).await;
    let (c, ref_c) = enter_by_hand(&app, &admin, "Cato C", "cato@example.no", 0).await;
    let (_, ref_e) = enter_by_hand(&app, &admin, "Elin E", "elin@example.no", 0).await;
    let (f, _) = enter_by_hand(&app, &admin, "Frida F", "frida@example.no", 0).await;
    for id in [&a, &b, &c] {
        act_on(&app, &admin, id, "assign", &[("assignee", &hans.id)]).await;
    }
    act_on(&app, &admin, &f, "assign", &[("assignee", &ida.id)]).await;
    act_on(&app, &admin, &c, "start", &[]).await;
    act_on(
        &app,
        &admin,
        &c,
        "ask",
        &[
            ("purpose", "identity"),
            ("question", "Which town is on your last invoice?"),
        ],
    )
    .await;

    // Ida switches hers off on her account page.
    let ida_client = TestApp::client();
    app.login(&ida_client, "ida@telecom.example", ADMIN_PASSWORD)
        .await;
    let (_, page) = app.get(&ida_client, "/dashboard/account").await;
    assert!(page.contains("every morning at 07:00"), "{page}");
    assert_eq!(
        page.matches("id=\"digest\"").count(),
        1,
        "one digest form: {page}"
    );
    assert!(page.contains("<title>Your account"), "{page}");
    assert!(page.contains("name=\"digest\" value=\"on\" checked"));
    let token = app.csrf(&ida_client, "/dashboard/account").await;
    let (status, page, _) = app
        .post_form(
            &ida_client,
            "/dashboard/account/digest",
            &[("csrf_token", token.as_str())],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("The daily digest is off"), "{page}");
    assert!(!page.contains("value=\"on\" checked"));
    let (status, _, _) = app
        .post_form(
            &ida_client,
            "/dashboard/account/digest",
            &[("csrf_token", token.as_str()), ("digest", "maybe")],
        )
        .await;
    assert_eq!(status, 400, "a value no form sends");
    let (status, _, _) = app
        .post_form(
            &ida_client,
            "/dashboard/account/digest",
            &[("digest", "on")],
        )
        .await;
    assert_eq!(status, 403, "no CSRF token");
    {
        use dsr_tracker::db::schema::audit_events;
        let mut conn = app.pool.get().expect("conn");
        let actions: Vec<String> = audit_events::table
            .filter(audit_events::action.like("digest_%"))
            .select(audit_events::action)
            .load(&mut conn)
            .expect("audit");
        assert_eq!(actions, ["digest_off"]);
    }

    // One email to a subject could not be sent: the digest says so.
    {
        let mut conn = app.pool.get().expect("conn");
        let one: String = outbox::table
            .filter(outbox::request_id.eq(&f))
            .select(outbox::id)
            .first(&mut conn)
            .expect("F's acknowledgement");
        diesel::update(outbox::table.filter(outbox::id.eq(one)))
            .set(outbox::status.eq("failed"))
            .execute(&mut conn)
            .expect("failed");
    }

    // Before the digest time: nothing.
    sweep(&app, &settings, local(&app, today, 6, 59));
    assert!(staff_mail(&app, "digest").is_empty());

    // At the digest time, two sweepers at once: one each for Hans and Dana (nothing of
    // hers, but a request nobody has taken); none for Ida (off) or the auditor.
    sweep_twice_at_once(&app, &settings, local(&app, today, 7, 0));
    let first = staff_mail(&app, "digest");
    assert_eq!(
        to_whom(&first),
        ["dpo@telecom.example", "hans@telecom.example"]
    );
    let hans_mail = &first
        .iter()
        .find(|m| m.to_address == "hans@telecom.example")
        .expect("hans")
        .body_text;

    let section = |title: &str| -> String {
        let start = hans_mail
            .find(&format!("\n{title} ("))
            .unwrap_or_else(|| panic!("{title} in {hans_mail}"));
        let rest = &hans_mail[start + 1..];
        let end = rest.find("\n\n").unwrap_or(rest.len());
        rest[..end].to_string()
    };
    let overdue = section("Overdue");
    assert!(
        overdue.starts_with("Overdue (1)") && overdue.contains(ref_a.as_str()),
        "{overdue}"
    );
    let soon = section("Due soon");
    assert!(
        soon.starts_with("Due soon (1)") && soon.contains(ref_b.as_str()),
        "{soon}"
    );
    let waiting = section("Waiting for the subject");
    assert!(
        waiting.starts_with("Waiting for the subject (1)") && waiting.contains(ref_c.as_str()),
        "{waiting}"
    );
    let new = section("Newly assigned to you");
    assert!(new.starts_with("Newly assigned to you (3)"), "{new}");
    for r in [&ref_a, &ref_b, &ref_c] {
        assert!(new.contains(r.as_str()), "{r} in {new}");
    }
    assert!(hans_mail.contains("1 request is not assigned to anyone."));
    assert!(hans_mail.contains(&format!(
        "1 email could not be sent; the failed-mail page sends it again or corrects the address. {}/dashboard/mail/failed",
        settings.base_url
    )));
    assert!(!hans_mail.contains(ref_e.as_str()), "not his");
    let dana_mail = &first
        .iter()
        .find(|m| m.to_address == "dpo@telecom.example")
        .expect("dana")
        .body_text;
    assert!(dana_mail.contains("Overdue (0)\nNone."), "{dana_mail}");
    assert!(dana_mail.contains("1 request is not assigned to anyone."));

    // Later that day: nothing more.
    sweep(&app, &settings, local(&app, today, 15, 0));
    assert_eq!(staff_mail(&app, "digest").len(), 2);

    // The next morning: again, and nothing is "newly assigned" any more.
    sweep(
        &app,
        &settings,
        local(&app, today + Duration::days(1), 7, 5),
    );
    let all = staff_mail(&app, "digest");
    assert_eq!(all.len(), 4);
    let next = &all
        .iter()
        .rfind(|m| m.to_address == "hans@telecom.example")
        .expect("hans again")
        .body_text;
    assert!(next.contains("Newly assigned to you (0)\nNone."), "{next}");
    assert!(next.contains(ref_a.as_str()));

    // Ida switches it back on and gets hers the morning after.
    let token = app.csrf(&ida_client, "/dashboard/account").await;
    let (status, _, _) = app
        .post_form(
            &ida_client,
            "/dashboard/account/digest",
            &[("csrf_token", token.as_str()), ("digest", "on")],
        )
        .await;
    assert_eq!(status, 200);
    sweep(
        &app,
        &settings,
        local(&app, today + Duration::days(2), 8, 0),
    );
    assert!(staff_mail(&app, "digest")
        .iter()
        .any(|m| m.to_address == "ida@telecom.example"));
}

#[tokio::test]
async fn staff_emails_speak_the_configured_language() {
    for (lang, reminder_subject, overdue_words, digest_words) in [
        (
            "nb",
            "Påminnelse: 1 personvernhenvendelse trenger deg",
            "3 dager over fristen",
            "Nylig tildelt deg (0)",
        ),
        (
            "sv",
            "Påminnelse: 1 dataskyddsärende behöver dig",
            "3 dagar försenad",
            "Nyligen tilldelade dig (0)",
        ),
    ] {
        let app = TestApp::spawn_at(
            &[("DSR_LANGUAGE", lang), ("DSR_DIGEST_TIME", "07:00")],
            monday(5),
        )
        .await;
        let settings = app.settings_with_key();
        let admin = app.admin_client().await;
        let (id, reference) = enter_by_hand(&app, &admin, "Nils N", "nils@example.no", 0).await;
        let overdue_day = due_date(&app, &id) + Duration::days(3);
        sweep(&app, &settings, local(&app, overdue_day, 7, 30));
        let reminder = staff_mail(&app, "reminder");
        assert_eq!(reminder.len(), 1, "{lang}");
        assert_eq!(reminder[0].subject, reminder_subject);
        assert!(
            reminder[0].body_text.contains(overdue_words),
            "{lang}: {}",
            reminder[0].body_text
        );
        // Dana's digest the same morning: the request is hers to take (nobody has it).
        let digest = staff_mail(&app, "digest");
        assert_eq!(digest.len(), 1, "{lang}");
        assert!(
            digest[0].body_text.contains(digest_words),
            "{lang}: {}",
            digest[0].body_text
        );
        assert!(
            !digest[0].body_text.contains(reference.as_str()),
            "not hers"
        );
    }
}

#[tokio::test]
async fn past_a_thousand_the_digest_says_1000_plus_like_the_queue() {
    let app = TestApp::spawn_at(&[("DSR_DIGEST_TIME", "07:00")], monday(5)).await;
    let settings = app.settings_with_key();
    app.admin_client().await;
    {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::seed::seed_demo(&mut conn, &app.settings, app.clock_now(), 1_100, false)
            .expect("seed");
        diesel::sql_query(
            "UPDATE requests SET status = 'open', outcome = NULL, rejection_reason = NULL, \
             closed_at = NULL, paused_since = NULL, paused_on = NULL",
        )
        .execute(&mut conn)
        .expect("reopen everything");
    }
    let today = local_date(app.clock_now().naive_utc(), app.settings.timezone);
    sweep(&app, &settings, local(&app, today, 7, 0));
    let digest = staff_mail(&app, "digest");
    assert_eq!(digest.len(), 1);
    assert!(
        digest[0]
            .body_text
            .contains("1000+ requests are not assigned to anyone."),
        "{}",
        digest[0].body_text
    );
}
