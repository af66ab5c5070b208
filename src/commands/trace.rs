//! `trace new/export/qr/list/show/respond`: the work is in `crate::trace` and
//! `crate::sync::respond`; this prints it.

use crate::app::{Ctx, Status};
use crate::cli::TraceCommand;
use crate::error::usage;
use crate::qr;
use crate::sync::respond;
use crate::t;
use crate::trace::{Finding, RequestFacts, draft, export, sheet, status};

pub fn run(ctx: &Ctx, cmd: TraceCommand) -> anyhow::Result<Status> {
    match cmd {
        TraceCommand::New {
            items,
            to,
            illicit_basis,
            legal_basis,
            intended_use,
            authority,
            poc,
            priority,
            justification,
            confidentiality,
            strict,
        } => {
            let facts = RequestFacts {
                authority,
                point_of_contact: poc,
                illicit_nature: illicit_basis,
                legal_basis,
                intended_use,
                priority: priority.as_str().to_owned(),
                justification,
                confidentiality,
            };
            new(ctx, &items, &to, facts, strict)
        }
        TraceCommand::Export {
            id,
            encrypt_to,
            photos,
        } => {
            let done = export::export(ctx, &id, encrypt_to.as_deref(), photos)?;
            print_exported(ctx, &done)
        }
        TraceCommand::Qr {
            id,
            out,
            gif,
            sheet,
            terminal,
            extra,
            fps,
        } => {
            let outputs = sheet::Outputs {
                dir: out,
                gif,
                sheet,
                extra,
                fps,
            };
            print_parts(ctx, &sheet::parts(ctx, &id, &outputs)?, terminal)
        }
        TraceCommand::Print { id, out } => {
            let request = crate::trace::status::load_request(ctx, &id)?;
            let authority = ctx
                .config()?
                .station
                .as_ref()
                .map(|s| s.unit.clone())
                .unwrap_or_default();
            let now = ctx.clock.now().format("%Y-%m-%d %H:%M UTC").to_string();
            let page = crate::report::print::trace_request(&request, &authority, &now)?;
            crate::fs::write_atomically(&out, page.as_bytes())?;
            if ctx.ui.is_json() {
                ctx.ui
                    .json(&serde_json::json!({ "id": request.id, "out": out }))?;
            } else {
                ctx.ui.line(&t!(
                    "trace-printed",
                    id = request.id,
                    file = out.display().to_string()
                ))?;
            }
            Ok(Status::Success)
        }
        TraceCommand::List { overdue, received } => {
            if received {
                list_received(ctx)
            } else {
                list(ctx, overdue)
            }
        }
        TraceCommand::Respond(args) => {
            let (id, answer) = args.answer();
            respond(ctx, &id, answer)
        }
        TraceCommand::Show { id } => show(ctx, &id),
    }
}

fn print_findings(ctx: &Ctx, findings: &[Finding]) -> anyhow::Result<()> {
    if findings.is_empty() {
        return ctx.ui.line(&t!("trace-complete"));
    }
    ctx.ui.heading(&t!("trace-before-signing"))?;
    for f in findings {
        ctx.ui.line(&format!("  {}", finding_line(f)))?;
    }
    Ok(())
}

/// `missing (item 1): no serial recorded`, in the officer's language.
fn finding_line(f: &Finding) -> String {
    let level = crate::i18n::shown("level", &f.level.to_string());
    match f.item {
        Some(item) => t!(
            "trace-finding-item",
            level = level,
            item = item,
            message = f.message.text()
        ),
        None => t!("trace-finding", level = level, message = f.message.text()),
    }
}

fn new(
    ctx: &Ctx,
    references: &[String],
    to: &str,
    facts: RequestFacts,
    strict: bool,
) -> anyhow::Result<Status> {
    let drafted = draft::draft(ctx, references, to, facts)?;
    for warning in &drafted.warnings {
        ctx.ui.warn(warning);
    }
    let missing = drafted.missing();
    if strict && missing > 0 {
        if ctx.ui.is_json() {
            ctx.ui
                .json(&serde_json::json!({ "complete": false, "findings": drafted.findings }))?;
        } else {
            print_findings(ctx, &drafted.findings)?;
        }
        return Err(usage(t!("trace-strict-missing", missing = missing)).into());
    }
    let created = draft::create(ctx, drafted)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&created)?;
    } else {
        ctx.ui.line(&t!(
            "trace-created",
            id = created.id,
            to = created.to.as_str(),
            packet = created.packet_id.as_str(),
            seq = created.seq,
            items = created.items.len(),
            bytes = created.body_bytes
        ))?;
        print_findings(ctx, &created.findings)?;
        ctx.ui.line(&t!("trace-next-export", id = created.id))?;
    }
    Ok(Status::Success)
}

