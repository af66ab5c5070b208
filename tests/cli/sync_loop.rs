//! A trace request's whole life between a field station and the NPC, with a folder (a USB stick)
//! between them: request, acknowledgement, response, the SDG figure; and every refusal.

use std::path::{Path, PathBuf};

use fieldtrace::keys::{KeyStore, SecretString};
use fieldtrace::packet::{self, KeyId, Kind, Manifest, Recipient, Station};
use serde_json::{Value, json};

use crate::common::{NOW, PASSPHRASE, TestEnv};
use crate::tracing::Peers;

fn key_id(env: &TestEnv) -> KeyId {
    env.json(&["keys", "show"], 0)["key_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn count(env: &TestEnv, sql: &str) -> i64 {
    env.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn sync(env: &TestEnv, dir: &Path, code: i32) -> Value {
    env.json(&["sync", "--to", dir.to_str().unwrap()], code)
}

fn packets_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ftpkt"))
        .collect();
    files.sort();
    files
}

/// A packet signed by `from`'s own station key, built with the library as a hostile peer
/// holding that key could.
fn signed_by(from: &TestEnv, name: &str, kind: Kind, to: &TestEnv, body: Value) -> PathBuf {
    let key = KeyStore::new(from.home.path().join("keys"))
        .unlock_signing_key(&SecretString::from(PASSPHRASE))
        .unwrap();
    let manifest = Manifest::new(
        kind,
        uuid::Uuid::now_v7(),
        Station {
            name: name.into(),
            unit: "unit".into(),
            key_id: key.key_id(),
        },
        900,
        Recipient {
            name: "Post 3".into(),
            key_id: key_id(to),
        },
        chrono::DateTime::parse_from_rfc3339(NOW).unwrap().into(),
        body,
    );
    let signed = packet::build(&manifest, &[], &key).unwrap();
    let path = from.home.path().join(signed.file_name());
    std::fs::write(&path, &signed.archive).unwrap();
    path
}

fn request_status(env: &TestEnv) -> String {
    env.json(&["trace", "list"], 0)[0]["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_request_is_acknowledged_answered_and_counted_through_a_shared_folder() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    let stick = tempfile::tempdir().unwrap();
    let stick = stick.path();
    let item = peers.rifle(false);
    peers.request(item, &[]);
    let exported = station.json(&["trace", "export", "1"], 0);

    let out = sync(station, stick, 0);
    assert_eq!(out["sent"]["copied"], 1);
    assert_eq!(request_status(station), "sent");
    assert_eq!(packets_in(stick).len(), 1);

    // The NPC picks it up and acknowledges it; the acknowledgement leaves in the same run.
    let out = sync(npc, stick, 0);
    assert_eq!(out["received"]["stored"], 1);
    assert_eq!(out["sent"]["copied"], 1);
    let received = npc.json(&["trace", "list", "--received"], 0);
    assert_eq!(received[0]["status"], "stored");
    assert_eq!(received[0]["items"], 1);
    let out = sync(npc, stick, 0);
    assert_eq!(out["sent"]["copied"], 0);
    assert_eq!(out["received"]["stored"], 0);

    // Nothing is overdue yet; two weeks on, an unacknowledged request would be.
    assert_eq!(station.json(&["trace", "list", "--overdue"], 0), json!([]));
    let later = station
        .cmd(&["trace", "list", "--overdue", "--json"])
        .env("FIELDTRACE_NOW", "2026-12-10T12:00:00Z")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let later: Value = serde_json::from_slice(&later).unwrap();
    assert_eq!(later[0]["overdue"], "not-acknowledged");

    let out = sync(station, stick, 0);
    assert_eq!(out["received"]["stored"], 1, "{out}");
    assert_eq!(request_status(station), "acknowledged");
    let listed = station.json(&["trace", "list"], 0);
    assert_eq!(listed[0]["progress"]["outbox"], "acknowledged");
    assert_eq!(listed[0]["progress"]["ack_status"], "stored");
    assert_eq!(
        count(
            station,
            "SELECT COUNT(*) FROM acknowledgements WHERE manifest_sha256 = (SELECT manifest_sha256 FROM trace_requests)"
        ),
        1
    );
    assert_eq!(exported["manifest_sha256"], listed[0]["manifest_sha256"]);
    let answer_late = station
        .cmd(&["trace", "list", "--overdue", "--json"])
        .env("FIELDTRACE_NOW", "2027-02-01T12:00:00Z")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let answer_late: Value = serde_json::from_slice(&answer_late).unwrap();
    assert_eq!(answer_late[0]["overdue"], "not-answered");

    // The NPC answers.
    let responded = npc.json(
        &[
            "trace",
            "respond",
            "1",
            "--outcome",
            "traced",
            "--note",
            "exported 1998 to the national army",
            "--last-legal-holder",
            "Ministry of Defence",
            "--transfer-chain",
            "Norinco",
            "--transfer-chain",
            "Ministry of Defence",
        ],
        0,
    );
    assert_eq!(responded["outcome"], "traced");
    assert_eq!(
        npc.json(&["trace", "list", "--received"], 0)[0]["outcome"],
        "traced"
    );
    sync(npc, stick, 0);
    let out = sync(station, stick, 0);
    assert_eq!(out["received"]["stored"], 1, "{out}");
    assert_eq!(request_status(station), "answered");
    let shown = station.json(&["trace", "show", "1"], 0);
    assert_eq!(shown["status"], "answered");
    assert_eq!(shown["progress"]["outcome"], "traced");
    let (text, _) = station.run(&["trace", "show", "1"], 0);
    assert!(text.contains("answer:    traced"), "{text}");
    assert_eq!(
        count(
            station,
            "SELECT COUNT(*) FROM item_trace_outcomes WHERE outcome = 'traced'"
        ),
        1
    );
    let sdg = station.json(
        &[
            "report",
            "sdg",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ],
        0,
    );
    assert_eq!(
        sdg,
        json!({"from": "2026-01-01", "to": "2026-12-31", "recovered": 1, "traced": 1,
               "proportion": 1.0, "by_event": {"seized": {"recovered": 1, "traced": 1}},
               "ammunition": {"recovered": 0, "traced": 0},
               "components": {"recovered": 0, "traced": 0}})
    );

    // The station's acknowledgement of the response goes back; the NPC's response leaves its
    // outbox. Then everything is quiet: syncing again moves and stores nothing.
    sync(station, stick, 0);
    sync(npc, stick, 0);
    assert_eq!(
        count(
            npc,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'trace-response' AND state = 'acknowledged'"
        ),
        1
    );
    let files = packets_in(stick).len();
    for env in [station, npc, station, npc] {
        let out = sync(env, stick, 0);
        assert_eq!(out["sent"]["copied"], 0);
        assert_eq!(out["received"]["stored"], 0);
    }
    assert_eq!(packets_in(stick).len(), files);
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 2);
    assert_eq!(count(station, "SELECT COUNT(*) FROM inbox"), 2);
}

#[test]
fn replays_are_acknowledged_again_and_stored_once_conflicts_and_strangers_are_quarantined() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let copy = peers.carry(&exported);

    let first = npc.json(&["inbox", "import", &copy], 0);
    assert_eq!(first["stored"], 1);
    let again = npc.json(&["inbox", "import", &copy], 0);
    assert_eq!(again["duplicate"], 1);
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 1);
    assert_eq!(
        count(
            npc,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement'"
        ),
        1,
        "the same packet again gets the same acknowledgement"
    );

    // The same packet id with another manifest: a conflict for a person, rejected to the sender.
    let packet_id = exported["packet_id"].as_str().unwrap();
    // Signed with the station's real key: only the manifest differs.
    let key = KeyStore::new(station.home.path().join("keys"))
        .unlock_signing_key(&SecretString::from(PASSPHRASE))
        .unwrap();
    let manifest = Manifest::new(
        Kind::TraceRequest,
        packet_id.parse().unwrap(),
        Station {
            name: "Post 3".into(),
            unit: "Customs Bamako".into(),
            key_id: key.key_id(),
        },
        1,
        Recipient {
            name: "ML NPC".into(),
            key_id: key_id(npc),
        },
        chrono::DateTime::parse_from_rfc3339(NOW).unwrap().into(),
        json!({"prio": "routine", "items": []}),
    );
    let conflicting = packet::build(&manifest, &[], &key).unwrap();
    let path = npc.write_bytes(&conflicting.file_name(), &conflicting.archive);
    let out = npc.json(&["inbox", "import", &path], 3);
    assert_eq!(out["packets"][0]["reason"], "conflict");
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 1);
    assert_eq!(
        count(
            npc,
            "SELECT COUNT(*) FROM quarantine WHERE reason = 'conflict'"
        ),
        1
    );
    assert!(
        npc.home
            .path()
            .join("quarantine")
            .read_dir()
            .unwrap()
            .count()
            >= 2
    );

    // An unknown signer.
    let stranger = TestEnv::new();
    stranger.run(&["keys", "init", "--no-input"], 0);
    let unknown = signed_by(
        &stranger,
        "Nobody",
        Kind::TraceRequest,
        npc,
        json!({"prio": "routine", "items": []}),
    );
    let out = npc.json(&["inbox", "import", unknown.to_str().unwrap()], 3);
    assert_eq!(out["packets"][0]["reason"], "unknown-key");
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 1);
}

