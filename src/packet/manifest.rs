//! `manifest.json`: the signed description of a packet, its canonical bytes (RFC 8785) and the
//! strict parser a receiver runs on bytes from outside.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::sign::KeyId;
use super::{FORMAT, PacketError, Reason, sha256_hex};
use crate::i18n::Said;
use crate::said;

/// A manifest larger than this is refused before it is parsed.
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024;

/// Where attachments live inside the tar, and the prefix of every listed `path`.
pub const ATTACHMENT_DIR: &str = "attachments/";

/// JSON numbers above this lose precision in the RFC 8785 number form.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

const DUPLICATE_KEY_MARK: &str = "duplicate JSON key";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    TraceRequest,
    Acknowledgement,
    TraceResponse,
    SeizureReport,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::TraceRequest => "trace-request",
            Kind::Acknowledgement => "acknowledgement",
            Kind::TraceResponse => "trace-response",
            Kind::SeizureReport => "seizure-report",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sending station, as it signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Station {
    pub name: String,
    pub unit: String,
    pub key_id: KeyId,
}

/// Who the packet is for. Signed, so a packet cannot be forwarded to someone else unnoticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub name: String,
    pub key_id: KeyId,
}

/// One file carried in `attachments/<sha256>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub media_type: String,
}

impl Attachment {
    /// The manifest entry for these bytes.
    pub fn for_bytes(bytes: &[u8], media_type: &str) -> Attachment {
        let sha256 = sha256_hex(bytes);
        Attachment {
            path: format!("{ATTACHMENT_DIR}{sha256}"),
            sha256,
            bytes: bytes.len() as u64,
            media_type: media_type.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub kind: Kind,
    pub packet_id: Uuid,
    pub station: Station,
    pub seq: u64,
    pub recipient: Recipient,
    /// RFC 3339 in UTC to the second, e.g. `2026-11-25T20:47:51Z`.
    pub created_at: String,
    pub supersedes: Option<Uuid>,
    /// Per kind; always a JSON object. Its schema belongs to the code that builds the kind.
    pub body: Value,
    pub attachments: Vec<Attachment>,
}

impl Manifest {
    /// A manifest with no attachments and nothing superseded. `packet_id` must be a UUIDv7 fixed
    /// when the packet was first created; `created_at` comes from the caller's clock.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        kind: Kind,
        packet_id: Uuid,
        station: Station,
        seq: u64,
        recipient: Recipient,
        created_at: DateTime<Utc>,
        body: Value,
    ) -> Manifest {
        Manifest {
            format: FORMAT.to_owned(),
            kind,
            packet_id,
            station,
            seq,
            recipient,
            created_at: created_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            supersedes: None,
            body,
            attachments: Vec::new(),
        }
    }

    /// The RFC 8785 bytes that are signed and written as `manifest.json`. Refuses a manifest the
    /// strict parser would refuse, so a station never signs what a receiver cannot read.
    pub fn canonical_bytes(&self) -> Result<Vec<u8>, PacketError> {
        self.check_fields()?;
        let bytes = serde_json_canonicalizer::to_vec(self).map_err(|e| {
            PacketError::new(
                Reason::BadManifest,
                said!("packet-err-manifest", error = e.to_string()),
            )
        })?;
        if bytes.len() > MAX_MANIFEST_BYTES {
            return Err(too_large(bytes.len()));
        }
        Ok(bytes)
    }

    /// What the signature's trusted comment says, so that `minisign -V` shows it to a person.
    pub fn trusted_comment(&self) -> String {
        format!("{FORMAT} {} {}", self.kind, self.packet_id)
    }

    /// Checks the typed fields cannot express: versions, formats, paths, uniqueness.
    fn check_fields(&self) -> Result<(), PacketError> {
        let bad = |detail: Said| Err(PacketError::new(Reason::BadManifest, detail));
        if self.format != FORMAT {
            return Err(unknown_format(&self.format));
        }
        if self.packet_id.get_version_num() != 7 {
            return bad(said!(
                "packet-err-not-uuid7",
                id = self.packet_id.to_string()
            ));
        }
        if self.seq > MAX_SAFE_INTEGER {
            return bad(said!("packet-err-seq", seq = self.seq));
        }
        match DateTime::parse_from_rfc3339(&self.created_at) {
            Ok(t) if t.offset().local_minus_utc() == 0 && self.created_at.ends_with('Z') => {}
            _ => {
                return bad(said!(
                    "packet-err-created-at",
                    at = self.created_at.as_str()
                ));
            }
        }
        if !self.body.is_object() {
            return bad(said!("packet-err-body-not-object"));
        }
        let mut seen = BTreeSet::new();
        for attachment in &self.attachments {
            let hash_ok = attachment.sha256.len() == 64
                && attachment
                    .sha256
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hash_ok {
                return bad(said!(
                    "packet-err-attachment-hash",
                    sha = attachment.sha256.as_str()
                ));
            }
            if attachment.path != format!("{ATTACHMENT_DIR}{}", attachment.sha256) {
                return bad(said!(
                    "packet-err-attachment-path",
                    path = attachment.path.as_str(),
                    dir = ATTACHMENT_DIR
                ));
            }
            if attachment.bytes > MAX_SAFE_INTEGER {
                return bad(said!(
                    "packet-err-attachment-too-large",
                    sha = attachment.sha256.as_str()
                ));
            }
            if attachment.media_type.is_empty() {
                return bad(said!(
                    "packet-err-attachment-no-media",
                    sha = attachment.sha256.as_str()
                ));
            }
            if !seen.insert(attachment.sha256.as_str()) {
                return bad(said!(
                    "packet-err-attachment-twice",
                    sha = attachment.sha256.as_str()
                ));
            }
        }
        Ok(())
    }
}

/// Parse `manifest.json` from outside, refusing anything this version would not itself write:
/// over 64 KiB, not UTF-8, duplicate keys, another format, unknown fields, non-canonical bytes.
pub fn parse_strict(bytes: &[u8]) -> Result<Manifest, PacketError> {
    if bytes.len() > MAX_MANIFEST_BYTES {
        return Err(too_large(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        PacketError::new(
            Reason::ManifestNotUtf8,
            said!("packet-err-manifest-not-utf8", error = e.to_string()),
        )
    })?;
    let value = parse_json_without_duplicates(text)?;
    match value.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(format)) => return Err(unknown_format(format)),
        _ => {
            return Err(PacketError::new(
                Reason::UnknownFormat,
                said!("packet-err-no-format"),
            ));
        }
    }
    let manifest: Manifest = serde_json::from_value(value).map_err(|e| {
        PacketError::new(
            Reason::BadManifest,
            said!("packet-err-manifest", error = e.to_string()),
        )
    })?;
    let canonical = manifest.canonical_bytes()?;
    if canonical != bytes {
        return Err(PacketError::new(
            Reason::NonCanonicalManifest,
            said!("packet-err-not-canonical"),
        ));
    }
    Ok(manifest)
}