fn print_exported(ctx: &Ctx, done: &export::ExportedRequest) -> anyhow::Result<Status> {
    if ctx.ui.is_json() {
        ctx.ui.json(done)?;
        return Ok(Status::Success);
    }
    for f in &done.findings {
        ctx.ui.warn(&finding_line(f));
    }
    let sealed = done
        .encrypted_to
        .as_ref()
        .map(|n| t!("trace-encrypted-to", name = n.as_str()))
        .unwrap_or_default();
    ctx.ui.line(&t!(
        "trace-signed",
        id = done.id,
        to = done.recipient.as_str(),
        file = done.file.as_str(),
        bytes = done.sizes.file,
        sealed = sealed,
        attachments = done.attachments
    ))?;
    ctx.ui.line(&t!(
        "trace-manifest",
        bytes = done.sizes.manifest,
        sha = done.manifest_sha256.as_str()
    ))?;
    Ok(Status::Success)
}

fn print_parts(ctx: &Ctx, parts: &sheet::Parts, terminal: bool) -> anyhow::Result<Status> {
    if ctx.ui.is_json() {
        ctx.ui.json(parts)?;
        return Ok(Status::Success);
    }
    let count = parts.parts.len();
    if terminal {
        for (index, part) in parts.parts.iter().enumerate() {
            ctx.ui
                .heading(&t!("trace-qr-part", part = (index + 1), count = count))?;
            ctx.ui.line(&qr::render_terminal(part)?)?;
        }
    }
    if parts.files.is_empty() && !terminal {
        for part in &parts.parts {
            ctx.ui.line(part)?;
        }
    } else {
        ctx.ui.line(&t!(
            "trace-qr-parts",
            count = count,
            plain = parts.fragments,
            mixed = count.saturating_sub(parts.fragments),
            bytes = parts.payload_bytes
        ))?;
        for file in &parts.files {
            ctx.ui
                .line(&format!("  {}", t!("trace-qr-wrote", file = file.as_str())))?;
        }
    }
    Ok(Status::Success)
}

fn list(ctx: &Ctx, only_overdue: bool) -> anyhow::Result<Status> {
    let listed = status::list(ctx, only_overdue)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&listed)?;
        return Ok(Status::Success);
    }
    if listed.is_empty() {
        ctx.ui.line(&if only_overdue {
            t!("trace-none-overdue")
        } else {
            t!("trace-none-yet")
        })?;
    }
    for l in &listed {
        let r = &l.request;
        let items: Vec<String> = r.items.iter().map(i64::to_string).collect();
        let late = match (l.overdue, l.days_waiting) {
            (Some(why), Some(days)) => {
                format!(
                    "  {}",
                    t!(
                        "trace-overdue",
                        why = crate::i18n::shown("overdue", why.as_str()),
                        days = days
                    )
                )
            }
            _ => String::new(),
        };
        let file = r
            .outbox_file
            .clone()
            .unwrap_or_else(|| t!("trace-not-signed"));
        ctx.ui.line(&format!(
            "{:>4}  {:<12}  {}  {}  {}{late}",
            r.id,
            crate::i18n::shown("request-status", &r.status),
            r.packet_id,
            t!(
                "trace-list-to",
                to = format!("{:<20}", r.recipient),
                items = items.join(",")
            ),
            ctx.ui.dim(&file)
        ))?;
    }
    Ok(Status::Success)
}

fn list_received(ctx: &Ctx) -> anyhow::Result<Status> {
    let rows = status::received(ctx.register()?.conn())?;
    if ctx.ui.is_json() {
        ctx.ui.json(&rows)?;
        return Ok(Status::Success);
    }
    if rows.is_empty() {
        ctx.ui.line(&t!("trace-none-received"))?;
    }
    for r in &rows {
        ctx.ui.line(&r.line())?;
    }
    Ok(Status::Success)
}

