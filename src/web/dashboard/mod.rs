//! The DPO's and handlers' dashboard, one file per concern: `queue` (the queue sorted by
//! due date, its counts, search and filters), `export` (the queue as CSV), `request` (the request page), `actions` (the POST actions on a request),
//! `mail` (failed mail), `users` (own account, accounts for admins), `outcomes` (issue 10's
//! request actions: category outcomes, objection decisions, lifting a restriction),
//! `registers` (retention register, suppression list, the admin registers). Handlers read through `workflow::view` and act through workflow
//! functions; they never reach storage themselves.

use actix_web::web;

pub mod actions;
pub mod api_keys;
pub mod export;
pub mod intake;
pub mod mail;
pub mod outcomes;
pub mod package;
pub mod processing;
pub mod queue;
pub mod registers;
pub mod request;
pub mod uploads;
pub mod users;
pub mod webhooks;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard", web::get().to(queue::queue))
        .route("/dashboard/export.csv", web::get().to(export::export_csv))
        .route(
            "/dashboard/requests/{id}",
            web::get().to(request::page_handler),
        )
        .configure(actions::routes)
        .configure(outcomes::routes)
        .configure(package::routes)
        .configure(processing::routes)
        .configure(api_keys::routes)
        .configure(webhooks::routes)
        .configure(registers::routes)
        .configure(uploads::routes)
        .configure(intake::routes)
        .route("/dashboard/mail/failed", web::get().to(mail::failed_mail))
        .route("/dashboard/mail/{id}/resend", web::post().to(mail::resend))
        .configure(users::routes);
}
