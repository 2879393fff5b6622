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
