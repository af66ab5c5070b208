//! The station's side of the loop: the outbox, the inbox, quarantine, acknowledgements and
//! responses, and the destinations packets travel through (a folder today).
//!
//! Receiving a file is two steps: `receive::decide` (every check, nothing written) and
//! `Exchange::apply` (one transaction that stores, quarantines and acknowledges). `import` and
//! `sync` return reports the commands only print.

pub mod attach;
pub mod destination;
pub mod inbox;
pub mod outbox;
pub mod receive;
pub mod release;
pub mod respond;
pub mod seizure;
pub mod verify;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::context::Ctx;
use crate::fs::{read_capped, write_atomically};
use crate::keys::{KeyStore, StationKeys};
use crate::packet::{self, Kind, KnownSigner, SigningKey};
use crate::register::Register;
use crate::register::sync::{self as store, InboxEntry, Quarantined};
use crate::vocab::{AckStatus, Direction};
pub use destination::{Destination, Folder};
use destination::{file_cap, is_packet_name, packet_files, packet_id_of_name, relative};
pub use receive::Incoming;
use receive::{Answer, Keyring, Trust};
pub use receive::{Decision, Effect, Mode, PassOver, Receipt, Refusal, RefusalReason};

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReceivedAs {
    Stored,
    Duplicate,
    /// Stored, but a request whose body cannot be read: acknowledged as rejected.
    Rejected,
    Quarantined,
    NotOurs,
    Seen,
}

impl ReceivedAs {
    pub fn as_str(self) -> &'static str {
        match self {
            ReceivedAs::Stored => "stored",
            ReceivedAs::Duplicate => "duplicate",
            ReceivedAs::Rejected => "rejected",
            ReceivedAs::Quarantined => "quarantined",
            ReceivedAs::NotOurs => "not-ours",
            ReceivedAs::Seen => "seen",
        }
    }

    /// Passed over in a shared folder: not shown.
    pub fn is_passed_over(self) -> bool {
        matches!(self, ReceivedAs::NotOurs | ReceivedAs::Seen)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Received {
    pub file: String,
    pub packet_id: Option<String>,
    pub kind: Option<String>,
    pub result: ReceivedAs,
    pub reason: Option<String>,
    /// In English in `--json`, in the officer's language on the terminal.
    pub detail: Option<crate::i18n::Said>,
    /// The acknowledgement written for the sender, if any.
    pub acknowledgement: Option<String>,
    /// Attachments the signed manifest lists that are still to come (their SHA-256).
    pub attachments_pending: Vec<String>,
}

impl Received {
    fn new(file: &Path, result: ReceivedAs) -> Received {
        Received {
            file: file.display().to_string(),
            packet_id: None,
            kind: None,
            result,
            reason: None,
            detail: None,
            acknowledgement: None,
            attachments_pending: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReceiveSummary {
    pub stored: usize,
    pub duplicate: usize,
    pub rejected: usize,
    pub quarantined: usize,
    pub not_ours: usize,
    pub seen: usize,
}

impl ReceiveSummary {
    pub fn add(&mut self, r: &Received) {
        match r.result {
            ReceivedAs::Stored => self.stored += 1,
            ReceivedAs::Duplicate => self.duplicate += 1,
            ReceivedAs::Rejected => self.rejected += 1,
            ReceivedAs::Quarantined => self.quarantined += 1,
            ReceivedAs::NotOurs => self.not_ours += 1,
            ReceivedAs::Seen => self.seen += 1,
        }
    }

    pub fn refused(&self) -> usize {
        self.quarantined + self.rejected
    }
}

/// `inbox import`: what each file became.
#[derive(Debug, Serialize)]
pub struct ImportReport {
    #[serde(flatten)]
    pub summary: ReceiveSummary,
    pub packets: Vec<Received>,
}

#[derive(Debug, Default, Serialize)]
pub struct Sent {
    pub copied: usize,
    pub already_there: usize,
    pub failed: Vec<String>,
}

/// `sync --to DIR`: what went out and what came in.
#[derive(Debug, Serialize)]
pub struct SyncReport {
    pub destination: String,
    pub sent: Sent,
    pub received: ReceiveSummary,
    pub packets: Vec<Received>,
    /// Why each failed packet could not be sent.
    #[serde(skip)]
    pub problems: Vec<String>,
    /// The seizure reports signed for a hub in this run (their packet ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seizure_reports: Vec<String>,
}

impl SyncReport {
    pub fn problems(&self) -> usize {
        self.sent.failed.len() + self.received.refused()
    }
}

/// The secret keys, each unlocked (with the passphrase) only when first needed.
pub(crate) struct Unlocker<'a> {
    ctx: &'a Ctx,
    store: KeyStore,
    signing_key: Option<SigningKey>,
    identity: Option<age::x25519::Identity>,
}

impl std::fmt::Debug for Unlocker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unlocker")
            .field("signing_key", &self.signing_key.is_some())
            .field("identity", &self.identity.is_some())
            .finish()
    }
}

impl Unlocker<'_> {
    pub(crate) fn signing_key(&mut self) -> anyhow::Result<&SigningKey> {
        if self.signing_key.is_none() {
            let secret = self.ctx.passphrase(&crate::t!("purpose-signing"), false)?;
            self.signing_key = Some(self.store.unlock_signing_key(&secret)?);
        }
        self.signing_key
            .as_ref()
            .with_context(|| crate::t!("sync-signing-locked"))
    }
}

