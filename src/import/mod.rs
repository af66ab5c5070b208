//! Seizure-log import: a CSV of weapons, ammunition lots and components, with a folder of
//! photos, into the register.
//!
//! Rows stream through in chunks: each chunk's photos are decoded and hashed on every core,
//! then its rows are written in order, in one transaction. Memory does not grow with the log.
//! Each row is accepted or rejected whole; rejected rows go, unchanged and with a reason, to a
//! rejects CSV beside the log. The log's unit and record id make a rerun add nothing twice.

pub mod map;
pub mod reader;

use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use rusqlite::OptionalExtension;
use serde::Serialize;

use self::map::{ColumnMap, Plan};
use crate::i18n::Said;
use crate::photo::{self, Inspected};
use crate::register::intake;
use crate::register::item::{self, Checked, ItemInput, Normalizer};
use crate::register::{Register, RegisterError, Station, photos};

/// Rows handled together: their photos decode in parallel, their writes share a transaction.
const CHUNK: usize = 128;
/// Rejected rows and notes listed in the report (and so on the terminal); the rest are
/// counted, and every rejected row is in the rejects file.
pub const MAX_LISTED: usize = 100;
/// No field of a seizure log is longer than this; a longer one is a broken or hostile file.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    // Transparent: the message is the cause's, said once (not again as its source).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{}", crate::t!("import-error-header", detail = .0.as_str()))]
    Header(String),
    #[error("{}", crate::t!("import-error-map", detail = .0.as_str()))]
    Map(String),
    #[error("{}", crate::t!("import-error-empty"))]
    Empty,
    #[error("{0}")]
    NotText(String),
    #[error(transparent)]
    Register(#[from] RegisterError),
    #[error("{}", crate::t!("import-error-csv", error = .0.to_string()))]
    Csv(#[from] csv::Error),
    #[error("{}", crate::t!("import-error-database", error = .0.to_string()))]
    Sqlite(#[from] rusqlite::Error),
}

/// One rejected row.
#[derive(Debug, Clone, Serialize)]
pub struct Reject {
    pub line: u64,
    pub record_id: Option<String>,
    pub field: String,
    /// Why, as a code: the same in every language (`reason_code` in the rejects file).
    pub code: &'static str,
    /// Why, in words: the officer's language on the terminal and in the rejects file, English
    /// in `--json`.
    pub reason: Said,
}

/// Something worth knowing about an accepted row (EXIF filled a gap, or disagreed): said in
/// the officer's language, stored in the item's notes in English.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub line: u64,
    pub record_id: Option<String>,
    pub note: Said,
}

/// The stable reason codes of rejected rows (`Reject::code`, the rejects file's
/// `reason_code`; docs/DESIGN.md lists them).
pub mod code {
    pub const NOT_UTF8: &str = "not-utf8";
    pub const NUL_BYTES: &str = "nul-bytes";
    pub const WIDTH: &str = "wrong-width";
    pub const FIELD_TOO_LONG: &str = "field-too-long";
    pub const ROW_TOO_LONG: &str = "row-too-long";
    pub const NO_RECORD_ID: &str = "no-record-id";
    pub const REPEATED: &str = "repeated-record-id";
    pub const DATABASE: &str = "database";
    pub const NO_PHOTOS_FOLDER: &str = "no-photos-folder";
    pub const PHOTO_OUTSIDE: &str = "photo-outside-folder";
    pub const PHOTO_NOT_FOUND: &str = "photo-not-found";
    pub const PHOTO_UNREADABLE: &str = "photo-unreadable";
    pub const PHOTO_NOT_STORED: &str = "photo-not-stored";
    pub const NO_DATE: &str = "no-date";
    pub const INVALID: &str = "invalid-value";
}

/// How a rejected row's field is named: a column, the row, or a template field.
fn field_column(index: usize) -> String {
    let n = index + 1;
    crate::t!("import-field-column", n = n)
}

fn field_row() -> String {
    crate::t!("import-field-row")
}

/// The summary `import --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub rows: u64,
    pub imported: u64,
    pub already_imported: u64,
    pub rejected: u64,
    pub photos: u64,
    /// The first `MAX_LISTED` rejected rows (all of them are in the rejects file).
    pub rejects: Vec<Reject>,
    /// The first `MAX_LISTED` notes (each is in its item's notes too).
    pub notes: Vec<Note>,
    /// Notes made beyond those listed.
    pub notes_not_listed: u64,
    pub ignored_columns: Vec<String>,
    pub dry_run: bool,
    pub strict: bool,
    /// Where the rejected rows were written, if any were.
    pub rejects_file: Option<String>,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub photos_dir: Option<&'a Path>,
    pub map: Option<&'a ColumnMap>,
    pub dry_run: bool,
    pub strict: bool,
    pub home: &'a Path,
    pub station: &'a Station,
    pub now: &'a str,
    /// The source of new item ids.
    pub clock: &'a crate::clock::Clock,
}

/// A row read from the log, before it is checked.
struct Raw {
    line: u64,
    bytes: csv::ByteRecord,
    row: RowShape,
}

/// What the reader found about a row beside its fields.
struct RowShape {
    width: usize,
    too_long: Option<(usize, u64)>,
    too_big: Option<u64>,
    nul_column: Option<usize>,
}

