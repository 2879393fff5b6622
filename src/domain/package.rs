//! What goes into an access or portability package (issue 12, DESIGN §7), as pure
//! functions: structured records read from a JSON array or a CSV file (every bad line
//! reported with its number, nothing half-read), the names inside the ZIP, the legal
//! bases of the processing register, and the Art. 15(4) redaction of a record.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::msg::Msg;
use super::status::text_enum;

text_enum!(
    /// The legal basis of a purpose (Art. 6(1)(a)–(f)).
    LegalBasis "legal-basis" {
        Consent => "consent", "Consent (Art. 6(1)(a))";
        Contract => "contract", "Contract (Art. 6(1)(b))";
        LegalObligation => "legal_obligation", "Legal obligation (Art. 6(1)(c))";
        VitalInterests => "vital_interests", "Vital interests (Art. 6(1)(d))";
        PublicTask => "public_task", "Public task (Art. 6(1)(e))";
        LegitimateInterests => "legitimate_interests", "Legitimate interests (Art. 6(1)(f))";
    }
);

/// Largest file of structured records: they are read whole to check every line before
/// anything is stored. Bigger exports go in as several datasets.
pub const RECORDS_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Errors listed for one import; the count of the rest is given.
pub const ERRORS_SHOWN: usize = 20;
/// Longest field name.
pub const FIELD_MAX: usize = 100;
/// What a redacted value becomes, in data.json and the CSV alike.
pub const REDACTED: &str = "[redacted]";
/// The `data.json` format: bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One record: its fields in the order they came.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record(pub Vec<(String, Value)>);

impl Record {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == field).map(|(_, v)| v)
    }

    /// The value of `field` as one CSV cell: text as it is, other values as JSON, a
    /// missing field empty.
    pub fn cell(&self, field: &str) -> String {
        match self.get(field) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }
    }

    /// Blank out `field` (Art. 15(4): the rights of others). Returns whether it was there.
    pub fn redact(&mut self, field: &str) -> bool {
        match self.0.iter_mut().find(|(k, _)| k == field) {
            Some((_, v)) => {
                *v = Value::String(REDACTED.to_string());
                true
            }
            None => false,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Record;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Record, A::Error> {
                let mut fields: Vec<(String, Value)> = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, Value>()? {
                    match fields.iter_mut().find(|(f, _)| *f == k) {
                        Some(slot) => slot.1 = v,
                        None => fields.push((k, v)),
                    }
                }
                Ok(Record(fields))
            }
        }
        d.deserialize_map(InOrder)
    }
}

/// Records read from a file: every field name in order of first appearance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    pub columns: Vec<String>,
    pub records: Vec<Record>,
}

/// What is wrong with one line of an import (line 0: the file as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub line: u64,
    pub message: Msg,
}

fn at(line: u64, message: Msg) -> LineError {
    LineError { line, message }
}

/// Read structured records: a JSON array of objects (the first character that is not
/// white space is `[`) or a CSV file with a header line. Any error refuses the whole
/// file; the errors name their lines (the first `ERRORS_SHOWN`, and a last one counting
/// the rest).
pub fn parse_records(bytes: &[u8]) -> Result<Records, Vec<LineError>> {
    if bytes.len() > RECORDS_MAX_BYTES {
        return Err(vec![at(
            0,
            Msg::new("package-records-too-large").arg("mb", RECORDS_MAX_BYTES / (1024 * 1024)),
        )]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            let line = line_of(bytes, e.valid_up_to());
            return Err(vec![at(line, Msg::new("package-records-not-utf8"))]);
        }
    };
    let result = if text.trim_start().starts_with('[') {
        parse_json(text)
    } else {
        parse_csv(text)
    };
    result.map_err(cap)
}

fn cap(mut errors: Vec<LineError>) -> Vec<LineError> {
    if errors.len() > ERRORS_SHOWN {
        let more = errors.len() - ERRORS_SHOWN;
        errors.truncate(ERRORS_SHOWN);
        errors.push(at(
            0,
            Msg::new("package-records-more-errors").arg("count", more),
        ));
    }
    errors
}

/// The 1-based line of byte `offset` of `bytes`.
fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let upto = &bytes[..offset.min(bytes.len())];
    upto.iter().filter(|b| **b == b'\n').count() as u64 + 1
}

fn check_field(name: &str, line: u64, errors: &mut Vec<LineError>) {
    if name.trim().is_empty() {
        errors.push(at(line, Msg::new("package-records-field-empty")));
    } else if name.chars().count() > FIELD_MAX {
        errors.push(at(
            line,
            Msg::new("package-records-field-long").arg("max", FIELD_MAX),
        ));
    }
}

