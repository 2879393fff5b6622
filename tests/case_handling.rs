//! Issue 7, case handling: the handler's actions on the request page, driven through the
//! dashboard's forms over HTTP as a browser would, on SQLite and PostgreSQL.

mod support;

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use dsr_tracker::db::models::Request;
use dsr_tracker::domain::newtypes::FreeText;
use dsr_tracker::workflow::{case, Ctx};
use support::*;

/// 5 March 2026, 11:00 in Oslo. Legal deadline Tue 7 April (Easter moves it), our
/// 30-day promise Sat 4 April, latest extended date Fri 5 June (DESIGN §4).
fn march_5() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 5, 10, 0, 0)
        .single()
        .expect("date")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn request_id(app: &TestApp, reference: &str) -> String {
    use dsr_tracker::db::schema::requests;
    let mut conn = app.pool.get().expect("conn");
    requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::id)
        .first::<String>(&mut conn)
        .expect("request id")
}

fn row(app: &TestApp, id: &str) -> Request {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::requests::find(&mut conn, id)
        .expect("find")
        .expect("request")
}

/// (template, to, subject, text) of every outbox row of a request.
fn mails(app: &TestApp, id: &str) -> Vec<(String, String, String, String)> {
    let mut conn = app.pool.get().expect("conn");
    dsr_tracker::db::outbox::for_request(&mut conn, id)
        .expect("outbox")
        .into_iter()
        .map(|m| (m.template, m.to_address, m.subject, m.body_text))
        .collect()
}

/// Everything an action could change, to show that a refused one changed nothing.
fn state(app: &TestApp, id: &str) -> (Request, usize, usize) {
    let r = row(app, id);
    (r, mails(app, id).len(), audit_actions(app, id).len())
}

fn assert_unchanged(app: &TestApp, id: &str, before: &(Request, usize, usize), what: &str) {
    let after = state(app, id);
    assert_eq!(after.0.status, before.0.status, "{what}: status");
    assert_eq!(after.0.version, before.0.version, "{what}: version");
    assert_eq!(after.0.due_date, before.0.due_date, "{what}: due date");
    assert_eq!(
        after.0.assignee_id, before.0.assignee_id,
        "{what}: assignee"
    );
    assert_eq!(
        after.0.extended_to, before.0.extended_to,
        "{what}: extension"
    );
    assert_eq!(after.1, before.1, "{what}: no email");
    assert_eq!(after.2, before.2, "{what}: no audit event");
}

fn version_in(page: &str) -> Option<String> {
    let marker = "name=\"version\" value=\"";
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_string())
}

/// A handler (or any role) with a fresh login.
async fn login_as(app: &TestApp, email: &str) -> reqwest::Client {
    let c = TestApp::client();
    let (status, location) = app.login(&c, email, ADMIN_PASSWORD).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/dashboard")),
        "login {email}"
    );
    c
}

async fn page(app: &TestApp, c: &reqwest::Client, id: &str) -> String {
    let (status, body) = app.get(c, &format!("/dashboard/requests/{id}")).await;
    assert_eq!(status, 200, "request page");
    body
}

/// Post an action form as the page would: its CSRF token and the version it shows.
async fn act(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    let body = page(app, c, id).await;
    let token = csrf_in(&body).expect("csrf");
    // A closed request's page has no action forms: post what a stale page would.
    let version = version_in(&body).unwrap_or_else(|| row(app, id).version.to_string());
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token), ("version", &version)];
    form.extend_from_slice(fields);
    app.post_form(c, &format!("/dashboard/requests/{id}/{action}"), &form)
        .await
}

fn done(result: &(u16, String, Option<String>), id: &str, what: &str) {
    assert_eq!(result.0, 303, "{what}: {}", result.1);
    assert_eq!(
        result.2.as_deref(),
        Some(format!("/dashboard/requests/{id}?done={what}").as_str())
    );
}

/// The two steps of completing: the preview (which must show the email), then send with
/// the preview's hidden fields. Returns the send's answer.
async fn complete(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    fields: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    let (status, preview, _) = act(app, c, id, "complete/preview", fields).await;
    assert_eq!(status, 200, "preview: {preview}");
    send_previewed(app, c, id, &preview).await
}

async fn send_previewed(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    preview: &str,
) -> (u16, String, Option<String>) {
    let fields = [
        "csrf_token",
        "version",
        "outcome",
        "answer",
        "reasons",
        "digest",
    ]
    .map(|n| (n, hidden(preview, n)));
    let form: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    app.post_form(c, &format!("/dashboard/requests/{id}/complete"), &form)
        .await
}

