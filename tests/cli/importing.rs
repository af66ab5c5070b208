//! A field team hands over a spreadsheet and a folder of photos; the officer imports it.

use std::path::PathBuf;

use fieldtrace::photo::synth;
use serde_json::Value;

use crate::common::TestEnv;

const HEADER: &str = "record_id,date,event,location,lat,lon,kind,type,make,model,calibre,serial,markings,country,year,quantity,headstamp,lot,condition,photos,unit,officer,notes";

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn import(env: &TestEnv, log: &str, extra: &[&str], code: i32) -> Value {
    let mut args = vec!["import", log];
    args.extend_from_slice(extra);
    env.json(&args, code)
}

/// A log in the template with the given data rows.
fn log(env: &TestEnv, name: &str, rows: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    env.write(name, &text)
}

fn row(id: &str, date: &str, event: &str) -> String {
    format!(
        "{id},{date},{event},Gao,,,weapon,assault rifle,,AKM,7.62x39,{id}99,,,,,,,,,Unit A,Officer B,"
    )
}

fn rejects(report: &Value) -> Vec<(u64, String, String)> {
    report["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["field"].as_str().unwrap().to_owned(),
                r["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_bundled_example_imports_with_exif_filling_gaps_and_a_rerun_adds_nothing() {
    let env = TestEnv::new();
    env.init();
    let photos = example("photos");
    let report = import(&env, &example("seizure-log.csv"), &["--photos", &photos], 0);
    for key in [
        "file",
        "rows",
        "imported",
        "already_imported",
        "rejected",
        "photos",
        "rejects",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        (
            report["rows"].as_u64(),
            report["imported"].as_u64(),
            report["rejected"].as_u64()
        ),
        (Some(6), Some(6), Some(0))
    );
    assert_eq!(report["photos"], 6);
    let notes = report["notes"].to_string();
    assert!(notes.contains("taken from the photo's EXIF"), "{notes}");
    assert!(notes.contains("disagrees with the row's"), "{notes}");
    let first = env.json(&["item", "show", "1"], 0);
    assert!(
        (first["fields"]["lat"].as_f64().unwrap() - 16.2712).abs() < 1e-3,
        "EXIF GPS fills a row without coordinates"
    );
    assert_eq!(first["fields"]["calibre"], "7.62x39mm");
    assert_eq!(
        first["marks"].as_array().unwrap().len(),
        2,
        "multi-value marks split on ' | '"
    );
    assert_eq!(first["photos"].as_array().unwrap().len(), 2);
    let sixth = env.json(&["item", "show", "6"], 0);
    assert!(
        (sixth["fields"]["lat"].as_f64().unwrap() - 16.27).abs() < 1e-6,
        "the row wins over EXIF"
    );
    assert_eq!(
        env.json(&["item", "show", "4"], 0)["fields"]["serial_status"],
        "obliterated"
    );

    let again = import(&env, &example("seizure-log.csv"), &["--photos", &photos], 0);
    assert_eq!(
        (
            again["imported"].as_u64(),
            again["already_imported"].as_u64()
        ),
        (Some(0), Some(6))
    );
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 6);
}

#[test]
fn dialects_bom_crlf_semicolons_tabs_quotes_and_dates() {
    let env = TestEnv::new();
    env.init();
    let body = "record_id;date;event;location;notes\r\nA1;14/03/2026;seized;\"Gao; market\";\"two\r\nlines\"\r\nA2;2026-03-14T09:30;found;Gao;\r\n";
    let semicolons = env.write_bytes(
        "semi.csv",
        &[b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
    );
    let report = import(&env, &semicolons, &[], 0);
    assert_eq!(report["imported"], 2, "{report}");
    let item = env.json(&["item", "show", "1"], 0);
    assert_eq!(item["fields"]["location"], "Gao; market");
    assert_eq!(item["fields"]["notes"], "two\r\nlines");
    assert_eq!(item["fields"]["date"], "2026-03-14");
    let tabs = env.write(
        "tabs.tsv",
        "record_id\tdate\tevent\nT1\t2026-03-14 10:00\tseized\n",
    );
    assert_eq!(import(&env, &tabs, &[], 0)["imported"], 1);
}

#[test]
fn bad_rows_are_rejected_by_line_field_and_reason_and_the_rest_imported() {
    let env = TestEnv::new();
    env.init();
    let photos = env.home.path().join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    std::fs::write(photos.join("cut.jpg"), &synth::jpeg(200, 150)[..600]).unwrap();
    std::fs::write(
        photos.join("bomb.png"),
        synth::png_header_only(40_000, 40_000),
    )
    .unwrap();
    std::fs::write(env.home.path().join("outside.jpg"), synth::jpeg(20, 20)).unwrap();
    let good = row("OK1", "2026-03-14", "seized");
    let rows = [
        good.as_str(),                                                     // line 2
        &row("E1", "2026-03-14", "taken"),                                 // 3
        "K1,2026-03-14,seized,Gao,,,bomb,,,,,,,,,,,,,,,,",                 // 4
        &row("D1", "2026-02-30", "seized"),                                // 5
        &row("D2", "March 3rd", "seized"),                                 // 6
        &row("D3", "2030-01-01", "seized"),                                // 7
        "C1,2026-03-14,seized,Gao,95,10,weapon,,,,,,,,,,,,,,,,",           // 8
        "Q1,2026-03-14,seized,Gao,,,ammunition,,,,,,,,,many,,,,,,,",       // 9
        &row("OK1", "2026-03-14", "found"),                                // 10
        "P1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,missing.jpg,,,",    // 11
        "P2,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,cut.jpg,,,",        // 12
        "P3,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,bomb.png,,,",       // 13
        "P4,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,../outside.jpg,,,", // 14
        "P5,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,/etc/passwd,,,",    // 15
        ",2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,",                 // 16
        "S1,2026-03-14,seized",                                            // 17
    ];
    let path = log(&env, "bad.csv", &rows);
    let report = import(&env, &path, &["--photos", photos.to_str().unwrap()], 3);
    assert_eq!(report["imported"], 1, "{report}");
    let found = rejects(&report);
    let expect = [
        (3, "event", "'taken' is not one of"),
        (4, "kind", "'bomb' is not one of"),
        (5, "date", "is not a date"),
        (6, "date", "is not a date"),
        (7, "date", "is in the future"),
        (8, "lat", "95 is outside -90..90"),
        (9, "quantity", "'many' is not a number"),
        (
            10,
            "record_id",
            "appears twice in this log (first at line 2)",
        ),
        (11, "photos", "'missing.jpg' is not in the photos folder"),
        (12, "photos", "does not decode"),
        (13, "photos", "40000 × 40000 pixels is over the limit"),
        (14, "photos", "leaves the photos folder"),
        (15, "photos", "is an absolute path"),
        (16, "record_id", "is required"),
        (17, "(row)", "3 fields where the header has 23"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((line, field, reason), (want_line, want_field, want_reason)) in found.iter().zip(expect) {
        assert_eq!((*line, field.as_str()), (want_line, want_field), "{reason}");
        assert!(reason.contains(want_reason), "line {line}: {reason}");
    }
    // Each reason has its code, the same in every language.
    let codes: Vec<&str> = report["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let mut want_codes = vec!["invalid-value"; 7];
    want_codes.extend([
        "repeated-record-id",
        "photo-not-found",
        "photo-corrupt",
        "photo-too-many-pixels",
        "photo-outside-folder",
        "photo-outside-folder",
        "no-record-id",
        "wrong-width",
    ]);
    assert_eq!(codes, want_codes, "{report}");
    // The rejected rows, unchanged, with their reason code and reason, beside the log.
    let rejects_file = report["rejects_file"].as_str().unwrap();
    assert!(rejects_file.ends_with("bad.rejects.csv"));
    let text = std::fs::read_to_string(rejects_file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{HEADER},reason_code,reason"));
    assert!(
        lines[1].contains(",invalid-value,") && lines[1].contains("line 3: event: 'taken'"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].starts_with(&row("E1", "2026-03-14", "taken")),
        "{}",
        lines[1]
    );
    assert_eq!(lines.len(), 1 + expect.len(), "{text}");
}

#[test]
fn a_fixed_rejects_file_imports_as_it_is() {
    let env = TestEnv::new();
    env.init();
    let path = log(
        &env,
        "log.csv",
        &[
            &row("R1", "2026-03-14", "seized"),
            &row("R2", "2026-03-14", "taken"),
        ],
    );
    let report = import(&env, &path, &[], 3);
    let rejects_file = report["rejects_file"].as_str().unwrap().to_owned();
    let fixed = std::fs::read_to_string(&rejects_file)
        .unwrap()
        .replace(",taken,", ",seized,");
    std::fs::write(&rejects_file, fixed).unwrap();
    let again = import(&env, &rejects_file, &[], 0);
    assert_eq!(again["imported"], 1);
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 2);
}

#[test]
fn encodings_sizes_and_binary_files() {
    let env = TestEnv::new();
    env.init();
    let mut latin1 = format!("{HEADER}\n").into_bytes();
    latin1.extend_from_slice(b"L1,2026-03-14,seized,Cr\xe8che,,,weapon,,,,,,,,,,,,,,,,\n");
    latin1.extend_from_slice(format!("{}\n", row("L2", "2026-03-14", "seized")).as_bytes());
    let report = import(&env, &env.write_bytes("latin1.csv", &latin1), &[], 3);
    assert_eq!(report["imported"], 1);
    assert!(rejects(&report)[0].2.contains("is not UTF-8"), "{report}");

    let huge = format!(
        "{HEADER}\nH1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,{}\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let report = import(&env, &env.write("huge.csv", &huge), &[], 3);
    assert!(
        rejects(&report)[0].2.contains("over the limit of 65536"),
        "{}",
        rejects(&report)[0].2
    );

    let (_, err) = env.run(&["import", &env.write("empty.csv", "")], 2);
    assert!(err.contains("the file is empty"), "{err}");
    let (_, err) = env.run(
        &[
            "import",
            &env.write_bytes("photo.csv", &synth::jpeg(30, 30)),
        ],
        2,
    );
    assert!(
        err.contains("not a CSV text file") || err.contains("not UTF-8"),
        "{err}"
    );
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 1);
}

#[test]
fn a_wrong_header_stops_the_import_and_names_the_columns() {
    let env = TestEnv::new();
    env.init();
    let (_, err) = env.run(
        &[
            "import",
            &env.write(
                "dup.csv",
                "record_id,date,event,date\nA,2026-03-14,seized,2026-03-14\n",
            ),
        ],
        2,
    );
    assert!(err.contains("column 'date' appears twice"), "{err}");
    let (_, err) = env.run(
        &[
            "import",
            &env.write(
                "odd.csv",
                "record_id,date,event,colour\nA,2026-03-14,seized,red\n",
            ),
        ],
        2,
    );
    assert!(
        err.contains("unknown column 'colour'") && err.contains("--map"),
        "{err}"
    );
    let (_, err) = env.run(
        &[
            "import",
            &env.write("short.csv", "record_id,event\nA,seized\n"),
        ],
        2,
    );
    assert!(err.contains("missing required column: date"), "{err}");
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 0);
}

#[test]
fn dry_run_reports_the_same_and_writes_nothing() {
    let env = TestEnv::new();
    env.init();
    let photos = example("photos");
    let dry = import(
        &env,
        &example("seizure-log.csv"),
        &["--photos", &photos, "--dry-run"],
        0,
    );
    assert_eq!(dry["imported"], 6);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 0);
    assert!(!env.home.path().join("photos").exists());
    let bad = log(&env, "bad.csv", &[&row("B1", "2026-03-14", "taken")]);
    let report = import(&env, &bad, &["--dry-run"], 3);
    assert_eq!(report["rejected"], 1);
    assert!(report["rejects_file"].is_null());
    assert!(!env.home.path().join("bad.rejects.csv").exists());
}

#[test]
fn strict_imports_nothing_when_a_row_is_bad() {
    let env = TestEnv::new();
    env.init();
    let rows: Vec<String> = (0..150)
        .map(|i| {
            row(
                &format!("S{i}"),
                "2026-03-14",
                if i == 140 { "taken" } else { "seized" },
            )
        })
        .collect();
    let path = log(
        &env,
        "strict.csv",
        &rows.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let report = import(&env, &path, &["--strict"], 3);
    assert_eq!(
        (report["imported"].as_u64(), report["rejected"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 0);
    let (out, _) = env.run(&["import", &path, "--strict"], 3);
    assert!(out.contains("--strict: nothing was imported"), "{out}");
}

#[test]
fn an_odk_or_kobo_export_comes_in_through_the_column_map() {
    let env = TestEnv::new();
    env.init();
    let media = env.home.path().join("media");
    std::fs::create_dir_all(&media).unwrap();
    std::fs::write(media.join("1712.jpg"), synth::jpeg(40, 30)).unwrap();
    let odk = env.write(
        "odk.csv",
        "SubmissionDate,weapon-date,weapon-event,weapon-serial,weapon-calibre,location-Latitude,location-Longitude,location-Altitude,location-Accuracy,weapon-photo_marks,meta-instanceID,KEY\n\
         2026-03-15T10:00:00.000Z,2026-03-14,seized,A123,7.62x39,16.27,-0.04,250,5,1712.jpg,uuid:0b1f,uuid:0b1f\n",
    );
    let report = import(
        &env,
        &odk,
        &["--map", "odk", "--photos", media.to_str().unwrap()],
        0,
    );
    assert_eq!(report["imported"], 1, "{report}");
    let ignored = report["ignored_columns"].to_string();
    assert!(
        ignored.contains("location-Altitude") && ignored.contains("SubmissionDate"),
        "{ignored}"
    );
    let item = env.json(&["item", "show", "1"], 0);
    assert_eq!(item["fields"]["record_id"], "uuid:0b1f");
    assert_eq!(item["fields"]["serial"], "A123");
    assert_eq!(item["fields"]["lat"], 16.27);
    assert_eq!(item["photos"].as_array().unwrap().len(), 1);

    let kobo = env.write(
        "kobo.csv",
        "start,weapon/date,weapon/event,weapon/serial,_location_latitude,_location_longitude,_location_altitude,_location_precision,_id,_uuid,_submission_time\n\
         2026-03-14T08:00:00.000+00:00,2026-03-14,found,K9,12.5,-8.1,300,4,55,3c1d-9e,2026-03-15T10:00:00\n",
    );
    let report = import(&env, &kobo, &["--map", "kobo"], 0);
    assert_eq!(report["imported"], 1, "{report}");
    assert_eq!(
        env.json(&["item", "show", "2"], 0)["fields"]["record_id"],
        "3c1d-9e"
    );
    let bad_map = env.write("bad-map.toml", "[columns]\ncolour = \"x\"\n");
    let (_, err) = env.run(&["import", &kobo, "--map", &bad_map], 2);
    assert!(err.contains("'colour' is not a template field"), "{err}");
}

fn fixture(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn item(env: &TestEnv, id: u64) -> Value {
    env.json(&["item", "show", &id.to_string()], 0)
}

#[test]
fn a_kobo_export_as_kobo_writes_it_imports_with_its_stored_attachments() {
    // examples/exports/README.md: formpack's layout, `;`, quoted, HXL row, `/` groups.
    let env = TestEnv::new();
    env.init();
    let attachments = example("exports/kobo/export");
    let report = import(
        &env,
        &example("exports/kobo/seizure-xml.csv"),
        &["--map", "kobo", "--photos", &attachments],
        0,
    );
    assert_eq!(
        (
            report["rows"].as_u64(),
            report["imported"].as_u64(),
            report["photos"].as_u64()
        ),
        (Some(2), Some(2), Some(2)),
        "the HXL row is no data row: {report}"
    );
    let notes = report["notes"].to_string();
    assert!(notes.contains("photo 'IMG 0042.jpg' found as"), "{notes}");
    assert!(notes.contains("photo_Ab3dE9x.jpg"), "{notes}");
    let rifle = item(&env, 1);
    assert_eq!(rifle["fields"]["serial"], "5612008");
    assert_eq!(rifle["fields"]["lat"], 16.2712);
    assert_eq!(rifle["fields"]["location"], "Checkpoint N16, km 12");
    let rounds = item(&env, 2);
    assert_eq!(rounds["fields"]["kind"], "ammunition");
    assert_eq!(rounds["fields"]["type"], "cartridge");
    assert_eq!(rounds["fields"]["quantity"], 250);

    // Labels for headers and the geopoint in one column: the same items.
    let other = TestEnv::new();
    other.init();
    let report = import(
        &other,
        &example("exports/kobo/seizure-labels.csv"),
        &["--map", "kobo", "--photos", &attachments],
        0,
    );
    assert_eq!(report["imported"], 2, "{report}");
    let rifle = item(&other, 1);
    assert_eq!(rifle["fields"]["serial"], "5612008");
    assert_eq!(rifle["fields"]["lat"], 16.2712);
    assert_eq!(rifle["fields"]["lon"], -0.0447);
    assert_eq!(rifle["photos"].as_array().unwrap().len(), 1);
}

#[test]
fn an_odk_central_export_imports_with_media_beside_it_and_its_repeat_group() {
    let env = TestEnv::new();
    env.init();
    let report = import(
        &env,
        &example("exports/odk/seizure.csv"),
        &["--map", "odk"],
        0,
    );
    assert_eq!(
        (report["imported"].as_u64(), report["photos"].as_u64()),
        (Some(2), Some(2)),
        "photos from media/ beside the CSV: {report}"
    );
    let pistol = item(&env, 1);
    assert_eq!(
        pistol["fields"]["serial"], "BG-4411",
        "weapon-serial-no is serial-no"
    );
    assert_eq!(pistol["fields"]["lat"], 16.96);
    assert_eq!(pistol["fields"]["officer"], "Officer Diallo");
    // The repeat group's rows: their own KEY, the submission's date, event and place.
    let report = import(
        &env,
        &example("exports/odk/seizure-ammunition.csv"),
        &["--map", "odk"],
        0,
    );
    assert_eq!(report["imported"], 2, "{report}");
    let rounds = item(&env, 3);
    assert!(
        rounds["fields"]["record_id"]
            .as_str()
            .unwrap()
            .ends_with("/ammunition[1]")
    );
    assert_eq!(rounds["fields"]["type"], "cartridge");
    assert_eq!(rounds["fields"]["location"], "Bourem");
    assert_eq!(rounds["fields"]["event"], "found");
    assert_eq!(rounds["photos"].as_array().unwrap().len(), 1);
    let magazine = item(&env, 4);
    assert_eq!(magazine["fields"]["kind"], "component");
    assert_eq!(magazine["fields"]["type"], "magazine");
    assert_eq!(magazine["fields"]["date"], "2026-03-17");
}

#[test]
fn no_progress_bar_reaches_a_pipe() {
    let env = TestEnv::new();
    env.init();
    let path = log(&env, "one.csv", &[&row("P1", "2026-03-14", "seized")]);
    let (out, err) = env.run(&["import", &path], 0);
    assert!(out.contains("imported 1"), "{out}");
    assert!(!err.contains("rows") && !err.contains('\u{2588}'), "{err}");
}

#[test]
fn ammunition_and_component_rows_import_with_their_own_types() {
    let env = TestEnv::new();
    env.init();
    let path = log(
        &env,
        "ammo.csv",
        &[
            "A1,2026-03-14,seized,Gao,,,ammunition,cartridge,,,7.62x39,,,,,250,539 78,,,,Unit A,Officer B,",
            "A2,2026-03-14,seized,Gao,,,ammunition,mortar bomb,,,,,,,,3,,,,,Unit A,Officer B,",
            "A3,2026-03-14,seized,Gao,,,component,magazine,,,,,,,,4,,,,,Unit A,Officer B,",
            "A4,2026-03-14,seized,Gao,,,component,receiver,,,,,,,,1,,,,,Unit A,Officer B,",
            "A5,2026-03-14,seized,Gao,,,ammunition,laser,,,,,,,,1,,,,,Unit A,Officer B,",
        ],
    );
    let report = import(&env, &path, &[], 3);
    assert_eq!(report["imported"], 4, "{report}");
    let refused = rejects(&report);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].1, "type");
    assert!(
        refused[0].2.contains("'laser' is not one of: cartridge"),
        "{refused:?}"
    );
    assert_eq!(item(&env, 2)["fields"]["type"], "mortar-bomb");
}

#[test]
fn exif_from_piexif_exiftool_and_a_phone_fills_position_and_date() {
    let env = TestEnv::new();
    env.init();
    let path = log(
        &env,
        "exif.csv",
        &[
            "E1,,seized,Gao,,,weapon,pistol,,,,,,,,,,,,piexif.jpg,Unit A,Officer B,",
            "E2,,seized,Gao,,,weapon,pistol,,,,,,,,,,,,exiftool.jpg,Unit A,Officer B,",
            "E3,,seized,Gao,,,weapon,pistol,,,,,,,,,,,,phone.jpg,Unit A,Officer B,",
        ],
    );
    let report = import(&env, &path, &["--photos", &fixture("exif")], 0);
    assert_eq!(report["imported"], 3, "{report}");
    for (id, date, lat) in [
        (1, "2026-03-14", 9.0579),
        (2, "2026-03-15", 16.277),
        (3, "2026-03-16", -1.2921),
    ] {
        let fields = &item(&env, id)["fields"];
        assert!(
            fields["date"].as_str().unwrap().starts_with(date),
            "{fields}"
        );
        assert!(
            (fields["lat"].as_f64().unwrap() - lat).abs() < 1e-3,
            "{fields}"
        );
    }
    // What EXIF could not be read in part is said, in the report and on the item.
    let notes = report["notes"].to_string();
    assert!(notes.contains("'piexif.jpg': EXIF partly read"), "{notes}");
    assert!(
        item(&env, 1)["fields"]["notes"]
            .as_str()
            .unwrap()
            .contains("EXIF partly read")
    );
}

#[test]
fn an_import_killed_at_any_point_completes_on_rerun_without_duplicates() {
    let env = TestEnv::new();
    env.init();
    let rows: Vec<String> = (0..600)
        .map(|i| row(&format!("K{i:04}"), "2026-03-14", "seized"))
        .collect();
    let path = log(
        &env,
        "big.csv",
        &rows.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let bin = assert_cmd::cargo::cargo_bin("fieldtrace");
    for delay in [5u64, 25, 60, 120] {
        let mut child = std::process::Command::new(&bin)
            .args(["--home", env.home.path().to_str().unwrap(), "import", &path])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    let report = import(&env, &path, &[], 0);
    assert_eq!(
        report["imported"].as_u64().unwrap() + report["already_imported"].as_u64().unwrap(),
        600
    );
    assert_eq!(
        env.json(&["item", "list"], 0).as_array().unwrap().len(),
        600
    );
    let integrity: String = env
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn nul_bytes_after_the_first_8_kib_are_refused_not_imported_into_a_serial() {
    let env = TestEnv::new();
    env.init();
    let mut text = format!("{HEADER}\n");
    for i in 0..100 {
        text.push_str(&row(&format!("P{i:03}"), "2026-03-14", "seized"));
        text.push('\n');
    }
    assert!(text.len() > 8 * 1024);
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(
        row("NUL1", "2026-03-14", "seized")
            .replace("NUL199", "NUL1\0\0evil")
            .as_bytes(),
    );
    bytes.push(b'\n');
    let report = import(&env, &env.write_bytes("late-nul.csv", &bytes), &[], 3);
    assert_eq!(
        (report["imported"].as_u64(), report["rejected"].as_u64()),
        (Some(100), Some(1))
    );
    let refused = rejects(&report);
    assert_eq!(refused[0].0, 102);
    assert_eq!(refused[0].1, "column 12");
    assert!(refused[0].2.contains("NUL bytes"), "{refused:?}");
    let nul_serials: i64 = env
        .db()
        .query_row(
            "SELECT count(*) FROM items WHERE instr(serial, char(0)) > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(nul_serials, 0);
}

#[test]
fn a_utf16_log_is_named_as_utf16_with_how_to_convert_it() {
    let env = TestEnv::new();
    env.init();
    let text = format!("{HEADER}\n{}\n", row("U1", "2026-03-14", "seized"));
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend_from_slice(&little);
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("bom.csv", with_bom), ("le.csv", little), ("be.csv", big)] {
        let (_, err) = env.run(&["import", &env.write_bytes(name, &bytes)], 2);
        assert!(
            err.contains("this file is UTF-16; save it as UTF-8 (CSV UTF-8) or convert: iconv -f UTF-16 -t UTF-8"),
            "{name}: {err}"
        );
        assert!(!err.contains("holds NUL bytes"), "{name}: {err}");
    }
}

#[test]
fn a_field_over_the_limit_is_not_kept_even_in_the_rejects_file() {
    let env = TestEnv::new();
    env.init();
    let long = "y\n".repeat(600 * 1024);
    let text = format!(
        "{HEADER}\nH1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,\"{long}\"\n{}\n",
        row("H2", "2026-03-14", "seized")
    );
    let path = env.write("long.csv", &text);
    let report = import(&env, &path, &[], 3);
    assert_eq!(report["imported"], 1);
    let refused = rejects(&report);
    assert_eq!((refused[0].0, refused[0].1.as_str()), (2, "column 23"));
    assert!(
        refused[0]
            .2
            .contains("1228800 bytes, over the limit of 65536"),
        "{refused:?}"
    );
    let rejects_file = std::fs::read_to_string(env.home.path().join("long.rejects.csv")).unwrap();
    assert!(rejects_file.len() < 2048, "{} bytes", rejects_file.len());
    assert!(
        rejects_file.contains("H1,2026-03-14,seized"),
        "{rejects_file}"
    );
}

#[test]
fn many_rejected_rows_stream_to_the_rejects_file_and_the_list_is_summarised() {
    let env = TestEnv::new();
    env.init();
    let rows: Vec<String> = (0..250)
        .map(|i| row(&format!("B{i:03}"), "not-a-date", "seized"))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let path = log(&env, "bad-dates.csv", &rows);
    let report = import(&env, &path, &[], 3);
    assert_eq!(report["rejected"], 250);
    assert_eq!(report["rejects"].as_array().unwrap().len(), 100);
    let file = std::fs::read_to_string(env.home.path().join("bad-dates.rejects.csv")).unwrap();
    assert_eq!(file.lines().count(), 251);
    assert!(file.lines().last().unwrap().starts_with("B249,not-a-date"));
    let (out, _) = env.run(&["import", &path], 3);
    assert!(
        out.contains("... and 150 more rejected rows, each with its reason in the rejects file"),
        "{out}"
    );
    assert!(out.lines().count() < 110, "{} lines", out.lines().count());
}

#[test]
fn a_header_of_a_million_columns_gets_a_message_of_a_line() {
    let env = TestEnv::new();
    env.init();
    let header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    let path = env.write("wide.csv", &format!("{}\nx\n", header.join(",")));
    let (_, err) = env.run(&["import", &path], 2);
    assert!(err.len() < 1024, "{} bytes: {}", err.len(), &err[..200]);
    assert!(
        err.contains("1000000 columns; a seizure log has at most 1024"),
        "{err}"
    );
    // Under the column limit, the unknown ones are listed ten at a time.
    let header: Vec<String> = (0..1000).map(|i| format!("c{i}")).collect();
    let path = env.write("wide2.csv", &format!("{}\nx\n", header.join(",")));
    let (_, err) = env.run(&["import", &path], 2);
    assert!(err.contains("'c9', and 990 more"), "{err}");
    assert!(err.len() < 2048, "{} bytes", err.len());
}

#[test]
fn a_quoted_field_of_many_lines_reads_in_linear_time() {
    let env = TestEnv::new();
    env.init();
    // 24 MB of notes in one field, over the limit: with newlines (so quoted in the rejects
    // file) or without, it costs the same. It was quadratic: csv-core's writer looks for a
    // quote in the whole rest of a quoted field each time its 8 KiB buffer fills.
    let time = |name: &str, unit: &str| {
        let text = format!(
            "{HEADER}\nQ1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,\"{}\"\n",
            unit.repeat(24 * 1024 * 1024 / unit.len())
        );
        let path = env.write(name, &text);
        let start = std::time::Instant::now();
        import(&env, &path, &[], 3);
        start.elapsed()
    };
    let flat = time("flat.csv", "xxxxxxxxxxxxxxx ");
    let lines = time("lines.csv", "xxxxxxxxxxxxxxx\n");
    assert!(
        lines < flat * 3 + std::time::Duration::from_millis(500),
        "{lines:?} with newlines, {flat:?} without"
    );
}

/// Photo files in the home's photos folder (temporary ones included).
fn photo_files(env: &TestEnv) -> Vec<String> {
    let mut found = Vec::new();
    for shard in std::fs::read_dir(env.home.path().join("photos"))
        .into_iter()
        .flatten()
    {
        for file in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            found.push(file.unwrap().file_name().to_string_lossy().into_owned());
        }
    }
    found
}

/// A photos folder with a good photo and a broken one, and a log whose first row has both
/// (it is rejected for the broken one) and whose second has the good one of its own.
fn photos_and_log(env: &TestEnv) -> (String, String) {
    let dir = env.home.path().join("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    let good = synth::jpeg(64, 48);
    std::fs::write(dir.join("good.jpg"), &good).unwrap();
    std::fs::write(dir.join("other.jpg"), synth::with_comment(&good, "other")).unwrap();
    std::fs::write(dir.join("cut.jpg"), &good[..good.len() / 2]).unwrap();
    let with = |id: &str, photos: &str| {
        row(id, "2026-03-14", "seized").replace(",,,Unit A,", &format!(",,{photos},Unit A,"))
    };
    let path = log(
        env,
        "with-photos.csv",
        &[&with("F1", "good.jpg | cut.jpg"), &with("F2", "other.jpg")],
    );
    (path, dir.to_string_lossy().into_owned())
}

#[test]
fn photos_of_rejected_rows_and_of_a_strict_rollback_are_not_left_on_disk() {
    let env = TestEnv::new();
    env.init();
    let (path, dir) = photos_and_log(&env);
    let report = import(&env, &path, &["--photos", &dir, "--strict"], 3);
    assert_eq!(
        (report["imported"].as_u64(), report["rejected"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(photo_files(&env), Vec::<String>::new());

    let report = import(&env, &path, &["--photos", &dir], 3);
    assert_eq!(
        (report["imported"].as_u64(), report["photos"].as_u64()),
        (Some(1), Some(1))
    );
    // Only the photo of the imported row F2 is stored: F1's good photo is not.
    let files = photo_files(&env);
    assert_eq!(files.len(), 1, "{files:?}");
    let linked: String = env
        .db()
        .query_row("SELECT sha256 FROM photos", [], |r| r.get(0))
        .unwrap();
    assert!(files[0].starts_with(&linked), "{files:?}");
}

#[test]
fn orphan_photos_an_interrupted_import_left_are_collected_by_the_next() {
    let env = TestEnv::new();
    env.init();
    let orphan = format!("{}.jpg", "ab".repeat(32));
    let shard = env.home.path().join("photos/ab");
    std::fs::create_dir_all(&shard).unwrap();
    std::fs::write(shard.join(&orphan), synth::jpeg(8, 8)).unwrap();
    let path = log(&env, "plain.csv", &[&row("O1", "2026-03-14", "seized")]);
    import(&env, &path, &[], 0);
    assert!(!shard.join(&orphan).exists(), "{:?}", photo_files(&env));

    // Not while another fieldtrace has the register open: that one may be about to commit it.
    std::fs::write(shard.join(&orphan), synth::jpeg(8, 8)).unwrap();
    let lock = std::fs::File::open(env.home.path().join("register.lock")).unwrap();
    lock.lock_shared().unwrap();
    let path = log(&env, "plain2.csv", &[&row("O2", "2026-03-14", "seized")]);
    import(&env, &path, &[], 0);
    assert!(shard.join(&orphan).exists());
    drop(lock);
}

#[test]
fn item_add_waits_a_moment_not_the_whole_of_a_long_strict_import() {
    let env = TestEnv::new();
    env.init();
    let dir = env.home.path().join("many");
    std::fs::create_dir_all(&dir).unwrap();
    let base = synth::jpeg(640, 480);
    let mut rows = Vec::new();
    for i in 0..1500 {
        let name = format!("p{i}.jpg");
        std::fs::write(dir.join(&name), synth::with_comment(&base, &name)).unwrap();
        rows.push(
            row(&format!("S{i:04}"), "2026-03-14", "seized")
                .replace(",,,Unit A,", &format!(",,{name},Unit A,")),
        );
    }
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let path = log(&env, "long.csv", &rows);
    let mut import = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldtrace"))
        .args([
            "--home",
            env.home.path().to_str().unwrap(),
            "import",
            &path,
            "--strict",
        ])
        .args(["--photos", dir.to_str().unwrap()])
        .env("FIELDTRACE_NOW", crate::common::NOW)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let start = std::time::Instant::now();
    let added = env
        .cmd(&["item", "add", "--date", "2026-03-14", "--event", "seized"])
        .output()
        .unwrap();
    let waited = start.elapsed();
    let running = import.try_wait().unwrap().is_none();
    import.kill().ok();
    import.wait().unwrap();
    assert!(
        running,
        "the import ended before item add: make the log longer"
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        waited < std::time::Duration::from_secs(3),
        "item add waited {waited:?}"
    );
}

#[test]
fn a_log_that_is_not_there_is_named_once() {
    let env = TestEnv::new();
    env.init();
    let missing = env.home.path().join("nowhere.csv");
    let (_, err) = env.run(&["import", missing.to_str().unwrap()], 1);
    assert!(err.contains("nowhere.csv: "), "{err}");
    assert_eq!(err.matches("(os error 2)").count(), 1, "{err}");
}
