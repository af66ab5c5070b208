//! What analysts and commanders look at: the offline HTML report, checked in a real browser,
//! the GeoJSON export, checked with GDAL's ogrinfo, and the figures of both against the JSON
//! reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use serde_json::Value;

use crate::common::TestEnv;
use crate::packets::tool;
use crate::tracing::Peers;

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Later than the test clock: the unsynced request waited past its deadline.
const LATER: &str = "2026-12-20T12:00:00Z";

/// A station with the example seizure log, one request answered `traced` through the NPC and
/// one exported but never acknowledged.
fn station_with_example_data() -> Peers {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    station.json(
        &[
            "import",
            &example("seizure-log.csv"),
            "--photos",
            &example("photos"),
        ],
        0,
    );
    let stick = tempfile::tempdir().unwrap();
    let answered = peers.rifle(false);
    peers.request(answered, &[]);
    station.json(&["trace", "export", "1"], 0);
    for env in [station, npc] {
        env.json(&["sync", "--to", stick.path().to_str().unwrap()], 0);
    }
    npc.json(
        &[
            "trace",
            "respond",
            "1",
            "--outcome",
            "traced",
            "--note",
            "exported 1998 to the national army",
        ],
        0,
    );
    for env in [npc, station] {
        env.json(&["sync", "--to", stick.path().to_str().unwrap()], 0);
    }
    let waiting = peers.rifle(false);
    peers.request(waiting, &[]);
    station.json(&["trace", "export", "2"], 0);
    peers
}

fn later_json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env
        .cmd(args)
        .arg("--json")
        .env("FIELDTRACE_NOW", LATER)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The bars of one chart: `data-key` to `data-value`.