/// JSON text to a value, refusing an object that repeats a key (serde_json keeps the last).
pub fn parse_json_without_duplicates(text: &str) -> Result<Value, PacketError> {
    serde_json::from_str::<StrictJson>(text)
        .map(|strict| strict.0)
        .map_err(|e| {
            let message = e.to_string();
            let reason = if message.starts_with(DUPLICATE_KEY_MARK) {
                Reason::DuplicateKey
            } else {
                Reason::BadManifest
            };
            PacketError::new(
                reason,
                said!("packet-err-manifest", error = message.as_str()),
            )
        })
}

fn too_large(bytes: usize) -> PacketError {
    PacketError::new(
        Reason::ManifestTooLarge,
        said!(
            "packet-err-manifest-too-large",
            bytes = bytes,
            limit = MAX_MANIFEST_BYTES
        ),
    )
}

fn unknown_format(format: &str) -> PacketError {
    PacketError::new(
        Reason::UnknownFormat,
        said!("packet-err-format", format = format, known = FORMAT),
    )
}

struct StrictJson(Value);

impl<'de> Deserialize<'de> for StrictJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictJson)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictJson(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE_KEY_MARK} '{key}'")));
            }
            let StrictJson(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packet::test_support::{sample_manifest, trace_request_body};
    use proptest::prelude::*;

    #[test]
    fn canonical_bytes_round_trip_through_the_strict_parser() {
        let manifest = sample_manifest(trace_request_body());
        let bytes = manifest.canonical_bytes().unwrap();
        assert_eq!(parse_strict(&bytes).unwrap(), manifest);
    }

    #[test]
    fn canonical_bytes_sort_keys_and_drop_whitespace() {
        let manifest = sample_manifest(serde_json::json!({"z": 1, "a": [true, null]}));
        let text = String::from_utf8(manifest.canonical_bytes().unwrap()).unwrap();
        assert!(text.starts_with("{\"attachments\":[],\"body\":{\"a\":[true,null],\"z\":1},"));
    }

    #[test]
    fn duplicate_keys_are_refused_even_when_serde_would_keep_the_last() {
        let manifest = sample_manifest(serde_json::json!({}));
        let text = String::from_utf8(manifest.canonical_bytes().unwrap()).unwrap();
        let doubled = text.replacen(
            "{\"attachments\":[],",
            "{\"attachments\":[],\"attachments\":[],",
            1,
        );
        let err = parse_strict(doubled.as_bytes()).unwrap_err();
        assert_eq!(err.reason, Reason::DuplicateKey);
        let nested = text.replacen("\"body\":{}", "\"body\":{\"a\":1,\"a\":2}", 1);
        assert_eq!(
            parse_strict(nested.as_bytes()).unwrap_err().reason,
            Reason::DuplicateKey
        );
    }

    #[test]
    fn other_formats_sizes_and_encodings_are_refused() {
        let manifest = sample_manifest(serde_json::json!({}));
        let text = String::from_utf8(manifest.canonical_bytes().unwrap()).unwrap();
        let future = text.replace("fieldtrace-packet/1", "fieldtrace-packet/2");
        assert_eq!(
            parse_strict(future.as_bytes()).unwrap_err().reason,
            Reason::UnknownFormat
        );
        let huge = vec![b' '; MAX_MANIFEST_BYTES + 1];
        assert_eq!(
            parse_strict(&huge).unwrap_err().reason,
            Reason::ManifestTooLarge
        );
        let latin1 = [b'{', 0xe9, b'}'];
        assert_eq!(
            parse_strict(&latin1).unwrap_err().reason,
            Reason::ManifestNotUtf8
        );
        let spaced = format!("{text} ");
        assert_eq!(
            parse_strict(spaced.as_bytes()).unwrap_err().reason,
            Reason::NonCanonicalManifest
        );
        let extra = text.replacen("{\"attachments\"", "{\"aaa\":1,\"attachments\"", 1);
        assert_eq!(
            parse_strict(extra.as_bytes()).unwrap_err().reason,
            Reason::BadManifest
        );
        assert_eq!(
            parse_strict(b"[1,2").unwrap_err().reason,
            Reason::BadManifest
        );
    }

    #[test]
    fn field_rules_are_enforced() {
        let mut manifest = sample_manifest(serde_json::json!({}));
        manifest.packet_id = Uuid::nil();
        assert_eq!(
            manifest.canonical_bytes().unwrap_err().reason,
            Reason::BadManifest
        );
        let mut manifest = sample_manifest(serde_json::json!([]));
        assert_eq!(
            manifest.canonical_bytes().unwrap_err().reason,
            Reason::BadManifest
        );
        manifest.body = serde_json::json!({});
        manifest
            .attachments
            .push(Attachment::for_bytes(b"x", "image/jpeg"));
        manifest
            .attachments
            .push(Attachment::for_bytes(b"x", "image/jpeg"));
        assert_eq!(
            manifest.canonical_bytes().unwrap_err().reason,
            Reason::BadManifest
        );
        manifest.attachments.pop();
        manifest.attachments[0].path = "../etc/passwd".to_owned();
        assert_eq!(
            manifest.canonical_bytes().unwrap_err().reason,
            Reason::BadManifest
        );
    }

    fn json_leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-1_000_000i64..1_000_000).prop_map(Value::from),
            (-1.0e6f64..1.0e6).prop_map(Value::from),
            "\\PC{0,12}".prop_map(Value::String),
        ]
    }

    fn json_value() -> impl Strategy<Value = Value> {
        json_leaf().prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("\\PC{0,6}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_body_round_trips_canonically(
            body in prop::collection::btree_map("\\PC{0,6}", json_value(), 0..5),
            seq in 0u64..MAX_SAFE_INTEGER,
        ) {
            let mut manifest = sample_manifest(Value::Object(body.into_iter().collect()));
            manifest.seq = seq;
            let bytes = manifest.canonical_bytes().unwrap();
            let parsed = parse_strict(&bytes).unwrap();
            prop_assert_eq!(parsed.canonical_bytes().unwrap(), bytes);
        }
    }
}
