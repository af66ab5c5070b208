//! `trace new/export/qr/list/show`: build and check a request, sign it into the outbox, show it
//! as QR codes.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::{PhotoChoice, Priority, TraceCommand};
use crate::error::usage;
use crate::keys::Peer;
use crate::packet::encrypt;
use crate::packet::{self, Attachment, KeyId, Kind, Manifest, Recipient, Station};
use crate::qr;
use crate::register::item::{self, Item};
use crate::register::sync::{self as sync_store, Progress};
use crate::register::traces::{self, Exported, NewRequest, TraceRequest};
use crate::register::{photos, resolve_item};
use crate::sync::respond;
use crate::trace::{Finding, Level, RequestBody, RequestFacts, check};

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
                priority: match priority {
                    Priority::Routine => "routine",
                    Priority::Urgent => "urgent",
                }
                .to_owned(),
                justification,
                confidentiality,
            };
            new(ctx, &items, &to, facts, strict)
        }
        TraceCommand::Export {
            id,
            encrypt_to,
            photos,
        } => export(ctx, &id, encrypt_to.as_deref(), photos),
        TraceCommand::Qr {
            id,
            out,
            gif,
            sheet,
            terminal,
            extra,
            fps,
        } => show_qr(
            ctx,
            &id,
            &QrOutputs {
                dir: out,
                gif,
                sheet,
                terminal,
                extra,
                fps,
            },
        ),
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

/// Write to a temporary name, fsync, rename: a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut file = atomic_write_file::AtomicWriteFile::open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.commit())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// A trusted, unrevoked peer by name.
fn trusted_peer(ctx: &Ctx, name: &str) -> anyhow::Result<Peer> {
    let list = ctx.key_store()?.trust_list()?;
    let peer = list.by_name(name).cloned().ok_or_else(|| {
        usage(format!(
            "no trusted peer named '{name}': `fieldtrace keys list` shows them, `keys trust FILE --name NAME` adds one"
        ))
    })?;
    if peer.revoked {
        return Err(usage(format!(
            "the key of '{name}' is revoked: nothing more is sent to it"
        ))
        .into());
    }
    Ok(peer)
}

/// SHA-256 of each photo's reduced copy, derived now if an import left it for later. A photo
/// without one travels as its original.
fn reduced_copies(ctx: &Ctx, items: &[Item]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for photo in items.iter().flat_map(|i| &i.photos) {
        if out.contains_key(&photo.sha256) {
            continue;
        }
        let reduced = photos::ensure_reduced(&ctx.home, &photo.sha256, ctx.today())
            .map_err(anyhow::Error::new)
            .and_then(|path| {
                std::fs::read(ctx.home.join(&path))
                    .with_context(|| format!("cannot read {}", path.display()))
            });
        match reduced {
            Ok(bytes) => {
                out.insert(photo.sha256.clone(), packet::sha256_hex(&bytes));
            }
            Err(e) => ctx.ui.warn(&format!(
                "photo {}: no reduced copy ({e:#}); the original will travel",
                photo.sha256
            )),
        }
    }
    out
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

#[derive(Debug, Serialize)]
struct Created<'a> {
    id: i64,
    packet_id: &'a str,
    seq: u64,
    to: &'a str,
    items: &'a [i64],
    body_bytes: usize,
    complete: bool,
    findings: &'a [Finding],
}

