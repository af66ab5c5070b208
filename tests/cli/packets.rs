//! Packets on the receiving side: the standard minisign, age, tar and sha256sum tools; QR frames
//! and scanned `ur:` text rebuilt into a packet; signers that are unknown or revoked.

use std::path::Path;
use std::process::Command;

use age::secrecy::ExposeSecret;
use serde_json::Value;

use crate::common::{PASSPHRASE, TestEnv};
use crate::tracing::Peers;

/// Whether a standard tool is installed; CI installs them (under `CI=true` a missing one fails
/// the test), elsewhere the check is skipped.
#[allow(clippy::print_stderr)]
pub(crate) fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("--help").output().is_ok();
    // CI installs the tools: there, a missing one fails the check instead of skipping it.
    if !found && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("`{name}` is not installed, and under CI=true the standard-tool checks must run");
    }
    if !found {
        eprintln!("note: `{name}` is not installed; skipping the standard-tool check");
    }
    found
}

fn run_tool(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} {args:?}: {said}");
    said
}

fn first_code(report: &Value) -> &str {
    report["errors"][0]["code"].as_str().unwrap()
}

/// A signed one-rifle request in the station's outbox; returns `trace export --json`.
fn exported(peers: &Peers, photo: bool, extra: &[&str]) -> Value {
    let item = peers.rifle(photo);
    peers.request(item, &[]);
    let mut args = vec!["trace", "export", "1"];
    args.extend_from_slice(extra);
    peers.station.json(&args, 0)
}

#[test]
fn an_npc_checks_a_packet_by_hand_with_tar_sha256sum_and_minisign() {
    if !tool("minisign") || !tool("tar") || !tool("sha256sum") || !tool("sh") {
        return;
    }
    let peers = Peers::new();
    let sent = exported(&peers, true, &[]);
    let copy = peers.carry(&sent);
    let dir = tempfile::tempdir().unwrap();
    run_tool(dir.path(), "tar", &["-xf", &copy]);
    std::fs::copy(
        peers.npc.home.path().join("station.pub"),
        dir.path().join("station.pub"),
    )
    .unwrap();
    let said = run_tool(
        dir.path(),
        "minisign",
        &["-V", "-p", "station.pub", "-m", "manifest.json"],
    );
    let packet_id = sent["packet_id"].as_str().unwrap();
    assert!(
        said.contains(&format!("fieldtrace-packet/1 trace-request {packet_id}")),
        "{said}"
    );
    let said = run_tool(
        dir.path(),
        "sh",
        &[
            "-c",
            "cd attachments && for f in *; do echo \"$f  $f\"; done | sha256sum -c",
        ],
    );
    assert!(said.contains(": OK"), "{said}");
    let manifest = std::fs::read(dir.path().join("manifest.json")).unwrap();
    let sha = run_tool(dir.path(), "sha256sum", &["manifest.json"]);
    assert!(sha.starts_with(sent["manifest_sha256"].as_str().unwrap()));
    assert!(manifest.len() < 64 * 1024);
}

