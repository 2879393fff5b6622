//! Access and portability packages (issue 12, DESIGN §7).
//!
//! - The handler adds the subject's data to an open access or portability request: files
//!   (streamed to disk under a random name by a `FileSink`, within `DSR_PACKAGE_MAX_MB`)
//!   and structured records (a JSON array or a CSV file, checked line by line, stored
//!   whole or not at all), each in a data category, and redacts other people's data from
//!   the records (Art. 15(4)) with a reason. Each of these is a `case::edit`: the
//!   request's version moves on, and the change is audited.
//! - Completing the request builds the ZIP (`build`, before the completing transaction,
//!   from the data at the version the handler saw) and records it in that transaction
//!   (`record_built`); if the transaction fails the file is removed.
//! - The subject downloads it from the status page, and a controller the subject named
//!   downloads it with the link the handler sent (Art. 20(2)), until it expires. Every
//!   download is counted and audited. The sweeper (`expire`) then deletes the package,
//!   the files and records it was built from, and records that it did.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};

use super::case::{current, edit, invalid};
use super::users::Staff;
use super::view::Opens;
use super::{audit, Actor, Conn, Ctx, Event, WorkflowError};
use crate::config::Settings;
use crate::db::models::{
    Dataset, DatasetRecord, Package, PackageFile, PackageLink, Redaction, Request,
};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::categories::{label_in, Category};
use crate::domain::kinds::{FormInput, Kind, RequestDetails};
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FieldError, FreeText, ShortText};
use crate::domain::package::{
    parse_records, unique_stem, zip_file_name, LineError, Record, SCHEMA_VERSION,
};
use crate::domain::tokens;
use crate::filestore::FileStore;
use crate::mail::messages::PackageLinkMail;
use crate::mail::outbox::enqueue;
use crate::packaging::{CoverLetter, DatasetLine, Entry, FileLine, PackageWriter, RedactionLine};
use crate::time::local_date;

/// Records read from the database at a time while a package is built.
const PAGE: i64 = 500;
/// Longest dataset name.
const NAME_MAX: usize = 120;
/// Shortest reason for a redaction: the subject is told it (Art. 15(4)).
pub const REASON_MIN_CHARS: usize = 10;
/// Records shown per dataset on the handler's page.
const PREVIEW_RECORDS: i64 = 5;

fn files(settings: &Settings) -> FileStore {
    FileStore::new(settings.package_file_dir())
}

fn zips(settings: &Settings) -> FileStore {
    FileStore::new(settings.package_dir())
}

/// Whether a kind of request is answered with a package.
pub fn takes_package(kind: Kind) -> bool {
    matches!(kind, Kind::Access | Kind::Portability)
}

fn open_for_data(request: &Request, by: &Staff) -> Result<(), WorkflowError> {
    if !by.role.works_cases() || !takes_package(request.kind()?) {
        return Err(WorkflowError::NotFound);
    }
    Ok(())
}

// --- Files ------------------------------------------------------------------------------------

/// A file arriving from the handler's browser, written to disk as it comes: never held
/// in memory, cut off past the limit, hashed on the way.
pub struct FileSink {
    name: String,
    file: std::fs::File,
    store: FileStore,
    written: u64,
    max: u64,
    hasher: Sha256,
    too_large: bool,
}

/// A file written whole, not yet recorded.
pub struct StoredFile {
    pub stored_name: String,
    pub size: u64,
    pub sha256: String,
    pub too_large: bool,
}

impl FileSink {
    pub fn new(settings: &Settings) -> std::io::Result<Self> {
        let store = files(settings);
        let (name, file) = store.create()?;
        Ok(Self {
            name,
            file,
            store,
            written: 0,
            max: settings.package_max_mb.saturating_mul(1024 * 1024),
            hasher: Sha256::new(),
            too_large: false,
        })
    }

    /// Write a chunk; past the limit the rest is counted and dropped.
    pub fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.written = self.written.saturating_add(chunk.len() as u64);
        if self.written > self.max {
            self.too_large = true;
            return Ok(());
        }
        self.hasher.update(chunk);
        self.file.write_all(chunk)
    }

    /// Flush to disk. A file over the limit is removed at once (`too_large`).
    pub fn finish(self) -> std::io::Result<StoredFile> {
        if self.too_large {
            drop(self.file);
            self.store.delete(&self.name)?;
        } else if let Err(e) = self.file.sync_all() {
            // A full disk shows here at the latest: the partial file goes.
            let _ = self.store.delete(&self.name);
            return Err(e);
        }
        Ok(StoredFile {
            stored_name: self.name,
            size: self.written,
            sha256: hex::encode(self.hasher.finalize()),
            too_large: self.too_large,
        })
    }

    /// Give up (the upload broke off): the partial file goes.
    pub fn abandon(self) {
        let _ = self.store.delete(&self.name);
    }
}

