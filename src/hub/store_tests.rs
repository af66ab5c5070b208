//! The same test functions against both engines: SQLite always, PostgreSQL when
//! `FIELDTRACE_TEST_PG` gives a server (`.ci/run` starts one; under `CI=true` its absence
//! fails the PostgreSQL tests rather than skipping them). Each PostgreSQL test gets a schema of
//! its own.

use super::store::{PacketRow, Put, QuarantineRow, StationRow};
use super::{DbUrl, HubStore};

pub const PG_ENV: &str = "FIELDTRACE_TEST_PG";

/// A fresh store on SQLite, in a temporary directory kept alive beside it.
fn sqlite() -> Option<(HubStore, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().ok()?;
    let store = HubStore::open(
        &DbUrl::Sqlite(dir.path().join("hub.sqlite3")),
        "2026-11-25T12:00:00Z",
    )
    .ok()?;
    Some((store, Some(dir)))
}

/// A PostgreSQL URL with a schema of its own (created), or `None` with a note.
pub fn pg_url() -> Option<String> {
    let Ok(base) = std::env::var(PG_ENV) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{PG_ENV} is not set under CI=true: .ci/run starts PostgreSQL and sets it"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("note: {PG_ENV} is not set; the PostgreSQL test is skipped");
        }
        return None;
    };
    let url = super::backend::with_fresh_schema(&base);
    assert!(url.is_ok(), "{url:?}");
    url.ok()
}

fn postgres() -> Option<(HubStore, Option<tempfile::TempDir>)> {
    let url = pg_url()?;
    let store = HubStore::open(&DbUrl::Postgres(url), "2026-11-25T12:00:00Z");
    assert!(store.is_ok(), "{store:?}");
    Some((store.ok()?, None))
}

macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(#[test] fn $name() {
                let (store, _dir) = super::sqlite().unwrap_or_else(|| panic!("no SQLite store"));
                super::$name(&store);
            })*
        }
        mod on_postgres {
            $(#[test] fn $name() {
                if let Some((store, _)) = super::postgres() {
                    super::$name(&store);
                }
            })*
        }
    };
}

on_both_engines!(
    migrations_run_once_and_record_the_version,
    stations_enroll_once_and_stay_revoked,
    nonces_are_spent_once,
    a_packet_is_stored_once_and_its_bytes_once,
    refusals_are_kept_once_with_their_reason,
    the_mailbox_gives_each_station_its_own_until_taken,
);

fn station(name: &str, key: &str) -> StationRow {
    StationRow {
        key_id: key.into(),
        name: name.into(),
        public_key: "RWQ...".into(),
        enrolled_at: "2026-11-25T12:00:00Z".into(),
        revoked_at: None,
    }
}

fn migrations_run_once_and_record_the_version(store: &HubStore) {
    let again = store.migrate("2026-11-25T12:00:01Z");
    assert_eq!(again.ok(), Some(2));
    assert_eq!(store.counts().ok().map(|c| c.stations), Some(0));
}

fn stations_enroll_once_and_stay_revoked(store: &HubStore) {
    let post = station("Post 3", "C8A1F7B2D40E9A13");
    assert_eq!(store.enroll(&post).ok(), Some(post.clone()));
    assert_eq!(
        store.enroll(&post).ok(),
        Some(post.clone()),
        "the same again"
    );
    assert!(
        store
            .enroll(&station("Post 4", "C8A1F7B2D40E9A13"))
            .is_err()
    );
    assert!(
        store
            .enroll(&station("Post 3", "0000000000000001"))
            .is_err()
    );
    let revoked = store.revoke("Post 3", "2026-11-26T08:00:00Z");
    assert_eq!(
        revoked.ok().and_then(|s| s.revoked_at),
        Some("2026-11-26T08:00:00Z".into())
    );
    let err = store
        .enroll(&post)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("revoked"), "{err}");
    assert!(store.revoke("Post 9", "2026-11-26T08:00:00Z").is_err());
    let listed = store.stations().unwrap_or_default();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].revoked_at.is_some());
}

