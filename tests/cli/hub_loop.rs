//! The folder journeys again, through `hub serve` over HTTP: a station and the NPC complete the
//! trace loop; hostile clients are refused with a reason and nothing stored. Each journey runs
//! on SQLite and on PostgreSQL (`FIELDTRACE_TEST_PG`, which `.ci/run` sets; without it the
//! PostgreSQL runs are skipped with a note, and fail under `CI=true`).

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use fieldtrace::hub::auth;
use fieldtrace::keys::{KeyStore, SecretString};
use fieldtrace::packet::{self, Kind, Manifest, Recipient, SigningKey, Station};
use serde_json::{Value, json};

use crate::common::{NOW, PASSPHRASE, TestEnv};
use crate::tracing::Peers;

/// Where the hub keeps its store in one run.
#[derive(Debug, Clone)]
pub enum Engine {
    Sqlite,
    Postgres(String),
}

pub const PG_ENV: &str = "FIELDTRACE_TEST_PG";

impl Engine {
    /// A PostgreSQL database of its own (a fresh schema), or `None` with a note.
    pub fn postgres() -> Option<Engine> {
        let Ok(base) = std::env::var(PG_ENV) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{PG_ENV} is not set under CI=true: .ci/run starts PostgreSQL and sets it"
            );
            #[allow(clippy::print_stderr)]
            {
                eprintln!("note: {PG_ENV} is not set; the PostgreSQL journey is skipped");
            }
            return None;
        };
        let url = fieldtrace::hub::backend::with_fresh_schema(&base).unwrap();
        Some(Engine::Postgres(url))
    }

    /// `--db URL` for PostgreSQL; nothing for the SQLite file under the home.
    pub fn args(&self) -> Vec<String> {
        match self {
            Engine::Sqlite => vec![],
            Engine::Postgres(url) => vec!["--db".into(), url.clone()],
        }
    }
}

/// Runs `$name(engine)` on SQLite, and on PostgreSQL when there is one.
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(#[test] fn $name() { super::$name(super::Engine::Sqlite); })*
        }
        mod on_postgres {
            $(#[test] fn $name() {
                if let Some(engine) = super::Engine::postgres() { super::$name(engine); }
            })*
        }
    };
}

on_both_engines!(
    a_request_is_acknowledged_answered_and_counted_through_the_hub,
    hostile_clients_are_refused_with_a_reason_and_nothing_is_stored,
);

/// `hub serve` as a child process, killed when dropped.
pub struct Served {
    child: Child,
    pub address: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }
}

/// `hub ARGS` on the NPC's home with the engine's `--db`.
fn hub(npc: &TestEnv, engine: &Engine, args: &[&str], code: i32) -> Value {
    let mut all = vec!["hub"];
    all.extend_from_slice(args);
    let db = engine.args();
    all.extend(db.iter().map(String::as_str));
    npc.json(&all, code)
}

