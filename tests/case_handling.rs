//! Issue 7, case handling: the handler's actions on the request page, driven through the
//! dashboard's forms over HTTP as a browser would, on SQLite and PostgreSQL.

mod support;

use std::path::Path;

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