fn nonces_are_spent_once(store: &HubStore) {
    let spend = |nonce: &str, at: &str| {
        store
            .use_nonce("K", nonce, at, "2026-11-25T11:50:00Z")
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert!(spend("n1", "2026-11-25T12:00:00Z"));
    assert!(!spend("n1", "2026-11-25T12:00:01Z"));
    assert!(spend("n2", "2026-11-25T12:00:01Z"));
    assert!(
        store
            .use_nonce("other", "n1", "2026-11-25T12:00:01Z", "x")
            .unwrap_or(false)
    );
}

fn a_packet_is_stored_once_and_its_bytes_once(store: &HubStore) {
    let _ = store.enroll(&station("Post 3", "K"));
    let bytes = b"a packet".to_vec();
    let row = PacketRow {
        packet_id: "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b".into(),
        station_key_id: "K".into(),
        kind: "trace-request".into(),
        sha256: crate::fs::sha256_hex(&bytes),
        result: "stored".into(),
        received_at: "2026-11-25T12:00:00Z".into(),
    };
    assert_eq!(store.put_packet(&row, &bytes).ok(), Some(Put::Stored));
    assert_eq!(store.put_packet(&row, &bytes).ok(), Some(Put::Duplicate));
    let mut other = row.clone();
    other.sha256 = crate::fs::sha256_hex(b"other");
    assert_eq!(store.put_packet(&other, b"other").ok(), Some(Put::Conflict));
    assert_eq!(
        store.packet(&row.packet_id).ok().flatten(),
        Some(row.clone())
    );
    assert_eq!(store.blob(&row.sha256).ok().flatten(), Some(bytes));
    let counts = store.counts().unwrap_or_default();
    assert_eq!((counts.packets, counts.blobs), (1, 1));
    assert_eq!(store.check_integrity().ok(), Some(vec![]));
}

fn refusals_are_kept_once_with_their_reason(store: &HubStore) {
    let row = QuarantineRow {
        station_key_id: "K".into(),
        packet_id: None,
        sha256: crate::fs::sha256_hex(b"forged"),
        reason: "bad-signature".into(),
        detail: "the signature does not verify".into(),
        at: "2026-11-25T12:00:00Z".into(),
    };
    assert!(store.quarantine(&row, b"forged").is_ok());
    assert!(store.quarantine(&row, b"forged").is_ok());
    assert_eq!(store.quarantined().unwrap_or_default(), vec![row]);
    assert_eq!(store.counts().map(|c| c.packets).ok(), Some(0));
}

fn the_mailbox_gives_each_station_its_own_until_taken(store: &HubStore) {
    let id = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";
    let at = "2026-11-25T12:00:00Z";
    assert_eq!(
        store.mail(id, "A", "acknowledgement", b"ack", at).ok(),
        Some(true)
    );
    assert_eq!(store.mailbox("A").map(|m| m.len()).ok(), Some(1));
    assert_eq!(store.mailbox("B").map(|m| m.len()).ok(), Some(0));
    assert!(store.mail_item("B", id).ok().flatten().is_none(), "not B's");
    let (mail, bytes) = store
        .mail_item("A", id)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("A's packet"));
    assert_eq!(
        (mail.kind.as_str(), bytes.as_slice()),
        ("acknowledgement", &b"ack"[..])
    );
    assert_eq!(store.delivered("B", id, at).ok(), Some(false));
    assert_eq!(store.delivered("A", id, at).ok(), Some(true));
    assert_eq!(store.mailbox("A").map(|m| m.len()).ok(), Some(0));
    // Mailed again (the NPC re-queued it): it waits again.
    assert!(store.mail(id, "A", "acknowledgement", b"ack", at).is_ok());
    assert_eq!(store.mailbox("A").map(|m| m.len()).ok(), Some(1));
    assert_eq!(store.check_integrity().ok(), Some(vec![]));
}
