//! Items: one per weapon, component or ammunition lot, with the import template's fields plus
//! the identification, the serial's status and where it was read, and the legal basis.
//!
//! Field values arrive as text (from flags, a CSV row or an edit) and are checked and
//! normalised here, the same way whatever the door they came in by.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;

use super::{RegisterError, Station, resolve_item};
use crate::i18n::Said;
use crate::identify::observations::{parse_country, parse_type};
use crate::refdata::Catalog;
use crate::refdata::normalize::text_key;
use crate::said;
use crate::trace::gaps;
use crate::vocab::{AmmunitionType, ComponentType};

// The vocabularies, from their one definition in `vocab`.
pub const EVENTS: &[&str] = crate::vocab::Event::NAMES;
pub const KINDS: &[&str] = crate::vocab::ItemKind::NAMES;
pub const SERIAL_STATUSES: &[&str] = crate::vocab::SerialStatus::NAMES;
pub const MARK_EVENTS: &[&str] = crate::vocab::MarkEvent::NAMES;
pub const LEGIBILITY: &[&str] = crate::vocab::Legibility::NAMES;
const ID_METHODS: &[&str] = &["marks", "features", "both"];
const CONFIDENCES: &[&str] = &["high", "medium", "low"];
const SUSPECTED: &[&str] = &["copy", "craft"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Real,
    Integer,
}

/// An item field: its name in the import template and on the command line, and its column.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    column: &'static str,
    shape: Shape,
}

const fn text(name: &'static str, column: &'static str) -> Field {
    Field {
        name,
        column,
        shape: Shape::Text,
    }
}

/// Every field an item has, in the order of the import template, then the identification.
pub const FIELDS: &[Field] = &[
    text("record_id", "record_id"),
    text("date", "event_date"),
    text("event", "event"),
    text("location", "location"),
    Field {
        name: "lat",
        column: "lat",
        shape: Shape::Real,
    },
    Field {
        name: "lon",
        column: "lon",
        shape: Shape::Real,
    },
    text("kind", "kind"),
    text("type", "weapon_type"),
    text("make", "make"),
    text("model", "model"),
    text("calibre", "calibre"),
    text("serial", "serial"),
    text("country", "country"),
    Field {
        name: "year",
        column: "year",
        shape: Shape::Integer,
    },
    Field {
        name: "quantity",
        column: "quantity",
        shape: Shape::Integer,
    },
    text("headstamp", "headstamp"),
    text("lot", "lot"),
    text("condition", "condition"),
    text("unit", "unit"),
    text("officer", "officer"),
    text("notes", "notes"),
    text("serial_status", "serial_status"),
    text("serial_location", "serial_location"),
    text("model_id", "model_id"),
    text("id_method", "id_method"),
    text("id_confidence", "id_confidence"),
    text("suspected", "suspected"),
    text("illicit_basis", "illicit_basis"),
    text("legal_basis", "legal_basis"),
];

pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// Field values as given, by field name.
pub type ItemInput = BTreeMap<String, String>;

/// Checks values against the library and the calendar.
#[derive(Debug, Clone, Copy)]
pub struct Normalizer<'a> {
    pub catalog: &'a Catalog,
    pub today: NaiveDate,
}

/// `value` as a word of the vocabulary `kind` (`saisie` is `seized`).
fn one_of(
    field: &str,
    value: &str,
    kind: &'static str,
    allowed: &'static [&'static str],
) -> Result<String, RegisterError> {
    crate::vocab::read_word(kind, value, allowed)
        .map(str::to_owned)
        .map_err(|e| RegisterError::invalid(field, e.to_string()))
}

