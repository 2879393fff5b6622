//! Issue 8, the portal: the reader's language (Accept-Language, the switch and its
//! cookie), and forms that come back with an error summary a screen reader lands on.

mod support;

use support::*;

/// One start tag: its name and attributes (our templates quote every attribute with `"`).
#[derive(Debug)]
struct Tag {
    at: usize,
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every start tag in `html`, in order, with its byte offset.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let inner = &html[start + 1..start + len];
        i = start + len + 1;
        if inner.starts_with('/') || inner.starts_with('!') {
            continue;
        }
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let rest = &inner[name_end..];
        let rb = rest.as_bytes();
        let mut j = 0;
        while j < rb.len() {
            while j < rb.len() && (rb[j] as char).is_whitespace() {
                j += 1;
            }
            let a_start = j;
            while j < rb.len() && rb[j] != b'=' && !(rb[j] as char).is_whitespace() {
                j += 1;
            }
            let a_name = rest[a_start..j].to_string();
            if j < rb.len() && rb[j] == b'=' && j + 1 < rb.len() && rb[j + 1] == b'"' {
                let v_start = j + 2;
                let v_len = rest[v_start..].find('"').unwrap_or(rest.len() - v_start);
                attrs.push((a_name, rest[v_start..v_start + v_len].to_string()));
                j = v_start + v_len + 1;
            } else if !a_name.is_empty() {
                attrs.push((a_name, String::new()));
            } else {
                j += 1;
            }
        }
        out.push(Tag {
            at: start,
            name,
            attrs,
        });
    }
    out
}

fn by_id<'a>(all: &'a [Tag], id: &str) -> Option<&'a Tag> {
    all.iter().find(|t| t.attr("id") == Some(id))
}

fn title_of(html: &str) -> String {
    let start = html.find("<title>").map(|s| s + 7).unwrap_or(0);
    let end = html[start..]
        .find("</title>")
        .map(|e| start + e)
        .unwrap_or(start);
    html_unescape(&html[start..end])
}

async fn get_with_language(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    accept: &str,
) -> (u16, String) {
    let r = c
        .get(app.url(path))
        .header("Accept-Language", accept)
        .send()
        .await
        .expect("GET");
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn accept_language_sv_gives_swedish_pages_with_the_frame_in_swedish() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (status, home) = get_with_language(&app, &c, "/", "sv-SE,sv;q=0.9,en;q=0.5").await;
    assert_eq!(status, 200);
    assert!(home.contains("<html lang=\"sv\">"), "{home}");
    assert!(home.contains("Skicka en begäran"), "Swedish heading");
    assert!(home.contains("Begär tillgång"), "per-right link in Swedish");
    assert!(home.contains("Hoppa till huvudinnehållet"), "skip link");
    // The switch offers the two other languages, each named in its own language.
    assert!(home.contains("lang=\"nb\" hreflang=\"nb\">Norsk"), "{home}");
    assert!(home.contains("hreflang=\"en\">English"));
    assert!(
        !home.contains("hreflang=\"sv\""),
        "not the language already shown"
    );
    // Legal references and the authority stay as they are.
    assert!(home.contains("(Art. 15)"));
    assert!(home.contains(&app.settings.authority_name));
    assert!(home.contains(&format!("mailto:{}", app.settings.dpo_email)));

    let (_, track) = get_with_language(&app, &c, "/track", "sv").await;
    assert!(track.contains("<html lang=\"sv\">"));
    assert!(track.contains("Följ mina begäranden"));

    // Without a header the setting (English in tests) speaks.
    let (_, english) = app.get(&c, "/").await;
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("Send a request"));
}