impl StoredFile {
    pub fn discard(&self, settings: &Settings) {
        if !self.too_large {
            let _ = files(settings).delete(&self.stored_name);
        }
    }
}

/// The form beside an uploaded file.
pub struct FileInput {
    pub original_name: String,
    pub category: String,
}

fn check_category(
    conn: &mut DbConn,
    code: &str,
    errors: &mut Vec<FieldError>,
) -> Result<(), WorkflowError> {
    if !super::registers::active_categories(conn)?
        .iter()
        .any(|c| c.code == code)
    {
        errors.push(FieldError::new("category", Msg::new("package-category")));
    }
    Ok(())
}

/// Record a file the sink wrote, in a data category. On any refusal the file is removed.
pub fn add_file(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &FileInput,
    stored: StoredFile,
) -> Result<(), WorkflowError> {
    let result = add_file_row(conn, ctx, by, id, version, input, &stored);
    if result.is_err() {
        stored.discard(ctx.settings);
    }
    result
}

fn add_file_row(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &FileInput,
    stored: &StoredFile,
) -> Result<(), WorkflowError> {
    let mut errors = Vec::new();
    if stored.too_large {
        errors.push(FieldError::new(
            "file",
            Msg::new("package-file-too-large").arg("mb", ctx.settings.package_max_mb),
        ));
    } else if stored.size == 0 {
        errors.push(FieldError::new("file", Msg::new("package-file-empty")));
    }
    let name = input.original_name.trim();
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        open_for_data(&request, by)?;
        check_category(conn, &input.category, &mut errors)?;
        if !errors.is_empty() {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        }
        let now = ctx.now_db();
        db::packages::insert_file(
            conn,
            &PackageFile {
                id: uuid::Uuid::new_v4().to_string(),
                request_id: request.id.clone(),
                stored_name: stored.stored_name.clone(),
                original_name: if name.is_empty() {
                    "file".into()
                } else {
                    name.clone()
                },
                size_bytes: i64::try_from(stored.size).unwrap_or(i64::MAX),
                sha256: stored.sha256.clone(),
                category_code: input.category.clone(),
                added_by: by.id.clone(),
                added_at: now,
                deleted_at: None,
            },
        )?;
        let note = format!("{name} ({} bytes, {})", stored.size, input.category);
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "package_file_added",
            &note,
        )
    })
}

/// Take a file out again (before completion). It is deleted from disk with its row's
/// deletion mark, as the last step of the transaction.
pub fn remove_file(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    file_id: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        open_for_data(&request, by)?;
        let f = db::packages::find_file(conn, file_id)?
            .filter(|f| f.request_id == request.id && f.deleted_at.is_none())
            .ok_or(WorkflowError::NotFound)?;
        db::packages::mark_file_deleted(conn, &f.id, ctx.now_db())?;
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "package_file_removed",
            &f.original_name,
        )?;
        files(ctx.settings)
            .delete(&f.stored_name)
            .map_err(|e| WorkflowError::Internal(format!("deleting package file: {e}")))
    })
}

// --- Structured records -----------------------------------------------------------------------

/// What the import form sends: the dataset's name and category, and the file's bytes.
pub struct RecordsInput {
    pub name: String,
    pub category: String,
    pub bytes: Vec<u8>,
}

/// A line error as a field error of `records` ("Line 3: …").
fn line_error(e: LineError) -> FieldError {
    FieldError::new("records", e.message.arg("line", e.line))
}

