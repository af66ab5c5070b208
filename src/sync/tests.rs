//! The receive decisions, every refusal reason among them, without the binary: packets signed
//! here, a register in a temporary folder, `decide` asked what each file is.

use std::path::Path;

use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::receive::{
    Decision, Effect, Incoming, Keyring, Mode, PassOver, RefusalReason, Trust, decide,
    refusal_sentence,
};
use crate::fs::sha256_hex;
use crate::packet::encrypt;
use crate::packet::test_support::peer;
use crate::packet::{
    self, KeyId, Kind, KnownSigner, Manifest, Reason, Recipient, SigningKey, Station,
};
use crate::register::Register;
use crate::register::sync::{self as store, InboxEntry, OutboxEntry, Quarantined};
use crate::register::traces::{self, Exported, NewRequest};
use crate::trace::reply::{AckBody, ResponseBody};

const REQUEST_ID: &str = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";
const OTHER_ID: &str = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2c";

struct Keys {
    identity: age::x25519::Identity,
}

impl Keyring for Keys {
    fn identity(&mut self) -> anyhow::Result<&age::x25519::Identity> {
        Ok(&self.identity)
    }
}

/// This station, a trusted peer, a revoked one and a stranger, with a register.
struct World {
    _home: tempfile::TempDir,
    register: Register,
    own: SigningKey,
    npc: SigningKey,
    revoked: SigningKey,
    stranger: SigningKey,
    signers: Vec<KnownSigner>,
    keys: Keys,
}

impl World {
    fn new() -> World {
        let home = tempfile::tempdir().unwrap();
        let register = Register::open(home.path()).unwrap();
        let (npc, revoked) = (
            SigningKey::generate().unwrap(),
            SigningKey::generate().unwrap(),
        );
        let signers = vec![peer("ML NPC", &npc, false), peer("Old NPC", &revoked, true)];
        World {
            _home: home,
            register,
            own: SigningKey::generate().unwrap(),
            npc,
            revoked,
            stranger: SigningKey::generate().unwrap(),
            signers,
            keys: Keys {
                identity: age::x25519::Identity::generate(),
            },
        }
    }

    fn decide_in(&mut self, bytes: &[u8], mode: Mode) -> Decision {
        let trust = Trust {
            signers: &self.signers,
            own: self.own.key_id(),
        };
        decide(
            Path::new("in.ftpkt"),
            Incoming::Whole(bytes),
            mode,
            trust,
            self.register.conn(),
            &mut self.keys,
        )
        .unwrap()
    }

    fn decide(&mut self, bytes: &[u8]) -> Decision {
        self.decide_in(bytes, Mode::Import)
    }

    /// A packet of `kind` signed by `from`, addressed to `to`.
    fn packet(&self, from: &SigningKey, to: KeyId, kind: Kind, id: &str, body: Value) -> Vec<u8> {
        let manifest = Manifest::new(
            kind,
            Uuid::parse_str(id).unwrap(),
            Station {
                name: "Sender".into(),
                unit: "Unit".into(),
                key_id: from.key_id(),
            },
            7,
            Recipient {
                name: "Post 3".into(),
                key_id: to,
            },
            Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap(),
            body,
        );
        packet::build(&manifest, &[], from).unwrap().archive
    }

    /// A packet from the trusted NPC to this station.
    fn npc_sends(&self, kind: Kind, id: &str, body: Value) -> Vec<u8> {
        self.packet(&self.npc, self.own.key_id(), kind, id, body)
    }

    /// Records that this station sent packet `id` to the NPC with this manifest hash.
    fn sent(&mut self, id: &str, manifest_sha256: &str) {
        let entry = OutboxEntry {
            packet_id: id.into(),
            kind: Kind::TraceRequest.as_str().into(),
            recipient_key_id: self.npc.key_id().to_string(),
            file: format!("outbox/{id}.ftpkt"),
            manifest_sha256: manifest_sha256.into(),
            state: "sent".into(),
            reason: None,
            created_at: "2026-11-20T00:00:00Z".into(),
            acknowledged_at: None,
        };
        self.register
            .write(|tx| store::outbox_add(tx, &entry))
            .unwrap();
    }

