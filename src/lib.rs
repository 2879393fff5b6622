//! dsr-tracker: receives, tracks and answers GDPR data-subject rights requests.
//! See ARCHITECTURE.md for the map.

pub mod config;
pub mod db;
pub mod domain;
pub mod filestore;
pub mod fsutil;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod packaging;
pub mod seed;
pub mod startup;
pub mod time;
pub mod web;
pub mod webhooks;
pub mod workflow;
