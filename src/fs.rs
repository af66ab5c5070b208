//! The one place for the file operations every part of the station shares: atomic writes (a
//! reader never sees half a file), reads capped at a size (a file from outside cannot exhaust
//! memory) and the SHA-256 hex that names photos, attachments and manifests.

use std::io::{self, Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of any bytes.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// An I/O error that names its file, keeping its kind.
fn naming(path: &Path, verb: &str, err: io::Error) -> io::Error {
    io::Error::new(
        err.kind(),
        format!("cannot {verb} {}: {err}", path.display()),
    )
}

/// Write to a temporary name, fsync, rename: a reader never sees half a file. Creates the
/// parent folders. A new file is private to this user (0600 on Unix): evidence, packets and
/// the register's neighbours are nobody else's to read; a file already there keeps its mode.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, private_options())
}

/// Like `write_atomically`, for a file meant for others: a copy on a shared folder or a stick
/// gets the usual mode (the umask's), so the other side can read it.
pub fn write_shared_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, atomic_write_file::AtomicWriteFile::options())
}

/// Creates a folder (and its parents) for this station's own data: a new one is 0700 on Unix.
/// An existing folder keeps its mode.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| naming(dir, "create", e))
}

/// Makes a file this station just created private (0600 on Unix; nothing elsewhere, where the
/// profile's ACL protects it).
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| naming(path, "protect", e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Like `write_atomically`, for a secret: created mode 0600 on Unix (on Windows the profile's
/// ACL protects it).
pub fn write_secret_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, secret_options())
}

fn write_with(
    path: &Path,
    bytes: &[u8],
    options: atomic_write_file::OpenOptions,
) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut file = options.open(path).map_err(|e| naming(path, "write", e))?;
    file.write_all(bytes)
        .and_then(|()| file.commit())
        .map_err(|e| naming(path, "write", e))
}

/// Streams a file atomically: `fill` writes it, and it appears whole when `fill` succeeds,
/// never otherwise (a CSV export, a rejects file). Creates the parent folders.
pub fn write_atomically_with<T, E: From<io::Error>>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| naming(parent, "create", e))?;
    }
    let mut file =
        atomic_write_file::AtomicWriteFile::open(path).map_err(|e| naming(path, "write", e))?;
    let value = fill(&mut file)?;
    file.commit().map_err(|e| naming(path, "write", e))?;
    Ok(value)
}

#[cfg(unix)]
fn secret_options() -> atomic_write_file::OpenOptions {
    use atomic_write_file::unix::OpenOptionsExt as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut options = atomic_write_file::AtomicWriteFile::options();
    options.mode(0o600).preserve_mode(false);
    options
}

#[cfg(not(unix))]
fn secret_options() -> atomic_write_file::OpenOptions {
    atomic_write_file::AtomicWriteFile::options()
}

/// 0600 for a new file; an existing file keeps its mode.
#[cfg(unix)]
fn private_options() -> atomic_write_file::OpenOptions {
    use atomic_write_file::unix::OpenOptionsExt as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut options = atomic_write_file::AtomicWriteFile::options();
    options.mode(0o600).preserve_mode(true);
    options
}

#[cfg(not(unix))]
fn private_options() -> atomic_write_file::OpenOptions {
    atomic_write_file::AtomicWriteFile::options()
}

/// A temporary file `write_atomically` left behind is only removed once it is this old: a
/// write in progress (another fieldtrace on the same home or stick) touches its file far more
/// often than that, so it is never pulled from under a concurrent writer.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The final name a temporary file of ours stands for: `.<name>.<6 letters or digits>` is how
/// `write_atomically` names it (the `atomic-write-file` crate's naming).
pub fn temp_file_target(file_name: &str) -> Option<&str> {
    let rest = file_name.strip_prefix('.')?;
    let (target, suffix) = rest.rsplit_once('.')?;
    let ours = !target.is_empty()
        && suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric());
    ours.then_some(target)
}

/// Removes, from `dir` (not below it), the temporary files an interrupted `write_atomically`
/// left: only names of our own temporary form whose final name `is_ours` accepts, and only
/// when last modified at least `min_age` ago. Returns how many were removed; a folder that is
/// missing or unreadable, or a file that cannot be removed, is left as it is.
pub fn remove_stale_temp_files(
    dir: &Path,
    is_ours: impl Fn(&str) -> bool,
    min_age: std::time::Duration,
) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    // File times are the file system's real time, not the context's (possibly fixed) clock:
    // the age of a file can only be measured against the real now.
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(target) = name.to_str().and_then(temp_file_target) else {
            continue;
        };
        if !is_ours(target) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= min_age);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Reads at most `limit` bytes: `None` if the file is larger. Errors name the file.
