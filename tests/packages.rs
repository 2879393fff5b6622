//! Issue 12: access and portability packages. The handler adds records (JSON or CSV,
//! every bad line named, nothing half-imported), files and Art. 15(4) redactions; the
//! completion builds a ZIP (cover letter narrowed to the subject's data, data.json, one
//! CSV per dataset, the files); the subject downloads it from the status page (counted,
//! audited) until the link expires; the sweeper deletes it; a portability package's link
//! goes to the controller the subject named (Art. 20(2)) with its own token. SQLite and
//! PostgreSQL (`DSR_TEST_POSTGRES_URL`).

mod support;

use std::io::Read;

use chrono::Duration;
use reqwest::multipart::{Form, Part};
use support::{
    audit_actions, complete_via_preview, extract_links, hidden, html_unescape,
    submit_verified_kind, try_act, TestApp,
};

/// The package page's form fields: (csrf, version).
async fn package_form(app: &TestApp, c: &reqwest::Client, id: &str) -> (String, String) {
    let (status, page) = app
        .get(c, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert_eq!(status, 200, "{page}");
    // A completed request's page has no forms that change data, so no version.
    let version = if page.contains("name=\"version\"") {
        hidden(&page, "version")
    } else {
        String::new()
    };
    (hidden(&page, "csrf_token"), version)
}

/// Post a multipart form to the package page: (status, body, location).
async fn post_multipart(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
    (file_field, file_name, bytes): (&str, &str, Vec<u8>),
) -> (u16, String, Option<String>) {
    let (csrf, version) = package_form(app, c, id).await;
    let mut form = Form::new()
        .text("csrf_token", csrf)
        .text("version", version);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form = form.part(
        file_field.to_string(),
        Part::bytes(bytes)
            .file_name(file_name.to_string())
            .mime_str("application/octet-stream")
            .expect("mime"),
    );
    let r = c
        .post(app.url(&format!("/dashboard/requests/{id}/package/{action}")))
        .multipart(form)
        .send()
        .await
        .expect("POST multipart");
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, r.text().await.unwrap_or_default(), location)
}

async fn add_records(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    name: &str,
    category: &str,
    file_name: &str,
    content: &str,
) -> (u16, String) {
    let (status, body, _) = post_multipart(
        app,
        c,
        id,
        "records",
        &[("name", name), ("category", category)],
        ("records", file_name, content.as_bytes().to_vec()),
    )
    .await;
    (status, html_unescape(&body))
}

/// A package-page action posted as its form does.
async fn package_action(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let (csrf, version) = package_form(app, c, id).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &csrf), ("version", &version)];
    form.extend_from_slice(fields);
    let (status, body, _) = app
        .post_form(
            c,
            &format!("/dashboard/requests/{id}/package/{action}"),
            &form,
        )
        .await;
    (status, html_unescape(&body))
}

/// The request's datasets, by name.
fn dataset_ids(app: &TestApp, id: &str) -> Vec<String> {
    use diesel::prelude::*;
    use dsr_tracker::db::schema::package_datasets;
    let mut conn = app.pool.get().expect("conn");
    package_datasets::table
        .filter(package_datasets::request_id.eq(id))
        .order(package_datasets::name.asc())
        .select(package_datasets::id)
        .load(&mut conn)
        .expect("datasets")
}

fn record_rows(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    use dsr_tracker::db::schema::package_records;
    let mut conn = app.pool.get().expect("conn");
    package_records::table
        .count()
        .get_result(&mut conn)
        .expect("count")
}

/// (downloads, deleted, stored name) of the request's package.
fn package_row(app: &TestApp, id: &str) -> (i32, bool, String) {
    use diesel::prelude::*;
    use dsr_tracker::db::schema::packages;
    let mut conn = app.pool.get().expect("conn");
    let (downloads, deleted, name): (i32, Option<chrono::NaiveDateTime>, String) = packages::table
        .filter(packages::request_id.eq(id))
        .select((
            packages::downloads,
            packages::deleted_at,
            packages::stored_name,
        ))
        .first(&mut conn)
        .expect("package row");
    (downloads, deleted.is_some(), name)
}

