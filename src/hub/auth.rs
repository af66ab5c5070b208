//! Request authentication: the station signs (method, path, body SHA-256, time, nonce) with its
//! own signing key (the minisign Ed25519 key that signs its packets); the hub checks the key is
//! enrolled and not revoked, the time is within the window, the nonce is new, and the
//! signature. No password exists to leak.

use std::io::Cursor;

use base64::Engine as _;
use chrono::{DateTime, Utc};

use crate::packet::SigningKey;

pub const KEY_HEADER: &str = "x-fieldtrace-key";
pub const TIME_HEADER: &str = "x-fieldtrace-time";
pub const NONCE_HEADER: &str = "x-fieldtrace-nonce";
pub const SIGNATURE_HEADER: &str = "x-fieldtrace-signature";

/// How far a request's time may be from the hub's clock, either way.
pub const WINDOW_SECONDS: i64 = 300;

/// What a request carries to prove who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub key_id: String,
    pub time: String,
    pub nonce: String,
    /// The minisign signature file, base64.
    pub signature: String,
}

/// The bytes signed: one field a line, under a version tag.
pub fn signed_text(method: &str, path: &str, body_sha256: &str, time: &str, nonce: &str) -> String {
    format!("fieldtrace-hub/1\n{method}\n{path}\n{body_sha256}\n{time}\n{nonce}\n")
}

/// Signs a request as the station.
pub fn sign(
    key: &SigningKey,
    method: &str,
    path: &str,
    body_sha256: &str,
    time: &str,
    nonce: &str,
) -> Result<Signed, String> {
    let text = signed_text(method, path, body_sha256, time, nonce);
    let signature = minisign::sign(
        Some(key.public_key()),
        key.secret_key(),
        Cursor::new(text.as_bytes()),
        Some("fieldtrace-hub/1 request"),
        Some("fieldtrace-hub/1 request signature"),
    )
    .map_err(|e| format!("signing the request: {e}"))?;
    Ok(Signed {
        key_id: key.key_id().to_string(),
        time: time.to_owned(),
        nonce: nonce.to_owned(),
        signature: base64::engine::general_purpose::STANDARD.encode(signature.into_string()),
    })
}

/// Why a request is refused, as the hub answers it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("the request is not signed: {0} is missing")]
    Unsigned(&'static str),
    #[error("key {0} is not enrolled at this hub")]
    Unenrolled(String),
    #[error("key {0} was revoked on {1}")]
    Revoked(String, String),
    #[error("the request time {0} is not within {WINDOW_SECONDS} s of the hub's clock ({1})")]
    Stale(String, String),
    #[error("nonce {0} was used before: a replayed request")]
    Replayed(String),
    #[error("the request signature does not verify: {0}")]
    BadSignature(String),
    #[error("the nonce must be 16 to 64 letters or digits")]
    BadNonce,
}

impl AuthError {
    /// The reason code the hub answers with.
    pub fn code(&self) -> &'static str {
        match self {
            AuthError::Unsigned(_) => "unsigned-request",
            AuthError::Unenrolled(_) => "unenrolled",
            AuthError::Revoked(..) => "revoked",
            AuthError::Stale(..) => "stale-request",
            AuthError::Replayed(_) => "replayed-request",
            AuthError::BadSignature(_) => "bad-request-signature",
            AuthError::BadNonce => "bad-nonce",
        }
    }
}

/// Checks the time against the hub's clock.
pub fn check_time(time: &str, now: DateTime<Utc>) -> Result<(), AuthError> {
    let stale = || AuthError::Stale(time.chars().take(40).collect(), now.to_rfc3339());
    let at = DateTime::parse_from_rfc3339(time).map_err(|_| stale())?;
    if (now - at.with_timezone(&Utc)).num_seconds().abs() > WINDOW_SECONDS {
        return Err(stale());
    }
    Ok(())
}

pub fn check_nonce(nonce: &str) -> Result<(), AuthError> {
    if (16..=64).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(AuthError::BadNonce)
    }
}

/// Checks the signature over the request with the enrolled public key.
pub fn check_signature(
    public_key: &str,
    signed: &Signed,
    method: &str,
    path: &str,
    body_sha256: &str,
) -> Result<(), AuthError> {
    let bad = |e: String| AuthError::BadSignature(e);
    let public = crate::packet::sign::parse_public_key(public_key)
        .map_err(|e| bad(e.detail.english().to_owned()))?;
    let file = base64::engine::general_purpose::STANDARD
        .decode(signed.signature.as_bytes())
        .map_err(|e| bad(format!("not base64: {e}")))?;
    let file = String::from_utf8(file).map_err(|_| bad("not text".into()))?;
    let signature = minisign::SignatureBox::from_string(&file).map_err(|e| bad(format!("{e}")))?;
    let text = signed_text(method, path, body_sha256, &signed.time, &signed.nonce);
    minisign::verify(
        &public,
        &signature,
        Cursor::new(text.as_bytes()),
        true,
        false,
        false,
    )
    .map_err(|e| bad(format!("{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .unwrap_or_default()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_signed_request_verifies_and_any_change_breaks_it() -> Result<(), String> {
        let key = SigningKey::generate().map_err(|e| e.to_string())?;
        let public =
            crate::packet::sign::public_key_file(key.public_key()).map_err(|e| e.to_string())?;
        let signed = sign(
            &key,
            "PUT",
            "/v1/packets/x",
            "ab",
            "2026-11-25T12:00:00Z",
            "n1",
        )?;
        assert_eq!(
            check_signature(&public, &signed, "PUT", "/v1/packets/x", "ab"),
            Ok(())
        );
        for (method, path, body) in [
            ("GET", "/v1/packets/x", "ab"),
            ("PUT", "/v1/packets/y", "ab"),
            ("PUT", "/v1/packets/x", "cd"),
        ] {
            assert!(matches!(
                check_signature(&public, &signed, method, path, body),
                Err(AuthError::BadSignature(_))
            ));
        }
        let mut later = signed.clone();
        later.time = "2026-11-25T12:01:00Z".into();
        assert!(check_signature(&public, &later, "PUT", "/v1/packets/x", "ab").is_err());
        let other = SigningKey::generate().map_err(|e| e.to_string())?;
        let other =
            crate::packet::sign::public_key_file(other.public_key()).map_err(|e| e.to_string())?;
        assert!(check_signature(&other, &signed, "PUT", "/v1/packets/x", "ab").is_err());
        Ok(())
    }

    #[test]
    fn the_time_window_is_five_minutes_either_way() {
        assert_eq!(check_time("2026-11-25T12:04:59Z", now()), Ok(()));
        assert_eq!(check_time("2026-11-25T11:55:01Z", now()), Ok(()));
        assert!(check_time("2026-11-25T12:05:01Z", now()).is_err());
        assert!(check_time("2026-11-25T11:54:00Z", now()).is_err());
        assert!(check_time("yesterday", now()).is_err());
    }

    #[test]
    fn nonces_are_bounded_words() {
        assert_eq!(check_nonce("0123456789abcdef"), Ok(()));
        assert!(check_nonce("short").is_err());
        assert!(check_nonce("../../../../etc/passwd").is_err());
        assert!(check_nonce(&"a".repeat(65)).is_err());
    }
}