/// `YYYY-MM-DD`, optionally with a time (`T` or a space, minutes or seconds), or `DD/MM/YYYY`.
/// Anything else, an impossible date, or a date after `today` is refused.
pub fn parse_date(value: &str, today: NaiveDate) -> Result<String, RegisterError> {
    let value = value.trim();
    let (date, normalised) = if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        (date, date.format("%Y-%m-%d").to_string())
    } else if let Ok(date) = NaiveDate::parse_from_str(value, "%d/%m/%Y") {
        (date, date.format("%Y-%m-%d").to_string())
    } else {
        // Form exports (ODK, Kobo) write RFC 3339 with an offset: the local time is kept.
        let formats = [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ];
        let time = chrono::DateTime::parse_from_rfc3339(value)
            .map(|t| t.naive_local())
            .ok()
            .or_else(|| {
                formats
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
            })
            .ok_or_else(|| {
                RegisterError::invalid("date", crate::t!("item-invalid-date", value = value))
            })?;
        (time.date(), time.format("%Y-%m-%dT%H:%M:%S").to_string())
    };
    if date > today {
        return Err(RegisterError::invalid(
            "date",
            crate::t!("item-date-future", value = value),
        ));
    }
    if chrono::Datelike::year(&date) < 1900 {
        return Err(RegisterError::invalid(
            "date",
            crate::t!("item-date-before-1900", value = value),
        ));
    }
    Ok(normalised)
}

fn number<T: std::str::FromStr>(field: &str, value: &str) -> Result<T, RegisterError> {
    value
        .trim()
        .parse::<T>()
        .map_err(|_| RegisterError::invalid(field, crate::t!("item-not-a-number", value = value)))
}

impl Normalizer<'_> {
    /// The stored value of one field, and a warning for the officer if the value is kept but
    /// could not be matched to the library.
    pub fn value(&self, name: &str, raw: &str) -> Result<(Value, Option<Said>), RegisterError> {
        self.value_of_kind(name, raw, None)
    }

    /// `value`, for an item of `kind` (weapon when not given): a weapon's `type` is its ITI
    /// category, an ammunition lot's or a component's is what it is (cartridge, magazine).
    pub fn value_of_kind(
        &self,
        name: &str,
        raw: &str,
        kind: Option<&str>,
    ) -> Result<(Value, Option<Said>), RegisterError> {
        let Some(spec) = field(name) else {
            return Err(RegisterError::invalid(
                name,
                crate::t!("item-no-such-field"),
            ));
        };
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok((Value::Null, None));
        }
        let text = |s: String| Ok((Value::Text(s), None));
        match (name, spec.shape) {
            ("date", _) => text(parse_date(raw, self.today)?),
            ("event", _) => text(one_of(name, raw, "event", EVENTS)?),
            ("kind", _) => text(one_of(name, raw, "kind", KINDS)?),
            ("serial_status", _) => text(one_of(name, raw, "serial-status", SERIAL_STATUSES)?),
            ("id_method", _) => text(one_of(name, raw, "id-method", ID_METHODS)?),
            ("id_confidence", _) => text(one_of(name, raw, "confidence", CONFIDENCES)?),
            ("suspected", _) => text(one_of(name, raw, "suspected", SUSPECTED)?),
            ("type", _) => {
                let invalid =
                    |e: &dyn std::fmt::Display| RegisterError::invalid(name, e.to_string());
                match kind.map(|k| k.trim().to_lowercase()).as_deref() {
                    Some("ammunition") => text(
                        AmmunitionType::read(raw)
                            .map_err(|e| invalid(&e))?
                            .as_str()
                            .to_owned(),
                    ),
                    Some("component") => text(
                        ComponentType::read(raw)
                            .map_err(|e| invalid(&e))?
                            .as_str()
                            .to_owned(),
                    ),
                    _ => text(parse_type(raw).map_err(|e| invalid(&e))?),
                }
            }
            ("country", _) => {
                if raw.len() == 2 && raw.chars().all(|c| c.is_ascii_uppercase()) {
                    text(raw.to_owned())
                } else {
                    text(
                        parse_country(self.catalog, raw)
                            .map_err(|e| RegisterError::invalid(name, e.to_string()))?,
                    )
                }
            }
            ("calibre", _) => match self.catalog.resolve_calibre(raw) {
                Ok(id) => text(id),
                Err(err) => Ok((
                    Value::Text(raw.to_owned()),
                    Some(said!("warn-calibre-kept", error = err.to_string())),
                )),
            },
            ("model_id", _) => match self.catalog.model(raw) {
                Some(m) => text(m.id.clone()),
                None => Err(RegisterError::invalid(
                    name,
                    crate::t!("item-not-a-model", value = raw),
                )),
            },
            ("lat", _) => {
                let v: f64 = number(name, raw)?;
                if !(-90.0..=90.0).contains(&v) {
                    return Err(RegisterError::invalid(
                        name,
                        crate::t!("item-lat-outside", value = v.to_string()),
                    ));
                }
                Ok((Value::Real(v), None))
            }
            ("lon", _) => {
                let v: f64 = number(name, raw)?;
                if !(-180.0..=180.0).contains(&v) {
                    return Err(RegisterError::invalid(
                        name,
                        crate::t!("item-lon-outside", value = v.to_string()),
                    ));
                }
                Ok((Value::Real(v), None))
            }
            ("year", _) => {
                let v: i64 = number(name, raw)?;
                let this_year = i64::from(chrono::Datelike::year(&self.today));
                if !(1800..=this_year).contains(&v) {
                    return Err(RegisterError::invalid(
                        name,
                        crate::t!("item-not-a-year", value = v),
                    ));
                }
                Ok((Value::Integer(v), None))
            }
            ("quantity", _) => {
                let v: i64 = number(name, raw)?;
                if v < 0 {
                    return Err(RegisterError::invalid(
                        name,
                        crate::t!("item-negative-quantity"),
                    ));
                }
                Ok((Value::Integer(v), None))
            }
            (_, Shape::Text) => text(raw.to_owned()),
            (_, Shape::Real) => Ok((Value::Real(number(name, raw)?), None)),
            (_, Shape::Integer) => Ok((Value::Integer(number(name, raw)?), None)),
        }
    }

    /// The library model a model name refers to, if exactly one.
    fn model_id_for(&self, model: &str) -> Option<String> {
        let found: Vec<&str> = self
            .catalog
            .models_named(&text_key(model))
            .map(|m| m.id.as_str())
            .collect();
        match found.as_slice() {
            [one] => Some((*one).to_owned()),
            _ => None,
        }
    }
}

