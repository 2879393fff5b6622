//! Pure types and rules: no I/O, no clock, no database.

pub mod calendar;
pub mod clock;
pub mod kinds;
pub mod newtypes;
pub mod status;
pub mod submission;
pub mod tokens;
