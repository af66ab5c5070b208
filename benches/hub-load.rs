//! Hub load benchmark (issue 14): STATIONS simulated stations each sync PACKETS packets at once
//! over loopback to `hub serve` on PostgreSQL; packets per second, p50/p99 latency of an
//! upload, peak RSS of the hub. Then the same on a fresh hub killed (SIGKILL) at KILLS random
//! moments and restarted: every packet stored exactly once, every station holding every
//! acknowledgement (each verified against the NPC's key and naming one of its packets), the
//! hub's integrity check and the NPC register's `PRAGMA integrity_check` clean.
//!
//!   eval "$(PGTEST_FSYNC=on tools/throwaway-postgres.sh start)"   # fsync on, as in service
//!   cargo bench --bench hub-load -- [STATIONS] [PACKETS] [KILLS]   # default 200 50 20
//!
//! `FIELDTRACE_BIN` runs another build of the binary as the hub (and for the set-up).
//!
//! Stations and packets are made in-process (keys generated, packets built with the library,
//! enrolled straight into the hub store and the NPC's trust list), since 200 passphrase-
//! protected homes by the CLI would spend minutes in scrypt. Each simulated station is a thread
//! with its own connection: it PUTs its packets one after another (retrying, with a new nonce,
//! whatever the link or a restarting hub refused), then takes its mailbox.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    // Stations of their own, with their own clocks and ids.
    clippy::disallowed_methods
)]

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fieldtrace::fs::sha256_hex;
use fieldtrace::hub::store::StationRow;
use fieldtrace::hub::{DbUrl, HubStore, auth, backend};
use fieldtrace::keys::{KeyStore, Peer};
use fieldtrace::packet::{
    self, KeyId, Kind, KnownSigner, Manifest, Recipient, SigningKey, Station,
};
use serde_json::{Value, json};

/// The binary the hub runs as: this build's, or `FIELDTRACE_BIN` (a release build measured by a
/// harness built for tests, say).
fn bin() -> String {
    std::env::var("FIELDTRACE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_fieldtrace").to_owned())
}
const PASSPHRASE: &str = "bench passphrase";
const NOW: &str = "2026-11-25T12:00:00Z";