impl Keyring for Unlocker<'_> {
    fn identity(&mut self) -> anyhow::Result<&age::x25519::Identity> {
        if self.identity.is_none() {
            let secret = self
                .ctx
                .passphrase(&crate::t!("purpose-decryption"), false)?;
            self.identity = Some(self.store.unlock_identity(&secret)?);
        }
        self.identity
            .as_ref()
            .with_context(|| crate::t!("sync-decryption-locked"))
    }
}

/// This station as it exchanges packets: its keys, whom it trusts, its register.
#[derive(Debug)]
pub struct Exchange<'a> {
    ctx: &'a Ctx,
    pub(crate) keys: Unlocker<'a>,
    own: StationKeys,
    /// This station as it signs.
    pub(crate) from: packet::Station,
    signers: Vec<KnownSigner>,
    pub(crate) register: std::cell::RefMut<'a, Register>,
}

impl<'a> Exchange<'a> {
    pub fn open(ctx: &'a Ctx) -> anyhow::Result<Exchange<'a>> {
        let station = ctx.station()?;
        let store = ctx.initialised_keys()?;
        let own = store.public()?;
        let signers = store.trust_list()?.known_signers();
        let register = ctx.register()?;
        let from = packet::Station {
            name: station.name,
            unit: station.unit,
            key_id: own.key_id,
        };
        Ok(Exchange {
            ctx,
            keys: Unlocker {
                ctx,
                store,
                signing_key: None,
                identity: None,
            },
            own,
            from,
            signers,
            register,
        })
    }

    pub(crate) fn key_store(&self) -> &KeyStore {
        &self.keys.store
    }

    /// Reads one file, decides, applies.
    pub fn receive(&mut self, path: &Path, mode: Mode) -> anyhow::Result<Received> {
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > file_cap());
        // An unreadable file is a failure of this run, not a refusal of the packet; one too
        // large is refused unread.
        let bytes = if too_large {
            None
        } else {
            read_capped(path, file_cap())?
        };
        let incoming = match &bytes {
            Some(bytes) => Incoming::Whole(bytes),
            None => Incoming::TooLarge,
        };
        let decision = self.decide(path, incoming, mode)?;
        self.apply(path, bytes.as_deref(), decision)
    }

    /// Every check of `inbox import` on what was read (from a file or a hub upload), against
    /// the trust list and the register; nothing written.
    pub fn decide(
        &mut self,
        source: &Path,
        incoming: Incoming<'_>,
        mode: Mode,
    ) -> anyhow::Result<Decision> {
        let trust = Trust {
            signers: &self.signers,
            own: self.own.key_id,
        };
        receive::decide(
            source,
            incoming,
            mode,
            trust,
            self.register.conn(),
            &mut self.keys,
        )
    }

