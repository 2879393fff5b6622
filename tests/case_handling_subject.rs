//! Issue 7, case handling, the subject's side: the status page in plain words, answering
//! a question with a file (limits, types by content, the clock), what happens to the
//! files (identity documents, retention, evidence, only handlers see them), withdrawal
//! behind a confirmation page, used verification links, manual intake with the true date
//! of receipt, and the sweeper that expires unanswered questions. Real HTTP against the
//! running server and a real SMTP sink, on SQLite and (with DSR_TEST_POSTGRES_URL) on
//! PostgreSQL.

mod support;

use chrono::{Duration, NaiveDate};
use dsr_tracker::db;
use dsr_tracker::domain::clock::deadlines;
use dsr_tracker::time::local_date;
use dsr_tracker::workflow::Ctx;
use reqwest::multipart::{Form, Part};
use support::{audit_actions, csrf_in, extract_links, outbox_count, submit_and_verify, TestApp};

/// The codes the database uses; a subject must never read them.
const INTERNAL_CODES: &[&str] = &[
    "awaiting_verification",
    "in_progress",
    "awaiting_subject",
    "partially_fulfilled",
    "no_data_held",
    "identity_not_verified",
    "manifestly_unfounded",
    "not_applicable",
    "subject_answered",
    "asked_subject",
    "in_person",
];

fn request_row(app: &TestApp, id: &str) -> db::models::Request {
    let mut conn = app.pool.get().expect("conn");
    db::requests::find(&mut conn, id)
        .expect("find")
        .expect("request exists")
}

fn uploads_of(app: &TestApp, id: &str) -> Vec<db::models::Upload> {
    let mut conn = app.pool.get().expect("conn");
    db::uploads::for_request(&mut conn, id).expect("uploads")
}

fn files_on_disk(app: &TestApp) -> Vec<std::path::PathBuf> {
    let dir = app.data_dir.path().join("uploads");
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.expect("entry").path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn value_of(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_string())
}

/// A request that reached the queue, with the subject's browser (which holds the grant
/// the verification gave it) and a logged-in admin.
struct Case {
    subject: reqwest::Client,
    admin: reqwest::Client,
    id: String,
    reference: String,
    email: String,
}

async fn verified_case(app: &TestApp, admin: reqwest::Client, email: &str) -> Case {
    let subject = TestApp::client();
    let (reference, ack) = submit_and_verify(app, &subject, email).await;
    let link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);
    let r = app.get_full(&subject, &link).await;
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("status link redirects")
        .to_string();
    let id = location.trim_start_matches("/my/requests/").to_string();
    Case {
        subject,
        admin,
        id,
        reference,
        email: email.to_string(),
    }
}

/// Post one of the request page's action forms as the admin, with the page's CSRF token
/// and version; expects the redirect back.
async fn act(app: &TestApp, case: &Case, action: &str, fields: &[(&str, &str)]) {
    let page = format!("/dashboard/requests/{}", case.id);
    let (status, body) = app.get(&case.admin, &page).await;
    assert_eq!(status, 200, "{body}");
    let token = csrf_in(&body).expect("csrf");
    let version = value_of(&body, "version").expect("version on the page");
    let mut form = vec![
        ("csrf_token", token.as_str()),
        ("version", version.as_str()),
    ];
    form.extend_from_slice(fields);
    let (status, body, _) = app
        .post_form(&case.admin, &format!("{page}/{action}"), &form)
        .await;
    assert_eq!(status, 303, "{action}: {body}");
}

/// Start work and ask the subject an identity question (Art. 12(6)): the clock stops.
async fn ask_identity(app: &TestApp, case: &Case) {
    act(app, case, "start", &[]).await;
    act(
        app,
        case,
        "ask",
        &[
            ("purpose", "identity"),
            (
                "question",
                "Please send a scan of a bill with your name and address.",
            ),
        ],
    )
    .await;
    app.wait_for_mail(&case.email, "question").await;
}

fn status_path(case: &Case) -> String {
    format!("/my/requests/{}", case.id)
}

enum File<'a> {
    None,
    Some {
        name: &'a str,
        mime: &'a str,
        bytes: Vec<u8>,
    },
}

