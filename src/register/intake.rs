//! The one way an item enters the register: `item add`, the identify wizard's "add to
//! register" and `import` all come through here, so an item has the same fields, marks and
//! decoded readings whichever way it came.

use chrono::Datelike as _;
use rusqlite::Connection;

use super::item::{self, Checked, ItemInput, NewMark, Normalizer};
use super::{RegisterError, Station};
use crate::clock::Clock;
use crate::refdata::Catalog;
use crate::refdata::decode::Decoder;
use crate::vocab::{Legibility, MarkEvent};

/// A new UUIDv7 from `clock`. Under a fixed clock it is derived from the time, the station's
/// name and how many records the register already holds, so runs one after another, and two
/// stations at one fixed time, never repeat an id.
pub fn new_id(clock: &Clock, conn: &Connection, station_name: &str) -> uuid::Uuid {
    clock.new_id(|| {
        let records: i64 = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM items) + (SELECT COUNT(*) FROM trace_requests)
                      + (SELECT COUNT(*) FROM outbox)",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0);
        let salt = crate::fs::sha256_hex(station_name.as_bytes());
        let salt = u64::from_str_radix(&salt[..8], 16).unwrap_or(0);
        (salt << 24) + u64::try_from(records).unwrap_or(0)
    })
}

/// What the library reads in a mark: its best reading ids, for the record.
pub fn decoded(decoder: &Decoder<'_>, text: &str) -> Option<String> {
    let readings: Vec<String> = decoder
        .decode(text)
        .matches
        .into_iter()
        .take(3)
        .map(|r| r.marking_id)
        .collect();
    (!readings.is_empty()).then(|| readings.join(", "))
}

/// Marks as an intake records them: read clearly, event not yet known, with their readings.
pub fn marks_of(decoder: &Decoder<'_>, texts: &[String]) -> Vec<NewMark> {
    texts
        .iter()
        .map(|text| NewMark {
            text: text.clone(),
            event: MarkEvent::Other.as_str().into(),
            part: None,
            component: None,
            legibility: Legibility::Clear.as_str().into(),
            decoded: decoded(decoder, text),
        })
        .collect()
}

/// The decoder an intake reads marks with.
pub fn decoder<'a>(catalog: &'a Catalog, clock: &Clock) -> Decoder<'a> {
    Decoder::new(catalog, clock.now().year())
}

/// Inserts a checked item and its marks inside `tx`; returns its number.
pub fn insert(
    tx: &Connection,
    checked: &Checked,
    uuid: &str,
    source_unit: Option<&str>,
    marks: &[NewMark],
    station: &Station,
    now: &str,
) -> Result<i64, RegisterError> {
    let id = item::insert(tx, checked, uuid, source_unit, station, now)?;
    for mark in marks {
        item::add_mark(tx, id, mark, station, now)?;
    }
    Ok(id)
}

/// An item just added: its number, UUID, what the check noted and what a trace will miss.
#[derive(Debug)]
pub struct Added {
    pub id: i64,
    pub uuid: String,
    /// Notes on the values given (a date corrected, a country read from a name ...).
    pub notes: Vec<crate::i18n::Said>,
    /// What a trace will miss.
    pub warnings: Vec<crate::i18n::Said>,
}

/// Checks and adds one item with its marks, in one transaction. The station's unit and
/// officer fill those fields when not given.
pub fn add(
    register: &mut super::Register,
    catalog: &Catalog,
    clock: &Clock,
    station: &Station,
    mut input: ItemInput,
    marks: &[String],
) -> Result<Added, RegisterError> {
    item::default_to_station(&mut input, station);
    let norm = Normalizer {
        catalog,
        today: clock.now().date_naive(),
    };
    let checked = item::check_new(&input, &norm)?;
    let marks = marks_of(&decoder(catalog, clock), marks);
    let now = clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (id, uuid) = register.write(|tx| {
        let uuid = new_id(clock, tx, &station.name).to_string();
        let id = insert(tx, &checked, &uuid, None, &marks, station, &now)?;
        Ok((id, uuid))
    })?;
    let warnings = item::load(register.conn(), &id.to_string())?.warnings;
    Ok(Added {
        id,
        uuid,
        notes: checked.warnings,
        warnings,
    })
}

