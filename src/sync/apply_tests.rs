//! The apply step, through the library: a station with keys in a temporary home receives
//! packet files; what lands in the inbox, the outbox and quarantine is checked in the register.

use std::path::Path;

use chrono::{TimeZone, Utc};
use serde_json::json;
use uuid::Uuid;

use super::{Exchange, Mode, ReceivedAs};
use crate::cli::Lang;
use crate::clock::Clock;
use crate::config::{self, Config};
use crate::context::Ctx;
use crate::keys::{KeyStore, Peer, SecretString};
use crate::packet::{self, Kind, Manifest, Recipient, SigningKey, Station};
use crate::refdata::RefData;
use crate::register::Station as Identity;
use crate::ui::Ui;

const PASSPHRASE: &str = "correct horse battery staple";

/// A station with keys, trusting one NPC whose signing key is returned.
fn station(home: &Path) -> (Ctx, SigningKey) {
    let config = Config {
        keys: None,
        station: Some(Identity {
            name: "Post 3".into(),
            unit: "Customs Bamako".into(),
            officer: "A. Traoré".into(),
        }),
        deadlines: None,
    };
    config::save(home, &config).unwrap();
    let store = KeyStore::new(home.join("keys")).with_age_work_factor(4);
    store.init(&SecretString::from(PASSPHRASE)).unwrap();
    let npc = SigningKey::generate().unwrap();
    let public = packet::sign::public_key_file(npc.public_key()).unwrap();
    let mut trust = store.trust_list().unwrap();
    trust
        .add(Peer::new("ML NPC", &public, None).unwrap())
        .unwrap();
    store.save_trust_list(&trust).unwrap();
    let ctx = Ctx::new(
        RefData::open_embedded().unwrap(),
        Ui::new(true),
        Clock::fixed_at("2026-11-25T12:00:00Z").unwrap(),
        Lang::english(),
        true,
        home.to_path_buf(),
    )
    .with_passphrase(SecretString::from(PASSPHRASE))
    .with_age_work_factor(4);
    (ctx, npc)
}

fn request_file(ctx: &Ctx, npc: &SigningKey, id: &str, dir: &Path) -> std::path::PathBuf {
    let own = ctx.key_store().unwrap().public().unwrap().key_id;
    let manifest = Manifest::new(
        Kind::TraceRequest,
        Uuid::parse_str(id).unwrap(),
        Station {
            name: "ML NPC".into(),
            unit: "CNLPAL".into(),
            key_id: npc.key_id(),
        },
        1,
        Recipient {
            name: "Post 3".into(),
            key_id: own,
        },
        Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap(),
        json!({"prio": "routine", "items": []}),
    );
    let signed = packet::build(&manifest, &[], npc).unwrap();
    let path = dir.join(signed.file_name());
    std::fs::write(&path, &signed.archive).unwrap();
    path
}

fn count(ctx: &Ctx, sql: &str) -> i64 {
    ctx.register()
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_stored_request_is_acknowledged_in_the_same_transaction_and_a_replay_with_the_same_one() {
    let home = tempfile::tempdir().unwrap();
    let (ctx, npc) = station(home.path());
    let file = request_file(
        &ctx,
        &npc,
        "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b",
        home.path(),
    );
    let mut exchange = Exchange::open(&ctx).unwrap();
    let first = exchange.receive(&file, Mode::Import).unwrap();
    assert_eq!(first.result, ReceivedAs::Stored);
    assert_eq!(first.reason.as_deref(), Some("incomplete"));
    let ack = first.acknowledgement.clone().unwrap();
    let again = exchange.receive(&file, Mode::Import).unwrap();
    assert_eq!(again.result, ReceivedAs::Duplicate);
    // The same acknowledgement again, not a second one (issue 18).
    assert_eq!(again.acknowledgement.as_deref(), Some(ack.as_str()));
    drop(exchange);
    assert_eq!(count(&ctx, "SELECT COUNT(*) FROM inbox"), 1);
    assert_eq!(
        count(
            &ctx,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement'"
        ),
        1
    );
    assert!(
        home.path()
            .join("outbox")
            .join(format!("{ack}.ftpkt"))
            .exists()
    );
}

#[test]
fn a_refused_file_is_kept_with_its_reason_and_changes_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let (ctx, npc) = station(home.path());
    let file = request_file(
        &ctx,
        &npc,
        "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b",
        home.path(),
    );
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 1100;
    bytes[last] ^= 1;
    std::fs::write(&file, &bytes).unwrap();
    let mut exchange = Exchange::open(&ctx).unwrap();
    let refused = exchange.receive(&file, Mode::Import).unwrap();
    assert_eq!(refused.result, ReceivedAs::Quarantined);
    assert!(refused.reason.is_some());
    assert!(refused.acknowledgement.is_none());
    drop(exchange);
    assert_eq!(count(&ctx, "SELECT COUNT(*) FROM inbox"), 0);
    assert_eq!(count(&ctx, "SELECT COUNT(*) FROM outbox"), 0);
    assert_eq!(count(&ctx, "SELECT COUNT(*) FROM quarantine"), 1);
    let kept: Vec<_> = std::fs::read_dir(home.path().join("quarantine"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 2, "the file and its .reason: {kept:?}");
    assert!(kept.iter().any(|n| n.ends_with(".reason")));
}

#[test]
fn an_unreadable_file_is_a_failure_not_a_refusal() {
    let home = tempfile::tempdir().unwrap();
    let (ctx, _) = station(home.path());
    let mut exchange = Exchange::open(&ctx).unwrap();
    let err = exchange
        .receive(&home.path().join("gone.ftpkt"), Mode::Import)
        .unwrap_err();
    let err = crate::error::CommandError::from(err);
    assert_eq!(err.exit_code(), 1, "{}", err.error);
}
