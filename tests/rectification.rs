//! Issue 11: rectification (Art. 16). The handler decides each item, applied or refused
//! with a reason; completing is refused while any is undecided; a refused item makes the
//! answer partial with the reason and the Art. 12(4) notice. SQLite and PostgreSQL.

mod support;

use support::{audit_actions, complete_via_preview, submit_verified_kind, try_act, TestApp};

async fn started_rectification(app: &TestApp, admin: &reqwest::Client) -> (String, String) {
    let (reference, id) = submit_verified_kind(
        app,
        &TestApp::client(),
        "kari@example.no",
        &[
            ("kind", "rectification"),
            ("customer_number", "K-100234"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 1, 0155 Oslo"),
            ("rect_field_2", "Name"),
            ("rect_value_2", "Kari Nordmann-Hansen"),
        ],
    )
    .await;
    let (status, body, _) = try_act(app, admin, &id, "start", &[]).await;
    assert_eq!(status, 303, "{body}");
    (reference, id)
}

#[tokio::test]
async fn completion_is_refused_while_an_item_is_undecided_art_16() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (reference, id) = started_rectification(&app, &admin).await;
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("Decision on each correction"), "{page}");

    let answer = [
        ("outcome", "fulfilled"),
        ("answer", "We have corrected your data."),
    ];
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Not decided: Postal address; Name"), "{body}");

    // Item 1 applied, in the contact category.
    let (status, body, _) = try_act(
        &app,
        &admin,
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
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422);
    assert!(body.contains("Not decided: Name."), "{body}");

    // Bad input beside the field: no decision, an item that does not exist, a refusal
    // without a reason, a category not in the register.
    for (fields, expect) in [
        (
            vec![("item", "2")],
            "Choose whether the correction is made or refused",
        ),
        (
            vec![("item", "7"), ("item_decision", "applied")],
            "not part of this request",
        ),
        (
            vec![
                ("item", "2"),
                ("item_decision", "refused"),
                ("item_reason", "  "),
            ],
            "Write why the correction is refused",
        ),
        (
            vec![
                ("item", "2"),
                ("item_decision", "applied"),
                ("item_category", "nonsense"),
            ],
            "Choose categories from the list",
        ),
    ] {
        let (status, body, _) = try_act(&app, &admin, &id, "item", &fields).await;
        assert_eq!(status, 422, "{fields:?}: {body}");
        assert!(body.contains(expect), "{fields:?}: {body}");
    }

    let why = "The national population register still shows your name without the hyphen.";
    let (status, body, _) = try_act(
        &app,
        &admin,
        &id,
        "item",
        &[
            ("item", "2"),
            ("item_decision", "refused"),
            ("item_reason", why),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    assert!(
        audit_actions(&app, &id)
            .iter()
            .filter(|a| *a == "item_decided")
            .count()
            == 2
    );

    // Refused in part: "fulfilled" is refused; "partially fulfilled" says which and why.
    let (status, body) = complete_via_preview(&app, &admin, &id, &answer).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("partially fulfilled"));
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "partially_fulfilled"),
            ("answer", "We have corrected your postal address."),
            ("reasons", "One correction could not be made."),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let mail = app.wait_for_mail("kari@example.no", "partly done").await;
    assert!(mail.text.contains(&reference));
    assert!(
        mail.text.contains("We did not make these corrections"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains(&format!("Name: {why}")));
    assert!(mail.text.contains("Art. 77"), "the Art. 12(4) notice");
}

/// The subject sends evidence for an item from the status page (multipart, as a browser
/// does); returns the answer's status and body.
async fn post_evidence(
    app: &TestApp,
    subject: &reqwest::Client,
    id: &str,
    item: &str,
    file: Option<(&str, &str, Vec<u8>)>,
) -> (u16, String) {
    use reqwest::multipart::{Form, Part};
    let (status, page) = app.get(subject, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 200, "{page}");
    let token = support::csrf_in(&page).expect("csrf");
    let part = match file {
        Some((name, mime, bytes)) => Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(mime)
            .expect("mime"),
        None => Part::bytes(Vec::new())
            .file_name("")
            .mime_str("application/octet-stream")
            .expect("mime"),
    };
    let form = Form::new()
        .text("csrf_token", token)
        .text("item", item.to_string())
        .part("file", part);
    let r = subject
        .post(app.url(&format!("/my/requests/{id}/evidence")))
        .multipart(form)
        .send()
        .await
        .expect("POST evidence");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn the_subject_sends_evidence_for_an_item_within_the_size_limit() {
    let app = TestApp::spawn_with(&[("DSR_UPLOAD_MAX_MB", "1")]).await;
    let admin = app.admin_client().await;
    let subject = TestApp::client();
    let (_, id) = submit_verified_kind(
        &app,
        &subject,
        "evi@example.no",
        &[
            ("kind", "rectification"),
            ("rect_field_1", "Postal address"),
            ("rect_value_1", "Storgata 1, 0155 Oslo"),
        ],
    )
    .await;
    // The verifying browser holds the grant to the status page.
    let (_, page) = app.get(&subject, &format!("/my/requests/{id}")).await;
    assert!(page.contains("Evidence for your correction"), "{page}");
    assert!(page.contains("enctype=\"multipart/form-data\""));

    // No file; a file that is not what it says; a file over the limit: refused.
    let (status, body) = post_evidence(&app, &subject, &id, "1", None).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Choose a file to send"));
    let (status, _) = post_evidence(
        &app,
        &subject,
        &id,
        "1",
        Some((
            "letter.pdf",
            "application/pdf",
            b"MZ\x90\x00 not a pdf".to_vec(),
        )),
    )
    .await;
    assert_eq!(status, 422);
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(1024 * 1024 + 10, b'a');
    let (status, _) = post_evidence(
        &app,
        &subject,
        &id,
        "1",
        Some(("big.pdf", "application/pdf", big)),
    )
    .await;
    assert_eq!(status, 413);
    // An item the request does not have.
    let pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let (status, _) = post_evidence(
        &app,
        &subject,
        &id,
        "9",
        Some(("letter.pdf", "application/pdf", pdf.clone())),
    )
    .await;
    assert_eq!(status, 422);

    let (status, _) = post_evidence(
        &app,
        &subject,
        &id,
        "1",
        Some(("new-address.pdf", "application/pdf", pdf.clone())),
    )
    .await;
    assert_eq!(status, 303);
    assert!(audit_actions(&app, &id).contains(&"evidence_added".to_string()));
    // The handler sees it beside the item; a stranger cannot send any.
    let (_, page) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(page.contains("new-address.pdf"));
    assert!(page.contains("evidence for correction 1"));
    let stranger = TestApp::client();
    let (status, _) = app.get(&stranger, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 404);
}