/// A verified request (open), received at the clock's time, and an admin's client.
async fn open_request(app: &TestApp, subject: &str) -> (String, String) {
    let (reference, _) = submit_and_verify(app, &TestApp::client(), subject).await;
    (reference.clone(), request_id(app, &reference))
}

const ANSWER: &str = "Here is everything we hold about you: contract, invoices and call records.";

/// Handlers reach storage only through `workflow` (issue 7, "Shape"): no file under
/// `src/web/` names the storage layer.
#[test]
fn no_file_under_src_web_names_crate_db() {
    fn walk(dir: &Path, found: &mut Vec<String>, files: &mut usize) {
        for entry in std::fs::read_dir(dir).expect("read src/web") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, found, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                *files += 1;
                let text = std::fs::read_to_string(&path).expect("read file");
                for (n, line) in text.lines().enumerate() {
                    let compact: String = line.split_whitespace().collect();
                    let grouped = compact.contains("crate::{")
                        && ["{db", ",db"].iter().any(|p| compact.contains(p));
                    if compact.contains("crate::db")
                        || compact.contains("dsr_tracker::db")
                        || grouped
                    {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    let mut files = 0;
    walk(Path::new("src/web"), &mut found, &mut files);
    assert!(
        files > 10,
        "walked only {files} files: is this the crate root?"
    );
    assert!(
        found.is_empty(),
        "src/web must reach storage through workflow, not crate::db:\n{}",
        found.join("\n")
    );
}

#[tokio::test]
async fn a_request_is_worked_from_receipt_to_a_fulfilled_answer_through_the_forms() {
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let admin = app.admin_client().await;
    let hanne = app.create_user("hanne@telecom.example", "handler");
    let (reference, id) = open_request(&app, "kari@example.no").await;

    // Assign to another handler, then to me.
    let r = act(&app, &admin, &id, "assign", &[("assignee", &hanne.id)]).await;
    done(&r, &id, "assigned");
    let (_, body) = app.get(&admin, r.2.as_deref().expect("location")).await;
    assert!(body.contains("The request is assigned."), "notice");
    assert!(
        body.contains("Test Handler (hanne@telecom.example)"),
        "{body}"
    );
    assert_eq!(
        row(&app, &id).assignee_id.as_deref(),
        Some(hanne.id.as_str())
    );
    let r = act(&app, &admin, &id, "assign", &[]).await;
    done(&r, &id, "assigned");
    assert!(page(&app, &admin, &id)
        .await
        .contains("Dana DPO (dpo@telecom.example)"));

    // Start.
    let r = act(&app, &admin, &id, "start", &[]).await;
    done(&r, &id, "started");
    assert_eq!(row(&app, &id).status, "in_progress");

    // Complete: the preview shows the email as it will be sent; nothing is sent yet.
    let (status, preview, _) = act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[("outcome", "fulfilled"), ("answer", ANSWER)],
    )
    .await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview.contains("Preview the answer"));
    assert!(preview.contains(&format!("Your request {reference} is done")));
    assert!(preview.contains(ANSWER));
    assert!(
        preview.contains("Data protection officer"),
        "DPO contact in the email"
    );
    assert_eq!(
        row(&app, &id).status,
        "in_progress",
        "a preview changes nothing"
    );
    assert!(!mails(&app, &id)
        .iter()
        .any(|m| m.0.starts_with("completion")));

    let r = send_previewed(&app, &admin, &id, &preview).await;
    done(&r, &id, "completed");
    let done_row = row(&app, &id);
    assert_eq!(done_row.status, "completed");
    assert_eq!(done_row.outcome.as_deref(), Some("fulfilled"));
    assert_eq!(done_row.answer_text.as_deref(), Some(ANSWER));
    assert!(done_row.closed_at.is_some());
    let mail = app.wait_for_mail("kari@example.no", "is done").await;
    assert!(mail.text.contains(ANSWER));
    assert!(
        mail.text.contains("Example Telecom AS"),
        "names the organisation"
    );
    assert!(
        mail.text.contains("privacy@telecom.example"),
        "gives the DPO contact"
    );
    assert!(
        !mail.text.contains("Datatilsynet"),
        "no Art. 12(4) notice when fulfilled"
    );
    let actions = audit_actions(&app, &id);
    for a in ["assigned", "started", "completed"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
    let body = page(&app, &admin, &id).await;
    assert!(body.contains("Answer sent to the subject"));
    assert!(
        !body.contains("id=\"action-complete\""),
        "no more actions on a closed request"
    );
}

#[tokio::test]
async fn a_subject_verified_another_way_is_acknowledged_and_the_method_recorded() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let reference = submit_request(
        &app,
        &TestApp::client(),
        "ola@example.no",
        &[("kind", "access")],
    )
    .await;
    let id = request_id(&app, &reference);
    assert_eq!(row(&app, &id).status, "awaiting_verification");

    // The method is required; what was typed elsewhere is kept.
    let before = state(&app, &id);
    let (status, body, _) = act(&app, &admin, &id, "verify", &[("method", "  ")]).await;
    assert_eq!(status, 422);
    assert!(
        body.contains(r#"<p class="field-error" id="method-error">Please fill in this field.</p>"#),
        "{body}"
    );
    assert_unchanged(&app, &id, &before, "verify without a method");

    let r = act(
        &app,
        &admin,
        &id,
        "verify",
        &[("method", "ID card checked in shop")],
    )
    .await;
    done(&r, &id, "verified");
    let v = row(&app, &id);
    assert_eq!(v.status, "open");
    assert_eq!(
        v.verification_method.as_deref(),
        Some("ID card checked in shop")
    );
    assert!(v.verified_at.is_some());
    assert!(page(&app, &admin, &id)
        .await
        .contains("ID card checked in shop"));
    let ack = app
        .wait_for_mail("ola@example.no", "We have your request")
        .await;
    assert!(ack.text.contains(&reference));
    // The emailed verification link has nothing left to do.
    let mail = app
        .wait_for_mail("ola@example.no", "Confirm your request")
        .await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base))
        .into_iter()
        .next()
        .expect("verify link");
    let (status, _) = app
        .get(&TestApp::client(), link.trim_start_matches(&app.base))
        .await;
    assert_eq!(status, 404, "a used link");
    assert_eq!(row(&app, &id).status, "open");
}

