//! Checking a packet file as this station sees it: against its trust list (or one given
//! public key), opened with its decryption key when encrypted; and rebuilding a packet from
//! QR codes.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::context::Ctx;
use crate::error::usage;
use crate::fs::{read_capped, read_text_capped, write_atomically};
use crate::packet::encrypt::{self, AgeLimits};
use crate::packet::verify::{VerifyReport, verify};
use crate::packet::{self, KeyId, KnownSigner, PacketError, Reason, VerifyOptions};
use crate::qr::{self, Assembler, QrError, ReadLimits};

/// A public key file is a few hundred bytes; refuse to read more than this.
pub const MAX_PUBLIC_KEY_FILE: u64 = 64 * 1024;

/// A small text file the officer names (a key, a list of parts): an unreadable one is the
/// officer's to fix.
pub fn read_named_text(path: &Path, limit: u64, what: &str) -> anyhow::Result<String> {
    read_text_capped(path, limit)
        .map_err(|e| usage(e.to_string()))?
        .ok_or_else(|| {
            usage(crate::t!(
                "sync-too-large-for",
                file = path.display().to_string(),
                what = what
            ))
            .into()
        })
}

/// Who may have signed: the trust list and this station itself, or only the `--pubkey` given.
/// Also this station's key id, for the recipient check.
pub fn signers(
    ctx: &Ctx,
    pubkey: Option<&Path>,
) -> anyhow::Result<(Vec<KnownSigner>, Option<KeyId>)> {
    let store = ctx.key_store()?;
    let trust = store.trust_list()?;
    let own = if store.is_initialised() {
        Some(store.public()?)
    } else {
        None
    };
    let own_id = own.as_ref().map(|k| k.key_id);
    if let Some(path) = pubkey {
        let text = read_named_text(path, MAX_PUBLIC_KEY_FILE, &crate::t!("sync-a-public-key"))?;
        let public_key = packet::sign::parse_public_key(&text)
            .map_err(|e| usage(format!("{}: {}", path.display(), e.detail)))?;
        let key_id = KeyId::of(&public_key);
        let revoked = trust.by_key_id(key_id).is_some_and(|p| p.revoked);
        let name = trust
            .by_key_id(key_id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| path.display().to_string());
        return Ok((
            vec![KnownSigner {
                name,
                public_key,
                revoked,
            }],
            own_id,
        ));
    }
    let mut signers = trust.known_signers();
    if let Some(own) = own {
        let name = ctx
            .station()
            .map(|s| crate::t_en!("sync-this-station-named", name = s.name))
            .unwrap_or_else(|_| crate::t_en!("sync-this-station"));
        signers.push(KnownSigner {
            name,
            public_key: own.signing_public,
            revoked: false,
        });
    }
    Ok((signers, own_id))
}

/// A signer's name as the officer reads it: this station's own, which `--json` carries in
/// English, in the officer's language; any other as it is.
pub fn shown_signer(ctx: &Ctx, name: &str) -> String {
    match ctx.station() {
        Ok(s) if name == crate::t_en!("sync-this-station-named", name = s.name.as_str()) => {
            crate::t!("sync-this-station-named", name = s.name.as_str())
        }
        _ if name == crate::t_en!("sync-this-station") => crate::t!("sync-this-station"),
        _ => name.to_owned(),
    }
}

/// Every check on plain packet bytes. A packet this station signed is checked as its sender
/// would (the recipient is someone else); any other must be addressed to this station.
pub fn check_plain(
    bytes: &[u8],
    signers: &[KnownSigner],
    own: Option<KeyId>,
    require_attachments: bool,
) -> VerifyReport {
    let mut options = VerifyOptions::new(signers, own);
    options.require_attachments = require_attachments;
    let report = verify(bytes, &options);
    if own.is_some() && report.signer.key_id == own {
        options.this_station = None;
        return verify(bytes, &options);
    }
    report
}

