//! The evidence register: items, their marks and components, photos and the chain of custody,
//! and the tables of the exchange (outbox, inbox, quarantine; `sync.rs`). Storage only; every
//! item enters through `intake`.
//!
//! SQLite in WAL mode with `synchronous = FULL`; every command's writes are one transaction,
//! so a process killed at any moment leaves the register as it was before or after the
//! command, never between.

pub mod custody;
pub mod export;
pub mod intake;
pub mod item;
pub mod photos;
pub mod sync;
pub mod traces;

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// Numbered migrations, applied in order; `PRAGMA user_version` records how far.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_register.sql"),
    include_str!("../../migrations/0002_traces.sql"),
    include_str!("../../migrations/0003_sync.sql"),
    include_str!("../../migrations/0004_custody_occurred.sql"),
    include_str!("../../migrations/0005_exchange_in_parts.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("register database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("no item '{0}' in the register")]
    UnknownItem(String),
    #[error("no trace request '{0}'")]
    UnknownTraceRequest(String),
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error(
        "the register was written by a newer fieldtrace (schema {found}, this one knows {known})"
    )]
    TooNew { found: i64, known: i64 },
    #[error("photo {path}: {reason}")]
    Photo { path: String, reason: String },
}

impl RegisterError {
    pub fn invalid(field: &str, reason: impl Into<String>) -> RegisterError {
        RegisterError::Invalid {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

/// Who is writing: set once per station (`fieldtrace init`) and recorded on every write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    pub name: String,
    pub unit: String,
    pub officer: String,
}

impl Station {
    /// "officer (unit, station)": the `by` of every change.
    pub fn signature(&self) -> String {
        format!("{} ({}, {})", self.officer, self.unit, self.name)
    }
}

/// The open register.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
}

impl Register {
    /// Opens (creating if needed) `register.sqlite3` under `home` and brings its schema up to
    /// date.
    pub fn open(home: &Path) -> Result<Register, RegisterError> {
        std::fs::create_dir_all(home)?;
        let mut conn = Connection::open(home.join("register.sqlite3"))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;",
        )?;
        migrate(&mut conn)?;
        Ok(Register { conn })
    }

    /// Runs `f` in one immediate transaction: all of its writes land, or none.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, RegisterError>,
    ) -> Result<T, RegisterError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Like `write`, but nests inside a transaction the caller already began (a savepoint).
    pub fn write_nested<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, RegisterError>,
    ) -> Result<T, RegisterError> {
        let savepoint = self.conn.savepoint()?;
        let value = f(&savepoint)?;
        savepoint.commit()?;
        Ok(value)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

fn migrate(conn: &mut Connection) -> Result<(), RegisterError> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > known {
        return Err(RegisterError::TooNew { found, known });
    }
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while this one waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > i64::try_from(index).unwrap_or(i64::MAX) {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", index + 1))?;
        tx.commit()?;
    }
    Ok(())
}

/// Finds an item by its number (`12`, `#12`) or its UUID.
pub fn resolve_item(conn: &Connection, reference: &str) -> Result<i64, RegisterError> {
    let trimmed = reference.trim().trim_start_matches('#');
    let found: Option<i64> = if let Ok(number) = trimmed.parse::<i64>() {
        conn.query_row("SELECT id FROM items WHERE id = ?1", [number], |r| r.get(0))
            .optional()?
    } else {
        conn.query_row("SELECT id FROM items WHERE uuid = ?1", [trimmed], |r| {
            r.get(0)
        })
        .optional()?
    };
    found.ok_or_else(|| RegisterError::UnknownItem(reference.to_owned()))
}