fn add_columns(columns: &mut Vec<String>, record: &Record) {
    for (k, _) in &record.0 {
        if !columns.iter().any(|c| c == k) {
            columns.push(k.clone());
        }
    }
}

fn parse_json(text: &str) -> Result<Records, Vec<LineError>> {
    let items: Vec<&serde_json::value::RawValue> = match serde_json::from_str(text) {
        Ok(items) => items,
        Err(e) => {
            return Err(vec![at(
                e.line() as u64,
                Msg::new("package-records-json").arg("detail", e.to_string()),
            )])
        }
    };
    let mut errors = Vec::new();
    let mut out = Records::default();
    for (n, raw) in items.iter().enumerate() {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let line = line_of(text.as_bytes(), offset);
        match Record::from_json(raw.get()) {
            Ok(r) if r.0.is_empty() => errors.push(at(
                line,
                Msg::new("package-records-empty-object").arg("number", n + 1),
            )),
            Ok(r) => {
                for (k, _) in &r.0 {
                    check_field(k, line, &mut errors);
                }
                add_columns(&mut out.columns, &r);
                out.records.push(r);
            }
            Err(_) => errors.push(at(
                line,
                Msg::new("package-records-not-object").arg("number", n + 1),
            )),
        }
    }
    if out.records.is_empty() && errors.is_empty() {
        errors.push(at(0, Msg::new("package-records-none")));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn parse_csv(text: &str) -> Result<Records, Vec<LineError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            let line = e.position().map(|p| p.line()).unwrap_or(1);
            return Err(vec![at(
                line,
                Msg::new("package-records-csv").arg("detail", e.to_string()),
            )]);
        }
    };
    let columns: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    if columns.iter().all(String::is_empty) {
        return Err(vec![at(1, Msg::new("package-records-no-header"))]);
    }
    for (i, c) in columns.iter().enumerate() {
        check_field(c, 1, &mut errors);
        if !c.is_empty() && columns[..i].contains(c) {
            errors.push(at(
                1,
                Msg::new("package-records-field-twice").arg("field", c.as_str()),
            ));
        }
    }
    let mut records = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(at(
                    line,
                    Msg::new("package-records-csv").arg("detail", e.to_string()),
                ));
                continue;
            }
        };
        let line = row.position().map(|p| p.line()).unwrap_or(0);
        if row.len() != columns.len() {
            errors.push(at(
                line,
                Msg::new("package-records-csv-fields")
                    .arg("found", row.len())
                    .arg("expected", columns.len()),
            ));
            continue;
        }
        records.push(Record(
            columns
                .iter()
                .cloned()
                .zip(row.iter().map(|v| Value::String(v.to_string())))
                .collect(),
        ));
    }
    if records.is_empty() && errors.is_empty() {
        errors.push(at(0, Msg::new("package-records-none")));
    }
    if errors.is_empty() {
        Ok(Records { columns, records })
    } else {
        Err(errors)
    }
}

/// A dataset's or file's name inside the ZIP: lower-case ASCII letters, digits and
/// dashes (`Call records 2026` → `call-records-2026`), never empty, never a path, and
/// not one of `taken` (`-2`, `-3`, … added).
pub fn unique_stem(name: &str, taken: &[String]) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        let c = match c {
            'æ' | 'Æ' => Some("ae"),
            'ø' | 'Ø' | 'ö' | 'Ö' => Some("o"),
            'å' | 'Å' | 'ä' | 'Ä' => Some("a"),
            _ => None,
        }
        .map(str::to_string)
        .unwrap_or_else(|| c.to_ascii_lowercase().to_string());
        for ch in c.chars() {
            if ch.is_ascii_alphanumeric() {
                stem.push(ch);
            } else if !stem.ends_with('-') && !stem.is_empty() {
                stem.push('-');
            }
        }
    }
    let mut stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    stem = stem.trim_end_matches('-').to_string();
    if stem.is_empty() {
        stem = "dataset".into();
    }
    let mut candidate = stem.clone();
    let mut n = 2;
    while taken.iter().any(|t| t == &candidate) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

