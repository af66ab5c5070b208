//! Photos in the register: each stored once under its SHA-256, linked to items by view.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{RegisterError, Station};
use crate::photo::Inspected;

pub const VIEWS: &[&str] = crate::vocab::PhotoView::NAMES;

/// A photo of an item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemPhoto {
    pub sha256: String,
    pub view: String,
    pub media_type: String,
    pub bytes: i64,
    pub width: i64,
    pub height: i64,
    pub taken_at: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Relative to the home directory.
    pub path: String,
}

/// `photos/ab/<sha256>.<ext>`, relative to the home directory.
pub fn original_path(sha256: &str, ext: &str) -> PathBuf {
    Path::new("photos")
        .join(&sha256[..2])
        .join(format!("{sha256}.{ext}"))
}

/// `derived/<sha256>-1024.jpg`, relative to the home directory.
pub fn reduced_path(sha256: &str) -> PathBuf {
    Path::new("derived").join(format!("{sha256}-{}.jpg", crate::photo::REDUCED_SIDE))
}

/// Writes `bytes` to `path` unless it is there already; whether it wrote them.
fn write_once(path: &Path, bytes: &[u8]) -> Result<bool, RegisterError> {
    if path.exists() {
        return Ok(false);
    }
    crate::fs::write_atomically(path, bytes)?;
    Ok(true)
}

/// Writes the original (untouched), and the reduced copy if one was derived, into `home`.
/// Content-addressed, so a rerun after an interruption writes nothing twice. Returns whether
/// the original was written now (it was not in the folder before).
pub fn store_files(home: &Path, original: &[u8], photo: &Inspected) -> Result<bool, RegisterError> {
    let written = write_once(
        &home.join(original_path(&photo.sha256, photo.ext)),
        original,
    )?;
    if let Some(reduced) = &photo.reduced {
        write_once(&home.join(reduced_path(&photo.sha256)), reduced)?;
    }
    Ok(written)
}

/// Whether the photo's original is in the photos folder.
pub fn is_stored(home: &Path, sha256: &str, ext: &str) -> bool {
    home.join(original_path(sha256, ext)).is_file()
}

/// Removes photo files no row of the register references: `candidates` (photos this process
/// stored, `(sha256, ext)`) whatever their age, and any other in the photos folder last
/// modified at least `min_age` ago. Runs inside a write transaction (`tx`), so that no other
/// fieldtrace commits a row linking one of them meanwhile; an import checks its photos are
/// still there inside its own write transaction (`is_stored`). Returns how many went.
pub fn collect_orphans(
    tx: &Connection,
    home: &Path,
    candidates: &[(String, &'static str)],
    min_age: std::time::Duration,
) -> Result<usize, RegisterError> {
    let mut referenced = tx.prepare_cached("SELECT 1 FROM photos WHERE sha256 = ?1")?;
    let mut is_orphan =
        |sha: &str| -> Result<bool, RegisterError> { Ok(!referenced.exists([sha])?) };
    let mut removed = 0;
    let mut remove = |sha: &str, path: PathBuf| {
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
            let _ = std::fs::remove_file(home.join(reduced_path(sha)));
        }
    };
    for (sha, ext) in candidates {
        if sha.len() == 64 && is_orphan(sha)? {
            remove(sha, home.join(original_path(sha, ext)));
        }
    }
    // File times are the file system's real time, not the context's (possibly fixed) clock.
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    for shard in std::fs::read_dir(home.join("photos"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for file in std::fs::read_dir(shard.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            let Some((sha, ext)) = name.split_once('.') else {
                continue;
            };
            let ours = sha.len() == 64
                && sha.bytes().all(|b| b.is_ascii_hexdigit())
                && matches!(ext, "jpg" | "png");
            let old = file
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= min_age);
            if ours && old && is_orphan(sha)? {
                remove(sha, file.path());
            }
        }
    }
    Ok(removed)
}

/// The reduced copy of a stored photo (relative to `home`), derived now if it was not yet.
pub fn ensure_reduced(
    home: &Path,
    sha256: &str,
    today: chrono::NaiveDate,
) -> Result<PathBuf, RegisterError> {
    let reduced = reduced_path(sha256);
    if home.join(&reduced).exists() {
        return Ok(reduced);
    }
    let original = ["jpg", "png"]
        .iter()
        .map(|ext| home.join(original_path(sha256, ext)))
        .find(|p| p.exists())
        .ok_or_else(|| RegisterError::Photo {
            path: sha256.to_owned(),
            reason: crate::t!("photo-original-missing"),
        })?;
    let bytes = std::fs::read(&original)?;
    let photo = crate::photo::inspect(
        &bytes,
        crate::photo::LIMITS,
        today,
        crate::photo::Derive::Reduced,
    )
    .map_err(|e| RegisterError::Photo {
        path: original.display().to_string(),
        reason: e.to_string(),
    })?;
    if photo.sha256 != sha256 {
        return Err(RegisterError::Photo {
            path: original.display().to_string(),
            reason: crate::t!("photo-hash-changed"),
        });
    }
    store_files(home, &bytes, &photo)?;
    Ok(reduced)
}

/// Records the photo (once) and links it to the item under a view.
pub fn link(
    tx: &Connection,
    item: i64,
    photo: &Inspected,
    view: &str,
    station: &Station,
    now: &str,
) -> Result<bool, RegisterError> {
    let view = crate::vocab::read_word("view", view, VIEWS)
        .map_err(|e| RegisterError::invalid("view", e.to_string()))?;
    // Stored in English: a record of the register reads the same whatever the language of the
    // terminal it was made on (the officer was shown the notes in theirs).
    let notes = (!photo.exif.notes.is_empty()).then(|| {
        let english: Vec<&str> = photo.exif.notes.iter().map(|n| n.english()).collect();
        english.join("; ")
    });
    tx.execute(
        "INSERT OR IGNORE INTO photos (sha256, media_type, bytes, width, height, taken_at, lat,
                                       lon, exif_notes, stored_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            photo.sha256,
            photo.media_type,
            i64::try_from(photo.bytes).unwrap_or(i64::MAX),
            photo.width,
            photo.height,
            photo.exif.taken_at,
            photo.exif.lat,
            photo.exif.lon,
            notes,
            now
        ],
    )?;
    let added = tx.execute(
        "INSERT OR IGNORE INTO item_photos (item_id, sha256, view, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![item, photo.sha256, view, now, station.signature()],
    )?;
    Ok(added == 1)
}