    /// Records a trace request this station exported to `to`.
    fn exported_request(&mut self, to: KeyId, manifest_sha256: &str) -> i64 {
        let to = to.to_string();
        self.register
            .write(|tx| {
                let (id, _) = traces::create(
                    tx,
                    &NewRequest {
                        packet_id: REQUEST_ID,
                        recipient: "ML NPC",
                        recipient_key_id: &to,
                        body: "{}",
                        items: &[],
                        created_at: "2026-11-20T00:00:00Z",
                        created_by: "A. Traoré",
                    },
                )?;
                traces::mark_exported(
                    tx,
                    id,
                    &Exported {
                        at: "2026-11-20T00:00:00Z",
                        manifest_sha256,
                        manifest: b"{}",
                        signature: b"sig",
                        outbox_file: "outbox/x.ftpkt",
                        encrypted_to: None,
                        photos: "none",
                    },
                )?;
                Ok(id)
            })
            .unwrap()
    }

    fn received(&mut self, id: &str, manifest_sha256: &str) {
        let entry = InboxEntry {
            id: 0,
            packet_id: id.into(),
            kind: Kind::TraceRequest.as_str().into(),
            sender_key_id: self.npc.key_id().to_string(),
            sender_name: "ML NPC".into(),
            manifest_sha256: manifest_sha256.into(),
            file_sha256: "f".repeat(64),
            file: None,
            received_at: "2026-11-24T00:00:00Z".into(),
            status: "stored".into(),
            manifest: b"{}".to_vec(),
            packet: Some(b"packet".to_vec()),
            pending: Vec::new(),
        };
        self.register
            .write(|tx| store::inbox_store(tx, &entry))
            .unwrap();
    }
}

/// A request body with everything ITI paragraph 17 requires.
fn trace_request_body() -> Value {
    json!({
        "auth": "DPJ Mali, Brigade des armes",
        "poc": "Insp. A. Diallo +223 20 22 00 00",
        "illicit": "unlicensed, seized at a checkpoint",
        "legal": "Loi 04-050 art. 12",
        "use": "criminal case 2026/0412",
        "prio": "routine",
        "items": [{
            "type": "assault-rifle",
            "model": "Type 56",
            "cal": "7.62x39mm",
            "sn": "5601234",
            "sn_at": "receiver",
            "ev": "seized",
            "date": "2026-03-14",
            "marks": [{"text": "66 in a triangle", "at": "receiver"}]
        }]
    })
}

fn manifest_sha(archive: &[u8]) -> String {
    let members = packet::archive::read(archive, &Default::default()).unwrap();
    sha256_hex(members.manifest)
}

