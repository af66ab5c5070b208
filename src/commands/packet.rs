//! `packet verify/show/assemble`: a packet checked offline, whoever wrote it.

use std::io::Read as _;
use std::path::Path;

use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::{PacketCommand, PacketVerifyArgs};
use crate::error::usage;
use crate::fs::write_atomically;
use crate::packet::encrypt::{self, AgeLimits};
use crate::packet::verify::{AttachmentReport, ReportedError, SignerReport, VerifyReport, verify};
use crate::packet::{self, ArchiveLimits, KeyId, KnownSigner, PacketError, Reason, VerifyOptions};
use crate::qr::{self, Assembler, QrError, ReadLimits};

pub fn run(ctx: &Ctx, cmd: PacketCommand) -> anyhow::Result<Status> {
    match cmd {
        PacketCommand::Verify(args) => verify_command(ctx, &args, false),
        PacketCommand::Show(args) => verify_command(ctx, &args, true),
        PacketCommand::Assemble { images, ur, out } => assemble(ctx, &images, ur.as_deref(), &out),
    }
}

fn refused(error: PacketError) -> VerifyReport {
    VerifyReport {
        valid: false,
        id: None,
        kind: None,
        signer: SignerReport::default(),
        attachments: AttachmentReport::default(),
        errors: vec![ReportedError::from(error)],
        manifest: None,
        manifest_sha256: None,
    }
}

/// Who may have signed: the trust list and this station itself, or only the `--pubkey` given.
/// Also this station's key id, for the recipient check.
fn signers(ctx: &Ctx, pubkey: Option<&Path>) -> anyhow::Result<(Vec<KnownSigner>, Option<KeyId>)> {
    let store = ctx.key_store()?;
    let trust = store.trust_list()?;
    let own = if store.is_initialised() {
        Some(store.public()?)
    } else {
        None
    };
    let own_id = own.as_ref().map(|k| k.key_id);
    if let Some(path) = pubkey {
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(64 * 1024).read_to_string(&mut text))
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
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
            .map(|s| format!("this station ({})", s.name))
            .unwrap_or_else(|_| "this station".to_owned());
        signers.push(KnownSigner {
            name,
            public_key: own.signing_public,
            revoked: false,
        });
    }
    Ok((signers, own_id))
}

/// Every check on plain packet bytes. A packet this station signed is checked as its sender
/// would (the recipient is someone else); any other must be addressed to this station.
fn check_plain(
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

/// Reads at most `limit` bytes; `None` if the file is larger.
fn read_capped(path: &Path, limit: u64) -> anyhow::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn verify_file(ctx: &Ctx, args: &PacketVerifyArgs) -> anyhow::Result<VerifyReport> {
    let limits = ArchiveLimits::default();
    let age_limits = AgeLimits::default();
    // age adds 16 bytes per 64 KiB chunk to the packet it wraps, plus its header.
    let cap =
        limits.max_total_bytes + limits.max_total_bytes / 4096 + age_limits.max_header_bytes as u64;
    let Some(bytes) = read_capped(&args.file, cap)? else {
        return Ok(refused(PacketError::new(
            Reason::TooLarge,
            format!("the file is over {cap} bytes"),
        )));
    };
    let (signers, own) = signers(ctx, args.pubkey.as_deref())?;
    let plain = if encrypt::looks_encrypted(&bytes) {
        if let Err(e) = encrypt::check_header(&bytes, &age_limits) {
            return Ok(refused(e));
        }
        let store = ctx.key_store()?;
        if !store.is_initialised() {
            return Err(usage(
                "the packet is encrypted and this station has no keys to open it (`fieldtrace keys init`)",
            ).into());
        }
        let secret = ctx.passphrase("unlock this station's decryption key", false)?;
        let identity = store.unlock_identity(&secret)?;
        match encrypt::decrypt(&bytes, &identity, &age_limits) {
            Ok(plain) => plain,
            Err(e) => return Ok(refused(e)),
        }
    } else {
        bytes
    };
    Ok(check_plain(
        &plain,
        &signers,
        own,
        !args.without_attachments,
    ))
}

fn print_report(ctx: &Ctx, file: &Path, report: &VerifyReport) -> anyhow::Result<()> {
    let what = match (report.kind, report.id) {
        (Some(kind), Some(id)) => format!("{kind} {id}"),
        _ => "packet".to_owned(),
    };
    let signer = match (&report.signer.name, report.signer.key_id) {
        (Some(name), Some(id)) => format!("signed by '{name}' ({id})"),
        (None, Some(id)) => format!("signed by unknown key {id}"),
        _ => "signer unknown".to_owned(),
    };
    let a = report.attachments;
    if report.valid {
        ctx.ui.line(&format!(
            "VALID {what}, {signer}; attachments {}/{} present, {} ok",
            a.present, a.expected, a.ok
        ))?;
    } else {
        ctx.ui
            .line(&format!("INVALID {}: {what}, {signer}", file.display()))?;
        for e in &report.errors {
            ctx.ui.line(&format!("  {}: {}", e.code, e.message))?;
        }
    }
    Ok(())
}

#[derive(Debug, Serialize)]
struct Shown<'a> {
    verify: &'a VerifyReport,
    manifest_sha256: Option<&'a str>,
    manifest: Option<&'a packet::Manifest>,
}

