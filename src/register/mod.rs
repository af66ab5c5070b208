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
    include_str!("../../migrations/0006_one_acknowledgement.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// SQLite's words are in the message, so the error is not also given as its source (a
    /// chain printed with `{:#}` would say them twice).
    #[error("{}", said::database(.0))]
    Sqlite(rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{}", said::unknown_item(.0))]
    UnknownItem(String),
    #[error("{}", said::unknown_request(.0))]
    UnknownTraceRequest(String),
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("{}", said::too_new(*.found, *.known))]
    TooNew { found: i64, known: i64 },
    #[error("{}", said::photo(.path, .reason))]
    Photo { path: String, reason: String },
    #[error("{}", said::damaged(.path, .detail))]
    Damaged { path: String, detail: String },
    #[error("{}", said::needs_upgrade(.path, *.found, *.known))]
    NeedsUpgrade {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{}", crate::t!("reg-read-only"))]
    ReadOnly,
}

/// The register's errors in the officer's language.
mod said {
    use crate::t;

    pub fn database(e: &rusqlite::Error) -> String {
        t!("reg-database", error = e.to_string())
    }

    pub fn unknown_item(item: &str) -> String {
        t!("reg-unknown-item", item = item)
    }

    pub fn unknown_request(id: &str) -> String {
        t!("reg-unknown-request", id = id)
    }

    pub fn too_new(found: i64, known: i64) -> String {
        t!("reg-too-new", found = found, known = known)
    }

    pub fn photo(path: &str, reason: &str) -> String {
        t!("reg-photo", path = path, reason = reason)
    }

    pub fn damaged(path: &str, detail: &str) -> String {
        t!("reg-damaged", path = path, detail = detail)
    }

    pub fn needs_upgrade(path: &str, found: i64, known: i64) -> String {
        t!(
            "reg-needs-upgrade",
            path = path,
            found = found,
            known = known
        )
    }
}

impl From<rusqlite::Error> for RegisterError {
    fn from(error: rusqlite::Error) -> RegisterError {
        RegisterError::Sqlite(error)
    }
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

/// The register's file under a home directory.
pub const REGISTER_FILE: &str = "register.sqlite3";

/// The open register.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
    read_only: bool,
    /// `register.lock`, held shared while the register is open for writing: a fieldtrace that
    /// gets it exclusively is alone on this home (`remove_interrupted_writes`).
    _lock: Option<std::fs::File>,
    /// Whether it was the only fieldtrace with the register open for writing when it opened.
    alone: bool,
}

/// The lock file beside the register.
pub const LOCK_FILE: &str = "register.lock";

/// Takes `register.lock` shared, to hold while the register is open; first tries it
/// exclusively, and removes interrupted writes while it holds it so (alone on the home).
fn lock_home(home: &Path) -> Result<(bool, std::fs::File), RegisterError> {
    let path = home.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    crate::fs::make_private(&path)?;
    let alone = file.try_lock().is_ok();
    if alone {
        remove_interrupted_writes(home, true);
        file.unlock()?;
        file.lock_shared()?;
    } else {
        file.lock_shared()?;
        remove_interrupted_writes(home, false);
    }
    Ok((alone, file))
}

impl Register {
    /// Opens (creating if needed) `register.sqlite3` under `home`, checks it is not damaged
    /// (`PRAGMA quick_check`) and brings its schema up to date.
    pub fn open(home: &Path) -> Result<Register, RegisterError> {
        crate::fs::create_private_dir(home)?;
        let path = home.join(REGISTER_FILE);
        let fresh = !path.exists();
        let opened = (|| {
            let mut conn = Connection::open(&path)?;
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            conn.execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA foreign_keys = ON;",
            )?;
            if !fresh {
                check_integrity(&conn, &path)?;
            }
            migrate(&mut conn)?;
            Ok(conn)
        })();
        let conn = opened.map_err(|e| damaged(e, &path))?;
        if fresh {
            crate::fs::make_private(&path)?;
        }
        let (alone, lock) = lock_home(home)?;
        Ok(Register {
            conn,
            read_only: false,
            _lock: Some(lock),
            alone,
        })
    }

    /// Opens the register for reading only, writing nothing to the home (a write-protected
    /// stick): no migration, no journal files created where none can be. A home without a
    /// register yet gets one, as with `open`.
    pub fn open_read_only(home: &Path) -> Result<Register, RegisterError> {
        let path = home.join(REGISTER_FILE);
        if !path.exists() {
            return Register::open(home);
        }
        let conn = read_only_connection(&path).map_err(|e| damaged(e, &path))?;
        let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| damaged(RegisterError::Sqlite(e), &path))?;
        if found > known {
            return Err(RegisterError::TooNew { found, known });
        }
        if found < known {
            // A writable home is simply brought up to date.
            return match Register::open(home) {
                Ok(register) => Ok(register),
                Err(RegisterError::Damaged { path, detail }) => {
                    Err(RegisterError::Damaged { path, detail })
                }
                Err(_) => Err(RegisterError::NeedsUpgrade {
                    path: path.display().to_string(),
                    found,
                    known,
                }),
            };
        }
        check_integrity(&conn, &path).map_err(|e| damaged(e, &path))?;
        Ok(Register {
            conn,
            read_only: true,
            _lock: None,
            alone: false,
        })
    }

    /// Whether no other fieldtrace had the register open for writing when this one opened it
    /// (anything half-written under the home is then an interrupted run's).
    pub fn opened_alone(&self) -> bool {
        self.alone
    }

    /// Whether this connection may write.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Runs `f` in one immediate transaction: all of its writes land, or none.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, RegisterError>,
    ) -> Result<T, RegisterError> {
        if self.read_only {
            return Err(RegisterError::ReadOnly);
        }
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

/// Removes the temporary files interrupted writes left under the home (`photos/`, `derived/`,
/// `outbox/`, `inbox/`, `quarantine/`, `keys/` and the home itself), once they are old enough
/// that no other fieldtrace can still be writing them (`fs::STALE_TEMP_AGE`). When `alone`
/// (this process holds `register.lock` exclusively, so no other has the register open), those
/// in `photos/` and `derived/`, which only a process with the register open writes, go
/// whatever their age. Returns how many went.
pub fn remove_interrupted_writes(home: &Path, alone: bool) -> usize {
    use crate::fs::{STALE_TEMP_AGE, remove_stale_temp_files};
    let photo_age = if alone {
        std::time::Duration::ZERO
    } else {
        STALE_TEMP_AGE
    };
    let hex_named = |target: &str| {
        target
            .split_once(['.', '-'])
            .is_some_and(|(sha, _)| sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let anything = |_: &str| true;
    let mut removed = remove_stale_temp_files(home, |t| t == "config.toml", STALE_TEMP_AGE);
    for dir in ["outbox", "inbox", "quarantine", "keys"] {
        removed += remove_stale_temp_files(&home.join(dir), anything, STALE_TEMP_AGE);
    }
    removed += remove_stale_temp_files(&home.join("derived"), hex_named, photo_age);
    if let Ok(shards) = std::fs::read_dir(home.join("photos")) {
        for shard in shards.flatten() {
            let name = shard.file_name();
            let two_hex = name.len() == 2
                && name
                    .to_str()
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_hexdigit()));
            if two_hex {
                removed += remove_stale_temp_files(&shard.path(), hex_named, photo_age);
            }
        }
    }
    removed
}

/// A read-only connection. Reading a WAL database needs its `-shm` file; on a medium where
/// none exists and none can be made, the file is opened as immutable, which is safe there
/// because nothing can be writing to it (no `-wal` file either).
fn read_only_connection(path: &Path) -> Result<Connection, RegisterError> {
    use rusqlite::OpenFlags;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let plain = Connection::open_with_flags(path, flags).and_then(|conn| {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
        Ok(conn)
    });
    match plain {
        Ok(conn) => Ok(conn),
        Err(e) if wal_file(path).exists() => Err(e.into()),
        Err(_) => {
            let uri = format!("{}?immutable=1", file_uri(path));
            Ok(Connection::open_with_flags(
                uri,
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?)
        }
    }
}

fn wal_file(path: &Path) -> std::path::PathBuf {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    wal.into()
}

/// `file:` URI of a path, every byte outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        // A Windows drive path: file:///C:/...
        uri.push_str("///");
    } else {
        uri.push_str("//");
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(char::from(byte));
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri
}

/// `PRAGMA quick_check`: the b-trees and pages are sound (not the slower full
/// `integrity_check`, which also checks every index against its table).
fn check_integrity(conn: &Connection, path: &Path) -> Result<(), RegisterError> {
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(());
    }
    Err(RegisterError::Damaged {
        path: path.display().to_string(),
        detail: rows.join("; "),
    })
}

/// SQLite's own words for a damaged file become `Damaged`.
fn damaged(err: RegisterError, path: &Path) -> RegisterError {
    match &err {
        RegisterError::Sqlite(rusqlite::Error::SqliteFailure(f, detail))
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            ) =>
        {
            RegisterError::Damaged {
                path: path.display().to_string(),
                detail: detail.clone().unwrap_or_else(|| f.to_string()),
            }
        }
        _ => err,
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
