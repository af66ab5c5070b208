//! `trace new/export/qr/list/show/respond`: the work is in `crate::trace` and
//! `crate::sync::respond`; this prints it.

use crate::app::{Ctx, Status};
use crate::cli::TraceCommand;
use crate::error::usage;
use crate::qr;
use crate::sync::respond;
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
                ctx.ui.line(&format!(
                    "Request {} written to {} (print it, A4)",
                    request.id,
                    out.display()
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
        TraceCommand::Respond {
            id,
            outcome,
            note,
            last_legal_holder,
            transfer_chain,
        } => respond(
            ctx,
            &id,
            respond::Answer {
                outcome,
                note,
                holder: last_legal_holder,
                chain: transfer_chain,
            },
        ),
        TraceCommand::Show { id } => show(ctx, &id),
    }
}

fn print_findings(ctx: &Ctx, findings: &[Finding]) -> anyhow::Result<()> {
    if findings.is_empty() {
        return ctx
            .ui
            .line("Complete: nothing ITI paragraph 17 asks for is missing.");
    }
    ctx.ui.heading("Before signing")?;
    for f in findings {
        let whose = f.item.map(|i| format!(" (item {i})")).unwrap_or_default();
        ctx.ui
            .line(&format!("  {}{whose}: {}", f.level, f.message))?;
    }
    Ok(())
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
        return Err(usage(format!(
            "the request misses {missing} required fact(s); nothing was created (--strict)"
        ))
        .into());
    }
    let created = draft::create(ctx, drafted)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&created)?;
    } else {
        ctx.ui.line(&format!(
            "Trace request {} for '{}' (packet {}, seq {}): {} item(s), body {} bytes",
            created.id,
            created.to,
            created.packet_id,
            created.seq,
            created.items.len(),
            created.body_bytes
        ))?;
        print_findings(ctx, &created.findings)?;
        ctx.ui.line(&format!(
            "Next: `fieldtrace trace export {}` signs it into the outbox.",
            created.id
        ))?;
    }
    Ok(Status::Success)
}