/// Words officers write in the serial field when there is no serial to read.
const NO_SERIAL: &[(&str, &str)] = &[
    ("obliterated", "obliterated"),
    ("ground off", "obliterated"),
    ("removed", "obliterated"),
    ("defaced", "obliterated"),
    ("illegible", "obliterated"),
    ("none", "absent"),
    ("absent", "absent"),
    ("no serial", "absent"),
];

/// Serial status as implied by what was read, when not stated.
pub fn serial_status_of(serial: Option<&str>) -> &'static str {
    match serial.map(str::trim) {
        None | Some("") => "unknown",
        Some(s) if s.contains(['?', '*', '_', '#', '…']) => "partial",
        Some(s) => NO_SERIAL
            .iter()
            .find(|(word, _)| s.eq_ignore_ascii_case(word))
            .map_or("present", |(_, status)| status),
    }
}

/// The unit and officer of a new item, when its record does not name them, are the station's.
pub fn default_to_station(input: &mut ItemInput, station: &Station) {
    input
        .entry("unit".into())
        .or_insert_with(|| station.unit.clone());
    input
        .entry("officer".into())
        .or_insert_with(|| station.officer.clone());
}

/// The checked values of a new item, and the warnings met on the way.
#[derive(Debug, Default)]
pub struct Checked {
    pub values: BTreeMap<&'static str, Value>,
    pub warnings: Vec<Said>,
}

/// Checks a whole new item. `date` and `event` are required; `kind` defaults to weapon.
pub fn check_new(input: &ItemInput, norm: &Normalizer<'_>) -> Result<Checked, RegisterError> {
    let mut checked = Checked::default();
    let kind = input.get("kind").map(String::as_str);
    for (name, raw) in input {
        let Some(spec) = field(name) else {
            return Err(RegisterError::invalid(
                name,
                crate::t!("item-no-such-field"),
            ));
        };
        let (value, warning) = norm.value_of_kind(name, raw, kind)?;
        checked.warnings.extend(warning);
        if value != Value::Null {
            checked.values.insert(spec.name, value);
        }
    }
    for required in ["date", "event"] {
        if !checked.values.contains_key(required) {
            return Err(RegisterError::invalid(required, crate::t!("item-required")));
        }
    }
    checked
        .values
        .entry("kind")
        .or_insert_with(|| Value::Text("weapon".into()));
    let serial = match checked.values.get("serial") {
        Some(Value::Text(s)) => Some(s.clone()),
        _ => None,
    };
    let status = serial_status_of(serial.as_deref());
    checked
        .values
        .entry("serial_status")
        .or_insert_with(|| Value::Text(status.into()));
    // "obliterated" in the serial field is a status, not a serial.
    if matches!(status, "obliterated" | "absent") {
        checked.values.remove("serial");
    }
    if !checked.values.contains_key("model_id")
        && let Some(Value::Text(model)) = checked.values.get("model")
        && let Some(id) = norm.model_id_for(model)
    {
        checked.values.insert("model_id", Value::Text(id));
    }
    Ok(checked)
}