/// A file's name inside the ZIP: its own name reduced to safe characters, the extension
/// kept, unique among `taken`.
pub fn zip_file_name(original: &str, taken: &[String]) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let (stem, ext) = match base.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && !e.is_empty() && e.len() <= 10 => (s, Some(e)),
        _ => (base, None),
    };
    let ext: Option<String> = ext
        .map(|e| {
            e.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|e| !e.is_empty());
    let mut n = 1;
    loop {
        let s = unique_stem(stem, &[]);
        let s = if n == 1 { s } else { format!("{s}-{n}") };
        let name = match &ext {
            Some(e) => format!("{s}.{e}"),
            None => s,
        };
        if !taken.iter().any(|t| t == &name) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(e: &[LineError]) -> Vec<(u64, &'static str)> {
        e.iter().map(|e| (e.line, e.message.id)).collect()
    }

    #[test]
    fn a_json_array_keeps_field_order_and_collects_every_column() {
        let r = parse_records(br#"[{"b": 1, "a": "x"}, {"a": "y", "c": null}]"#).expect("ok");
        assert_eq!(r.columns, vec!["b", "a", "c"]);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].to_json(), r#"{"b":1,"a":"x"}"#);
        assert_eq!(r.records[1].cell("b"), "");
        assert_eq!(r.records[0].cell("b"), "1");
    }

    #[test]
    fn json_errors_name_their_lines_and_nothing_is_kept() {
        let text = b"[\n {\"a\": 1},\n 5,\n {},\n {\"\": 2}\n]";
        let e = parse_records(text).expect_err("refused");
        assert_eq!(
            lines(&e),
            vec![
                (3, "package-records-not-object"),
                (4, "package-records-empty-object"),
                (5, "package-records-field-empty"),
            ]
        );
        let e = parse_records(b"[\n{\"a\": 1},\n{\"a\": }\n]").expect_err("syntax");
        assert_eq!(lines(&e), vec![(3, "package-records-json")]);
        assert_eq!(
            lines(&parse_records(b"[]").expect_err("empty")),
            vec![(0, "package-records-none")]
        );
    }

    #[test]
    fn csv_rows_with_the_wrong_number_of_fields_are_reported_by_line() {
        let text = "caller,callee,seconds\n+4791234567,+4798765432,60\n+4791234567,12\n+4791234567,+4790000000,5\nx,y,z,w\n";
        let e = parse_records(text.as_bytes()).expect_err("refused");
        assert_eq!(
            lines(&e),
            vec![
                (3, "package-records-csv-fields"),
                (5, "package-records-csv-fields")
            ]
        );
        let ok = parse_records(b"\xef\xbb\xbfa,b\n1,2\n\"x, y\",\"3\"\n").expect("ok");
        assert_eq!(ok.columns, vec!["a", "b"]);
        assert_eq!(ok.records[1].cell("a"), "x, y");
    }

    #[test]
    fn a_csv_header_must_name_every_column_once() {
        let e = parse_records(b"a,a,\n1,2,3\n").expect_err("refused");
        assert_eq!(
            lines(&e),
            vec![
                (1, "package-records-field-twice"),
                (1, "package-records-field-empty")
            ]
        );
        let e = parse_records(b"a\n\xff\n").expect_err("not utf-8");
        assert_eq!(lines(&e), vec![(2, "package-records-not-utf8")]);
    }

    #[test]
    fn many_errors_are_capped_with_a_count_of_the_rest() {
        let mut text = String::from("a,b\n");
        for _ in 0..30 {
            text.push_str("1\n");
        }
        let e = parse_records(text.as_bytes()).expect_err("refused");
        assert_eq!(e.len(), ERRORS_SHOWN + 1);
        assert_eq!(e[ERRORS_SHOWN].message.id, "package-records-more-errors");
    }

    #[test]
    fn redaction_replaces_the_value_and_only_that() {
        let mut r = Record::from_json(r#"{"caller":"+47 1","callee":"+47 2"}"#).expect("json");
        assert!(r.redact("callee"));
        assert!(!r.redact("nope"));
        assert_eq!(r.cell("callee"), REDACTED);
        assert_eq!(r.cell("caller"), "+47 1");
    }

    #[test]
    fn names_inside_the_zip_are_safe_and_unique() {
        assert_eq!(unique_stem("Call records 2026", &[]), "call-records-2026");
        assert_eq!(unique_stem("Ærlig / ../../etc", &[]), "aerlig-etc");
        assert_eq!(unique_stem("***", &[]), "dataset");
        assert_eq!(
            unique_stem("Calls", &["calls".into(), "calls-2".into()]),
            "calls-3"
        );
        assert_eq!(zip_file_name("../../Kontrakt Ø.PDF", &[]), "kontrakt-o.pdf");
        assert_eq!(zip_file_name("a.pdf", &["a.pdf".into()]), "a-2.pdf");
        assert_eq!(zip_file_name(".bashrc", &[]), "bashrc");
    }
}
