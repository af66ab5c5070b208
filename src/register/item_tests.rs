//! The register's rules for an item: what is required, how values are normalised, and what a
//! trace will miss.

use chrono::NaiveDate;

use super::*;
use crate::refdata::RefData;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn input(pairs: &[(&str, &str)]) -> ItemInput {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn check(pairs: &[(&str, &str)]) -> Result<Checked, RegisterError> {
    let refdata = RefData::open_embedded().unwrap();
    let catalog = refdata.catalog().unwrap();
    let norm = Normalizer {
        catalog: &catalog,
        today: today(),
    };
    check_new(&input(pairs), &norm)
}

#[test]
fn dates_are_normalised_and_impossible_or_future_ones_refused() {
    assert_eq!(parse_date("2026-03-14", today()).unwrap(), "2026-03-14");
    assert_eq!(parse_date("14/03/2026", today()).unwrap(), "2026-03-14");
    assert_eq!(
        parse_date("2026-03-14T09:30:00+02:00", today()).unwrap(),
        "2026-03-14T09:30:00"
    );
    for bad in ["2026-02-30", "yesterday", "2026-12-01", "1850-01-01"] {
        assert!(parse_date(bad, today()).is_err(), "{bad}");
    }
}

#[test]
fn a_new_item_needs_a_date_and_an_event_and_is_a_weapon_by_default() {
    let err = check(&[("event", "seized")]).unwrap_err();
    assert_eq!(err.to_string(), "date: is required");
    let err = check(&[("date", "2026-03-14"), ("event", "lost-it")]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("event: 'lost-it' is not one of: seized"),
        "{err}"
    );
    let err = check(&[("date", "2026-03-14"), ("event", "seized"), ("colour", "x")]).unwrap_err();
    assert_eq!(err.to_string(), "colour: no such field");

    let checked = check(&[("date", "2026-03-14"), ("event", "seized")]).unwrap();
    assert_eq!(checked.values["kind"], Value::Text("weapon".into()));
    assert_eq!(
        checked.values["serial_status"],
        Value::Text("unknown".into())
    );
}

#[test]
fn a_serial_gives_its_status_and_obliterated_is_a_status_not_a_serial() {
    assert_eq!(serial_status_of(Some("5601234")), "present");
    assert_eq!(serial_status_of(Some("56??34")), "partial");
    let checked = check(&[
        ("date", "2026-03-14"),
        ("event", "found"),
        ("serial", "obliterated"),
    ])
    .unwrap();
    assert_eq!(
        checked.values["serial_status"],
        Value::Text("obliterated".into())
    );
    assert!(!checked.values.contains_key("serial"));
}

#[test]
fn the_station_fills_unit_and_officer_only_when_not_given() {
    let station = Station {
        name: "Post 3".into(),
        unit: "Customs Bamako".into(),
        officer: "A. Traoré".into(),
    };
    let mut given = input(&[("unit", "Gendarmerie")]);
    default_to_station(&mut given, &station);
    assert_eq!(given["unit"], "Gendarmerie");
    assert_eq!(given["officer"], "A. Traoré");
}

fn item_with(fields: &[(&str, serde_json::Value)], marks: Vec<Mark>) -> Item {
    Item {
        id: 1,
        uuid: "u".into(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
        marks,
        components: Vec::new(),
        photos: Vec::new(),
        custody: Vec::new(),
        changes: Vec::new(),
        warnings: Vec::new(),
        created_at: "x".into(),
        created_by: "x".into(),
    }
}

#[test]
fn what_a_trace_will_miss() {
    let j = |s: &str| serde_json::Value::String(s.into());
    let barrel = item_with(
        &[
            ("kind", j("weapon")),
            ("serial", j("5601234")),
            ("serial_status", j("present")),
            ("serial_location", j("barrel")),
        ],
        Vec::new(),
    );
    let said = warnings(&barrel);
    assert!(
        said.iter()
            .any(|w| w.contains("serial read from the barrel")),
        "{said:?}"
    );
    assert!(said.iter().any(|w| w.contains("no photo of the marks")));

    let bare = item_with(
        &[("kind", j("weapon")), ("serial_status", j("obliterated"))],
        Vec::new(),
    );
    let said = warnings(&bare);
    assert!(
        said.iter().any(|w| w.contains("no ITI marking recorded")),
        "{said:?}"
    );
    assert!(said.iter().any(|w| w.contains("forensic laboratory")));

    let ammunition = item_with(
        &[("kind", j("ammunition")), ("serial_status", j("absent"))],
        Vec::new(),
    );
    assert!(
        warnings(&ammunition).is_empty(),
        "{:?}",
        warnings(&ammunition)
    );
}