/// The item fields an identification (`identify --json`) gives: the leading candidate's
/// model, type, calibre, country and maker where they are single, how it was identified, and
/// the marks and serial.
pub fn from_identification(
    result: &serde_json::Value,
    catalog: &Catalog,
) -> Result<(ItemInput, Vec<String>), String> {
    let candidate = result["candidates"]
        .get(0)
        .ok_or("no candidate to take (identify found none)")?;
    let mut input = ItemInput::new();
    let mut put = |name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            input.insert(name.to_owned(), v.to_owned());
        }
    };
    let single = |key: &str| -> Option<String> {
        match candidate[key].as_array().map(Vec::as_slice) {
            Some([one]) => one.as_str().map(str::to_owned),
            _ => None,
        }
    };
    let model_id = candidate["model_id"].as_str();
    let family_only = candidate["flags"]
        .as_array()
        .is_some_and(|f| f.iter().any(|x| x == "variant-unknown"));
    put("model", candidate["name"].as_str());
    if catalog.model(model_id.unwrap_or_default()).is_some() {
        put("model_id", model_id);
    }
    put("type", candidate["type"].as_str());
    put("calibre", single("calibres").as_deref());
    put("country", single("countries").as_deref());
    if let Some(maker) =
        single("manufacturers").and_then(|m| catalog.manufacturer(&m).map(|m| m.name.clone()))
    {
        put("make", Some(&maker));
    }
    put(
        "id_method",
        match candidate["basis"].as_str() {
            Some("marks") => Some("marks"),
            Some("features") => Some("features"),
            Some("marks and features") => Some("both"),
            _ => None,
        },
    );
    put("id_confidence", candidate["confidence"].as_str());
    let flags = candidate["flags"].as_array().cloned().unwrap_or_default();
    if flags.iter().any(|f| f == "craft") {
        put("suspected", Some("craft"));
    }
    if family_only {
        put(
            "notes",
            Some("identified to the family; variant not established"),
        );
    }
    if let Some(serial) = result["serial"].as_object() {
        put("serial", serial.get("input").and_then(|v| v.as_str()));
        put(
            "serial_status",
            serial.get("status").and_then(|v| v.as_str()),
        );
    }
    let marks = result["markings"]
        .as_array()
        .map(|m| {
            m.iter()
                .filter_map(|d| d["input"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok((input, marks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refdata::RefData;
    use crate::register::Register;

    fn station() -> Station {
        Station {
            name: "Post 3".into(),
            unit: "Customs Bamako".into(),
            officer: "A. Traoré".into(),
        }
    }

    fn input(pairs: &[(&str, &str)]) -> ItemInput {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_item_enters_with_its_marks_decoded_the_station_and_a_reproducible_id() {
        let refdata = RefData::open_embedded().unwrap();
        let catalog = refdata.catalog().unwrap();
        let clock = Clock::fixed_at("2026-11-25T12:00:00Z").unwrap();
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        let fields = input(&[
            ("date", "2026-03-14"),
            ("event", "seized"),
            ("type", "assault rifle"),
            ("serial", "12??56"),
        ]);
        let marks = vec!["66 in a triangle".to_owned(), "zz-not-a-mark".to_owned()];
        let added = add(
            &mut register,
            &catalog,
            &clock,
            &station(),
            fields.clone(),
            &marks,
        )
        .unwrap();
        let item = item::load(register.conn(), &added.id.to_string()).unwrap();
        assert_eq!(item.uuid, added.uuid);
        assert_eq!(item.fields["unit"], "Customs Bamako");
        assert_eq!(item.fields["officer"], "A. Traoré");
        assert_eq!(item.fields["serial_status"], "partial");
        assert_eq!(item.marks.len(), 2);
        assert!(
            item.marks[0]
                .decoded
                .as_deref()
                .is_some_and(|d| d.contains("cn-66")),
            "{:?}",
            item.marks[0].decoded
        );
        assert_eq!(item.marks[0].event, "other");
        assert_eq!(item.marks[1].decoded, None);
        assert!(
            !added.warnings.is_empty(),
            "a trace will miss the serial's place"
        );

        // The same inputs in a fresh register give the same id; the next item another.
        let other = tempfile::tempdir().unwrap();
        let mut again = Register::open(other.path()).unwrap();
        let clock2 = Clock::fixed_at("2026-11-25T12:00:00Z").unwrap();
        let first = add(
            &mut again,
            &catalog,
            &clock2,
            &station(),
            fields.clone(),
            &marks,
        )
        .unwrap();
        assert_eq!(first.uuid, added.uuid);
        let second = add(&mut again, &catalog, &clock2, &station(), fields, &marks).unwrap();
        assert_ne!(second.uuid, first.uuid);
    }

    #[test]
    fn an_intake_refuses_what_the_register_refuses_and_writes_nothing() {
        let refdata = RefData::open_embedded().unwrap();
        let catalog = refdata.catalog().unwrap();
        let clock = Clock::fixed_at("2026-11-25T12:00:00Z").unwrap();
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        let no_event = input(&[("date", "2026-03-14")]);
        let err = add(&mut register, &catalog, &clock, &station(), no_event, &[]).unwrap_err();
        assert_eq!(err.to_string(), "event: is required");
        let count: i64 = register
            .conn()
            .query_row("SELECT COUNT(*) FROM items", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn an_identification_gives_the_leading_candidates_single_facts() {
        let refdata = RefData::open_embedded().unwrap();
        let catalog = refdata.catalog().unwrap();
        let result = serde_json::json!({
            "candidates": [{
                "model_id": "no-such-model", "name": "Type 56", "type": "assault-rifle",
                "calibres": ["7.62x39mm"], "countries": ["CN", "AL"], "manufacturers": [],
                "basis": "marks and features", "confidence": "high", "flags": ["craft"]
            }],
            "serial": {"input": "5601234", "status": "present"},
            "markings": [{"input": "66 in a triangle"}]
        });
        let (fields, marks) = from_identification(&result, &catalog).unwrap();
        assert_eq!(fields["model"], "Type 56");
        assert_eq!(fields["calibre"], "7.62x39mm");
        assert!(
            !fields.contains_key("country"),
            "two countries: none is taken"
        );
        assert!(!fields.contains_key("model_id"), "not in the library");
        assert_eq!(fields["id_method"], "both");
        assert_eq!(fields["suspected"], "craft");
        assert_eq!(fields["serial"], "5601234");
        assert_eq!(marks, vec!["66 in a triangle".to_owned()]);
        assert!(from_identification(&serde_json::json!({"candidates": []}), &catalog).is_err());
    }
}