/// A row after its own checks, waiting for its photos.
struct Pending {
    line: u64,
    record_id: Option<String>,
    checked: Checked,
    marks: Vec<String>,
    photo_paths: Vec<(String, PathBuf)>,
    source_unit: String,
    /// Notes made while reading the row (a photo found under another name).
    notes: Vec<Said>,
}

/// A row whose photos are read and stored, with its photos, its notes and the photo files it
/// wrote (`(sha256, ext)`); or why it was refused.
type Finished = Result<(Pending, Vec<Inspected>, Vec<Said>, Vec<Stored>), Reject>;

/// A photo file an import wrote: `(sha256, ext)`.
type Stored = (String, &'static str);

/// What happened to a row.
enum Outcome {
    Rejected(Box<Reject>, csv::ByteRecord),
    Ready(Box<Pending>, Vec<Inspected>, Vec<Said>),
}

/// Why a photo named in the log is not taken: its reason code and words.
type PhotoRefusal = (&'static str, Said);

/// Resolves a photo path from the log inside the photos folder, or says why not.
fn photo_path(dir: &Path, written: &str) -> Result<PathBuf, PhotoRefusal> {
    let relative = Path::new(written);
    let outside = |said: Said| (code::PHOTO_OUTSIDE, said);
    if relative.is_absolute() || written.starts_with(['/', '\\']) || written.contains(':') {
        return Err(outside(crate::said!(
            "import-photo-absolute",
            photo = written
        )));
    }
    if relative
        .components()
        .any(|c| matches!(c, Component::ParentDir))
    {
        return Err(outside(crate::said!(
            "import-photo-climbs",
            photo = written
        )));
    }
    let joined = dir.join(relative);
    let real = joined.canonicalize().map_err(|_| {
        (
            code::PHOTO_NOT_FOUND,
            crate::said!("import-photo-not-found", photo = written),
        )
    })?;
    let root = dir.canonicalize().map_err(|e| {
        (
            code::PHOTO_NOT_FOUND,
            crate::said!("import-photo-folder", error = e.to_string()),
        )
    })?;
    if !real.starts_with(&root) {
        return Err(outside(crate::said!("import-photo-link", photo = written)));
    }
    if !real.is_file() {
        return Err((
            code::PHOTO_NOT_FOUND,
            crate::said!("import-photo-not-file", photo = written),
        ));
    }
    Ok(real)
}

/// Kobo's name for a stored file: what Django's `get_valid_filename` keeps.
fn stored_name(written: &str) -> String {
    written
        .trim()
        .replace(' ', "_")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// A photo named in the log: in the photos folder as written, or where KoboToolbox stores a
/// submission's attachments (`<user>/attachments/<form>/<submission>/<file>`), under its name
/// or the name Kobo gave it (made valid, or with a suffix when the name repeated). Returns
/// the file and, when it was not found as written, a note saying where it was.
fn locate_photo(
    dir: &Path,
    written: &str,
    submission: Option<&str>,
) -> Result<(PathBuf, Option<Said>), PhotoRefusal> {
    let direct = photo_path(dir, written);
    let (Err(_), Some(submission)) = (&direct, submission) else {
        return direct.map(|p| (p, None));
    };
    let name = Path::new(written)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The submission's folder: its id may not climb out of the photos folder either.
    let submission = submission.trim_start_matches("uuid:");
    if submission.is_empty() || submission.contains(['/', '\\', ':']) || submission.contains("..") {
        return direct.map(|p| (p, None));
    }
    let mut folders = Vec::new();
    for user in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let attachments = user.path().join("attachments");
        for form in std::fs::read_dir(&attachments)
            .into_iter()
            .flatten()
            .flatten()
        {
            let folder = form.path().join(submission);
            if folder.is_dir() {
                folders.push(folder);
            }
        }
    }
    let stored = stored_name(&name);
    let (stem, ext) = match stored.rsplit_once('.') {
        Some((stem, ext)) => (stem.to_owned(), ext.to_lowercase()),
        None => (stored.clone(), String::new()),
    };
    for folder in &folders {
        let relative = |file: &Path| {
            file.strip_prefix(dir)
                .unwrap_or(file)
                .to_string_lossy()
                .replace('\\', "/")
        };
        for candidate in [&name, &stored] {
            let file = folder.join(candidate);
            if file.is_file() {
                let shown = relative(&file);
                return photo_path(dir, &shown).map(|p| (p, Some(found_as(written, &shown))));
            }
        }
        // A name that repeated is stored with a suffix: `photo_Ab3dE9x.jpg`.
        let suffixed: Vec<PathBuf> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let file = p.file_name().map(|n| n.to_string_lossy().into_owned());
                file.is_some_and(|f| {
                    f.to_lowercase().ends_with(&format!(".{ext}"))
                        && f.starts_with(&format!("{stem}_"))
                })
            })
            .collect();
        if let [one] = suffixed.as_slice() {
            let shown = relative(one);
            return photo_path(dir, &shown).map(|p| (p, Some(found_as(written, &shown))));
        }
    }
    direct.map(|p| (p, None))
}

/// The note on a photo found under another name than the log's.
fn found_as(written: &str, shown: &str) -> Said {
    crate::said!("import-note-found-as", photo = written, found = shown)
}

