//! An officer records what was recovered: items, marks, components, edits and the export.

use serde_json::Value;

use crate::common::TestEnv;

const RIFLE: &[&str] = &[
    "--date",
    "2026-03-14",
    "--event",
    "seized",
    "--type",
    "assault rifle",
    "--calibre",
    "7,62x39",
    "--serial",
    "12??56",
    "--serial-location",
    "receiver",
    "--location",
    "Bamako market",
    "--marking",
    "66 in a triangle",
    "--illicit-basis",
    "unlicensed possession",
];

fn count(env: &TestEnv, table: &str) -> i64 {
    env.db()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_item_is_recorded_with_its_fields_normalised_and_its_station() {
    let env = TestEnv::new();
    env.init();
    let id = env.add_item(RIFLE);
    let item = env.json(&["item", "show", &id.to_string()], 0);
    let f = &item["fields"];
    assert_eq!(f["type"], "assault-rifle");
    assert_eq!(f["calibre"], "7.62x39mm");
    assert_eq!(
        f["serial"], "12??56",
        "a partial serial is kept exactly as read"
    );
    assert_eq!(f["serial_status"], "partial");
    assert_eq!(f["unit"], "Customs Bamako");
    assert_eq!(item["created_by"], "A. Traoré (Customs Bamako, Post 3)");
    assert_eq!(item["marks"][0]["text"], "66 in a triangle");
    assert!(
        item["marks"][0]["decoded"]
            .as_str()
            .unwrap()
            .contains("cn-66-triangle")
    );
}

#[test]
fn writing_needs_a_station_identity() {
    let env = TestEnv::new();
    let (_, err) = env.run(
        &["item", "add", "--date", "2026-03-14", "--event", "seized"],
        2,
    );
    assert!(err.contains("fieldtrace init"), "{err}");
    env.init();
    let (_, err) = env.run(
        &["init", "--name", "Other", "--unit", "U", "--officer", "O"],
        2,
    );
    assert!(err.contains("--force"), "{err}");
}

#[test]
fn bad_input_is_refused_by_name_and_nothing_is_written() {
    let env = TestEnv::new();
    env.init();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--date", "2026-03-14", "--event", "taken"],
            "event: 'taken' is not one of",
        ),
        (
            &["--date", "14.03.2026", "--event", "seized"],
            "date: '14.03.2026' is not a date",
        ),
        (
            &["--date", "2026-02-30", "--event", "seized"],
            "date: '2026-02-30' is not a date",
        ),
        (
            &["--date", "2027-01-01", "--event", "seized"],
            "date: '2027-01-01' is in the future",
        ),
        (&["--event", "seized"], "date: is required"),
        (
            &["--date", "2026-03-14", "--event", "seized", "--lat", "91"],
            "lat: 91 is outside -90..90",
        ),
        (
            &["--date", "2026-03-14", "--event", "seized", "--lon", "-181"],
            "lon: -181 is outside",
        ),
        (
            &[
                "--date",
                "2026-03-14",
                "--event",
                "seized",
                "--quantity",
                "many",
            ],
            "quantity: 'many' is not a number",
        ),
        (
            &[
                "--date",
                "2026-03-14",
                "--event",
                "seized",
                "--kind",
                "bomb",
            ],
            "kind: 'bomb' is not one of",
        ),
        (
            &[
                "--date",
                "2026-03-14",
                "--event",
                "seized",
                "--type",
                "laser",
            ],
            "unknown type 'laser'",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["item", "add"];
        all.extend_from_slice(args);
        let (_, err) = env.run(&all, 2);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(count(&env, "items"), 0);
    let (_, err) = env.run(&["item", "show", "42"], 2);
    assert!(err.contains("no item '42'"), "{err}");
}

#[test]
fn the_trace_warnings_name_what_is_missing() {
    let env = TestEnv::new();
    env.init();
    let barrel = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "found",
        "--serial",
        "A123",
        "--serial-location",
        "barrel",
    ]);
    let warnings = env.json(&["item", "show", &barrel.to_string()], 0)["warnings"].clone();
    assert!(
        warnings
            .to_string()
            .contains("serial read from the barrel, not the frame or receiver"),
        "{warnings}"
    );
    let bare = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "found",
        "--serial-status",
        "obliterated",
    ]);
    let warnings = env.json(&["item", "show", &bare.to_string()], 0)["warnings"].clone();
    assert!(
        warnings.to_string().contains("no ITI marking recorded"),
        "{warnings}"
    );
    assert!(
        warnings.to_string().contains("serial obliterated"),
        "{warnings}"
    );
}

