//! The receiver's checks, in DESIGN.md's order, cheapest first: size caps, the archive walk, the
//! strict manifest, a known and unrevoked key, the signature, the recipient, the attachments.
//! Whether the packet id is new needs the register, so the report exposes the manifest and its
//! SHA-256 and leaves `duplicate` / `conflict` to the caller.

use serde::Serialize;
use uuid::Uuid;

use super::archive::{self, ArchiveLimits};
use super::manifest::{self, Kind, Manifest};
use super::sign::{self, KeyId};
use super::{PacketError, Reason, sha256_hex};
use crate::i18n::Said;
use crate::said;

/// A peer whose packets this station may accept (from the keys module's trust list, or a
/// `--pubkey` file given on the command line).
#[derive(Debug, Clone)]
pub struct KnownSigner {
    pub name: String,
    pub public_key: minisign::PublicKey,
    pub revoked: bool,
}

impl KnownSigner {
    pub fn key_id(&self) -> KeyId {
        KeyId::of(&self.public_key)
    }
}

#[derive(Debug, Clone)]
pub struct VerifyOptions<'a> {
    pub signers: &'a [KnownSigner],
    /// This station's key id; `None` skips the recipient check (a third party checking a packet).
    pub this_station: Option<KeyId>,
    pub limits: ArchiveLimits,
    /// `false` accepts listed attachments that are absent from a packet that carries some;
    /// present ones are still checked. A packet that carries none of the attachments it lists
    /// (the signed manifest alone, as QR codes carry it) is valid either way, its attachments
    /// pending: they follow by file and are checked against the manifest when they come.
    pub require_attachments: bool,
}

