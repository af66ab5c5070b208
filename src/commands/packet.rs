//! `packet verify/show/assemble`: a packet checked offline, whoever wrote it. The checks are
//! in `crate::sync::verify`; this prints them.

use std::path::Path;

use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::{PacketCommand, PacketVerifyArgs};
use crate::packet;
use crate::packet::verify::VerifyReport;
use crate::sync::verify;
use crate::t;

pub fn run(ctx: &Ctx, cmd: PacketCommand) -> anyhow::Result<Status> {
    match cmd {
        PacketCommand::Verify(args) => verify_command(ctx, &args, false),
        PacketCommand::Show(args) => verify_command(ctx, &args, true),
        PacketCommand::Assemble { images, ur, out } => assemble(ctx, &images, ur.as_deref(), &out),
    }
}

fn print_report(ctx: &Ctx, file: &Path, report: &VerifyReport) -> anyhow::Result<()> {
    let what = match (report.kind, report.id) {
        (Some(kind), Some(id)) => {
            format!("{} {id}", crate::i18n::shown("packet-kind", kind.as_str()))
        }
        _ => t!("packet-packet"),
    };
    let signer = match (&report.signer.name, report.signer.key_id) {
        (Some(name), Some(id)) => t!(
            "packet-signed-by",
            name = verify::shown_signer(ctx, name),
            key = id.to_string()
        ),
        (None, Some(id)) => t!("packet-signed-by-unknown", key = id.to_string()),
        _ => t!("packet-signer-unknown"),
    };
    let a = report.attachments;
    if report.valid && a.pending > 0 {
        ctx.ui.line(&t!(
            "packet-valid-pending",
            what = what,
            signer = signer,
            pending = a.pending,
            present = a.present,
            expected = a.expected,
            ok = a.ok
        ))?;
    } else if report.valid {
        ctx.ui.line(&t!(
            "packet-valid",
            what = what,
            signer = signer,
            present = a.present,
            expected = a.expected,
            ok = a.ok
        ))?;
    } else {
        ctx.ui.line(&t!(
            "packet-invalid",
            file = file.display().to_string(),
            what = what,
            signer = signer
        ))?;
        for e in &report.errors {
            ctx.ui.line(&format!(
                "  {}",
                t!(
                    "packet-error-line",
                    code = e.code.code(),
                    message = e.message.to_string()
                )
            ))?;
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
            ui.heading(&format!(
                "{} {}",
                crate::i18n::shown("packet-kind", m.kind.as_str()),
                m.packet_id
            ))?;
            let row = |label: String, text: String| format!("  {:<10}{text}", format!("{label}:"));
            ui.line(&row(
                t!("packet-from"),
                t!(
                    "packet-from-key",
                    name = m.station.name.as_str(),
                    unit = m.station.unit.as_str(),
                    key = m.station.key_id.to_string()
                ),
            ))?;
            ui.line(&row(
                t!("packet-to"),
                t!(
                    "packet-to-key",
                    name = m.recipient.name.as_str(),
                    key = m.recipient.key_id.to_string()
                ),
            ))?;
            ui.line(&row(t!("packet-seq"), m.seq.to_string()))?;
            ui.line(&row(t!("packet-created"), m.created_at.to_string()))?;
            if let Some(earlier) = m.supersedes {
                ui.line(&row(t!("packet-corrects"), earlier.to_string()))?;
            }
            ui.line(&row(
                t!("packet-manifest"),
                format!(
                    "SHA-256 {}",
                    report.manifest_sha256.as_deref().unwrap_or("?")
                ),
            ))?;
            for a in &m.attachments {
                ui.line(&row(
                    t!("packet-attached"),
                    t!(
                        "packet-attachment",
                        sha = a.sha256.to_string(),
                        media = a.media_type.to_string(),
                        bytes = a.bytes
                    ),
                ))?;
            }
            ui.heading(&t!("trace-show-body"))?;
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
        ctx.ui.warn(&warning.to_string());
    }
    if ctx.ui.is_json() {
        ctx.ui.json(&assembled)?;
    } else {
        ctx.ui.line(&t!(
            "packet-assembled",
            file = assembled.file.to_string(),
            bytes = assembled.bytes,
            parts = assembled.parts_read,
            ignored = assembled.parts_ignored
        ))?;
        print_report(ctx, out, &assembled.verify)?;
    }
    Ok(if assembled.verify.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