fn show(ctx: &Ctx, reference: &str) -> anyhow::Result<Status> {
    let shown = status::show(ctx, reference)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&shown)?;
        return Ok(Status::Success);
    }
    let (ui, request, progress) = (&ctx.ui, &shown.request, &shown.progress);
    ui.heading(&t!(
        "trace-show-heading",
        id = request.id,
        packet = request.packet_id.as_str(),
        status = crate::i18n::shown("request-status", &request.status)
    ))?;
    let row = |label: String, text: String| format!("  {:<11}{text}", format!("{label}:"));
    ui.line(&row(
        t!("trace-show-to"),
        t!(
            "trace-show-to-key",
            to = request.recipient.as_str(),
            key = request.recipient_key_id.to_string()
        ),
    ))?;
    let items: Vec<String> = request.items.iter().map(i64::to_string).collect();
    ui.line(&row(t!("trace-show-items"), items.join(", ")))?;
    ui.line(&row(
        t!("trace-show-created"),
        t!(
            "trace-show-created-by",
            at = request.created_at.as_str(),
            by = request.created_by.as_str(),
            seq = request.seq
        ),
    ))?;
    if let (Some(at), Some(file)) = (&request.exported_at, &request.outbox_file) {
        let state = if shown.outbox_file_present == Some(true) {
            String::new()
        } else {
            t!("trace-show-gone")
        };
        ui.line(&row(
            t!("trace-show-exported"),
            t!(
                "trace-show-exported-to",
                at = at.as_str(),
                file = file.as_str(),
                state = state
            ),
        ))?;
        if let Some(to) = &request.encrypted_to {
            ui.line(&row(
                t!("trace-show-encrypted"),
                t!("trace-show-encrypted-to", to = to.as_str()),
            ))?;
        }
        ui.line(&row(
            t!("trace-show-manifest"),
            format!(
                "SHA-256 {}",
                request.manifest_sha256.as_deref().unwrap_or("?")
            ),
        ))?;
    }
    if let (Some(status), Some(at)) = (&progress.ack_status, &progress.acknowledged_at) {
        let missing = if progress.missing.is_empty() {
            String::new()
        } else {
            t!("trace-show-missing", missing = progress.missing.join(", "))
        };
        let reason = progress
            .ack_reason
            .as_ref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let pending = match progress.attachments_pending.len() {
            0 => String::new(),
            n => t!("trace-show-waiting", count = n),
        };
        ui.line(&row(
            t!("trace-show-receipt"),
            format!(
                "{}{missing}{reason}{pending}",
                t!(
                    "trace-show-at",
                    what = crate::i18n::shown("ack", &status.to_string()),
                    at = at.as_str()
                )
            ),
        ))?;
    }
    if let (Some(outcome), Some(at)) = (&progress.outcome, &progress.answered_at) {
        ui.line(&row(
            t!("trace-show-answer"),
            format!(
                "{}: {}",
                t!(
                    "trace-show-at",
                    what = crate::i18n::shown("outcome", &outcome.to_string()),
                    at = at.as_str()
                ),
                progress.note.as_deref().unwrap_or("")
            ),
        ))?;
    }
    ui.heading(&t!("trace-show-body"))?;
    ui.line(&serde_json::to_string_pretty(&request.body)?)?;
    print_findings(ctx, &shown.findings)?;
    Ok(Status::Success)
}

fn respond(ctx: &Ctx, reference: &str, answer: respond::Answer) -> anyhow::Result<Status> {
    let done = respond::respond(ctx, reference, answer)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&done)?;
    } else {
        ctx.ui.line(&t!(
            "trace-responded",
            packet = done.packet_id.to_string(),
            outcome = crate::i18n::shown("outcome", &done.outcome.to_string()),
            to = done.to.to_string(),
            request = done.request_number.to_string(),
            file = done.file.to_string()
        ))?;
        ctx.ui.line(&t!("trace-responded-next"))?;
    }
    Ok(Status::Success)
}
