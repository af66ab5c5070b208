//! An officer traces a seized rifle: keys, a checked ITI request, a signed packet in the outbox,
//! and the national point of contact (NPC) checking it on its own laptop.

use fieldtrace::photo::synth;
use serde_json::Value;

use crate::common::TestEnv;

/// A station and the NPC it reports to, each with keys, each trusting the other.
pub struct Peers {
    pub station: TestEnv,
    pub npc: TestEnv,
}

impl Peers {
    pub fn new() -> Peers {
        let peers = Peers::one_way();
        let (station_pub, _) = peers.station.run(&["keys", "export"], 0);
        let station_pub = peers.npc.write("station.pub", &station_pub);
        peers
            .npc
            .run(&["keys", "trust", &station_pub, "--name", "Post 3"], 0);
        peers
    }

    /// A station that trusts the NPC, and an NPC that has not yet trusted the station.
    pub fn one_way() -> Peers {
        let station = TestEnv::new();
        station.init();
        let npc = TestEnv::new();
        npc.run(
            &[
                "init",
                "--name",
                "ML NPC",
                "--unit",
                "CNLPAL",
                "--officer",
                "N. Keita",
            ],
            0,
        );
        station.run(&["keys", "init", "--no-input"], 0);
        npc.run(&["keys", "init", "--no-input"], 0);
        let (npc_pub, _) = npc.run(&["keys", "export"], 0);
        let (npc_age, _) = npc.run(&["keys", "export", "--age"], 0);
        let npc_pub = station.write("npc.pub", &npc_pub);
        station.run(
            &[
                "keys",
                "trust",
                &npc_pub,
                "--name",
                "ML NPC",
                "--age",
                npc_age.trim(),
            ],
            0,
        );
        Peers { station, npc }
    }

    /// A Type 56 rifle with its marks read where they matter, and a photo of them.
    pub fn rifle(&self, with_photo: bool) -> i64 {
        let env = &self.station;
        let id = env.add_item(&[
            "--date",
            "2026-03-14",
            "--event",
            "seized",
            "--type",
            "assault-rifle",
            "--model",
            "Type 56",
            "--calibre",
            "7.62x39",
            "--serial",
            "5601234",
            "--serial-location",
            "receiver",
            "--country",
            "CN",
            "--location",
            "Gao checkpoint",
        ]);
        let item = id.to_string();
        for (text, event) in [("66 in a triangle", "manufacture"), ("none seen", "import")] {
            env.run(
                &[
                    "item", "mark", &item, text, "--event", event, "--part", "receiver",
                ],
                0,
            );
        }
        if with_photo {
            let photo = env.write_bytes(
                "marks.jpg",
                &synth::jpeg_with_exif("2026:03:14 09:26:53", 16.27, -0.04),
            );
            env.run(&["item", "photo", &item, &photo, "--view", "markings"], 0);
        }
        id
    }

    /// `trace new ITEM --to 'ML NPC'` (unless `extra` names another) with every fact ITI
    /// paragraph 17 asks for.
    pub fn request(&self, item: i64, extra: &[&str]) -> Value {
        let item = item.to_string();
        let mut args = vec!["trace", "new", &item];
        if !extra.contains(&"--to") {
            args.extend(["--to", "ML NPC"]);
        }
        args.extend([
            "--illicit-basis",
            "unlicensed, seized at a checkpoint",
            "--legal-basis",
            "Loi 04-050 art. 12",
            "--intended-use",
            "criminal case 2026/0412",
            "--priority",
            "urgent",
            "--justification",
            "suspect held 48 h",
            "--confidentiality",
            "law enforcement only",
            "--poc",
            "Insp. A. Diallo +223 20 22 00 00",
        ]);
        args.extend_from_slice(extra);
        self.station.json(&args, 0)
    }

