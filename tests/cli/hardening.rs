//! What an outside red team found (issue 18): the station refuses what it must not trust, and
//! says plainly what happened.

use crate::common::TestEnv;
use crate::tracing::Peers;

/// A request in the station's outbox to sign: `trace export 1` then needs the signing key.
fn request_to_sign(peers: &Peers) {
    let item = peers.rifle(false);
    peers.request(item, &[]);
}

#[test]
fn key_files_swapped_for_another_stations_are_refused_even_with_the_passphrase() {
    let peers = Peers::new();
    request_to_sign(&peers);
    // Someone puts another station's keys (same passphrase) in place of this station's.
    let intruder = TestEnv::new();
    intruder.run(&["keys", "init", "--no-input"], 0);
    for file in ["signing.key", "signing.pub", "identity.age", "identity.pub"] {
        std::fs::copy(
            intruder.home.path().join("keys").join(file),
            peers.station.home.path().join("keys").join(file),
        )
        .unwrap();
    }
    let (_, err) = peers.station.run(&["trace", "export", "1"], 4);
    assert!(err.contains("are not this station's"), "{err}");
    assert!(
        err.contains("hint: restore this station's own keys"),
        "{err}"
    );
    let outbox = std::fs::read_dir(peers.station.home.path().join("outbox"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(outbox, 0, "nothing was signed with the intruder's key");
}

#[test]
fn a_damaged_signing_key_is_not_called_a_wrong_passphrase() {
    let peers = Peers::new();
    request_to_sign(&peers);
    let path = peers.station.home.path().join("keys").join("signing.key");
    let text = std::fs::read_to_string(&path).unwrap();
    // The second line is the base64 secret key box; change one character in its encrypted part.
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let line = &mut lines[1];
    let at = line.len() - 20;
    let swapped = if &line[at..=at] == "A" { "B" } else { "A" };
    line.replace_range(at..=at, swapped);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (_, err) = peers.station.run(&["trace", "export", "1"], 1);
    assert!(err.contains("is damaged"), "{err}");
    assert!(!err.contains("wrong passphrase"), "{err}");
    assert!(err.contains("hint: restore"), "{err}");
    // A wrong passphrase is still called that.
    let out = peers
        .station
        .cmd(&["trace", "export", "1"])
        .env("FIELDTRACE_PASSPHRASE", "not the passphrase")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong passphrase"));
}

fn count(env: &TestEnv, sql: &str) -> i64 {
    env.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn one_acknowledgement_per_packet_sent_by_sync_and_sent_again_on_a_reimport() {
    let peers = Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    request_to_sign(&peers);
    let exported = station.json(&["trace", "export", "1"], 0);
    let copy = peers.carry(&exported);
    for _ in 0..4 {
        npc.json(&["inbox", "import", &copy], 0);
    }
    let acks = "SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement'";
    assert_eq!(count(npc, acks), 1, "four imports, one acknowledgement");

    // `sync` takes it out, once; then it has left the outbox.
    let stick = tempfile::tempdir().unwrap();
    let stick_path = stick.path().to_str().unwrap();
    let out = npc.json(&["sync", "--to", stick_path], 0);
    assert_eq!(out["sent"]["copied"], 1, "{out}");
    let waiting =
        "SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement' AND state = 'pending'";
    assert_eq!(count(npc, waiting), 0);
    let out = npc.json(&["sync", "--to", stick_path], 0);
    assert_eq!(out["sent"]["copied"], 0, "{out}");
    assert_eq!(out["sent"]["already_there"], 0, "{out}");

    // The sender lost it: importing the packet again sends the same acknowledgement again.
    npc.json(&["inbox", "import", &copy], 0);
    assert_eq!(count(npc, acks), 1);
    let other = tempfile::tempdir().unwrap();
    let out = npc.json(&["sync", "--to", other.path().to_str().unwrap()], 0);
    assert_eq!(out["sent"]["copied"], 1, "{out}");
    let names = |dir: &std::path::Path| {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(stick.path()), names(other.path()));
}

#[test]
fn a_register_another_fieldtrace_is_writing_to_is_reported_in_words_with_exit_5() {
    let env = TestEnv::new();
    env.init();
    // Another process holds the write lock (a long `--strict` import) past the 10 s wait.
    let other = env.db();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (_, err) = env.run(
        &[
            "item",
            "add",
            "--date",
            "2026-03-14",
            "--event",
            "found",
            "--serial-status",
            "obliterated",
            "--no-input",
        ],
        5,
    );
    other.execute_batch("ROLLBACK").unwrap();
    assert!(
        err.contains("another fieldtrace is writing to this register"),
        "{err}"
    );
    assert!(err.contains("hint: wait for the other fieldtrace"), "{err}");
    assert_eq!(err.matches("database is locked").count(), 1, "{err}");
    // Once it is done, the same command goes through.
    env.add_item(&[
        "--date",
        "2026-03-14",
        "--event",
        "found",
        "--serial-status",
        "obliterated",
    ]);
}

const OBLITERATED: &[&str] = &[
    "item",
    "add",
    "--date",
    "2026-03-14",
    "--event",
    "found",
    "--serial-status",
    "obliterated",
];

#[test]
fn a_damaged_register_is_refused_for_writes_and_custody_verify_says_so_with_exit_4() {
    let env = TestEnv::new();
    env.init();
    env.add_item(&OBLITERATED[2..]);
    // One page of a table the next write does not touch is overwritten with garbage.
    let (page_size, root): (i64, i64) = {
        let db = env.db();
        let size = db.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        let root = db
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'quarantine'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (size, root)
    };
    let path = env.home.path().join("register.sqlite3");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = usize::try_from((root - 1) * page_size).unwrap();
    bytes[at..at + 64].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();

    let (_, err) = env.run(OBLITERATED, 4);
    assert!(
        err.contains("is damaged") && err.contains("nothing is written to it"),
        "{err}"
    );
    assert!(
        err.contains("hint: copy the whole home folder aside"),
        "{err}"
    );
    assert!(err.contains(".recover"), "{err}");
    let (_, err) = env.run(&["custody", "verify"], 4);
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing was written");
}

/// Makes a folder and its register read-only even for root (`chattr +i`), and undoes it.
struct WriteProtected(std::path::PathBuf);

impl WriteProtected {
    fn new(home: &std::path::Path) -> Option<WriteProtected> {
        let register = home.join("register.sqlite3");
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if root {
            std::process::Command::new("chattr")
                .arg("+i")
                .arg(&register)
                .arg(home)
                .status()
                .ok()?;
        } else {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                std::fs::set_permissions(&register, std::fs::Permissions::from_mode(0o444)).ok()?;
                std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o555)).ok()?;
            }
        }
        let guard = WriteProtected(home.to_path_buf());
        // Where nothing can make a folder read-only, the check cannot be made.
        if std::fs::write(home.join("probe"), b"x").is_ok() {
            return None;
        }
        Some(guard)
    }
}