#[tokio::test]
async fn asking_the_subject_sends_the_question_with_a_status_link_and_stops_the_clock() {
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let admin = app.admin_client().await;
    let (reference, id) = open_request(&app, "kari@example.no").await;
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");

    // Purpose and question are required; what was typed is kept.
    let before = state(&app, &id);
    let (status, body, _) = act(&app, &admin, &id, "ask", &[("question", "Which address?")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Say what the question is for"), "{body}");
    assert!(body.contains("Which address?"), "typed text kept");
    assert_unchanged(&app, &id, &before, "ask without a purpose");

    let question = "Please confirm the address on your last invoice.";
    let r = act(
        &app,
        &admin,
        &id,
        "ask",
        &[("purpose", "identity"), ("question", question)],
    )
    .await;
    done(&r, &id, "asked");
    let asked = row(&app, &id);
    assert_eq!(asked.status, "awaiting_subject");
    assert!(
        asked.paused_since.is_some(),
        "Art. 12(6): the clock stops when the question is queued"
    );
    let mail = app
        .wait_for_mail(
            "kari@example.no",
            &format!("A question about your request {reference}"),
        )
        .await;
    assert!(mail.text.contains(question));
    assert!(mail.text.contains("Art. 12(6)"));
    assert!(mail.text.contains("stands still"));
    let links = extract_links(&mail.text, &format!("{}/s/", app.base));
    assert_eq!(links.len(), 1, "a link to the status page: {}", mail.text);
    // The link opens the subject's status page.
    let subject = TestApp::client();
    let r = app.get_full(&subject, &links[0]).await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, _) = app.get(&subject, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 200);
    let body = page(&app, &admin, &id).await;
    assert!(body.contains(question));
    assert!(body.contains("(paused now)"));
}

#[tokio::test]
async fn a_pause_moves_the_due_date_by_the_whole_days_paused_and_other_questions_do_not_pause() {
    // The subject's answer form is part B's (the status page); the answer here goes
    // through the workflow function that page calls, `case::subject_answered`.
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    assert_eq!(row(&app, &id).due_date, day(2026, 4, 4));
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    let r = act(
        &app,
        &admin,
        &id,
        "ask",
        &[("purpose", "clarification"), ("question", "Which years?")],
    )
    .await;
    done(&r, &id, "asked");

    // Three days and 20 hours later the subject answers: three whole days paused.
    app.clock.advance(Duration::hours(3 * 24 + 20));
    let answer = |app: &TestApp, text: &str| {
        let settings = app.settings_with_key();
        let ctx = Ctx {
            settings: &settings,
            now: app.clock_now(),
        };
        let mut conn = app.pool.get().expect("conn");
        case::subject_answered(
            &mut conn,
            &ctx,
            "kari@example.no",
            &id,
            &FreeText::parse(text, 5000, "an answer").expect("text"),
        )
    };
    // Someone else's address finds nothing.
    assert!(answer_as(&app, "mallory@example.no", &id).is_err());
    answer(&app, "2019 to 2023, please.").expect("answered");
    let resumed = row(&app, &id);
    assert_eq!(resumed.status, "in_progress");
    assert_eq!(resumed.paused_days, 3);
    assert!(resumed.paused_since.is_none());
    assert_eq!(
        resumed.due_date,
        day(2026, 4, 7),
        "4 April + 3 days paused (EDPB 01/2022 §159)"
    );
    let admin = login_as(&app, "dpo@telecom.example").await;
    let body = page(&app, &admin, &id).await;
    assert!(
        body.contains("2019 to 2023, please."),
        "the answer on the request page"
    );
    // The legal month ends on Easter Sunday 5 April; + 3 days = Wednesday 8 April.
    assert!(
        body.contains("<td class=\"legal-due\">8 April 2026</td>"),
        "{body}"
    );

    // A question for something else does not stop the clock.
    let r = act(
        &app,
        &admin,
        &id,
        "ask",
        &[("purpose", "other"), ("question", "Paper or email?")],
    )
    .await;
    done(&r, &id, "asked");
    assert!(row(&app, &id).paused_since.is_none());
    app.clock.advance(Duration::days(2));
    answer(&app, "Email.").expect("answered");
    let after = row(&app, &id);
    assert_eq!(after.paused_days, 3, "no days added");
    assert_eq!(after.due_date, day(2026, 4, 7));
}

fn answer_as(
    app: &TestApp,
    email: &str,
    id: &str,
) -> Result<(), dsr_tracker::workflow::WorkflowError> {
    let settings = app.settings_with_key();
    let ctx = Ctx {
        settings: &settings,
        now: app.clock_now(),
    };
    let mut conn = app.pool.get().expect("conn");
    case::subject_answered(
        &mut conn,
        &ctx,
        email,
        id,
        &FreeText::parse("x", 10, "x").expect("x"),
    )
}

#[tokio::test]
async fn an_extension_before_the_policy_date_moves_the_due_date_and_tells_the_subject_why() {
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let admin = app.admin_client().await;
    let (reference, id) = open_request(&app, "kari@example.no").await;

    // A reason is required and the date may not pass three months; both said beside the field.
    let before = state(&app, &id);
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "extend",
        &[("extend_to", "2026-06-05"), ("extension_reason", "")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains(
            r#"<p class="field-error" id="extension_reason-error">Please fill in this field.</p>"#
        ),
        "{body}"
    );
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "extend",
        &[
            ("extend_to", "2026-06-08"),
            ("extension_reason", "Many systems."),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("after 5 June 2026, the latest date Art. 12(3) allows"),
        "{body}"
    );
    assert!(body.contains("Many systems."), "typed text kept");
    assert_unchanged(&app, &id, &before, "refused extensions");

    app.clock.set(march_5() + Duration::days(20));
    let admin = login_as(&app, "dpo@telecom.example").await;
    let reason = "Ten years of call records in three systems.";
    let r = act(
        &app,
        &admin,
        &id,
        "extend",
        &[("extend_to", "2026-05-29"), ("extension_reason", reason)],
    )
    .await;
    done(&r, &id, "extended");
    let e = row(&app, &id);
    assert_eq!(e.extended_to, Some(day(2026, 5, 29)));
    assert_eq!(e.due_date, day(2026, 5, 29));
    assert_eq!(e.extension_reason.as_deref(), Some(reason));
    assert!(!e.missed_policy_date, "extended in time");
    let mail = app
        .wait_for_mail("kari@example.no", "We need more time")
        .await;
    assert!(mail.subject.contains(&reference) && mail.subject.contains("29 May 2026"));
    assert!(mail.text.contains(reason));
    assert!(mail.text.contains("4 April 2026"), "the date before");
    let (_, queue) = app.get(&admin, "/dashboard").await;
    assert!(!queue.contains("promise missed"));

    // Art. 12(3) allows one extension.
    let before = state(&app, &id);
    let (status, _, _) = act(
        &app,
        &admin,
        &id,
        "extend",
        &[("extend_to", "2026-06-05"), ("extension_reason", "More.")],
    )
    .await;
    assert_eq!(status, 422);
    assert_unchanged(&app, &id, &before, "second extension");
}

#[tokio::test]
async fn an_extension_after_the_policy_date_but_before_the_legal_deadline_is_allowed_and_marked() {
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let _admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    // Monday 6 April (Easter Monday): our promise (Sat 4 April) has passed, the legal
    // month runs until Tue 7 April.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 4, 6, 10, 0, 0)
            .single()
            .expect("date"),
    );
    let admin = login_as(&app, "dpo@telecom.example").await;
    let r = act(
        &app,
        &admin,
        &id,
        "extend",
        &[
            ("extend_to", "2026-06-05"),
            ("extension_reason", "Records in archived systems."),
        ],
    )
    .await;
    done(&r, &id, "extended");
    let e = row(&app, &id);
    assert!(
        e.missed_policy_date,
        "marked: the organisation missed its promise"
    );
    assert_eq!(e.due_date, day(2026, 6, 5));
    let (_, queue) = app.get(&admin, "/dashboard").await;
    let line = queue
        .split("<tr class=\"urgency-")
        .find(|r| r.contains(&id))
        .expect("the request in the queue");
    assert!(line.contains("promise missed"), "{line}");
    assert!(page(&app, &admin, &id).await.contains("Promise missed"));
    app.wait_for_mail("kari@example.no", "We need more time")
        .await;
}

