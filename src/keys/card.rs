//! A station's key card (`.ftkey`): both public keys, the station's name and unit, in one file
//! signed by the station's own minisign key, so a peer trusts it in one step and compares one
//! fingerprint by phone.
//!
//! The file is JSON: `{"format": "fieldtrace-key/1", "card": {...}, "signature": "..."}`.
//! `card` is `{"name", "unit", "key_id", "minisign", "age"}`; `signature` is a standard
//! minisign signature file over the RFC 8785 canonical bytes of `card` (trusted comment
//! `fieldtrace-key/1 <key_id>`). The fingerprint is the first 128 bits of the SHA-256 of those
//! bytes, in eight groups of four hex digits: it changes if any key, the name or the unit does.

use std::io::Cursor;
use std::str::FromStr;

use age::x25519;
use minisign::SignatureBox;
use serde::{Deserialize, Serialize};

use super::{KeyError, Peer, StationKeys};
use crate::packet::sign::parse_public_key;
use crate::packet::{KeyId, SigningKey};

pub const FORMAT: &str = "fieldtrace-key/1";
pub const SUFFIX: &str = ".ftkey";

/// What a key card says, all of it signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub name: String,
    pub unit: String,
    pub key_id: String,
    /// The minisign public key, base64.
    pub minisign: String,
    /// The age recipient, `age1...`.
    pub age: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    card: Card,
    signature: String,
}

/// A card read and its signature checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub card: Card,
    pub fingerprint: String,
}

impl Checked {
    /// The card as a trusted peer, under `name` (the card's own name when not given).
    pub fn peer(&self, name: Option<&str>) -> Result<Peer, KeyError> {
        Peer::new(
            name.unwrap_or(&self.card.name),
            &self.card.minisign,
            Some(&self.card.age),
        )
    }
}

fn bad(reason: impl Into<String>) -> KeyError {
    KeyError::BadPublicKey(format!("key card: {}", reason.into()))
}

fn canonical(card: &Card) -> Result<Vec<u8>, KeyError> {
    serde_json_canonicalizer::to_vec(card).map_err(|e| bad(e.to_string()))
}

/// The fingerprint a person reads out: 128 bits of SHA-256, `ABCD EF01 ...`.
pub fn fingerprint(card: &Card) -> Result<String, KeyError> {
    let hash = crate::fs::sha256_hex(&canonical(card)?).to_uppercase();
    let groups: Vec<&str> = (0..8).map(|i| &hash[i * 4..i * 4 + 4]).collect();
    Ok(groups.join(" "))
}

/// This station's card, signed with its unlocked signing key.
pub fn write(
    name: &str,
    unit: &str,
    keys: &StationKeys,
    key: &SigningKey,
) -> Result<(Vec<u8>, Checked), KeyError> {
    let card = Card {
        name: name.to_owned(),
        unit: unit.to_owned(),
        key_id: keys.key_id.to_string(),
        minisign: keys.signing_public.to_base64(),
        age: keys.age_recipient.to_string(),
    };
    let bytes = canonical(&card)?;
    let signature = minisign::sign(
        Some(key.public_key()),
        key.secret_key(),
        Cursor::new(&bytes),
        Some(&format!("{FORMAT} {}", card.key_id)),
        Some("fieldtrace key card signature"),
    )
    .map_err(|e| bad(format!("signing: {e}")))?;
    let file = File {
        format: FORMAT.to_owned(),
        card: card.clone(),
        signature: signature.into_string(),
    };
    let mut out = serde_json::to_vec_pretty(&file).map_err(|e| bad(e.to_string()))?;
    out.push(b'\n');
    let fingerprint = fingerprint(&card)?;
    Ok((out, Checked { card, fingerprint }))
}

/// Whether a file's text looks like a key card (rather than a minisign `.pub`).
pub fn is_card(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// Reads a card and checks it: the format, both keys, the key id, the signature by its own key.
pub fn read(text: &str) -> Result<Checked, KeyError> {
    let file: File = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if file.format != FORMAT {
        return Err(bad(format!("format '{}', expected {FORMAT}", file.format)));
    }
    let card = file.card;
    for (field, value) in [("name", &card.name), ("unit", &card.unit)] {
        if value.trim().is_empty() || value.len() > 200 || value.chars().any(char::is_control) {
            return Err(bad(format!(
                "the {field} is empty, too long or has control characters"
            )));
        }
    }
    let public = parse_public_key(&card.minisign).map_err(|e| bad(e.detail.to_string()))?;
    let key_id = KeyId::of(&public);
    if key_id.to_string() != card.key_id {
        return Err(bad(format!(
            "it names key {} but its minisign key is {key_id}",
            card.key_id
        )));
    }
    x25519::Recipient::from_str(&card.age).map_err(|_| KeyError::BadRecipient(card.age.clone()))?;
    let signature =
        SignatureBox::from_string(&file.signature).map_err(|e| bad(format!("signature: {e}")))?;
    let expected_comment = format!("{FORMAT} {}", card.key_id);
    if signature.trusted_comment().ok().as_deref() != Some(expected_comment.as_str()) {
        return Err(bad("the signature's trusted comment is not this card's"));
    }
    minisign::verify(
        &public,
        &signature,
        Cursor::new(canonical(&card)?),
        true,
        false,
        false,
    )
    .map_err(|_| {
        bad("the signature does not match: the card was altered or not signed by its key")
    })?;
    let fingerprint = fingerprint(&card)?;
    Ok(Checked { card, fingerprint })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn station() -> (StationKeys, SigningKey) {
        let key = SigningKey::generate().unwrap();
        let identity = x25519::Identity::generate();
        let keys = StationKeys {
            key_id: key.key_id(),
            signing_public: key.public_key().clone(),
            age_recipient: identity.to_public(),
        };
        (keys, key)
    }

    #[test]
    fn a_card_round_trips_and_any_change_is_refused() {
        let (keys, key) = station();
        let (bytes, written) = write("Post 3", "Customs Bamako", &keys, &key).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(is_card(&text));
        let read_back = read(&text).unwrap();
        assert_eq!(read_back.card, written.card);
        assert_eq!(read_back.fingerprint, written.fingerprint);
        assert_eq!(read_back.fingerprint.len(), 8 * 4 + 7);
        for (from, to) in [("Post 3", "Post 4"), ("Customs Bamako", "Customs Gao")] {
            let altered = text.replace(from, to);
            assert!(read(&altered).is_err(), "changing {from} went unnoticed");
        }
        let (other, _) = station();
        let swapped = text.replace(
            &keys.age_recipient.to_string(),
            &other.age_recipient.to_string(),
        );
        assert!(read(&swapped).is_err(), "a swapped age key went unnoticed");
    }
}