    /// Reads the trust list again (a hub that enrolled a station while serving).
    pub fn reload_trust(&mut self) -> anyhow::Result<()> {
        self.signers = self.keys.store.trust_list()?.known_signers();
        Ok(())
    }

    /// This station as it signs.
    pub fn station(&self) -> &packet::Station {
        &self.from
    }

    /// Whether `key_id` is a signer this station trusts now.
    pub fn trusts(&self, key_id: packet::KeyId) -> bool {
        self.signers
            .iter()
            .any(|s| !s.revoked && s.key_id() == key_id)
    }

    /// This station's signing key, unlocked (asking for the passphrase once).
    pub fn signing_key(&mut self) -> anyhow::Result<&SigningKey> {
        self.keys.signing_key()
    }

    /// The register, for what the hub reads of the NPC's outbox.
    pub fn register_conn(&self) -> &rusqlite::Connection {
        self.register.conn()
    }

    /// Runs `f` in one register transaction.
    pub fn register_write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Connection) -> Result<T, crate::register::RegisterError>,
    ) -> anyhow::Result<T> {
        Ok(self.register.write(f)?)
    }

    /// Does what `decide` said, in one transaction.
    pub fn apply(
        &mut self,
        path: &Path,
        bytes: Option<&[u8]>,
        decision: Decision,
    ) -> anyhow::Result<Received> {
        match decision {
            Decision::PassOver(PassOver::Seen) => Ok(Received::new(path, ReceivedAs::Seen)),
            Decision::PassOver(PassOver::NotOurs) => Ok(Received::new(path, ReceivedAs::NotOurs)),
            Decision::Refuse(refusal) => self.quarantine(path, bytes, *refusal),
            Decision::Accept(receipt) => self.store(path, bytes.unwrap_or_default(), *receipt),
        }
    }

    /// Signs `answer` into the outbox inside `tx`.
    fn sign_answer(
        ctx: &Ctx,
        from: &packet::Station,
        key: Option<&SigningKey>,
        tx: &rusqlite::Connection,
        answer: Option<Answer>,
    ) -> Result<Option<String>, crate::register::RegisterError> {
        let (Some(answer), Some(key)) = (answer, key) else {
            return Ok(None);
        };
        // One acknowledgement per received packet and answer: the same packet again gets the
        // same acknowledgement again (sent once more), not a new signature. A packet that
        // changed what is to be said (its photos came) gets a new one.
        let said = serde_json::to_vec(&answer.body).map_err(|e| {
            crate::register::RegisterError::invalid("acknowledgement", e.to_string())
        })?;
        let said = crate::fs::sha256_hex(&said);
        let same = (answer.body.status != AckStatus::Duplicate.as_str()).then_some(said.as_str());
        if let Some(earlier) = store::outbox_answer(tx, &answer.body.packet, same)? {
            store::outbox_requeue(tx, &earlier)?;
            return Ok(Some(earlier));
        }
        let packet_id = outbox::sign_into_outbox(
            ctx,
            from,
            key,
            tx,
            Kind::Acknowledgement,
            answer.to,
            &answer.body,
        )?;
        store::set_outbox_answer(tx, &packet_id, &answer.body.packet, &said)?;
        Ok(Some(packet_id))
    }

    /// Keeps a refused file and its reason under `<home>/quarantine/`, and records it.
    fn quarantine(
        &mut self,
        source: &Path,
        bytes: Option<&[u8]>,
        refusal: Refusal,
    ) -> anyhow::Result<Received> {
        let name = source
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| is_packet_name(n))
            .unwrap_or("packet");
        let stored =
            PathBuf::from("quarantine").join(format!("{}-{name}", &refusal.file_sha256[..16]));
        if let (Some(bytes), true) = (bytes, refusal.keep_bytes) {
            write_atomically(&self.ctx.home.join(&stored), bytes)?;
        }
        let reason = refusal.reason.code();
        let now = self.ctx.now();
        let note = format!(
            "reason: {reason}\ndetail: {}\nsource: {}\nsha256: {}\nat: {now}\n",
            refusal.detail.english(),
            source.display(),
            refusal.file_sha256,
        );
        let mut note_path = self.ctx.home.join(&stored).into_os_string();
        note_path.push(".reason");
        write_atomically(Path::new(&note_path), note.as_bytes())?;
        let record = Quarantined {
            packet_id: refusal.packet_id.clone(),
            file_sha256: refusal.file_sha256.clone(),
            file: relative(&stored),
            source: source.display().to_string(),
            reason: reason.to_owned(),
            detail: refusal.detail.english().to_owned(),
            at: now,
        };
        if refusal.answer.is_some() {
            self.keys.signing_key()?;
        }
        let (ctx, from, key) = (self.ctx, &self.from, self.keys.signing_key.as_ref());
        let acknowledgement = self.register.write(|tx| {
            store::quarantine_add(tx, &record)?;
            Self::sign_answer(ctx, from, key, tx, refusal.answer)
        })?;
        let mut received = Received::new(source, ReceivedAs::Quarantined);
        received.packet_id = refusal.packet_id;
        received.reason = Some(reason.to_owned());
        received.detail = Some(refusal.detail);
        received.acknowledgement = acknowledgement;
        Ok(received)
    }

    /// Where a received packet is kept: small ones in the register, larger ones (photos) as a
    /// file under `inbox/`, named by packet id.
    fn keep_packet(
        &self,
        path: &Path,
        bytes: &[u8],
        packet_id: &str,
    ) -> anyhow::Result<(Option<Vec<u8>>, Option<String>)> {
        if bytes.len() <= store::INLINE_PACKET_BYTES {
            return Ok((Some(bytes.to_vec()), None));
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| packet_id_of_name(n).as_deref() == Some(packet_id))
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{packet_id}{}", packet::PACKET_SUFFIX));
        let file = PathBuf::from("inbox").join(&name);
        write_atomically(&self.ctx.home.join(&file), bytes)?;
        Ok((None, Some(relative(&file))))
    }

    /// Stores a verified packet once, applies what it says and acknowledges it.
    fn store(&mut self, path: &Path, bytes: &[u8], receipt: Receipt) -> anyhow::Result<Received> {
        let packet_id = receipt.packet_id();
        let mut received = Received::new(path, ReceivedAs::Stored);
        received.packet_id = Some(packet_id.clone());
        received.kind = Some(receipt.manifest.kind.as_str().to_owned());
        let answer = receipt.answer();
        if answer.is_some() {
            self.keys.signing_key()?;
        }
        let (ctx, from, key) = (self.ctx, &self.from, self.keys.signing_key.as_ref());
        if let Effect::Duplicate = receipt.effect {
            received.result = ReceivedAs::Duplicate;
            received.acknowledgement = self
                .register
                .write(|tx| Self::sign_answer(ctx, from, key, tx, answer))?;
            return Ok(received);
        }
        let (stored_packet, stored_file) = self.keep_packet(path, bytes, &packet_id)?;
        let now = self.ctx.now();
        let status = receipt.status();
        if let Effect::Completes(_) = receipt.effect {
            received.acknowledgement = self.register.write(|tx| {
                store::inbox_complete(
                    tx,
                    &packet_id,
                    stored_packet.as_deref(),
                    stored_file.as_deref(),
                    &receipt.file_sha256,
                )?;
                Self::sign_answer(ctx, from, key, tx, answer)
            })?;
            received.reason = Some("completed".into());
            return Ok(received);
        }
        received.attachments_pending = receipt.pending.clone();
        let entry = InboxEntry {
            id: 0,
            packet_id: packet_id.clone(),
            kind: receipt.manifest.kind.as_str().to_owned(),
            sender_key_id: receipt.sender.key_id.to_string(),
            sender_name: receipt.sender.name.clone(),
            manifest_sha256: receipt.manifest_sha256.clone(),
            file_sha256: receipt.file_sha256.clone(),
            file: stored_file,
            received_at: now.clone(),
            status: status.as_str().to_owned(),
            manifest: receipt.manifest.canonical_bytes()?,
            packet: stored_packet,
            pending: receipt.pending.clone(),
        };
        received.acknowledgement = self.register.write(|tx| {
            store::inbox_store(tx, &entry)?;
            match &receipt.effect {
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
                            pending: &ack.pending,
                        },
                    )?;
                    let file = store::outbox_find(tx, &ack.packet)?
                        .map(|o| o.file)
                        .unwrap_or_default();
                    store::mark_acknowledged(tx, &ack.packet, &now, &file)?;
                }
                Effect::Response { request_id, body } => {
                    store::response_store(
                        tx,
                        &stored_response(body, &packet_id, Direction::Received, &now),
                    )?;
                    store::set_item_outcomes(tx, *request_id, &body.outcome, &packet_id, &now)?;
                }
                Effect::Request(_) => {
                    record_chain_heads(tx, &receipt, &packet_id, &now)?;
                }
                Effect::Other | Effect::Duplicate | Effect::Completes(_) => {}
            }
            Self::sign_answer(ctx, from, key, tx, answer)
        })?;
        match status {
            AckStatus::Stored => {}
            AckStatus::Rejected => {
                received.result = ReceivedAs::Rejected;
                received.reason = Some("rejected".into());
            }
            other => received.reason = Some(other.as_str().to_owned()),
        }
        Ok(received)
    }
}