/// Import structured records as a new dataset: every line checked first, then all stored
/// in one transaction, or nothing (the errors name their lines).
pub fn import_records(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &RecordsInput,
) -> Result<String, WorkflowError> {
    let mut errors = Vec::new();
    let name = match ShortText::parse(&input.name, NAME_MAX, "the dataset's name") {
        Ok(n) => n.as_str().to_string(),
        Err(m) => {
            errors.push(FieldError::new("name", m));
            String::new()
        }
    };
    let parsed = if input.bytes.is_empty() {
        errors.push(FieldError::new(
            "records",
            Msg::new("package-records-no-file"),
        ));
        None
    } else {
        match parse_records(&input.bytes) {
            Ok(p) => Some(p),
            Err(lines) => {
                errors.extend(lines.into_iter().map(line_error));
                None
            }
        }
    };
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        open_for_data(&request, by)?;
        check_category(conn, &input.category, &mut errors)?;
        let (true, Some(parsed)) = (errors.is_empty(), parsed.as_ref()) else {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        };
        let taken: Vec<String> = db::packages::datasets(conn, &request.id)?
            .into_iter()
            .map(|d| d.file_stem)
            .collect();
        let dataset = Dataset {
            id: uuid::Uuid::new_v4().to_string(),
            request_id: request.id.clone(),
            name: name.clone(),
            file_stem: unique_stem(&name, &taken),
            category_code: input.category.clone(),
            field_names: serde_json::to_string(&parsed.columns)
                .map_err(|e| WorkflowError::Internal(e.to_string()))?,
            record_count: i32::try_from(parsed.records.len()).unwrap_or(i32::MAX),
            added_by: by.id.clone(),
            added_at: ctx.now_db(),
        };
        db::packages::insert_dataset(conn, &dataset)?;
        for (n, record) in parsed.records.iter().enumerate() {
            db::packages::insert_record(
                conn,
                &DatasetRecord {
                    dataset_id: dataset.id.clone(),
                    record_no: i32::try_from(n + 1).unwrap_or(i32::MAX),
                    data: record.to_json(),
                },
            )?;
        }
        let note = format!(
            "{name}: {} records ({})",
            parsed.records.len(),
            input.category
        );
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "package_records_added",
            &note,
        )?;
        Ok(dataset.id)
    })
}

/// Take a dataset out again, with its records and redactions.
pub fn remove_dataset(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    dataset_id: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        open_for_data(&request, by)?;
        let d = db::packages::find_dataset(conn, dataset_id)?
            .filter(|d| d.request_id == request.id)
            .ok_or(WorkflowError::NotFound)?;
        db::packages::delete_dataset(conn, &d.id)?;
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "package_records_removed",
            &d.name,
        )
    })
}

/// A redaction as the form sends it.
pub struct RedactionInput {
    pub dataset: String,
    pub field: String,
    /// Empty: the field in every record.
    pub record: String,
    pub reason: String,
}

pub fn parse_redaction(f: &dyn FormInput) -> RedactionInput {
    RedactionInput {
        dataset: f.value("dataset").trim().to_string(),
        field: f.value("field").to_string(),
        record: f.value("record").trim().to_string(),
        reason: f.value("reason").to_string(),
    }
}

/// Leave a field of other people's data out of the package (Art. 15(4): the access must
/// not adversely affect the rights and freedoms of others), in one record or in all, with
/// the reason the subject is told.
pub fn redact(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    input: &RedactionInput,
) -> Result<(), WorkflowError> {
    let d = &input.dataset;
    let mut errors = Vec::new();
    let reason = match FreeText::parse(&input.reason, limits::FREE_TEXT, "the reason") {
        Ok(r) if r.as_str().chars().count() >= REASON_MIN_CHARS => Some(r),
        Ok(_) => {
            errors.push(FieldError::new(
                format!("reason-{d}"),
                Msg::new("package-redaction-reason-short").arg("min", REASON_MIN_CHARS),
            ));
            None
        }
        Err(m) => {
            errors.push(FieldError::new(format!("reason-{d}"), m));
            None
        }
    };
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        open_for_data(&request, by)?;
        let dataset = db::packages::find_dataset(conn, d)?
            .filter(|x| x.request_id == request.id)
            .ok_or(WorkflowError::NotFound)?;
        let columns: Vec<String> = serde_json::from_str(&dataset.field_names).unwrap_or_default();
        if !columns.contains(&input.field) {
            errors.push(FieldError::new(
                format!("field-{d}"),
                Msg::new("package-redaction-field"),
            ));
        }
        let record = if input.record.is_empty() {
            None
        } else {
            match input.record.parse::<i32>() {
                Ok(n) if (1..=dataset.record_count).contains(&n) => Some(n),
                _ => {
                    errors.push(FieldError::new(
                        format!("record-{d}"),
                        Msg::new("package-redaction-record").arg("count", dataset.record_count),
                    ));
                    None
                }
            }
        };
        let (true, Some(reason)) = (errors.is_empty(), reason.as_ref()) else {
            return Err(WorkflowError::Invalid(std::mem::take(&mut errors)));
        };
        db::packages::insert_redaction(
            conn,
            &Redaction {
                id: uuid::Uuid::new_v4().to_string(),
                dataset_id: dataset.id.clone(),
                field: input.field.clone(),
                record_no: record,
                reason: reason.as_str().to_string(),
                redacted_by: by.id.clone(),
                redacted_at: ctx.now_db(),
            },
        )?;
        let note = format!(
            "{} / {} / {}: {}",
            dataset.name,
            input.field,
            record.map_or_else(|| "every record".to_string(), |n| format!("record {n}")),
            reason.as_str()
        );
        edit(
            conn,
            ctx,
            &request,
            RequestChanges::default(),
            by,
            "package_redacted",
            &note,
        )
    })
}

