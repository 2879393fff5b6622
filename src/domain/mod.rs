//! Pure types and rules: no I/O, no clock, no database.

pub mod api;
pub mod calendar;
pub mod case;
pub mod categories;
pub mod channel;
pub mod clock;
pub mod kinds;
pub mod lang;
pub mod msg;
pub mod newtypes;
pub mod package;
pub mod recipients;
pub mod reminders;
pub mod retention;
pub mod roles;
pub mod search;
pub mod status;
pub mod submission;
pub mod suppression;
pub mod tokens;
pub mod upload;
pub mod webhooks;
