//! fieldtrace: offline identification, evidence register and tracing of small arms and light
//! weapons. The binary is a thin shell over this library; see `app::run`.

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod context;
pub mod error;
pub mod fs;
pub mod fuzzing;
pub mod hub;
pub mod i18n;
pub mod identify;
pub mod import;
pub mod keys;
pub mod packet;
pub mod photo;
pub mod qr;
pub mod refdata;
pub mod register;
pub mod report;
pub mod sync;
pub mod trace;
pub mod ui;
pub mod vocab;