fn fieldtrace(home: &Path, args: &[&str]) -> Value {
    let out = Command::new(bin())
        .arg("--home")
        .arg(home)
        .args(args)
        .arg("--json")
        .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
        .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
        .env_remove("FIELDTRACE_HOME")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

/// One simulated station: its key and its packets (id, bytes).
struct Sim {
    key: SigningKey,
    packets: Vec<(String, Vec<u8>)>,
}

struct Setup {
    _work: tempfile::TempDir,
    npc: std::path::PathBuf,
    npc_key: KeyId,
    npc_public: minisign::PublicKey,
    db: String,
    stations: Vec<Sim>,
}

fn setup(base_url: &str, stations: usize, packets: usize) -> Setup {
    let work = tempfile::tempdir().unwrap();
    let npc = work.path().join("npc");
    fieldtrace(
        &npc,
        &[
            "init",
            "--name",
            "ML NPC",
            "--unit",
            "CNLPAL",
            "--officer",
            "N. Keita",
        ],
    );
    fieldtrace(&npc, &["keys", "init", "--no-input"]);
    let shown = fieldtrace(&npc, &["keys", "show"]);
    let npc_key: KeyId = shown["key_id"].as_str().unwrap().parse().unwrap();
    let keys = KeyStore::new(npc.join("keys"));
    let npc_public = keys.public().unwrap().signing_public;
    let db = backend::with_fresh_schema(base_url).unwrap();
    fieldtrace(&npc, &["hub", "init", "--db", &db]);
    let store = HubStore::open(&DbUrl::Postgres(db.clone()), NOW).unwrap();
    let mut trust = keys.trust_list().unwrap();
    let sims: Vec<Sim> = (0..stations)
        .map(|s| {
            let key = SigningKey::generate().unwrap();
            let name = format!("Post {s:03}");
            let public = packet::sign::public_key_file(key.public_key()).unwrap();
            trust.add(Peer::new(&name, &public, None).unwrap()).unwrap();
            store
                .enroll(&StationRow {
                    key_id: key.key_id().to_string(),
                    name: name.clone(),
                    public_key: public,
                    enrolled_at: NOW.into(),
                    revoked_at: None,
                })
                .unwrap();
            let packets = (0..packets)
                .map(|p| {
                    let id = uuid::Uuid::now_v7();
                    let body = json!({"items": [{
                        "uuid": uuid::Uuid::now_v7().to_string(), "kind": "weapon",
                        "event": "seized", "event_date": "2026-03-14",
                        "location": format!("checkpoint {p}"), "lat": null, "lon": null,
                        "weapon_type": "assault-rifle", "model": "Type 56", "calibre": "7.62x39",
                        "country": "CN", "quantity": 1, "outcome": null}], "custody": []});
                    let manifest = Manifest::new(
                        Kind::SeizureReport,
                        id,
                        Station {
                            name: name.clone(),
                            unit: "unit".into(),
                            key_id: key.key_id(),
                        },
                        p as u64 + 1,
                        Recipient {
                            name: "ML NPC".into(),
                            key_id: npc_key,
                        },
                        chrono::Utc::now(),
                        body,
                    );
                    (
                        id.to_string(),
                        packet::build(&manifest, &[], &key).unwrap().archive,
                    )
                })
                .collect();
            Sim { key, packets }
        })
        .collect();
    keys.save_trust_list(&trust).unwrap();
    Setup {
        _work: work,
        npc,
        npc_key,
        npc_public,
        db,
        stations: sims,
    }
}

/// `hub serve` on PostgreSQL; returns it and the address it listens on.
fn serve(setup: &Setup, listen: &str) -> (Child, String) {
    start_hub(&setup.npc, &setup.db, listen)
        .unwrap_or_else(|said| panic!("hub serve stopped before listening: {said}"))
}

/// Starts `hub serve` and waits for its listening line: the hub and the address it listens on,
/// or what it said before it stopped.
fn start_hub(npc: &Path, db: &str, listen: &str) -> Result<(Child, String), String> {
    let mut child = Command::new(bin())
        .arg("--home")
        .arg(npc)
        .args(["hub", "serve", "--listen", listen, "--json", "--db", db])
        .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
        .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
        .env_remove("FIELDTRACE_HOME")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    while !said.ends_with("}\n") {
        if out.read_line(&mut said).unwrap_or(0) == 0 {
            let _ = child.wait();
            return Err(said);
        }
    }
    let ready: Value = serde_json::from_str(&said).unwrap();
    Ok((child, ready["listening"].as_str().unwrap().to_owned()))
}

/// The hub's peak resident memory so far, in KiB (Linux: VmHWM).
fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// One signed request; `None` when the link or a restarting hub failed it.
fn request(
    agent: &ureq::Agent,
    base: &str,
    key: &SigningKey,
    method: &str,
    path: &str,
    body: &[u8],
) -> Option<(u16, Vec<u8>)> {
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let time = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let signed = auth::sign(key, method, path, &sha256_hex(body), &time, &nonce).unwrap();
    let url = format!("{base}{path}");
    macro_rules! signed {
        ($b:expr) => {
            $b.header(auth::KEY_HEADER, &signed.key_id)
                .header(auth::TIME_HEADER, &signed.time)
                .header(auth::NONCE_HEADER, &signed.nonce)
                .header(auth::SIGNATURE_HEADER, &signed.signature)
        };
    }
    let response = match method {
        "PUT" => signed!(agent.put(&url)).send(body),
        "POST" => signed!(agent.post(&url)).send(body),
        _ => signed!(agent.get(&url)).call(),
    }
    .ok()?;
    let status = response.status().as_u16();
    let mut bytes = Vec::new();
    response
        .into_body()
        .into_reader()
        .read_to_end(&mut bytes)
        .ok()?;
    Some((status, bytes))
}

/// What one station did: upload latencies (ms), and the acknowledgements it holds.
struct Done {
    latencies: Vec<f64>,
    acks: Vec<Vec<u8>>,
    retries: u64,
}

fn station(base: &str, sim: &Sim, stop: &AtomicBool, stored: &AtomicU64) -> Done {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let mut done = Done {
        latencies: Vec::new(),
        acks: Vec::new(),
        retries: 0,
    };
    let retry = |done: &mut Done| {
        done.retries += 1;
        std::thread::sleep(Duration::from_millis(100));
    };
    for (id, bytes) in &sim.packets {
        loop {
            assert!(!stop.load(Ordering::Relaxed), "stopped");
            let started = Instant::now();
            let path = format!("/v1/packets/{id}");
            match request(&agent, base, &sim.key, "PUT", &path, bytes) {
                Some((201 | 200, _)) => {
                    done.latencies
                        .push(started.elapsed().as_secs_f64() * 1000.0);
                    stored.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Some((status, body)) if status < 500 => panic!(
                    "packet {id} refused: {status} {}",
                    String::from_utf8_lossy(&body)
                ),
                _ => retry(&mut done),
            }
        }
    }
    // Every acknowledgement, taken out of the mailbox only once held.
    let mut held = std::collections::BTreeSet::new();
    while held.len() < sim.packets.len() {
        assert!(!stop.load(Ordering::Relaxed), "stopped");
        let Some((200, list)) = request(&agent, base, &sim.key, "GET", "/v1/mailbox", &[]) else {
            retry(&mut done);
            continue;
        };
        let list: Vec<Value> = serde_json::from_slice(&list).unwrap();
        if list.is_empty() {
            retry(&mut done);
        }
        for waiting in list {
            let id = waiting["packet_id"].as_str().unwrap().to_owned();
            let path = format!("/v1/mailbox/{id}");
            let Some((200, bytes)) = request(&agent, base, &sim.key, "GET", &path, &[]) else {
                retry(&mut done);
                break;
            };
            assert_eq!(sha256_hex(&bytes), waiting["sha256"].as_str().unwrap());
            if held.insert(id.clone()) {
                done.acks.push(bytes);
            }
            let taken = format!("/v1/mailbox/{id}/taken");
            if !matches!(
                request(&agent, base, &sim.key, "POST", &taken, &[]),
                Some((200, _))
            ) {
                retry(&mut done);
                break;
            }
        }
    }
    done
}

struct Figures {
    seconds: f64,
    packets: usize,
    p50: f64,
    p99: f64,
    peak_rss_mib: f64,
    retries: u64,
    restarts: usize,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Runs every station at once against the hub; with `kills`, SIGKILLs and restarts it at that
/// many random moments of the upload, drawn as counts of packets stored so far (a moment drawn
/// in seconds may fall after the end when the machine is faster than in the clean run).
fn run(setup: &Setup, kills: usize) -> Figures {
    let (child, address) = serve(setup, "127.0.0.1:0");
    let base = format!("http://{address}");
    let hub = Arc::new(std::sync::Mutex::new(child));
    let peak = Arc::new(AtomicU64::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let stored = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    // The killer, and the watcher of the hub's memory.
    let killer = {
        let (hub, peak, finished, stored) =
            (hub.clone(), peak.clone(), finished.clone(), stored.clone());
        let total: usize = setup.stations.iter().map(|s| s.packets.len()).sum();
        let setup_npc = setup.npc.clone();
        let db = setup.db.clone();
        let address = address.clone();
        std::thread::spawn(move || {
            let mut moments: Vec<u64> = (0..kills).map(|_| fastrand(total.max(1) as u64)).collect();
            moments.sort_unstable();
            let mut restarts = 0;
            let mut next = moments.into_iter().peekable();
            while !finished.load(Ordering::Relaxed) {
                {
                    let child = hub.lock().unwrap();
                    let rss = peak_rss_kib(child.id());
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                if next
                    .peek()
                    .is_some_and(|&m| stored.load(Ordering::Relaxed) >= m)
                {
                    next.next();
                    let mut child = hub.lock().unwrap();
                    child.kill().unwrap();
                    child.wait().unwrap();
                    let (again, _) = serve_at(&setup_npc, &db, &address);
                    *child = again;
                    restarts += 1;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            restarts
        })
    };
    let done: Vec<Done> = std::thread::scope(|scope| {
        let handles: Vec<_> = setup
            .stations
            .iter()
            .map(|sim| {
                let (base, stop, stored) = (&base, &stop, &stored);
                scope.spawn(move || station(base, sim, stop, stored))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    finished.store(true, Ordering::Relaxed);
    let restarts = killer.join().unwrap();
    {
        let child = hub.lock().unwrap();
        peak.fetch_max(peak_rss_kib(child.id()), Ordering::Relaxed);
    }
    hub.lock().unwrap().kill().unwrap();
    let mut latencies: Vec<f64> = done.iter().flat_map(|d| d.latencies.clone()).collect();
    latencies.sort_by(f64::total_cmp);
    check(setup, &done);
    Figures {
        seconds,
        packets: latencies.len(),
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
        peak_rss_mib: peak.load(Ordering::Relaxed) as f64 / 1024.0,
        retries: done.iter().map(|d| d.retries).sum(),
        restarts,
    }
}

/// `hub serve` again on the same address, after a kill.
fn serve_at(npc: &Path, db: &str, address: &str) -> (Child, String) {
    for _ in 0..100 {
        if let Ok(hub) = start_hub(npc, db, address) {
            return hub;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the hub did not come back on {address}");
}

/// A number below `n` from the system's randomness (uuid v4), enough for kill moments.
fn fastrand(n: u64) -> u64 {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    u64::from_le_bytes(bytes[..8].try_into().unwrap()) % n
}

/// Every packet stored exactly once, every acknowledgement held, integrity clean.
fn check(setup: &Setup, done: &[Done]) {
    let expected: usize = setup.stations.iter().map(|s| s.packets.len()).sum();
    let store = HubStore::open(&DbUrl::Postgres(setup.db.clone()), NOW).unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(
        counts.packets as usize, expected,
        "packets stored in the hub"
    );
    let problems = store.check_integrity().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let register = rusqlite::Connection::open(setup.npc.join("register.sqlite3")).unwrap();
    let inbox: i64 = register
        .query_row("SELECT COUNT(DISTINCT packet_id) FROM inbox", [], |r| {
            r.get(0)
        })
        .unwrap();
    let rows: i64 = register
        .query_row("SELECT COUNT(*) FROM inbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (inbox as usize, rows as usize),
        (expected, expected),
        "NPC inbox"
    );
    let ok: String = register
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let national = store.national_summary("2026-01-01", "2026-12-31").unwrap();
    assert_eq!(national.items as usize, expected, "national register");
    let signers = [KnownSigner {
        name: "ML NPC".into(),
        public_key: setup.npc_public.clone(),
        revoked: false,
    }];
    for (sim, d) in setup.stations.iter().zip(done) {
        assert_eq!(d.acks.len(), sim.packets.len(), "acknowledgements held");
        let mut answered = std::collections::BTreeSet::new();
        for ack in &d.acks {
            let options = packet::VerifyOptions::new(&signers, Some(sim.key.key_id()));
            let report = packet::verify::verify(ack, &options);
            assert!(report.valid, "{:?}", report.errors);
            let manifest = report.manifest.unwrap();
            assert_eq!(manifest.station.key_id, setup.npc_key);
            answered.insert(manifest.body["packet"].as_str().unwrap().to_owned());
        }
        let sent: std::collections::BTreeSet<String> =
            sim.packets.iter().map(|(id, _)| id.clone()).collect();
        assert_eq!(answered, sent, "one acknowledgement for each packet");
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let stations = args.first().copied().unwrap_or(200);
    let packets = args.get(1).copied().unwrap_or(50);
    let kills = args.get(2).copied().unwrap_or(20);
    let Ok(base_url) = std::env::var("FIELDTRACE_TEST_PG") else {
        eprintln!(
            "FIELDTRACE_TEST_PG is not set: eval \"$(tools/throwaway-postgres.sh start)\" first"
        );
        std::process::exit(2);
    };
    println!("hub-load: {stations} stations x {packets} packets, PostgreSQL, loopback");
    let t = Instant::now();
    let clean = setup(&base_url, stations, packets);
    println!("  set up in {:.1} s", t.elapsed().as_secs_f64());
    let figures = run(&clean, 0);
    report("clean", &figures);
    let faulty = setup(&base_url, stations, packets);
    let figures = run(&faulty, kills);
    report(&format!("killed {kills} times"), &figures);
    println!(
        "  checked after each: {} packets stored once (hub and NPC inbox), every station holding one verified acknowledgement per packet, integrity clean",
        stations * packets
    );
}

fn report(what: &str, f: &Figures) {
    println!(
        "  {what}: {} packets in {:.1} s = {:.0} packets/s; upload p50 {:.1} ms, p99 {:.1} ms; hub peak RSS {:.1} MiB; {} retries, {} restarts",
        f.packets,
        f.seconds,
        f.packets as f64 / f.seconds,
        f.p50,
        f.p99,
        f.peak_rss_mib,
        f.retries,
        f.restarts
    );
}
