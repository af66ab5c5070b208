//! Inbox benchmark (DESIGN.md, "Performance budgets": verify + import of 10,000 packets from a
//! folder in under 30 s on the 2-core machine).
//!
//!   cargo bench --bench inbox -- [PACKETS]     # default 10000
//!
//! Builds PACKETS one-weapon trace requests with the library, signed by a generated key that the
//! receiving station trusts, then times the real binary: `inbox import DIR` twice into one home
//! (the second run finds only duplicates) and `sync --to` a copy of the folder twice into
//! another. Each home must hold exactly PACKETS received packets at the end.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    // It builds packets from another station, with that station's clock and ids.
    clippy::disallowed_methods
)]

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use fieldtrace::packet::{self, Kind, Manifest, Recipient, SigningKey, Station};
use rayon::prelude::*;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_fieldtrace");
const PASSPHRASE: &str = "bench passphrase";

fn fieldtrace(home: &Path, args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .arg("--home")
        .arg(home)
        .args(args)
        .arg("--json")
        .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
        .env_remove("FIELDTRACE_HOME")
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 3),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

fn receiving_station(dir: &Path, sender: &SigningKey) -> (std::path::PathBuf, packet::KeyId) {
    let home = dir.to_path_buf();
    for args in [
        &[
            "init",
            "--name",
            "ML NPC",
            "--unit",
            "CNLPAL",
            "--officer",
            "N. Keita",
        ][..],
        &["keys", "init", "--no-input"][..],
    ] {
        fieldtrace(&home, args);
    }
    let pub_file = dir.join("sender.pub");
    std::fs::write(
        &pub_file,
        packet::sign::public_key_file(sender.public_key()).unwrap(),
    )
    .unwrap();
    fieldtrace(
        &home,
        &[
            "keys",
            "trust",
            pub_file.to_str().unwrap(),
            "--name",
            "Post 3",
        ],
    );
    let key_id = fieldtrace(&home, &["keys", "show"])["key_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    (home, key_id)
}

fn stored(home: &Path) -> i64 {
    rusqlite::Connection::open(home.join("register.sqlite3"))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM inbox", [], |r| r.get(0))
        .unwrap()
}

fn timed(home: &Path, args: &[&str]) -> (f64, Value) {
    let start = Instant::now();
    let out = fieldtrace(home, args);
    (start.elapsed().as_secs_f64(), out)
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let work = tempfile::tempdir().unwrap();
    let sender = SigningKey::generate().unwrap();
    let (import_home, key_id) = receiving_station(&work.path().join("import-home"), &sender);
    let (sync_home, sync_key_id) = receiving_station(&work.path().join("sync-home"), &sender);
    let folder = work.path().join("packets");
    let stick = work.path().join("stick");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&stick).unwrap();

    let start = Instant::now();
    (0..count).into_par_iter().for_each(|i| {
        let body = json!({
            "illicit": "unlicensed, seized at a checkpoint", "legal": "Loi 04-050 art. 12",
            "use": "criminal case 2026/0412", "prio": "routine",
            "items": [{"type": "assault-rifle", "make": "Norinco", "model": "Type 56",
                       "cal": "7.62x39", "ctry": "CN", "sn": format!("56{i:05}"),
                       "sn_at": "receiver", "ev": "seized", "date": "2026-03-14",
                       "marks": [{"text": "66 in a triangle", "at": "receiver"}]}]
        });
        for (dir, to) in [(&folder, key_id), (&stick, sync_key_id)] {
            let manifest = Manifest::new(
                Kind::TraceRequest,
                uuid::Uuid::now_v7(),
                Station {
                    name: "Post 3".into(),
                    unit: "Customs Bamako".into(),
                    key_id: sender.key_id(),
                },
                i as u64 + 1,
                Recipient {
                    name: "ML NPC".into(),
                    key_id: to,
                },
                chrono::Utc::now(),
                body.clone(),
            );
            let signed = packet::build(&manifest, &[], &sender).unwrap();
            std::fs::write(dir.join(signed.file_name()), &signed.archive).unwrap();
        }
    });
    eprintln!(
        "built 2 x {count} packets in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    let dir = folder.to_str().unwrap();
    let (import_first, out) = timed(&import_home, &["inbox", "import", dir]);
    let first = import_first;
    println!(
        "inbox import, {count} new packets:      {first:6.1} s  ({:.0} packets/s; stored {}, {} incomplete or rejected acknowledgements aside)",
        count as f64 / first,
        out["stored"],
        out["rejected"]
    );
    let (second, out) = timed(&import_home, &["inbox", "import", dir]);
    println!(
        "inbox import, the same folder again:    {second:6.1} s  (duplicates {})",
        out["duplicate"]
    );
    println!("stored after two imports: {}", stored(&import_home));

    let dir = stick.to_str().unwrap();
    let (first, out) = timed(&sync_home, &["sync", "--to", dir]);
    println!(
        "sync, {count} new packets:              {first:6.1} s  (stored {}, acknowledgements copied {})",
        out["received"]["stored"], out["sent"]["copied"]
    );
    let (second, out) = timed(&sync_home, &["sync", "--to", dir]);
    println!(
        "sync, the same folder again:            {second:6.1} s  (stored {}, seen {})",
        out["received"]["stored"], out["received"]["seen"]
    );
    println!("stored after two syncs: {}", stored(&sync_home));
    let budget = if first.max(second) < 30.0 {
        "within"
    } else {
        "OVER"
    };
    println!("budget 30 s for {count} packets: {budget}");
}