/// Inserts a checked item; returns its number.
pub fn insert(
    tx: &Connection,
    checked: &Checked,
    uuid: &str,
    source_unit: Option<&str>,
    station: &Station,
    now: &str,
) -> Result<i64, RegisterError> {
    let mut columns = vec![
        "uuid",
        "source_unit",
        "created_at",
        "created_by",
        "updated_at",
    ];
    let mut values: Vec<Value> = vec![
        Value::Text(uuid.to_owned()),
        source_unit.map_or(Value::Null, |u| Value::Text(u.to_owned())),
        Value::Text(now.to_owned()),
        Value::Text(station.signature()),
        Value::Text(now.to_owned()),
    ];
    for (name, value) in &checked.values {
        if let Some(spec) = field(name) {
            columns.push(spec.column);
            values.push(value.clone());
        }
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    tx.execute(
        &format!(
            "INSERT INTO items ({}) VALUES ({})",
            columns.join(", "),
            placeholders.join(", ")
        ),
        params_from_iter(values),
    )?;
    Ok(tx.last_insert_rowid())
}

fn shown(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(r) => Some(r.to_string()),
        Value::Text(t) => Some(t.clone()),
        Value::Blob(b) => Some(format!("{} bytes", b.len())),
    }
}

/// Applies changes to an item, recording each changed field with who, when, old and new
/// value. Returns the fields that changed.
pub fn edit(
    tx: &Connection,
    item: i64,
    input: &ItemInput,
    norm: &Normalizer<'_>,
    reason: Option<&str>,
    station: &Station,
    now: &str,
) -> Result<(Vec<String>, Vec<Said>), RegisterError> {
    let mut changed = Vec::new();
    let mut warnings = Vec::new();
    // A serial read again says how legible it now is, unless the edit states that too.
    let mut input = input.clone();
    if let Some(serial) = input.get("serial").cloned()
        && !input.contains_key("serial_status")
    {
        input.insert(
            "serial_status".into(),
            serial_status_of(Some(&serial)).into(),
        );
    }
    let kind: String = match input.get("kind") {
        Some(kind) => kind.clone(),
        None => tx.query_row("SELECT kind FROM items WHERE id = ?1", [item], |r| r.get(0))?,
    };
    for (name, raw) in &input {
        let Some(spec) = field(name) else {
            return Err(RegisterError::invalid(
                name,
                crate::t!("item-no-such-field"),
            ));
        };
        let (value, warning) = norm.value_of_kind(name, raw, Some(&kind))?;
        warnings.extend(warning);
        if value == Value::Null && ["date", "event", "kind", "serial_status"].contains(&spec.name) {
            return Err(RegisterError::invalid(
                name,
                crate::t!("item-cannot-be-emptied"),
            ));
        }
        let old: Value = tx.query_row(
            &format!("SELECT {} FROM items WHERE id = ?1", spec.column),
            [item],
            |r| r.get(0),
        )?;
        if old == value {
            continue;
        }
        tx.execute(
            &format!(
                "UPDATE items SET {} = ?1, updated_at = ?2 WHERE id = ?3",
                spec.column
            ),
            params![value, now, item],
        )?;
        tx.execute(
            "INSERT INTO item_changes (item_id, field, old_value, new_value, reason, at, by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                item,
                spec.name,
                shown(&old),
                shown(&value),
                reason,
                now,
                station.signature()
            ],
        )?;
        changed.push(spec.name.to_owned());
    }
    Ok((changed, warnings))
}