#[test]
fn forged_misdirected_and_orphan_replies_are_refused_and_change_nothing() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    let stick = stick.path();
    sync(station, stick, 0);
    sync(npc, stick, 0);
    let ack_file = npc.home.path().join(
        npc.db()
            .query_row("SELECT file FROM outbox", [], |r| r.get::<_, String>(0))
            .unwrap(),
    );

    // A forged acknowledgement: the genuine one with the manifest hash it names changed.
    let sha = exported["manifest_sha256"].as_str().unwrap();
    let mut bytes = std::fs::read(&ack_file).unwrap();
    let at = bytes.windows(64).position(|w| w == sha.as_bytes()).unwrap();
    bytes[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
    let forged = station.write_bytes("forged.ftpkt", &bytes);
    let before = request_status(station);
    let out = station.json(&["inbox", "import", &forged], 3);
    assert_eq!(out["packets"][0]["reason"], "bad-signature");

    // An acknowledgement, signed by the NPC, for a packet this station never sent.
    let unknown_ack = signed_by(
        npc,
        "ML NPC",
        Kind::Acknowledgement,
        station,
        json!({"packet": uuid::Uuid::now_v7().to_string(), "sha256": "a".repeat(64), "status": "stored"}),
    );
    let out = station.json(&["inbox", "import", unknown_ack.to_str().unwrap()], 3);
    assert_eq!(out["packets"][0]["reason"], "unknown-request");

    // A response to no request.
    let orphan = signed_by(
        npc,
        "ML NPC",
        Kind::TraceResponse,
        station,
        json!({"request": uuid::Uuid::now_v7().to_string(), "sha256": "b".repeat(64),
               "outcome": "traced", "note": "made up"}),
    );
    let out = station.json(&["inbox", "import", orphan.to_str().unwrap()], 3);
    assert_eq!(out["packets"][0]["reason"], "unknown-request");

    assert_eq!(request_status(station), before);
    assert_eq!(count(station, "SELECT COUNT(*) FROM inbox"), 0);
    assert_eq!(count(station, "SELECT COUNT(*) FROM acknowledgements"), 0);
    assert_eq!(count(station, "SELECT COUNT(*) FROM trace_responses"), 0);
    assert_eq!(count(station, "SELECT COUNT(*) FROM quarantine"), 3);
    let listed = station.json(&["inbox", "list"], 0);
    assert_eq!(listed["quarantined"].as_array().unwrap().len(), 3);

    // A packet for another station: quarantined when handed over, left alone in a shared folder.
    let other = TestEnv::new();
    other.run(
        &[
            "init",
            "--name",
            "BF NPC",
            "--unit",
            "CNCA",
            "--officer",
            "B. Ouédraogo",
        ],
        0,
    );
    other.run(&["keys", "init", "--no-input"], 0);
    let (other_pub, _) = other.run(&["keys", "export"], 0);
    let other_pub = station.write("other.pub", &other_pub);
    station.run(&["keys", "trust", &other_pub, "--name", "BF NPC"], 0);
    station.json(
        &[
            "trace",
            "new",
            "1",
            "--to",
            "BF NPC",
            "--illicit-basis",
            "x",
            "--legal-basis",
            "y",
            "--intended-use",
            "z",
        ],
        0,
    );
    let for_other = station.json(&["trace", "export", "2"], 0);
    sync(station, stick, 0);
    let out = sync(npc, stick, 0);
    assert_eq!(out["received"]["not_ours"], 1, "{out}");
    assert_eq!(count(npc, "SELECT COUNT(*) FROM quarantine"), 0);
    let misdirected = peers.carry(&for_other);
    let out = npc.json(&["inbox", "import", &misdirected], 3);
    assert_eq!(out["packets"][0]["reason"], "wrong-recipient");
    assert_eq!(count(npc, "SELECT COUNT(*) FROM quarantine"), 1);

    // The genuine acknowledgement, picked up from the stick, is accepted.
    assert_eq!(request_status(station), "acknowledged");
}