// --- The handler's page -----------------------------------------------------------------------

pub struct DatasetView {
    pub d: Dataset,
    pub category: String,
    pub columns: Vec<String>,
    /// The first records, as imported (the handler decides what to redact).
    pub preview: Vec<(i32, Vec<String>)>,
    pub redactions: Vec<Redaction>,
}

pub struct FileView {
    pub f: PackageFile,
    pub category: String,
}

pub struct PackageView {
    pub p: Package,
    pub expired: bool,
    pub until: NaiveDate,
    pub links: Vec<PackageLink>,
}

/// Everything on the package page of a request.
pub struct PackagePage {
    pub request: super::view::RequestView,
    pub version: i32,
    /// Data can still be added (open, and a kind answered with a package).
    pub editable: bool,
    pub datasets: Vec<DatasetView>,
    pub files: Vec<FileView>,
    pub package: Option<PackageView>,
    /// The controller a portability request names (Art. 20(2)).
    pub send_to: Option<crate::domain::kinds::OtherController>,
    pub categories: Vec<Category>,
    pub max_mb: u64,
}

pub fn page(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    t: &crate::i18n::Tr,
) -> Result<PackagePage, WorkflowError> {
    let request = db::requests::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
    if !takes_package(request.kind()?) {
        return Err(WorkflowError::NotFound);
    }
    let register = super::registers::categories(conn)?;
    let mut datasets = Vec::new();
    for d in db::packages::datasets(conn, &request.id)? {
        let columns: Vec<String> = serde_json::from_str(&d.field_names).unwrap_or_default();
        let preview = db::packages::records_page(conn, &d.id, 0, PREVIEW_RECORDS)?
            .into_iter()
            .map(|r| {
                let rec = Record::from_json(&r.data).unwrap_or_default();
                (r.record_no, columns.iter().map(|c| rec.cell(c)).collect())
            })
            .collect();
        datasets.push(DatasetView {
            category: label_in(&register, &d.category_code, t),
            redactions: db::packages::redactions(conn, &d.id)?,
            columns,
            preview,
            d,
        });
    }
    let files = db::packages::files(conn, &request.id)?
        .into_iter()
        .filter(|f| f.deleted_at.is_none())
        .map(|f| FileView {
            category: label_in(&register, &f.category_code, t),
            f,
        })
        .collect();
    let package = match db::packages::package_of(conn, &request.id)? {
        Some(p) => Some(PackageView {
            expired: p.deleted_at.is_some() || p.expires_at <= ctx.now_db(),
            until: local_date(p.expires_at, ctx.settings.timezone),
            links: db::packages::links_of(conn, &p.id)?,
            p,
        }),
        None => None,
    };
    let send_to = match request.details()? {
        RequestDetails::Portability { send_to, .. } => send_to,
        _ => None,
    };
    Ok(PackagePage {
        editable: by.role.works_cases() && !request.status()?.is_terminal(),
        version: request.version,
        request: super::view::view_of(ctx, &request)?,
        datasets,
        files,
        package,
        send_to,
        categories: super::registers::active_categories(conn)?,
        max_mb: ctx.settings.package_max_mb,
    })
}

/// Whether the request has data for a package (completing it builds one).
pub fn has_data(conn: &mut DbConn, request_id: &str) -> Result<bool, WorkflowError> {
    Ok(!db::packages::datasets(conn, request_id)?.is_empty()
        || db::packages::files(conn, request_id)?
            .iter()
            .any(|f| f.deleted_at.is_none()))
}

/// The last day a package built now can be downloaded.
pub fn until_if_built_now(ctx: &Ctx<'_>) -> NaiveDate {
    local_date(expiry(ctx), ctx.settings.timezone)
}

fn expiry(ctx: &Ctx<'_>) -> NaiveDateTime {
    ctx.now_db() + Duration::days(i64::from(ctx.settings.package_days))
}

// --- Building ---------------------------------------------------------------------------------

/// A ZIP written to disk, not yet recorded.
pub struct Built {
    pub stored_name: String,
    pub size: u64,
    pub sha256: String,
}

impl Built {
    pub fn discard(&self, settings: &Settings) {
        let _ = zips(settings).delete(&self.stored_name);
    }
}

