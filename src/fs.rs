//! The one place for the file operations every part of the station shares: atomic writes (a
//! reader never sees half a file), reads capped at a size (a file from outside cannot exhaust
//! memory) and the SHA-256 hex that names photos, attachments and manifests.

use std::io::{self, Read as _, Write};
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
/// parent folders.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, atomic_write_file::AtomicWriteFile::options())
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
        std::fs::create_dir_all(parent).map_err(|e| naming(parent, "create", e))?;
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

/// Reads at most `limit` bytes: `None` if the file is larger. Errors name the file.
pub fn read_capped(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path).map_err(|e| naming(path, "read", e))?;
    // A file that says it is too large is refused before a byte of it is read; the read is
    // capped all the same, since a file can grow (or a pipe say nothing) after it is asked.
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > limit)
    {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| naming(path, "read", e))?;
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