    /// The packet file an export wrote, copied into the NPC's home as a USB stick would.
    pub fn carry(&self, exported: &Value) -> String {
        let file = exported["file"].as_str().unwrap();
        let name = std::path::Path::new(file).file_name().unwrap();
        let bytes = std::fs::read(file).unwrap();
        self.npc.write_bytes(name.to_str().unwrap(), &bytes)
    }
}

fn codes(report: &Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_request_is_built_signed_carried_and_verified_by_the_npc() {
    let peers = Peers::new();
    let item = peers.rifle(true);
    // As after a bulk import: the reduced copy is derived when the request first needs it.
    std::fs::remove_dir_all(peers.station.home.path().join("derived")).unwrap();
    let created = peers.request(item, &[]);
    assert_eq!(created["complete"], true);
    assert_eq!(created["findings"], serde_json::json!([]), "{created}");
    assert_eq!(created["seq"], 1);

    let exported = peers.station.json(&["trace", "export", "1"], 0);
    assert_eq!(exported["attachments"], 1);
    let packet_id = created["packet_id"].as_str().unwrap();
    assert!(
        exported["file"]
            .as_str()
            .unwrap()
            .ends_with(&format!("outbox/{packet_id}.ftpkt"))
    );
    let list = peers.station.json(&["trace", "list"], 0);
    assert_eq!(list[0]["status"], "exported");
    assert_eq!(list[0]["items"], serde_json::json!([item]));
    let shown = peers.station.json(&["trace", "show", packet_id], 0);
    assert_eq!(shown["outbox_file_present"], true);
    assert_eq!(shown["manifest_sha256"], exported["manifest_sha256"]);
    let body = &shown["body"];
    assert_eq!(body["legal"], "Loi 04-050 art. 12");
    assert_eq!(body["items"][0]["sn_at"], "receiver");
    assert_eq!(body["items"][0]["marks"][1]["ev"], "import");
    assert_eq!(body["items"][0]["photos"][0]["view"], "markings");

    let copy = peers.carry(&exported);
    let report = peers.npc.json(&["packet", "verify", &copy], 0);
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["id"], packet_id);
    assert_eq!(report["kind"], "trace-request");
    assert_eq!(report["signer"]["name"], "Post 3");
    assert_eq!(report["signer"]["trusted"], true);
    assert_eq!(
        report["attachments"],
        serde_json::json!({"expected": 1, "present": 1, "ok": 1, "pending": 0})
    );
    // The reduced copy of the photo travels; the body names it beside the original.
    let shown = peers.npc.json(&["packet", "show", &copy], 0);
    let photo = &shown["manifest"]["body"]["items"][0]["photos"][0];
    assert_eq!(
        shown["manifest"]["attachments"][0]["sha256"],
        photo["reduced"]
    );
    assert_ne!(photo["sha256"], photo["reduced"]);
    let (out, _) = peers.npc.run(&["packet", "show", &copy], 0);
    assert!(out.contains("VALID trace-request"), "{out}");
    assert!(out.contains("Loi 04-050 art. 12"), "{out}");

    // The station can check its own outbox too.
    let own = peers
        .station
        .json(&["packet", "verify", exported["file"].as_str().unwrap()], 0);
    assert_eq!(own["valid"], true, "{own}");
}