pub fn of_item(conn: &Connection, item: i64) -> Result<Vec<ItemPhoto>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT p.sha256, ip.view, p.media_type, p.bytes, p.width, p.height, p.taken_at, p.lat,
                p.lon
         FROM item_photos ip JOIN photos p ON p.sha256 = ip.sha256
         WHERE ip.item_id = ?1 ORDER BY ip.added_at, ip.sha256",
    )?;
    let photos = stmt
        .query_map([item], |r| {
            let sha256: String = r.get(0)?;
            let media_type: String = r.get(2)?;
            let ext = if media_type == "image/png" {
                "png"
            } else {
                "jpg"
            };
            Ok(ItemPhoto {
                path: original_path(&sha256, ext)
                    .to_string_lossy()
                    .replace('\\', "/"),
                sha256,
                view: r.get(1)?,
                media_type,
                bytes: r.get(3)?,
                width: r.get(4)?,
                height: r.get(5)?,
                taken_at: r.get(6)?,
                lat: r.get(7)?,
                lon: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(photos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::{Derive, LIMITS, inspect, synth};

    #[test]
    fn a_reduced_copy_is_derived_when_first_needed_and_kept() {
        let home = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let bytes = synth::jpeg(1600, 1200);
        let photo = inspect(&bytes, LIMITS, today, Derive::Nothing).unwrap();
        store_files(home.path(), &bytes, &photo).unwrap();
        assert!(!home.path().join(reduced_path(&photo.sha256)).exists());
        let reduced = ensure_reduced(home.path(), &photo.sha256, today).unwrap();
        let image = image::open(home.path().join(&reduced)).unwrap();
        assert_eq!(image.width(), crate::photo::REDUCED_SIDE);
        // The original is untouched.
        let stored = std::fs::read(home.path().join(original_path(&photo.sha256, "jpg"))).unwrap();
        assert_eq!(stored, bytes);
        assert!(ensure_reduced(home.path(), &"0".repeat(64), today).is_err());
    }
}

/// A photo file attached to an item.
#[derive(Debug, Serialize)]
pub struct Attached {
    pub file: String,
    pub sha256: String,
    /// `false`: the item already had this photo.
    pub added: bool,
    pub width: u32,
    pub height: u32,
    pub exif: crate::photo::Exif,
}

/// Attaches photo files to item `id` in `view`: every file is read and checked (size, format,
/// dimensions, EXIF) before anything is written, then stored by SHA-256 and linked in one
/// transaction.
pub fn attach(
    register: &mut super::Register,
    home: &Path,
    id: i64,
    files: &[PathBuf],
    view: &str,
    station: &Station,
    clock: &crate::clock::Clock,
) -> Result<Vec<Attached>, RegisterError> {
    let today = clock.now().date_naive();
    let now = clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let now = now.as_str();
    let view = crate::vocab::read_word("view", view, VIEWS)
        .map_err(|e| RegisterError::invalid("view", e.to_string()))?;
    let limits = crate::photo::LIMITS;
    let mut checked = Vec::new();
    for path in files {
        let shown = path.display().to_string();
        let refused = |reason: String| RegisterError::Photo {
            path: shown.clone(),
            reason,
        };
        let bytes = crate::fs::read_capped(path, limits.max_bytes)
            .map_err(|e| {
                RegisterError::Io(std::io::Error::new(
                    e.kind(),
                    crate::t!(
                        "photo-cannot-read",
                        file = shown.as_str(),
                        error = e.to_string()
                    ),
                ))
            })?
            .ok_or_else(|| refused(crate::t!("photo-over-limit", limit = limits.max_bytes)))?;
        let inspected = crate::photo::inspect(&bytes, limits, today, crate::photo::Derive::Reduced)
            .map_err(|e| refused(e.to_string()))?;
        checked.push((shown, bytes, inspected));
    }
    for (_, bytes, inspected) in &checked {
        store_files(home, bytes, inspected)?;
    }
    let added = register.write(|tx| {
        checked
            .iter()
            .map(|(_, _, p)| link(tx, id, p, view, station, now))
            .collect::<Result<Vec<bool>, _>>()
    })?;
    Ok(checked
        .into_iter()
        .zip(added)
        .map(|((file, _, p), added)| Attached {
            file,
            sha256: p.sha256,
            added,
            width: p.width,
            height: p.height,
            exif: p.exif,
        })
        .collect())
}