/// A file error as the handler sees it: a full disk is said plainly (409, nothing
/// changed: a half-written package or upload is removed by its caller); anything else is
/// internal, with its detail in the log.
pub(crate) fn io(what: &str) -> impl Fn(std::io::Error) -> WorkflowError + '_ {
    move |e| {
        if e.kind() == std::io::ErrorKind::StorageFull {
            tracing::error!(what, "the data directory's disk is full");
            WorkflowError::Conflict(Msg::new("package-disk-full"))
        } else {
            WorkflowError::Internal(format!("{what}: {e}"))
        }
    }
}

/// A file error of an upload, for the web layer.
pub fn upload_error(e: std::io::Error) -> WorkflowError {
    io("writing an upload")(e)
}

/// Build the package of `request` from its data as stored now: `None` when it has none.
/// Runs outside any transaction (a big package takes a while); the caller records it at
/// the version it was built from, or discards it.
pub fn build(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
) -> Result<Option<Built>, WorkflowError> {
    if !takes_package(request.kind()?) || !has_data(conn, &request.id)? {
        return Ok(None);
    }
    let store = zips(ctx.settings);
    let (name, file) = store.create().map_err(io("creating the package"))?;
    match write_package(conn, ctx, request, file) {
        Ok((size, sha256)) => Ok(Some(Built {
            stored_name: name,
            size,
            sha256,
        })),
        Err(e) => {
            let _ = store.delete(&name);
            Err(e)
        }
    }
}

fn redactions_apply(record: &mut Record, record_no: i32, redactions: &[Redaction]) {
    for r in redactions {
        if r.record_no.is_none_or(|n| n == record_no) {
            record.redact(&r.field);
        }
    }
}