pub fn read_capped(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path).map_err(|e| naming(path, "read", e))?;
    let said_len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    read_at_most(file, said_len, limit).map_err(|e| naming(path, "read", e))
}

/// What [`read_capped`] reads: a source that says it is too large is refused before a byte of
/// it is read; the read is capped all the same, since a file can grow (or a pipe say nothing)
/// after it is asked.
fn read_at_most(
    source: impl Read,
    said_len: Option<u64>,
    limit: u64,
) -> io::Result<Option<Vec<u8>>> {
    if said_len.is_some_and(|len| len > limit) {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A small text file from outside (a key, a column map): at most `limit` bytes of UTF-8.
pub fn read_text_capped(path: &Path, limit: u64) -> io::Result<Option<String>> {
    match read_capped(path, limit)? {
        None => Ok(None),
        Some(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is not UTF-8 text", path.display()),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that counts the bytes asked of it.
    struct Counting<'a>(&'a std::cell::Cell<usize>);

    impl Read for Counting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1 << 20);
            self.0.set(self.0.get() + n);
            buf[..n].fill(0);
            Ok(n)
        }
    }

    #[test]
    fn a_file_that_says_it_is_over_the_cap_is_refused_before_a_byte_is_read() {
        let read = std::cell::Cell::new(0);
        let cap = 256 << 20;
        let refused = read_at_most(Counting(&read), Some(300 << 20), cap).unwrap();
        assert!(refused.is_none());
        assert_eq!(read.get(), 0, "bytes read before the refusal");
        // Without a size to go by (a pipe), the cap still holds, one byte past it.
        let refused = read_at_most(Counting(&read), None, 1000).unwrap();
        assert!(refused.is_none());
        assert!(read.get() <= 1 << 20, "{}", read.get());
    }

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn only_our_own_stale_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
        let make = |name: &str, modified: Option<std::time::SystemTime>| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"half").unwrap();
            if let Some(at) = modified {
                std::fs::File::options()
                    .write(true)
                    .open(&path)
                    .unwrap()
                    .set_modified(at)
                    .unwrap();
            }
            path
        };
        let stale = make(".abc.jpg.Xy12Za", Some(old));
        let fresh = make(".abc.jpg.Qw34Er", None);
        let foreign = make(".notes.txt.Qw34Er", Some(old));
        let not_temp = make(".abc.jpg.toolong1", Some(old));
        let removed = remove_stale_temp_files(
            dir.path(),
            |target| target.ends_with(".jpg"),
            STALE_TEMP_AGE,
        );
        assert_eq!(removed, 1);
        assert!(!stale.exists());
        assert!(fresh.exists(), "a write in progress is left alone");
        assert!(foreign.exists() && not_temp.exists());
        assert_eq!(temp_file_target(".x.ftpkt.a1B2c3"), Some("x.ftpkt"));
        assert_eq!(temp_file_target("x.ftpkt"), None);
    }

    #[test]
    fn hashes_are_lower_case_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_capped_read_refuses_what_is_larger_and_names_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/f.txt");
        write_atomically(&path, b"12345").unwrap();
        assert_eq!(read_capped(&path, 5).unwrap().unwrap(), b"12345");
        assert!(read_capped(&path, 4).unwrap().is_none());
        assert_eq!(read_text_capped(&path, 9).unwrap().unwrap(), "12345");
        let rows = write_atomically_with(&dir.path().join("out.csv"), |w| {
            w.write_all(b"a,b\n")?;
            Ok::<_, io::Error>(1)
        })
        .unwrap();
        assert_eq!(rows, 1);
        let failed = write_atomically_with(&dir.path().join("half.csv"), |w| {
            w.write_all(b"a,")?;
            Err::<(), _>(io::Error::other("interrupted"))
        });
        assert!(failed.is_err());
        assert!(
            !dir.path().join("half.csv").exists(),
            "nothing half written"
        );
        let err = read_capped(&dir.path().join("nope"), 5).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(err.to_string().contains("nope"), "{err}");
    }
}