#[tokio::test]
async fn the_switch_sets_a_cookie_that_wins_over_accept_language_and_goes_back_only_locally() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();

    let r = c
        .get(app.url("/lang/nb?back=/track"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/track")
    );
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(cookie.starts_with("lang=nb"), "{cookie}");

    // Norwegian now, although the browser prefers Swedish.
    let (_, track) = get_with_language(&app, &c, "/track", "sv").await;
    assert!(track.contains("<html lang=\"nb\">"), "{track}");
    assert!(track.contains("Følg henvendelsene mine"));
    // The switch on that page leads back to it.
    assert!(track.contains("href=\"/lang/sv?back=/track\""), "{track}");

    // A foreign target is not followed.
    let r = c
        .get(app.url("/lang/sv?back=//evil.example"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );

    // An unknown language changes nothing: no cookie, and a fresh browser still gets
    // the language of its header.
    let fresh = TestApp::client();
    let r = fresh
        .get(app.url("/lang/de?back=/track"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/track")
    );
    assert!(r.headers().get("set-cookie").is_none());
    let (_, page) = get_with_language(&app, &fresh, "/track", "sv").await;
    assert!(page.contains("<html lang=\"sv\">"));
}

#[tokio::test]
async fn a_failed_submit_puts_a_summary_first_that_links_to_each_bad_field() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    // No kind (a radio group), no name, a bad email.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[("csrf_token", &token), ("email", "not-an-address")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(title_of(&body).starts_with("Error:"), "{}", title_of(&body));
    let all = tags(&body);

    let summary = by_id(&all, "error-summary").expect("an error summary");
    assert_eq!(summary.attr("role"), Some("alert"));
    assert_eq!(summary.attr("tabindex"), Some("-1"));
    let form = all
        .iter()
        .find(|t| t.name == "form" && t.attr("action").is_some_and(|a| a.starts_with("/requests")))
        .expect("the form");
    assert_eq!(form.attr("action"), Some("/requests#error-summary"));
    let first_fieldset = all
        .iter()
        .find(|t| t.name == "fieldset" && t.at > form.at)
        .expect("a fieldset");
    assert!(summary.at < first_fieldset.at, "the summary comes first");

    let summary_end = body[summary.at..].find("</div>").expect("end") + summary.at;
    let links: Vec<&Tag> = all
        .iter()
        .filter(|t| t.name == "a" && t.at > summary.at && t.at < summary_end)
        .collect();
    assert_eq!(links.len(), 3, "kind, name and email");
    let mut targets = Vec::new();
    for link in links {
        let href = link.attr("href").expect("href");
        let id = href.strip_prefix('#').expect("a link within the page");
        targets.push(id.to_string());
        let input = by_id(&all, id).unwrap_or_else(|| panic!("no element #{id}"));
        assert_eq!(input.name, "input", "#{id} is an input");
        assert_eq!(input.attr("aria-invalid"), Some("true"), "#{id}");
        let described = input.attr("aria-describedby").expect("aria-describedby");
        for d in described.split_whitespace() {
            assert!(
                by_id(&all, d).is_some(),
                "#{id} is described by missing #{d}"
            );
        }
        assert!(described.contains("-error"), "#{id}: {described}");
    }
    // A radio group's link goes to its first radio button.
    assert_eq!(targets, ["kind-access", "name", "email"]);
    // The email's hint is named too.
    let email = by_id(&all, "email").expect("email");
    assert_eq!(
        email.attr("aria-describedby"),
        Some("email-hint email-error")
    );
    // Fields without an error are not marked.
    let phone = by_id(&all, "phone").expect("phone");
    assert!(phone.attr("aria-invalid").is_none());
}

#[tokio::test]
async fn the_track_form_comes_back_with_a_summary_in_the_readers_language() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let _ = c
        .get(app.url("/lang/nb?back=/track"))
        .send()
        .await
        .expect("switch");
    let token = app.csrf(&c, "/track").await;
    let (status, body, _) = app
        .post_form(&c, "/track", &[("csrf_token", &token), ("email", "")])
        .await;
    assert_eq!(status, 422);
    assert!(title_of(&body).starts_with("Feil:"), "{}", title_of(&body));
    assert!(body.contains("Skriv inn e-postadressen din."), "{body}");
    assert!(body.contains("action=\"/track#error-summary\""));
    assert!(body.contains("<a href=\"#email\">"));
    // After the POST the switch still leads back to the form's page.
    assert!(body.contains("href=\"/lang/en?back=/track\""), "{body}");
}

