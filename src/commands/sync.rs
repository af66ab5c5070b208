//! `sync --to DIR`, `inbox import/list`, `trace respond` and the station's side of the loop:
//! packets go out to a folder, replies come in, every refusal is quarantined with its reason.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use super::trace::write_atomically;
use crate::app::{Ctx, Status};
use crate::cli::{InboxCommand, Outcome};
use crate::error::usage;
use crate::keys::{KeyStore, StationKeys};
use crate::packet::encrypt::{self, AgeLimits};
use crate::packet::verify::verify;
use crate::packet::{
    self, ArchiveLimits, KeyId, Kind, KnownSigner, Manifest, Reason, Recipient, SigningKey,
    VerifyOptions,
};
use crate::register::sync::{self as store, InboxEntry, OutboxEntry, Quarantined};
use crate::register::{Register, RegisterError, traces};
use crate::trace::reply::{AckBody, ResponseBody};
use crate::trace::{Level, RequestBody, check};

pub fn run_inbox(ctx: &Ctx, cmd: InboxCommand) -> anyhow::Result<Status> {
    match cmd {
        InboxCommand::Import { paths } => import(ctx, &paths),
        InboxCommand::List => list_inbox(ctx),
    }
}

/// Whether a refused packet is kept in quarantine or, in a shared folder, left for its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `inbox import`: whatever is handed over is ours to judge.
    Import,
    /// `sync`: packets for other stations, and files seen before, are passed over.
    Sync,
}

#[derive(Debug, Clone, Serialize)]
struct Received {
    file: String,
    packet_id: Option<String>,
    kind: Option<String>,
    /// stored, duplicate, quarantined, not-ours, seen
    result: &'static str,
    reason: Option<String>,
    detail: Option<String>,
    /// The acknowledgement written for the sender, if any.
    acknowledgement: Option<String>,
}

impl Received {
    fn new(file: &Path, result: &'static str) -> Received {
        Received {
            file: file.display().to_string(),
            packet_id: None,
            kind: None,
            result,
            reason: None,
            detail: None,
            acknowledgement: None,
        }
    }
}

/// Everything a receiving station needs, the secret keys unlocked only when first needed.
struct Receiver<'a> {
    ctx: &'a Ctx,
    keys: KeyStore,
    own: StationKeys,
    /// This station as it signs.
    from: packet::Station,
    signers: Vec<KnownSigner>,
    signing_key: Option<SigningKey>,
    identity: Option<age::x25519::Identity>,
    register: Register,
}

/// Bytes a packet file may have: a packet at its cap, wrapped by age.
fn file_cap() -> u64 {
    let limits = ArchiveLimits::default();
    limits.max_total_bytes
        + limits.max_total_bytes / 4096
        + AgeLimits::default().max_header_bytes as u64
}