fn new(
    ctx: &Ctx,
    references: &[String],
    to: &str,
    mut facts: RequestFacts,
    strict: bool,
) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let peer = trusted_peer(ctx, to)?;
    let recipient_key_id = peer.key_id()?.to_string();
    let mut register = ctx.register()?;
    let mut ids: Vec<i64> = Vec::new();
    for reference in references {
        let id = resolve_item(register.conn(), reference)?;
        if ids.contains(&id) {
            return Err(usage(format!("item {id} is named twice in the request")).into());
        }
        ids.push(id);
    }
    let items = ids
        .iter()
        .map(|id| item::load(register.conn(), &id.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    if facts.point_of_contact.is_none() {
        facts.point_of_contact = Some(station.officer.clone());
    }
    let body = RequestBody::build(&facts, &items, &reduced_copies(ctx, &items));
    let findings = check(&body);
    let missing = findings
        .iter()
        .filter(|f| f.level == Level::Missing)
        .count();
    if strict && missing > 0 {
        if ctx.ui.is_json() {
            ctx.ui
                .json(&serde_json::json!({ "complete": false, "findings": findings }))?;
        } else {
            print_findings(ctx, &findings)?;
        }
        return Err(usage(format!(
            "the request misses {missing} required fact(s); nothing was created (--strict)"
        ))
        .into());
    }
    let body_text = serde_json::to_string(&body)?;
    let packet_id = uuid::Uuid::now_v7().to_string();
    let now = ctx.now();
    let created_by = station.signature();
    let (id, seq) = register.write(|tx| {
        traces::create(
            tx,
            &NewRequest {
                packet_id: &packet_id,
                recipient: &peer.name,
                recipient_key_id: &recipient_key_id,
                body: &body_text,
                items: &ids,
                created_at: &now,
                created_by: &created_by,
            },
        )
    })?;
    // What is signed is the canonical form; its size is what travels.
    let body_bytes = serde_json_canonicalizer::to_vec(&body)
        .map(|b| b.len())
        .unwrap_or(body_text.len());
    if ctx.ui.is_json() {
        ctx.ui.json(&Created {
            id,
            packet_id: &packet_id,
            seq,
            to: &peer.name,
            items: &ids,
            body_bytes,
            complete: missing == 0,
            findings: &findings,
        })?;
    } else {
        ctx.ui.line(&format!(
            "Trace request {id} for '{}' (packet {packet_id}, seq {seq}): {} item(s), body {body_bytes} bytes",
            peer.name,
            ids.len()
        ))?;
        print_findings(ctx, &findings)?;
        ctx.ui.line(&format!(
            "Next: `fieldtrace trace export {id}` signs it into the outbox."
        ))?;
    }
    Ok(Status::Success)
}

fn load_request(ctx: &Ctx, reference: &str) -> anyhow::Result<TraceRequest> {
    let register = ctx.register()?;
    let id = traces::resolve(register.conn(), reference)?;
    Ok(traces::load(register.conn(), id)?)
}

/// The photo files to attach, read and checked against the hashes the body lists.
fn attachments(
    ctx: &Ctx,
    body: &RequestBody,
    choice: PhotoChoice,
) -> anyhow::Result<Vec<(Attachment, Vec<u8>)>> {
    let mut out: Vec<(Attachment, Vec<u8>)> = Vec::new();
    if choice == PhotoChoice::None {
        return Ok(out);
    }
    for photo in body.items.iter().flat_map(|i| &i.photos) {
        let (expected, candidates, media_types) = match (&photo.reduced, choice) {
            (Some(reduced), PhotoChoice::Reduced) => (
                reduced.clone(),
                vec![photos::reduced_path(&photo.sha256)],
                vec!["image/jpeg"],
            ),
            _ => (
                photo.sha256.clone(),
                vec![
                    photos::original_path(&photo.sha256, "jpg"),
                    photos::original_path(&photo.sha256, "png"),
                ],
                vec!["image/jpeg", "image/png"],
            ),
        };
        if out.iter().any(|(a, _)| a.sha256 == expected) {
            continue;
        }
        let found = candidates
            .iter()
            .zip(media_types)
            .find_map(|(path, media_type)| {
                std::fs::read(ctx.home.join(path))
                    .ok()
                    .map(|bytes| (path, bytes, media_type))
            });
        let Some((path, bytes, media_type)) = found else {
            anyhow::bail!(
                "photo {} is in the request but not in {}",
                photo.sha256,
                ctx.home.join("photos").display()
            );
        };
        if packet::sha256_hex(&bytes) != expected {
            anyhow::bail!(
                "{} no longer matches its SHA-256 {expected}: the stored photo was altered",
                ctx.home.join(path).display()
            );
        }
        out.push((Attachment::for_bytes(&bytes, media_type), bytes));
    }
    Ok(out)
}

#[derive(Debug, Serialize)]
struct Sizes {
    body: usize,
    manifest: usize,
    signature: usize,
    packet: usize,
    file: usize,
}

#[derive(Debug, Serialize)]
struct ExportedView<'a> {
    id: i64,
    packet_id: &'a str,
    file: String,
    encrypted_to: Option<&'a str>,
    manifest_sha256: &'a str,
    attachments: usize,
    sizes: Sizes,
    findings: &'a [Finding],
}

