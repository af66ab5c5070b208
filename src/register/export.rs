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

pub fn csv(conn: &Connection, out: impl Write) -> Result<usize, RegisterError> {
    let mut writer = csv::Writer::from_writer(out);
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
        row.push(warnings(&item).join(" | "));
        writer
            .write_record(row.into_iter().map(spreadsheet_safe))
            .map_err(to_io)?;
    }
    writer.flush()?;
    Ok(ids.len())
}