struct Importer<'a> {
    plan: Plan,
    norm: Normalizer<'a>,
    options: Options<'a>,
    report: Report,
    /// The (unit, record id) pairs of this log seen so far, with their line, in a temporary
    /// table of the register's connection (on disk, not in memory: a log of a million rows
    /// keeps memory flat): a second row with the same id is refused.
    seen: SeenRows,
    /// Whether photos and rows are written in this pass.
    store: bool,
    /// Photo files this pass wrote for rows not yet committed.
    uncommitted: Vec<Stored>,
    /// The rejects file, opened at the first rejected row; rows are written as they come.
    rejects_out: Option<RejectsFile>,
    /// Where it goes, its header and delimiter.
    rejects_path: PathBuf,
    header: Vec<String>,
    delimiter: u8,
    /// The submissions a repeat group's rows belong to (ODK Central's `PARENT_KEY`).
    parent: Option<Parent>,
    /// Twice as many threads as cores: a thread waiting for a photo to reach the disk
    /// (fsync) leaves its core to another that decodes.
    pool: rayon::ThreadPool,
}

impl Importer<'_> {
    fn reject(
        &self,
        raw: &Raw,
        record_id: Option<String>,
        field: &str,
        (code, reason): (&'static str, Said),
    ) -> Outcome {
        Outcome::Rejected(
            Box::new(Reject {
                line: raw.line,
                record_id,
                field: field.to_owned(),
                code,
                reason,
            }),
            raw.bytes.clone(),
        )
    }

    /// A row's own checks: text, field sizes, values, duplicates, photo paths.
    fn check_row(
        &mut self,
        conn: &rusqlite::Connection,
        raw: &Raw,
        width: usize,
    ) -> Result<Pending, Outcome> {
        let record = csv::StringRecord::from_byte_record(raw.bytes.clone()).map_err(|e| {
            let field = e.utf8_error().field();
            self.reject(
                raw,
                None,
                &field_column(field),
                (code::NOT_UTF8, crate::said!("import-reject-not-utf8")),
            )
        })?;
        if let Some(column) = raw.row.nul_column {
            return Err(self.reject(
                raw,
                None,
                &field_column(column),
                (code::NUL_BYTES, crate::said!("import-reject-nul")),
            ));
        }
        if raw.row.width != width {
            return Err(self.reject(
                raw,
                None,
                &field_row(),
                (
                    code::WIDTH,
                    crate::said!("import-reject-width", fields = raw.row.width, width = width),
                ),
            ));
        }
        // A repeat group's row takes the submission's date, event and place from its parent.
        let parent = self.parent.as_ref().and_then(|p| p.row_of(&record));
        let value = |field: &str| {
            self.plan.value(field, &record).or_else(|| {
                parent
                    .filter(|_| INHERITED.contains(&field))
                    .and_then(|p| p.get(field).cloned())
            })
        };
        let record_id = value("record_id");
        if let Some((index, long)) = raw.row.too_long {
            return Err(self.reject(
                raw,
                record_id,
                &field_column(index),
                (
                    code::FIELD_TOO_LONG,
                    crate::said!(
                        "import-reject-field-too-long",
                        bytes = long,
                        limit = MAX_FIELD_BYTES
                    ),
                ),
            ));
        }
        if let Some(bytes) = raw.row.too_big {
            return Err(self.reject(
                raw,
                record_id,
                &field_row(),
                (
                    code::ROW_TOO_LONG,
                    crate::said!(
                        "import-reject-row-too-long",
                        bytes = bytes,
                        limit = reader::MAX_ROW_BYTES
                    ),
                ),
            ));
        }
        let Some(id) = record_id.clone() else {
            return Err(self.reject(
                raw,
                None,
                "record_id",
                (
                    code::NO_RECORD_ID,
                    crate::said!("import-reject-no-record-id"),
                ),
            ));
        };
        let station = self.options.station;
        let source_unit = value("unit").unwrap_or_else(|| station.unit.clone());
        match self.seen.first(conn, &source_unit, &id, raw.line) {
            Ok(None) => {}
            Ok(Some(first)) => {
                return Err(self.reject(
                    raw,
                    record_id,
                    "record_id",
                    (
                        code::REPEATED,
                        crate::said!("import-reject-repeated", id = id.as_str(), first = first),
                    ),
                ));
            }
            Err(e) => {
                return Err(self.reject(
                    raw,
                    record_id,
                    &field_row(),
                    (
                        code::DATABASE,
                        crate::said!("import-error-database", error = e.to_string()),
                    ),
                ));
            }
        }

        let mut input = ItemInput::new();
        for field in item::FIELDS.iter().map(|f| f.name) {
            if let Some(v) = value(field) {
                input.insert(field.to_owned(), v);
            }
        }
        if !input.contains_key("lat")
            && !input.contains_key("lon")
            && let Some((lat, lon)) = value("geopoint").as_deref().and_then(geopoint)
        {
            input.insert("lat".into(), lat);
            input.insert("lon".into(), lon);
        }
        item::default_to_station(&mut input, station);
        let marks = split(value("markings"));
        let submission = value("submission");
        let mut photo_paths = Vec::new();
        let mut notes = Vec::new();
        for written in split(value("photos")) {
            let Some(dir) = self.options.photos_dir else {
                return Err(self.reject(
                    raw,
                    record_id,
                    "photos",
                    (
                        code::NO_PHOTOS_FOLDER,
                        crate::said!("import-reject-no-photos-folder"),
                    ),
                ));
            };
            match locate_photo(dir, &written, submission.as_deref()) {
                Ok((path, note)) => {
                    notes.extend(note);
                    photo_paths.push((written, path));
                }
                Err(reason) => return Err(self.reject(raw, record_id, "photos", reason)),
            }
        }
        // A row with no date may take it from its first photo, so the date check waits.
        let date = input.remove("date");
        let mut checked =
            match item::check_new(&with_placeholder_date(&input, date.as_deref()), &self.norm) {
                Ok(c) => c,
                // The register's own reasons, already in the officer's language.
                Err(RegisterError::Invalid { field, reason }) => {
                    return Err(self.reject(
                        raw,
                        record_id,
                        &field,
                        (code::INVALID, Said::verbatim(reason)),
                    ));
                }
                Err(other) => {
                    return Err(self.reject(
                        raw,
                        record_id,
                        &field_row(),
                        (code::INVALID, Said::verbatim(other.to_string())),
                    ));
                }
            };
        if date.is_none() {
            checked.values.remove("date");
        }
        Ok(Pending {
            line: raw.line,
            record_id,
            checked,
            marks,
            photo_paths,
            source_unit,
            notes,
        })
    }
}

