//! The one error type at the binary's edge. Every failure a command returns becomes a
//! `CommandError`: a kind, which gives the exit code of the design (usage 2, failure 1,
//! verification 4), the cause, and the hints printed below it as separate `hint:` lines.
//!
//! Library code returns its own typed errors (`RegisterError`, `KeyError`, ...); which of them
//! are the caller's mistake is decided here, once, not in each command.

use std::fmt;

use crate::import::ImportError;
use crate::keys::KeyError;
use crate::register::RegisterError;

/// What kind of failure: it decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The caller asked for something that cannot be done as asked: a bad value, an unknown
    /// item, a missing fact under `--no-input`. Exit 2.
    Usage,
    /// The station could not do it: a damaged file, a full disk, a database error. Exit 1.
    Failure,
    /// A verification failed. Exit 4.
    Verification,
    /// Another fieldtrace was writing to the register at the same time; this command changed
    /// nothing and can simply be run again. Exit 5.
    Busy,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Usage => 2,
            ErrorKind::Failure => 1,
            ErrorKind::Verification => 4,
            ErrorKind::Busy => 5,
        }
    }
}

/// A failure with its kind and what the person can do about it.
#[derive(Debug)]
pub struct CommandError {
    pub kind: ErrorKind,
    pub error: anyhow::Error,
    pub hints: Vec<String>,
}

/// The caller's mistake (exit 2).
pub fn usage(message: impl fmt::Display) -> CommandError {
    CommandError::new(ErrorKind::Usage, anyhow::anyhow!("{message}"))
}

/// The station's failure (exit 1).
pub fn failure(message: impl fmt::Display) -> CommandError {
    CommandError::new(ErrorKind::Failure, anyhow::anyhow!("{message}"))
}

impl CommandError {
    pub fn new(kind: ErrorKind, error: anyhow::Error) -> CommandError {
        CommandError {
            kind,
            error,
            hints: Vec::new(),
        }
    }

    /// Adds a recovery hint, printed on its own `hint:` line.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> CommandError {
        self.hints.push(hint.into());
        self
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }

    /// The lines printed on stderr: `error: ...`, then one `hint: ...` each.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("error: {:#}", self.error)];
        lines.extend(self.hints.iter().map(|h| format!("hint: {h}")));
        lines
    }

    /// Classifies whatever a command returned: an explicit `CommandError` anywhere in the
    /// chain keeps its kind and hints; the library's typed errors are sorted here.
    pub fn from_anyhow(error: anyhow::Error) -> CommandError {
        if let Some(contention) = contention(&error) {
            return contention;
        }
        let mut kind = ErrorKind::Failure;
        let mut hints = Vec::new();
        for cause in error.chain() {
            if let Some(explicit) = cause.downcast_ref::<CommandError>() {
                kind = explicit.kind;
                hints.clone_from(&explicit.hints);
                break;
            }
            if let Some(e) = cause.downcast_ref::<RegisterError>() {
                (kind, hints) = register(e);
                break;
            }
            if let Some(e) = cause.downcast_ref::<KeyError>() {
                (kind, hints) = keys(e);
                break;
            }
            if let Some(e) = cause.downcast_ref::<ImportError>() {
                kind = match e {
                    ImportError::Header(_)
                    | ImportError::Map(_)
                    | ImportError::Empty
                    | ImportError::NotText(_) => ErrorKind::Usage,
                    ImportError::Register(e) => register(e).0,
                    _ => ErrorKind::Failure,
                };
                break;
            }
            if cause.downcast_ref::<crate::clock::ClockError>().is_some() {
                kind = ErrorKind::Usage;
                hints.push(
                    "FIELDTRACE_NOW takes an RFC 3339 time, such as 2026-11-25T12:00:00Z".into(),
                );
                break;
            }
            if let Some(crate::config::ConfigError::Unreadable { path, .. }) =
                cause.downcast_ref::<crate::config::ConfigError>()
            {
                hints.push(format!(
                    "fix {path}, or remove it and set the station again with `fieldtrace init`"
                ));
                break;
            }
            if cause.downcast_ref::<rusqlite::Error>().is_some()
                || cause.downcast_ref::<std::io::Error>().is_some()
            {
                break;
            }
        }
        CommandError { kind, error, hints }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for CommandError {}

impl From<anyhow::Error> for CommandError {
    fn from(error: anyhow::Error) -> CommandError {
        CommandError::from_anyhow(error)
    }
}

/// SQLite's words for two processes on one register, said in the officer's: the register was
/// busy (another fieldtrace held the write lock past the wait), or another fieldtrace stored the
/// same records first (the loser of two concurrent imports). Either way this command's
/// transaction was rolled back whole, and a rerun skips what is already there.
fn contention(error: &anyhow::Error) -> Option<CommandError> {
    let failure = error.chain().find_map(|cause| {
        let sqlite = cause.downcast_ref::<rusqlite::Error>().or_else(|| {
            match cause.downcast_ref::<RegisterError>() {
                Some(RegisterError::Sqlite(e)) => Some(e),
                _ => None,
            }
        });
        match sqlite {
            Some(rusqlite::Error::SqliteFailure(f, detail)) => Some((*f, detail.clone())),
            _ => None,
        }
    })?;
    let (failure, detail) = failure;
    let said = format!(
        "the database said: {}",
        detail.unwrap_or_else(|| failure.to_string())
    );
    let message = match failure.code {
        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
            "another fieldtrace is writing to this register and did not finish in time; this command changed nothing"
        }
        rusqlite::ErrorCode::ConstraintViolation
            if matches!(
                failure.extended_code,
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            ) =>
        {
            "another fieldtrace stored the same records while this one was working; this command changed nothing"
        }
        _ => return None,
    };
    Some(CommandError {
        kind: ErrorKind::Busy,
        error: anyhow::anyhow!("{message}"),
        hints: vec![
            "wait for the other fieldtrace (an import, a sync) to finish, then run this command again: what is already stored is skipped".into(),
            said,
        ],
    })
}