fn print_exported(ctx: &Ctx, done: &export::ExportedRequest) -> anyhow::Result<Status> {
    if ctx.ui.is_json() {
        ctx.ui.json(done)?;
        return Ok(Status::Success);
    }
    for f in &done.findings {
        let whose = f.item.map(|i| format!(" (item {i})")).unwrap_or_default();
        ctx.ui.warn(&format!("{}{whose}: {}", f.level, f.message));
    }
    let sealed = done
        .encrypted_to
        .as_ref()
        .map(|n| format!(", encrypted to '{n}'"))
        .unwrap_or_default();
    ctx.ui.line(&format!(
        "Signed trace request {} for '{}' into {} ({} bytes{sealed}; {} attachment(s))",
        done.id, done.recipient, done.file, done.sizes.file, done.attachments
    ))?;
    ctx.ui.line(&format!(
        "Manifest {} bytes, SHA-256 {}",
        done.sizes.manifest, done.manifest_sha256
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
            ctx.ui.heading(&format!("Part {} of {count}", index + 1))?;
            ctx.ui.line(&qr::render_terminal(part)?)?;
        }
    }
    if parts.files.is_empty() && !terminal {
        for part in &parts.parts {
            ctx.ui.line(part)?;
        }
    } else {
        ctx.ui.line(&format!(
            "{count} parts ({} plain + {} mixed) of a {}-byte signed manifest",
            parts.fragments,
            count.saturating_sub(parts.fragments),
            parts.payload_bytes
        ))?;
        for file in &parts.files {
            ctx.ui.line(&format!("  wrote {file}"))?;
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
        ctx.ui.line(if only_overdue {
            "No overdue trace requests."
        } else {
            "No trace requests yet: `fieldtrace trace new ITEM... --to NAME`."
        })?;
    }
    for l in &listed {
        let r = &l.request;
        let items: Vec<String> = r.items.iter().map(i64::to_string).collect();
        let late = match (l.overdue, l.days_waiting) {
            (Some(why), Some(days)) => {
                format!("  {} after {days} days: re-send it", why.as_str())
            }
            _ => String::new(),
        };
        ctx.ui.line(&format!(
            "{:>4}  {:<12}  {}  to {:<20} items {}  {}{late}",
            r.id,
            r.status,
            r.packet_id,
            r.recipient,
            items.join(","),
            ctx.ui
                .dim(r.outbox_file.as_deref().unwrap_or("not signed yet"))
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
        ctx.ui.line(
            "No trace requests received yet: `fieldtrace sync --to DIR` or `inbox import`.",
        )?;
    }
    for r in &rows {
        ctx.ui.line(&format!(
            "{:>4}  {:<10}  {}  from {:<20} {} item(s), received {}{}{}",
            r.id,
            r.status,
            r.packet_id,
            r.from,
            r.items,
            r.received_at,
            match r.attachments_pending {
                0 => String::new(),
                n => format!(", {n} photo(s) pending (`inbox attach`)"),
            },
            r.outcome
                .as_ref()
                .map(|o| format!(", answered: {o}"))
                .unwrap_or_default()
        ))?;
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
    ui.heading(&format!(
        "Trace request {} ({}), {}",
        request.id, request.packet_id, request.status
    ))?;
    ui.line(&format!(
        "  to:        {} (key {})",
        request.recipient, request.recipient_key_id
    ))?;
    let items: Vec<String> = request.items.iter().map(i64::to_string).collect();
    ui.line(&format!("  items:     {}", items.join(", ")))?;
    ui.line(&format!(
        "  created:   {} by {} (seq {})",
        request.created_at, request.created_by, request.seq
    ))?;
    if let (Some(at), Some(file)) = (&request.exported_at, &request.outbox_file) {
        let state = if shown.outbox_file_present == Some(true) {
            ""
        } else {
            " (no longer in the outbox)"
        };
        ui.line(&format!("  exported:  {at} to {file}{state}"))?;
        if let Some(to) = &request.encrypted_to {
            ui.line(&format!("  encrypted: to '{to}'"))?;
        }
        ui.line(&format!(
            "  manifest:  SHA-256 {}",
            request.manifest_sha256.as_deref().unwrap_or("?")
        ))?;
    }
    if let (Some(status), Some(at)) = (&progress.ack_status, &progress.acknowledged_at) {
        let missing = if progress.missing.is_empty() {
            String::new()
        } else {
            format!(", missing: {}", progress.missing.join(", "))
        };
        let reason = progress
            .ack_reason
            .as_ref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let pending = match progress.attachments_pending.len() {
            0 => String::new(),
            n => format!(", waiting for {n} photo(s) by file"),
        };
        ui.line(&format!(
            "  receipt:   {status} at {at}{missing}{reason}{pending}"
        ))?;
    }
    if let (Some(outcome), Some(at)) = (&progress.outcome, &progress.answered_at) {
        ui.line(&format!(
            "  answer:    {outcome} at {at}: {}",
            progress.note.as_deref().unwrap_or("")
        ))?;
    }
    ui.heading("Body")?;
    ui.line(&serde_json::to_string_pretty(&request.body)?)?;
    print_findings(ctx, &shown.findings)?;
    Ok(Status::Success)
}

fn respond(ctx: &Ctx, reference: &str, answer: respond::Answer) -> anyhow::Result<Status> {
    let done = respond::respond(ctx, reference, answer)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&done)?;
    } else {
        ctx.ui.line(&format!(
            "Signed trace response {} ({}) to '{}' for request {} into {}",
            done.packet_id, done.outcome, done.to, done.request_number, done.file
        ))?;
        ctx.ui
            .line("Next: `fieldtrace sync --to DIR` carries it to the requesting station.")?;
    }
    Ok(Status::Success)
}