#[test]
fn an_encrypted_packet_opens_with_the_standard_age_tool_and_verifies() {
    let peers = Peers::new();
    let sent = exported(&peers, false, &["--encrypt-to", "ML NPC"]);
    let file = sent["file"].as_str().unwrap();
    assert!(file.ends_with(".ftpkt.age"), "{file}");
    assert_eq!(sent["encrypted_to"], "ML NPC");
    let copy = peers.carry(&sent);
    let report = peers.npc.json(&["packet", "verify", &copy], 0);
    assert_eq!(report["valid"], true, "{report}");
    // The station's own key is the archive key: its outbox stays readable to it.
    let report = peers.station.json(&["packet", "verify", file], 0);
    assert_eq!(report["valid"], true, "{report}");
    // Someone else's key does not open it.
    let stranger = TestEnv::new();
    stranger.run(&["keys", "init"], 0);
    let elsewhere = stranger.write_bytes("p.ftpkt.age", &std::fs::read(file).unwrap());
    let report = stranger.json(&["packet", "verify", &elsewhere], 4);
    assert_eq!(first_code(&report), "no-matching-identity");

    if !tool("age") {
        return;
    }
    // The NPC's own identity, unlocked with its passphrase, as `age -d identity.age` would.
    let identity = fieldtrace::keys::KeyStore::new(peers.npc.home.path().join("keys"))
        .unlock_identity(&fieldtrace::keys::SecretString::from(PASSPHRASE.to_owned()))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("npc-key.txt"),
        format!("{}\n", identity.to_string().expose_secret()),
    )
    .unwrap();
    std::fs::copy(&copy, dir.path().join("p.ftpkt.age")).unwrap();
    run_tool(
        dir.path(),
        "age",
        &["-d", "-i", "npc-key.txt", "-o", "p.ftpkt", "p.ftpkt.age"],
    );
    let plain = dir.path().join("p.ftpkt");
    let report = peers
        .npc
        .json(&["packet", "verify", plain.to_str().unwrap()], 0);
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["id"], sent["packet_id"]);
}