#[tokio::test]
async fn an_extension_after_the_legal_deadline_is_refused_and_says_why() {
    let app = TestApp::spawn().await;
    app.clock.set(march_5());
    let _admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 4, 8, 10, 0, 0)
            .single()
            .expect("date"),
    );
    let admin = login_as(&app, "dpo@telecom.example").await;
    let before = state(&app, &id);
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "extend",
        &[
            ("extend_to", "2026-06-05"),
            ("extension_reason", "Too late, sadly."),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("The legal deadline 7 April 2026 has already passed; Art. 12(3) allows an extension only within the first month."),
        "{body}"
    );
    assert!(body.contains("Too late, sadly."), "typed text kept");
    assert_unchanged(&app, &id, &before, "extension after the legal deadline");
    assert!(!mails(&app, &id).iter().any(|m| m.0 == "extension"));
}

#[tokio::test]
async fn a_partial_answer_needs_reasons_and_carries_the_art_12_4_notice() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = open_request(&app, "kari@example.no").await;
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    let before = state(&app, &id);

    // The page offers the answer to start from for the kind and outcome.
    let body = page(&app, &admin, &id).await;
    assert!(body.contains("We have gathered the personal data we hold about you (Art. 15)."));
    // Left as the template: refused.
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[
            ("outcome", "fulfilled"),
            ("answer", "Done. [[ Describe the data. ]]"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("Replace the parts in [[ ]]"), "{body}");
    // Partial without reasons: refused, the answer kept.
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[
            ("outcome", "partially_fulfilled"),
            ("answer", "We sent the invoices."),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains(
            r#"<p class="field-error" id="reasons-error">Please fill in this field.</p>"#
        ),
        "{body}"
    );
    assert!(body.contains("We sent the invoices."), "typed answer kept");
    // Sending without a preview is refused.
    let token = csrf_in(&page(&app, &admin, &id).await).expect("csrf");
    let (status, _, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/requests/{id}/complete"),
            &[
                ("csrf_token", &token),
                ("version", &before.0.version.to_string()),
                ("outcome", "fulfilled"),
                ("answer", ANSWER),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert_unchanged(&app, &id, &before, "refused completions");

    let reasons = "Call records older than six months are deleted under our retention rules.";
    let r = complete(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "partially_fulfilled"),
            ("answer", "We sent the invoices."),
            ("reasons", reasons),
        ],
    )
    .await;
    done(&r, &id, "completed");
    let c = row(&app, &id);
    assert_eq!(c.outcome.as_deref(), Some("partially_fulfilled"));
    assert_eq!(c.outcome_reasons.as_deref(), Some(reasons));
    let mail = app.wait_for_mail("kari@example.no", &reference).await;
    let mail = if mail.subject.contains("partly done") {
        mail
    } else {
        app.wait_for_mail("kari@example.no", "partly done").await
    };
    for part in [mail.text.as_str(), mail.html.as_deref().unwrap_or("")] {
        assert!(part.contains(reasons));
        assert!(part.contains("Datatilsynet"), "Art. 12(4): the authority");
        assert!(part.contains("Postboks 458 Sentrum"), "its postal address");
        assert!(
            part.contains("https://www.datatilsynet.no"),
            "its web address"
        );
        assert!(part.contains("judicial remedy"));
    }
}