/// Keeps the custody chain heads a received request carries, for `custody verify`.
fn record_chain_heads(
    tx: &rusqlite::Connection,
    receipt: &Receipt,
    packet_id: &str,
    now: &str,
) -> Result<(), crate::register::RegisterError> {
    let Ok(body) =
        serde_json::from_value::<crate::trace::RequestBody>(receipt.manifest.body.clone())
    else {
        return Ok(());
    };
    let sender_key_id = receipt.sender.key_id.to_string();
    // Signed by a trusted sender, but bounded all the same: a UUID and a SHA-256.
    let well_formed = |h: &&crate::trace::body::ChainHead| {
        h.item.len() <= 64 && h.h.len() == 64 && h.h.bytes().all(|b| b.is_ascii_hexdigit())
    };
    for head in body
        .items
        .iter()
        .filter_map(|i| i.chain.as_ref())
        .filter(well_formed)
    {
        crate::register::custody::record_received_head(
            tx,
            &crate::register::custody::ReceivedHead {
                sender_key_id: &sender_key_id,
                sender_name: &receipt.sender.name,
                item_uuid: &head.item,
                events: head.n,
                hash: &head.h,
                packet_id,
                received_at: now,
            },
        )?;
    }
    Ok(())
}

/// What `import` and `sync` tell their caller as they go: for its output and progress bar.
pub trait Observer {
    /// How many packets the run reads and sends, as far as known (sync learns the outbox's
    /// share after receiving, which may add acknowledgements to it).
    fn total(&mut self, _packets: u64) {}
    /// A packet read and decided.
    fn received(&mut self, received: &Received) -> anyhow::Result<()>;
    /// A packet of the outbox handed to the destination, or failed.
    fn sent(&mut self) {}
}

