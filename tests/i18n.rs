//! Issue 8, "no missing messages": every message id a template or the code uses exists in
//! every language's files, the three languages have the same ids, and no file holds an id
//! that nothing uses. Message files: `locales/<lang>/*.ftl`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dsr_tracker::domain::api::Scope;
use dsr_tracker::domain::case::QuestionPurpose;
use dsr_tracker::domain::categories::CategoryOutcome;
use dsr_tracker::domain::channel::Channel;
use dsr_tracker::domain::kinds::Kind;
use dsr_tracker::domain::package::LegalBasis;
use dsr_tracker::domain::recipients::{Identifier, ItemDecision, NoticeStatus, RecipientKind};
use dsr_tracker::domain::roles::Role;
use dsr_tracker::domain::status::{Outcome, RejectionReason, Status};
use dsr_tracker::domain::webhooks::{EventType, UrlRefusal};
use dsr_tracker::i18n::{Lang, Tr};

fn files_under(dir: &Path, ends: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, ends, out);
        } else if ends.iter().any(|x| p.to_string_lossy().ends_with(x)) {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The message ids defined in one language's files (terms, `-name`, are not messages).
fn ids_of(lang: Lang) -> BTreeMap<String, PathBuf> {
    let mut files = Vec::new();
    files_under(
        &root().join("locales").join(lang.code()),
        &[".ftl"],
        &mut files,
    );
    assert!(!files.is_empty(), "no message files for {lang}");
    let mut ids = BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read ftl");
        for line in text.lines() {
            let Some((name, _)) = line.split_once('=') else {
                continue;
            };
            let name = name.trim_end();
            let is_id = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && !line.starts_with(char::is_whitespace);
            if is_id {
                if let Some(earlier) = ids.insert(name.to_string(), f.clone()) {
                    panic!(
                        "{lang}: id {name} defined twice ({} and {})",
                        earlier.display(),
                        f.display()
                    );
                }
            }
        }
    }
    ids
}

/// Every source the ids may be used from: templates and Rust code.
fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    files_under(&root().join("templates"), &[".html", ".txt"], &mut files);
    files_under(&root().join("src"), &[".rs"], &mut files);
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("read source");
            (f, text)
        })
        .collect()
}

/// The string literal right after each occurrence of `prefix` (e.g. `t.t1("`).
fn literals_after(text: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        if let Some(end) = rest.find('"') {
            found.push(rest[..end].to_string());
        }
    }
    found
}

/// Ids named in the code: `t.t("…")`, `t.t1("…"`, `t2`, `t3`, `t4`, `Msg::new("…")`, and the
/// labels of every enum the pages and emails show (`label_id()`). File types are not among
/// them: "PDF", "JPEG" and "PNG" read the same in every language.
fn used_ids(sources: &[(PathBuf, String)]) -> BTreeMap<String, String> {
    let mut used = BTreeMap::new();
    for (path, text) in sources {
        for prefix in [
            "t.t(\"",
            "t.t1(\"",
            "t.t2(\"",
            "t.t3(\"",
            "t.t4(\"",
            "Msg::new(\"",
        ] {
            for id in literals_after(text, prefix) {
                used.entry(id).or_insert_with(|| path.display().to_string());
            }
        }
    }
    let enums: Vec<(&str, Vec<&'static str>)> = vec![
        ("Kind", Kind::ALL.iter().map(|k| k.label_id()).collect()),
        ("Status", Status::ALL.iter().map(|k| k.label_id()).collect()),
        (
            "Outcome",
            Outcome::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "RejectionReason",
            RejectionReason::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "QuestionPurpose",
            QuestionPurpose::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "Channel",
            Channel::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        ("Role", Role::ALL.iter().map(|k| k.label_id()).collect()),
        (
            "CategoryOutcome",
            CategoryOutcome::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "RecipientKind",
            RecipientKind::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "NoticeStatus",
            NoticeStatus::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "Identifier",
            Identifier::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "ItemDecision",
            ItemDecision::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        ("Scope", Scope::ALL.iter().map(|k| k.label_id()).collect()),
        (
            "EventType",
            EventType::ALL.iter().map(|k| k.label_id()).collect(),
        ),
        (
            "UrlRefusal",
            [
                UrlRefusal::Invalid,
                UrlRefusal::NotHttps,
                UrlRefusal::Credentials,
                UrlRefusal::PrivateAddress,
            ]
            .iter()
            .map(|k| k.message_id())
            .collect(),
        ),
        (
            "LegalBasis",
            LegalBasis::ALL.iter().map(|k| k.label_id()).collect(),
        ),
    ];
    for (name, ids) in enums {
        for id in ids {
            used.entry(id.to_string())
                .or_insert_with(|| format!("{name}::label_id"));
        }
    }
    used
}

#[test]
fn every_language_has_the_same_message_ids() {
    let en = ids_of(Lang::En);
    for lang in [Lang::Nb, Lang::Sv] {
        let other = ids_of(lang);
        let missing: Vec<_> = en.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<_> = other.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang} lacks {missing:?} and has ids English lacks: {extra:?}"
        );
    }
}

#[test]
fn every_message_id_used_exists_in_every_language() {
    let sources = sources();
    let used = used_ids(&sources);
    assert!(
        used.len() > 50,
        "the scan found too few ids: {}",
        used.len()
    );
    let defined: Vec<(Lang, BTreeMap<String, PathBuf>)> =
        Lang::ALL.iter().map(|l| (*l, ids_of(*l))).collect();
    let mut missing = Vec::new();
    for (id, from) in &used {
        for (lang, ids) in &defined {
            if !ids.contains_key(id) {
                missing.push(format!("{id} ({lang}), used in {from}"));
            }
        }
    }
    assert!(missing.is_empty(), "messages missing: {missing:#?}");
}

#[test]
fn no_message_file_holds_an_id_nothing_uses() {
    let sources = sources();
    let used = used_ids(&sources);
    let all_text: String = sources.iter().map(|(_, t)| t.as_str()).collect();
    let unused: Vec<String> = ids_of(Lang::En)
        .into_iter()
        .filter(|(id, _)| !used.contains_key(id) && !all_text.contains(&format!("\"{id}\"")))
        .map(|(id, file)| format!("{id} in {}", file.display()))
        .collect();
    assert!(unused.is_empty(), "ids nothing uses: {unused:#?}");
}

#[test]
fn the_scan_would_see_a_missing_and_an_unused_id() {
    // The test's own tools, on text it controls: it can fail.
    assert_eq!(
        literals_after(
            r#"{{ t.t1("portal-x", "n", 1) }} Msg::new("field-y")"#,
            "t.t1(\""
        ),
        vec!["portal-x".to_string()]
    );
    assert!(!ids_of(Lang::Nb).contains_key("no-such-message-id"));
    assert!(ids_of(Lang::Sv).contains_key("date"));
    // A message missing at run time shows its id (logged), never a panic.
    assert_eq!(
        Tr::plain(Lang::Sv).t("no-such-message-id"),
        "no-such-message-id"
    );
}