fn export(
    ctx: &Ctx,
    reference: &str,
    encrypt_to: Option<&str>,
    choice: PhotoChoice,
) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let store = ctx.key_store()?;
    let own = store.public()?;
    let request = load_request(ctx, reference)?;
    let recipient = trusted_peer(ctx, &request.recipient)?;
    let recipient_key_id: KeyId = request
        .recipient_key_id
        .parse()
        .map_err(|e| anyhow::anyhow!("trace request {}: {e}", request.id))?;
    if recipient.key_id()? != recipient_key_id {
        return Err(usage(format!(
            "the key of '{}' changed since request {} was made: make a new request",
            request.recipient, request.id
        ))
        .into());
    }
    let age_recipient = match encrypt_to {
        None => None,
        Some(name) => {
            let peer = trusted_peer(ctx, name)?;
            let key = peer.age_recipient()?.ok_or_else(|| {
                usage(format!(
                    "'{name}' has no age key to encrypt to: `keys trust FILE --name '{name}' --age age1...`"
                ))
            })?;
            Some((peer.name, key))
        }
    };
    let body: RequestBody = serde_json::from_value(request.body.clone())
        .with_context(|| format!("trace request {}: the stored body is damaged", request.id))?;
    let findings = check(&body);
    let created_at: DateTime<Utc> = DateTime::parse_from_rfc3339(&request.created_at)
        .with_context(|| format!("trace request {}: bad created_at", request.id))?
        .with_timezone(&Utc);
    let packet_id: uuid::Uuid = request
        .packet_id
        .parse()
        .with_context(|| format!("trace request {}: bad packet id", request.id))?;
    let mut manifest = Manifest::new(
        Kind::TraceRequest,
        packet_id,
        Station {
            name: station.name.clone(),
            unit: station.unit.clone(),
            key_id: own.key_id,
        },
        request.seq,
        Recipient {
            name: request.recipient.clone(),
            key_id: recipient_key_id,
        },
        created_at,
        request.body.clone(),
    );
    let files = attachments(ctx, &body, choice)?;
    manifest.attachments = files.iter().map(|(a, _)| a.clone()).collect();
    let manifest_bytes = manifest.canonical_bytes()?;
    let manifest_sha256 = packet::sha256_hex(&manifest_bytes);
    if let Some(earlier) = &request.manifest_sha256
        && *earlier != manifest_sha256
    {
        return Err(usage(format!(
            "request {} was already signed (photos: {}) as manifest {earlier}; a sent packet is never changed: export it with the same --photos, or make a new request",
            request.id,
            request.photos.as_deref().unwrap_or("?")
        )).into());
    }
    if !ctx.ui.is_json() && !findings.is_empty() {
        for f in &findings {
            let whose = f.item.map(|i| format!(" (item {i})")).unwrap_or_default();
            ctx.ui.warn(&format!("{}{whose}: {}", f.level, f.message));
        }
    }

    let secret = ctx.passphrase("unlock this station's signing key", false)?;
    let key = store.unlock_signing_key(&secret)?;
    let blobs: Vec<&[u8]> = files.iter().map(|(_, bytes)| bytes.as_slice()).collect();
    let signed = packet::build(&manifest, &blobs, &key)?;
    let (bytes, name) = match &age_recipient {
        // This station's own key too, as the archive key: its outbox stays readable to it.
        Some((_, key)) => (
            encrypt::encrypt(&signed.archive, &[key.clone(), own.age_recipient.clone()])?,
            format!("{}{}", packet_id, packet::ENCRYPTED_SUFFIX),
        ),
        None => (signed.archive.clone(), signed.file_name()),
    };
    let relative = PathBuf::from("outbox").join(&name);
    write_atomically(&ctx.home.join(&relative), &bytes)?;
    let relative_text = relative.to_string_lossy().replace('\\', "/");
    let photos_choice = match choice {
        PhotoChoice::Reduced => "reduced",
        PhotoChoice::Full => "full",
        PhotoChoice::None => "none",
    };
    let now = ctx.now();
    let mut register = ctx.register()?;
    register.write(|tx| {
        traces::mark_exported(
            tx,
            request.id,
            &Exported {
                at: &now,
                manifest_sha256: &signed.manifest_sha256,
                manifest: &signed.manifest_bytes,
                signature: &signed.signature,
                outbox_file: &relative_text,
                encrypted_to: age_recipient.as_ref().map(|(n, _)| n.as_str()),
                photos: photos_choice,
            },
        )?;
        sync_store::outbox_add(
            tx,
            &sync_store::OutboxEntry {
                packet_id: request.packet_id.clone(),
                kind: Kind::TraceRequest.as_str().to_owned(),
                recipient_key_id: request.recipient_key_id.clone(),
                file: relative_text.clone(),
                manifest_sha256: signed.manifest_sha256.clone(),
                state: "pending".into(),
                reason: None,
                created_at: now.clone(),
                acknowledged_at: None,
            },
        )
    })?;
    let body_bytes = serde_json_canonicalizer::to_vec(&request.body)
        .map(|b| b.len())
        .unwrap_or_default();
    let view = ExportedView {
        id: request.id,
        packet_id: &request.packet_id,
        file: ctx.home.join(&relative).display().to_string(),
        encrypted_to: age_recipient.as_ref().map(|(n, _)| n.as_str()),
        manifest_sha256: &signed.manifest_sha256,
        attachments: files.len(),
        sizes: Sizes {
            body: body_bytes,
            manifest: signed.manifest_bytes.len(),
            signature: signed.signature.len(),
            packet: signed.archive.len(),
            file: bytes.len(),
        },
        findings: &findings,
    };
    if ctx.ui.is_json() {
        ctx.ui.json(&view)?;
    } else {
        let sealed = view
            .encrypted_to
            .map(|n| format!(", encrypted to '{n}'"))
            .unwrap_or_default();
        ctx.ui.line(&format!(
            "Signed trace request {} for '{}' into {} ({} bytes{sealed}; {} attachment(s))",
            request.id,
            request.recipient,
            view.file,
            bytes.len(),
            files.len()
        ))?;
        ctx.ui.line(&format!(
            "Manifest {} bytes, SHA-256 {}",
            signed.manifest_bytes.len(),
            signed.manifest_sha256
        ))?;
    }
    Ok(Status::Success)
}

