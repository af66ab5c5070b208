//! The national hub (issue 14): the NPC's receiving end over HTTP. Stations enrolled by their
//! signing key push their outbox packets and pull what the NPC signed for them.
//!
//! - `store`: enrolled stations, nonces, packets, quarantine, mailboxes, blobs by SHA-256, over
//!   one of two `backend`s, SQLite or PostgreSQL, each with numbered migrations.
//! - `auth`: the request signature (method, path, body hash, time, nonce).
//! - `npc`: the decisions, made by the NPC's own `sync::Exchange` with the code of
//!   `inbox import`, and the mailbox filled from the NPC's outbox.
//! - `server`: axum on tokio, with timeouts and a body cap.
//! - `client`: the station's side, a `sync::Destination` over ureq.

pub mod auth;
pub mod backend;
pub mod client;
pub mod enroll;
pub mod npc;
pub mod register;
pub mod requests;
pub mod server;
pub mod store;

#[cfg(test)]
mod store_tests;

pub use store::{DbUrl, HubStore};

/// What goes wrong in the hub's library.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{}", crate::t!("hub-error-url", detail = .0.as_str()))]
    Url(String),
    #[error("{}", crate::t!("hub-error-schema", detail = .0.as_str()))]
    Schema(String),
    /// The operator asked for something the store refuses (a revoked key enrolled again).
    #[error("{0}")]
    Refused(String),
    #[error("{}", crate::t!("hub-error-poisoned"))]
    Poisoned,
}

/// The store given by `--db`, or the SQLite file under the home.
pub fn db_url(home: &std::path::Path, db: Option<&str>) -> DbUrl {
    match db {
        Some(url) => DbUrl::parse(url),
        None => DbUrl::Sqlite(home.join("hub").join("hub.sqlite3")),
    }
}

/// A packet id as the hub accepts it in a path: a canonical UUID, nothing else (no `../`).
pub fn is_packet_id(id: &str) -> bool {
    uuid::Uuid::parse_str(id).is_ok_and(|u| u.to_string() == id)
}