/// `inbox import`: files and every packet in folders, each decided and applied in turn;
/// `each` sees each result as it comes.
pub fn import(
    ctx: &Ctx,
    paths: &[PathBuf],
    each: &mut dyn Observer,
) -> anyhow::Result<ImportReport> {
    let mut exchange = Exchange::open(ctx)?;
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
    each.total(u64::try_from(files.len()).unwrap_or(u64::MAX));
    for file in &files {
        let received = exchange.receive(file, Mode::Import)?;
        summary.add(&received);
        each.received(&received)?;
        packets.push(received);
    }
    Ok(ImportReport { summary, packets })
}

/// `sync --to DIR`: replies in first (so the acknowledgements they call for leave in the same
/// run), then every outbox packet out. Safe to repeat, to interrupt and to share. A hub, which
/// answers at once, gets the outbox first, then the replies, then what they called for.
pub fn sync(
    ctx: &Ctx,
    destination: &dyn Destination,
    each: &mut dyn Observer,
) -> anyhow::Result<SyncReport> {
    let mut exchange = Exchange::open(ctx)?;
    sync_with(&mut exchange, destination, each)
}

/// `sync` with an exchange already open (its keys perhaps unlocked for the destination).
pub fn sync_with(
    exchange: &mut Exchange<'_>,
    destination: &dyn Destination,
    each: &mut dyn Observer,
) -> anyhow::Result<SyncReport> {
    destination.remove_interrupted_copies();
    let mut sent = Sent::default();
    let mut problems = Vec::new();
    if destination.answers_at_once() {
        send_all(exchange, destination, each, 0, &mut sent, &mut problems)?;
    }
    let mut received = ReceiveSummary::default();
    let mut packets = Vec::new();
    let waiting = destination.waiting()?;
    let incoming = u64::try_from(waiting.len()).unwrap_or(u64::MAX);
    each.total(incoming);
    for (id, file) in waiting {
        if store::outbox_find(exchange.register.conn(), &id)?.is_some() {
            destination.taken(&id, &file)?;
            continue;
        }
        let got = exchange.receive(&file, Mode::Sync)?;
        destination.taken(&id, &file)?;
        received.add(&got);
        each.received(&got)?;
        if !got.result.is_passed_over() {
            packets.push(got);
        }
    }
    send_all(
        exchange,
        destination,
        each,
        incoming,
        &mut sent,
        &mut problems,
    )?;
    Ok(SyncReport {
        destination: destination.label().to_owned(),
        sent,
        received,
        packets,
        problems,
        seizure_reports: Vec::new(),
    })
}