#[derive(Debug)]
struct QrOutputs {
    dir: Option<PathBuf>,
    gif: Option<PathBuf>,
    sheet: Option<PathBuf>,
    terminal: bool,
    extra: usize,
    fps: u32,
}

#[derive(Debug, Serialize)]
struct QrView<'a> {
    id: i64,
    packet_id: &'a str,
    payload_bytes: usize,
    fragments: usize,
    parts: &'a [String],
    files: Vec<String>,
}

fn show_qr(ctx: &Ctx, reference: &str, outputs: &QrOutputs) -> anyhow::Result<Status> {
    let request = load_request(ctx, reference)?;
    let (Some(manifest), Some(signature)) = (&request.manifest, &request.signature) else {
        return Err(usage(format!(
            "trace request {} is not signed yet: `fieldtrace trace export {}` first",
            request.id, request.id
        ))
        .into());
    };
    let payload_bytes = qr::payload::encode(manifest, signature)?.len();
    let fragments = qr::fragment_count(payload_bytes);
    let parts = qr::parts_for_packet(manifest, signature, outputs.extra)?;
    let mut files = Vec::new();
    if let Some(dir) = &outputs.dir {
        for (index, part) in parts.iter().enumerate() {
            let path = dir.join(format!("{}-{:02}.png", request.packet_id, index + 1));
            let png = qr::render_png(part, qr::frames::DEFAULT_MODULE_PIXELS)?;
            write_atomically(&path, &png)?;
            files.push(path.display().to_string());
        }
    }
    if let Some(path) = &outputs.gif {
        let gif = qr::render_gif(
            &parts,
            qr::frames::DEFAULT_MODULE_PIXELS,
            1000 / outputs.fps,
        )?;
        write_atomically(path, &gif)?;
        files.push(path.display().to_string());
    }
    if let Some(path) = &outputs.sheet {
        let mut sheet = format!(
            "# fieldtrace {} {} (seq {}), for '{}'\n# manifest SHA-256 {}\n\
             # {} parts: the first {fragments} are the plain fragments, the rest stand in for any lost.\n\
             # Scan them in any order, then: fieldtrace packet assemble --ur THIS-FILE -o {}.ftpkt\n",
            Kind::TraceRequest,
            request.packet_id,
            request.seq,
            request.recipient,
            request.manifest_sha256.as_deref().unwrap_or("?"),
            parts.len(),
            request.packet_id,
        );
        for part in &parts {
            sheet.push_str(part);
            sheet.push('\n');
        }
        write_atomically(path, sheet.as_bytes())?;
        files.push(path.display().to_string());
    }
    if ctx.ui.is_json() {
        ctx.ui.json(&QrView {
            id: request.id,
            packet_id: &request.packet_id,
            payload_bytes,
            fragments,
            parts: &parts,
            files,
        })?;
        return Ok(Status::Success);
    }
    if outputs.terminal {
        for (index, part) in parts.iter().enumerate() {
            ctx.ui
                .heading(&format!("Part {} of {}", index + 1, parts.len()))?;
            ctx.ui.line(&qr::render_terminal(part)?)?;
        }
    }
    if files.is_empty() && !outputs.terminal {
        for part in &parts {
            ctx.ui.line(part)?;
        }
    } else {
        ctx.ui.line(&format!(
            "{} parts ({fragments} plain + {} mixed) of a {payload_bytes}-byte signed manifest",
            parts.len(),
            parts.len().saturating_sub(fragments)
        ))?;
        for file in &files {
            ctx.ui.line(&format!("  wrote {file}"))?;
        }
    }
    Ok(Status::Success)
}