#[test]
fn a_changed_byte_makes_verification_fail_with_a_reason_code() {
    let peers = Peers::new();
    let item = peers.rifle(true);
    peers.request(item, &[]);
    let exported = peers.station.json(&["trace", "export", "1"], 0);
    let original = std::fs::read(exported["file"].as_str().unwrap()).unwrap();

    let find = |needle: &[u8]| {
        original
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
    };
    let mut in_manifest = original.clone();
    in_manifest[find(b"5601234") + 6] = b'5';
    let file = peers.npc.write_bytes("serial.ftpkt", &in_manifest);
    let report = peers.npc.json(&["packet", "verify", &file], 4);
    assert_eq!(report["valid"], false);
    assert_eq!(codes(&report), ["bad-signature"]);
    let (out, _) = peers.npc.run(&["packet", "verify", &file], 4);
    assert!(
        out.contains("INVALID") && out.contains("bad-signature"),
        "{out}"
    );

    let mut in_photo = original.clone();
    // The attachment's data begins one block after its tar header, the last name in the file.
    let header = original
        .windows(12)
        .rposition(|w| w == b"attachments/")
        .unwrap();
    in_photo[header + 512 + 100] ^= 0x20;
    let file = peers.npc.write_bytes("photo.ftpkt", &in_photo);
    let report = peers.npc.json(&["packet", "verify", &file], 4);
    assert_eq!(codes(&report), ["bad-attachment"], "{report}");

    let file = peers
        .npc
        .write_bytes("short.ftpkt", &original[..original.len() - 512]);
    let report = peers.npc.json(&["packet", "verify", &file], 4);
    assert_eq!(codes(&report), ["truncated"], "{report}");
}

#[test]
fn the_completeness_check_names_what_is_missing_before_anything_is_signed() {
    let peers = Peers::new();
    let env = &peers.station;
    env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--type",
        "self-loading-pistol",
        "--serial",
        "A1234",
        "--serial-location",
        "slide",
        "--marking",
        "M70",
    ]);
    let (out, _) = env.run(
        &[
            "trace",
            "new",
            "1",
            "--to",
            "ML NPC",
            "--illicit-basis",
            "unlicensed",
            "--intended-use",
            "criminal case",
        ],
        0,
    );
    for expected in [
        "missing: no legal basis given",
        "weak (item 1): serial not read from the frame or receiver",
        "weak (item 1): no photo of the marks",
        "weak (item 1): calibre not recorded",
    ] {
        assert!(out.contains(expected), "{expected}\n{out}");
    }
    let created = env.json(&["trace", "new", "1", "--to", "ML NPC"], 0);
    assert_eq!(created["complete"], false);
    let codes: Vec<&str> = created["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"no-legal-basis") && codes.contains(&"no-intended-use"));

    let (_, err) = env.run(&["trace", "new", "1", "--to", "ML NPC", "--strict"], 2);
    assert!(err.contains("nothing was created (--strict)"), "{err}");
    let refused = env.json(&["trace", "new", "1", "--to", "ML NPC", "--strict"], 2);
    assert_eq!(refused["complete"], false);
    assert_eq!(refused["findings"][0]["code"], "no-illicit-nature");
    assert_eq!(env.json(&["trace", "list"], 0).as_array().unwrap().len(), 2);

    // The warnings come again when the request is signed.
    let (_, err) = env.run(&["trace", "export", "2"], 0);
    assert!(err.contains("no legal basis given"), "{err}");
}

#[test]
fn bad_inputs_get_clear_errors_and_exit_codes() {
    let peers = Peers::new();
    let env = &peers.station;
    let item = peers.rifle(false);
    let item = item.to_string();
    let (_, err) = env.run(&["trace", "new", "9", "--to", "ML NPC"], 2);
    assert!(err.contains("no item '9'"), "{err}");
    let (_, err) = env.run(&["trace", "new", &item, "--to", "Interpol"], 2);
    assert!(err.contains("no trusted peer named 'Interpol'"), "{err}");
    let (_, err) = env.run(&["trace", "new", &item, &item, "--to", "ML NPC"], 2);
    assert!(err.contains("named twice"), "{err}");
    let (_, err) = env.run(&["trace", "export", "1"], 2);
    assert!(err.contains("no trace request '1'"), "{err}");

    peers.request(item.parse().unwrap(), &[]);
    let (_, err) = env.run(&["trace", "qr", "1"], 2);
    assert!(err.contains("not signed yet"), "{err}");
    let out = env
        .cmd(&["trace", "export", "1"])
        .env("FIELDTRACE_PASSPHRASE", "not the passphrase")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong passphrase"), "{err}");
    let out = env
        .cmd(&["trace", "export", "1", "--no-input"])
        .env_remove("FIELDTRACE_PASSPHRASE")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("set FIELDTRACE_PASSPHRASE"), "{err}");
    assert_eq!(env.json(&["trace", "show", "1"], 0)["status"], "draft");

    let (_, err) = env.run(&["trace", "export", "1", "--encrypt-to", "Interpol"], 2);
    assert!(err.contains("no trusted peer named 'Interpol'"), "{err}");
    let no_keys = TestEnv::new();
    no_keys.init();
    let (_, err) = no_keys.run(&["keys", "show"], 2);
    assert!(err.contains("run `fieldtrace keys init`"), "{err}");
}