#[test]
fn an_interrupted_sync_rerun_stores_exactly_once_and_never_overwrites_another_file() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    let stick = stick.path();

    // Killed at once, then killed a little later, then run to the end.
    for wait_ms in [0, 30] {
        for env in [station, npc] {
            let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldtrace"))
                .arg("--home")
                .arg(env.home.path())
                .args(["sync", "--to", stick.to_str().unwrap()])
                .env("FIELDTRACE_NOW", NOW)
                .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
                .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(wait_ms));
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    for env in [station, npc, station, npc] {
        sync(env, stick, 0);
    }
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 1);
    assert_eq!(
        count(
            station,
            "SELECT COUNT(*) FROM inbox WHERE kind = 'acknowledgement'"
        ),
        1
    );
    assert_eq!(request_status(station), "acknowledged");

    // A stick that already holds a different file under the packet's name keeps it.
    station.run(&["trace", "new", "1", "--to", "ML NPC"], 0);
    let second = station.json(&["trace", "export", "2"], 0);
    let other_stick = tempfile::tempdir().unwrap();
    let name = Path::new(second["file"].as_str().unwrap())
        .file_name()
        .unwrap();
    std::fs::write(other_stick.path().join(name), b"someone else's file").unwrap();
    let out = sync(station, other_stick.path(), 3);
    assert_eq!(out["sent"]["copied"], 0, "{out}");
    assert_eq!(out["sent"]["failed"], json!([second["packet_id"]]));
    assert_eq!(
        std::fs::read(other_stick.path().join(name)).unwrap(),
        b"someone else's file"
    );
    assert_eq!(exported["id"], 1);
}

