//! Packets (format `fieldtrace-packet/1`): a packet is a value. Canonical manifest bytes, the
//! minisign signature, the deterministic tar around them, age encryption and the receiver's
//! checks. No printing, no clock, no file system: callers hand in bytes and get bytes back.
//!
//! Every refusal carries a [`Reason`] whose code (`too-large`, `bad-entry-name`, ...) is stable:
//! it is written into quarantine records and `packet verify --json`, so never rename one.

pub mod archive;
pub mod encrypt;
pub mod manifest;
pub mod sign;
pub mod verify;

pub use archive::{ArchiveLimits, PacketArchive};
pub use manifest::{Attachment, Kind, Manifest, Recipient, Station};
pub use sign::{KeyId, SigningKey};
pub use verify::{KnownSigner, VerifyOptions, VerifyReport};

use crate::i18n::Said;
use crate::said;

/// The `format` value of every manifest this version writes and reads.
pub const FORMAT: &str = "fieldtrace-packet/1";

/// File name suffix of a packet, and of an encrypted one.
pub const PACKET_SUFFIX: &str = ".ftpkt";
pub const ENCRYPTED_SUFFIX: &str = ".ftpkt.age";

/// Why a packet was refused. The codes are part of the on-disk and `--json` contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    TooLarge,
    MemberTooLarge,
    TooManyMembers,
    Truncated,
    TrailingData,
    BadHeader,
    NonCanonical,
    BadEntryName,
    NotAFile,
    LinkEntry,
    DuplicateEntry,
    MissingManifest,
    MissingSignature,
    ManifestTooLarge,
    ManifestNotUtf8,
    DuplicateKey,
    UnknownFormat,
    BadManifest,
    NonCanonicalManifest,
    BadSignatureFile,
    UnknownKey,
    RevokedKey,
    KeyMismatch,
    BadSignature,
    WrongRecipient,
    MissingAttachment,
    BadAttachment,
    UnlistedAttachment,
    NotAge,
    AgeHeaderTooLarge,
    TooManyRecipients,
    NoMatchingIdentity,
    DecryptFailed,
    PlaintextTooLarge,
    EncryptFailed,
    SignFailed,
}