/// Bad values, unknown items and requests, unusable photos: the officer's to fix. The
/// database and the disk are not.
fn register(err: &RegisterError) -> (ErrorKind, Vec<String>) {
    match err {
        RegisterError::Invalid { .. } | RegisterError::Photo { .. } => {
            (ErrorKind::Usage, Vec::new())
        }
        RegisterError::UnknownItem(_) => (
            ErrorKind::Usage,
            vec!["`fieldtrace item list` shows the items and their numbers".into()],
        ),
        RegisterError::UnknownTraceRequest(_) => (
            ErrorKind::Usage,
            vec!["`fieldtrace trace list` shows the requests: give a number or a packet id".into()],
        ),
        RegisterError::TooNew { .. } => (
            ErrorKind::Failure,
            vec!["install the newer fieldtrace that wrote this register".into()],
        ),
        RegisterError::Damaged { .. } => (
            ErrorKind::Verification,
            vec![
                "copy the whole home folder aside first, as it is: it is the evidence".into(),
                "restore register.sqlite3 from the station's last copy, or recover what SQLite can still read: `sqlite3 register.sqlite3 .recover | sqlite3 recovered.sqlite3`".into(),
                "then check the result in a home of its own: `fieldtrace --home COPY custody verify`".into(),
            ],
        ),
        RegisterError::NeedsUpgrade { .. } => (
            ErrorKind::Failure,
            vec!["copy the home to a writable place and run fieldtrace there once".into()],
        ),
        RegisterError::ReadOnly => (ErrorKind::Failure, Vec::new()),
        RegisterError::Sqlite(_) | RegisterError::Io(_) => (ErrorKind::Failure, Vec::new()),
    }
}

/// The officer's choices are usage errors; damaged key files and I/O are failures.
fn keys(err: &KeyError) -> (ErrorKind, Vec<String>) {
    match err {
        KeyError::WrongPassphrase(_) => (
            ErrorKind::Usage,
            vec!["the passphrase is the one given to `fieldtrace keys init`".into()],
        ),
        KeyError::Damaged { path, .. } => (
            ErrorKind::Failure,
            vec![format!(
                "restore {} from the station's key backup; the passphrase itself is right",
                path.display()
            )],
        ),
        KeyError::Replaced { dir, .. } => (
            ErrorKind::Verification,
            vec![
                format!(
                    "someone replaced the key files in {}: nothing is signed with them",
                    dir.display()
                ),
                "restore this station's own keys from its backup; if the station really has new keys, peers must trust them anew, and `signing_key_id` under `[keys]` in config.toml is what records them".into(),
            ],
        ),
        KeyError::UnknownPeer(_) => (
            ErrorKind::Usage,
            vec!["`fieldtrace keys list` shows the trusted peers".into()],
        ),
        KeyError::AlreadyInitialised(_)
        | KeyError::NotInitialised(_)
        | KeyError::EmptyPassphrase
        | KeyError::BadPublicKey(_)
        | KeyError::BadRecipient(_)
        | KeyError::DuplicatePeerName(_)
        | KeyError::DuplicatePeerKey { .. } => (ErrorKind::Usage, Vec::new()),
        _ => (ErrorKind::Failure, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    #[test]
    fn the_kind_decides_the_exit_code_through_any_context() {
        let err: anyhow::Error = usage("bad flag").hint("try --help").into();
        let err = CommandError::from(err.context("while parsing"));
        assert_eq!(err.exit_code(), 2);
        assert_eq!(err.lines()[1], "hint: try --help");

        let sqlite = RegisterError::Sqlite(rusqlite::Error::InvalidQuery);
        let err = CommandError::from(anyhow::Error::new(sqlite).context("cannot list"));
        assert_eq!(
            err.kind,
            ErrorKind::Failure,
            "a database failure is not usage"
        );

        let unknown = RegisterError::UnknownItem("9".into());
        let err = CommandError::from(anyhow::Error::new(unknown));
        assert_eq!(err.exit_code(), 2);
        assert!(err.lines()[1].contains("item list"));

        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        let err = CommandError::from(
            anyhow::Error::new(RegisterError::Sqlite(busy)).context("cannot add the item"),
        );
        assert_eq!(err.exit_code(), 5);
        assert!(
            err.lines()[0].contains("another fieldtrace is writing"),
            "{:?}",
            err.lines()
        );
        assert!(err.lines()[1].starts_with("hint: wait for the other fieldtrace"));

        let clash = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE),
            Some("UNIQUE constraint failed: items.uuid".into()),
        );
        let err = CommandError::from(
            anyhow::Error::new(RegisterError::Sqlite(clash)).context("cannot import"),
        );
        assert_eq!(err.exit_code(), 5);
        let text = err.lines().join("\n");
        assert!(text.contains("stored the same records"), "{text}");
        assert_eq!(
            text.matches("UNIQUE constraint failed").count(),
            1,
            "{text}"
        );

        let io = Err::<(), _>(std::io::Error::other("gone")).context("cannot read packet.ftpkt");
        let err = CommandError::from(io.unwrap_err());
        assert_eq!(
            err.exit_code(),
            1,
            "an unreadable file is not a usage error"
        );
    }
}