#[test]
fn summary_counts_items_by_type_country_place_and_month() {
    let env = TestEnv::new();
    env.init();
    for (date, kind, country) in [
        ("2026-03-14", "assault-rifle", "CN"),
        ("2026-03-20", "assault-rifle", "RU"),
        ("2026-04-02", "pistol", "CN"),
    ] {
        env.add_item(&[
            "--date",
            date,
            "--event",
            "seized",
            "--type",
            kind,
            "--country",
            country,
            "--location",
            "Gao",
        ]);
    }
    let summary = env.json(&["report", "summary"], 0);
    assert_eq!(summary["items"], 3);
    assert_eq!(summary["by_type"]["assault-rifle"], 2);
    assert_eq!(summary["by_country"]["CN"], 2);
    assert_eq!(summary["by_place"]["Gao"], 3);
    assert_eq!(summary["by_month"]["2026-03"], 2);
    let (text, _) = env.run(&["report", "summary"], 0);
    assert!(text.contains("By month"));
    let sdg = env.json(
        &[
            "report",
            "sdg",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ],
        0,
    );
    assert_eq!(sdg["recovered"], 3);
    assert_eq!(sdg["traced"], 0);
    assert_eq!(sdg["proportion"], 0.0);
    env.run(
        &[
            "report",
            "sdg",
            "--from",
            "2026-12-31",
            "--to",
            "2026-01-01",
        ],
        2,
    );
}

