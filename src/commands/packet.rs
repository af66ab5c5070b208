//! `packet verify/show/assemble`: a packet checked offline, whoever wrote it. The checks are
//! in `crate::sync::verify`; this prints them.

use std::path::Path;

use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::{PacketCommand, PacketVerifyArgs};
use crate::packet;
use crate::packet::verify::VerifyReport;
use crate::sync::verify;

pub fn run(ctx: &Ctx, cmd: PacketCommand) -> anyhow::Result<Status> {
    match cmd {
        PacketCommand::Verify(args) => verify_command(ctx, &args, false),
        PacketCommand::Show(args) => verify_command(ctx, &args, true),
        PacketCommand::Assemble { images, ur, out } => assemble(ctx, &images, ur.as_deref(), &out),
    }
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
    if report.valid && a.pending > 0 {
        ctx.ui.line(&format!(
            "VALID {what}, {signer}: signature valid, {} attachment(s) pending ({}/{} present, {} ok); \
             they are checked against the signed manifest when they come (`inbox attach`)",
            a.pending, a.present, a.expected, a.ok
        ))?;
    } else if report.valid {
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
    let report = verify::verify_file(
        ctx,
        &args.file,
        args.pubkey.as_deref(),
        !args.without_attachments,
    )?;
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

fn assemble(
    ctx: &Ctx,
    images: &[std::path::PathBuf],
    ur: Option<&Path>,
    out: &Path,
) -> anyhow::Result<Status> {
    let assembled = verify::assemble(ctx, images, ur, out)?;
    for warning in &assembled.warnings {
        ctx.ui.warn(warning);
    }
    if ctx.ui.is_json() {
        ctx.ui.json(&assembled)?;
    } else {
        ctx.ui.line(&format!(
            "Assembled {} ({} bytes) from {} part(s), {} ignored; photos, if any, follow by file",
            assembled.file, assembled.bytes, assembled.parts_read, assembled.parts_ignored
        ))?;
        print_report(ctx, out, &assembled.verify)?;
    }
    Ok(if assembled.verify.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