#[test]
fn every_edit_is_recorded_with_who_when_old_and_new() {
    let env = TestEnv::new();
    env.init();
    let id = env.add_item(RIFLE).to_string();
    let changed = env.json(
        &[
            "item",
            "edit",
            &id,
            "--serial",
            "123456",
            "--serial-status",
            "present",
            "--reason",
            "re-read",
        ],
        0,
    );
    assert_eq!(
        changed["changed"],
        serde_json::json!(["serial", "serial_status"])
    );
    let same = env.json(&["item", "edit", &id, "--serial", "123456"], 0);
    assert_eq!(same["changed"], serde_json::json!([]));
    let item = env.json(&["item", "show", &id], 0);
    let change = &item["changes"][0];
    assert_eq!(change["field"], "serial");
    assert_eq!(change["old_value"], "12??56");
    assert_eq!(change["new_value"], "123456");
    assert_eq!(change["reason"], "re-read");
    assert_eq!(change["by"], "A. Traoré (Customs Bamako, Post 3)");
    let (_, err) = env.run(&["item", "edit", &id, "--date", ""], 2);
    assert!(err.contains("date: cannot be emptied"), "{err}");
    let (_, err) = env.run(&["item", "edit", &id], 2);
    assert!(err.contains("nothing to change"), "{err}");
}

#[test]
fn components_and_marks_of_a_mixed_origin_weapon() {
    let env = TestEnv::new();
    env.init();
    let id = env
        .add_item(&[
            "--date",
            "2026-03-14",
            "--event",
            "seized",
            "--country",
            "China",
        ])
        .to_string();
    let component = env.json(
        &[
            "item",
            "component",
            &id,
            "barrel",
            "--country",
            "RO",
            "--serial",
            "XZ9",
        ],
        0,
    );
    let component = component["component"].as_i64().unwrap().to_string();
    env.run(
        &["item", "component", &id, "receiver", "--country", "CN"],
        0,
    );
    env.run(
        &[
            "item",
            "mark",
            &id,
            "arrow in triangle",
            "--event",
            "manufacture",
            "--component",
            &component,
            "--part",
            "barrel",
        ],
        0,
    );
    env.run(
        &[
            "item",
            "mark",
            &id,
            "CAI",
            "--event",
            "import",
            "--legibility",
            "partial",
        ],
        0,
    );
    let item = env.json(&["item", "show", &id], 0);
    assert_eq!(item["components"].as_array().unwrap().len(), 2);
    assert_eq!(item["marks"][0]["component"].to_string(), component);
    assert_eq!(item["marks"][1]["event"], "import");
    assert!(
        item["warnings"]
            .to_string()
            .contains("mixed origin: components from RO, CN"),
        "{}",
        item["warnings"]
    );
    let (_, err) = env.run(&["item", "mark", &id, "X", "--event", "invented"], 2);
    assert!(err.contains("event: 'invented' is not one of"), "{err}");
    let (_, err) = env.run(&["item", "mark", &id, "X", "--component", "99"], 2);
    assert!(err.contains("has no component 99"), "{err}");
}