fn read_capped(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn is_packet_name(name: &str) -> bool {
    packet_id_of_name(name).is_some()
}

/// The packet id a file is named by, `<uuid>.ftpkt` or `<uuid>.ftpkt.age`.
fn packet_id_of_name(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix(packet::ENCRYPTED_SUFFIX)
        .or_else(|| name.strip_suffix(packet::PACKET_SUFFIX))?;
    let id = uuid::Uuid::parse_str(stem).ok()?;
    (id.to_string() == stem).then(|| stem.to_owned())
}

/// Packet files in a folder, by name, so runs are repeatable.
fn packet_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name();
        if entry.file_type().map(|t| t.is_file()).unwrap_or(false)
            && name.to_str().is_some_and(is_packet_name)
        {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

fn relative(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl<'a> Receiver<'a> {
    fn open(ctx: &'a Ctx) -> anyhow::Result<Receiver<'a>> {
        let station = ctx.station()?;
        let keys = ctx.key_store()?;
        if !keys.is_initialised() {
            return Err(usage("this station has no keys yet: `fieldtrace keys init`").into());
        }
        let own = keys.public()?;
        let signers = keys.trust_list()?.known_signers();
        let register = ctx.register()?;
        let from = packet::Station {
            name: station.name,
            unit: station.unit,
            key_id: own.key_id,
        };
        Ok(Receiver {
            ctx,
            keys,
            own,
            from,
            signers,
            signing_key: None,
            identity: None,
            register,
        })
    }

    fn signing_key(&mut self) -> anyhow::Result<&SigningKey> {
        if self.signing_key.is_none() {
            let secret = self
                .ctx
                .passphrase("unlock this station's signing key", false)?;
            self.signing_key = Some(self.keys.unlock_signing_key(&secret)?);
        }
        self.signing_key
            .as_ref()
            .context("the signing key is not unlocked")
    }

    fn identity(&mut self) -> anyhow::Result<&age::x25519::Identity> {
        if self.identity.is_none() {
            let secret = self
                .ctx
                .passphrase("unlock this station's decryption key", false)?;
            self.identity = Some(self.keys.unlock_identity(&secret)?);
        }
        self.identity
            .as_ref()
            .context("the decryption key is not unlocked")
    }

    fn peer_name(&self, key_id: KeyId) -> String {
        self.signers
            .iter()
            .find(|s| s.key_id() == key_id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| key_id.to_string())
    }

    /// Keeps a refused file and its reason under `<home>/quarantine/`, and records it.
    fn quarantine(
        &mut self,
        source: &Path,
        bytes: Option<&[u8]>,
        file_sha256: &str,
        packet_id: Option<&str>,
        reason: &str,
        detail: &str,
    ) -> anyhow::Result<Received> {
        let name = source
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| is_packet_name(n))
            .unwrap_or("packet");
        let stored = PathBuf::from("quarantine").join(format!("{}-{name}", &file_sha256[..16]));
        if let Some(bytes) = bytes {
            write_atomically(&self.ctx.home.join(&stored), bytes)?;
        }
        let note = format!(
            "reason: {reason}\ndetail: {detail}\nsource: {}\nsha256: {file_sha256}\nat: {}\n",
            source.display(),
            self.ctx.now()
        );
        let mut note_path = self.ctx.home.join(&stored).into_os_string();
        note_path.push(".reason");
        write_atomically(Path::new(&note_path), note.as_bytes())?;
        let record = Quarantined {
            packet_id: packet_id.map(str::to_owned),
            file_sha256: file_sha256.to_owned(),
            file: relative(&stored),
            source: source.display().to_string(),
            reason: reason.to_owned(),
            detail: detail.to_owned(),
            at: self.ctx.now(),
        };
        self.register
            .write(|tx| store::quarantine_add(tx, &record))?;
        let mut received = Received::new(source, "quarantined");
        received.packet_id = packet_id.map(str::to_owned);
        received.reason = Some(reason.to_owned());
        received.detail = Some(detail.to_owned());
        Ok(received)
    }

    fn ack_body(manifest: &Manifest, sha256: &str, status: &str) -> AckBody {
        AckBody {
            packet: manifest.packet_id.to_string(),
            sha256: sha256.to_owned(),
            status: status.to_owned(),
            missing: Vec::new(),
            reason: None,
        }
    }

    /// Signs an acknowledgement to the packet's sender into the outbox, on its own.
    fn acknowledge(
        &mut self,
        manifest: &Manifest,
        sender_name: String,
        body: &AckBody,
    ) -> anyhow::Result<String> {
        self.signing_key()?;
        let recipient = Self::sender(manifest, sender_name);
        Ok(self.register.write(|tx| {
            sign_into_outbox(
                self.ctx,
                &self.from,
                self.signing_key.as_ref(),
                tx,
                Kind::Acknowledgement,
                recipient,
                body,
            )
        })?)
    }

    fn sender(manifest: &Manifest, name: String) -> Recipient {
        Recipient {
            name,
            key_id: manifest.station.key_id,
        }
    }

    /// Receives one file: every check, then one transaction that stores it and acknowledges it.
    fn receive(&mut self, path: &Path, mode: Mode) -> anyhow::Result<Received> {
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > file_cap());
        let bytes = match read_capped(path, file_cap()) {
            Ok(Some(bytes)) if !too_large => bytes,
            Ok(_) => {
                let detail = format!("the file is over {} bytes", file_cap());
                // Not read whole, so it is known by its name rather than its hash.
                let marker = packet::sha256_hex(format!("too-large:{}", path.display()).as_bytes());
                if mode == Mode::Sync && store::file_seen(self.register.conn(), &marker)? {
                    return Ok(Received::new(path, "seen"));
                }
                return self.quarantine(
                    path,
                    None,
                    &marker,
                    None,
                    Reason::TooLarge.code(),
                    &detail,
                );
            }
            Err(e) => {
                return Err(usage(format!("cannot read {}: {e}", path.display())).into());
            }
        };
        let file_sha256 = packet::sha256_hex(&bytes);
        if mode == Mode::Sync && store::file_seen(self.register.conn(), &file_sha256)? {
            return Ok(Received::new(path, "seen"));
        }
        let plain: std::borrow::Cow<'_, [u8]> = if encrypt::looks_encrypted(&bytes) {
            let limits = AgeLimits::default();
            let opened = match encrypt::check_header(&bytes, &limits) {
                Ok(()) => encrypt::decrypt(&bytes, self.identity()?, &limits),
                Err(e) => Err(e),
            };
            match opened {
                Ok(plain) => plain.into(),
                Err(e) if mode == Mode::Sync && e.reason == Reason::NoMatchingIdentity => {
                    return Ok(Received::new(path, "not-ours"));
                }
                Err(e) => {
                    return self.quarantine(
                        path,
                        Some(&bytes),
                        &file_sha256,
                        None,
                        e.reason.code(),
                        &e.detail,
                    );
                }
            }
        } else {
            bytes.as_slice().into()
        };
        let report = verify(
            &plain,
            &VerifyOptions::new(&self.signers, Some(self.own.key_id)),
        );
        let packet_id = report.id.map(|id| id.to_string());
        if !report.valid {
            // In a shared folder, whatever names another recipient is someone else's business.
            if mode == Mode::Sync
                && report
                    .errors
                    .iter()
                    .any(|e| e.code == Reason::WrongRecipient)
            {
                return Ok(Received::new(path, "not-ours"));
            }
            let reason = report.first_reason().map(|r| r.code()).unwrap_or("invalid");
            let detail: Vec<String> = report.errors.iter().map(|e| e.message.clone()).collect();
            return self.quarantine(
                path,
                Some(&bytes),
                &file_sha256,
                packet_id.as_deref(),
                reason,
                &detail.join("; "),
            );
        }
        let (Some(manifest), Some(manifest_sha256)) = (report.manifest, report.manifest_sha256)
        else {
            anyhow::bail!("a valid packet without a manifest");
        };
        let packet_id = manifest.packet_id.to_string();
        let sender_name = self.peer_name(manifest.station.key_id);
        let mut received = Received::new(path, "stored");
        received.packet_id = Some(packet_id.clone());
        received.kind = Some(manifest.kind.as_str().to_owned());

        let conflict_detail = if let Some(earlier) =
            store::inbox_find(self.register.conn(), &packet_id)?
        {
            if earlier.manifest_sha256 == manifest_sha256 {
                // A replay: stored once, acknowledged again so a lost acknowledgement is replaced.
                received.result = "duplicate";
                if manifest.kind != Kind::Acknowledgement {
                    let body = Self::ack_body(&manifest, &manifest_sha256, "duplicate");
                    received.acknowledgement =
                        Some(self.acknowledge(&manifest, sender_name, &body)?);
                }
                return Ok(received);
            }
            Some(format!(
                "packet {packet_id} was received before with manifest {}; this one is {manifest_sha256}",
                earlier.manifest_sha256
            ))
        } else if store::outbox_find(self.register.conn(), &packet_id)?.is_some() {
            Some(format!("packet {packet_id} is one this station sent"))
        } else {
            None
        };
        if let Some(detail) = conflict_detail {
            let mut out = self.quarantine(
                path,
                Some(&bytes),
                &file_sha256,
                Some(&packet_id),
                "conflict",
                &detail,
            )?;
            if manifest.kind == Kind::TraceRequest {
                let mut body = Self::ack_body(&manifest, &manifest_sha256, "rejected");
                body.reason = Some(format!("conflict: {detail}"));
                out.acknowledgement = Some(self.acknowledge(&manifest, sender_name, &body)?);
            }
            return Ok(out);
        }

        // What the packet does, decided before anything is stored.
        let effect = match manifest.kind {
            Kind::TraceRequest => {
                let mut body = Self::ack_body(&manifest, &manifest_sha256, "stored");
                match serde_json::from_value::<RequestBody>(manifest.body.clone()) {
                    Ok(request) => {
                        body.missing = check(&request)
                            .into_iter()
                            .filter(|f| f.level == Level::Missing)
                            .map(|f| f.code.to_owned())
                            .collect();
                        if !body.missing.is_empty() {
                            body.status = "incomplete".into();
                        }
                    }
                    Err(e) => {
                        body.status = "rejected".into();
                        body.reason = Some(format!("the request body cannot be read: {e}"));
                    }
                }
                Effect::Request(body)
            }
            Kind::Acknowledgement => match self.check_ack(&manifest) {
                Ok(ack) => Effect::Ack(ack),
                Err((reason, detail)) => {
                    return self.quarantine(
                        path,
                        Some(&bytes),
                        &file_sha256,
                        Some(&packet_id),
                        reason,
                        &detail,
                    );
                }
            },
            Kind::TraceResponse => match self.check_response(&manifest) {
                Ok((request_id, response)) => Effect::Response(request_id, response),
                Err((reason, detail)) => {
                    return self.quarantine(
                        path,
                        Some(&bytes),
                        &file_sha256,
                        Some(&packet_id),
                        reason,
                        &detail,
                    );
                }
            },
            Kind::SeizureReport => Effect::Other,
        };
        if !matches!(effect, Effect::Ack(_)) {
            self.signing_key()?;
        }
        let (stored_packet, stored_file) = if bytes.len() <= store::INLINE_PACKET_BYTES {
            (Some(bytes), None)
        } else {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .filter(|n| packet_id_of_name(n).as_deref() == Some(packet_id.as_str()))
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{packet_id}{}", packet::PACKET_SUFFIX));
            let file = PathBuf::from("inbox").join(&name);
            write_atomically(&self.ctx.home.join(&file), &bytes)?;
            (None, Some(relative(&file)))
        };
        let now = self.ctx.now();
        let status = match &effect {
            Effect::Request(ack) => ack.status.clone(),
            _ => "stored".to_owned(),
        };
        let entry = InboxEntry {
            id: 0,
            packet_id: packet_id.clone(),
            kind: manifest.kind.as_str().to_owned(),
            sender_key_id: manifest.station.key_id.to_string(),
            sender_name: sender_name.clone(),
            manifest_sha256: manifest_sha256.clone(),
            file_sha256,
            file: stored_file,
            received_at: now.clone(),
            status,
            manifest: manifest.canonical_bytes()?,
            packet: stored_packet,
        };
        let recipient = Self::sender(&manifest, sender_name);
        let (ctx, from, key) = (self.ctx, &self.from, self.signing_key.as_ref());
        let ack = self.register.write(|tx| {
            store::inbox_store(tx, &entry)?;
            let ack_body = match effect {
                Effect::Request(ack) => Some(ack),
                Effect::Ack(ack) => {
                    store::ack_store(
                        tx,
                        &store::ReceivedAck {
                            packet_id: &packet_id,
                            acknowledged_id: &ack.packet,
                            manifest_sha256: &ack.sha256,
                            status: &ack.status,
                            missing: &serde_json::to_string(&ack.missing).unwrap_or_default(),
                            reason: ack.reason.as_deref(),
                            at: &now,
                        },
                    )?;
                    let file = store::outbox_find(tx, &ack.packet)?
                        .map(|o| o.file)
                        .unwrap_or_default();
                    store::mark_acknowledged(tx, &ack.packet, &now, &file)?;
                    None
                }
                Effect::Response(request_id, response) => {
                    store::response_store(
                        tx,
                        &store::Response {
                            packet_id: packet_id.clone(),
                            request_packet_id: response.request.clone(),
                            direction: "received".into(),
                            outcome: response.outcome.clone(),
                            note: response.note.clone(),
                            last_legal_holder: response.holder.clone(),
                            transfer_chain: response.chain.clone(),
                            at: now.clone(),
                        },
                    )?;
                    store::set_item_outcomes(tx, request_id, &response.outcome, &packet_id, &now)?;
                    Some(Self::ack_body(&manifest, &manifest_sha256, "stored"))
                }
                Effect::Other => Some(Self::ack_body(&manifest, &manifest_sha256, "stored")),
            };
            match ack_body {
                Some(body) => {
                    sign_into_outbox(ctx, from, key, tx, Kind::Acknowledgement, recipient, &body)
                        .map(Some)
                }
                None => Ok(None),
            }
        })?;
        received.acknowledgement = ack;
        match entry.status.as_str() {
            "stored" => {}
            "rejected" => {
                received.result = "rejected";
                received.reason = Some("rejected".into());
            }
            other => received.reason = Some(other.to_owned()),
        }
        Ok(received)
    }

    /// An acknowledgement must name a packet this station sent to its signer, by the manifest
    /// hash it was sent with.
    fn check_ack(&self, manifest: &Manifest) -> Result<AckBody, (&'static str, String)> {
        let ack = AckBody::parse(&manifest.body).map_err(|e| ("bad-body", e.to_string()))?;
        let sent = store::outbox_find(self.register.conn(), &ack.packet)
            .map_err(|e| ("register", e.to_string()))?
            .ok_or_else(|| {
                (
                    "unknown-request",
                    format!(
                        "acknowledges packet {}, which this station never sent",
                        ack.packet
                    ),
                )
            })?;
        if sent.recipient_key_id != manifest.station.key_id.to_string() {
            return Err((
                "wrong-sender",
                format!(
                    "packet {} was sent to key {}, but key {} acknowledges it",
                    ack.packet, sent.recipient_key_id, manifest.station.key_id
                ),
            ));
        }
        if sent.manifest_sha256 != ack.sha256 {
            return Err((
                "wrong-manifest",
                format!(
                    "acknowledges manifest {} but packet {} was sent as {}",
                    ack.sha256, ack.packet, sent.manifest_sha256
                ),
            ));
        }
        Ok(ack)
    }

    /// A response must answer a request this station sent to its signer.
    fn check_response(
        &self,
        manifest: &Manifest,
    ) -> Result<(i64, ResponseBody), (&'static str, String)> {
        let response =
            ResponseBody::parse(&manifest.body).map_err(|e| ("bad-body", e.to_string()))?;
        let conn = self.register.conn();
        let no_request = || {
            (
                "unknown-request",
                format!(
                    "answers request {}, which this station never sent",
                    response.request
                ),
            )
        };
        let id = traces::resolve(conn, &response.request).map_err(|_| no_request())?;
        let request = traces::load(conn, id).map_err(|_| no_request())?;
        if request.manifest_sha256.is_none() {
            return Err(no_request());
        }
        if request.recipient_key_id != manifest.station.key_id.to_string() {
            return Err((
                "wrong-sender",
                format!(
                    "request {} went to key {}, but key {} answers it",
                    response.request, request.recipient_key_id, manifest.station.key_id
                ),
            ));
        }
        if request.manifest_sha256.as_deref() != Some(response.sha256.as_str()) {
            return Err((
                "wrong-manifest",
                format!(
                    "answers manifest {} but request {} was sent as {}",
                    response.sha256,
                    response.request,
                    request.manifest_sha256.as_deref().unwrap_or("?")
                ),
            ));
        }
        Ok((id, response))
    }
}

/// Signs a packet for `recipient`, writes it to the outbox and records it, inside `tx`.
fn sign_into_outbox<T: Serialize>(
    ctx: &Ctx,
    from: &packet::Station,
    key: Option<&SigningKey>,
    tx: &rusqlite::Connection,
    kind: Kind,
    recipient: Recipient,
    body: &T,
) -> Result<String, RegisterError> {
    let body =
        serde_json::to_value(body).map_err(|e| RegisterError::invalid("body", e.to_string()))?;
    let key = key.ok_or_else(|| RegisterError::invalid("signing key", "not unlocked"))?;
    let seq = traces::next_seq(tx)?;
    let packet_id = uuid::Uuid::now_v7();
    let manifest = Manifest::new(
        kind,
        packet_id,
        from.clone(),
        seq,
        recipient.clone(),
        ctx.clock.now(),
        body,
    );
    let signed = packet::build(&manifest, &[], key)
        .map_err(|e| RegisterError::invalid("packet", e.to_string()))?;
    let file = PathBuf::from("outbox").join(signed.file_name());
    write_atomically(&ctx.home.join(&file), &signed.archive)
        .map_err(|e| RegisterError::Io(std::io::Error::other(format!("{e:#}"))))?;
    store::outbox_add(
        tx,
        &OutboxEntry {
            packet_id: packet_id.to_string(),
            kind: kind.as_str().to_owned(),
            recipient_key_id: recipient.key_id.to_string(),
            file: relative(&file),
            manifest_sha256: signed.manifest_sha256.clone(),
            state: "pending".into(),
            reason: None,
            created_at: ctx.now(),
            acknowledged_at: None,
        },
    )?;
    Ok(packet_id.to_string())
}

#[derive(Debug)]
enum Effect {
    Request(AckBody),
    Ack(AckBody),
    Response(i64, ResponseBody),
    Other,
}

#[derive(Debug, Default, Serialize)]
struct ReceiveSummary {
    stored: usize,
    duplicate: usize,
    rejected: usize,
    quarantined: usize,
    not_ours: usize,
    seen: usize,
}

impl ReceiveSummary {
    fn add(&mut self, r: &Received) {
        match r.result {
            "stored" => self.stored += 1,
            "duplicate" => self.duplicate += 1,
            "rejected" => self.rejected += 1,
            "quarantined" => self.quarantined += 1,
            "not-ours" => self.not_ours += 1,
            _ => self.seen += 1,
        }
    }
}

fn print_received(ctx: &Ctx, r: &Received) -> anyhow::Result<()> {
    if matches!(r.result, "seen" | "not-ours") {
        return Ok(());
    }
    let what = match (&r.kind, &r.packet_id) {
        (Some(kind), Some(id)) => format!("{kind} {id}"),
        (None, Some(id)) => format!("packet {id}"),
        _ => r.file.clone(),
    };
    let why = match (&r.reason, &r.detail) {
        (Some(reason), Some(detail)) => format!(": {reason}: {detail}"),
        (Some(reason), None) => format!(" ({reason})"),
        _ => String::new(),
    };
    let ack = r
        .acknowledgement
        .as_ref()
        .map(|a| format!("; acknowledgement {a} in the outbox"))
        .unwrap_or_default();
    ctx.ui.line(&format!("  {:<11} {what}{why}{ack}", r.result))
}

#[derive(Debug, Serialize)]
struct ImportView {
    #[serde(flatten)]
    summary: ReceiveSummary,
    packets: Vec<Received>,
}

fn import(ctx: &Ctx, paths: &[PathBuf]) -> anyhow::Result<Status> {
    let mut receiver = Receiver::open(ctx)?;
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(packet_files(path)?);
        } else {
            files.push(path.clone());
        }
    }
    let mut summary = ReceiveSummary::default();
    let mut packets = Vec::new();
    for file in &files {
        let received = receiver.receive(file, Mode::Import)?;
        summary.add(&received);
        if !ctx.ui.is_json() {
            print_received(ctx, &received)?;
        }
        packets.push(received);
    }
    let refused = summary.quarantined + summary.rejected;
    if ctx.ui.is_json() {
        ctx.ui.json(&ImportView { summary, packets })?;
    } else {
        ctx.ui.line(&format!(
            "{} packet(s): {} stored, {} duplicate, {} rejected, {} quarantined",
            files.len(),
            summary.stored,
            summary.duplicate,
            summary.rejected,
            summary.quarantined
        ))?;
    }
    Ok(if refused > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}