fn verify_command(ctx: &Ctx, args: &PacketVerifyArgs, show: bool) -> anyhow::Result<Status> {
    let report = verify_file(ctx, args)?;
    if ctx.ui.is_json() {
        if show {
            ctx.ui.json(&Shown {
                verify: &report,
                manifest_sha256: report.manifest_sha256.as_deref(),
                manifest: report.manifest.as_ref(),
            })?;
        } else {
            ctx.ui.json(&report)?;
        }
    } else {
        print_report(ctx, &args.file, &report)?;
        if show && let Some(m) = &report.manifest {
            let ui = &ctx.ui;
            ui.heading(&format!("{} {}", m.kind, m.packet_id))?;
            ui.line(&format!(
                "  from:     {} ({}), key {}",
                m.station.name, m.station.unit, m.station.key_id
            ))?;
            ui.line(&format!(
                "  to:       {}, key {}",
                m.recipient.name, m.recipient.key_id
            ))?;
            ui.line(&format!("  seq:      {}", m.seq))?;
            ui.line(&format!("  created:  {}", m.created_at))?;
            if let Some(earlier) = m.supersedes {
                ui.line(&format!("  corrects: {earlier}"))?;
            }
            ui.line(&format!(
                "  manifest: SHA-256 {}",
                report.manifest_sha256.as_deref().unwrap_or("?")
            ))?;
            for a in &m.attachments {
                ui.line(&format!(
                    "  attached: {} {} ({} bytes)",
                    a.sha256, a.media_type, a.bytes
                ))?;
            }
            ui.heading("Body")?;
            ui.line(&serde_json::to_string_pretty(&m.body)?)?;
        }
    }
    Ok(if report.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}

#[derive(Debug, Serialize)]
struct Assembled<'a> {
    file: String,
    parts_read: usize,
    parts_ignored: usize,
    fragments: usize,
    bytes: usize,
    verify: &'a VerifyReport,
}

fn assemble(
    ctx: &Ctx,
    images: &[std::path::PathBuf],
    ur: Option<&Path>,
    out: &Path,
) -> anyhow::Result<Status> {
    let mut parts: Vec<String> = Vec::new();
    let limits = ReadLimits::default();
    for path in images {
        let Some(bytes) = read_capped(path, limits.max_bytes as u64)? else {
            return Err(usage(format!(
                "{}: over the limit of {} bytes for an image",
                path.display(),
                limits.max_bytes
            ))
            .into());
        };
        match qr::read_image(&bytes, &limits) {
            Ok(found) if found.is_empty() => {
                ctx.ui
                    .warn(&format!("{}: no QR code found", path.display()));
            }
            Ok(found) => parts.extend(found),
            Err(e) => ctx.ui.warn(&format!("{}: {e}", path.display())),
        }
    }
    if let Some(path) = ur {
        let Some(bytes) = read_capped(path, 16 * 1024 * 1024)? else {
            return Err(usage(format!("{}: too large for a list of parts", path.display())).into());
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| usage(format!("{}: not UTF-8 text", path.display())))?;
        parts.extend(
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(str::to_owned),
        );
    }
    let mut assembler = Assembler::default();
    let mut ignored = 0;
    for part in &parts {
        match assembler.receive(part) {
            Ok(_) => {}
            Err(e @ (QrError::TooLarge { .. } | QrError::TooManyParts(_))) => {
                return Err(usage(e).into());
            }
            Err(e) => {
                ignored += 1;
                ctx.ui.warn(&format!("part ignored: {e}"));
            }
        }
    }
    let progress = assembler.progress();
    let signed = match qr::assembled_packet(&assembler) {
        Ok(Some(signed)) => signed,
        Ok(None) => {
            anyhow::bail!(
                "incomplete: {} of {} fragments from {} part(s); scan more frames",
                progress.fragments_resolved,
                progress.fragment_count,
                parts.len()
            );
        }
        Err(e) => anyhow::bail!("the parts do not make a packet: {e}"),
    };
    let archive = packet::archive::write(&signed.manifest, &signed.signature, &[])?;
    write_atomically(out, &archive)?;
    let (signers, own) = signers(ctx, None)?;
    let report = check_plain(&archive, &signers, own, false);
    if ctx.ui.is_json() {
        ctx.ui.json(&Assembled {
            file: out.display().to_string(),
            parts_read: parts.len(),
            parts_ignored: ignored,
            fragments: progress.fragment_count,
            bytes: archive.len(),
            verify: &report,
        })?;
    } else {
        ctx.ui.line(&format!(
            "Assembled {} ({} bytes) from {} part(s), {ignored} ignored; photos, if any, follow by file",
            out.display(),
            archive.len(),
            parts.len()
        ))?;
        print_report(ctx, out, &report)?;
    }
    Ok(if report.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