#[tokio::test]
async fn no_data_held_completes_with_its_own_email() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    // Lines as a browser sends them (CRLF) survive the preview's hidden fields.
    let r = complete(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "no_data_held"),
            (
                "answer",
                "We searched billing and CRM\r\nby your email address.",
            ),
        ],
    )
    .await;
    done(&r, &id, "completed");
    let c = row(&app, &id);
    assert_eq!(c.outcome.as_deref(), Some("no_data_held"));
    assert_eq!(
        c.answer_text.as_deref(),
        Some("We searched billing and CRM\nby your email address.")
    );
    let mail = app
        .wait_for_mail("kari@example.no", "we hold no data about you")
        .await;
    assert!(mail.text.contains("We searched billing and CRM"));
}

#[tokio::test]
async fn a_rejection_needs_a_justification_and_names_the_configured_authority() {
    let app = TestApp::spawn_with(&[
        ("DSR_AUTHORITY_NAME", "Testtilsynet"),
        ("DSR_AUTHORITY_ADDRESS", "Postboks 1, 9999 Testby"),
        ("DSR_AUTHORITY_URL", "https://tilsyn.example"),
        ("DSR_DPO_NAME", "Dana the DPO"),
        ("DSR_DPO_EMAIL", "dpo@telecom.example"),
    ])
    .await;
    let admin = app.admin_client().await;
    let (reference, id) = open_request(&app, "kari@example.no").await;
    let before = state(&app, &id);
    let (status, body, _) = act(
        &app,
        &admin,
        &id,
        "reject",
        &[
            ("rejection_reason", "excessive"),
            ("justification", "Too many."),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Art. 12(5)"),
        "unfounded or excessive must be explained: {body}"
    );
    assert!(body.contains("Too many."), "kept");
    let (status, _, _) = act(
        &app,
        &admin,
        &id,
        "reject",
        &[("rejection_reason", "other"), ("justification", " ")],
    )
    .await;
    assert_eq!(status, 422, "every rejection needs reasons (Art. 12(4))");
    assert_unchanged(&app, &id, &before, "refused rejections");

    let why = "This is the fifth identical request this month; each was answered in full.";
    let r = act(
        &app,
        &admin,
        &id,
        "reject",
        &[("rejection_reason", "excessive"), ("justification", why)],
    )
    .await;
    done(&r, &id, "rejected");
    let x = row(&app, &id);
    assert_eq!(x.status, "rejected");
    assert_eq!(x.rejection_reason.as_deref(), Some("excessive"));
    assert_eq!(x.rejection_justification.as_deref(), Some(why));
    let mail = app
        .wait_for_mail(
            "kari@example.no",
            &format!("We cannot act on your request {reference}"),
        )
        .await;
    for part in [mail.text.as_str(), mail.html.as_deref().unwrap_or("")] {
        assert!(part.contains(why));
        assert!(part.contains("Excessive (Art. 12(5))"));
        assert!(
            part.contains("Testtilsynet"),
            "the configured authority: {part}"
        );
        assert!(part.contains("Postboks 1, 9999 Testby"));
        assert!(part.contains("https://tilsyn.example"));
        assert!(part.contains("judicial remedy"));
        assert!(part.contains("Dana the DPO") && part.contains("dpo@telecom.example"));
        assert!(!part.contains("Datatilsynet"));
    }
}

#[tokio::test]
async fn a_handler_withdraws_for_the_subject_with_the_reason_recorded() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = open_request(&app, "kari@example.no").await;
    let (status, _, _) = act(&app, &admin, &id, "withdraw", &[("withdrawal_reason", "")]).await;
    assert_eq!(status, 422);
    let reason = "Phoned on 5 March: the problem was solved by customer service.";
    let r = act(
        &app,
        &admin,
        &id,
        "withdraw",
        &[("withdrawal_reason", reason)],
    )
    .await;
    done(&r, &id, "withdrawn");
    let w = row(&app, &id);
    assert_eq!(w.status, "withdrawn");
    assert_eq!(w.withdrawal_reason.as_deref(), Some(reason));
    let mail = app
        .wait_for_mail(
            "kari@example.no",
            &format!("Your request {reference} is withdrawn"),
        )
        .await;
    assert!(mail.text.contains("privacy@telecom.example"), "DPO contact");
    assert!(page(&app, &admin, &id).await.contains(reason));
}

