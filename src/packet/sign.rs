//! `manifest.json.minisig`: a standard minisign signature (Ed25519, pre-hashed) of the canonical
//! manifest bytes, so `minisign -V -p station.pub -m manifest.json` checks it by hand.
//!
//! The trusted comment carries the format, kind and packet id. The signature file is accepted
//! only in exactly the form this module writes: minisign leaves the untrusted comment and some
//! whitespace unsigned, and a packet must fail verification if any byte of it changes.

use std::fmt;
use std::io::Cursor;
use std::str::FromStr;

use minisign::{PublicKey, PublicKeyBox, SecretKey, SignatureBox};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::manifest::Manifest;
use super::{FORMAT, PacketError, Reason};
use crate::said;

/// The untrusted comment line of every packet signature (minisign does not sign it, so it says
/// nothing that matters and must not vary).
pub const UNTRUSTED_COMMENT: &str = "fieldtrace-packet/1 manifest signature";

/// A signing key's id: minisign's 8-byte key number, written as minisign prints it (16
/// upper-case hex digits, e.g. `C8A1F7B2D40E9A13`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId([u8; 8]);

impl KeyId {
    pub fn from_keynum(keynum: &[u8]) -> Option<KeyId> {
        keynum.try_into().ok().map(KeyId)
    }

    pub fn of(public_key: &PublicKey) -> KeyId {
        let mut id = [0u8; 8];
        id.copy_from_slice(&public_key.keynum()[..8]);
        KeyId(id)
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016X}", u64::from_le_bytes(self.0))
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({self})")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a key id (16 upper-case hex digits)")]
pub struct BadKeyId(String);

impl FromStr for KeyId {
    type Err = BadKeyId;

    fn from_str(s: &str) -> Result<KeyId, BadKeyId> {
        let canonical = s.len() == 16
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        let number = u64::from_str_radix(s, 16).ok().filter(|_| canonical);
        number
            .map(|n| KeyId(n.to_le_bytes()))
            .ok_or_else(|| BadKeyId(s.to_owned()))
    }
}

impl Serialize for KeyId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for KeyId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// This station's unlocked minisign key pair. Its `Debug` shows the key id only.
#[derive(Clone)]
pub struct SigningKey {
    public: PublicKey,
    secret: SecretKey,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("key_id", &self.key_id())
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// A fresh key pair, not stored anywhere (the keys module stores it passphrase-protected).
    pub fn generate() -> Result<SigningKey, PacketError> {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().map_err(|e| {
            PacketError::new(
                Reason::SignFailed,
                said!("packet-err-key-generation", error = e.to_string()),
            )
        })?;
        Ok(SigningKey {
            public: pair.pk,
            secret: pair.sk,
        })
    }

    /// Pair an unlocked secret key with its public key, refusing a mismatch.
    pub fn from_parts(public: PublicKey, secret: SecretKey) -> Result<SigningKey, PacketError> {
        if secret.is_encrypted() || public.keynum() != secret.keynum() {
            return Err(PacketError::new(
                Reason::SignFailed,
                said!("packet-err-secret-key"),
            ));
        }
        Ok(SigningKey { public, secret })
    }

    pub fn key_id(&self) -> KeyId {
        KeyId::of(&self.public)
    }

    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    pub(crate) fn secret_key(&self) -> &SecretKey {
        &self.secret
    }
}

/// The standard two-line minisign `.pub` file of a public key.
pub fn public_key_file(public: &PublicKey) -> Result<String, PacketError> {
    public.to_box().map(PublicKeyBox::into_string).map_err(|e| {
        PacketError::new(
            Reason::SignFailed,
            said!("packet-err-public-key", error = e.to_string()),
        )
    })
}

/// Read a public key from a minisign `.pub` file or from its bare base64 line.
pub fn parse_public_key(text: &str) -> Result<PublicKey, PacketError> {
    let trimmed = text.trim();
    let parsed = if trimmed.starts_with("untrusted comment:") {
        PublicKeyBox::from_string(trimmed).and_then(PublicKeyBox::into_public_key)
    } else {
        PublicKey::from_base64(trimmed)
    };
    parsed.map_err(|e| {
        PacketError::new(
            Reason::BadSignatureFile,
            said!("packet-err-public-key", error = e.to_string()),
        )
    })
}