fn write_package(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    file: std::fs::File,
) -> Result<(u64, String), WorkflowError> {
    let now = ctx.now_db();
    let lang = request.language(ctx.settings);
    let t = super::case::mail_tr(ctx, request);
    let register = super::registers::categories(conn)?;
    let datasets = db::packages::datasets(conn, &request.id)?;
    let package_files: Vec<PackageFile> = db::packages::files(conn, &request.id)?
        .into_iter()
        .filter(|f| f.deleted_at.is_none())
        .collect();
    let mut redactions = Vec::new();
    for d in &datasets {
        redactions.push(db::packages::redactions(conn, &d.id)?);
    }
    let mut taken = Vec::new();
    let file_names: Vec<String> = package_files
        .iter()
        .map(|f| {
            let n = zip_file_name(&f.original_name, &taken);
            taken.push(n.clone());
            format!("files/{n}")
        })
        .collect();

    let mut codes: Vec<String> = datasets
        .iter()
        .map(|d| d.category_code.clone())
        .chain(package_files.iter().map(|f| f.category_code.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    let kind = request.kind()?;
    let letter = CoverLetter {
        kind,
        reference: request.reference.clone(),
        name: request.subject_name.clone(),
        date: local_date(now, ctx.settings.timezone),
        until: until_if_built_now(ctx),
        organisation: ctx.settings.organisation.clone(),
        dpo_name: ctx.settings.dpo_name.clone(),
        dpo_email: ctx.settings.dpo_email.clone(),
        authority_name: ctx.settings.authority_name.clone(),
        authority_address: ctx.settings.authority_address.clone(),
        authority_url: ctx.settings.authority_url.clone(),
        categories: codes.iter().map(|c| label_in(&register, c, &t)).collect(),
        register: super::processing::for_categories(conn, &codes, lang)?,
        datasets: datasets
            .iter()
            .map(|d| DatasetLine {
                name: d.name.clone(),
                file: format!("{}.csv", d.file_stem),
                category: label_in(&register, &d.category_code, &t),
                records: d.record_count,
            })
            .collect(),
        files: package_files
            .iter()
            .zip(&file_names)
            .map(|(f, n)| FileLine {
                name: n.clone(),
                category: label_in(&register, &f.category_code, &t),
                bytes: f.size_bytes,
            })
            .collect(),
        redactions: datasets
            .iter()
            .zip(&redactions)
            .flat_map(|(d, rs)| {
                rs.iter().map(|r| RedactionLine {
                    dataset: d.name.clone(),
                    field: r.field.clone(),
                    record: r.record_no,
                    reason: r.reason.clone(),
                })
            })
            .collect(),
        t,
    };
    let html = askama::Template::render(&letter)
        .map_err(|e| WorkflowError::Internal(format!("cover letter: {e}")))?;

    let mut zip = PackageWriter::new(file, now);
    let w = io("writing the package");
    zip.start("cover-letter.html", Entry::Text)
        .and_then(|e| e.write_all(html.as_bytes()))
        .map_err(&w)?;

    // data.json: every dataset with every record (redacted), written record by record.
    {
        let out = zip.start("data.json", Entry::Text).map_err(&w)?;
        let head = serde_json::json!({
            "schema": "dsr-tracker/package",
            "schema_version": SCHEMA_VERSION,
            "reference": request.reference,
            "kind": kind.as_str(),
            "controller": ctx.settings.organisation,
            "generated_at": now.and_utc().to_rfc3339(),
        });
        let head = head.to_string();
        let head = head.strip_suffix('}').unwrap_or(&head);
        write!(out, "{head},\"datasets\":[").map_err(&w)?;
        for (i, (d, rs)) in datasets.iter().zip(&redactions).enumerate() {
            let columns: Vec<String> = serde_json::from_str(&d.field_names).unwrap_or_default();
            let meta = serde_json::json!({
                "name": d.name,
                "file": format!("{}.csv", d.file_stem),
                "category": d.category_code,
                "fields": columns,
                "redactions": rs.iter().map(|r| serde_json::json!({
                    "field": r.field, "record": r.record_no, "reason": r.reason,
                })).collect::<Vec<_>>(),
            })
            .to_string();
            let meta = meta.strip_suffix('}').unwrap_or(&meta);
            write!(out, "{}{meta},\"records\":[", if i > 0 { "," } else { "" }).map_err(&w)?;
            let mut first = true;
            let mut after = 0;
            loop {
                let page = db::packages::records_page(conn, &d.id, after, PAGE)?;
                let Some(last) = page.last() else { break };
                after = last.record_no;
                for r in page {
                    let mut rec = Record::from_json(&r.data).map_err(|e| {
                        WorkflowError::Internal(format!("package_records.data: {e}"))
                    })?;
                    redactions_apply(&mut rec, r.record_no, rs);
                    if !first {
                        out.write_all(b",").map_err(&w)?;
                    }
                    first = false;
                    serde_json::to_writer(&mut *out, &rec)
                        .map_err(|e| WorkflowError::Internal(e.to_string()))?;
                }
            }
            out.write_all(b"]}").map_err(&w)?;
        }
        out.write_all(b"],\"files\":[").map_err(&w)?;
        for (i, (f, n)) in package_files.iter().zip(&file_names).enumerate() {
            let entry = serde_json::json!({
                "file": n, "name": f.original_name, "category": f.category_code,
                "bytes": f.size_bytes, "sha256": f.sha256,
            });
            write!(out, "{}{entry}", if i > 0 { "," } else { "" }).map_err(&w)?;
        }
        out.write_all(b"]}").map_err(&w)?;
    }

    // One CSV per dataset, with the same (redacted) records.
    for (d, rs) in datasets.iter().zip(&redactions) {
        let columns: Vec<String> = serde_json::from_str(&d.field_names).unwrap_or_default();
        let out = zip
            .start(&format!("{}.csv", d.file_stem), Entry::Text)
            .map_err(&w)?;
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(&columns)
            .map_err(|e| WorkflowError::Internal(e.to_string()))?;
        let mut after = 0;
        loop {
            let page = db::packages::records_page(conn, &d.id, after, PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.record_no;
            for r in page {
                let mut rec = Record::from_json(&r.data)
                    .map_err(|e| WorkflowError::Internal(format!("package_records.data: {e}")))?;
                redactions_apply(&mut rec, r.record_no, rs);
                csv.write_record(columns.iter().map(|c| rec.cell(c)))
                    .map_err(|e| WorkflowError::Internal(e.to_string()))?;
            }
        }
        csv.flush().map_err(&w)?;
    }

    // The handler's files, copied in chunks.
    let store = files(ctx.settings);
    for (f, n) in package_files.iter().zip(&file_names) {
        let mut source = store.open(&f.stored_name).map_err(&w)?;
        zip.copy_file(n, &mut source).map_err(&w)?;
    }
    zip.finish().map_err(&w)
}

/// Record a package built for `request` inside the completing transaction: downloadable
/// until `DSR_PACKAGE_DAYS` from now.
pub fn record_built(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    request: &Request,
    built: &Built,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::packages::insert_package(
        conn,
        &Package {
            id: uuid::Uuid::new_v4().to_string(),
            request_id: request.id.clone(),
            stored_name: built.stored_name.clone(),
            size_bytes: i64::try_from(built.size).unwrap_or(i64::MAX),
            sha256: built.sha256.clone(),
            built_at: now,
            expires_at: expiry(ctx),
            downloads: 0,
            deleted_at: None,
        },
    )?;
    audit(
        conn,
        &request.id,
        &by.actor(),
        Event {
            action: "package_built",
            from: None,
            to: None,
            note: Some(&format!("{} bytes, sha256 {}", built.size, built.sha256)),
        },
        now,
    )
}

// --- Downloads --------------------------------------------------------------------------------

/// A package to stream to a browser.
#[derive(Debug)]
pub struct Served {
    pub path: PathBuf,
    /// `DSR-2026-0001-data.zip`.
    pub file_name: String,
    pub size: i64,
}

fn live(ctx: &Ctx<'_>, p: Package) -> Result<Package, WorkflowError> {
    if p.deleted_at.is_some() || p.expires_at <= ctx.now_db() {
        return Err(WorkflowError::NotFound);
    }
    Ok(p)
}

fn served(ctx: &Ctx<'_>, request: &Request, p: &Package) -> Result<Served, WorkflowError> {
    Ok(Served {
        path: zips(ctx.settings)
            .full_path(&p.stored_name)
            .map_err(io("package path"))?,
        file_name: format!("{}-data.zip", request.reference),
        size: p.size_bytes,
    })
}

fn count(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    p: &Package,
    actor: &Actor<'_>,
    note: &str,
) -> Result<(), WorkflowError> {
    db::packages::count_download(conn, &p.id)?;
    audit(
        conn,
        &request.id,
        actor,
        Event {
            action: "package_downloaded",
            from: None,
            to: None,
            note: Some(note),
        },
        ctx.now_db(),
    )
}

/// The subject downloads their package from the status page (after the magic-link
/// check: `opens`). Counted and audited; 404 once expired or deleted.
pub fn subject_download(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    opens: &[Opens],
    id: &str,
) -> Result<Served, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = super::subject::own_request(conn, opens, id)?;
        let p = db::packages::package_of(conn, &request.id)?.ok_or(WorkflowError::NotFound)?;
        let p = live(ctx, p)?;
        count(conn, ctx, &request, &p, &Actor::Subject, "by the subject")?;
        served(ctx, &request, &p)
    })
}