/// A mark read on an item.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub id: i64,
    pub event: String,
    pub part: Option<String>,
    pub component: Option<i64>,
    pub text: String,
    pub legibility: String,
    pub decoded: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

/// A part of a modular or mixed-origin weapon.
#[derive(Debug, Clone, Serialize)]
pub struct Component {
    pub id: i64,
    pub part: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub country: Option<String>,
    pub serial: Option<String>,
    pub serial_status: String,
    pub notes: Option<String>,
}

/// One recorded change.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub at: String,
    pub by: String,
}

/// A new mark for an item.
#[derive(Debug, Clone)]
pub struct NewMark {
    pub text: String,
    pub event: String,
    pub part: Option<String>,
    pub component: Option<i64>,
    pub legibility: String,
    /// What the library reads in it (marking ids), if anything.
    pub decoded: Option<String>,
}

pub fn add_mark(
    tx: &Connection,
    item: i64,
    mark: &NewMark,
    station: &Station,
    now: &str,
) -> Result<i64, RegisterError> {
    let event = one_of("event", &mark.event, "mark-event", MARK_EVENTS)?;
    let legibility = one_of("legibility", &mark.legibility, "legibility", LEGIBILITY)?;
    if mark.text.trim().is_empty() {
        return Err(RegisterError::invalid("mark", crate::t!("item-mark-empty")));
    }
    if let Some(component) = mark.component {
        let owner: Option<i64> = tx
            .query_row(
                "SELECT item_id FROM item_components WHERE id = ?1",
                [component],
                |r| r.get(0),
            )
            .optional()?;
        if owner != Some(item) {
            return Err(RegisterError::invalid(
                "component",
                crate::t!("item-no-component", item = item, component = component),
            ));
        }
    }
    tx.execute(
        "INSERT INTO item_marks (item_id, component_id, event, part, text, legibility, decoded,
                                 created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            item,
            mark.component,
            event,
            mark.part,
            mark.text.trim(),
            legibility,
            mark.decoded,
            now,
            station.signature()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A new component.
#[derive(Debug, Clone, Default)]
pub struct NewComponent {
    pub part: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub country: Option<String>,
    pub serial: Option<String>,
    pub serial_status: Option<String>,
    pub notes: Option<String>,
}

pub fn add_component(
    tx: &Connection,
    item: i64,
    component: &NewComponent,
    norm: &Normalizer<'_>,
    station: &Station,
    now: &str,
) -> Result<i64, RegisterError> {
    if component.part.trim().is_empty() {
        return Err(RegisterError::invalid(
            "part",
            crate::t!("item-part-needed"),
        ));
    }
    let status = match &component.serial_status {
        Some(s) => one_of("serial_status", s, "serial-status", SERIAL_STATUSES)?,
        None => serial_status_of(component.serial.as_deref()).to_owned(),
    };
    let country = match &component.country {
        Some(c) => match norm.value("country", c)?.0 {
            Value::Text(code) => Some(code),
            _ => None,
        },
        None => None,
    };
    tx.execute(
        "INSERT INTO item_components (item_id, part, make, model, country, serial, serial_status,
                                      notes, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            item,
            component.part.trim().to_lowercase(),
            component.make,
            component.model,
            country,
            component.serial,
            status,
            component.notes,
            now,
            station.signature()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// An item as `item show` gives it.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub uuid: String,
    pub fields: BTreeMap<String, serde_json::Value>,
    pub marks: Vec<Mark>,
    pub components: Vec<Component>,
    pub photos: Vec<super::photos::ItemPhoto>,
    pub custody: Vec<super::custody::Event>,
    pub changes: Vec<Change>,
    /// What a trace will miss or get wrong: shown to the officer, never blocking.
    pub warnings: Vec<Said>,
    pub created_at: String,
    pub created_by: String,
}

fn json_of(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => i.into(),
        Value::Real(r) => r.into(),
        Value::Text(t) => t.into(),
        Value::Blob(_) => serde_json::Value::Null,
    }
}

/// The item's fields by name.
pub fn fields_of(
    conn: &Connection,
    id: i64,
) -> Result<BTreeMap<String, serde_json::Value>, RegisterError> {
    let columns: Vec<&str> = FIELDS.iter().map(|f| f.column).collect();
    let values: Vec<Value> = conn.query_row(
        &format!("SELECT {} FROM items WHERE id = ?1", columns.join(", ")),
        [id],
        |r| (0..columns.len()).map(|i| r.get(i)).collect(),
    )?;
    Ok(FIELDS
        .iter()
        .zip(values)
        .map(|(f, v)| (f.name.to_owned(), json_of(v)))
        .collect())
}

pub fn load(conn: &Connection, reference: &str) -> Result<Item, RegisterError> {
    let id = resolve_item(conn, reference)?;
    let (uuid, created_at, created_by): (String, String, String) = conn.query_row(
        "SELECT uuid, created_at, created_by FROM items WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let fields = fields_of(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT id, event, part, component_id, text, legibility, decoded, created_at, created_by
         FROM item_marks WHERE item_id = ?1 ORDER BY id",
    )?;
    let marks = stmt
        .query_map([id], |r| {
            Ok(Mark {
                id: r.get(0)?,
                event: r.get(1)?,
                part: r.get(2)?,
                component: r.get(3)?,
                text: r.get(4)?,
                legibility: r.get(5)?,
                decoded: r.get(6)?,
                created_at: r.get(7)?,
                created_by: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, part, make, model, country, serial, serial_status, notes
         FROM item_components WHERE item_id = ?1 ORDER BY id",
    )?;
    let components = stmt
        .query_map([id], |r| {
            Ok(Component {
                id: r.get(0)?,
                part: r.get(1)?,
                make: r.get(2)?,
                model: r.get(3)?,
                country: r.get(4)?,
                serial: r.get(5)?,
                serial_status: r.get(6)?,
                notes: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare(
        "SELECT field, old_value, new_value, reason, at, by FROM item_changes
         WHERE item_id = ?1 ORDER BY id",
    )?;
    let changes = stmt
        .query_map([id], |r| {
            Ok(Change {
                field: r.get(0)?,
                old_value: r.get(1)?,
                new_value: r.get(2)?,
                reason: r.get(3)?,
                at: r.get(4)?,
                by: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let photos = super::photos::of_item(conn, id)?;
    let custody = super::custody::log(conn, id)?;
    let mut item = Item {
        id,
        uuid,
        fields,
        marks,
        components,
        photos,
        custody,
        changes,
        warnings: Vec::new(),
        created_at,
        created_by,
    };
    item.warnings = warnings(&item);
    Ok(item)
}

fn text_field<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    item.fields
        .get(name)
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// What a trace will miss or get wrong, in the officer's words.
pub fn warnings(item: &Item) -> Vec<Said> {
    let mut out = Vec::new();
    let kind = text_field(item, "kind").unwrap_or("weapon");
    let status = text_field(item, "serial_status").unwrap_or("unknown");
    let serial_location = text_field(item, "serial_location").map(str::to_lowercase);
    if kind == "weapon" && gaps::serial_readable(status) {
        match serial_location.as_deref() {
            None => out.push(said!("warn-serial-place-unknown")),
            Some(place) if !gaps::serial_on_frame(Some(place)) => {
                out.push(said!("warn-serial-not-frame", place = place));
            }
            Some(_) => {}
        }
    }
    let origin_mark = item
        .marks
        .iter()
        .any(|m| m.event == "manufacture" && m.legibility != "obliterated");
    let has_serial = gaps::serial_readable(status);
    if kind == "weapon"
        && !has_serial
        && text_field(item, "make").is_none()
        && text_field(item, "country").is_none()
        && !origin_mark
    {
        out.push(said!("warn-no-iti-marking"));
    }
    if status == "obliterated" {
        out.push(said!("warn-serial-obliterated"));
    }
    if kind == "weapon" && text_field(item, "serial").is_none() {
        match status {
            "obliterated" => {}
            "absent" => out.push(said!("warn-serial-absent")),
            _ => out.push(said!("warn-no-serial")),
        }
    }
    if kind == "weapon" && !gaps::shows_marks(item.photos.iter().map(|p| p.view.as_str())) {
        out.push(said!("warn-no-mark-photo"));
    }
    let countries: Vec<&str> = item
        .components
        .iter()
        .filter_map(|c| c.country.as_deref())
        .collect();
    if let Some(first) = countries.first()
        && countries.iter().any(|c| c != first)
    {
        out.push(said!("warn-mixed-origin", countries = countries.join(", ")));
    }
    out
}

/// Narrows `item list`.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub event: Option<String>,
    pub kind: Option<String>,
    pub weapon_type: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub text: Option<String>,
}

/// One line of `item list`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub id: i64,
    pub uuid: String,
    pub record_id: Option<String>,
    pub date: String,
    pub event: String,
    pub kind: String,
    #[serde(rename = "type")]
    pub weapon_type: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub calibre: Option<String>,
    pub serial: Option<String>,
    pub serial_status: String,
    pub location: Option<String>,
    pub custody: Option<String>,
}

pub fn list(conn: &Connection, filter: &ListFilter) -> Result<Vec<Summary>, RegisterError> {
    let mut clauses = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut push = |clause: &str, value: Value| {
        values.push(value);
        clauses.push(clause.replace('?', &format!("?{}", values.len())));
    };
    if let Some(v) = &filter.event {
        push(
            "i.event = ?",
            Value::Text(one_of("event", v, "event", EVENTS)?),
        );
    }
    if let Some(v) = &filter.kind {
        push("i.kind = ?", Value::Text(one_of("kind", v, "kind", KINDS)?));
    }
    if let Some(v) = &filter.weapon_type {
        let id = parse_type(v).map_err(|e| RegisterError::invalid("type", e.to_string()))?;
        push("i.weapon_type = ?", Value::Text(id));
    }
    if let Some(v) = &filter.from {
        push("substr(i.event_date, 1, 10) >= ?", Value::Text(v.clone()));
    }
    if let Some(v) = &filter.to {
        push("substr(i.event_date, 1, 10) <= ?", Value::Text(v.clone()));
    }
    let filter_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT i.id, i.uuid, i.record_id, i.event_date, i.event, i.kind, i.weapon_type, i.make,
                i.model, i.calibre, i.serial, i.serial_status, i.location,
                (SELECT action || ' ' || coalesce(occurred_at, at) FROM custody c WHERE c.item_id = i.id
                 ORDER BY c.id DESC LIMIT 1),
                coalesce(i.serial,'') || ' ' || coalesce(i.make,'') || ' ' || coalesce(i.model,'')
                 || ' ' || coalesce(i.notes,'') || ' ' || coalesce(i.record_id,'') || ' '
                 || coalesce(i.location,'') || ' '
                 || coalesce((SELECT group_concat(text, ' ') FROM item_marks m
                              WHERE m.item_id = i.id), '')
         FROM items i {filter_sql} ORDER BY i.id"
    ))?;
    // Text is matched folded on both sides (accents, case, full-width forms), which SQL's
    // LIKE cannot do: `sevare` finds "Sévaré".
    let place = filter.place.as_deref().map(fold_for_search);
    let text = filter.text.as_deref().map(fold_for_search);
    let mut rows = Vec::new();
    let mut query = stmt.query(params_from_iter(values))?;
    while let Some(r) = query.next()? {
        let location: Option<String> = r.get(12)?;
        if let Some(place) = &place
            && !fold_for_search(location.as_deref().unwrap_or_default()).contains(place.as_str())
        {
            continue;
        }
        if let Some(text) = &text
            && !fold_for_search(&r.get::<_, String>(14)?).contains(text.as_str())
        {
            continue;
        }
        rows.push(Summary {
            id: r.get(0)?,
            uuid: r.get(1)?,
            record_id: r.get(2)?,
            date: r.get(3)?,
            event: r.get(4)?,
            kind: r.get(5)?,
            weapon_type: r.get(6)?,
            make: r.get(7)?,
            model: r.get(8)?,
            calibre: r.get(9)?,
            serial: r.get(10)?,
            serial_status: r.get(11)?,
            location,
            custody: r.get(13)?,
        });
    }
    Ok(rows)
}

/// What `item list` compares: folded as the library folds marks, then lower-cased.
fn fold_for_search(text: &str) -> String {
    crate::refdata::fold::fold(text.trim()).to_lowercase()
}

#[cfg(test)]
#[path = "item_tests.rs"]
mod tests;