#[test]
fn a_request_rebuilt_from_qr_codes_is_received_like_a_file() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    station.json(&["trace", "export", "1"], 0);
    let sheet = station.home.path().join("sheet.txt");
    station.run(&["trace", "qr", "1", "--sheet", sheet.to_str().unwrap()], 0);
    let scanned = npc.write("scanned.txt", &std::fs::read_to_string(&sheet).unwrap());
    let rebuilt = npc.home.path().join("rebuilt.ftpkt");
    npc.run(
        &[
            "packet",
            "assemble",
            "--ur",
            &scanned,
            "-o",
            rebuilt.to_str().unwrap(),
        ],
        0,
    );
    let out = npc.json(&["inbox", "import", rebuilt.to_str().unwrap()], 0);
    assert_eq!(out["stored"], 1);
    assert_eq!(
        npc.json(&["trace", "list", "--received"], 0)[0]["status"],
        "stored"
    );
}

#[test]
fn an_encrypted_request_is_opened_stored_and_acknowledged() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1", "--encrypt-to", "ML NPC"], 0);
    assert!(exported["file"].as_str().unwrap().ends_with(".ftpkt.age"));
    let stick = tempfile::tempdir().unwrap();
    sync(station, stick.path(), 0);
    let out = sync(npc, stick.path(), 0);
    assert_eq!(out["received"]["stored"], 1, "{out}");
    assert_eq!(out["sent"]["copied"], 1);
    sync(station, stick.path(), 0);
    assert_eq!(request_status(station), "acknowledged");
}

#[test]
fn an_incomplete_request_is_acknowledged_with_what_is_missing() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    let item = peers.rifle(false).to_string();
    station.json(&["trace", "new", &item, "--to", "ML NPC"], 0);
    station.json(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    sync(station, stick.path(), 0);
    sync(npc, stick.path(), 0);
    assert_eq!(
        npc.json(&["trace", "list", "--received"], 0)[0]["status"],
        "incomplete"
    );
    sync(station, stick.path(), 0);
    let listed = station.json(&["trace", "list"], 0);
    assert_eq!(listed[0]["status"], "incomplete");
    let missing = listed[0]["progress"]["missing"].as_array().unwrap();
    assert!(missing.contains(&json!("no-legal-basis")), "{missing:?}");
    assert!(missing.contains(&json!("no-intended-use")), "{missing:?}");
}