impl Drop for WriteProtected {
    fn drop(&mut self) {
        let register = self.0.join("register.sqlite3");
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&register)
            .arg(&self.0)
            .status();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
            let _ = std::fs::set_permissions(&register, std::fs::Permissions::from_mode(0o600));
        }
    }
}

#[cfg(unix)]
#[test]
#[allow(clippy::print_stderr)]
fn a_write_protected_home_can_still_be_listed_shown_and_verified() {
    let env = TestEnv::new();
    env.init();
    let id = env.add_item(&OBLITERATED[2..]);
    env.run(
        &[
            "custody",
            &id.to_string(),
            "--action",
            "stored",
            "--place",
            "Store 1",
        ],
        0,
    );
    let Some(_protected) = WriteProtected::new(env.home.path()) else {
        eprintln!("note: cannot write-protect a folder here; skipping");
        return;
    };
    let listed = env.json(&["item", "list"], 0);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let shown = env.json(&["item", "show", &id.to_string()], 0);
    assert_eq!(shown["id"], id);
    let verified = env.json(&["custody", "verify"], 0);
    assert_eq!(verified["valid"], true, "{verified}");
    env.json(&["custody", "log", &id.to_string()], 0);
    env.json(&["report", "summary"], 0);
    // A write says plainly that it cannot.
    let out = env.cmd(OBLITERATED).assert().get_output().clone();
    assert!(!out.status.success());
}