#[test]
fn the_list_filters_by_event_kind_type_dates_place_and_text() {
    let env = TestEnv::new();
    env.init();
    env.add_item(RIFLE);
    env.add_item(&[
        "--date",
        "2026-05-02",
        "--event",
        "surrendered",
        "--kind",
        "ammunition",
        "--quantity",
        "120",
        "--headstamp",
        "539 78",
        "--location",
        "Gao",
    ]);
    env.add_item(&[
        "--date",
        "2025-12-01",
        "--event",
        "found",
        "--type",
        "pistol",
        "--location",
        "Gao",
        "--notes",
        "under a bridge",
    ]);
    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["item", "list"];
        all.extend_from_slice(args);
        env.json(&all, 0)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&[]), [1, 2, 3]);
    assert_eq!(ids(&["--event", "surrendered"]), [2]);
    assert_eq!(ids(&["--kind", "ammunition"]), [2]);
    assert_eq!(ids(&["--type", "self-loading-pistol"]), [3]);
    assert_eq!(ids(&["--from", "2026-01-01"]), [1, 2]);
    assert_eq!(ids(&["--from", "2026-01-01", "--to", "2026-04-01"]), [1]);
    assert_eq!(ids(&["--place", "Gao"]), [2, 3]);
    assert_eq!(ids(&["-q", "bridge"]), [3]);
    assert_eq!(ids(&["-q", "66 in a"]), [1], "marks are searched too");
    let (_, err) = env.run(&["item", "list", "--from", "yesterday"], 2);
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn an_identification_goes_into_the_register() {
    let env = TestEnv::new();
    env.init();
    let out = env
        .cmd(&[
            "--json",
            "identify",
            "--no-input",
            "--calibre",
            "7.62x39",
            "--marking",
            "66 in a triangle",
            "--feature",
            "stock=underfolding",
            "--serial",
            "5612345",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let file = env.write_bytes("identify.json", &out);
    let id = env.add_item(&[
        "--from-identify",
        &file,
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--serial-location",
        "receiver",
    ]);
    let item = env.json(&["item", "show", &id.to_string()], 0);
    let f = &item["fields"];
    assert_eq!(f["model_id"], "type-56-1");
    assert_eq!(f["id_method"], "both");
    assert_eq!(f["country"], "CN");
    assert_eq!(f["serial"], "5612345");
    assert_eq!(item["marks"][0]["text"], "66 in a triangle");
    let bad = env.write("bad.json", "{\"candidates\": []}");
    let (_, err) = env.run(
        &[
            "item",
            "add",
            "--from-identify",
            &bad,
            "--date",
            "2026-03-14",
            "--event",
            "seized",
        ],
        2,
    );
    assert!(err.contains("no candidate"), "{err}");
}

#[test]
fn the_csv_export_has_the_template_columns_and_is_safe_in_a_spreadsheet() {
    let env = TestEnv::new();
    env.init();
    env.add_item(RIFLE);
    env.add_item(&[
        "--date",
        "2026-03-15",
        "--event",
        "found",
        "--notes",
        "=HYPERLINK(\"x\")",
    ]);
    env.run(
        &["custody", "1", "--action", "seized", "--place", "Bamako"],
        0,
    );
    let out = env.home.path().join("export.csv");
    env.run(&["export", "csv", "--out", out.to_str().unwrap()], 0);
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 BOM for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    for column in [
        "record_id",
        "date",
        "event",
        "location",
        "lat",
        "lon",
        "kind",
        "type",
        "make",
        "model",
        "calibre",
        "serial",
        "country",
        "year",
        "quantity",
        "headstamp",
        "lot",
        "condition",
        "unit",
        "officer",
        "notes",
        "model_id",
        "id_confidence",
        "custody_last",
    ] {
        assert!(header.contains(&column.to_owned()), "missing {column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("custody_last")], "seized");
    assert_eq!(&rows[0][col("serial")], "12??56");
    assert_eq!(&rows[1][col("notes")], "'=HYPERLINK(\"x\")");
}

#[test]
fn item_show_json_is_an_object_with_stable_keys() {
    let env = TestEnv::new();
    env.init();
    env.add_item(RIFLE);
    let item: Value = env.json(&["item", "show", "1"], 0);
    for key in [
        "id",
        "uuid",
        "fields",
        "marks",
        "components",
        "photos",
        "custody",
        "changes",
        "warnings",
    ] {
        assert!(item.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn search_ignores_accents_and_case_on_both_sides() {
    let env = TestEnv::new();
    env.init();
    let sevare = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--location",
        "Sévaré",
        "--notes",
        "Contrôle routier",
    ]);
    env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--location",
        "Gao",
    ]);
    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["item", "list"];
        all.extend_from_slice(args);
        env.json(&all, 0)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&["-q", "sevare"]), [sevare]);
    assert_eq!(ids(&["-q", "SÉVARÉ"]), [sevare]);
    assert_eq!(ids(&["-q", "controle"]), [sevare]);
    assert_eq!(ids(&["--place", "SEVARE"]), [sevare]);
}

#[test]
fn item_show_warns_when_there_is_no_serial_at_all() {
    let env = TestEnv::new();
    env.init();
    let id = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--type",
        "pistol",
        "--make",
        "Glock",
    ]);
    let (out, _) = env.run(&["item", "show", &id.to_string()], 0);
    assert!(out.contains("no serial recorded"), "{out}");
    let with_serial = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--serial",
        "AB123",
        "--serial-location",
        "frame",
    ]);
    let warnings = env.json(&["item", "show", &with_serial.to_string()], 0)["warnings"].clone();
    assert!(!warnings.to_string().contains("no serial"), "{warnings}");
    let absent = env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--serial-status",
        "absent",
    ]);
    let warnings = env.json(&["item", "show", &absent.to_string()], 0)["warnings"].clone();
    assert!(
        warnings.to_string().contains("no serial at all"),
        "{warnings}"
    );
}