#[tokio::test]
async fn internal_notes_are_shown_to_handlers_and_never_emailed() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    let secret = "Internal: customer also has a fraud case, do not mention it.";
    let (status, _, _) = act(&app, &admin, &id, "notes", &[("note", "")]).await;
    assert_eq!(status, 422);
    done(
        &act(&app, &admin, &id, "notes", &[("note", secret)]).await,
        &id,
        "noted",
    );
    assert!(page(&app, &admin, &id).await.contains(secret));
    // Work the request to its end: none of its emails carries the note.
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    done(
        &act(
            &app,
            &admin,
            &id,
            "ask",
            &[("purpose", "other"), ("question", "Paper or email?")],
        )
        .await,
        &id,
        "asked",
    );
    app.wait_for_outbox_sent().await;
    for (template, _, subject, text) in mails(&app, &id) {
        assert!(
            !text.contains(secret) && !subject.contains(secret),
            "{template}"
        );
    }
    for m in app.smtp.messages() {
        assert!(!m.raw.contains("fraud case"), "{}", m.subject);
    }
    // The audit trail says a note was added, not what it says.
    assert!(audit_actions(&app, &id).contains(&"note_added".to_string()));
    let mut conn = app.pool.get().expect("conn");
    for e in dsr_tracker::db::audit::for_request(&mut conn, &id).expect("audit") {
        assert!(!e.note.unwrap_or_default().contains("fraud"));
    }
}