#[test]
fn qr_frames_and_scanned_text_rebuild_a_packet_that_verifies() {
    let peers = Peers::new();
    let sent = exported(&peers, true, &[]);
    let frames = peers.station.home.path().join("frames");
    let gif = peers.station.home.path().join("request.gif");
    let sheet = peers.station.home.path().join("sheet.txt");
    let shown = peers.station.json(
        &[
            "trace",
            "qr",
            "1",
            "--out",
            frames.to_str().unwrap(),
            "--gif",
            gif.to_str().unwrap(),
            "--sheet",
            sheet.to_str().unwrap(),
        ],
        0,
    );
    let fragments = shown["fragments"].as_u64().unwrap() as usize;
    let parts = shown["parts"].as_array().unwrap();
    assert_eq!(parts.len(), fragments + 2);
    assert!(
        parts[0]
            .as_str()
            .unwrap()
            .starts_with("UR:FIELDTRACE-PACKET/1-")
    );
    assert!(gif.exists());
    let (drawn, _) = peers.station.run(&["trace", "qr", "1", "--terminal"], 0);
    assert!(
        drawn.contains("Part 1 of") && drawn.contains('█'),
        "{drawn}"
    );
    let (printed, _) = peers.station.run(&["trace", "qr", "1"], 0);
    assert_eq!(printed.lines().count(), parts.len());

    // Frames in any order, one twice: the NPC rebuilds the packet without its photo.
    let mut images: Vec<String> = std::fs::read_dir(&frames)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".png"))
        .collect();
    assert_eq!(images.len(), parts.len());
    images.sort();
    images.reverse();
    images.push(images[1].clone());
    let rebuilt = peers.npc.home.path().join("rebuilt.ftpkt");
    let mut args = vec![
        "packet",
        "assemble",
        "-o",
        rebuilt.to_str().unwrap(),
        "--qr",
    ];
    args.extend(images.iter().map(String::as_str));
    let assembled = peers.npc.json(&args, 0);
    assert_eq!(assembled["verify"]["valid"], true, "{assembled}");
    assert_eq!(assembled["verify"]["attachments"]["expected"], 1);
    assert_eq!(assembled["verify"]["attachments"]["present"], 0);
    let rebuilt = rebuilt.to_str().unwrap();
    // The signed manifest alone: valid, its photo pending (it follows by file).
    let report = peers.npc.json(&["packet", "verify", rebuilt], 0);
    assert_eq!(report["attachments"]["pending"], 1, "{report}");
    let report = peers
        .npc
        .json(&["packet", "verify", rebuilt, "--without-attachments"], 0);
    assert_eq!(report["id"], sent["packet_id"]);

    // The animated GIF carries every frame.
    let from_gif = peers.npc.home.path().join("from-gif.ftpkt");
    let assembled = peers.npc.json(
        &[
            "packet",
            "assemble",
            "--qr",
            gif.to_str().unwrap(),
            "-o",
            from_gif.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(assembled["verify"]["valid"], true, "{assembled}");

    // The printed sheet, typed back as a scanner would.
    let from_sheet = peers.npc.home.path().join("from-sheet.ftpkt");
    let text = std::fs::read_to_string(&sheet).unwrap();
    let scanned = peers.npc.write("scanned.txt", &text.to_lowercase());
    let assembled = peers.npc.json(
        &[
            "packet",
            "assemble",
            "--ur",
            &scanned,
            "-o",
            from_sheet.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(assembled["verify"]["valid"], true, "{assembled}");
    assert_eq!(
        std::fs::read(&from_sheet).unwrap(),
        std::fs::read(rebuilt).unwrap()
    );
}

#[test]
fn fountain_parts_finish_the_packet_with_some_missing_and_refuse_too_few() {
    let peers = Peers::new();
    exported(&peers, false, &["--photos", "none"]);
    let shown = peers
        .station
        .json(&["trace", "qr", "1", "--extra", "24"], 0);
    let fragments = shown["fragments"].as_u64().unwrap() as usize;
    let parts: Vec<&str> = shown["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    // Plain part 2 lost; the mixed ones, shuffled and one read twice, stand in for it.
    let mut scanned: Vec<&str> = parts.iter().copied().skip(fragments).collect();
    scanned.reverse();
    scanned.extend(
        parts
            .iter()
            .take(fragments)
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, p)| *p),
    );
    scanned.insert(0, "not a part at all");
    scanned.push(parts[0]);
    let file = peers.npc.write("scanned.txt", &scanned.join("\n"));
    let out = peers.npc.home.path().join("p.ftpkt");
    let out = out.to_str().unwrap();
    let assembled = peers
        .npc
        .json(&["packet", "assemble", "--ur", &file, "-o", out], 0);
    assert_eq!(assembled["verify"]["valid"], true, "{assembled}");
    assert_eq!(assembled["parts_ignored"], 1);

    let too_few = peers.npc.write("few.txt", parts[0]);
    let (_, err) = peers
        .npc
        .run(&["packet", "assemble", "--ur", &too_few, "-o", out], 1);
    assert!(err.contains("incomplete: 1 of"), "{err}");
    // The frames that gave nothing are named, so the officer knows which to scan again.
    let blank = peers.npc.home.path().join("blank.jpg");
    std::fs::write(&blank, fieldtrace::photo::synth::jpeg(320, 240)).unwrap();
    let blank = blank.to_str().unwrap();
    let (_, err) = peers
        .npc
        .run(&["packet", "assemble", "--qr", blank, "-o", out], 1);
    assert!(err.contains("incomplete: 0 of"), "{err}");
    assert!(
        err.contains(&format!("hint: {blank}: no QR code found")),
        "{err}"
    );
}

#[test]
fn packets_from_unknown_or_revoked_signers_and_for_others_are_refused() {
    let peers = Peers::new();
    let sent = exported(&peers, false, &[]);
    let bytes = std::fs::read(sent["file"].as_str().unwrap()).unwrap();

    // A station that never trusted the sender.
    let stranger = TestEnv::new();
    stranger.run(&["keys", "init"], 0);
    let copy = stranger.write_bytes("p.ftpkt", &bytes);
    let report = stranger.json(&["packet", "verify", &copy], 4);
    assert_eq!(first_code(&report), "unknown-key");
    assert_eq!(report["signer"]["trusted"], false);
    let (out, _) = stranger.run(&["packet", "verify", &copy], 4);
    assert!(out.contains("unknown-key"), "{out}");

    // Trusting the sender, it still is not the recipient.
    let station_pub = peers.npc.home.path().join("station.pub");
    let station_pub = station_pub.to_str().unwrap();
    stranger.run(&["keys", "trust", station_pub, "--name", "Post 3"], 0);
    let report = stranger.json(&["packet", "verify", &copy], 4);
    assert_eq!(first_code(&report), "wrong-recipient");

    // A third party with only the public key checks the signature, not the recipient.
    let auditor = TestEnv::new();
    let copy = auditor.write_bytes("p.ftpkt", &bytes);
    let report = auditor.json(&["packet", "verify", &copy, "--pubkey", station_pub], 0);
    assert_eq!(report["valid"], true, "{report}");

    // Once the NPC revokes the station's key, its packets are refused.
    let copy = peers.carry(&sent);
    peers.npc.json(&["packet", "verify", &copy], 0);
    peers.npc.run(&["keys", "revoke", "Post 3"], 0);
    let report = peers.npc.json(&["packet", "verify", &copy], 4);
    assert_eq!(first_code(&report), "revoked-key");
    let report = peers
        .npc
        .json(&["packet", "verify", &copy, "--pubkey", station_pub], 4);
    assert_eq!(first_code(&report), "revoked-key");
}

/// DESIGN budget: a one-weapon request without photos is at most 1,000 bytes signed and fits
/// four QR frames (docs/trace-requests.md has the measured sizes).
#[test]
fn a_one_weapon_request_without_photos_fits_the_size_budget() {
    let peers = Peers::new();
    let sent = exported(&peers, false, &["--photos", "none"]);
    let sizes = &sent["sizes"];
    assert!(sizes["body"].as_u64().unwrap() <= 520, "{sizes}");
    assert!(sizes["manifest"].as_u64().unwrap() <= 1000, "{sizes}");
    let shown = peers.station.json(&["trace", "qr", "1", "--extra", "0"], 0);
    assert!(shown["fragments"].as_u64().unwrap() <= 4, "{shown}");
}

#[test]
fn escape_sequences_from_a_packet_or_the_register_are_shown_not_obeyed() {
    // A station name that would clear the screen, set the window title and paint a green
    // "VALID" on the reader's terminal.
    let hostile = "Post \x1b[2J\x1b]0;owned\x07\x1b[32mVALID (trusted)\x1b[0m";
    let station = TestEnv::new();
    station.run(
        &["init", "--name", hostile, "--unit", "U", "--officer", "O"],
        0,
    );
    station.run(&["keys", "init", "--no-input"], 0);
    let item = station.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "seized",
        "--type",
        "assault-rifle",
        "--serial",
        "5601234",
        "--location",
        "Gao \x1b[2J\x1b]0;owned\x07",
    ]);
    let (shown, _) = station.run(&["item", "show", &item.to_string()], 0);
    let (listed, _) = station.run(&["item", "list"], 0);
    let (_, warned) = station.run(&["decode", "\x1b[2J"], 1);
    let stranger = TestEnv::new();
    let (npc_pub, _) = {
        stranger.run(&["keys", "init", "--no-input"], 0);
        stranger.run(&["keys", "export"], 0)
    };
    let npc_pub = station.write("npc.pub", &npc_pub);
    station.run(&["keys", "trust", &npc_pub, "--name", "NPC"], 0);
    station.json(
        &[
            "trace",
            "new",
            &item.to_string(),
            "--to",
            "NPC",
            "--illicit-basis",
            "seized",
            "--legal-basis",
            "law",
            "--intended-use",
            "case",
        ],
        0,
    );
    let sent = station.json(&["trace", "export", "1"], 0);
    let copy = stranger.write_bytes(
        "p.ftpkt",
        &std::fs::read(sent["file"].as_str().unwrap()).unwrap(),
    );
    let out = stranger.cmd(&["packet", "verify", &copy]).output().unwrap();
    let verified =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    for said in [&shown, &listed, &warned, &verified] {
        assert!(
            !said.contains('\x1b') && !said.contains('\x07'),
            "raw control characters reached the terminal: {said:?}"
        );
    }
    assert!(shown.contains("Gao \\x1b[2J"), "{shown}");
    assert!(verified.contains("\\x1b[32mVALID"), "{verified}");
}

