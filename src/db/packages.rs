//! Queries on what a handler adds to an access or portability request and on the built
//! packages and their links (issue 12).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{Dataset, DatasetRecord, Package, PackageFile, PackageLink, Redaction};
use super::schema::{
    package_datasets, package_files, package_links, package_records, package_redactions, packages,
};
use super::DbConn;

pub fn insert_dataset(conn: &mut DbConn, row: &Dataset) -> QueryResult<()> {
    diesel::insert_into(package_datasets::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// One record (row by row: portable over both backends, and a big import stays within
/// any statement's parameter limit).
pub fn insert_record(conn: &mut DbConn, row: &DatasetRecord) -> QueryResult<()> {
    diesel::insert_into(package_records::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A request's datasets, in the order they were added.
pub fn datasets(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Dataset>> {
    package_datasets::table
        .filter(package_datasets::request_id.eq(request_id))
        .order((
            package_datasets::added_at.asc(),
            package_datasets::file_stem.asc(),
        ))
        .select(Dataset::as_select())
        .load(conn)
}

pub fn find_dataset(conn: &mut DbConn, id: &str) -> QueryResult<Option<Dataset>> {
    package_datasets::table
        .find(id)
        .select(Dataset::as_select())
        .first(conn)
        .optional()
}

/// Records `after` record number `after`, at most `limit`, in order: the package is built
/// a page at a time, never the whole dataset in memory.
pub fn records_page(
    conn: &mut DbConn,
    dataset_id: &str,
    after: i32,
    limit: i64,
) -> QueryResult<Vec<DatasetRecord>> {
    package_records::table
        .filter(package_records::dataset_id.eq(dataset_id))
        .filter(package_records::record_no.gt(after))
        .order(package_records::record_no.asc())
        .limit(limit)
        .select(DatasetRecord::as_select())
        .load(conn)
}

/// Remove a dataset with its records and redactions.
pub fn delete_dataset(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    diesel::delete(package_redactions::table.filter(package_redactions::dataset_id.eq(id)))
        .execute(conn)?;
    diesel::delete(package_records::table.filter(package_records::dataset_id.eq(id)))
        .execute(conn)?;
    diesel::delete(package_datasets::table.find(id))
        .execute(conn)
        .map(|n| n == 1)
}

/// After the package expired: the records go, the dataset (name, count) stays as the
/// fact of what was given.
pub fn delete_records(conn: &mut DbConn, dataset_id: &str) -> QueryResult<usize> {
    diesel::delete(package_records::table.filter(package_records::dataset_id.eq(dataset_id)))
        .execute(conn)
}

pub fn insert_redaction(conn: &mut DbConn, row: &Redaction) -> QueryResult<()> {
    diesel::insert_into(package_redactions::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn redactions(conn: &mut DbConn, dataset_id: &str) -> QueryResult<Vec<Redaction>> {
    package_redactions::table
        .filter(package_redactions::dataset_id.eq(dataset_id))
        .order((
            package_redactions::redacted_at.asc(),
            package_redactions::id.asc(),
        ))
        .select(Redaction::as_select())
        .load(conn)
}

pub fn insert_file(conn: &mut DbConn, row: &PackageFile) -> QueryResult<()> {
    diesel::insert_into(package_files::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A request's files, oldest first (deleted ones too: the fact remains).
pub fn files(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<PackageFile>> {
    package_files::table
        .filter(package_files::request_id.eq(request_id))
        .order((package_files::added_at.asc(), package_files::id.asc()))
        .select(PackageFile::as_select())
        .load(conn)
}

pub fn find_file(conn: &mut DbConn, id: &str) -> QueryResult<Option<PackageFile>> {
    package_files::table
        .find(id)
        .select(PackageFile::as_select())
        .first(conn)
        .optional()
}

/// Record that a file is gone; only once.
pub fn mark_file_deleted(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        package_files::table
            .filter(package_files::id.eq(id))
            .filter(package_files::deleted_at.is_null()),
    )
    .set(package_files::deleted_at.eq(at))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn insert_package(conn: &mut DbConn, row: &Package) -> QueryResult<()> {
    diesel::insert_into(packages::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn package_of(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Package>> {
    packages::table
        .filter(packages::request_id.eq(request_id))
        .select(Package::as_select())
        .first(conn)
        .optional()
}

pub fn find_package(conn: &mut DbConn, id: &str) -> QueryResult<Option<Package>> {
    packages::table
        .find(id)
        .select(Package::as_select())
        .first(conn)
        .optional()
}

/// Count one download (a single UPDATE, so two at once both count).
pub fn count_download(conn: &mut DbConn, package_id: &str) -> QueryResult<()> {
    diesel::update(packages::table.find(package_id))
        .set(packages::downloads.eq(packages::downloads + 1))
        .execute(conn)
        .map(|_| ())
}

/// Packages past their expiry still on disk, oldest first (the `packages_live` index).
pub fn expired(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<Package>> {
    packages::table
        .filter(packages::deleted_at.is_null())
        .filter(packages::expires_at.le(now))
        .order(packages::expires_at.asc())
        .limit(limit)
        .select(Package::as_select())
        .load(conn)
}

/// Record that a package is gone; only once. Returns whether this call recorded it.
pub fn mark_package_deleted(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        packages::table
            .filter(packages::id.eq(id))
            .filter(packages::deleted_at.is_null()),
    )
    .set(packages::deleted_at.eq(at))
    .execute(conn)
    .map(|n| n == 1)
}

/// Whether a stored file name belongs to a package row (the orphan sweep).
pub fn package_stored_name_known(conn: &mut DbConn, stored_name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        packages::table.filter(packages::stored_name.eq(stored_name)),
    ))
    .get_result(conn)
}

/// Whether a stored file name belongs to a package file row (the orphan sweep).
pub fn file_stored_name_known(conn: &mut DbConn, stored_name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        package_files::table.filter(package_files::stored_name.eq(stored_name)),
    ))
    .get_result(conn)
}

pub fn insert_link(conn: &mut DbConn, row: &PackageLink) -> QueryResult<()> {
    diesel::insert_into(package_links::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find_link(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<PackageLink>> {
    package_links::table
        .find(token_hash)
        .select(PackageLink::as_select())
        .first(conn)
        .optional()
}

pub fn links_of(conn: &mut DbConn, package_id: &str) -> QueryResult<Vec<PackageLink>> {
    package_links::table
        .filter(package_links::package_id.eq(package_id))
        .order(package_links::created_at.asc())
        .select(PackageLink::as_select())
        .load(conn)
}

pub fn count_link_download(conn: &mut DbConn, token_hash: &str) -> QueryResult<()> {
    diesel::update(package_links::table.find(token_hash))
        .set(package_links::downloads.eq(package_links::downloads + 1))
        .execute(conn)
        .map(|_| ())
}