#[derive(Debug, Serialize)]
struct Listed {
    #[serde(flatten)]
    request: TraceRequest,
    progress: Progress,
    /// Why `--overdue` lists it: not-acknowledged or not-answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    overdue: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_waiting: Option<i64>,
}

/// Whether a sent request waited past a deadline, and how long it has waited.
fn overdue(
    ctx: &Ctx,
    request: &TraceRequest,
    progress: &Progress,
    deadlines: crate::config::Deadlines,
) -> Option<(&'static str, i64)> {
    let exported = request.exported_at.as_deref()?;
    if progress.outcome.is_some() || progress.ack_status.as_deref() == Some("rejected") {
        return None;
    }
    let since = DateTime::parse_from_rfc3339(exported).ok()?;
    let days = (ctx.clock.now() - since.with_timezone(&Utc)).num_days();
    if progress.ack_status.is_none() && days > i64::from(deadlines.acknowledge_days) {
        return Some(("not-acknowledged", days));
    }
    (days > i64::from(deadlines.answer_days)).then_some(("not-answered", days))
}

fn list(ctx: &Ctx, only_overdue: bool) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let deadlines = crate::config::deadlines(&ctx.home)?;
    let mut listed = Vec::new();
    for mut request in traces::list(register.conn())? {
        let progress = sync_store::progress(register.conn(), &request.packet_id)?;
        request.status = progress.status(&request.status);
        let late = overdue(ctx, &request, &progress, deadlines);
        if only_overdue && late.is_none() {
            continue;
        }
        listed.push(Listed {
            request,
            progress,
            overdue: late.map(|(why, _)| why),
            days_waiting: late.map(|(_, days)| days),
        });
    }
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
            (Some(why), Some(days)) => format!("  {why} after {days} days: re-send it"),
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

