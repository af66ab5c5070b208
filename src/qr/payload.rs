//! The bytes that travel by QR: the signed manifest and its signature, and nothing else (photos
//! follow by file; their hashes are in the signed manifest).
//!
//! To keep a one-weapon request to few frames, the payload is a CBOR array of three byte strings:
//! `[manifest.json, signature, global signature]`, where the two signatures are minisign's binary
//! forms (74 and 64 bytes). The rest of `manifest.json.minisig` is fixed (the untrusted comment)
//! or follows from the manifest (the trusted comment), so the receiver rebuilds the file byte for
//! byte, and [`encode`] refuses any signature file it could not rebuild.

use crate::packet::manifest::{MAX_MANIFEST_BYTES, parse_strict};
use crate::packet::sign::UNTRUSTED_COMMENT;

use super::QrError;

const SIGNATURE_BYTES: usize = 74;
const GLOBAL_SIGNATURE_BYTES: usize = 64;

/// The largest payload a receiver will assemble: a full-size manifest plus the signatures.
pub const MAX_PAYLOAD_BYTES: usize = MAX_MANIFEST_BYTES + 256;

/// Pack `manifest.json` and `manifest.json.minisig` for QR transfer.
pub fn encode(manifest: &[u8], signature_file: &[u8]) -> Result<Vec<u8>, QrError> {
    let text = std::str::from_utf8(signature_file)
        .map_err(|_| QrError::Payload(crate::t!("qr-signature-not-utf8")))?;
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    let [_, signature_line, _, global_line] = lines[..] else {
        return Err(QrError::Payload(crate::t!("qr-signature-not-four-lines")));
    };
    let signature = base64_decode(signature_line)
        .filter(|bytes| bytes.len() == SIGNATURE_BYTES)
        .ok_or_else(|| QrError::Payload(crate::t!("qr-signature-line-malformed")))?;
    let global = base64_decode(global_line)
        .filter(|bytes| bytes.len() == GLOBAL_SIGNATURE_BYTES)
        .ok_or_else(|| QrError::Payload(crate::t!("qr-global-signature-malformed")))?;
    if rebuild_signature_file(manifest, &signature, &global)?.as_bytes() != signature_file {
        return Err(QrError::Payload(crate::t!("qr-signature-not-ours")));
    }
    let mut out = Vec::with_capacity(manifest.len() + 160);
    out.push(0x83);
    for bytes in [manifest, &signature, &global] {
        push_bytes_header(&mut out, bytes.len());
        out.extend_from_slice(bytes);
    }
    Ok(out)
}

/// `manifest.json` and `manifest.json.minisig`, as unpacked from a QR payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedManifest {
    pub manifest: Vec<u8>,
    pub signature: Vec<u8>,
}

/// Unpack a QR payload into `manifest.json` and `manifest.json.minisig`.
pub fn decode(payload: &[u8]) -> Result<SignedManifest, QrError> {
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(QrError::TooLarge {
            declared: payload.len() as u64,
            limit: MAX_PAYLOAD_BYTES as u64,
        });
    }
    let malformed = || QrError::Payload(crate::t!("qr-payload-not-packet"));
    let mut rest = payload.strip_prefix(&[0x83]).ok_or_else(malformed)?;
    let mut fields: Vec<&[u8]> = Vec::with_capacity(3);
    for _ in 0..3 {
        let (bytes, after) = take_bytes(rest).ok_or_else(malformed)?;
        fields.push(bytes);
        rest = after;
    }
    let [manifest, signature, global] = fields[..] else {
        return Err(malformed());
    };
    if !rest.is_empty()
        || signature.len() != SIGNATURE_BYTES
        || global.len() != GLOBAL_SIGNATURE_BYTES
    {
        return Err(malformed());
    }
    let signature_file = rebuild_signature_file(manifest, signature, global)?;
    Ok(SignedManifest {
        manifest: manifest.to_vec(),
        signature: signature_file.into_bytes(),
    })
}

fn rebuild_signature_file(
    manifest: &[u8],
    signature: &[u8],
    global: &[u8],
) -> Result<String, QrError> {
    let trusted_comment = parse_strict(manifest)
        .map_err(QrError::Packet)?
        .trusted_comment();
    Ok(format!(
        "untrusted comment: {UNTRUSTED_COMMENT}\n{}\ntrusted comment: {trusted_comment}\n{}\n",
        base64_encode(signature),
        base64_encode(global)
    ))
}

/// CBOR major type 2 (byte string), shortest length form.
fn push_bytes_header(out: &mut Vec<u8>, len: usize) {
    match len {
        0..=23 => out.push(0x40 | len as u8),
        24..=0xff => out.extend_from_slice(&[0x58, len as u8]),
        0x100..=0xffff => {
            out.push(0x59);
            out.extend_from_slice(&(len as u16).to_be_bytes());
        }
        _ => {
            out.push(0x5a);
            out.extend_from_slice(&(len as u32).to_be_bytes());
        }
    }
}

/// One CBOR byte string and what follows it; `None` if malformed or not in the shortest form.
fn take_bytes(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = super::fountain::take_head(input, 2)?;
    let len = usize::try_from(len).ok()?;
    (rest.len() >= len).then(|| rest.split_at(len))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard padded base64; `None` for anything not in canonical form.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, chunk) in bytes.chunks(4).enumerate() {
        let last = index + 1 == bytes.len() / 4;
        let padding = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - padding] {
            let value = ALPHABET.iter().position(|&a| a == c)?;
            n = (n << 6) | value as u32;
        }
        n <<= 6 * padding as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - padding]);
    }
    (base64_encode(&out) == text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn base64_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
            let text = base64_encode(&bytes);
            prop_assert_eq!(base64_decode(&text), Some(bytes));
        }
    }

    #[test]
    fn base64_refuses_non_canonical_text() {
        assert_eq!(
            base64_encode(b"any carnal pleas"),
            "YW55IGNhcm5hbCBwbGVhcw=="
        );
        assert!(base64_decode("YW55IGNhcm5hbCBwbGVhcx==").is_none());
        assert!(base64_decode("YW5=IGNh").is_none());
        assert!(base64_decode("YW5").is_none());
    }
}
