//! Entry points for the fuzz targets in `fuzz/` (cargo fuzz), one per parser that reads bytes
//! from outside. Each runs the same library code the commands run, on arbitrary input, and
//! must return without a panic, whatever the input; `tests/cli/fuzz_regressions.rs` replays
//! every input a fuzzer ever crashed on (`fuzz/regressions/<target>/`) through them.

use chrono::NaiveDate;

/// The day the fuzzers take as today (EXIF dates after it are refused).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
}

/// The packet archive reader (a tar from outside), then the strict manifest parser on what it
/// carries.
pub fn packet_archive(data: &[u8]) {
    let limits = crate::packet::ArchiveLimits::default();
    if let Ok(archive) = crate::packet::archive::read(data, &limits) {
        let _ = crate::packet::manifest::parse_strict(archive.manifest);
    }
}

/// The strict manifest parser.
pub fn manifest(data: &[u8]) {
    let _ = crate::packet::manifest::parse_strict(data);
}

/// The BC-UR assembler: one scanned part a line, then the payload decoder.
pub fn bcur(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut assembler = crate::qr::Assembler::new(64 * 1024);
    for part in text.lines() {
        let _ = assembler.receive(part);
    }
    let _ = assembler.progress();
    let _ = crate::qr::assembled_packet(&assembler);
}

/// The EXIF reader, and the photo check (format, dimensions, decoding under the limits).
pub fn exif(data: &[u8]) {
    let _ = crate::photo::read_exif(data, today());
    let _ = crate::photo::inspect(
        data,
        crate::photo::LIMITS,
        today(),
        crate::photo::Derive::Nothing,
    );
}

/// The reference-data loader: one TOML file, parsed and validated as `reference-data/` is.
pub fn refdata(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [("fuzz.toml".to_owned(), text.to_owned())];
    let (parsed, mut problems) = crate::refdata::validate::parse_files(&files);
    problems.extend(crate::refdata::validate::validate(&parsed));
    if problems.is_empty() {
        let catalog = crate::refdata::Catalog::from_library(&parsed.library);
        let decoder = crate::refdata::decode::Decoder::new(&catalog, 2026);
        let _ = decoder.decode("FN HERSTAL BELGIUM 7.62x51 1978");
    }
}

/// The mark decoder, against the library embedded in the binary.
pub fn mark_decoder(data: &[u8]) {
    static CATALOG: std::sync::OnceLock<Option<crate::refdata::Catalog>> =
        std::sync::OnceLock::new();
    let catalog = CATALOG.get_or_init(|| {
        crate::refdata::RefData::open_embedded()
            .and_then(|r| r.catalog())
            .ok()
    });
    let (Some(catalog), Ok(text)) = (catalog, std::str::from_utf8(data)) else {
        return;
    };
    let decoder = crate::refdata::decode::Decoder::new(catalog, 2026);
    let _ = decoder.decode(text);
    let _ = decoder.serial_formats(text);
    let _ = crate::refdata::decode::describe(text);
}

/// The seizure-log reader with a column map: `MAP.toml`, a line `%%`, then the log; or a log
/// alone, read with the template or a built-in map (chosen by its first byte). Every row is
/// read and every field the plan names is taken, as the import does before its checks.
pub fn log_reader(data: &[u8]) {
    use crate::import::map::{self, ColumnMap, Plan};
    use crate::import::reader::LogReader;
    let (map, log): (Option<ColumnMap>, &[u8]) = match find(data, b"\n%%\n") {
        Some(at) => {
            let Ok(text) = std::str::from_utf8(&data[..at]) else {
                return;
            };
            let Ok(map) = map::parse(text) else {
                return;
            };
            (Some(map), &data[at + 4..])
        }
        None => {
            let built_in = data
                .first()
                .and_then(|b| map::BUILT_IN.get(usize::from(*b % 4)))
                .and_then(|(_, text)| map::parse(text).ok());
            (built_in, data)
        }
    };
    let Ok(mut reader) = LogReader::new(log, "fuzz.csv") else {
        return;
    };
    let Ok(header) = reader.header() else {
        return;
    };
    let plan = match &map {
        Some(map) => Plan::mapped(map, &header),
        None => Plan::template(&header),
    };
    let Ok(plan) = plan else {
        return;
    };
    let mut last_line = 0;
    while let Ok(Some(row)) = reader.next_row() {
        assert!(row.line >= last_line, "lines go forward");
        last_line = row.line;
        assert!(row.fields.len() <= crate::import::reader::MAX_COLUMNS);
        let _ = row.nul_column();
        let Ok(record) = csv::StringRecord::from_byte_record(row.fields) else {
            continue;
        };
        for field in plan.fields.keys() {
            if let Some(value) = plan.value(field, &record) {
                let bound = crate::import::reader::MAX_ROW_BYTES as usize
                    + 3 * crate::import::reader::MAX_COLUMNS;
                assert!(value.len() <= bound, "a value is bounded by its row");
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