#[cfg(unix)]
#[test]
fn a_new_home_its_register_and_its_packets_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let peers = Peers::new();
    request_to_sign(&peers);
    peers.station.json(&["trace", "export", "1"], 0);
    let fresh = peers.station.home.path().join("new-home");
    let mut cmd = assert_cmd::Command::cargo_bin("fieldtrace").unwrap();
    cmd.arg("--home")
        .arg(&fresh)
        .args(["init", "--name", "P", "--unit", "U", "--officer", "O"])
        .env("FIELDTRACE_NOW", crate::common::NOW)
        .assert()
        .success();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&fresh), 0o700, "a new home");
    assert_eq!(mode(&fresh.join("register.sqlite3")), 0o600);
    assert_eq!(mode(&fresh.join("config.toml")), 0o600);
    let outbox = peers.station.home.path().join("outbox");
    for entry in std::fs::read_dir(&outbox).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    assert_eq!(mode(&outbox), 0o700);
}

#[test]
fn temporary_files_an_interruption_left_are_cleaned_on_the_next_run_but_not_fresh_ones() {
    let peers = Peers::new();
    let station = &peers.station;
    request_to_sign(&peers);
    station.json(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    let home = station.home.path();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    let packet = "01a21293-b600-769a-9881-fb912fef65d5.ftpkt";
    let sha = "a".repeat(64);
    let left = |dir: &std::path::Path, name: &str, old: bool| {
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, b"half a file").unwrap();
        if old {
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        path
    };
    let stale = [
        left(&home.join("outbox"), &format!(".{packet}.Ab12Cd"), true),
        left(&home.join("inbox"), &format!(".{packet}.Ef34Gh"), true),
        left(&home.join("photos/aa"), &format!(".{sha}.jpg.Ij56Kl"), true),
        left(stick.path(), &format!(".{packet}.Mn78Op"), true),
    ];
    let kept = [
        // Another fieldtrace may be writing these right now.
        left(&home.join("outbox"), &format!(".{packet}.Qr90St"), false),
        left(stick.path(), &format!(".{packet}.Uv12Wx"), false),
        // Not ours.
        left(stick.path(), ".holiday.jpg.Yz34Ab", true),
        left(&home.join("photos/aa"), "notes.txt", true),
    ];
    station.json(&["sync", "--to", stick.path().to_str().unwrap()], 0);
    for path in &stale {
        assert!(!path.exists(), "{} is still there", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} was removed", path.display());
    }
}

#[test]
fn a_script_gives_the_passphrase_in_a_file_instead_of_the_environment() {
    let peers = Peers::new();
    request_to_sign(&peers);
    let station = &peers.station;
    let file = station.write(
        "passphrase.txt",
        &format!("{}\n", crate::common::PASSPHRASE),
    );
    station
        .cmd(&[
            "trace",
            "export",
            "1",
            "--no-input",
            "--passphrase-file",
            &file,
        ])
        .env_remove("FIELDTRACE_PASSPHRASE")
        .assert()
        .success();
    // A missing file is named.
    let (_, err) = station.run(
        &[
            "trace",
            "export",
            "1",
            "--passphrase-file",
            "/nonexistent/passphrase",
        ],
        1,
    );
    assert!(err.contains("/nonexistent/passphrase"), "{err}");
}