#[test]
fn a_sent_packet_is_never_changed() {
    let peers = Peers::new();
    let item = peers.rifle(true);
    peers.request(item, &[]);
    let first = peers
        .station
        .json(&["trace", "export", "1", "--photos", "full"], 0);
    let again = peers
        .station
        .json(&["trace", "export", "1", "--photos", "full"], 0);
    assert_eq!(first["manifest_sha256"], again["manifest_sha256"]);
    let (_, err) = peers
        .station
        .run(&["trace", "export", "1", "--photos", "none"], 2);
    assert!(err.contains("a sent packet is never changed"), "{err}");
    // A second request gets its own packet id and the next seq.
    let second = peers.request(item, &[]);
    assert_eq!(second["seq"], 2);
}

#[test]
fn keys_are_made_once_trusted_listed_and_revoked_and_secrets_never_shown() {
    let peers = Peers::new();
    let env = &peers.station;
    let (_, err) = env.run(&["keys", "init"], 2);
    assert!(err.contains("already has keys"), "{err}");
    let fresh = TestEnv::new();
    let out = fresh
        .cmd(&["keys", "init", "--no-input"])
        .env_remove("FIELDTRACE_PASSPHRASE")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIELDTRACE_PASSPHRASE"));

    let shown = env.json(&["keys", "show"], 0);
    assert_eq!(shown["key_id"].as_str().unwrap().len(), 16);
    assert!(shown["age"].as_str().unwrap().starts_with("age1"));
    let (exported, _) = env.run(&["keys", "export"], 0);
    assert!(exported.starts_with("untrusted comment: minisign public key: "));
    for args in [
        vec!["keys", "show"],
        vec!["keys", "export"],
        vec!["keys", "list"],
    ] {
        let (out, err) = env.run(&args, 0);
        assert!(!out.contains("SECRET") && !err.contains("SECRET"));
        assert!(!out.contains(crate::common::PASSPHRASE));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["signing.key", "identity.age"] {
            let path = env.home.path().join("keys").join(name);
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }

    let peers_now = env.json(&["keys", "list"], 0);
    assert_eq!(peers_now[0]["name"], "ML NPC");
    assert_eq!(peers_now[0]["revoked"], false);
    let npc_pub = env.home.path().join("npc.pub");
    let npc_pub = npc_pub.to_str().unwrap();
    let (_, err) = env.run(&["keys", "trust", npc_pub, "--name", "ML NPC"], 2);
    assert!(err.contains("already trusted"), "{err}");
    let junk = env.write("junk.pub", "not a key\n");
    env.run(&["keys", "trust", &junk, "--name", "Junk"], 2);
    let (_, err) = env.run(&["keys", "revoke", "Nobody"], 2);
    assert!(err.contains("no trusted peer named 'Nobody'"), "{err}");
    env.run(&["keys", "revoke", "ML NPC"], 0);
    assert_eq!(env.json(&["keys", "list"], 0)[0]["revoked"], true);
    let item = peers.rifle(false).to_string();
    let (_, err) = env.run(&["trace", "new", &item, "--to", "ML NPC"], 2);
    assert!(err.contains("revoked"), "{err}");
}