impl<'a> VerifyOptions<'a> {
    pub fn new(signers: &'a [KnownSigner], this_station: Option<KeyId>) -> VerifyOptions<'a> {
        VerifyOptions {
            signers,
            this_station,
            limits: ArchiveLimits::default(),
            require_attachments: true,
        }
    }
}

/// What `packet verify --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub valid: bool,
    pub id: Option<Uuid>,
    pub kind: Option<Kind>,
    pub signer: SignerReport,
    pub attachments: AttachmentReport,
    pub errors: Vec<ReportedError>,
    /// The parsed manifest, once it passed the strict parser (trust it only when `valid`).
    #[serde(skip)]
    pub manifest: Option<Manifest>,
    /// SHA-256 of `manifest.json`: with the id, what tells a duplicate from a conflict.
    #[serde(skip)]
    pub manifest_sha256: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SignerReport {
    pub key_id: Option<KeyId>,
    pub name: Option<String>,
    /// Known, not revoked, and the signature verified.
    pub trusted: bool,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct AttachmentReport {
    pub expected: usize,
    pub present: usize,
    pub ok: usize,
    /// Listed but not carried, to follow by file (a packet that travelled in parts).
    pub pending: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedError {
    pub code: Reason,
    /// English in `--json`, the officer's language on the terminal.
    pub message: Said,
}

impl From<PacketError> for ReportedError {
    fn from(e: PacketError) -> Self {
        ReportedError {
            code: e.reason,
            message: e.detail,
        }
    }
}

impl VerifyReport {
    /// A report for a file refused before its contents could be checked.
    pub fn refused(error: PacketError) -> VerifyReport {
        VerifyReport::empty().refuse(error)
    }

    fn empty() -> VerifyReport {
        VerifyReport {
            valid: false,
            id: None,
            kind: None,
            signer: SignerReport::default(),
            attachments: AttachmentReport::default(),
            errors: Vec::new(),
            manifest: None,
            manifest_sha256: None,
        }
    }

    fn refuse(mut self, error: PacketError) -> VerifyReport {
        self.errors.push(error.into());
        self.valid = false;
        self
    }

    /// The first refusal's reason, the one a quarantine record names.
    pub fn first_reason(&self) -> Option<Reason> {
        self.errors.first().map(|e| e.code)
    }
}

/// Run every check on a packet file's bytes (already decrypted, if it was encrypted).
pub fn verify(packet: &[u8], options: &VerifyOptions<'_>) -> VerifyReport {
    let report = VerifyReport::empty();
    let members = match archive::read(packet, &options.limits) {
        Ok(members) => members,
        Err(e) => return report.refuse(e),
    };
    let manifest = match manifest::parse_strict(members.manifest) {
        Ok(manifest) => manifest,
        Err(e) => return report.refuse(e),
    };
    let mut report = VerifyReport {
        id: Some(manifest.packet_id),
        kind: Some(manifest.kind),
        signer: SignerReport {
            key_id: Some(manifest.station.key_id),
            name: None,
            trusted: false,
        },
        attachments: AttachmentReport {
            expected: manifest.attachments.len(),
            present: 0,
            ok: 0,
            pending: 0,
        },
        manifest_sha256: Some(sha256_hex(members.manifest)),
        ..report
    };

    let signer = options
        .signers
        .iter()
        .find(|s| s.key_id() == manifest.station.key_id);
    match signer {
        None => report.errors.push(ReportedError {
            code: Reason::UnknownKey,
            message: said!(
                "packet-err-unknown-key",
                key = manifest.station.key_id.to_string(),
                name = manifest.station.name.as_str()
            ),
        }),
        Some(signer) => {
            report.signer.name = Some(signer.name.clone());
            if signer.revoked {
                report.errors.push(ReportedError {
                    code: Reason::RevokedKey,
                    message: said!("packet-err-revoked", name = signer.name.as_str()),
                });
            } else {
                match sign::verify_manifest(
                    members.manifest,
                    &manifest,
                    members.signature,
                    &signer.public_key,
                ) {
                    Ok(()) => report.signer.trusted = true,
                    Err(e) => report.errors.push(e.into()),
                }
            }
        }
    }

    if let Some(this_station) = options.this_station
        && manifest.recipient.key_id != this_station
    {
        report.errors.push(ReportedError {
            code: Reason::WrongRecipient,
            message: said!(
                "packet-err-wrong-recipient",
                name = manifest.recipient.name.as_str(),
                key = manifest.recipient.key_id.to_string(),
                own = this_station.to_string()
            ),
        });
    }

    // The signed manifest alone: its attachments follow by file.
    let in_parts = members.attachments.is_empty();
    for listed in &manifest.attachments {
        match members.attachments.get(&listed.sha256) {
            None if options.require_attachments && !in_parts => report.errors.push(ReportedError {
                code: Reason::MissingAttachment,
                message: said!(
                    "packet-err-attachment-missing",
                    sha = listed.sha256.as_str(),
                    media = listed.media_type.as_str()
                ),
            }),
            None => report.attachments.pending += 1,
            Some(bytes) => {
                report.attachments.present += 1;
                if bytes.len() as u64 == listed.bytes && sha256_hex(bytes) == listed.sha256 {
                    report.attachments.ok += 1;
                } else {
                    report.errors.push(ReportedError {
                        code: Reason::BadAttachment,
                        message: said!(
                            "packet-err-attachment-differs",
                            sha = listed.sha256.as_str()
                        ),
                    });
                }
            }
        }
    }
    for hash in members.attachments.keys() {
        if !manifest.attachments.iter().any(|a| &a.sha256 == hash) {
            report.errors.push(ReportedError {
                code: Reason::UnlistedAttachment,
                message: said!("packet-err-attachment-unlisted", sha = hash.as_str()),
            });
        }
    }

    report.valid = report.errors.is_empty();
    report.manifest = Some(manifest);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packet::test_support::{peer, sample_manifest_for};
    use crate::packet::{Attachment, SigningKey, build};
    use proptest::prelude::*;

    struct Fixture {
        sender: SigningKey,
        receiver: SigningKey,
        signers: Vec<KnownSigner>,
    }

    fn fixture() -> Fixture {
        let sender = SigningKey::generate().unwrap();
        let receiver = SigningKey::generate().unwrap();
        let signers = vec![peer("Station Bravo", &sender, false)];
        Fixture {
            sender,
            receiver,
            signers,
        }
    }

    fn small_packet(f: &Fixture, photo: &[u8]) -> Vec<u8> {
        let mut manifest = sample_manifest_for(&f.sender, serde_json::json!({"note": "x"}));
        manifest.recipient.key_id = f.receiver.key_id();
        manifest
            .attachments
            .push(Attachment::for_bytes(photo, "image/jpeg"));
        build(&manifest, &[photo], &f.sender).unwrap().archive
    }

    fn codes(report: &VerifyReport) -> Vec<&'static str> {
        report.errors.iter().map(|e| e.code.code()).collect()
    }

    #[test]
    fn a_good_packet_verifies_and_reports_like_the_json_contract() {
        let f = fixture();
        let packet = small_packet(&f, b"jpeg bytes");
        let report = verify(
            &packet,
            &VerifyOptions::new(&f.signers, Some(f.receiver.key_id())),
        );
        assert!(report.valid, "{:?}", report.errors);
        let json = serde_json::to_value(&report).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["attachments", "errors", "id", "kind", "signer", "valid"]
        );
        assert_eq!(json["signer"]["name"], "Station Bravo");
        assert_eq!(json["signer"]["trusted"], true);
        assert_eq!(json["signer"]["key_id"], f.sender.key_id().to_string());
        assert_eq!(
            json["attachments"],
            serde_json::json!({"expected": 1, "present": 1, "ok": 1, "pending": 0})
        );
        assert_eq!(json["kind"], "trace-request");
        assert_eq!(report.manifest_sha256.as_deref().map(str::len), Some(64));
    }

    #[test]
    fn unknown_revoked_and_misdirected_packets_are_refused() {
        let f = fixture();
        let packet = small_packet(&f, b"jpeg");
        let stranger = SigningKey::generate().unwrap();
        let strangers = vec![peer("Someone", &stranger, false)];
        let report = verify(&packet, &VerifyOptions::new(&strangers, None));
        assert_eq!(codes(&report), ["unknown-key"]);
        assert!(!report.signer.trusted);

        let revoked = vec![peer("Station Bravo", &f.sender, true)];
        let report = verify(&packet, &VerifyOptions::new(&revoked, None));
        assert_eq!(codes(&report), ["revoked-key"]);

        let report = verify(
            &packet,
            &VerifyOptions::new(&f.signers, Some(stranger.key_id())),
        );
        assert_eq!(codes(&report), ["wrong-recipient"]);
    }

    #[test]
    fn missing_wrong_and_unlisted_attachments_are_refused() {
        let f = fixture();
        let mut manifest = sample_manifest_for(&f.sender, serde_json::json!({}));
        manifest
            .attachments
            .push(Attachment::for_bytes(b"photo", "image/jpeg"));
        let signed = build(&manifest, &[b"photo"], &f.sender).unwrap();
        let options = VerifyOptions::new(&f.signers, None);
        // The signed manifest alone (as QR codes carry it): valid, its attachment pending.
        let without = archive::write(&signed.manifest_bytes, &signed.signature, &[]).unwrap();
        let report = verify(&without, &options);
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!(
            (
                report.attachments.expected,
                report.attachments.present,
                report.attachments.pending
            ),
            (1, 0, 1)
        );
        // A packet that carries some of its attachments but not all is refused.
        let mut two = sample_manifest_for(&f.sender, serde_json::json!({}));
        for photo in [&b"photo"[..], b"other"] {
            two.attachments
                .push(Attachment::for_bytes(photo, "image/jpeg"));
        }
        let signed_two = build(&two, &[b"photo", b"other"], &f.sender).unwrap();
        let partial = archive::write(
            &signed_two.manifest_bytes,
            &signed_two.signature,
            &[b"photo"],
        )
        .unwrap();
        assert_eq!(codes(&verify(&partial, &options)), ["missing-attachment"]);
        let lenient = VerifyOptions {
            require_attachments: false,
            ..options.clone()
        };
        let report = verify(&partial, &lenient);
        assert!(report.valid);
        assert_eq!(
            (report.attachments.present, report.attachments.pending),
            (1, 1)
        );

        let extra = archive::write(
            &signed.manifest_bytes,
            &signed.signature,
            &[b"photo", b"more"],
        )
        .unwrap();
        assert_eq!(codes(&verify(&extra, &options)), ["unlisted-attachment"]);
    }

    #[test]
    fn a_signature_moved_onto_another_manifest_is_refused() {
        let f = fixture();
        let a = build(
            &sample_manifest_for(&f.sender, serde_json::json!({"n": 1})),
            &[],
            &f.sender,
        )
        .unwrap();
        let b = build(
            &sample_manifest_for(&f.sender, serde_json::json!({"n": 2})),
            &[],
            &f.sender,
        )
        .unwrap();
        let swapped = archive::write(&a.manifest_bytes, &b.signature, &[]).unwrap();
        let report = verify(&swapped, &VerifyOptions::new(&f.signers, None));
        assert_eq!(report.first_reason(), Some(Reason::BadSignature));
    }

    /// Every byte of every member and header, flipped, and every truncation, must be refused.
    #[test]
    fn any_flipped_byte_or_truncation_fails_verification() {
        let f = fixture();
        let packet = small_packet(&f, b"a small photo");
        let options = VerifyOptions::new(&f.signers, Some(f.receiver.key_id()));
        assert!(verify(&packet, &options).valid);
        let mut tampered = packet.clone();
        for i in 0..packet.len() {
            for mask in [0x01u8, 0x80] {
                tampered[i] ^= mask;
                let report = verify(&tampered, &options);
                assert!(
                    !report.valid,
                    "flipping bit {mask:#x} of byte {i} went unnoticed"
                );
                tampered[i] ^= mask;
            }
        }
        for len in 0..packet.len() {
            assert!(
                !verify(&packet[..len], &options).valid,
                "truncation at {len}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Several bytes changed at once, and an optional cut: never a panic, never valid.
        #[test]
        fn mutated_packets_never_verify_and_never_panic(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..6),
            cut in prop::option::of(any::<prop::sample::Index>()),
        ) {
            let f = fixture();
            let packet = small_packet(&f, b"photo");
            let mut mutated = packet.clone();
            for (at, mask) in &edits {
                mutated[at.index(packet.len())] ^= mask;
            }
            if let Some(cut) = cut {
                mutated.truncate(cut.index(packet.len()));
            }
            let report = verify(&mutated, &VerifyOptions::new(&f.signers, None));
            prop_assert!(mutated == packet || !report.valid);
        }

        #[test]
        fn random_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
            let f = fixture();
            let mut padded = bytes.clone();
            padded.resize(bytes.len().div_ceil(512) * 512 + 1024, 0);
            prop_assert!(!verify(&bytes, &VerifyOptions::new(&f.signers, None)).valid);
            prop_assert!(!verify(&padded, &VerifyOptions::new(&f.signers, None)).valid);
            let _ = manifest::parse_strict(&bytes);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn build_sign_verify_round_trips(
            note in "\\PC{0,200}",
            serial in "[A-Z0-9]{1,12}",
            photos in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..800), 0..3),
        ) {
            let f = fixture();
            let mut manifest = sample_manifest_for(
                &f.sender,
                serde_json::json!({"note": note, "serial": serial}),
            );
            let refs: Vec<&[u8]> = photos.iter().map(Vec::as_slice).collect();
            for photo in &refs {
                let entry = Attachment::for_bytes(photo, "image/jpeg");
                if !manifest.attachments.contains(&entry) {
                    manifest.attachments.push(entry);
                }
            }
            let signed = build(&manifest, &refs, &f.sender).unwrap();
            let report = verify(&signed.archive, &VerifyOptions::new(&f.signers, None));
            prop_assert!(report.valid, "{:?}", report.errors);
            prop_assert_eq!(report.manifest.as_ref(), Some(&manifest));
            prop_assert_eq!(report.manifest_sha256, Some(signed.manifest_sha256));
        }
    }
}