/// The subject posts the answer form as a browser does (multipart/form-data).
async fn post_answer(app: &TestApp, case: &Case, text: &str, file: File<'_>) -> (u16, String) {
    let (status, page) = app.get(&case.subject, &status_path(case)).await;
    assert_eq!(status, 200, "{page}");
    let token = csrf_in(&page).expect("csrf");
    let question_id = value_of(&page, "question_id").expect("an answer form");
    let mut form = Form::new()
        .text("csrf_token", token)
        .text("question_id", question_id)
        .text("answer", text.to_string());
    form = match file {
        File::None => form.part(
            "file",
            Part::bytes(Vec::new())
                .file_name("")
                .mime_str("application/octet-stream")
                .expect("mime"),
        ),
        File::Some { name, mime, bytes } => form.part(
            "file",
            Part::bytes(bytes)
                .file_name(name.to_string())
                .mime_str(mime)
                .expect("mime"),
        ),
    };
    let r = case
        .subject
        .post(app.url(&format!("{}/answer", status_path(case))))
        .multipart(form)
        .send()
        .await
        .expect("POST answer");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.4\n".to_vec();
    v.resize(len.max(9), b' ');
    v
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

#[tokio::test]
async fn a_file_over_the_limit_empty_or_of_a_disallowed_type_is_refused_with_the_answer_kept_and_a_good_answer_resumes_the_clock_edpb_159(
) {
    let app = TestApp::spawn_with(&[("DSR_UPLOAD_MAX_MB", "1")]).await;
    let admin = app.admin_client().await;
    let case = verified_case(&app, admin, "kari@example.no").await;
    ask_identity(&app, &case).await;
    let before = request_row(&app, &case.id);
    assert!(
        before.paused_since.is_some(),
        "an identity question stops the clock"
    );

    let (status, page) = app.get(&case.subject, &status_path(&case)).await;
    assert_eq!(status, 200);
    assert!(page.contains("We have a question for you"), "{page}");
    assert!(page.contains("Please send a scan of a bill"));
    assert!(page.contains("enctype=\"multipart/form-data\""));

    // Without the CSRF token (another site's form): 403; not a multipart form: 400.
    let r = case
        .subject
        .post(app.url(&format!("{}/answer", status_path(&case))))
        .multipart(Form::new().text("answer", "hi"))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status().as_u16(), 403);
    let (status, _, _) = app
        .post_form(
            &case.subject,
            &format!("{}/answer", status_path(&case)),
            &[("answer", "hi")],
        )
        .await;
    assert_eq!(status, 400);

    let typed = "My customer number is NO-448812";
    // Over the limit (1 MB here): 413, the message beside the field, the answer kept.
    let (status, body) = post_answer(
        &app,
        &case,
        typed,
        File::Some {
            name: "bill.pdf",
            mime: "application/pdf",
            bytes: pdf(1024 * 1024 + 10),
        },
    )
    .await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than 1 MB"), "{body}");
    assert!(body.contains(typed), "typed text kept");
    assert!(body.contains("id=\"file-error\""));
    assert!(body.contains("aria-describedby=\"file-hint file-error\""));

    // Not an allowed type by its content (a ZIP), whatever the name says.
    let (status, body) = post_answer(
        &app,
        &case,
        typed,
        File::Some {
            name: "bill.pdf",
            mime: "application/octet-stream",
            bytes: b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
        },
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("We accept only PDF documents"), "{body}");
    assert!(body.contains(typed));

    // Declared an image, but the content is not one.
    let (status, body) = post_answer(
        &app,
        &case,
        typed,
        File::Some {
            name: "scan.png",
            mime: "image/png",
            bytes: b"<html><script>alert(1)</script>".to_vec(),
        },
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("its content is not"), "{body}");

    // Empty.
    let (status, body) = post_answer(
        &app,
        &case,
        typed,
        File::Some {
            name: "bill.pdf",
            mime: "application/pdf",
            bytes: Vec::new(),
        },
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("The file is empty"), "{body}");
    assert!(body.contains(typed));

    // Neither text nor file.
    let (status, body) = post_answer(&app, &case, "  ", File::None).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Write your answer, or attach a file"));

    // Nothing of that was stored.
    assert!(uploads_of(&app, &case.id).is_empty());
    assert!(files_on_disk(&app).is_empty());
    assert_eq!(request_row(&app, &case.id).status, "awaiting_subject");

    // Three days and a few hours later, a good answer: work resumes, and the due date
    // moves on by the three whole days paused (EDPB 01/2022 §159).
    app.clock.advance(Duration::days(3) + Duration::hours(5));
    let (status, body) = post_answer(
        &app,
        &case,
        typed,
        File::Some {
            name: "C:\\Users\\kari\\bill.pdf",
            mime: "application/pdf",
            bytes: pdf(2000),
        },
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let after = request_row(&app, &case.id);
    assert_eq!(after.status, "in_progress");
    assert!(after.paused_since.is_none());
    assert_eq!(after.paused_days, before.paused_days + 3);
    let received = local_date(after.received_at, app.settings.timezone);
    let expected = deadlines(
        received,
        after.paused_days as u32,
        None,
        app.settings.clock_settings(),
    )
    .due;
    assert_eq!(after.due_date, expected);
    assert!(after.due_date > before.due_date, "the due date moved on");

    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    assert!(page.contains("we have your answer") || page.contains("You answered"));
    let shown = dsr_tracker::i18n::Tr::plain(dsr_tracker::i18n::Lang::En).date(&expected);
    assert!(page.contains(&shown), "new due date shown as {shown}");
    assert!(page.contains("bill.pdf"), "the file's name is listed");
    assert!(
        !page.contains("We have a question for you"),
        "the form is gone"
    );

    // The file: stored once, under a random name, 0600.
    let ups = uploads_of(&app, &case.id);
    assert_eq!(ups.len(), 1);
    assert_eq!(ups[0].original_name, "bill.pdf");
    assert_eq!(ups[0].content_type, "application/pdf");
    let disk = files_on_disk(&app);
    assert_eq!(disk.len(), 1);
    let stored = disk[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert_eq!(stored, ups[0].stored_name);
    assert!(!stored.contains("bill"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&disk[0])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // No question is open any more: no answer form.
    let (status, page) = app.get(&case.subject, &status_path(&case)).await;
    assert_eq!(status, 200);
    assert!(value_of(&page, "question_id").is_none());
}

#[tokio::test]
async fn uploads_are_served_only_to_handlers_as_attachments_and_an_identity_document_is_deleted_when_the_check_is_recorded(
) {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let case = verified_case(&app, admin, "ola@example.no").await;
    ask_identity(&app, &case).await;
    let (status, body) = post_answer(
        &app,
        &case,
        "Here is my driving licence.",
        File::Some {
            name: "førerkort.png",
            mime: "image/png",
            bytes: PNG.to_vec(),
        },
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let upload = uploads_of(&app, &case.id).remove(0);
    let path = format!("/dashboard/uploads/{}", upload.id);

    // Never to the subject, nor anyone without a handler's session.
    for c in [&case.subject, &TestApp::client()] {
        let (status, location) = app.status_of(c, &path).await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some("/login"));
    }
    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    assert!(!page.contains("/dashboard/uploads/"));
    // Auditors read cases but do not open the subject's documents.
    app.create_user("audit@telecom.example", "auditor");
    let auditor = TestApp::client();
    app.login(&auditor, "audit@telecom.example", support::ADMIN_PASSWORD)
        .await;
    assert_eq!(app.status_of(&auditor, &path).await.0, 403);

    // Handlers: as an attachment, never inline, not sniffed.
    let r = app.get_full(&case.admin, &app.url(&path)).await;
    assert_eq!(r.status().as_u16(), 200);
    let header = |n: &str| {
        r.headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let disposition = header("content-disposition");
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''f%C3%B8rerkort.png"),
        "{disposition}"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("content-type"), "image/png");
    assert_eq!(r.bytes().await.expect("body").as_ref(), PNG);
    assert!(audit_actions(&app, &case.id).contains(&"file_downloaded".to_string()));

    // The request page lists it with its actions.
    let page_path = format!("/dashboard/requests/{}", case.id);
    let (_, page) = app.get(&case.admin, &page_path).await;
    assert!(page.contains("Files from the subject"));
    assert!(page.contains(&format!("/dashboard/uploads/{}/identity", upload.id)));
    let token = csrf_in(&page).expect("csrf");

    // An auditor cannot act on it.
    let (status, _, _) = app
        .post_form(
            &auditor,
            &format!("{path}/identity"),
            &[("csrf_token", "x"), ("identity_method", "x")],
        )
        .await;
    assert_eq!(status, 403);

    // Without a method: refused beside the field, the file stays.
    let (status, body, _) = app
        .post_form(
            &case.admin,
            &format!("{path}/identity"),
            &[("csrf_token", &token), ("identity_method", " ")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains(&format!("id=\"identity_method-{}-error\"", upload.id)));
    assert_eq!(files_on_disk(&app).len(), 1);

    // Recorded: only the fact and the method remain (DESIGN §3).
    let (status, body, location) = app
        .post_form(
            &case.admin,
            &format!("{path}/identity"),
            &[
                ("csrf_token", &token),
                (
                    "identity_method",
                    "Driving licence matches the customer record",
                ),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    assert!(location.expect("redirect").starts_with(&page_path));
    assert!(
        files_on_disk(&app).is_empty(),
        "the document is gone from disk"
    );
    let upload = uploads_of(&app, &case.id).remove(0);
    assert!(upload.identity_document);
    assert!(upload.deleted_at.is_some());
    let method = request_row(&app, &case.id)
        .verification_method
        .expect("method");
    assert!(
        method.contains("Driving licence matches the customer record"),
        "{method}"
    );
    assert!(audit_actions(&app, &case.id).contains(&"identity_document_checked".to_string()));
    let r = app.get_full(&case.admin, &app.url(&path)).await;
    assert_eq!(r.status().as_u16(), 410);
    assert!(r.text().await.unwrap_or_default().contains("deleted"));
    let (_, page) = app.get(&case.admin, &page_path).await;
    assert!(page.contains("identity document, after the check"));
    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    assert!(page.contains("We checked the document you sent"), "{page}");

    // A deleted file cannot be kept.
    let (status, _, _) = app
        .post_form(
            &case.admin,
            &format!("{path}/keep"),
            &[("csrf_token", &token), ("keep_reason", "dispute")],
        )
        .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn other_uploads_are_deleted_after_the_retention_period_unless_kept_as_evidence() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let case = verified_case(&app, admin, "nils@example.no").await;
    // Two questions, two answers, two files.
    ask_identity(&app, &case).await;
    let (status, _) = post_answer(
        &app,
        &case,
        "First file",
        File::Some {
            name: "a.txt",
            mime: "text/plain",
            bytes: b"first".to_vec(),
        },
    )
    .await;
    assert_eq!(status, 303);
    act(
        &app,
        &case,
        "ask",
        &[("purpose", "clarification"), ("question", "Which years?")],
    )
    .await;
    let (status, _) = post_answer(
        &app,
        &case,
        "2024 and 2025",
        File::Some {
            name: "b.txt",
            mime: "text/plain",
            bytes: b"second".to_vec(),
        },
    )
    .await;
    assert_eq!(status, 303);
    let ups = uploads_of(&app, &case.id);
    assert_eq!(ups.len(), 2);
    let (kept, other) = if ups[0].original_name == "a.txt" {
        (&ups[0], &ups[1])
    } else {
        (&ups[1], &ups[0])
    };

    // Keep the first as evidence: a reason is required.
    let (_, page) = app
        .get(&case.admin, &format!("/dashboard/requests/{}", case.id))
        .await;
    let token = csrf_in(&page).expect("csrf");
    let keep = format!("/dashboard/uploads/{}/keep", kept.id);
    let (status, body, _) = app
        .post_form(
            &case.admin,
            &keep,
            &[("csrf_token", &token), ("keep_reason", "")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains(&format!("id=\"keep_reason-{}-error\"", kept.id)));
    let (status, _, _) = app
        .post_form(
            &case.admin,
            &keep,
            &[
                ("csrf_token", &token),
                (
                    "keep_reason",
                    "The subject disputes the invoice; needed for the complaint.",
                ),
            ],
        )
        .await;
    assert_eq!(status, 303);

    // The request closes (the subject withdraws it).
    let (_, confirm) = app
        .get(&case.subject, &format!("{}/withdraw", status_path(&case)))
        .await;
    let t = csrf_in(&confirm).expect("csrf");
    let (status, _, _) = app
        .post_form(
            &case.subject,
            &format!("{}/withdraw", status_path(&case)),
            &[("csrf_token", &t), ("confirm", "yes")],
        )
        .await;
    assert_eq!(status, 303);
    let closed_at = request_row(&app, &case.id).closed_at.expect("closed");

    let settings = app.settings_with_key();
    let sweep = |at: chrono::DateTime<chrono::Utc>| {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::jobs::run_sweeps(
            &mut conn,
            &Ctx {
                settings: &settings,
                now: at,
            },
        )
        .expect("sweep")
    };
    let closed = closed_at.and_utc();
    // One day before the 90 days are over: nothing goes.
    assert_eq!(sweep(closed + Duration::days(89)).files_deleted, 0);
    assert_eq!(files_on_disk(&app).len(), 2);
    // After: the other file goes; the one kept as evidence stays.
    let after = closed + Duration::days(90) + Duration::hours(1);
    app.clock.set(after);
    sweep(after);
    let ups = uploads_of(&app, &case.id);
    let find = |id: &str| ups.iter().find(|u| u.id == id).expect("row");
    assert!(find(&other.id).deleted_at.is_some());
    assert!(find(&kept.id).deleted_at.is_none());
    let disk: Vec<String> = files_on_disk(&app)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(disk, vec![kept.stored_name.clone()]);
    // Safe to run twice: nothing more changes.
    let events = audit_actions(&app, &case.id).len();
    assert_eq!(sweep(after).files_deleted, 0);
    assert_eq!(audit_actions(&app, &case.id).len(), events);
    assert_eq!(files_on_disk(&app).len(), 1);
}

#[tokio::test]
async fn the_status_page_tells_the_history_in_plain_words_never_internal_codes_and_the_final_answer_with_the_art_12_4_notice(
) {
    let app = TestApp::spawn_with(&[
        ("DSR_AUTHORITY_NAME", "Datatilsynet Testkontoret"),
        ("DSR_DPO_NAME", "Dana DPO"),
    ])
    .await;
    let admin = app.admin_client().await;
    let case = verified_case(&app, admin, "liv@example.no").await;
    let plain = |page: &str| {
        for code in INTERNAL_CODES {
            assert!(
                !page.contains(code),
                "internal code {code} on the page:\n{page}"
            );
        }
    };
    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    plain(&page);
    assert!(
        page.contains("We received your request through this website"),
        "{page}"
    );
    assert!(page.contains("You confirmed your email address"));
    assert!(page.contains("Dana DPO"), "the DPO contact");

    ask_identity(&app, &case).await;
    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    plain(&page);
    assert!(page.contains("We started working on your request"));
    assert!(page.contains("We asked you a question"));
    assert!(page.contains("Waiting for your answer to our question"));
    let (_, list) = app.get(&case.subject, "/my/requests").await;
    plain(&list);
    assert!(list.contains("Waiting for your answer to our question"));

    let (status, _) = post_answer(&app, &case, "Gate 1, 0150 Oslo", File::None).await;
    assert_eq!(status, 303);
    act(
        &app,
        &case,
        "reject",
        &[
            ("rejection_reason", "excessive"),
            (
                "justification",
                "This is the fifth identical request this month; each was answered in full.",
            ),
        ],
    )
    .await;
    let (_, page) = app.get(&case.subject, &status_path(&case)).await;
    plain(&page);
    assert!(page.contains("You answered our question"));
    assert!(page.contains("We have refused your request"));
    assert!(page.contains("the request is excessive (GDPR Art. 12(5))"));
    assert!(page.contains("This is the fifth identical request this month"));
    // Art. 12(4): the authority from settings, and the judicial remedy.
    assert!(page.contains("Datatilsynet Testkontoret"), "{page}");
    assert!(page.contains("judicial remedy"));
    assert!(
        !page.contains("Withdraw my request"),
        "closed: no withdrawal"
    );
}

#[tokio::test]
async fn withdrawing_takes_effect_only_from_the_confirmation_page() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (_, ack) = submit_and_verify(&app, &c, "per@example.no").await;
    let link = extract_links(&ack.text, &format!("{}/s/", app.base)).remove(0);
    let r = app.get_full(&c, &link).await;
    let path = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("redirect")
        .to_string();
    let id = path.trim_start_matches("/my/requests/").to_string();

    // The status page links to the confirmation page; it does not withdraw.
    let (_, page) = app.get(&c, &path).await;
    assert!(
        page.contains(&format!("href=\"{path}/withdraw\"")),
        "{page}"
    );
    assert!(!page.contains(&format!("action=\"{path}/withdraw\"")));
    let (status, confirm) = app.get(&c, &format!("{path}/withdraw")).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("Withdraw your request?"));
    assert!(confirm.contains("No, keep my request"));
    let token = csrf_in(&confirm).expect("csrf");

    // A POST that did not come from the confirmation button only shows that page.
    let (status, body, _) = app
        .post_form(&c, &format!("{path}/withdraw"), &[("csrf_token", &token)])
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("Yes, withdraw my request"));
    let mut conn = app.pool.get().expect("conn");
    assert_eq!(
        db::requests::find(&mut conn, &id)
            .expect("find")
            .expect("row")
            .status,
        "open"
    );
    drop(conn);
    // Without the CSRF token: 403.
    let (status, _, _) = app
        .post_form(&c, &format!("{path}/withdraw"), &[("confirm", "yes")])
        .await;
    assert_eq!(status, 403);

    // Confirmed.
    let (status, _, location) = app
        .post_form(
            &c,
            &format!("{path}/withdraw"),
            &[("csrf_token", &token), ("confirm", "yes")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = app.get(&c, &location.expect("location")).await;
    assert!(page.contains("Your request is withdrawn"));
    assert!(page.contains("You withdrew your request"));
    app.wait_for_mail("per@example.no", "is withdrawn").await;
    // The confirmation page of a closed request sends back to the status page.
    let (status, _) = app.status_of(&c, &format!("{path}/withdraw")).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn a_used_verification_link_says_so_and_points_to_track_my_requests() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let reference =
        support::submit_request(&app, &c, "eva@example.no", &[("kind", "access")]).await;
    let mail = app.wait_for_mail("eva@example.no", &reference).await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    let path = link.trim_start_matches(&app.base).to_string();
    let token = app.csrf(&c, &path).await;
    let (status, _, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200);

    // Opened again, in this browser or another (a mail scanner, a second click).
    for browser in [&c, &TestApp::client()] {
        let (status, body) = app.get(browser, &path).await;
        assert_eq!(status, 404, "{body}");
        assert!(body.contains("This link was already used"), "{body}");
        assert!(body.contains("href=\"/track\""));
        assert!(body.contains("track my requests"));
    }
    let (status, body, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 404);
    assert!(body.contains("This link was already used"));
    // A link we never sent is still a plain 404.
    let (status, body) = app.get(&c, &format!("/verify/{}", "B".repeat(43))).await;
    assert_eq!(status, 404);
    assert!(!body.contains("This link was already used"));
}

/// Intake form fields for an access request entered by a handler.
fn intake_form<'a>(
    token: &'a str,
    email: &'a str,
    date: &'a str,
    verified: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("csrf_token", token),
        ("channel", "letter"),
        ("received_date", date),
        ("received_time", "10:15"),
        ("kind", "access"),
        ("name", "Astrid Brev"),
        ("email", email),
        ("verified", verified),
    ];
    if verified == "yes" {
        form.push((
            "verification_method",
            "Signed letter with customer number, checked",
        ));
    }
    form
}

#[tokio::test]
async fn manual_intake_20_days_ago_runs_the_clock_from_receipt_a_future_receipt_is_refused_and_unverified_intake_sends_the_verification_email(
) {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard/intake").await;
    assert_eq!(status, 200);
    assert!(page.contains("Enter a request received by phone"));
    let token = csrf_in(&page).expect("csrf");
    let tz = app.settings.timezone;
    let today: NaiveDate = local_date(app.clock_now().naive_utc(), tz);
    let twenty_ago = (today - Duration::days(20)).to_string();

    // Received 20 days ago, verified already: open, due as counted from receipt.
    let (status, body, location) = app
        .post_form(
            &admin,
            "/dashboard/intake",
            &intake_form(&token, "astrid@example.no", &twenty_ago, "yes"),
        )
        .await;
    assert_eq!(status, 303, "{body}");
    let location = location.expect("to the request page");
    let id = location
        .trim_start_matches("/dashboard/requests/")
        .to_string();
    let row = request_row(&app, &id);
    assert_eq!(row.status, "open");
    assert_eq!(row.channel, "letter");
    assert_eq!(local_date(row.received_at, tz).to_string(), twenty_ago);
    let expected = deadlines(
        today - Duration::days(20),
        0,
        None,
        app.settings.clock_settings(),
    );
    assert_eq!(row.due_date, expected.due);
    let (_, page) = app.get(&admin, &location).await;
    assert!(
        page.contains(&en_date(&expected.due)),
        "due date on the request page"
    );
    assert!(page.contains(&en_date(&expected.legal_due)));
    let ack = app
        .wait_for_mail("astrid@example.no", "We have your request")
        .await;
    // Dates in mail are written for people ("4 April 2026" in English).
    let due_words =
        dsr_tracker::i18n::Tr::plain(dsr_tracker::domain::lang::Lang::En).date(&expected.due);
    assert!(ack.text.contains(&due_words), "{}", ack.text);

    // A receipt in the future: refused beside the field, what was typed kept, nothing stored.
    let tomorrow = (today + Duration::days(1)).to_string();
    let before = app.count_requests();
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/intake",
            &intake_form(&token, "bo@example.no", &tomorrow, "no"),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("cannot be in the future"));
    assert!(body.contains("id=\"received_date-error\""));
    assert!(body.contains("received_date-error\""));
    assert!(body.contains("value=\"Astrid Brev\""), "typed name kept");
    assert!(body.contains(&format!("value=\"{tomorrow}\"")));
    assert_eq!(app.count_requests(), before);

    // Other bad input comes back beside its field.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/intake",
            &[
                ("csrf_token", &token),
                ("channel", "portal"),
                ("verified", "yes"),
                ("received_date", "5 March"),
                // The address is optional here, but one that is given must be valid.
                ("email", "nope"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    for field in [
        "channel",
        "received_date",
        "kind",
        "name",
        "email",
        "verification_method",
    ] {
        assert!(
            body.contains(&format!("id=\"{field}-error\"")),
            "{field}: {body}"
        );
    }

    // Not verified, 20 days ago: the subject gets the verification link, and the clock
    // stops from now (when that email is queued), not from the receipt.
    let (status, _, location) = app
        .post_form(
            &admin,
            "/dashboard/intake",
            &intake_form(&token, "bo@example.no", &twenty_ago, "no"),
        )
        .await;
    assert_eq!(status, 303);
    let id = location
        .expect("location")
        .trim_start_matches("/dashboard/requests/")
        .to_string();
    let row = request_row(&app, &id);
    assert_eq!(row.status, "awaiting_verification");
    assert_eq!(row.paused_since, Some(app.clock_now().naive_utc()));
    let mail = app
        .wait_for_mail("bo@example.no", "Confirm your request")
        .await;
    assert!(!extract_links(&mail.text, &format!("{}/verify/", app.base)).is_empty());
    // Verified five days later: five days paused, so the due date moves five days on.
    app.clock.advance(Duration::days(5));
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base)).remove(0);
    let path = link.trim_start_matches(&app.base).to_string();
    let c = TestApp::client();
    let t = app.csrf(&c, &path).await;
    let (status, _, _) = app.post_form(&c, &path, &[("csrf_token", &t)]).await;
    assert_eq!(status, 200);
    let row = request_row(&app, &id);
    assert_eq!(row.paused_days, 5);
    assert_eq!(
        row.due_date,
        deadlines(
            today - Duration::days(20),
            5,
            None,
            app.settings.clock_settings()
        )
        .due
    );

    // Auditors may not enter requests.
    app.create_user("audit@telecom.example", "auditor");
    let auditor = TestApp::client();
    app.login(&auditor, "audit@telecom.example", support::ADMIN_PASSWORD)
        .await;
    assert_eq!(app.status_of(&auditor, "/dashboard/intake").await.0, 403);
    let (status, _, _) = app
        .post_form(
            &auditor,
            "/dashboard/intake",
            &intake_form("x", "c@example.no", &twenty_ago, "no"),
        )
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_question_unanswered_for_n_days_expires_with_an_email_naming_the_authority_and_running_the_job_twice_changes_nothing_more(
) {
    let app = TestApp::spawn_with(&[
        ("DSR_SUBJECT_ANSWER_DAYS", "10"),
        ("DSR_AUTHORITY_NAME", "Datatilsynet Testkontoret"),
        ("DSR_AUTHORITY_ADDRESS", "Postboks 1, 0101 Oslo"),
    ])
    .await;
    let admin = app.admin_client().await;
    let case = verified_case(&app, admin, "siri@example.no").await;
    ask_identity(&app, &case).await;
    app.wait_for_outbox_sent().await;
    let settings = app.settings_with_key();
    let sweep = |at: chrono::DateTime<chrono::Utc>| {
        let mut conn = app.pool.get().expect("conn");
        dsr_tracker::jobs::run_sweeps(
            &mut conn,
            &Ctx {
                settings: &settings,
                now: at,
            },
        )
        .expect("sweep")
    };
    let start = app.clock_now();
    // Nine days on: still waiting.
    assert_eq!(sweep(start + Duration::days(9)).expired, 0);
    assert_eq!(request_row(&app, &case.id).status, "awaiting_subject");

    // Ten days and a bit: expired, with the email carrying the Art. 12(4) notice.
    let later = start + Duration::days(10) + Duration::hours(1);
    app.clock.set(later);
    sweep(later);
    let row = request_row(&app, &case.id);
    assert_eq!(row.status, "expired");
    assert!(row.closed_at.is_some());
    let mail = app.wait_for_mail(&case.email, "closed").await;
    for part in [&mail.text, mail.html.as_ref().expect("html part")] {
        assert!(part.contains("Datatilsynet Testkontoret"), "{part}");
        assert!(part.contains("Postboks 1, 0101 Oslo"));
        assert!(part.contains("judicial remedy"));
        assert!(part.contains(&case.reference));
    }
    // Twice: nothing more.
    let (mails, events) = (
        outbox_count(&app, &case.id),
        audit_actions(&app, &case.id).len(),
    );
    assert_eq!(sweep(later).expired, 0);
    assert_eq!(sweep(later + Duration::days(1)).expired, 0);
    assert_eq!(outbox_count(&app, &case.id), mails);
    assert_eq!(audit_actions(&app, &case.id).len(), events);
    assert_eq!(
        audit_actions(&app, &case.id)
            .iter()
            .filter(|a| *a == "expired")
            .count(),
        1
    );

    // The subject reads why, in plain words, with the notice; no answer form any more.
    let (status, page) = app.get(&case.subject, &status_path(&case)).await;
    assert_eq!(status, 200, "{page}");
    assert!(value_of(&page, "question_id").is_none());
    assert!(
        page.contains("did not get an answer to our question in time"),
        "{page}"
    );
    assert!(page.contains("Datatilsynet Testkontoret"));
    for code in INTERNAL_CODES {
        assert!(!page.contains(code), "{code}");
    }
}

/// A date as the dashboard writes it in English ("25 November 2026").
fn en_date(d: &chrono::NaiveDate) -> String {
    dsr_tracker::i18n::Tr::plain(dsr_tracker::i18n::Lang::En).date(d)
}