#[tokio::test]
async fn everything_with_ticked_categories_is_refused_beside_the_categories_and_nothing_is_stored()
{
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let token = app.csrf(&c, "/").await;
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "erasure"),
                ("name", "Kari Nordmann"),
                ("email", "kari@example.no"),
                ("erasure_scope", "everything"),
                ("erasure_categories", "billing"),
                ("erasure_categories", "marketing"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("id=\"erasure_categories-error\""));
    assert!(
        body.contains("You chose “everything” but also ticked some categories"),
        "{body}"
    );
    assert_eq!(app.count_requests(), 0, "no request stored");
    let mut conn = app.pool.get().expect("conn");
    for s in ["pending", "sent", "failed"] {
        assert_eq!(
            dsr_tracker::db::outbox::count_by_status(&mut conn, s).expect("count"),
            0,
            "no {s} mail"
        );
    }
    let all = tags(&body);
    for (code, ticked) in [("billing", true), ("marketing", true), ("contact", false)] {
        let input = by_id(&all, &format!("erasure_categories-{code}")).expect("checkbox");
        assert_eq!(input.attr("checked").is_some(), ticked, "{code}");
    }
    assert!(by_id(&all, "erasure_scope-everything")
        .and_then(|t| t.attr("checked"))
        .is_some());
    // The summary links to the first checkbox of the group.
    assert!(body.contains("<a href=\"#erasure_categories-contact\">"));
    // The categories are their own group with a legend.
    assert!(body.contains("<fieldset class=\"erasure-categories indent\">\n      <legend>"));

    // The reverse: "only these categories" with none ticked.
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "erasure"),
                ("name", "Kari Nordmann"),
                ("email", "kari@example.no"),
                ("erasure_scope", "categories"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("Choose at least one category"));
    assert_eq!(app.count_requests(), 0);
}

#[tokio::test]
async fn my_requests_and_the_status_page_speak_swedish_with_swedish_dates() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let _ = c
        .get(app.url("/lang/sv?back=/"))
        .send()
        .await
        .expect("switch");
    let token = app.csrf(&c, "/").await;
    let (status, body, _) = app
        .post_form(
            &c,
            "/requests",
            &[
                ("csrf_token", &token),
                ("kind", "erasure"),
                ("name", "Kari Nordmann"),
                ("email", "kari.sv@example.se"),
                ("erasure_scope", "categories"),
                ("erasure_categories", "marketing"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Tack – ett steg kvar"), "{body}");

    let mail = app.wait_for_mail("kari.sv@example.se", "").await;
    let link = extract_links(&mail.text, &format!("{}/verify/", app.base))
        .into_iter()
        .next()
        .expect("verify link");
    let path = link.trim_start_matches(&app.base).to_string();
    let (status, page) = app.get(&c, &path).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Bekräfta din begäran"));
    let token = csrf_in(&page).expect("csrf");
    let (status, page, _) = app.post_form(&c, &path, &[("csrf_token", &token)]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Tack, din begäran är bekräftad"), "{page}");
    let today = app
        .clock_now()
        .with_timezone(&app.settings.timezone)
        .date_naive();
    let sv = dsr_tracker::i18n::Tr::plain(dsr_tracker::i18n::Lang::Sv);
    let status_link = all_links(&page)
        .into_iter()
        .find(|l| l.starts_with("/my/requests/"))
        .expect("status link");
    let (status, page) = app.get(&c, &status_link).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<html lang=\"sv\">"));
    assert!(page.contains(&sv.date(&today)), "received date in Swedish");
    assert!(
        page.contains("Omfattning: Marknadsföringsval och kampanjhistorik"),
        "{page}"
    );
    assert!(page.contains("Radering av mina personuppgifter (Art. 17)"));
    assert!(page.contains("Vi tog emot din begäran via den här webbplatsen."));
    assert!(!page.contains(&today.to_string()), "no ISO date shown");
}

fn all_links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| t.attr("href").map(str::to_string))
        .collect()
}