/// The subject's browser, holding the grant the acknowledgement's status link sets.
async fn subject_browser(app: &TestApp, email: &str) -> reqwest::Client {
    let ack = app.wait_for_mail(email, "We have your request").await;
    let link = extract_links(&ack.text, &format!("{}/s/", app.base))
        .into_iter()
        .next()
        .expect("status link in the acknowledgement");
    let subject = TestApp::client();
    let (status, _) = app.get(&subject, link.trim_start_matches(&app.base)).await;
    assert!(status == 303 || status == 200, "status link: {status}");
    subject
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP file");
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let mut content = Vec::new();
        f.read_to_end(&mut content).expect("read entry");
        out.push((f.name().expect("entry name").to_string(), content));
    }
    out
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &entries
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| {
            panic!(
                "no {name} in {:?}",
                entries.iter().map(|(n, _)| n).collect::<Vec<_>>()
            )
        })
        .1
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// An access request in progress, with an invoice dataset (a redaction on record 2), a
/// contact dataset from JSON, and a file.
async fn access_with_data(app: &TestApp, admin: &reqwest::Client, email: &str) -> String {
    let (_, id) = submit_verified_kind(app, &TestApp::client(), email, &[("kind", "access")]).await;
    let (status, _, _) = try_act(app, admin, &id, "start", &[]).await;
    assert_eq!(status, 303);
    let (status, body) = add_records(
        app,
        admin,
        &id,
        "Invoices",
        "billing",
        "invoices.csv",
        "invoice,amount,contact person\nF-1001,399,Kari Nordmann\nF-1002,249,Ola Hansen (neighbour)\n",
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let (status, body) = add_records(
        app,
        admin,
        &id,
        "Contact details",
        "contact",
        "contact.json",
        r#"[{"name": "Kari Nordmann", "phone": "+47 912 34 567", "address": {"street": "Storgata 1", "city": "Oslo"}}]"#,
    )
    .await;
    assert_eq!(status, 303, "{body}");
    // By name: "Contact details", then "Invoices".
    let invoices = dataset_ids(app, &id).remove(1);
    let (status, body) = package_action(
        app,
        admin,
        &id,
        "redactions",
        &[
            ("dataset", &invoices),
            ("field", "contact person"),
            ("record", "2"),
            (
                "reason",
                "Another person's name (a neighbour who paid once)",
            ),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let (status, body, _) = post_multipart(
        app,
        admin,
        &id,
        "files",
        &[("category", "support")],
        (
            "file",
            "call-2026-11-02.mp3",
            b"ID3 not really audio".to_vec(),
        ),
    )
    .await;
    assert_eq!(status, 303, "{body}");
    id
}

#[tokio::test]
async fn an_access_package_holds_the_cover_letter_data_json_csv_and_files() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let id = access_with_data(&app, &admin, "kari@example.no").await;

    // The request page leads to the package page, which shows what was added.
    let (_, detail) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(detail.contains(&format!("/dashboard/requests/{id}/package")));
    let (_, page) = app
        .get(&admin, &format!("/dashboard/requests/{id}/package"))
        .await;
    let page = html_unescape(&page);
    assert!(page.contains("Invoices"), "{page}");
    assert!(page.contains("2 records"), "{page}");
    assert!(page.contains("contact person in record 2"), "{page}");
    assert!(page.contains("call-2026-11-02.mp3"), "{page}");

    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "Your data is attached as a package."),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    assert!(audit_actions(&app, &id).contains(&"package_built".to_string()));

    // The answer tells the subject where and until when.
    let today = dsr_tracker::time::local_date(app.clock_now().naive_utc(), app.settings.timezone);
    let until = today + Duration::days(30);
    let answer = app.wait_for_mail("kari@example.no", "is done").await;
    assert!(
        answer
            .text
            .contains("ready to download from your status page"),
        "{}",
        answer.text
    );

    // Another browser, without the subject's link: nothing.
    let stranger = TestApp::client();
    let (status, _) = app
        .get(&stranger, &format!("/my/requests/{id}/package"))
        .await;
    assert_eq!(status, 404);

    let subject = subject_browser(&app, "kari@example.no").await;
    let (status, status_page) = app.get(&subject, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 200);
    assert!(status_page.contains("Download your data"), "{status_page}");
    assert!(status_page.contains(&format!("/my/requests/{id}/package")));

    let r = subject
        .get(app.url(&format!("/my/requests/{id}/package")))
        .send()
        .await
        .expect("download");
    assert_eq!(r.status().as_u16(), 200);
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(header("content-type"), "application/zip");
    assert!(header("content-disposition").starts_with("attachment"));
    assert!(header("content-disposition").contains("-data.zip"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    let bytes = r.bytes().await.expect("body");
    let entries = unzip(&bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "cover-letter.html",
            "data.json",
            // Datasets in the order added; added at the same instant here, by file name.
            "contact-details.csv",
            "invoices.csv",
            "files/call-2026-11-02.mp3"
        ],
        "entries"
    );

    // data.json: a schema version, every dataset, the redaction applied.
    let data: serde_json::Value =
        serde_json::from_slice(entry(&entries, "data.json")).expect("data.json parses");
    assert_eq!(data["schema_version"], 1);
    assert_eq!(data["kind"], "access");
    let invoices = &data["datasets"][1];
    assert_eq!(invoices["name"], "Invoices");
    assert_eq!(invoices["records"][0]["contact person"], "Kari Nordmann");
    assert_eq!(invoices["records"][1]["contact person"], "[redacted]");
    assert_eq!(invoices["records"][1]["amount"], "249");
    assert_eq!(
        invoices["redactions"][0]["reason"],
        "Another person's name (a neighbour who paid once)"
    );
    let contact = &data["datasets"][0];
    assert_eq!(contact["records"][0]["address"]["city"], "Oslo");
    assert_eq!(data["files"][0]["name"], "call-2026-11-02.mp3");

    // The CSV carries the same records; nested values as JSON text.
    let csv = text(entry(&entries, "invoices.csv"));
    assert_eq!(
        csv,
        "invoice,amount,contact person\nF-1001,399,Kari Nordmann\nF-1002,249,[redacted]\n"
    );
    let contact_csv = text(entry(&entries, "contact-details.csv"));
    assert!(
        contact_csv.starts_with("name,phone,address\n"),
        "{contact_csv}"
    );
    assert!(contact_csv.contains("Oslo"), "{contact_csv}");
    assert_eq!(
        entry(&entries, "files/call-2026-11-02.mp3"),
        b"ID3 not really audio"
    );

    // The cover letter: purposes of the categories in the package (billing, contact,
    // support) with basis and retention, the recipients named, the authority.
    let letter = html_unescape(&text(entry(&entries, "cover-letter.html")));
    for expected in [
        "Invoicing, payments and accounting",
        "Legal obligation (Art. 6(1)(c))",
        "Bokføringsloven § 13",
        "Customer support, including recorded support calls",
        "Twelve months after the support case is closed",
        "Fjord Regnskap AS",
        "Nordic Billing Services AB",
        "Datatilsynet",
        "Another person's name (a neighbour who paid once)",
        "Kari Nordmann",
    ] {
        assert!(
            letter.contains(expected),
            "cover letter lacks {expected}: {letter}"
        );
    }
    // Narrowed: no purpose or recipient of data the package does not hold.
    assert!(!letter.contains("Video surveillance"), "{letter}");
    assert!(!letter.contains("Handling job applications"), "{letter}");
    // The credit check uses billing data: its source and automated decision are told.
    assert!(letter.contains("Nordic Credit Information AS"), "{letter}");
    assert!(letter.contains("Art. 22(3)"), "{letter}");
    assert!(
        letter.contains(&format!("{until}"))
            || letter.contains(&until.format("%-d %B %Y").to_string()),
        "{letter}"
    );

    // Counted and audited, and shown to the handler.
    let (downloads, deleted, _) = package_row(&app, &id);
    assert_eq!((downloads, deleted), (1, false));
    assert!(audit_actions(&app, &id).contains(&"package_downloaded".to_string()));
    let r = subject
        .get(app.url(&format!("/my/requests/{id}/package")))
        .send()
        .await
        .expect("second download");
    assert_eq!(r.status().as_u16(), 200);
    let _ = r.bytes().await;
    assert_eq!(package_row(&app, &id).0, 2);
    let (_, page) = app
        .get(&admin, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert!(
        page.contains("<td class=\"package-downloads\">2</td>"),
        "{page}"
    );
}

#[tokio::test]
async fn the_download_expires_as_the_clock_moves_and_the_sweeper_deletes_the_package() {
    let app = TestApp::spawn_with(&[("DSR_PACKAGE_DAYS", "3")]).await;
    let admin = app.admin_client().await;
    let id = access_with_data(&app, &admin, "per@example.no").await;
    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[("outcome", "fulfilled"), ("answer", "Your data.")],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let subject = subject_browser(&app, "per@example.no").await;
    let path = format!("/my/requests/{id}/package");
    let (_, _, stored) = package_row(&app, &id);
    let zip_path = app.settings.package_dir().join(&stored);
    assert!(zip_path.exists());

    // The records are there while the package lives (the background sweeper may delete
    // them as soon as the clock passes the expiry, so they are counted now).
    assert!(record_rows(&app) > 0);

    // Two days on: still there.
    app.clock.advance(Duration::days(2));
    let (status, _) = app.get(&subject, &path).await;
    assert_eq!(status, 200);

    // Past the three days: 404, and the status page says it ended.
    app.clock.advance(Duration::days(2));
    let (status, _) = app.get(&subject, &path).await;
    assert_eq!(status, 404);
    let (status, page) = app.get(&subject, &format!("/my/requests/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("The download period ended"), "{page}");
    assert!(!page.contains("Download your data"), "{page}");

    // The sweeper deletes the ZIP, the files and the records, and records that it did.
    let swept = {
        let mut conn = app.pool.get().expect("conn");
        let settings = app.settings_with_key();
        let ctx = dsr_tracker::workflow::Ctx {
            settings: &settings,
            now: app.clock_now(),
        };
        dsr_tracker::jobs::run_sweeps(&mut conn, &ctx).expect("sweeps")
    };
    // The background worker may have got there first.
    assert!(swept.packages_deleted <= 1);
    let (_, deleted, _) = package_row(&app, &id);
    assert!(deleted, "the package row is marked deleted");
    assert!(!zip_path.exists(), "the ZIP is gone");
    assert_eq!(record_rows(&app), 0, "the records are gone");
    let left: Vec<_> = std::fs::read_dir(app.settings.package_file_dir())
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "uploaded files are gone: {left:?}");
    let actions = audit_actions(&app, &id);
    assert_eq!(
        actions.iter().filter(|a| *a == "package_deleted").count(),
        1,
        "{actions:?}"
    );
    // A second sweep changes nothing.
    let again = {
        let mut conn = app.pool.get().expect("conn");
        let settings = app.settings_with_key();
        let ctx = dsr_tracker::workflow::Ctx {
            settings: &settings,
            now: app.clock_now(),
        };
        dsr_tracker::jobs::run_sweeps(&mut conn, &ctx).expect("sweeps")
    };
    assert_eq!(again.packages_deleted, 0);
    // The handler's page still tells what was given.
    let admin = app.admin_login().await;
    let (_, page) = app
        .get(&admin, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert!(page.contains("Expired and deleted"), "{page}");
    assert!(page.contains("Invoices"), "{page}");
}

#[tokio::test]
async fn a_portability_package_is_json_and_csv_and_its_link_goes_to_the_named_controller() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "lise@example.no",
        &[
            ("kind", "portability"),
            ("portability_format", "json"),
            ("portability_controller_name", "Fjordnett AS"),
            ("portability_controller_email", "port-in@fjordnett.example"),
        ],
    )
    .await;
    let (status, _, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303);
    let (status, body) = add_records(
        &app,
        &admin,
        &id,
        "Subscriptions",
        "contact",
        "subs.json",
        r#"[{"number": "+47 912 34 567", "plan": "Fri 20 GB", "since": "2021-03-01"},
            {"number": "+47 913 00 000", "plan": "Data 5 GB", "since": "2023-09-15"}]"#,
    )
    .await;
    assert_eq!(status, 303, "{body}");

    // Before completion there is no package to send.
    let (status, body) = package_action(&app, &admin, &id, "send", &[]).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("There is no package yet"), "{body}");

    let (status, body) = complete_via_preview(
        &app,
        &admin,
        &id,
        &[
            ("outcome", "fulfilled"),
            ("answer", "Your data, ready to move."),
        ],
    )
    .await;
    assert_eq!(status, 303, "{body}");

    let (status, body) = package_action(&app, &admin, &id, "send", &[]).await;
    assert_eq!(status, 303, "{body}");
    let mail = app
        .wait_for_mail("port-in@fjordnett.example", "transmitted")
        .await;
    let link = extract_links(&mail.text, &format!("{}/package/", app.base))
        .into_iter()
        .next()
        .expect("a package link");
    let path = link.trim_start_matches(&app.base).to_string();
    assert!(audit_actions(&app, &id).contains(&"package_link_sent".to_string()));

    // The link's page shows, without counting; its download counts.
    let controller = TestApp::client();
    let (status, page) = app.get(&controller, &path).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(package_row(&app, &id).0, 0);
    let r = controller
        .get(app.url(&format!("{path}/download")))
        .send()
        .await
        .expect("download");
    assert_eq!(r.status().as_u16(), 200);
    let entries = unzip(&r.bytes().await.expect("body"));
    let data: serde_json::Value =
        serde_json::from_slice(entry(&entries, "data.json")).expect("data.json");
    assert_eq!(data["kind"], "portability");
    assert_eq!(data["datasets"][0]["records"][1]["plan"], "Data 5 GB");
    let csv = text(entry(&entries, "subscriptions.csv"));
    assert_eq!(
        csv,
        "number,plan,since\n+47 912 34 567,Fri 20 GB,2021-03-01\n+47 913 00 000,Data 5 GB,2023-09-15\n"
    );
    assert_eq!(package_row(&app, &id).0, 1);
    let (_, page) = app
        .get(&admin, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert!(
        html_unescape(&page).contains("port-in@fjordnett.example: downloaded once"),
        "{page}"
    );

    // Wrong tokens: 404, for the page and the download alike.
    let token = path.trim_start_matches("/package/").to_string();
    let mut altered = token.clone();
    let last = altered.pop().expect("char");
    altered.push(if last == 'A' { 'B' } else { 'A' });
    for bad in [
        "/package/nonsense".to_string(),
        "/package/nonsense/download".to_string(),
        format!("/package/{altered}"),
        format!("/package/{altered}/download"),
    ] {
        let (status, _) = app.get(&controller, &bad).await;
        assert_eq!(status, 404, "{bad}");
    }

    // After the download period: 404 with the right token too.
    app.clock.advance(Duration::days(31));
    let (status, _) = app.get(&controller, &path).await;
    assert_eq!(status, 404);
    let (status, _) = app.get(&controller, &format!("{path}/download")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn bad_records_are_refused_with_their_line_numbers_and_nothing_is_imported() {
    let app = TestApp::spawn_with(&[("DSR_PACKAGE_MAX_MB", "1")]).await;
    let admin = app.admin_client().await;
    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "nils@example.no",
        &[("kind", "access")],
    )
    .await;
    let (status, _, _) = try_act(&app, &admin, &id, "start", &[]).await;
    assert_eq!(status, 303);

    // A CSV line with too many fields, and one with too few: both named, nothing stored.
    let (status, body) = add_records(
        &app,
        &admin,
        &id,
        "Invoices",
        "billing",
        "invoices.csv",
        "invoice,amount\nF-1,100\nF-2,200,extra\nF-3,300\nF-4\n",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Line 3: 3 fields where the header has 2."),
        "{body}"
    );
    assert!(
        body.contains("Line 5: 1 fields where the header has 2.")
            || body.contains("Line 5: 1 field"),
        "{body}"
    );
    assert!(dataset_ids(&app, &id).is_empty());
    assert_eq!(record_rows(&app), 0);
    // What was typed stays.
    assert!(body.contains("value=\"Invoices\""), "{body}");

    // JSON: a record that is not an object, on its line.
    let (status, body) = add_records(
        &app,
        &admin,
        &id,
        "Logins",
        "contact",
        "logins.json",
        "[\n  {\"at\": \"2026-11-01\"},\n  \"oops\",\n  {\"at\": \"2026-11-02\"}\n]",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Line 3: record 2 is not an object of fields."),
        "{body}"
    );
    // Broken JSON: the parser's line.
    let (status, body) = add_records(
        &app,
        &admin,
        &id,
        "Logins",
        "contact",
        "logins.json",
        "[\n  {\"at\": \"2026-11-01\"},\n  {\"at\": }\n]",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Line 3: not valid JSON"), "{body}");
    // Not UTF-8; no file; an unknown category; no name.
    let (status, body, _) = post_multipart(
        &app,
        &admin,
        &id,
        "records",
        &[("name", "Latin-1"), ("category", "contact")],
        ("records", "latin1.csv", b"name\nS\xf8ren\n".to_vec()),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Line 2: the file is not UTF-8 text."),
        "{body}"
    );
    let (status, body) = add_records(&app, &admin, &id, "", "nonsense", "x.csv", "a\n1\n").await;
    assert_eq!(status, 422, "{body}");
    assert!(dataset_ids(&app, &id).is_empty());
    assert_eq!(record_rows(&app), 0);

    // A redaction without a reason, or of a field the dataset lacks: 422 beside the form.
    let (status, body) = add_records(
        &app,
        &admin,
        &id,
        "Invoices",
        "billing",
        "invoices.csv",
        "invoice,amount\nF-1,100\n",
    )
    .await;
    assert_eq!(status, 303, "{body}");
    let ds = dataset_ids(&app, &id).remove(0);
    let (status, body) = package_action(
        &app,
        &admin,
        &id,
        "redactions",
        &[
            ("dataset", &ds),
            ("field", "amount"),
            ("record", ""),
            ("reason", ""),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains(&format!(
            "id=\"reason-{ds}-error\">Please fill in this field."
        )),
        "{body}"
    );
    let (status, body) = package_action(
        &app,
        &admin,
        &id,
        "redactions",
        &[
            ("dataset", &ds),
            ("field", "amount"),
            ("record", ""),
            ("reason", "x"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Give a reason of at least"), "{body}");
    let (status, body) = package_action(
        &app,
        &admin,
        &id,
        "redactions",
        &[
            ("dataset", &ds),
            ("field", "no such field"),
            ("record", "9"),
            ("reason", "Someone else's data"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Choose a field of this dataset."), "{body}");
    assert!(body.contains("Give a record number from 1 to 1"), "{body}");

    // A file over DSR_PACKAGE_MAX_MB: 413 with the message, nothing kept on disk.
    let (status, body, _) = post_multipart(
        &app,
        &admin,
        &id,
        "files",
        &[("category", "support")],
        ("file", "big.bin", vec![7u8; 1024 * 1024 + 10]),
    )
    .await;
    assert_eq!(status, 413, "{body}");
    assert!(html_unescape(&body).contains("larger than 1 MB"), "{body}");
    let left: Vec<_> = std::fs::read_dir(app.settings.package_file_dir())
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");

    // A stale form (old version) changes nothing.
    let (csrf, _) = package_form(&app, &admin, &id).await;
    let (status, _, _) = app
        .post_form(
            &admin,
            &format!("/dashboard/requests/{id}/package/remove"),
            &[("csrf_token", &csrf), ("version", "1"), ("dataset", &ds)],
        )
        .await;
    assert_eq!(status, 409);
    assert_eq!(dataset_ids(&app, &id).len(), 1);
}

#[tokio::test]
async fn only_access_and_portability_have_a_package_page() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (_, id) = submit_verified_kind(
        &app,
        &TestApp::client(),
        "eva@example.no",
        &[("kind", "erasure"), ("erasure_scope", "everything")],
    )
    .await;
    let (status, _) = app
        .get(&admin, &format!("/dashboard/requests/{id}/package"))
        .await;
    assert_eq!(status, 404);
    let (_, detail) = app.get(&admin, &format!("/dashboard/requests/{id}")).await;
    assert!(!detail.contains("/package\""), "{detail}");
    // Without a login: to the login page.
    let (status, _) = app
        .status_of(
            &TestApp::client(),
            &format!("/dashboard/requests/{id}/package"),
        )
        .await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn admins_keep_the_processing_register() {
    let app = TestApp::spawn().await;
    let admin = app.admin_client().await;
    let (status, page) = app.get(&admin, "/dashboard/admin/processing").await;
    assert_eq!(status, 200);
    let page = html_unescape(&page);
    assert!(
        page.contains("Invoicing, payments and accounting"),
        "{page}"
    );
    let csrf = hidden(&page, "csrf_token");

    // Missing languages, no basis, no retention, no category: 422, each beside its field.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/processing",
            &[
                ("csrf_token", &csrf),
                ("new", "1"),
                ("code", "loyalty"),
                ("label_en", "Loyalty programme"),
                ("label_nb", ""),
                ("label_sv", "Lojalitetsprogram"),
                ("source_en", "A partner shop"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let body = html_unescape(&body);
    assert!(body.contains("id=\"new-label_nb-error\""), "{body}");
    assert!(body.contains("Choose the legal basis."), "{body}");
    assert!(
        body.contains("Give this text in every language, or in none."),
        "{body}"
    );
    assert!(
        body.contains("Choose a retention rule or give the retention in words."),
        "{body}"
    );
    assert!(body.contains("Choose at least one data category"), "{body}");
    // What was typed stays.
    assert!(body.contains("value=\"Lojalitetsprogram\""), "{body}");

    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/processing",
            &[
                ("csrf_token", &csrf),
                ("new", "1"),
                ("code", "loyalty"),
                ("label_en", "Loyalty programme"),
                ("label_nb", "Lojalitetsprogram"),
                ("label_sv", "Lojalitetsprogram"),
                ("legal_basis", "consent"),
                ("retention_en", "Until you leave the programme."),
                ("retention_nb", "Til du går ut av programmet."),
                ("retention_sv", "Tills du lämnar programmet."),
                ("category", "marketing"),
                ("recipient", "analytics"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    let (_, page) = app.get(&admin, "/dashboard/admin/processing").await;
    let page = html_unescape(&page);
    assert!(page.contains("Loyalty programme"), "{page}");
    assert!(page.contains("Until you leave the programme."), "{page}");

    // The same code again as new: refused.
    let (status, body, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/processing",
            &[
                ("csrf_token", &csrf),
                ("new", "1"),
                ("code", "loyalty"),
                ("label_en", "Other"),
                ("label_nb", "Annet"),
                ("label_sv", "Annat"),
                ("legal_basis", "consent"),
                ("retention_rule", "no-accounting-primary"),
                ("category", "marketing"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(html_unescape(&body).contains("A purpose with this code exists"));

    // An unknown rule or basis: 422.
    let (status, _, _) = app
        .post_form(
            &admin,
            "/dashboard/admin/processing",
            &[
                ("csrf_token", &csrf),
                ("code", "loyalty"),
                ("label_en", "Loyalty programme"),
                ("label_nb", "Lojalitetsprogram"),
                ("label_sv", "Lojalitetsprogram"),
                ("legal_basis", "whim"),
                ("retention_rule", "no-such-rule"),
                ("category", "marketing"),
            ],
        )
        .await;
    assert_eq!(status, 422);

    // Handlers may not edit it, nor see the page.
    app.create_user("handler@telecom.example", "handler");
    let handler = TestApp::client();
    let (status, _) = app
        .login(&handler, "handler@telecom.example", support::ADMIN_PASSWORD)
        .await;
    assert_eq!(status, 303);
    let (status, _) = app.get(&handler, "/dashboard/admin/processing").await;
    assert_eq!(status, 403);
    let token = app.csrf(&handler, "/dashboard").await;
    let (status, _, _) = app
        .post_form(
            &handler,
            "/dashboard/admin/processing",
            &[
                ("csrf_token", &token),
                ("code", "billing"),
                ("label_en", "x"),
                ("label_nb", "x"),
                ("label_sv", "x"),
                ("legal_basis", "consent"),
                ("retention_en", "x"),
                ("retention_nb", "x"),
                ("retention_sv", "x"),
                ("category", "billing"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    let (_, page) = app.get(&admin, "/dashboard/admin/processing").await;
    assert!(html_unescape(&page).contains("Invoicing, payments and accounting"));
}