/// The package as the subject's status page shows it: a download while it lives, the
/// date it went once expired.
#[derive(Debug, Clone)]
pub struct SubjectPackage {
    pub size: i64,
    pub until: NaiveDate,
    pub expired: bool,
}

pub fn for_subject(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request_id: &str,
) -> Result<Option<SubjectPackage>, WorkflowError> {
    Ok(
        db::packages::package_of(conn, request_id)?.map(|p| SubjectPackage {
            size: p.size_bytes,
            until: local_date(p.expires_at, ctx.settings.timezone),
            expired: p.deleted_at.is_some() || p.expires_at <= ctx.now_db(),
        }),
    )
}

/// The package a controller's link opens, without counting (the link's page).
pub struct LinkView {
    pub reference: String,
    pub organisation: String,
    pub size: i64,
    pub until: NaiveDate,
}

fn by_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<(PackageLink, Package, Request), WorkflowError> {
    if !tokens::looks_valid(secret) {
        return Err(WorkflowError::NotFound);
    }
    let link =
        db::packages::find_link(conn, &tokens::hash(secret))?.ok_or(WorkflowError::NotFound)?;
    let p = db::packages::find_package(conn, &link.package_id)?.ok_or(WorkflowError::NotFound)?;
    let p = live(ctx, p)?;
    let request = db::requests::find(conn, &p.request_id)?.ok_or(WorkflowError::NotFound)?;
    Ok((link, p, request))
}

pub fn open_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<LinkView, WorkflowError> {
    let (_, p, request) = by_link(conn, ctx, secret)?;
    Ok(LinkView {
        reference: request.reference,
        organisation: ctx.settings.organisation.clone(),
        size: p.size_bytes,
        until: local_date(p.expires_at, ctx.settings.timezone),
    })
}

/// The controller downloads with its link: counted on the link and the package, audited.
pub fn link_download(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<Served, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let (link, p, request) = by_link(conn, ctx, secret)?;
        db::packages::count_link_download(conn, &link.token_hash)?;
        let note = format!("by the link sent to {}", link.sent_to);
        count(conn, ctx, &request, &p, &Actor::System, &note)?;
        served(ctx, &request, &p)
    })
}