/// Hands every outbox packet not yet acknowledged to the destination; one that fails is
/// reported and the others go on.
fn send_all(
    exchange: &mut Exchange<'_>,
    destination: &dyn Destination,
    each: &mut dyn Observer,
    incoming: u64,
    sent: &mut Sent,
    problems: &mut Vec<String>,
) -> anyhow::Result<()> {
    // Each copy is read back before it counts; the records go in one transaction at the end,
    // since a rerun after an interruption finds the copies already there and records them then.
    let mut deliveries = Vec::new();
    let outgoing = store::outbox_waiting(exchange.register.conn())?;
    each.total(incoming.saturating_add(u64::try_from(outgoing.len()).unwrap_or(u64::MAX)));
    let label = destination.label();
    for entry in outgoing {
        each.sent();
        if sent.failed.contains(&entry.packet_id) {
            // Refused earlier in this run (a hub is offered the outbox before and after its
            // mailbox is read): once is enough, and it counts once.
            continue;
        }
        if destination.answers_at_once()
            && entry.state != crate::vocab::OutboxState::Pending.as_str()
            && store::delivered(exchange.register.conn(), &entry.packet_id, label)?
        {
            // A hub said it has it; what it answers comes by the mailbox.
            continue;
        }
        match destination.deliver(&exchange.ctx.home, &entry) {
            Ok(delivery) => {
                if delivery.copied {
                    sent.copied += 1;
                } else {
                    sent.already_there += 1;
                }
                deliveries.push(delivery);
            }
            Err(e) => {
                problems.push(crate::t!(
                    "sync-send-failed",
                    packet = entry.packet_id.as_str(),
                    error = format!("{e:#}")
                ));
                sent.failed.push(entry.packet_id.clone());
            }
        }
    }
    let now = exchange.ctx.now();
    exchange.register.write(|tx| {
        for d in &deliveries {
            store::record_delivery(
                tx,
                &store::Delivery {
                    packet_id: &d.packet_id,
                    destination: label,
                    file: &d.file,
                    sha256: &d.sha256,
                    at: &now,
                },
            )?;
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod apply_tests;

/// A trace response as the register keeps it, sent or received.
fn stored_response(
    body: &crate::trace::reply::ResponseBody,
    packet_id: &str,
    direction: Direction,
    at: &str,
) -> store::Response {
    store::Response {
        packet_id: packet_id.to_owned(),
        request_packet_id: body.request.clone(),
        direction: direction.as_str().into(),
        outcome: body.outcome.clone(),
        note: body.note.clone(),
        last_legal_holder: body.holder.clone(),
        transfer_chain: body.chain.clone(),
        at: at.to_owned(),
    }
}