fn list_inbox(ctx: &Ctx) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let mut stmt = register.conn().prepare(
        "SELECT id, packet_id, kind, sender_name, status, received_at FROM inbox ORDER BY id",
    )?;
    let received: Vec<(i64, String, String, String, String, String)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = register
        .conn()
        .prepare("SELECT packet_id, reason, detail, file, at FROM quarantine ORDER BY id")?;
    let quarantined: Vec<(Option<String>, String, String, String, String)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    if ctx.ui.is_json() {
        let received: Vec<_> = received
            .iter()
            .map(|(id, packet, kind, from, status, at)| {
                serde_json::json!({"id": id, "packet_id": packet, "kind": kind, "from": from,
                                   "status": status, "received_at": at})
            })
            .collect();
        let quarantined: Vec<_> = quarantined
            .iter()
            .map(|(packet, reason, detail, file, at)| {
                serde_json::json!({"packet_id": packet, "reason": reason, "detail": detail,
                                   "file": file, "at": at})
            })
            .collect();
        ctx.ui
            .json(&serde_json::json!({"received": received, "quarantined": quarantined}))?;
        return Ok(Status::Success);
    }
    ctx.ui.heading("Received")?;
    for (id, packet, kind, from, status, at) in &received {
        ctx.ui.line(&format!(
            "{id:>4}  {kind:<15} {packet}  from {from:<20} {status:<10} {at}"
        ))?;
    }
    ctx.ui.heading("Quarantined")?;
    for (packet, reason, detail, file, _) in &quarantined {
        ctx.ui.line(&format!(
            "  {reason:<16} {}  {detail}  {}",
            packet.as_deref().unwrap_or("-"),
            ctx.ui.dim(file)
        ))?;
    }
    Ok(Status::Success)
}