/// `packet verify FILE`: every check, an encrypted file opened first.
pub fn verify_file(
    ctx: &Ctx,
    file: &Path,
    pubkey: Option<&Path>,
    require_attachments: bool,
) -> anyhow::Result<VerifyReport> {
    let age_limits = AgeLimits::default();
    let cap = super::destination::file_cap();
    let Some(bytes) = read_capped(file, cap)? else {
        return Ok(VerifyReport::refused(PacketError::new(
            Reason::TooLarge,
            crate::said!("sync-refused-file-too-large", limit = cap),
        )));
    };
    let (signers, own) = signers(ctx, pubkey)?;
    let plain = if encrypt::looks_encrypted(&bytes) {
        if let Err(e) = encrypt::check_header(&bytes, &age_limits) {
            return Ok(VerifyReport::refused(e));
        }
        let store = ctx.key_store()?;
        if !store.is_initialised() {
            return Err(usage(crate::t!("sync-encrypted-no-keys"))
                .hint(crate::t!("sync-encrypted-no-keys-hint"))
                .into());
        }
        let secret = ctx.passphrase(&crate::t!("purpose-decryption"), false)?;
        let identity = store.unlock_identity(&secret)?;
        match encrypt::decrypt(&bytes, &identity, &age_limits) {
            Ok(plain) => plain,
            Err(e) => return Ok(VerifyReport::refused(e)),
        }
    } else {
        bytes
    };
    Ok(check_plain(&plain, &signers, own, require_attachments))
}

/// A packet rebuilt from QR codes.
#[derive(Debug, Serialize)]
pub struct Assembled {
    pub file: String,
    pub parts_read: usize,
    pub parts_ignored: usize,
    pub fragments: usize,
    pub bytes: usize,
    pub verify: VerifyReport,
    /// Images without a code, parts that could not be used.
    #[serde(skip)]
    /// English in `--json`, the officer's language on the terminal.
    pub warnings: Vec<crate::i18n::Said>,
}

/// Rebuilds a packet (without its attachments) from QR frame images or scanned `ur:` lines,
/// writes it to `out` and checks it.
pub fn assemble(
    ctx: &Ctx,
    images: &[PathBuf],
    ur: Option<&Path>,
    out: &Path,
) -> anyhow::Result<Assembled> {
    let mut parts: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    let limits = ReadLimits::default();
    for path in images {
        let Some(bytes) = read_capped(path, limits.max_bytes as u64)? else {
            return Err(usage(crate::t!(
                "sync-image-too-large",
                file = path.display().to_string(),
                limit = limits.max_bytes
            ))
            .into());
        };
        match qr::read_image(&bytes, &limits) {
            Ok(found) if found.is_empty() => {
                warnings.push(crate::said!(
                    "sync-no-qr-code",
                    file = path.display().to_string()
                ));
            }
            Ok(found) => parts.extend(found),
            Err(e) => warnings.push(crate::said!(
                "sync-image-unread",
                file = path.display().to_string(),
                error = e.to_string()
            )),
        }
    }
    if let Some(path) = ur {
        let text = read_named_text(path, 16 * 1024 * 1024, &crate::t!("sync-a-list-of-parts"))?;
        parts.extend(
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(str::to_owned),
        );
    }
    // Parts are read until one message is complete and is a packet; what follows is not read.
    // A message that completes but is not a packet (a forged or stray one) is set aside and
    // reading goes on, so it cannot hide the real one.
    let mut assembler = Assembler::default();
    let mut ignored = 0;
    let mut read = 0;
    let mut signed = None;
    for part in &parts {
        read += 1;
        match assembler.receive(part) {
            Ok(progress) if progress.complete => match qr::assembled_packet(&assembler) {
                Ok(Some(packet)) => {
                    signed = Some(packet);
                    break;
                }
                Ok(None) => {}
                Err(e) => {
                    warnings.push(crate::said!("sync-not-a-packet", error = e.to_string()));
                    assembler.discard_complete();
                }
            },
            Ok(_) => {}
            Err(e @ QrError::TooManyParts(_)) => return Err(usage(e).into()),
            Err(e) => {
                ignored += 1;
                warnings.push(crate::said!("sync-part-ignored", error = e.to_string()));
            }
        }
    }
    let progress = assembler.progress();
    let Some(signed) = signed else {
        anyhow::bail!(
            "{}",
            crate::t!(
                "sync-incomplete",
                resolved = progress.fragments_resolved,
                count = progress.fragment_count,
                parts = parts.len()
            )
        );
    };
    let unread = parts.len() - read;
    if unread > 0 {
        warnings.push(crate::said!("sync-parts-unread", count = unread));
    }
    let archive = packet::archive::write(&signed.manifest, &signed.signature, &[])?;
    write_atomically(out, &archive)?;
    let (signers, own) = signers(ctx, None)?;
    let verify = check_plain(&archive, &signers, own, false);
    Ok(Assembled {
        file: out.display().to_string(),
        parts_read: read,
        parts_ignored: ignored,
        fragments: progress.fragment_count,
        bytes: archive.len(),
        verify,
        warnings,
    })
}