#[test]
fn sdg_counts_weapons_and_reports_ammunition_and_components_beside_for_this_year() {
    let env = TestEnv::new();
    env.init();
    for (date, kind) in [
        ("2026-03-14", "weapon"),
        ("2026-03-14", "ammunition"),
        ("2026-03-15", "ammunition"),
        ("2026-04-02", "component"),
        ("2025-12-30", "weapon"),
    ] {
        env.add_item(&["--date", date, "--event", "seized", "--kind", kind]);
    }
    // No --from/--to: the current year of the project clock (2026).
    let sdg = env.json(&["report", "sdg"], 0);
    assert_eq!(
        (sdg["from"].as_str(), sdg["to"].as_str()),
        (Some("2026-01-01"), Some("2026-12-31"))
    );
    assert_eq!(
        sdg["recovered"], 1,
        "only weapons are in the indicator: {sdg}"
    );
    assert_eq!(sdg["by_event"]["seized"]["recovered"], 1);
    assert_eq!(sdg["ammunition"], json!({"recovered": 2, "traced": 0}));
    assert_eq!(sdg["components"], json!({"recovered": 1, "traced": 0}));
    let (text, _) = env.run(&["report", "sdg"], 0);
    assert!(text.contains("2026-01-01 to 2026-12-31"), "{text}");
    assert!(text.contains("ammunition lots      2 recovered"), "{text}");
    assert!(text.contains("loose components     1 recovered"), "{text}");
}

/// The body of the acknowledgement `ack_id` the NPC signed into its outbox.
fn ack_body(npc: &TestEnv, ack_id: &str) -> Value {
    let (own, _) = npc.run(&["keys", "export"], 0);
    let own = npc.write("own.pub", &own);
    let file = npc
        .home
        .path()
        .join("outbox")
        .join(format!("{ack_id}.ftpkt"));
    let shown = npc.json(
        &["packet", "show", file.to_str().unwrap(), "--pubkey", &own],
        0,
    );
    shown["manifest"]["body"].clone()
}

#[test]
fn a_request_by_qr_waits_for_its_photos_and_completes_when_they_come_by_file() {
    if !crate::packets::tool("zbarimg") {
        return;
    }
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(true), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    assert_eq!(exported["attachments"], 1);
    let frames = station.home.path().join("frames");
    station.run(&["trace", "qr", "1", "--out", frames.to_str().unwrap()], 0);

    // The NPC scans the frames with a standard reader.
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(&frames)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pngs.sort();
    assert!(!pngs.is_empty());
    let scan = std::process::Command::new("zbarimg")
        .arg("--raw")
        .arg("-q")
        .args(&pngs)
        .output()
        .unwrap();
    assert!(
        scan.status.success(),
        "{}",
        String::from_utf8_lossy(&scan.stderr)
    );
    let scanned = npc.write("scanned.txt", &String::from_utf8(scan.stdout).unwrap());
    let rebuilt = npc.home.path().join("rebuilt.ftpkt");
    let rebuilt = rebuilt.to_str().unwrap();
    npc.run(&["packet", "assemble", "--ur", &scanned, "-o", rebuilt], 0);

    // The signature is good and the photo will follow: valid, one attachment pending.
    let report = npc.json(&["packet", "verify", rebuilt], 0);
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["attachments"]["pending"], 1);
    let (text, _) = npc.run(&["packet", "verify", rebuilt], 0);
    assert!(
        text.contains("signature valid, 1 attachment(s) pending"),
        "{text}"
    );

    // Stored as received, the photo pending, and the acknowledgement says which.
    let imported = npc.json(&["inbox", "import", rebuilt], 0);
    assert_eq!(imported["stored"], 1, "{imported}");
    let received = &imported["packets"][0];
    let pending = received["attachments_pending"].clone();
    assert_eq!(pending.as_array().unwrap().len(), 1, "{received}");
    let first_ack = ack_body(npc, received["acknowledgement"].as_str().unwrap());
    assert_eq!(first_ack["status"], "stored");
    assert_eq!(first_ack["pending"], pending);
    let (listed, _) = npc.run(&["inbox", "list"], 0);
    assert!(listed.contains("1 attachment(s) pending"), "{listed}");
    let requests = npc.json(&["trace", "list", "--received"], 0);
    assert_eq!(requests[0]["attachments_pending"], 1, "{requests}");
    let (listed, _) = npc.run(&["trace", "list", "--received"], 0);
    assert!(listed.contains("1 photo(s) pending"), "{listed}");

    // The photos come later on a stick: the reduced copies the station sent, and a stray file.
    let stick = npc.home.path().join("photos-from-post3");
    std::fs::create_dir(&stick).unwrap();
    for entry in std::fs::read_dir(station.home.path().join("derived")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, stick.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(stick.join("notes.txt"), "not a photo of this request").unwrap();
    let attached = npc.json(&["inbox", "attach", "1", stick.to_str().unwrap()], 3);
    assert_eq!(attached["complete"], true, "{attached}");
    assert_eq!(attached["matched"], pending);
    assert_eq!(
        attached["unmatched"].as_array().unwrap().len(),
        1,
        "{attached}"
    );
    let second_ack = ack_body(npc, attached["acknowledgement"].as_str().unwrap());
    assert_eq!(second_ack["status"], "stored");
    assert!(second_ack.get("pending").is_none(), "{second_ack}");
    let inbox = npc.json(&["inbox", "list"], 0);
    assert_eq!(inbox["received"][0]["attachments_pending"], json!([]));

    // The station reads both acknowledgements: the photo awaited, then received.
    let ack_file = |id: &Value| {
        let name = format!("{}.ftpkt", id.as_str().unwrap());
        let bytes = std::fs::read(npc.home.path().join("outbox").join(&name)).unwrap();
        station.write_bytes(&name, &bytes)
    };
    station.json(
        &["inbox", "import", &ack_file(&received["acknowledgement"])],
        0,
    );
    let shown = station.json(&["trace", "show", "1"], 0);
    assert_eq!(shown["progress"]["attachments_pending"], pending, "{shown}");
    let (text, _) = station.run(&["trace", "show", "1"], 0);
    assert!(text.contains("waiting for 1 photo(s) by file"), "{text}");
    station.json(
        &["inbox", "import", &ack_file(&attached["acknowledgement"])],
        0,
    );
    let shown = station.json(&["trace", "show", "1"], 0);
    assert_eq!(
        shown["progress"]["attachments_pending"],
        json!([]),
        "{shown}"
    );

    let (_, err) = npc.run(&["inbox", "attach", "1", stick.to_str().unwrap()], 2);
    assert!(err.contains("no attachment pending"), "{err}");
}