#[derive(Debug, Default, Serialize)]
struct Sent {
    copied: usize,
    already_there: usize,
    failed: Vec<String>,
}

#[derive(Debug, Serialize)]
struct SyncView {
    destination: String,
    sent: Sent,
    received: ReceiveSummary,
    packets: Vec<Received>,
}

pub fn sync(ctx: &Ctx, dir: &Path) -> anyhow::Result<Status> {
    if !dir.is_dir() {
        return Err(usage(format!(
            "{} is not a folder (mount the stick or create the shared folder first)",
            dir.display()
        ))
        .into());
    }
    let destination = std::fs::canonicalize(dir)
        .with_context(|| format!("cannot resolve {}", dir.display()))?
        .display()
        .to_string();
    let mut receiver = Receiver::open(ctx)?;
    // Replies first, so the acknowledgements they call for leave in the same run.
    let mut summary = ReceiveSummary::default();
    let mut packets = Vec::new();
    for file in packet_files(dir)? {
        let Some(id) = file
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(packet_id_of_name)
        else {
            continue;
        };
        if store::outbox_find(receiver.register.conn(), &id)?.is_some() {
            continue;
        }
        let received = receiver.receive(&file, Mode::Sync)?;
        summary.add(&received);
        if !ctx.ui.is_json() {
            print_received(ctx, &received)?;
        }
        if !matches!(received.result, "seen" | "not-ours") {
            packets.push(received);
        }
    }
    let mut sent = Sent::default();
    // Each copy is read back before it counts; the records go in one transaction at the end,
    // since a rerun after an interruption finds the copies already there and records them then.
    let mut deliveries = Vec::new();
    for entry in store::outbox_waiting(receiver.register.conn())? {
        match send_one(ctx, &entry, dir) {
            Ok(delivery) => {
                if delivery.copied {
                    sent.copied += 1;
                } else {
                    sent.already_there += 1;
                }
                deliveries.push(delivery);
            }
            Err(e) => {
                ctx.ui.warn(&format!("packet {}: {e:#}", entry.packet_id));
                sent.failed.push(entry.packet_id.clone());
            }
        }
    }
    let now = ctx.now();
    receiver.register.write(|tx| {
        for d in &deliveries {
            store::record_delivery(
                tx,
                &store::Delivery {
                    packet_id: &d.packet_id,
                    destination: &destination,
                    file: &d.file,
                    sha256: &d.sha256,
                    at: &now,
                },
            )?;
        }
        Ok(())
    })?;
    let problems = sent.failed.len() + summary.quarantined + summary.rejected;
    if ctx.ui.is_json() {
        ctx.ui.json(&SyncView {
            destination,
            sent,
            received: summary,
            packets,
        })?;
    } else {
        ctx.ui.line(&format!(
            "Sync with {destination}: {} packet(s) copied, {} already there, {} failed; received {} stored, {} duplicate, {} rejected, {} quarantined",
            sent.copied,
            sent.already_there,
            sent.failed.len(),
            summary.stored,
            summary.duplicate,
            summary.rejected,
            summary.quarantined
        ))?;
    }
    Ok(if problems > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}

#[derive(Debug)]
struct Copied {
    packet_id: String,
    file: String,
    sha256: String,
    /// `false`: the same bytes were already there.
    copied: bool,
}

/// Copies one outbox packet unless the same bytes are already there.
fn send_one(ctx: &Ctx, entry: &OutboxEntry, dir: &Path) -> anyhow::Result<Copied> {
    let source = ctx.home.join(&entry.file);
    let bytes =
        std::fs::read(&source).with_context(|| format!("cannot read {}", source.display()))?;
    let sha256 = packet::sha256_hex(&bytes);
    let name = source
        .file_name()
        .context("an outbox entry without a file name")?;
    let target = dir.join(name);
    let copied = match read_capped(&target, file_cap()) {
        Ok(Some(there)) if packet::sha256_hex(&there) == sha256 => false,
        Ok(_) => anyhow::bail!(
            "{} holds a different file; it is not overwritten",
            target.display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_atomically(&target, &bytes)?;
            let back = std::fs::read(&target)
                .with_context(|| format!("cannot read back {}", target.display()))?;
            if packet::sha256_hex(&back) != sha256 {
                anyhow::bail!(
                    "{} does not read back as written: the medium is failing",
                    target.display()
                );
            }
            true
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", target.display())),
    };
    Ok(Copied {
        packet_id: entry.packet_id.clone(),
        file: target.display().to_string(),
        sha256,
        copied,
    })
}

#[derive(Debug, Serialize)]
struct Responded<'a> {
    packet_id: &'a str,
    request: &'a str,
    to: &'a str,
    outcome: &'a str,
    file: String,
}

pub fn respond(
    ctx: &Ctx,
    reference: &str,
    outcome: Outcome,
    note: String,
    holder: Option<String>,
    chain: Vec<String>,
) -> anyhow::Result<Status> {
    let mut receiver = Receiver::open(ctx)?;
    let request = store::inbox_resolve(receiver.register.conn(), reference).map_err(usage)?;
    if request.kind != Kind::TraceRequest.as_str() {
        return Err(usage(format!(
            "packet {} is a {}, not a trace request",
            request.packet_id, request.kind
        ))
        .into());
    }
    if request.status == "rejected" {
        return Err(usage(format!(
            "request {} was rejected on receipt; there is nothing to answer",
            request.id
        ))
        .into());
    }
    let key_id: KeyId = request
        .sender_key_id
        .parse()
        .map_err(|e| anyhow::anyhow!("received request {}: {e}", request.id))?;
    let trust = receiver.keys.trust_list()?;
    let peer = trust
        .by_key_id(key_id)
        .filter(|p| !p.revoked)
        .ok_or_else(|| {
            usage(format!(
                "the sender of request {} (key {key_id}) is no longer trusted",
                request.id
            ))
        })?;
    let body = ResponseBody {
        request: request.packet_id.clone(),
        sha256: request.manifest_sha256.clone(),
        outcome: outcome.as_str().to_owned(),
        note,
        holder,
        chain,
    };
    let value = serde_json::to_value(&body)?;
    ResponseBody::parse(&value).map_err(usage)?;
    receiver.signing_key()?;
    let recipient = Recipient {
        name: peer.name.clone(),
        key_id,
    };
    let now = ctx.now();
    let packet_id = receiver.register.write(|tx| {
        let id = sign_into_outbox(
            ctx,
            &receiver.from,
            receiver.signing_key.as_ref(),
            tx,
            Kind::TraceResponse,
            recipient,
            &value,
        )?;
        store::response_store(
            tx,
            &store::Response {
                packet_id: id.clone(),
                request_packet_id: body.request.clone(),
                direction: "sent".into(),
                outcome: body.outcome.clone(),
                note: body.note.clone(),
                last_legal_holder: body.holder.clone(),
                transfer_chain: body.chain.clone(),
                at: now.clone(),
            },
        )?;
        store::set_inbox_status(tx, &body.request, "answered")?;
        Ok(id)
    })?;
    let file = ctx
        .home
        .join("outbox")
        .join(format!("{packet_id}{}", packet::PACKET_SUFFIX))
        .display()
        .to_string();
    if ctx.ui.is_json() {
        ctx.ui.json(&Responded {
            packet_id: &packet_id,
            request: &body.request,
            to: &peer.name,
            outcome: &body.outcome,
            file,
        })?;
    } else {
        ctx.ui.line(&format!(
            "Signed trace response {packet_id} ({}) to '{}' for request {} into {file}",
            body.outcome, peer.name, request.id
        ))?;
        ctx.ui
            .line("Next: `fieldtrace sync --to DIR` carries it to the requesting station.")?;
    }
    Ok(Status::Success)
}