#[test]
fn a_key_card_carries_both_keys_signed_and_is_trusted_in_one_step() {
    let station = TestEnv::new();
    station.init();
    station.run(&["keys", "init", "--no-input"], 0);
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
    npc.run(&["keys", "init", "--no-input"], 0);
    let card = station.home.path().join("station.ftkey");
    let card = card.to_str().unwrap();
    let written = station.json(&["keys", "export", "--out", card], 0);
    let own = station.json(&["keys", "show"], 0);
    assert_eq!(written["key_id"], own["key_id"]);
    let fingerprint = written["fingerprint"].as_str().unwrap().to_owned();
    assert_eq!(fingerprint.split(' ').count(), 8, "{fingerprint}");
    let (said, _) = station.run(&["keys", "export", "--out", card], 0);
    assert!(said.contains(&fingerprint), "{said}");

    let carried = npc.write_bytes("station.ftkey", &std::fs::read(card).unwrap());
    let (shown, _) = npc.run(&["keys", "trust", &carried], 0);
    assert!(
        shown.contains(&format!("key id {}", own["key_id"].as_str().unwrap()))
            && shown.contains(&fingerprint)
            && shown.contains("Customs Bamako"),
        "{shown}"
    );
    let peers = npc.json(&["keys", "list"], 0);
    assert_eq!(peers[0]["name"], "Post 3", "the card's own name");
    assert_eq!(peers[0]["age"], own["age"], "the age key came with it");
    assert_eq!(peers[0]["minisign"], own["minisign"]);

    // A card altered on the way is refused, naming the file.
    let text = std::fs::read_to_string(card).unwrap();
    let other = TestEnv::new();
    other.run(&["keys", "init", "--no-input"], 0);
    let swapped = text.replace(
        own["age"].as_str().unwrap(),
        other.json(&["keys", "show"], 0)["age"].as_str().unwrap(),
    );
    let swapped = other.write("swapped.ftkey", &swapped);
    let (_, err) = other.run(&["keys", "trust", &swapped], 2);
    assert!(
        err.contains("swapped.ftkey") && err.contains("signature"),
        "{err}"
    );
    let renamed = other.write("renamed.ftkey", &text.replace("Post 3", "Post 9"));
    other.run(&["keys", "trust", &renamed], 2);
    assert_eq!(other.json(&["keys", "list"], 0), serde_json::json!([]));
}