/// Starts `hub serve` on a free port and waits until it listens.
pub fn serve(npc: &TestEnv, engine: &Engine, extra: &[&str]) -> Served {
    let mut cmd = Process::new(assert_cmd::cargo::cargo_bin("fieldtrace"));
    cmd.arg("--home")
        .arg(npc.home.path())
        .args(["hub", "serve", "--listen", "127.0.0.1:0", "--json"])
        .args(extra)
        .args(engine.args())
        .env("FIELDTRACE_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
        .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
        .env_remove("FIELDTRACE_HOME")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = cmd.spawn().unwrap();
    // The JSON it prints once listening, pretty-printed: read up to its closing brace.
    let mut said = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    while !said.ends_with("}\n") {
        if out.read_line(&mut said).unwrap() == 0 {
            break;
        }
    }
    let ready: Value = serde_json::from_str(&said)
        .unwrap_or_else(|e| panic!("hub serve did not say where it listens ({e}): {said:?}"));
    Served {
        child,
        address: ready["listening"].as_str().unwrap().to_owned(),
    }
}

/// A station enrolled at a hub, and the hub serving.
struct AtHub {
    peers: Peers,
    engine: Engine,
    served: Served,
}

fn enrolled(engine: Engine, extra: &[&str]) -> AtHub {
    let peers = Peers::one_way();
    let (station, npc) = (&peers.station, &peers.npc);
    let init = hub(npc, &engine, &["init"], 0);
    assert_eq!(init["schema_version"], 2);
    let (station_pub, _) = station.run(&["keys", "export"], 0);
    let station_pub = npc.write("station.pub", &station_pub);
    let enrolled = hub(
        npc,
        &engine,
        &["enroll", &station_pub, "--name", "Post 3"],
        0,
    );
    assert_eq!(enrolled["name"], "Post 3");
    // Enrolling trusts it too: its packets verify as from a folder.
    let trusted = npc.json(&["keys", "list"], 0);
    assert_eq!(trusted[0]["name"], "Post 3");
    let served = serve(npc, &engine, extra);
    AtHub {
        peers,
        engine,
        served,
    }
}

fn sync(env: &TestEnv, url: &str, code: i32) -> Value {
    env.json(&["sync", "--to", url], code)
}

fn count(env: &TestEnv, sql: &str) -> i64 {
    env.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn request_status(env: &TestEnv) -> String {
    env.json(&["trace", "list"], 0)[0]["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn a_request_is_acknowledged_answered_and_counted_through_the_hub(engine: Engine) {
    let at = enrolled(engine, &[]);
    let (station, npc, url) = (&at.peers.station, &at.peers.npc, at.served.url());
    let item = at.peers.rifle(false);
    at.peers.request(item, &[]);
    station.json(&["trace", "export", "1"], 0);

    // The hub answers at once: the request and the seizure report of the register go, their
    // acknowledgements come back in one run.
    let out = sync(station, &url, 0);
    assert_eq!(
        out["seizure_reports"].as_array().map(Vec::len),
        Some(1),
        "{out}"
    );
    assert_eq!(out["sent"]["copied"], 2, "{out}");
    assert_eq!(out["received"]["stored"], 2, "{out}");
    assert_eq!(request_status(station), "acknowledged");
    let received = npc.json(&["trace", "list", "--received"], 0);
    assert_eq!(received[0]["status"], "stored");
    assert_eq!(received[0]["items"], 1);

    // Again: nothing moves, and nothing changed to report.
    let out = sync(station, &url, 0);
    assert_eq!(out["sent"]["copied"], 0, "{out}");
    assert_eq!(out["sent"]["already_there"], 0, "{out}");
    assert_eq!(out["received"]["stored"], 0, "{out}");
    assert!(out.get("seizure_reports").is_none(), "{out}");
    let sdg = hub(
        npc,
        &at.engine,
        &words("report sdg --from 2026-01-01 --to 2026-12-31"),
        0,
    );
    assert_eq!(
        (sdg["recovered"].clone(), sdg["traced"].clone()),
        (json!(1), json!(0))
    );

    // Two months on, the request is overdue at the NPC.
    let listed = npc.json(&["hub", "trace", "list"], 0);
    assert_eq!(listed[0]["status"], "stored", "{listed}");
    assert!(listed[0].get("overdue_days").is_none(), "{listed}");
    assert_eq!(
        npc.json(&["hub", "trace", "list", "--overdue"], 0),
        json!([])
    );
    let late = npc
        .cmd(&["hub", "trace", "list", "--overdue", "--json"])
        .env("FIELDTRACE_NOW", "2027-02-01T12:00:00Z")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let late: Value = serde_json::from_slice(&late).unwrap();
    assert_eq!(late[0]["overdue_days"], 68, "{late}");

    // The NPC answers (`trace respond` in its home does the same); the hub mails it.
    let responded = npc.json(
        &words("hub trace respond 1 --outcome traced --note exported"),
        0,
    );
    assert_eq!(responded["outcome"], "traced");
    let out = sync(station, &url, 0);
    assert_eq!(out["received"]["stored"], 1, "{out}");
    // Its acknowledgement of the response leaves in the same run.
    assert_eq!(out["sent"]["copied"], 1, "{out}");
    assert_eq!(request_status(station), "answered");
    let sdg = station.json(&words("report sdg --from 2026-01-01 --to 2026-12-31"), 0);
    assert_eq!(
        (sdg["recovered"].clone(), sdg["traced"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(
        count(
            npc,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'trace-response' AND state = 'acknowledged'"
        ),
        1
    );
    // The next sync reports the item's outcome to the national register.
    let out = sync(station, &url, 0);
    assert_eq!(
        out["seizure_reports"].as_array().map(Vec::len),
        Some(1),
        "{out}"
    );
    assert_eq!(out["sent"]["copied"], 1, "{out}");
    assert_eq!(out["received"]["stored"], 1, "{out}");
    for _ in 0..2 {
        let out = sync(station, &url, 0);
        assert_eq!(out["sent"]["copied"], 0, "{out}");
        assert_eq!(out["received"]["stored"], 0, "{out}");
    }
    // At the NPC: the request, two reports, the acknowledgement of the response. At the
    // station: the acknowledgements of the request and the two reports, and the response.
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 4);
    assert_eq!(count(station, "SELECT COUNT(*) FROM inbox"), 4);
    let status = hub(npc, &at.engine, &["status"], 0);
    assert_eq!(status["integrity"], "clean", "{status}");
    assert_eq!(status["counts"]["packets"], 4, "{status}");
    assert_eq!(status["counts"]["mailbox"], 4, "{status}");
    assert_eq!(status["counts"]["mailbox_waiting"], 0, "{status}");
    assert_eq!(status["counts"]["quarantined"], 0, "{status}");
    assert_eq!(
        status["custody_events"],
        count(station, "SELECT COUNT(*) FROM custody")
    );

    let sdg = hub(
        npc,
        &at.engine,
        &words("report sdg --from 2026-01-01 --to 2026-12-31"),
        0,
    );
    assert_eq!(
        sdg,
        json!({"from": "2026-01-01", "to": "2026-12-31", "recovered": 1, "traced": 1,
               "proportion": 1.0, "by_station": {"Post 3": {"recovered": 1, "traced": 1}}})
    );
    let summary = hub(
        npc,
        &at.engine,
        &words("report summary --from 2026-01-01 --to 2026-12-31"),
        0,
    );
    assert_eq!(summary["items"], 1);
    assert_eq!(summary["by_type"], json!({"assault-rifle": 1}));
    assert_eq!(summary["by_country"], json!({"CN": 1}));
    assert_eq!(summary["by_place"], json!({"Gao checkpoint": 1}));
    assert_eq!(summary["by_month"], json!({"2026-03": 1}));
    let (text, _) = npc.run(
        &[
            "hub",
            "report",
            "sdg",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ]
        .iter()
        .copied()
        .chain(at.engine.args().iter().map(String::as_str))
        .collect::<Vec<_>>(),
        0,
    );
    assert!(
        text.contains("1 of 1 weapons recovered traced (100.0%)"),
        "{text}"
    );

    if let Engine::Postgres(url) = &at.engine {
        analysts_read_the_views_and_nothing_else(url);
    }
}

/// The read-only role of docs/hub.md: the views, and nothing else.
fn analysts_read_the_views_and_nothing_else(url: &str) {
    let mut db = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let role = format!("fieldtrace_read_{}", uuid::Uuid::now_v7().simple());
    let schema: String = db.query_one("SELECT current_schema()", &[]).unwrap().get(0);
    // As docs/hub.md gives it to the DBA (with this test's schema and role).
    db.batch_execute(&format!(
        "CREATE ROLE {role} NOLOGIN;
         GRANT USAGE ON SCHEMA {schema} TO {role};
         GRANT SELECT ON v_national_items, v_sdg_16_4_2, v_custody TO {role};"
    ))
    .unwrap();
    db.batch_execute(&format!("SET ROLE {role}")).unwrap();
    let row = db
        .query_one("SELECT year, recovered, traced FROM v_sdg_16_4_2", &[])
        .unwrap();
    assert_eq!(
        (
            row.get::<_, String>(0),
            row.get::<_, i64>(1),
            row.get::<_, i64>(2)
        ),
        ("2026".to_owned(), 1, 1)
    );
    let station: String = db
        .query_one("SELECT station FROM v_national_items", &[])
        .unwrap()
        .get(0);
    assert_eq!(station, "Post 3");
    for forbidden in [
        "SELECT * FROM national_items",
        "SELECT * FROM blobs",
        "DELETE FROM packets",
        "UPDATE stations SET revoked_at = NULL",
    ] {
        let err = db.batch_execute(forbidden).unwrap_err();
        assert_eq!(
            err.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{forbidden}: {err:?}"
        );
    }
    db.batch_execute("RESET ROLE").unwrap();
    db.batch_execute(&format!(
        "REVOKE ALL ON v_national_items, v_sdg_16_4_2, v_custody FROM {role};
         REVOKE ALL ON SCHEMA {schema} FROM {role}; DROP ROLE {role};"
    ))
    .unwrap();
}

/// A command line of single words.
pub fn words(line: &str) -> Vec<&str> {
    line.split(' ').collect()
}

fn signing_key(env: &TestEnv) -> SigningKey {
    KeyStore::new(env.home.path().join("keys"))
        .unlock_signing_key(&SecretString::from(PASSPHRASE))
        .unwrap()
}

fn key_id(env: &TestEnv) -> packet::KeyId {
    env.json(&["keys", "show"], 0)["key_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// A trace request signed by `key` for `to`, as a hostile or mistaken station could build.
fn packet_for(key: &SigningKey, to: packet::KeyId) -> (String, Vec<u8>) {
    let id = uuid::Uuid::now_v7();
    let manifest = Manifest::new(
        Kind::SeizureReport,
        id,
        Station {
            name: "Post 3".into(),
            unit: "unit".into(),
            key_id: key.key_id(),
        },
        900,
        Recipient {
            name: "ML NPC".into(),
            key_id: to,
        },
        chrono::DateTime::parse_from_rfc3339(NOW).unwrap().into(),
        json!({"items": []}),
    );
    (
        id.to_string(),
        packet::build(&manifest, &[], key).unwrap().archive,
    )
}

/// One raw HTTP/1.1 request; returns the status and the body.
fn raw(address: &str, head: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    // A hub that refused early may close before the body is all sent.
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The head of a request signed by `key`, claiming to be from `claimed` (its own key id unless
/// forged).
fn signed_head(
    key: &SigningKey,
    claimed: &str,
    method: &str,
    path: &str,
    body: &[u8],
    nonce: &str,
) -> String {
    let signed = auth::sign(
        key,
        method,
        path,
        &fieldtrace::fs::sha256_hex(body),
        NOW,
        nonce,
    )
    .unwrap();
    format!(
        "{method} {path} HTTP/1.1\r\nHost: hub\r\nConnection: close\r\nContent-Length: {}\r\n\
         {}: {claimed}\r\n{}: {}\r\n{}: {}\r\n{}: {}\r\n\r\n",
        body.len(),
        auth::KEY_HEADER,
        auth::TIME_HEADER,
        signed.time,
        auth::NONCE_HEADER,
        signed.nonce,
        auth::SIGNATURE_HEADER,
        signed.signature,
    )
}

fn reason(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .map(|v| v["reason"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|_| body.to_owned())
}

fn hostile_clients_are_refused_with_a_reason_and_nothing_is_stored(engine: Engine) {
    let at = enrolled(engine, &["--max-body", "200000", "--timeout", "2"]);
    let (station, npc, address) = (&at.peers.station, &at.peers.npc, &at.served.address);
    let key = signing_key(station);
    let own = key.key_id().to_string();
    let npc_key = key_id(npc);
    let stored = || hub(npc, &at.engine, &["status"], 0)["counts"]["packets"].clone();

    // A packet addressed to another NPC, in a request that is itself in order: the packet's
    // own checks refuse it, and the refusal is kept with its reason.
    let other_npc = SigningKey::generate().unwrap().key_id();
    let (id, bytes) = packet_for(&key, other_npc);
    let path = format!("/v1/packets/{id}");
    let head = signed_head(&key, &own, "PUT", &path, &bytes, "0123456789abcdef0001");
    let (status, body) = raw(address, &head, &bytes);
    assert_eq!(
        (status, reason(&body)),
        (422, "wrong-recipient".into()),
        "{body}"
    );
    let quarantined = hub(npc, &at.engine, &["quarantine"], 0);
    assert_eq!(quarantined[0]["reason"], "wrong-recipient");

    // The same request again, byte for byte: a replay.
    let (status, body) = raw(address, &head, &bytes);
    assert_eq!(
        (status, reason(&body)),
        (401, "replayed-request".into()),
        "{body}"
    );

    // A request signed by another key in the station's name.
    let (good_id, good) = packet_for(&key, npc_key);
    let good_path = format!("/v1/packets/{good_id}");
    let forger = SigningKey::generate().unwrap();
    let head = signed_head(
        &forger,
        &own,
        "PUT",
        &good_path,
        &good,
        "0123456789abcdef0002",
    );
    let (status, body) = raw(address, &head, &good);
    assert_eq!(
        (status, reason(&body)),
        (401, "bad-request-signature".into()),
        "{body}"
    );

    // A key that is not enrolled, signing for itself.
    let head = signed_head(
        &forger,
        &forger.key_id().to_string(),
        "PUT",
        &good_path,
        &good,
        "0123456789abcdef0003",
    );
    let (status, body) = raw(address, &head, &good);
    assert_eq!(
        (status, reason(&body)),
        (401, "unenrolled".into()),
        "{body}"
    );

    // An id that climbs out of the store.
    let sneaky = "/v1/packets/..%2F..%2F..%2Fetc%2Fpasswd";
    let head = signed_head(&key, &own, "PUT", sneaky, &good, "0123456789abcdef0004");
    let (status, body) = raw(address, &head, &good);
    assert_eq!((status, reason(&body)), (400, "bad-id".into()), "{body}");

    // A body over the cap: refused on its declared length, unread.
    let big = vec![b'x'; 300_000];
    let head = signed_head(&key, &own, "PUT", &good_path, &big, "0123456789abcdef0005");
    let (status, body) = raw(address, &head, b"");
    assert_eq!((status, reason(&body)), (413, "too-large".into()), "{body}");

    // A client that sends half its headers and waits is cut off after the timeout, and the
    // hub serves others meanwhile.
    let started = Instant::now();
    let mut slow = TcpStream::connect(address).unwrap();
    slow.write_all(b"PUT /v1/packets/x HTTP/1.1\r\nHost: hub\r\n")
        .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let (status, _) = raw(
        address,
        "GET /v1/health HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n",
        b"",
    );
    assert_eq!(status, 200);
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let held = started.elapsed();
    assert!(
        held < Duration::from_secs(10),
        "the slow client held its connection {held:?}"
    );
    assert!(!String::from_utf8_lossy(&rest).contains("201"), "{rest:?}");

    // None of that stored anything.
    assert_eq!(stored(), 0);
    assert_eq!(count(npc, "SELECT COUNT(*) FROM inbox"), 0);

    // The real station, then revoked: refused, and its packet not stored.
    let head = signed_head(&key, &own, "PUT", &good_path, &good, "0123456789abcdef0006");
    let (status, body) = raw(address, &head, &good);
    assert_eq!(status, 201, "{body}");
    assert_eq!(stored(), 1);
    hub(npc, &at.engine, &["revoke", "Post 3"], 0);
    let (late_id, late) = packet_for(&key, npc_key);
    let late_path = format!("/v1/packets/{late_id}");
    let head = signed_head(&key, &own, "PUT", &late_path, &late, "0123456789abcdef0007");
    let (status, body) = raw(address, &head, &late);
    assert_eq!((status, reason(&body)), (401, "revoked".into()), "{body}");
    let (_, stderr) = station.run(&["sync", "--to", &at.served.url()], 1);
    assert!(stderr.contains("revoked"), "{stderr}");
    assert_eq!(stored(), 1);
    let listed = hub(npc, &at.engine, &["stations"], 0);
    assert!(listed[0]["revoked_at"].is_string(), "{listed}");
}

#[test]
fn sync_to_a_hub_that_is_not_there_says_so() {
    let peers = Peers::new();
    // A port nothing listens on: bound, then released.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = free.local_addr().unwrap();
    drop(free);
    let item = peers.rifle(false);
    peers.request(item, &[]);
    peers.station.json(&["trace", "export", "1"], 0);
    let (_, stderr) = peers
        .station
        .run(&["sync", "--to", &format!("http://{address}")], 1);
    assert!(stderr.contains("cannot reach the hub"), "{stderr}");
    assert!(stderr.contains("hint: check the address"), "{stderr}");
    // Nothing was recorded as sent: the next sync sends it.
    assert_eq!(request_status(&peers.station), "exported");
}