fn bars(page: &str, id: &str) -> BTreeMap<String, u64> {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no chart {id}"));
    let end = start + page[start..].find("</svg>").unwrap();
    let bar = Regex::new(r#"data-key="([^"]*)" data-value="(\d+)""#).unwrap();
    bar.captures_iter(&page[start..end])
        .map(|c| (unescape(&c[1]), c[2].parse().unwrap()))
        .collect()
}

fn counts(json: &Value) -> BTreeMap<String, u64> {
    json.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect()
}

fn chromium(args: &[&str]) -> std::process::Output {
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The page printed to PDF by Chromium, read back by pdftotext; `None` when a tool is missing
/// (outside CI).
fn pdf_text(page: &Path) -> Option<String> {
    if !tool("chromium") || !tool("pdftotext") {
        return None;
    }
    let pdf = page.with_extension("pdf");
    chromium(&[
        "--no-pdf-header-footer",
        &format!("--print-to-pdf={}", pdf.display()),
        &file_url(page),
    ]);
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success(), "pdftotext {}", pdf.display());
    Some(String::from_utf8_lossy(&text.stdout).into_owned())
}

/// The page, printed to PDF, says each of `expected` and the manifest SHA-256 (which may wrap).
fn assert_printed(page: &Path, expected: &[&str], sha: &str) {
    let Some(text) = pdf_text(page) else {
        return;
    };
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in expected {
        assert!(
            flat.contains(expected),
            "the PDF lacks {expected:?}: {flat}"
        );
    }
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        squeezed.contains(sha),
        "the PDF lacks the manifest SHA-256 {sha}"
    );
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_html_report_is_one_offline_page_whose_figures_are_the_json_reports() {
    let peers = station_with_example_data();
    let station = &peers.station;
    let out = station.home.path().join("report.html");
    let period = ["--from", "2026-01-01", "--to", "2026-12-31"];
    let mut args = vec!["report", "html"];
    args.extend_from_slice(&period);
    args.extend_from_slice(&["--out", out.to_str().unwrap(), "--coarsen-km", "25"]);
    let written = later_json(station, &args);
    assert_eq!(written["coarsen_km"], 25.0);
    let page = std::fs::read_to_string(&out).unwrap();

    // Nothing is fetched when the page is viewed: no scripts, links, images, fonts or URLs.
    for external in [
        "http:",
        "https:",
        "//",
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "url(",
        "src=",
        "href=",
        "@font-face",
    ] {
        assert!(
            !page.replace("<!DOCTYPE html>", "").contains(external),
            "the page refers to something outside it: {external}"
        );
    }

    // The same numbers as the JSON reports for the period.
    let mut sdg_args = vec!["report", "sdg"];
    sdg_args.extend_from_slice(&period);
    let sdg = later_json(station, &sdg_args);
    let mut summary_args = vec!["report", "summary"];
    summary_args.extend_from_slice(&period);
    let summary = later_json(station, &summary_args);
    assert_eq!(sdg["traced"], 1, "{sdg}");
    assert!(sdg["recovered"].as_u64().unwrap() >= 4, "{sdg}");
    for (id, field) in [("sdg-traced", "traced"), ("sdg-recovered", "recovered")] {
        assert!(
            page.contains(&format!("id=\"{id}\" value=\"{}\"", sdg[field])),
            "{id}: {sdg}"
        );
    }
    for (id, field) in [
        ("chart-type", "by_type"),
        ("chart-country", "by_country"),
        ("chart-event", "by_event"),
        ("chart-place", "by_place"),
        ("chart-outcome", "by_outcome"),
    ] {
        let json = if field == "by_outcome" {
            &summary["requests"][field]
        } else {
            &summary[field]
        };
        assert_eq!(bars(&page, id), counts(json), "{id}");
    }
    assert_eq!(summary["requests"]["by_outcome"]["traced"], 1);
    // Over time, months without items are drawn as zero; every month the JSON has is there.
    let months = bars(&page, "chart-month");
    for (month, n) in counts(&summary["by_month"]) {
        assert_eq!(months.get(&month), Some(&n), "{month}");
    }
    assert_eq!(
        months.values().sum::<u64>(),
        summary["items"].as_u64().unwrap()
    );
    let funnel = bars(&page, "chart-funnel");
    for stage in ["drafted", "sent", "acknowledged", "answered"] {
        assert_eq!(
            Some(funnel[stage]),
            summary["requests"][stage].as_u64(),
            "{stage}"
        );
    }
    assert_eq!(funnel["drafted"], 2);
    assert_eq!(funnel["answered"], 1);
    let overdue = summary["requests"]["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 1, "{summary}");
    assert_eq!(overdue[0]["overdue"], "not-acknowledged");
    assert!(page.contains(&format!(
        "class=\"overdue\" data-key=\"{}\"",
        overdue[0]["id"]
    )));

    // The map: Natural Earth land, and the example's places coarsened to 25 km.
    assert!(page.contains("id=\"map-world\"") && page.contains("id=\"map-region\""));
    let land = Regex::new(r#"class="land"[^>]* d="(M[^"]{1000,})""#).unwrap();
    assert!(land.is_match(&page), "no land outline");
    let spot = Regex::new(r#"data-lat="([-\d.]+)" data-lon="([-\d.]+)""#).unwrap();
    let spots: Vec<(f64, f64)> = spot
        .captures_iter(&page)
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
        .collect();
    assert!(!spots.is_empty());
    assert!(
        !spots.contains(&(16.2689, -0.0391)),
        "an exact place is on the map"
    );
    assert!(
        spots
            .iter()
            .any(|(lat, lon)| (lat - 16.2689).abs() < 0.25 && (lon + 0.0391).abs() < 0.25),
        "{spots:?}"
    );

    // A real browser renders it: the charts and the map are in its DOM and on the screenshot.
    if !tool("chromium") {
        return;
    }
    let dom = chromium(&["--dump-dom", &file_url(&out)]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    for id in ["chart-month", "chart-type", "chart-funnel", "map-world"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "{id} not rendered");
    }
    let shot = station.home.path().join("report.png");
    chromium(&[
        "--window-size=1100,2600",
        &format!("--screenshot={}", shot.display()),
        &file_url(&out),
    ]);
    let image = image::open(&shot).unwrap().to_rgb8();
    assert_eq!(image.dimensions(), (1100, 2600));
    let near = |p: &image::Rgb<u8>, c: [u8; 3]| {
        p.0.iter()
            .zip(c)
            .all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() < 24)
    };
    let bar_blue = image
        .pixels()
        .filter(|p| near(p, [0x3a, 0x6e, 0xa5]))
        .count();
    let sea = image
        .pixels()
        .filter(|p| near(p, [0xdf, 0xee, 0xf7]))
        .count();
    let land = image
        .pixels()
        .filter(|p| near(p, [0xf2, 0xef, 0xe6]))
        .count();
    assert!(bar_blue > 500, "the bars are not drawn ({bar_blue} px)");
    assert!(
        sea > 10_000 && land > 5_000,
        "the map is not drawn (sea {sea}, land {land} px)"
    );
}

#[test]
fn geojson_has_one_feature_per_item_longitude_first_and_ogrinfo_reads_it() {
    let env = TestEnv::new();
    env.init();
    env.json(
        &[
            "import",
            &example("seizure-log.csv"),
            "--photos",
            &example("photos"),
        ],
        0,
    );
    let unplaced = env.add_item(&[
        "--date",
        "2026-04-02",
        "--event",
        "found",
        "--type",
        "pistol",
        "--location",
        "Mopti",
    ]);
    let items = env.json(&["report", "summary"], 0)["items"]
        .as_u64()
        .unwrap();
    let exact = env.home.path().join("items.geojson");
    let (said, _) = env.run(&["export", "geojson", "--out", exact.to_str().unwrap()], 0);
    assert!(said.contains(&format!("{items} items written")), "{said}");
    let doc: Value = serde_json::from_slice(&std::fs::read(&exact).unwrap()).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, items);
    let of = |doc: &Value, record: &str| -> Value {
        doc["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["record_id"] == record)
            .unwrap()
            .clone()
    };
    let pkm = of(&doc, "EXAMPLE-002");
    assert_eq!(pkm["geometry"]["type"], "Point");
    assert_eq!(
        pkm["geometry"]["coordinates"],
        serde_json::json!([-0.0391, 16.2689])
    );
    let props = &pkm["properties"];
    assert_eq!(props["model"], "PKM");
    assert_eq!(props["event"], "seized");
    assert_eq!(props["date"], "2026-03-14");
    assert_eq!(props["trace_state"], "not-requested");
    for key in ["type", "country", "kind", "make", "serial", "place", "uuid"] {
        assert!(props.get(key).is_some(), "no {key}");
    }
    // No coordinates: a feature without geometry, still there.
    let unplaced = features.iter().find(|f| f["id"] == unplaced).unwrap();
    assert_eq!(unplaced["geometry"], Value::Null);
    assert_eq!(unplaced["properties"]["type"], "self-loading-pistol");

    // Coarsened: another point, within the grid cell.
    let coarse = env.home.path().join("coarse.geojson");
    env.run(
        &[
            "export",
            "geojson",
            "--coarsen-km",
            "25",
            "--out",
            coarse.to_str().unwrap(),
        ],
        0,
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&coarse).unwrap()).unwrap();
    let moved = &of(&doc, "EXAMPLE-002")["geometry"]["coordinates"];
    let (lon, lat) = (moved[0].as_f64().unwrap(), moved[1].as_f64().unwrap());
    assert!((lon, lat) != (-0.0391, 16.2689));
    assert!((lat - 16.2689).abs() * 111.32 <= 12.5 && (lon + 0.0391).abs() * 106.0 <= 13.0);
    let (_, err) = env.run(&["export", "geojson", "--coarsen-km=-3"], 2);
    assert!(err.contains("not a distance in km"), "{err}");

    if !tool("ogrinfo") {
        return;
    }
    let out = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(&exact)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains(&format!("Feature Count: {items}")), "{said}");
    assert!(said.contains("WGS 84"), "{said}");
    for field in [
        "model: String",
        "country: String",
        "trace_state: String",
        "date: ",
    ] {
        assert!(said.contains(field), "ogrinfo lacks {field}: {said}");
    }
}

#[test]
fn csv_for_french_excel_keeps_serials_and_record_ids_as_text() {
    let env = TestEnv::new();
    env.init();
    let template = std::fs::read_to_string(example("seizure-log.csv")).unwrap();
    let header = template.lines().next().unwrap();
    let row = "12E4,2026-03-20,seized,Mopti,14.49,-4.19,weapon,pistol,,Makarov,9x18,012345,,SU,,,,,worn,,Unit,Officer,";
    let log = env.write("log.csv", &format!("{header}\n{row}\n"));
    env.json(&["import", &log], 0);
    let out = env.home.path().join("register.csv");
    env.run(
        &[
            "export",
            "csv",
            "--delimiter",
            ";",
            "--out",
            out.to_str().unwrap(),
        ],
        0,
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| record[header.iter().position(|h| h == name).unwrap()].to_owned();
    // What Excel and LibreOffice read as the text 012345 and 12E4, not 12345 and 120000.
    assert_eq!(cell("serial"), "=\"012345\"");
    assert_eq!(cell("record_id"), "=\"12E4\"");
    assert_eq!(cell("model"), "Makarov");
    assert_eq!(cell("lat"), "14.49");

    let (plain, _) = env.run(&["export", "csv", "--plain", "--delimiter", "tab"], 0);
    assert!(plain.contains("\t012345\t"), "{plain}");
    assert!(plain.starts_with("item\tuuid\trecord_id"), "{plain}");
    let (_, err) = env.run(&["export", "csv", "--delimiter", "x"], 2);
    assert!(err.contains("not a delimiter"), "{err}");
}

#[test]
fn a_trace_request_prints_as_iti_paragraph_17_and_its_pdf_says_so() {
    let peers = Peers::new();
    let station = &peers.station;
    let item = peers.rifle(false);
    peers.request(item, &[]);
    let draft = station.home.path().join("draft.html");
    station.run(
        &["trace", "print", "1", "--out", draft.to_str().unwrap()],
        0,
    );
    let page = std::fs::read_to_string(&draft).unwrap();
    assert!(page.contains("DRAFT"), "a draft is not marked");
    assert!(!page.contains("class=\"qr\""));

    let exported = station.json(&["trace", "export", "1"], 0);
    let sha = exported["manifest_sha256"].as_str().unwrap().to_owned();
    let packet_id = exported["packet_id"].as_str().unwrap().to_owned();
    let out = station.home.path().join("request.html");
    let (said, _) = station.run(&["trace", "print", "1", "--out", out.to_str().unwrap()], 0);
    assert!(said.contains("written to"), "{said}");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(!page.contains("DRAFT"));
    for external in [
        "http:", "https:", "<script", "<link", "<img", "src=", "href=",
    ] {
        assert!(!page.contains(external), "{external}");
    }
    assert!(page.contains("@page { size: A4"));
    // One QR code per plain part `trace qr` shows.
    let parts = station.json(&["trace", "qr", "1", "--extra", "0"], 0);
    let codes = page.matches("class=\"qr\"").count();
    assert_eq!(codes, parts["fragments"].as_u64().unwrap() as usize);
    assert!(codes >= 1);

    // The paper checks against the file: the QR codes on the page, as a camera sees them,
    // rebuild the signed manifest.
    if tool("chromium") {
        let shot = station.home.path().join("request.png");
        chromium(&[
            "--window-size=800,2400",
            "--force-device-scale-factor=3",
            &format!("--screenshot={}", shot.display()),
            &file_url(&out),
        ]);
        let rebuilt = station.home.path().join("rebuilt.ftpkt");
        station.run(
            &[
                "packet",
                "assemble",
                "--qr",
                shot.to_str().unwrap(),
                "--out",
                rebuilt.to_str().unwrap(),
            ],
            0,
        );
        let shown = station.json(&["packet", "show", rebuilt.to_str().unwrap()], 0);
        assert!(shown.to_string().contains(&sha), "{shown}");
    }

    assert_printed(
        &out,
        &[
            "Tracing request (International Tracing Instrument, para. 17)",
            "Requesting authority",
            "Customs Bamako",
            "Legal basis of the request",
            "Loi 04-050 art. 12",
            "5601234",
            "Type 56",
            "criminal case 2026/0412",
            "law enforcement only",
            "Requesting officer",
            packet_id.as_str(),
        ],
        &sha,
    );
}

#[test]
fn a_seizure_record_prints_with_its_custody_chain_photos_and_request() {
    let peers = Peers::new();
    let station = &peers.station;
    let item = peers.rifle(true);
    station.run(
        &[
            "custody",
            &item.to_string(),
            "--action",
            "transferred",
            "--to",
            "Evidence store",
            "--place",
            "Bamako",
            "--at",
            "2026-03-15 09:30",
        ],
        0,
    );
    peers.request(item, &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let sha = exported["manifest_sha256"].as_str().unwrap().to_owned();
    let out = station.home.path().join("seizure.html");
    station.run(
        &[
            "item",
            "print",
            &item.to_string(),
            "--out",
            out.to_str().unwrap(),
        ],
        0,
    );
    let page = std::fs::read_to_string(&out).unwrap();
    // The photo of the marks is in the page itself, not linked.
    assert!(
        page.contains("src=\"data:image/jpeg;base64,"),
        "no inlined photo"
    );
    for external in ["http:", "https:", "<script", "<link", "href="] {
        assert!(!page.contains(external), "{external}");
    }
    let custody = station.json(&["custody", "log", &item.to_string()], 0);
    let head = custody
        .as_array()
        .or_else(|| custody["events"].as_array())
        .and_then(|events| events.last())
        .map(|e| e["hash"].as_str().unwrap().to_owned())
        .unwrap();
    assert!(
        page.contains(&head),
        "the custody chain's last hash is not on the page"
    );

    assert_printed(
        &out,
        &[
            "Seizure record: item 1",
            "5601234",
            "66 in a triangle",
            "transferred",
            "Evidence store",
            "Custody chain",
            "Seizing officer",
        ],
        &sha,
    );
}
