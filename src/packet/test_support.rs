//! Shared fixtures for the packet, keys and QR tests.
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::manifest::{Kind, Manifest, Recipient, Station};
use super::sign::{KeyId, SigningKey};
use super::verify::KnownSigner;

/// A fixed UUIDv7 (2026-11-25), so manifests are reproducible.
pub fn packet_id() -> Uuid {
    Uuid::parse_str("019abc3e-7f10-7a2b-9c4d-5e6f70819a2b").unwrap()
}

pub fn sample_manifest(body: Value) -> Manifest {
    let key_id: KeyId = "C8A1F7B2D40E9A13".parse().unwrap();
    manifest_with(key_id, body)
}

pub fn sample_manifest_for(key: &SigningKey, body: Value) -> Manifest {
    manifest_with(key.key_id(), body)
}

fn manifest_with(key_id: KeyId, body: Value) -> Manifest {
    Manifest::new(
        Kind::TraceRequest,
        packet_id(),
        Station {
            name: "Bamako CP-3".to_owned(),
            unit: "DPJ Armes".to_owned(),
            key_id,
        },
        42,
        Recipient {
            name: "ML NPC".to_owned(),
            key_id: "0123456789ABCDEF".parse().unwrap(),
        },
        Utc.with_ymd_and_hms(2026, 11, 25, 20, 47, 51).unwrap(),
        body,
    )
}

/// A realistic one-weapon trace request body with the content ITI paragraph 17 asks for.
pub fn trace_request_body() -> Value {
    json!({
        "authority": "DPJ Mali, Brigade des armes",
        "contact": "Insp. A. Diallo +223 20 22 00 00",
        "legal_basis": "ITI para 14; Loi 04-050 art. 12",
        "illicit_nature": "unlicensed, seized at checkpoint",
        "intended_use": "criminal case 2026/DPJ/0412",
        "priority": "urgent",
        "priority_reason": "suspect held 48 h",
        "confidentiality": "law enforcement only",
        "items": [{
            "type": "assault-rifle",
            "model": "Type 56",
            "calibre": "7.62x39mm",
            "serial": "5601234",
            "serial_status": "read-frame",
            "marks": [
                {"kind": "manufacture", "text": "66 in a triangle", "at": "receiver L"},
                {"kind": "manufacture", "text": "56-1", "at": "receiver L"},
                {"kind": "import", "text": "none seen"}
            ]
        }]
    })
}

pub fn peer(name: &str, key: &SigningKey, revoked: bool) -> KnownSigner {
    KnownSigner {
        name: name.to_owned(),
        public_key: key.public_key().clone(),
        revoked,
    }
}