/// Send a download link to the controller the subject named in a portability request
/// (Art. 20(2)): its own token, the package's expiry. Only to that address; audited.
pub fn send_to_controller(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
) -> Result<(), WorkflowError> {
    if !by.role.works_cases() {
        return Err(WorkflowError::NotFound);
    }
    db::write_transaction(conn, |conn| {
        let request = db::requests::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
        let RequestDetails::Portability {
            send_to: Some(to), ..
        } = request.details()?
        else {
            return Err(invalid("send", Msg::new("package-send-no-controller")));
        };
        let p = db::packages::package_of(conn, &request.id)?
            .ok_or_else(|| invalid("send", Msg::new("package-send-no-package")))?;
        let p = live(ctx, p).map_err(|_| invalid("send", Msg::new("package-send-expired")))?;
        let now = ctx.now_db();
        let token = tokens::generate();
        db::packages::insert_link(
            conn,
            &PackageLink {
                token_hash: token.hash.clone(),
                package_id: p.id.clone(),
                sent_to: to.email.clone(),
                created_by: by.id.clone(),
                created_at: now,
                downloads: 0,
            },
        )?;
        let t = super::case::mail_tr(ctx, &request);
        let mail = PackageLinkMail {
            controller: to.name.clone(),
            subject_name: request.subject_name.clone(),
            reference: request.reference.clone(),
            organisation: ctx.settings.organisation.clone(),
            link: format!("{}/package/{}", ctx.settings.base_url, token.secret),
            until: local_date(p.expires_at, ctx.settings.timezone),
        }
        .render(&t, &to.email)?
        .carrying(&p.id, &token.secret);
        enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
        audit(
            conn,
            &request.id,
            &by.actor(),
            Event {
                action: "package_link_sent",
                from: None,
                to: None,
                note: Some(&format!("to {} <{}> (Art. 20(2))", to.name, to.email)),
            },
            now,
        )
    })
}

// --- Clean-up ---------------------------------------------------------------------------------

/// Packages expired at `ctx.now` are deleted with the files and records they were built
/// from (the datasets' names and counts stay, as the fact of what was given), each in a
/// transaction that records it; the files go last, inside it. Then files left behind by a
/// build or an upload that never committed (a crash) are removed after a day. Returns how
/// many packages were deleted.
pub fn expire(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let mut deleted = 0;
    for p in db::packages::expired(conn, now, 50)? {
        let done = db::write_transaction(conn, |conn| -> Result<bool, WorkflowError> {
            if !db::packages::mark_package_deleted(conn, &p.id, now)? {
                return Ok(false);
            }
            let mut removed = Vec::new();
            for f in db::packages::files(conn, &p.request_id)? {
                if db::packages::mark_file_deleted(conn, &f.id, now)? {
                    removed.push(f.stored_name);
                }
            }
            for d in db::packages::datasets(conn, &p.request_id)? {
                db::packages::delete_records(conn, &d.id)?;
            }
            audit(
                conn,
                &p.request_id,
                &Actor::System,
                Event {
                    action: "package_deleted",
                    from: None,
                    to: None,
                    note: Some(&format!(
                        "expired; downloaded {} times; {} files and the records deleted",
                        p.downloads,
                        removed.len()
                    )),
                },
                now,
            )?;
            let store = files(ctx.settings);
            for name in &removed {
                store.delete(name).map_err(io("deleting package file"))?;
            }
            zips(ctx.settings)
                .delete(&p.stored_name)
                .map_err(io("deleting package"))?;
            Ok(true)
        })?;
        if done {
            deleted += 1;
        }
    }
    remove_orphans(conn, ctx)?;
    Ok(deleted)
}

/// Files on disk that no row names, older than a day: a build or an upload that crashed
/// before its transaction committed.
fn remove_orphans(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<(), WorkflowError> {
    let day = std::time::Duration::from_secs(24 * 3600);
    let old =
        |modified: std::time::SystemTime| modified.elapsed().map(|age| age > day).unwrap_or(false);
    let store = zips(ctx.settings);
    for (name, modified) in store.list().map_err(io("listing packages"))? {
        if old(modified) && !db::packages::package_stored_name_known(conn, &name)? {
            store
                .delete(&name)
                .map_err(io("deleting an orphan package"))?;
        }
    }
    let store = files(ctx.settings);
    for (name, modified) in store.list().map_err(io("listing package files"))? {
        if old(modified) && !db::packages::file_stored_name_known(conn, &name)? {
            store
                .delete(&name)
                .map_err(io("deleting an orphan package file"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_told_plainly_and_other_file_errors_are_internal() {
        let full = io("x")(std::io::Error::from(std::io::ErrorKind::StorageFull));
        assert!(matches!(full, WorkflowError::Conflict(m) if m.id == "package-disk-full"));
        let other = io("x")(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert!(matches!(other, WorkflowError::Internal(_)));
    }
}