/// The rows of this log seen so far (`Importer::seen`).
#[derive(Debug)]
struct SeenRows;

impl SeenRows {
    fn start(conn: &rusqlite::Connection) -> Result<SeenRows, rusqlite::Error> {
        conn.execute_batch(
            "PRAGMA temp_store = FILE;
             CREATE TEMP TABLE IF NOT EXISTS import_seen
                 (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
             DELETE FROM temp.import_seen;",
        )?;
        Ok(SeenRows)
    }

    /// The line where this unit's record id was first seen, or `None` (and it is noted now).
    fn first(
        &self,
        conn: &rusqlite::Connection,
        unit: &str,
        id: &str,
        line: u64,
    ) -> Result<Option<i64>, rusqlite::Error> {
        let key = format!("{unit}\u{0}{id}");
        let first: Option<i64> = conn
            .prepare_cached("SELECT line FROM temp.import_seen WHERE key = ?1")?
            .query_row([&key], |r| r.get(0))
            .optional()?;
        if first.is_none() {
            conn.prepare_cached("INSERT INTO temp.import_seen (key, line) VALUES (?1, ?2)")?
                .execute(rusqlite::params![
                    key,
                    i64::try_from(line).unwrap_or(i64::MAX)
                ])?;
        }
        Ok(first)
    }
}

/// Fields a repeat group's row takes from its submission when it has none of its own.
const INHERITED: &[&str] = &[
    "date", "event", "location", "lat", "lon", "unit", "officer", "geopoint",
];

/// `lat lon altitude precision`, an ODK/Kobo geopoint in one column: its latitude and
/// longitude, as written.
fn geopoint(text: &str) -> Option<(String, String)> {
    let mut parts = text.split_whitespace();
    let (lat, lon) = (parts.next()?, parts.next()?);
    (lat.parse::<f64>().is_ok() && lon.parse::<f64>().is_ok())
        .then(|| (lat.to_owned(), lon.to_owned()))
}

/// An ODK Central repeat group's parent file, read once: each submission's fields by `KEY`.
struct Parent {
    rows: std::collections::HashMap<String, BTreeMap<&'static str, String>>,
    /// The child's `PARENT_KEY` column.
    key_column: usize,
}

impl Parent {
    fn row_of(&self, record: &csv::StringRecord) -> Option<&BTreeMap<&'static str, String>> {
        self.rows.get(record.get(self.key_column)?.trim())
    }
}