fn refusal(decision: Decision) -> (RefusalReason, String) {
    match decision {
        Decision::Refuse(r) => (r.reason, r.detail.english().to_owned()),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn ack(id: &str, sha256: &str) -> Value {
    serde_json::to_value(AckBody {
        packet: id.into(),
        sha256: sha256.into(),
        status: "stored".into(),
        missing: Vec::new(),
        reason: None,
        pending: Vec::new(),
    })
    .unwrap()
}

fn response(sha256: &str) -> Value {
    serde_json::to_value(ResponseBody {
        request: REQUEST_ID.into(),
        sha256: sha256.into(),
        outcome: "traced".into(),
        note: "exported 1998".into(),
        holder: None,
        chain: Vec::new(),
    })
    .unwrap()
}

#[test]
fn a_complete_request_is_accepted_and_answered_stored() {
    let mut w = World::new();
    let bytes = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    let Decision::Accept(receipt) = w.decide(&bytes) else {
        panic!("not accepted");
    };
    assert_eq!(receipt.sender.name, "ML NPC");
    assert_eq!(receipt.file_sha256, sha256_hex(&bytes));
    let answer = receipt.answer().unwrap();
    assert_eq!(answer.body.status, "stored");
    assert_eq!(answer.body.sha256, receipt.manifest_sha256);
    assert_eq!(answer.to.key_id, w.npc.key_id());
}

#[test]
fn an_incomplete_request_is_stored_and_answered_with_what_is_missing() {
    let mut w = World::new();
    let mut body = trace_request_body();
    body.as_object_mut().unwrap().remove("legal");
    let bytes = w.npc_sends(Kind::TraceRequest, REQUEST_ID, body);
    let Decision::Accept(receipt) = w.decide(&bytes) else {
        panic!("not accepted");
    };
    let Effect::Request(ack) = &receipt.effect else {
        panic!("not a request");
    };
    assert_eq!(ack.status, "incomplete");
    assert!(
        ack.missing.contains(&"no-legal-basis".to_owned()),
        "{:?}",
        ack.missing
    );

    let unreadable = w.npc_sends(Kind::TraceRequest, OTHER_ID, json!({"items": "none"}));
    let Decision::Accept(receipt) = w.decide(&unreadable) else {
        panic!("not accepted");
    };
    assert_eq!(receipt.status().as_str(), "rejected");
}

#[test]
fn the_packet_checks_refuse_with_their_reason_codes() {
    let mut w = World::new();
    let stranger = w.packet(
        &w.stranger,
        w.own.key_id(),
        Kind::TraceRequest,
        REQUEST_ID,
        trace_request_body(),
    );
    assert_eq!(
        refusal(w.decide(&stranger)).0,
        RefusalReason::Packet(Reason::UnknownKey)
    );

    let revoked = w.packet(
        &w.revoked,
        w.own.key_id(),
        Kind::TraceRequest,
        REQUEST_ID,
        trace_request_body(),
    );
    assert_eq!(
        refusal(w.decide(&revoked)).0,
        RefusalReason::Packet(Reason::RevokedKey)
    );

    let elsewhere = w.packet(
        &w.npc,
        w.stranger.key_id(),
        Kind::TraceRequest,
        REQUEST_ID,
        trace_request_body(),
    );
    assert_eq!(
        refusal(w.decide(&elsewhere)).0,
        RefusalReason::Packet(Reason::WrongRecipient)
    );
    assert!(
        matches!(
            w.decide_in(&elsewhere, Mode::Sync),
            Decision::PassOver(PassOver::NotOurs)
        ),
        "in a shared folder another station's packet is passed over"
    );

    let good = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    let truncated = &good[..good.len() / 2];
    let (reason, _) = refusal(w.decide(truncated));
    assert!(matches!(reason, RefusalReason::Packet(_)), "{reason:?}");
    assert_ne!(reason.code(), "invalid");

    let trust = Trust {
        signers: &w.signers,
        own: w.own.key_id(),
    };
    let too_large = decide(
        Path::new("big.ftpkt"),
        Incoming::TooLarge,
        Mode::Import,
        trust,
        w.register.conn(),
        &mut w.keys,
    )
    .unwrap();
    let Decision::Refuse(r) = too_large else {
        panic!("not refused");
    };
    assert_eq!(r.reason.code(), "too-large");
    assert!(!r.keep_bytes, "a file too large to read is not kept");
}

#[test]
fn a_packet_encrypted_to_another_station_is_refused_here_and_passed_over_in_a_folder() {
    let mut w = World::new();
    let plain = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    let someone_else = age::x25519::Identity::generate().to_public();
    let sealed = encrypt::encrypt(&plain, &[someone_else]).unwrap();
    assert_eq!(
        refusal(w.decide(&sealed)).0,
        RefusalReason::Packet(Reason::NoMatchingIdentity)
    );
    assert!(matches!(
        w.decide_in(&sealed, Mode::Sync),
        Decision::PassOver(PassOver::NotOurs)
    ));
    let ours = encrypt::encrypt(&plain, &[w.keys.identity.to_public()]).unwrap();
    assert!(matches!(w.decide(&ours), Decision::Accept(_)));
    let (reason, _) = refusal(w.decide(b"age-encryption.org/v1\n-> X25519 garbage\n"));
    assert!(matches!(reason, RefusalReason::Packet(_)), "{reason:?}");
}

#[test]
fn a_packet_id_seen_with_another_manifest_or_sent_from_here_is_a_conflict() {
    let mut w = World::new();
    let bytes = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    let sha = manifest_sha(&bytes);
    w.received(REQUEST_ID, &"0".repeat(64));
    let Decision::Refuse(r) = w.decide(&bytes) else {
        panic!("not refused");
    };
    assert_eq!(r.reason, RefusalReason::Conflict);
    let answer = r.answer.expect("a conflicting request is still answered");
    assert_eq!(answer.body.status, "rejected");
    assert_eq!(answer.body.sha256, sha);

    let mut w = World::new();
    let bytes = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    w.sent(REQUEST_ID, &"0".repeat(64));
    let (reason, detail) = refusal(w.decide(&bytes));
    assert_eq!(reason, RefusalReason::Conflict);
    assert!(detail.contains("one this station sent"), "{detail}");
}

#[test]
fn the_same_packet_again_is_a_duplicate_and_the_same_file_in_a_folder_is_seen() {
    let mut w = World::new();
    let bytes = w.npc_sends(Kind::TraceRequest, REQUEST_ID, trace_request_body());
    w.received(REQUEST_ID, &manifest_sha(&bytes));
    let Decision::Accept(receipt) = w.decide(&bytes) else {
        panic!("not accepted");
    };
    assert!(matches!(receipt.effect, Effect::Duplicate));
    assert_eq!(receipt.answer().unwrap().body.status, "duplicate");

    let file_sha256 = sha256_hex(&bytes);
    let record = Quarantined {
        packet_id: None,
        file_sha256: file_sha256.clone(),
        file: "quarantine/x".into(),
        source: "in.ftpkt".into(),
        reason: "conflict".into(),
        detail: "d".into(),
        at: "2026-11-25T12:00:00Z".into(),
    };
    w.register
        .write(|tx| store::quarantine_add(tx, &record))
        .unwrap();
    assert!(matches!(
        w.decide_in(&bytes, Mode::Sync),
        Decision::PassOver(PassOver::Seen)
    ));
}

#[test]
fn an_acknowledgement_must_name_a_packet_sent_to_its_signer_by_its_manifest() {
    let mut w = World::new();
    let sha = "a".repeat(64);
    let bad = w.npc_sends(
        Kind::Acknowledgement,
        OTHER_ID,
        json!({"packet": REQUEST_ID}),
    );
    assert_eq!(refusal(w.decide(&bad)).0, RefusalReason::BadBody);

    let good = w.npc_sends(Kind::Acknowledgement, OTHER_ID, ack(REQUEST_ID, &sha));
    assert_eq!(refusal(w.decide(&good)).0, RefusalReason::UnknownRequest);

    w.sent(REQUEST_ID, &"b".repeat(64));
    assert_eq!(refusal(w.decide(&good)).0, RefusalReason::WrongManifest);

    let mut w = World::new();
    w.sent(REQUEST_ID, &sha);
    let from_stranger_key = {
        // Signed by the revoked peer's successor: trusted, but not the one written to.
        let other = SigningKey::generate().unwrap();
        w.signers.push(peer("Other NPC", &other, false));
        w.packet(
            &other,
            w.own.key_id(),
            Kind::Acknowledgement,
            OTHER_ID,
            ack(REQUEST_ID, &sha),
        )
    };
    assert_eq!(
        refusal(w.decide(&from_stranger_key)).0,
        RefusalReason::WrongSender
    );

    let good = w.npc_sends(Kind::Acknowledgement, OTHER_ID, ack(REQUEST_ID, &sha));
    let Decision::Accept(receipt) = w.decide(&good) else {
        panic!("not accepted");
    };
    assert!(matches!(receipt.effect, Effect::Ack(_)));
    assert!(
        receipt.answer().is_none(),
        "an acknowledgement is not acknowledged"
    );
}

#[test]
fn a_response_must_answer_a_request_sent_to_its_signer() {
    let mut w = World::new();
    let sha = "c".repeat(64);
    let bad = w.npc_sends(
        Kind::TraceResponse,
        OTHER_ID,
        json!({"request": REQUEST_ID}),
    );
    assert_eq!(refusal(w.decide(&bad)).0, RefusalReason::BadBody);

    let answer = w.npc_sends(Kind::TraceResponse, OTHER_ID, response(&sha));
    assert_eq!(refusal(w.decide(&answer)).0, RefusalReason::UnknownRequest);

    let mut w = World::new();
    w.exported_request(w.stranger.key_id(), &sha);
    let answer = w.npc_sends(Kind::TraceResponse, OTHER_ID, response(&sha));
    assert_eq!(refusal(w.decide(&answer)).0, RefusalReason::WrongSender);

    let mut w = World::new();
    let request = w.exported_request(w.npc.key_id(), &"d".repeat(64));
    let answer = w.npc_sends(Kind::TraceResponse, OTHER_ID, response(&sha));
    assert_eq!(refusal(w.decide(&answer)).0, RefusalReason::WrongManifest);

    let right = w.npc_sends(Kind::TraceResponse, OTHER_ID, response(&"d".repeat(64)));
    let Decision::Accept(receipt) = w.decide(&right) else {
        panic!("not accepted");
    };
    let Effect::Response { request_id, body } = &receipt.effect else {
        panic!("not a response");
    };
    assert_eq!((*request_id, body.outcome.as_str()), (request, "traced"));
}

/// The refusals of the exchange itself, beside the packet checks' reasons.
const EXCHANGE_REFUSALS: [RefusalReason; 6] = [
    RefusalReason::Conflict,
    RefusalReason::BadBody,
    RefusalReason::UnknownRequest,
    RefusalReason::WrongSender,
    RefusalReason::WrongManifest,
    RefusalReason::Invalid,
];

#[test]
fn every_reason_has_its_code() {
    let codes: Vec<&str> = EXCHANGE_REFUSALS
        .iter()
        .chain([RefusalReason::Packet(Reason::BadSignature)].iter())
        .map(|r| r.code())
        .collect();
    assert_eq!(
        codes,
        [
            "conflict",
            "bad-body",
            "unknown-request",
            "wrong-sender",
            "wrong-manifest",
            "invalid",
            "bad-signature"
        ]
    );
    assert_eq!(
        serde_json::to_value(RefusalReason::WrongSender).unwrap(),
        json!("wrong-sender")
    );
}

/// Every code a refusal can carry, at a station or from a hub, has its sentence in the
/// catalogue: in another language it stands in for the English one a record or a hub keeps.
#[test]
fn every_refusal_code_has_its_sentence() {
    use crate::hub::auth::AuthError;
    let s = || String::new();
    let mut codes: Vec<&str> = Reason::ALL.iter().map(|r| r.code()).collect();
    codes.extend(EXCHANGE_REFUSALS.map(RefusalReason::code));
    codes.extend(
        [
            AuthError::Unsigned("x"),
            AuthError::Unenrolled(s()),
            AuthError::Revoked(s(), s()),
            AuthError::Stale(s(), s()),
            AuthError::Replayed(s()),
            AuthError::BadSignature(s()),
            AuthError::BadNonce,
        ]
        .iter()
        .map(AuthError::code),
    );
    // What the hub's server and its NPC answer beyond the packet checks (src/hub).
    codes.extend([
        "id-mismatch",
        "not-the-sender",
        "not-ours",
        "hub-error",
        "bad-id",
        "not-found",
    ]);
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !crate::i18n::english().has(&format!("refusal-{c}")))
        .collect();
    assert!(
        missing.is_empty(),
        "no refusal-<code> sentence for {missing:?}"
    );
    // A code a station does not know keeps the sentence it was given.
    assert_eq!(
        refusal_sentence("no-such-code", "as recorded"),
        "as recorded"
    );
}