#[test]
fn a_photo_that_is_not_the_one_signed_for_is_not_taken() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(true), &[]);
    station.json(&["trace", "export", "1"], 0);
    let sheet = station.home.path().join("sheet.txt");
    station.run(&["trace", "qr", "1", "--sheet", sheet.to_str().unwrap()], 0);
    let scanned = npc.write("scanned.txt", &std::fs::read_to_string(&sheet).unwrap());
    let rebuilt = npc.home.path().join("rebuilt.ftpkt");
    let rebuilt = rebuilt.to_str().unwrap();
    npc.run(&["packet", "assemble", "--ur", &scanned, "-o", rebuilt], 0);
    npc.json(&["inbox", "import", rebuilt], 0);
    let derived = std::fs::read_dir(station.home.path().join("derived"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut altered = std::fs::read(&derived).unwrap();
    let last = altered.len() - 1;
    altered[last] ^= 1;
    let altered = npc.write_bytes("altered.jpg", &altered);
    let attached = npc.json(&["inbox", "attach", "1", &altered], 3);
    assert_eq!(attached["complete"], false);
    assert_eq!(attached["pending"].as_array().unwrap().len(), 1);
    // The whole packet arriving later completes it too.
    let whole = std::fs::read_dir(station.home.path().join("outbox"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".ftpkt"))
        .unwrap();
    let out = npc.json(&["inbox", "import", whole.to_str().unwrap()], 0);
    assert_eq!(out["packets"][0]["reason"], "completed", "{out}");
    let inbox = npc.json(&["inbox", "list"], 0);
    assert_eq!(inbox["received"][0]["attachments_pending"], json!([]));
}

#[test]
fn a_quarantined_packet_is_released_once_its_cause_is_fixed_with_who_and_why() {
    let peers = Peers::one_way();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let file = peers.carry(&exported);
    let imported = npc.json(&["inbox", "import", &file], 3);
    assert_eq!(imported["packets"][0]["reason"], "unknown-key");

    let quarantined = npc.json(&["inbox", "list", "--quarantined"], 0);
    assert_eq!(quarantined.as_array().unwrap().len(), 1, "{quarantined}");
    assert_eq!(quarantined[0]["id"], 1);
    assert_eq!(quarantined[0]["reason"], "unknown-key");
    assert_eq!(quarantined[0]["released"], Value::Null);
    let (text, _) = npc.run(&["inbox", "list", "--quarantined"], 0);
    assert!(
        text.contains("unknown-key") && !text.contains("Received"),
        "{text}"
    );

    // Released before the cause is fixed: still refused, nothing written.
    let still = npc.json(&["inbox", "release", "1", "--reason", "try again"], 3);
    assert_eq!(still["outcome"], "still-refused");
    assert_eq!(still["reason"], "unknown-key");
    assert_eq!(npc.json(&["inbox", "list"], 0)["received"], json!([]));

    // The key, compared by phone, is trusted: the packet is received, the release recorded.
    let (station_pub, _) = station.run(&["keys", "export"], 0);
    let station_pub = npc.write("station.pub", &station_pub);
    npc.run(&["keys", "trust", &station_pub, "--name", "Post 3"], 0);
    let released = npc.json(
        &[
            "inbox",
            "release",
            "1",
            "--reason",
            "key fingerprint confirmed by phone",
        ],
        0,
    );
    assert_eq!(released["outcome"], "received");
    assert_eq!(released["received"]["result"], "stored");
    assert!(released["received"]["acknowledgement"].is_string());
    let listing = npc.json(&["inbox", "list"], 0);
    assert_eq!(listing["received"].as_array().unwrap().len(), 1);
    let release = &listing["quarantined"][0]["released"];
    assert_eq!(release["outcome"], "received");
    assert_eq!(release["by"], "N. Keita (CNLPAL, ML NPC)");
    assert_eq!(release["reason"], "key fingerprint confirmed by phone");
    assert_eq!(release["at"], crate::common::NOW);
    let (_, err) = npc.run(&["inbox", "release", "1", "--reason", "again"], 2);
    assert!(err.contains("already released"), "{err}");
}

#[test]
fn a_conflict_is_dismissed_by_a_person_and_stays_on_record() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    peers.request(peers.rifle(false), &[]);
    let exported = station.json(&["trace", "export", "1"], 0);
    let file = peers.carry(&exported);
    npc.json(&["inbox", "import", &file], 0);
    // As if another manifest had been received first under the same packet id: a conflict.
    npc.db()
        .execute("UPDATE inbox SET manifest_sha256 = 'x'", [])
        .unwrap();
    let again = npc.json(&["inbox", "import", &file], 3);
    assert_eq!(again["packets"][0]["reason"], "conflict", "{again}");
    let quarantined = npc.json(&["inbox", "list", "--quarantined"], 0);
    let id = quarantined[0]["id"].to_string();
    let still = npc.json(&["inbox", "release", &id, "--reason", "retry"], 3);
    assert_eq!(still["reason"], "conflict");
    let dismissed = npc.json(
        &[
            "inbox",
            "release",
            &id,
            "--dismiss",
            "--reason",
            "the first copy is the one on file",
        ],
        0,
    );
    assert_eq!(dismissed["outcome"], "dismissed");
    let listed = npc.json(&["inbox", "list", "--quarantined"], 0);
    assert_eq!(listed[0]["released"]["outcome"], "dismissed");
    assert_eq!(listed[0]["released"]["by"], "N. Keita (CNLPAL, ML NPC)");
}