#[test]
fn a_forged_or_over_limit_part_neither_blocks_nor_aborts_the_real_packet() {
    use fieldtrace::qr::{encode_parts, payload::MAX_PAYLOAD_BYTES};
    let peers = Peers::new();
    exported(&peers, false, &["--photos", "none"]);
    let shown = peers.station.json(&["trace", "qr", "1"], 0);
    let real: Vec<String> = shown["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    // A whole message that is not a packet, the first part of another message, a part declaring
    // a message over the limit; then the real parts; then more of the same and noise.
    let forged = encode_parts(b"not a packet at all", 1).unwrap();
    let stray = encode_parts(&[7u8; 600], 1).unwrap();
    let huge = encode_parts(&vec![0u8; MAX_PAYLOAD_BYTES + 1], 1).unwrap();
    let mut scanned = vec![forged[0].clone(), stray[0].clone(), huge[0].clone()];
    scanned.extend(real.iter().cloned());
    scanned.extend([huge[0].clone(), "UR:FIELDTRACE-PACKET/9-9/NOISE".to_owned()]);
    let file = peers.npc.write("scanned.txt", &scanned.join("\n"));
    let out = peers.npc.home.path().join("p.ftpkt");
    let out = out.to_str().unwrap();
    let assembled = peers
        .npc
        .json(&["packet", "assemble", "--ur", &file, "-o", out], 0);
    assert_eq!(assembled["verify"]["valid"], true, "{assembled}");
    // Reading stops at the last plain fragment: the two extra mixed parts and what follows are
    // not needed.
    let fragments = shown["fragments"].as_u64().unwrap();
    assert_eq!(assembled["parts_read"], 3 + fragments, "{assembled}");
    assert_eq!(
        assembled["parts_ignored"], 1,
        "only the over-limit part: {assembled}"
    );
    let report = peers
        .npc
        .json(&["packet", "verify", out, "--without-attachments"], 0);
    assert_eq!(report["valid"], true, "{report}");
}
