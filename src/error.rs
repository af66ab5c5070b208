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
use crate::t;

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
        let mut lines = vec![format!("{} {:#}", t!("ui-error"), self.error)];
        lines.extend(self.hints.iter().map(|h| format!("{} {h}", t!("ui-hint"))));
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
                hints.push(t!("hint-clock"));
                break;
            }
            if let Some(crate::config::ConfigError::Unreadable { path, .. }) =
                cause.downcast_ref::<crate::config::ConfigError>()
            {
                hints.push(t!("hint-config", path = path.to_string()));
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
    let said = t!(
        "hint-database-said",
        detail = detail.unwrap_or_else(|| failure.to_string())
    );
    let message = match failure.code {
        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
            t!("error-busy")
        }
        rusqlite::ErrorCode::ConstraintViolation
            if matches!(
                failure.extended_code,
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            ) =>
        {
            t!("error-clash")
        }
        _ => return None,
    };
    Some(CommandError {
        kind: ErrorKind::Busy,
        error: anyhow::anyhow!("{message}"),
        hints: vec![t!("hint-busy"), said],
    })
}

/// Bad values, unknown items and requests, unusable photos: the officer's to fix. The
/// database and the disk are not.
fn register(err: &RegisterError) -> (ErrorKind, Vec<String>) {
    match err {
        RegisterError::Invalid { .. } | RegisterError::Photo { .. } => {
            (ErrorKind::Usage, Vec::new())
        }
        RegisterError::UnknownItem(_) => (ErrorKind::Usage, vec![t!("hint-item-list")]),
        RegisterError::UnknownTraceRequest(_) => (ErrorKind::Usage, vec![t!("hint-trace-list")]),
        RegisterError::TooNew { .. } => (ErrorKind::Failure, vec![t!("hint-too-new")]),
        RegisterError::Damaged { .. } => (
            ErrorKind::Verification,
            vec![
                t!("hint-damaged-copy"),
                t!("hint-damaged-restore"),
                t!("hint-damaged-check"),
            ],
        ),
        RegisterError::NeedsUpgrade { .. } => (ErrorKind::Failure, vec![t!("hint-needs-upgrade")]),
        RegisterError::ReadOnly => (ErrorKind::Failure, Vec::new()),
        RegisterError::Sqlite(_) | RegisterError::Io(_) => (ErrorKind::Failure, Vec::new()),
    }
}

/// The officer's choices are usage errors; damaged key files and I/O are failures.
fn keys(err: &KeyError) -> (ErrorKind, Vec<String>) {
    match err {
        KeyError::WrongPassphrase(_) => (ErrorKind::Usage, vec![t!("hint-wrong-passphrase")]),
        KeyError::Damaged { path, .. } => (
            ErrorKind::Failure,
            vec![t!("hint-key-damaged", path = path.display().to_string())],
        ),
        KeyError::Replaced { dir, .. } => (
            ErrorKind::Verification,
            vec![
                t!("hint-keys-replaced", dir = dir.display().to_string()),
                t!("hint-keys-restore"),
            ],
        ),
        KeyError::UnknownPeer(_) => (ErrorKind::Usage, vec![t!("hint-keys-list")]),
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
        // SQLite's words once, not again as the error's source.
        let said = rusqlite::Error::InvalidQuery.to_string();
        assert_eq!(
            err.lines()[0].matches(&said).count(),
            1,
            "{}",
            err.lines()[0]
        );
        let io = RegisterError::Io(std::io::Error::other("disk on fire"));
        let err = CommandError::from(anyhow::Error::new(io));
        assert_eq!(err.lines()[0].matches("disk on fire").count(), 1);

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