#[tokio::test]
async fn every_illegal_transition_is_refused_with_why_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let answer_fields = [("outcome", "fulfilled"), ("answer", ANSWER)];
    let question = [("purpose", "identity"), ("question", "Your address?")];
    let method = [("method", "Logged in to My Page")];
    let reject = [
        ("rejection_reason", "not_applicable"),
        ("justification", "Not on consent."),
    ];
    // (action, fields, the words of the TransitionError once the status is known)
    type Try<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let start: Try = ("start", &[], "cannot be started");
    let verify: Try = ("verify", &method, "cannot be verified");
    let ask: Try = ("ask", &question, "cannot be put on hold for the subject");
    let complete: Try = ("complete/preview", &answer_fields, "cannot be completed");
    let rejecting: Try = ("reject", &reject, "cannot be rejected");
    let withdraw: Try = ("withdraw", &[("withdrawal_reason", "Phoned.")], "withdrawn");

    async fn refuse(app: &TestApp, c: &reqwest::Client, id: &str, status_words: &str, t: Try<'_>) {
        let before = state(app, id);
        let (code, body, _) = act(app, c, id, t.0, t.1).await;
        assert_eq!(code, 409, "{} on {}: {body}", t.0, before.0.status);
        assert!(
            body.contains(&format!("A request that is {status_words} {}", t.2)),
            "{} on {}: {body}",
            t.0,
            before.0.status
        );
        assert_unchanged(app, id, &before, t.0);
    }

    // Awaiting verification: no start, no question, no completion.
    let reference = submit_request(
        &app,
        &TestApp::client(),
        "a@example.no",
        &[("kind", "access")],
    )
    .await;
    let id = request_id(&app, &reference);
    for t in [start, ask, complete] {
        refuse(&app, &admin, &id, "awaiting verification", t).await;
    }
    // Open: not verified again, no question, no completion.
    let (_, id) = open_request(&app, "b@example.no").await;
    for t in [verify, ask, complete] {
        refuse(&app, &admin, &id, "open", t).await;
    }
    // In progress: not started or verified again.
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    for t in [start, verify] {
        refuse(&app, &admin, &id, "in progress", t).await;
    }
    // Awaiting the subject: only the answer, a withdrawal or expiry move it.
    done(
        &act(&app, &admin, &id, "ask", &question).await,
        &id,
        "asked",
    );
    for t in [start, verify, ask, complete, rejecting] {
        refuse(&app, &admin, &id, "awaiting answer from the subject", t).await;
    }
    // Closed requests never change: every action, assignment and extension included.
    done(
        &act(
            &app,
            &admin,
            &id,
            "withdraw",
            &[("withdrawal_reason", "Phoned.")],
        )
        .await,
        &id,
        "withdrawn",
    );
    let assign: Try = ("assign", &[], "");
    let extend: Try = (
        "extend",
        &[("extend_to", "2099-01-01"), ("extension_reason", "x")],
        "",
    );
    for t in [
        start, verify, ask, complete, rejecting, withdraw, assign, extend,
    ] {
        let before = state(&app, &id);
        let (code, body, _) = act(&app, &admin, &id, t.0, t.1).await;
        assert_eq!(code, 409, "{}: {body}", t.0);
        assert!(
            body.contains("The request is already withdrawn and cannot change any more."),
            "{}: {body}",
            t.0
        );
        assert_unchanged(&app, &id, &before, t.0);
    }
}

