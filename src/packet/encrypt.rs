//! `<packet_id>.ftpkt.age`: the whole packet file wrapped with age (X25519) to the recipient and
//! optionally an archive key. Sign first, then encrypt. The standard `age -d -i key.txt` opens it.
//!
//! Before handing anything to the age crate, the header is found and capped by hand: a header
//! with thousands of stanzas costs seconds to parse (sync-notes §5, age header DoS).

use std::io::{Read, Write};

use age::x25519;

use super::{PacketError, Reason};
use crate::said;

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Caps on an encrypted packet, checked before and while decrypting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeLimits {
    pub max_header_bytes: usize,
    pub max_stanzas: usize,
    pub max_plaintext_bytes: u64,
}

impl Default for AgeLimits {
    fn default() -> Self {
        AgeLimits {
            max_header_bytes: 4096,
            max_stanzas: 8,
            max_plaintext_bytes: super::ArchiveLimits::default().max_total_bytes,
        }
    }
}

/// Whether a file is an age-encrypted packet (binary age format) rather than a plain one.
pub fn looks_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Encrypt a packet file to one or more X25519 recipients.
pub fn encrypt(packet: &[u8], recipients: &[x25519::Recipient]) -> Result<Vec<u8>, PacketError> {
    let failed = |e: &dyn std::fmt::Display| {
        PacketError::new(
            Reason::EncryptFailed,
            said!("packet-err-age", error = e.to_string()),
        )
    };
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| failed(&e))?;
    let mut out = Vec::with_capacity(packet.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| failed(&e))?;
    writer.write_all(packet).map_err(|e| failed(&e))?;
    writer.finish().map_err(|e| failed(&e))?;
    Ok(out)
}

/// Check the age header's size and stanza count without parsing it further.
pub fn check_header(encrypted: &[u8], limits: &AgeLimits) -> Result<(), PacketError> {
    if !encrypted.starts_with(AGE_MAGIC) {
        return Err(PacketError::new(
            Reason::NotAge,
            said!("packet-err-not-age"),
        ));
    }
    let window = &encrypted[..encrypted.len().min(limits.max_header_bytes)];
    // The header ends with the MAC line "--- <base64>\n".
    let Some(mac_line) = find(window, b"\n--- ") else {
        return Err(PacketError::new(
            Reason::AgeHeaderTooLarge,
            said!(
                "packet-err-age-header-long",
                limit = limits.max_header_bytes
            ),
        ));
    };
    let stanzas = window[..mac_line + 1]
        .split(|&b| b == b'\n')
        .filter(|line| line.starts_with(b"-> "))
        .count();
    if stanzas > limits.max_stanzas {
        return Err(PacketError::new(
            Reason::TooManyRecipients,
            said!(
                "packet-err-age-stanzas",
                count = stanzas,
                limit = limits.max_stanzas
            ),
        ));
    }
    Ok(())
}

/// Decrypt an encrypted packet with this station's identity, within `limits`.
pub fn decrypt(
    encrypted: &[u8],
    identity: &x25519::Identity,
    limits: &AgeLimits,
) -> Result<Vec<u8>, PacketError> {
    check_header(encrypted, limits)?;
    let decryptor = age::Decryptor::new_buffered(encrypted).map_err(|e| {
        PacketError::new(
            Reason::DecryptFailed,
            said!("packet-err-age-header", error = e.to_string()),
        )
    })?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => {
                PacketError::new(Reason::NoMatchingIdentity, said!("packet-err-not-for-us"))
            }
            other => PacketError::new(
                Reason::DecryptFailed,
                said!("packet-err-age", error = other.to_string()),
            ),
        })?;
    let mut plaintext = Vec::new();
    (&mut reader)
        .take(limits.max_plaintext_bytes + 1)
        .read_to_end(&mut plaintext)
        .map_err(|e| {
            PacketError::new(
                Reason::DecryptFailed,
                said!("packet-err-age", error = e.to_string()),
            )
        })?;
    if plaintext.len() as u64 > limits.max_plaintext_bytes {
        return Err(PacketError::new(
            Reason::PlaintextTooLarge,
            said!(
                "packet-err-plaintext-too-large",
                limit = limits.max_plaintext_bytes
            ),
        ));
    }
    Ok(plaintext)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn encrypt_then_decrypt_to_each_recipient() {
        let npc = x25519::Identity::generate();
        let archive = x25519::Identity::generate();
        let stranger = x25519::Identity::generate();
        let packet = b"a packet".repeat(100);
        let sealed = encrypt(&packet, &[npc.to_public(), archive.to_public()]).unwrap();
        let limits = AgeLimits::default();
        assert!(looks_encrypted(&sealed) && !looks_encrypted(&packet));
        assert_eq!(decrypt(&sealed, &npc, &limits).unwrap(), packet);
        assert_eq!(decrypt(&sealed, &archive, &limits).unwrap(), packet);
        let err = decrypt(&sealed, &stranger, &limits).unwrap_err();
        assert_eq!(err.reason, Reason::NoMatchingIdentity);
        let _ = npc.to_string().expose_secret().len();
    }

    #[test]
    fn caps_and_damage_are_refused() {
        let npc = x25519::Identity::generate();
        let packet = vec![1u8; 5000];
        let sealed = encrypt(&packet, &[npc.to_public()]).unwrap();
        let small = AgeLimits {
            max_plaintext_bytes: 4999,
            ..AgeLimits::default()
        };
        assert_eq!(
            decrypt(&sealed, &npc, &small).unwrap_err().reason,
            Reason::PlaintextTooLarge
        );
        let tight = AgeLimits {
            max_header_bytes: 40,
            ..AgeLimits::default()
        };
        assert_eq!(
            decrypt(&sealed, &npc, &tight).unwrap_err().reason,
            Reason::AgeHeaderTooLarge
        );
        let many: Vec<x25519::Recipient> = (0..9)
            .map(|_| x25519::Identity::generate().to_public())
            .collect();
        let crowded = encrypt(&packet, &many).unwrap();
        assert_eq!(
            decrypt(&crowded, &npc, &AgeLimits::default())
                .unwrap_err()
                .reason,
            Reason::TooManyRecipients
        );
        assert_eq!(
            decrypt(&packet, &npc, &AgeLimits::default())
                .unwrap_err()
                .reason,
            Reason::NotAge
        );
        let limits = AgeLimits::default();
        for len in [sealed.len() - 1, sealed.len() - 17, sealed.len() / 2] {
            assert!(
                decrypt(&sealed[..len], &npc, &limits).is_err(),
                "truncated at {len}"
            );
        }
        // sync-notes §5: 4,000 junk stanzas took age implementations seconds to parse.
        let mut junk = AGE_MAGIC.to_vec();
        for _ in 0..4000 {
            junk.extend_from_slice(b"-> X25519 AAAA\nAAAA\n");
        }
        junk.extend_from_slice(b"--- AAAA\n");
        assert_eq!(
            decrypt(&junk, &npc, &limits).unwrap_err().reason,
            Reason::AgeHeaderTooLarge
        );
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(
            decrypt(&flipped, &npc, &limits).unwrap_err().reason,
            Reason::DecryptFailed
        );
    }
}
