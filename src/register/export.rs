//! `export csv`: one row per item, the import template's columns plus the identification and
//! the custody state, ready for a spreadsheet.

use std::io::Write;

use rusqlite::Connection;

use super::RegisterError;
use super::item::{FIELDS, fields_of, warnings};

/// Columns after the item's own fields.
const EXTRA: &[&str] = &[
    "item",
    "uuid",
    "custody_last",
    "custody_at",
    "custody_place",
    "photos",
    "marks",
    "warnings",
];

/// Columns that hold identifiers: text, whatever they look like.
const TEXT_IDS: &[&str] = &["record_id", "serial", "headstamp", "lot", "uuid"];

/// How `export csv` writes.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    /// `,` by default; `;` for spreadsheets in locales whose decimal separator is a comma.
    pub delimiter: u8,
    /// Write identifiers a spreadsheet would take for a number or a date (`012345`, `12E4`,
    /// `03-12`) as `="012345"`, which Excel and LibreOffice read as the text itself.
    pub text_ids: bool,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            delimiter: b',',
            text_ids: true,
        }
    }
}

/// Whether a spreadsheet opening the file would turn this into a number or a date: leading
/// zeros lost, `12E4` read as 120000.
fn looks_numeric(cell: &str) -> bool {
    let t = cell.trim();
    if t.is_empty() {
        return false;
    }
    let number = |s: &str| {
        s.chars().any(|c| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_digit() || "+-.,eE%$€ ".contains(c))
    };
    let date = t.chars().all(|c| c.is_ascii_digit() || "-/.: ".contains(c));
    number(t) || date
}

/// An identifier as a spreadsheet keeps it.
fn as_text(cell: String) -> String {
    if looks_numeric(&cell) && !cell.contains('"') {
        format!("=\"{cell}\"")
    } else {
        spreadsheet_safe(cell)
    }
}

/// A spreadsheet would run a cell that starts like a formula: such cells are prefixed with an
/// apostrophe, unless they are plain numbers.
fn spreadsheet_safe(cell: String) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell
    }
}

pub fn csv(
    conn: &Connection,
    options: CsvOptions,
    out: impl Write,
) -> Result<usize, RegisterError> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(options.delimiter)
        .from_writer(out);
    let header: Vec<&str> = EXTRA[..2]
        .iter()
        .copied()
        .chain(FIELDS.iter().map(|f| f.name))
        .chain(EXTRA[2..].iter().copied())
        .collect();
    let to_io = |e: csv::Error| RegisterError::Io(std::io::Error::other(e));
    writer.write_record(&header).map_err(to_io)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM items ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        let item = super::item::load(conn, &id.to_string())?;
        let fields = fields_of(conn, *id)?;
        let mut row: Vec<String> = vec![id.to_string(), item.uuid.clone()];
        row.extend(FIELDS.iter().map(|f| match fields.get(f.name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }));
        let last = item.custody.last();
        row.push(last.map(|e| e.action.clone()).unwrap_or_default());
        row.push(last.map(|e| e.occurred_at.clone()).unwrap_or_default());
        row.push(last.and_then(|e| e.place.clone()).unwrap_or_default());
        row.push(item.photos.len().to_string());
        row.push(
            item.marks
                .iter()
                .map(|m| m.text.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        );
        // The same words in every language: a CSV is read by tools.
        let said: Vec<String> = warnings(&item)
            .iter()
            .map(|w| w.english().to_owned())
            .collect();
        row.push(said.join(" | "));
        let cells = row.into_iter().zip(&header).map(|(cell, name)| {
            if options.text_ids && TEXT_IDS.contains(name) {
                as_text(cell)
            } else {
                spreadsheet_safe(cell)
            }
        });
        writer.write_record(cells).map_err(to_io)?;
    }
    writer.flush()?;
    Ok(ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_a_spreadsheet_would_turn_into_numbers_stay_text() {
        for id in ["012345", "12E4", "1.5", "03-12", "2026/03/14", "-7"] {
            assert_eq!(as_text(id.into()), format!("=\"{id}\""), "{id}");
        }
        for id in ["5612??8", "EXAMPLE-001", "AK-1234", ""] {
            assert_eq!(as_text(id.into()), id, "{id}");
        }
        assert_eq!(as_text("=HYPERLINK(1)".into()), "'=HYPERLINK(1)");
    }
}