#[derive(Debug, Serialize)]
struct ReceivedRequest {
    id: i64,
    packet_id: String,
    from: String,
    received_at: String,
    /// stored, incomplete, rejected or answered
    status: String,
    items: usize,
    outcome: Option<String>,
    answered_at: Option<String>,
}

fn list_received(ctx: &Ctx) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let conn = register.conn();
    let mut rows = Vec::new();
    for entry in sync_store::inbox_of_kind(conn, Kind::TraceRequest.as_str())? {
        let items = packet::manifest::parse_strict(&entry.manifest)
            .ok()
            .and_then(|m| m.body.get("items").and_then(|i| i.as_array()).map(Vec::len))
            .unwrap_or(0);
        let answer: Option<(String, String)> = conn
            .query_row(
                "SELECT outcome, at FROM trace_responses
                 WHERE request_packet_id = ?1 AND direction = 'sent'
                 ORDER BY at DESC, rowid DESC LIMIT 1",
                [&entry.packet_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok();
        rows.push(ReceivedRequest {
            id: entry.id,
            packet_id: entry.packet_id,
            from: entry.sender_name,
            received_at: entry.received_at,
            status: entry.status,
            items,
            outcome: answer.as_ref().map(|(o, _)| o.clone()),
            answered_at: answer.map(|(_, at)| at),
        });
    }
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
            "{:>4}  {:<10}  {}  from {:<20} {} item(s), received {}{}",
            r.id,
            r.status,
            r.packet_id,
            r.from,
            r.items,
            r.received_at,
            r.outcome
                .as_ref()
                .map(|o| format!(", answered: {o}"))
                .unwrap_or_default()
        ))?;
    }
    Ok(Status::Success)
}

#[derive(Debug, Serialize)]
struct ShownRequest<'a> {
    #[serde(flatten)]
    request: &'a TraceRequest,
    findings: Vec<Finding>,
    /// Whether the exported file is still in the outbox.
    outbox_file_present: Option<bool>,
    progress: Progress,
}

fn show(ctx: &Ctx, reference: &str) -> anyhow::Result<Status> {
    let mut request = load_request(ctx, reference)?;
    let progress = sync_store::progress(ctx.register()?.conn(), &request.packet_id)?;
    request.status = progress.status(&request.status);
    let body: RequestBody = serde_json::from_value(request.body.clone())
        .with_context(|| format!("trace request {}: the stored body is damaged", request.id))?;
    let findings = check(&body);
    let present = request
        .outbox_file
        .as_deref()
        .map(|f| ctx.home.join(f).exists());
    if ctx.ui.is_json() {
        ctx.ui.json(&ShownRequest {
            request: &request,
            findings,
            outbox_file_present: present,
            progress,
        })?;
        return Ok(Status::Success);
    }
    let ui = &ctx.ui;
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
        let state = if present == Some(true) {
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
        ui.line(&format!("  receipt:   {status} at {at}{missing}{reason}"))?;
    }
    if let (Some(outcome), Some(at)) = (&progress.outcome, &progress.answered_at) {
        ui.line(&format!(
            "  answer:    {outcome} at {at}: {}",
            progress.note.as_deref().unwrap_or("")
        ))?;
    }
    ui.heading("Body")?;
    ui.line(&serde_json::to_string_pretty(&request.body)?)?;
    print_findings(ctx, &findings)?;
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