/// The column named `name` (no case), if the header has it.
fn column(header: &[String], name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// Beside `seizure-weapons.csv` (a repeat group's rows, with `PARENT_KEY`): `seizure.csv`, the
/// submissions, read into memory by their `KEY`. The form's name may itself hold `-`: the
/// longest prefix that names a file wins.
fn load_parent(
    log: &Path,
    header: &[String],
    map: Option<&ColumnMap>,
) -> Result<Option<Parent>, ImportError> {
    let Some(key_column) = column(header, "PARENT_KEY") else {
        return Ok(None);
    };
    let stem = log
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = log
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "csv".into());
    let mut prefix = stem.as_str();
    let file = loop {
        let Some((head, _)) = prefix.rsplit_once('-') else {
            return Err(ImportError::Header(crate::t!(
                "import-no-parent-file",
                file = stem
                    .rsplit_once('-')
                    .map_or(stem.clone(), |(h, _)| format!("{h}.{ext}"))
            )));
        };
        let candidate = log.with_file_name(format!("{head}.{ext}"));
        if candidate.is_file() {
            break candidate;
        }
        prefix = head;
    };
    let text = crate::fs::read_text_capped(&file, MAX_PARENT_BYTES)?.ok_or_else(|| {
        ImportError::Header(crate::t!(
            "import-parent-too-big",
            file = file.display().to_string(),
            limit = MAX_PARENT_BYTES
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(reader::sniff_delimiter(text.as_bytes()))
        .flexible(true)
        .from_reader(text.as_bytes());
    let parent_header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    let plan = match map {
        Some(map) => Plan::mapped_loose(map, &parent_header)?,
        None => Plan::mapped_loose(&ColumnMap::default(), &parent_header)?,
    };
    let Some(key) = column(&parent_header, "KEY") else {
        return Err(ImportError::Header(crate::t!(
            "import-parent-no-key",
            file = file.display().to_string()
        )));
    };
    let mut rows = std::collections::HashMap::new();
    for record in reader.records() {
        let record = record?;
        let mut fields = BTreeMap::new();
        for field in INHERITED {
            if let Some(v) = plan.value(field, &record) {
                fields.insert(*field, v);
            }
        }
        if let Some(k) = record.get(key) {
            rows.insert(k.trim().to_owned(), fields);
        }
    }
    Ok(Some(Parent { rows, key_column }))
}

/// A parent file (the submissions of a repeat group) is read whole: this much at most.
const MAX_PARENT_BYTES: u64 = 256 * 1024 * 1024;

/// ODK Central puts a form's attachments in `media/` beside its CSV: the photos folder when
/// `--photos` is not given.
pub fn default_photos_dir(log: &Path) -> Option<PathBuf> {
    let media = log.parent().unwrap_or(Path::new(".")).join("media");
    media.is_dir().then_some(media)
}

/// Kobo's "include HXL" second row: every filled cell a hashtag (`#date`, `#loc+name`).
fn is_hxl(record: &csv::ByteRecord) -> bool {
    let filled: Vec<&[u8]> = record
        .iter()
        .map(<[u8]>::trim_ascii)
        .filter(|c| !c.is_empty())
        .collect();
    !filled.is_empty() && filled.iter().all(|c| c.starts_with(b"#"))
}

/// `check_new` needs a date; a row without one gets today's until its photos are read.
fn with_placeholder_date(input: &ItemInput, date: Option<&str>) -> ItemInput {
    let mut input = input.clone();
    input.insert("date".into(), date.unwrap_or("1970-01-01").to_owned());
    input
}

fn split(value: Option<String>) -> Vec<String> {
    value
        .map(|v| {
            v.split(" | ")
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Reads, checks and stores one row's photos; fills the gaps EXIF can fill.
fn finish_row(
    mut pending: Pending,
    options: &Options<'_>,
    store: bool,
    today: chrono::NaiveDate,
) -> Finished {
    let reject = |pending: &Pending, (code, reason): PhotoRefusal| Reject {
        line: pending.line,
        record_id: pending.record_id.clone(),
        field: "photos".into(),
        code,
        reason,
    };
    let mut inspected = Vec::new();
    let mut originals = Vec::new();
    for (written, path) in &pending.photo_paths {
        let written = written.as_str();
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > photo::LIMITS.max_bytes {
            let error = photo::PhotoError::TooLarge {
                bytes: size,
                limit: photo::LIMITS.max_bytes,
            };
            return Err(reject(&pending, photo_refused(written, &error)));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            reject(
                &pending,
                (
                    code::PHOTO_UNREADABLE,
                    crate::said!(
                        "import-photo-unreadable",
                        photo = written,
                        error = e.to_string()
                    ),
                ),
            )
        })?;
        // The reduced copy waits until a packet or report needs it (photos::ensure_reduced):
        // deriving it costs more than the decoding that proves the file is an image.
        let photo = photo::inspect(&bytes, photo::LIMITS, today, photo::Derive::Nothing)
            .map_err(|e| reject(&pending, photo_refused(written, &e)))?;
        inspected.push(photo);
        originals.push(bytes);
    }
    let mut notes = std::mem::take(&mut pending.notes);
    // What could not be read of a photo's EXIF is said on the row, not dropped.
    for ((written, _), photo) in pending.photo_paths.iter().zip(&inspected) {
        notes.extend(photo.exif.notes.iter().map(|n| {
            crate::said!(
                |l| "import-note-photo",
                photo = written.as_str(),
                note = crate::i18n::said_in(n, l)
            )
        }));
    }
    let values = &mut pending.checked.values;
    let gps = inspected.iter().find_map(|p| p.exif.lat.zip(p.exif.lon));
    let row_position = match (values.get("lat"), values.get("lon")) {
        (Some(rusqlite::types::Value::Real(lat)), Some(rusqlite::types::Value::Real(lon))) => {
            Some((*lat, *lon))
        }
        _ => None,
    };
    let degrees = |v: f64| format!("{v:.5}");
    match (row_position, gps) {
        (None, Some((lat, lon))) => {
            values.insert("lat", rusqlite::types::Value::Real(lat));
            values.insert("lon", rusqlite::types::Value::Real(lon));
            notes.push(crate::said!(
                "import-note-position",
                lat = degrees(lat),
                lon = degrees(lon)
            ));
        }
        // About a kilometre apart: the row wins, the conflict is kept.
        (Some((lat, lon)), Some((plat, plon)))
            if (lat - plat).abs() > 0.01 || (lon - plon).abs() > 0.01 =>
        {
            notes.push(crate::said!(
                "import-note-position-disagrees",
                plat = degrees(plat),
                plon = degrees(plon),
                lat = degrees(lat),
                lon = degrees(lon)
            ));
        }
        _ => {}
    }
    let exif_time = inspected.iter().find_map(|p| p.exif.taken_at.clone());
    if !values.contains_key("date") {
        match exif_time {
            Some(t) => {
                notes.push(crate::said!("import-note-date", date = t.as_str()));
                values.insert("date", rusqlite::types::Value::Text(t));
            }
            None => {
                return Err(Reject {
                    line: pending.line,
                    record_id: pending.record_id.clone(),
                    field: "date".into(),
                    code: code::NO_DATE,
                    reason: crate::said!("import-reject-no-date"),
                });
            }
        }
    } else if let (Some(rusqlite::types::Value::Text(date)), Some(t)) =
        (values.get("date"), &exif_time)
        && !t.starts_with(&date[..10.min(date.len())])
    {
        notes.push(crate::said!(
            "import-note-date-disagrees",
            time = t.as_str(),
            date = date.as_str()
        ));
    }
    if !notes.is_empty() {
        // The item's notes keep the English: a record of the register reads the same whatever
        // the language of the terminal that imported it (the officer was told in theirs).
        let english: Vec<&str> = notes.iter().map(Said::english).collect();
        let joined = english.join("; ");
        let existing = match values.get("notes") {
            Some(rusqlite::types::Value::Text(n)) => format!("{n}\n"),
            _ => String::new(),
        };
        values.insert(
            "notes",
            rusqlite::types::Value::Text(format!("{existing}[import] {joined}")),
        );
    }
    // Stored only now that the row is accepted: no photo of a rejected row stays behind.
    let mut stored = Vec::new();
    if store {
        for (((written, _), photo), bytes) in
            pending.photo_paths.iter().zip(&inspected).zip(&originals)
        {
            let created = photos::store_files(options.home, bytes, photo).map_err(|e| {
                reject(
                    &pending,
                    (
                        code::PHOTO_NOT_STORED,
                        crate::said!(
                            "import-photo-not-stored",
                            photo = written.as_str(),
                            error = e.to_string()
                        ),
                    ),
                )
            })?;
            if created {
                stored.push((photo.sha256.clone(), photo.ext));
            }
        }
    }
    Ok((pending, inspected, notes, stored))
}

/// A photo the photo checks refuse: its code and why, in both languages.
fn photo_refused(written: &str, error: &photo::PhotoError) -> PhotoRefusal {
    let reason = error.said();
    (
        error.code(),
        crate::said!(
            |l| "import-photo-refused",
            photo = written,
            reason = crate::i18n::said_in(&reason, l)
        ),
    )
}

/// How far an import is, after each chunk of rows.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub rows: u64,
    /// Bytes of the log read, of `total_bytes`.
    pub bytes: u64,
    pub total_bytes: u64,
}

impl Progress {
    /// The rows the whole log holds, estimated from the bytes read so far.
    pub fn estimated_rows(&self) -> u64 {
        if self.bytes == 0 {
            return self.rows;
        }
        let estimate =
            u128::from(self.rows) * u128::from(self.total_bytes) / u128::from(self.bytes);
        u64::try_from(estimate).unwrap_or(u64::MAX).max(self.rows)
    }
}

/// Imports `log` into `register`. `progress` is told how far it is after each chunk.
///
/// `--strict` reads the log twice: first every row and photo is checked with nothing written
/// (but the rejects file), and only if none is rejected are the rows written, chunk by chunk in
/// short transactions as without it (a person's `item add` meanwhile waits a moment, not the
/// whole import). Photo files are stored only for accepted rows; those stored for rows that
/// were not committed (an error, a kill) are collected at the end, or by the next import.
pub fn import(
    log: &Path,
    register: &mut Register,
    norm: Normalizer<'_>,
    options: Options<'_>,
    progress: &dyn Fn(Progress),
) -> Result<Report, ImportError> {
    // Photos an interrupted import stored for rows it never committed: any, when no other
    // fieldtrace has the register open; else only old ones (another import may be about to
    // commit rows that link its photos).
    if !options.dry_run && !register.is_read_only() {
        let age = if register.opened_alone() {
            std::time::Duration::ZERO
        } else {
            crate::fs::STALE_TEMP_AGE
        };
        let home = options.home;
        register.write(|tx| photos::collect_orphans(tx, home, &[], age))?;
    }
    if options.strict && !options.dry_run {
        let checked = import_pass(log, register, norm, options.clone(), false, progress)?;
        if checked.rejected > 0 {
            return Ok(Report {
                imported: 0,
                photos: 0,
                ..checked
            });
        }
    }
    import_pass(
        log,
        register,
        norm,
        options.clone(),
        !options.dry_run,
        progress,
    )
}

/// One pass over the log; `store`: photos and rows are written (else only the rejects file,
/// unless `--dry-run`).
fn import_pass(
    log: &Path,
    register: &mut Register,
    norm: Normalizer<'_>,
    options: Options<'_>,
    store: bool,
    progress: &dyn Fn(Progress),
) -> Result<Report, ImportError> {
    let file = std::fs::File::open(log)?;
    let total_bytes = file.metadata().map_or(0, |m| m.len());
    let mut rows = reader::LogReader::new(BufReader::new(file), &log.display().to_string())?;
    let delimiter = rows.delimiter();
    let header = rows.header()?;
    let parent = load_parent(log, &header, options.map)?;
    let plan = match (options.map, &parent) {
        // A repeat group's rows may take their required fields from their submission.
        (Some(map), Some(_)) => Plan::mapped_loose(map, &header)?,
        (Some(map), None) => Plan::mapped(map, &header)?,
        (None, _) => Plan::template(&header)?,
    };
    let width = header.len();
    let today = norm.today;
    let mut importer = Importer {
        report: Report {
            file: log.display().to_string(),
            rows: 0,
            imported: 0,
            already_imported: 0,
            rejected: 0,
            photos: 0,
            rejects: Vec::new(),
            notes: Vec::new(),
            notes_not_listed: 0,
            ignored_columns: plan.ignored.clone(),
            dry_run: options.dry_run,
            strict: options.strict,
            rejects_file: None,
        },
        plan,
        norm,
        options,
        seen: SeenRows::start(register.conn())?,
        rejects_out: None,
        store,
        uncommitted: Vec::new(),
        rejects_path: rejects_path(log),
        header: header.clone(),
        delimiter,
        parent,
        pool: rayon::ThreadPoolBuilder::new()
            .num_threads(2 * std::thread::available_parallelism().map_or(2, usize::from))
            .build()
            .map_err(|e| ImportError::Io(std::io::Error::other(e)))?,
    };

    let result = (|| -> Result<(), ImportError> {
        let mut first = true;
        loop {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut read = 0;
            while chunk.len() < CHUNK {
                let Some(row) = rows.next_row()? else {
                    break;
                };
                read = row.offset;
                if std::mem::take(&mut first) && is_hxl(&row.fields) {
                    continue;
                }
                chunk.push(Raw {
                    line: row.line,
                    row: RowShape {
                        width: row.width,
                        too_long: row.too_long,
                        too_big: row.too_big,
                        nul_column: row.nul_column(),
                    },
                    bytes: row.fields,
                });
            }
            if chunk.is_empty() {
                return Ok(());
            }
            importer.run_chunk(chunk, width, register, today)?;
            progress(Progress {
                rows: importer.report.rows,
                bytes: read,
                total_bytes,
            });
        }
    })();
    // Photos stored for rows that were then not committed (a chunk's write failed).
    if !importer.uncommitted.is_empty() {
        let (home, stored) = (importer.options.home, &importer.uncommitted);
        let collected = register
            .write(|tx| photos::collect_orphans(tx, home, stored, crate::fs::STALE_TEMP_AGE));
        if result.is_ok() {
            collected?;
        }
    }
    result?;
    if let Some(out) = importer.rejects_out.take() {
        out.commit()?;
        importer.report.rejects_file = Some(importer.rejects_path.display().to_string());
    }
    Ok(importer.report)
}

impl Importer<'_> {
    fn run_chunk(
        &mut self,
        chunk: Vec<Raw>,
        width: usize,
        register: &mut Register,
        today: chrono::NaiveDate,
    ) -> Result<(), ImportError> {
        let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(chunk.len());
        let mut pending = Vec::new();
        for raw in &chunk {
            self.report.rows += 1;
            match self.check_row(register.conn(), raw, width) {
                Ok(p) => {
                    pending.push((outcomes.len(), p));
                    outcomes.push(None);
                }
                Err(outcome) => outcomes.push(Some(outcome)),
            }
        }
        // Rows already in the register are counted, not redone: skip their photos too.
        let conn = register.conn();
        let mut fresh = Vec::new();
        for (slot, p) in pending {
            let exists: Option<i64> = conn
                .query_row(
                    "SELECT id FROM items WHERE source_unit = ?1 AND record_id = ?2",
                    [&p.source_unit, p.record_id.as_deref().unwrap_or_default()],
                    |r| r.get(0),
                )
                .optional()
                .map_err(RegisterError::from)?;
            if exists.is_some() {
                self.report.already_imported += 1;
            } else {
                fresh.push((slot, p));
            }
        }
        let (options, store) = (&self.options, self.store);
        let finished: Vec<(usize, Finished)> = self.pool.install(|| {
            fresh
                .into_par_iter()
                .map(|(slot, p)| (slot, finish_row(p, options, store, today)))
                .collect()
        });
        for (slot, result) in finished {
            outcomes[slot] = Some(match result {
                Ok((p, photos, notes, stored)) => {
                    self.uncommitted.extend(stored);
                    Outcome::Ready(Box::new(p), photos, notes)
                }
                Err(reject) => Outcome::Rejected(Box::new(reject), chunk[slot].bytes.clone()),
            });
        }
        let station = self.options.station;
        let now = self.options.now;
        let dry_run = self.options.dry_run;
        let store = self.store;
        let mut ready = Vec::new();
        for outcome in outcomes.into_iter().flatten() {
            match outcome {
                Outcome::Rejected(reject, bytes) => {
                    self.report.rejected += 1;
                    if !dry_run {
                        self.write_reject(&reject, &bytes)?;
                    }
                    if self.report.rejects.len() < MAX_LISTED {
                        self.report.rejects.push(*reject);
                    }
                }
                Outcome::Ready(p, photos, notes) => {
                    for note in notes {
                        if self.report.notes.len() >= MAX_LISTED {
                            self.report.notes_not_listed += 1;
                            continue;
                        }
                        self.report.notes.push(Note {
                            line: p.line,
                            record_id: p.record_id.clone(),
                            note,
                        });
                    }
                    ready.push((p, photos));
                }
            }
        }
        if !store || ready.is_empty() {
            self.report.imported += u64::try_from(ready.len()).unwrap_or(0);
            self.report.photos += ready
                .iter()
                .map(|(_, p)| u64::try_from(p.len()).unwrap_or(0))
                .sum::<u64>();
            return Ok(());
        }
        let (clock, home) = (self.options.clock, self.options.home);
        let decoder = intake::decoder(self.norm.catalog, clock);
        let write = |tx: &rusqlite::Connection| -> Result<(u64, u64), RegisterError> {
            let (mut items, mut photo_count) = (0, 0);
            for (p, photos) in &ready {
                let uuid = intake::new_id(clock, tx, &station.name).to_string();
                let marks = intake::marks_of(&decoder, &p.marks);
                let id = intake::insert(
                    tx,
                    &p.checked,
                    &uuid,
                    Some(&p.source_unit),
                    &marks,
                    station,
                    now,
                )?;
                for photo in photos {
                    // Inside the write transaction: a concurrent import's orphan collection
                    // (under the same lock) cannot take the file between this and the commit.
                    if !photos::is_stored(home, &photo.sha256, photo.ext) {
                        return Err(RegisterError::Photo {
                            path: photo.sha256.clone(),
                            reason: crate::t!("import-photo-gone"),
                        });
                    }
                    photos::link(tx, id, photo, "overall", station, now)?;
                    photo_count += 1;
                }
                items += 1;
            }
            Ok((items, photo_count))
        };
        let (items, photo_count) = register.write(write)?;
        self.uncommitted.clear();
        self.report.imported += items;
        self.report.photos += photo_count;
        Ok(())
    }
}

/// `LOG.rejects.csv` beside the log.
fn rejects_path(log: &Path) -> PathBuf {
    let stem = log
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "log".into());
    log.with_file_name(format!("{stem}.rejects.csv"))
}

/// The rejects file being written: the rejected rows unchanged, plus a reason column. It
/// replaces the file of an earlier run only when the import ends.
struct RejectsFile {
    writer: csv::Writer<atomic_write_file::AtomicWriteFile>,
}

impl RejectsFile {
    fn create(path: &Path, header: &[String], delimiter: u8) -> Result<RejectsFile, ImportError> {
        let file = atomic_write_file::AtomicWriteFile::open(path).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                crate::t!(
                    "import-cannot-write",
                    file = path.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(file);
        let mut head: Vec<&[u8]> = header.iter().map(String::as_bytes).collect();
        head.push(b"reason_code");
        head.push(b"reason");
        writer.write_record(head)?;
        Ok(RejectsFile { writer })
    }

    fn write(&mut self, row: &csv::ByteRecord, reject: &Reject) -> Result<(), ImportError> {
        let reason = crate::t!(
            "import-reject-cell",
            line = reject.line,
            field = reject.field.as_str(),
            reason = reject.reason.text()
        );
        let mut fields: Vec<&[u8]> = row.iter().collect();
        fields.push(reject.code.as_bytes());
        fields.push(reason.as_bytes());
        self.writer.write_record(fields)?;
        Ok(())
    }

    fn commit(self) -> Result<(), ImportError> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ImportError::Io(std::io::Error::other(e.to_string())))?;
        file.commit()?;
        Ok(())
    }
}

impl Importer<'_> {
    fn write_reject(&mut self, reject: &Reject, row: &csv::ByteRecord) -> Result<(), ImportError> {
        let out = match &mut self.rejects_out {
            Some(out) => out,
            None => self.rejects_out.insert(RejectsFile::create(
                &self.rejects_path,
                &self.header,
                self.delimiter,
            )?),
        };
        out.write(row, reject)
    }
}

/// Reads at most `limit` bytes: a column map or other small file from outside.
pub fn read_small(path: &Path, limit: u64) -> Result<String, ImportError> {
    crate::fs::read_text_capped(path, limit)?.ok_or_else(|| {
        ImportError::Map(crate::t!(
            "import-file-too-big",
            file = path.display().to_string(),
            limit = limit
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::code;

    /// The rejects file's codes are a contract: every one is in docs/DESIGN.md.
    #[test]
    fn every_reason_code_is_documented() {
        let design = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/DESIGN.md"),
        )
        .unwrap();
        let photo = [
            crate::photo::PhotoError::TooLarge { bytes: 0, limit: 0 },
            crate::photo::PhotoError::NotAnImage,
            crate::photo::PhotoError::TooManyPixels {
                width: 0,
                height: 0,
                side: 0,
                pixels: 0,
            },
            crate::photo::PhotoError::Corrupt(crate::i18n::Said::verbatim("")),
            crate::photo::PhotoError::MetadataTooLarge {
                chunk: String::new(),
                bytes: 0,
                limit: 0,
            },
        ];
        let codes = [
            code::NOT_UTF8,
            code::NUL_BYTES,
            code::WIDTH,
            code::FIELD_TOO_LONG,
            code::ROW_TOO_LONG,
            code::NO_RECORD_ID,
            code::REPEATED,
            code::DATABASE,
            code::NO_PHOTOS_FOLDER,
            code::PHOTO_OUTSIDE,
            code::PHOTO_NOT_FOUND,
            code::PHOTO_UNREADABLE,
            code::PHOTO_NOT_STORED,
            code::NO_DATE,
            code::INVALID,
        ]
        .into_iter()
        .chain(photo.iter().map(crate::photo::PhotoError::code));
        for code in codes {
            assert!(
                design.contains(&format!("`{code}`")),
                "{code} is not in docs/DESIGN.md"
            );
        }
    }
}