impl Reason {
    /// Every reason, for what must know them all (the catalogue's sentence for each code).
    pub const ALL: &'static [Reason] = &[
        Reason::TooLarge,
        Reason::MemberTooLarge,
        Reason::TooManyMembers,
        Reason::Truncated,
        Reason::TrailingData,
        Reason::BadHeader,
        Reason::NonCanonical,
        Reason::BadEntryName,
        Reason::NotAFile,
        Reason::LinkEntry,
        Reason::DuplicateEntry,
        Reason::MissingManifest,
        Reason::MissingSignature,
        Reason::ManifestTooLarge,
        Reason::ManifestNotUtf8,
        Reason::DuplicateKey,
        Reason::UnknownFormat,
        Reason::BadManifest,
        Reason::NonCanonicalManifest,
        Reason::BadSignatureFile,
        Reason::UnknownKey,
        Reason::RevokedKey,
        Reason::KeyMismatch,
        Reason::BadSignature,
        Reason::WrongRecipient,
        Reason::MissingAttachment,
        Reason::BadAttachment,
        Reason::UnlistedAttachment,
        Reason::NotAge,
        Reason::AgeHeaderTooLarge,
        Reason::TooManyRecipients,
        Reason::NoMatchingIdentity,
        Reason::DecryptFailed,
        Reason::PlaintextTooLarge,
        Reason::EncryptFailed,
        Reason::SignFailed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::TooLarge => "too-large",
            Reason::MemberTooLarge => "member-too-large",
            Reason::TooManyMembers => "too-many-members",
            Reason::Truncated => "truncated",
            Reason::TrailingData => "trailing-data",
            Reason::BadHeader => "bad-header",
            Reason::NonCanonical => "non-canonical-archive",
            Reason::BadEntryName => "bad-entry-name",
            Reason::NotAFile => "not-a-file",
            Reason::LinkEntry => "link-entry",
            Reason::DuplicateEntry => "duplicate-entry",
            Reason::MissingManifest => "missing-manifest",
            Reason::MissingSignature => "missing-signature",
            Reason::ManifestTooLarge => "manifest-too-large",
            Reason::ManifestNotUtf8 => "manifest-not-utf8",
            Reason::DuplicateKey => "duplicate-key",
            Reason::UnknownFormat => "unknown-format",
            Reason::BadManifest => "bad-manifest",
            Reason::NonCanonicalManifest => "non-canonical-manifest",
            Reason::BadSignatureFile => "bad-signature-file",
            Reason::UnknownKey => "unknown-key",
            Reason::RevokedKey => "revoked-key",
            Reason::KeyMismatch => "key-mismatch",
            Reason::BadSignature => "bad-signature",
            Reason::WrongRecipient => "wrong-recipient",
            Reason::MissingAttachment => "missing-attachment",
            Reason::BadAttachment => "bad-attachment",
            Reason::UnlistedAttachment => "unlisted-attachment",
            Reason::NotAge => "not-age",
            Reason::AgeHeaderTooLarge => "age-header-too-large",
            Reason::TooManyRecipients => "too-many-recipients",
            Reason::NoMatchingIdentity => "no-matching-identity",
            Reason::DecryptFailed => "decrypt-failed",
            Reason::PlaintextTooLarge => "plaintext-too-large",
            Reason::EncryptFailed => "encrypt-failed",
            Reason::SignFailed => "sign-failed",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// A refused or failed packet operation: a stable reason code and a sentence for a person, in
/// the officer's language when shown and in English where it is recorded or serialised
/// (quarantine records, acknowledgements, `--json`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{detail} [{reason}]")]
pub struct PacketError {
    pub reason: Reason,
    pub detail: Said,
}

impl PacketError {
    pub fn new(reason: Reason, detail: Said) -> PacketError {
        PacketError { reason, detail }
    }
}

/// Lower-case hex SHA-256, the name of attachments and the identity of a manifest.
pub use crate::fs::sha256_hex;

/// A packet built and signed by this station, ready to be written to the outbox.
#[derive(Debug, Clone)]
pub struct SignedPacket {
    pub manifest: Manifest,
    /// The canonical `manifest.json` bytes that were signed.
    pub manifest_bytes: Vec<u8>,
    /// The `manifest.json.minisig` file.
    pub signature: Vec<u8>,
    /// SHA-256 of `manifest_bytes`: what acknowledgements name.
    pub manifest_sha256: String,
    /// The whole `.ftpkt` tar.
    pub archive: Vec<u8>,
}

impl SignedPacket {
    pub fn file_name(&self) -> String {
        format!("{}{PACKET_SUFFIX}", self.manifest.packet_id)
    }
}

/// Sign `manifest` and wrap it with its attachments into a packet. Every attachment the manifest
/// lists must be among `attachments` (matched by hash), and nothing else may be.
pub fn build(
    manifest: &Manifest,
    attachments: &[&[u8]],
    key: &SigningKey,
) -> Result<SignedPacket, PacketError> {
    if manifest.station.key_id != key.key_id() {
        return Err(PacketError::new(
            Reason::KeyMismatch,
            said!(
                "packet-err-station-key",
                named = manifest.station.key_id.to_string(),
                key = key.key_id().to_string()
            ),
        ));
    }
    let mut blobs: Vec<(String, &[u8])> = attachments
        .iter()
        .map(|bytes| (sha256_hex(bytes), *bytes))
        .collect();
    blobs.sort_by(|a, b| a.0.cmp(&b.0));
    blobs.dedup_by(|a, b| a.0 == b.0);
    for listed in &manifest.attachments {
        let found = blobs.iter().find(|(hash, _)| *hash == listed.sha256);
        match found {
            Some((_, bytes)) if bytes.len() as u64 == listed.bytes => {}
            Some(_) => {
                return Err(PacketError::new(
                    Reason::BadAttachment,
                    said!(
                        "packet-err-attachment-length",
                        sha = listed.sha256.as_str(),
                        bytes = listed.bytes
                    ),
                ));
            }
            None => {
                return Err(PacketError::new(
                    Reason::MissingAttachment,
                    said!(
                        "packet-err-attachment-not-given",
                        sha = listed.sha256.as_str()
                    ),
                ));
            }
        }
    }
    if let Some((hash, _)) = blobs
        .iter()
        .find(|(hash, _)| !manifest.attachments.iter().any(|a| a.sha256 == *hash))
    {
        return Err(PacketError::new(
            Reason::UnlistedAttachment,
            said!("packet-err-attachment-not-listed", sha = hash.as_str()),
        ));
    }
    let manifest_bytes = manifest.canonical_bytes()?;
    let signature = sign::sign_manifest(&manifest_bytes, manifest, key)?;
    let blob_slices: Vec<&[u8]> = blobs.iter().map(|(_, bytes)| *bytes).collect();
    let archive = archive::write(&manifest_bytes, &signature, &blob_slices)?;
    // What a receiver with default limits would refuse is not worth signing and sending.
    archive::read(&archive, &ArchiveLimits::default())?;
    Ok(SignedPacket {
        manifest: manifest.clone(),
        manifest_sha256: sha256_hex(&manifest_bytes),
        manifest_bytes,
        signature,
        archive,
    })
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod interop_tests;