/// Sign canonical manifest bytes; returns the `manifest.json.minisig` file.
pub fn sign_manifest(
    manifest_bytes: &[u8],
    manifest: &Manifest,
    key: &SigningKey,
) -> Result<Vec<u8>, PacketError> {
    let signature = minisign::sign(
        Some(&key.public),
        key.secret_key(),
        Cursor::new(manifest_bytes),
        Some(&manifest.trusted_comment()),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| signing_failed(&e))?;
    Ok(signature.into_string().into_bytes())
}

/// Signs any bytes (the local custody checkpoint): the minisign signature file.
pub fn sign_bytes(bytes: &[u8], comment: &str, key: &SigningKey) -> Result<String, PacketError> {
    let signature = minisign::sign(
        Some(&key.public),
        key.secret_key(),
        Cursor::new(bytes),
        // Signature files are read only in the form packets' take (`parse_signature_file`).
        Some(&format!("{FORMAT} {comment}")),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| signing_failed(&e))?;
    Ok(signature.into_string())
}

fn signing_failed(e: &dyn fmt::Display) -> PacketError {
    PacketError::new(
        Reason::SignFailed,
        said!("packet-err-signing", error = e.to_string()),
    )
}

/// Checks a signature file made by `sign_bytes` over `bytes` with `public`.
pub fn verify_bytes(
    bytes: &[u8],
    signature_file: &[u8],
    public: &PublicKey,
) -> Result<(), PacketError> {
    let signature = parse_signature_file(signature_file)?;
    minisign::verify(public, &signature, Cursor::new(bytes), true, false, false).map_err(|e| {
        PacketError::new(
            Reason::BadSignatureFile,
            said!("packet-err-signature", error = e.to_string()),
        )
    })
}

/// The key id a signature file claims, read without trusting anything else in it.
pub fn signature_key_id(signature_file: &[u8]) -> Result<KeyId, PacketError> {
    let signature = parse_signature_file(signature_file)?;
    KeyId::from_keynum(signature.keynum())
        .ok_or_else(|| PacketError::new(Reason::BadSignatureFile, said!("packet-err-key-id")))
}

/// Check `signature_file` over `manifest_bytes` with `public`, and that its trusted comment is
/// the one `manifest` calls for.
pub fn verify_manifest(
    manifest_bytes: &[u8],
    manifest: &Manifest,
    signature_file: &[u8],
    public: &PublicKey,
) -> Result<(), PacketError> {
    let signature = parse_signature_file(signature_file)?;
    let signed_by = KeyId::from_keynum(signature.keynum());
    if signed_by != Some(manifest.station.key_id) || KeyId::of(public) != manifest.station.key_id {
        return Err(PacketError::new(
            Reason::KeyMismatch,
            said!(
                "packet-err-signed-by-other",
                key = manifest.station.key_id.to_string()
            ),
        ));
    }
    minisign::verify(
        public,
        &signature,
        Cursor::new(manifest_bytes),
        true,
        false,
        false,
    )
    .map_err(|e| {
        PacketError::new(
            Reason::BadSignature,
            said!("packet-err-signature", error = e.to_string()),
        )
    })?;
    let comment = signature.trusted_comment().map_err(|e| {
        PacketError::new(
            Reason::BadSignature,
            said!("packet-err-trusted-comment", error = e.to_string()),
        )
    })?;
    if comment != manifest.trusted_comment() {
        return Err(PacketError::new(
            Reason::BadSignature,
            said!("packet-err-comment-mismatch", comment = comment.as_str()),
        ));
    }
    Ok(())
}