#[tokio::test]
async fn a_form_from_a_stale_page_changes_nothing_and_says_so() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    let old_page = page(&app, &admin, &id).await;
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    // The old page's reject form, sent now.
    let before = state(&app, &id);
    let token = csrf_in(&old_page).expect("csrf");
    let (status, body, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/requests/{id}/reject"),
            &[
                ("csrf_token", &token),
                ("version", &version_in(&old_page).expect("version")),
                ("rejection_reason", "not_applicable"),
                ("justification", "Not processed on consent."),
            ],
        )
        .await;
    assert_eq!(status, 409);
    assert!(
        body.contains(
            "Someone else changed this request while you had it open (it is now in progress)"
        ),
        "{body}"
    );
    assert!(
        body.contains("Not processed on consent."),
        "what was typed is kept"
    );
    assert_unchanged(&app, &id, &before, "stale form");
    // A form without a version is refused too.
    let (status, _, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/requests/{id}/start"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(status, 409);
    assert_unchanged(&app, &id, &before, "no version");
}

#[tokio::test]
async fn two_handlers_completing_the_same_request_at_once_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    app.create_user("hanne@telecom.example", "handler");
    let hanne = login_as(&app, "hanne@telecom.example").await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    done(&act(&app, &admin, &id, "start", &[]).await, &id, "started");
    // Both write their answer and preview it on the same version of the request.
    let (s1, p1, _) = act(
        &app,
        &admin,
        &id,
        "complete/preview",
        &[("outcome", "fulfilled"), ("answer", "Answer from Dana.")],
    )
    .await;
    let (s2, p2, _) = act(
        &app,
        &hanne,
        &id,
        "complete/preview",
        &[
            ("outcome", "no_data_held"),
            ("answer", "Answer from Hanne."),
        ],
    )
    .await;
    assert_eq!((s1, s2), (200, 200));
    let (a, b) = tokio::join!(
        send_previewed(&app, &admin, &id, &p1),
        send_previewed(&app, &hanne, &id, &p2)
    );
    let mut codes = [a.0, b.0];
    codes.sort();
    assert_eq!(codes, [303, 409], "one wins: {} / {}", a.1, b.1);
    let loser = if a.0 == 409 { &a.1 } else { &b.1 };
    assert!(
        loser.contains("Someone else changed this request"),
        "{loser}"
    );
    let completions: Vec<_> = mails(&app, &id)
        .into_iter()
        .filter(|m| m.0.starts_with("completion"))
        .collect();
    assert_eq!(completions.len(), 1, "one answer sent");
    let completed = audit_actions(&app, &id)
        .iter()
        .filter(|a| *a == "completed")
        .count();
    assert_eq!(completed, 1, "one audit event");
    let winner_answer = row(&app, &id).answer_text.expect("answer");
    assert!(
        completions[0].3.contains(&winner_answer),
        "the email is the winner's answer"
    );
}

#[tokio::test]
async fn an_auditor_gets_403_on_every_action_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let _admin = app.admin_client().await;
    app.create_user("audrey@telecom.example", "auditor");
    let auditor = login_as(&app, "audrey@telecom.example").await;
    let (_, id) = open_request(&app, "kari@example.no").await;
    let body = page(&app, &auditor, &id).await;
    assert!(
        !body.contains("id=\"actions\""),
        "no action forms for a read-only role"
    );
    let token = csrf_in(&body).expect("csrf in the page");
    let version = row(&app, &id).version.to_string();
    let before = state(&app, &id);
    for action in [
        "assign",
        "start",
        "verify",
        "ask",
        "extend",
        "complete/preview",
        "complete/edit",
        "complete",
        "reject",
        "withdraw",
        "notes",
    ] {
        let (status, body, _) = app
            .post_form(
                &auditor,
                &format!("/dashboard/requests/{id}/{action}"),
                &[
                    ("csrf_token", &token),
                    ("version", &version),
                    ("method", "x"),
                    ("note", "x"),
                    ("withdrawal_reason", "x"),
                ],
            )
            .await;
        assert_eq!(status, 403, "{action}: {body}");
        assert!(body.contains("role does not allow"), "{action}");
    }
    assert_unchanged(&app, &id, &before, "auditor");
    // And a handler's form without its CSRF token is refused as well.
    let (status, _, _) = app
        .post_form(
            &auditor,
            &format!("/dashboard/requests/{id}/start"),
            &[("version", &version)],
        )
        .await;
    assert_eq!(status, 403);
}