fn parse_signature_file(signature_file: &[u8]) -> Result<SignatureBox, PacketError> {
    let bad = |detail: crate::i18n::Said| PacketError::new(Reason::BadSignatureFile, detail);
    if signature_file.len() > 1024 {
        return Err(bad(said!("packet-err-signature-too-large")));
    }
    let text = std::str::from_utf8(signature_file)
        .map_err(|_| bad(said!("packet-err-signature-not-utf8")))?;
    let signature = SignatureBox::from_string(text)
        .map_err(|e| bad(said!("packet-err-not-minisign", error = e.to_string())))?;
    if !signature.is_prehashed() {
        return Err(bad(said!("packet-err-legacy-signature")));
    }
    let untrusted = signature
        .untrusted_comment()
        .map_err(|e| bad(said!("packet-err-untrusted-comment", error = e.to_string())))?;
    if untrusted != UNTRUSTED_COMMENT {
        return Err(bad(said!("packet-err-untrusted-not-ours")));
    }
    // Refuses variants in whitespace and base64 that minisign would read the same way.
    let trusted_ok = signature
        .trusted_comment()
        .is_ok_and(|c| c.starts_with(FORMAT) && !c.contains(['\r', '\n']));
    if !trusted_ok || signature.to_string() != text {
        return Err(bad(said!("packet-err-signature-form")));
    }
    Ok(signature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packet::test_support::{sample_manifest_for, trace_request_body};

    #[test]
    fn key_ids_print_like_minisign_and_parse_back() {
        let key = SigningKey::generate().unwrap();
        let id = key.key_id();
        let shown = id.to_string();
        assert_eq!(shown.len(), 16);
        let pub_file = public_key_file(key.public_key()).unwrap();
        assert!(pub_file.starts_with(&format!(
            "untrusted comment: minisign public key: {shown}\n"
        )));
        assert_eq!(shown.parse::<KeyId>().unwrap(), id);
        assert!(shown.to_lowercase().parse::<KeyId>().is_err() || shown == shown.to_lowercase());
        assert!("12345".parse::<KeyId>().is_err());
        assert!(!format!("{key:?}").contains(&format!("{:?}", key.secret_key())));
    }

    #[test]
    fn sign_then_verify_and_refuse_tampering() {
        let key = SigningKey::generate().unwrap();
        let manifest = sample_manifest_for(&key, trace_request_body());
        let bytes = manifest.canonical_bytes().unwrap();
        let signature = sign_manifest(&bytes, &manifest, &key).unwrap();
        verify_manifest(&bytes, &manifest, &signature, key.public_key()).unwrap();
        assert_eq!(signature_key_id(&signature).unwrap(), key.key_id());

        let mut tampered = bytes.clone();
        tampered[10] ^= 1;
        let err = verify_manifest(&tampered, &manifest, &signature, key.public_key()).unwrap_err();
        assert_eq!(err.reason, Reason::BadSignature);

        let other = SigningKey::generate().unwrap();
        let err = verify_manifest(&bytes, &manifest, &signature, other.public_key()).unwrap_err();
        assert_eq!(err.reason, Reason::KeyMismatch);

        let text = String::from_utf8(signature.clone()).unwrap();
        let renamed = text.replace(UNTRUSTED_COMMENT, "anything else");
        let err =
            verify_manifest(&bytes, &manifest, renamed.as_bytes(), key.public_key()).unwrap_err();
        assert_eq!(err.reason, Reason::BadSignatureFile);
        let crlf = text.replace('\n', "\r\n");
        let err =
            verify_manifest(&bytes, &manifest, crlf.as_bytes(), key.public_key()).unwrap_err();
        assert_eq!(err.reason, Reason::BadSignatureFile);
    }

    #[test]
    fn a_signature_for_another_packet_is_refused() {
        let key = SigningKey::generate().unwrap();
        let manifest = sample_manifest_for(&key, trace_request_body());
        let bytes = manifest.canonical_bytes().unwrap();
        let signature = sign_manifest(&bytes, &manifest, &key).unwrap();
        let mut other = manifest.clone();
        other.kind = crate::packet::Kind::SeizureReport;
        let err = verify_manifest(&bytes, &other, &signature, key.public_key()).unwrap_err();
        assert_eq!(err.reason, Reason::BadSignature);
    }
}
