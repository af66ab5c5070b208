//! Receiving one packet file, in two steps. `decide` runs every check and says what the file
//! is: a `Receipt` to store, a `Refusal` to quarantine with its reason code, or something to
//! pass over. It reads the register but writes nothing. `Exchange::apply` (in `mod.rs`) then
//! does what was decided, in one transaction.

use std::path::Path;

use serde::{Serialize, Serializer};

use crate::fs::sha256_hex;
use crate::i18n::Said;
use crate::packet::encrypt::{self, AgeLimits};
use crate::packet::verify::verify;
use crate::packet::{KeyId, Kind, KnownSigner, Manifest, Reason, Recipient, VerifyOptions};
use crate::register::sync as store;
use crate::register::traces;
use crate::said;
use crate::trace::reply::{AckBody, ResponseBody};
use crate::trace::{Level, RequestBody, check};
use crate::vocab::AckStatus;

/// Whether a refused packet is kept in quarantine or, in a shared folder, left for its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `inbox import`: whatever is handed over is ours to judge.
    Import,
    /// `sync`: packets for other stations, and files seen before, are passed over.
    Sync,
}

/// What was read of a file.
#[derive(Debug, Clone, Copy)]
pub enum Incoming<'a> {
    Whole(&'a [u8]),
    /// Over `destination::file_cap()`: not read whole.
    TooLarge,
}

/// Who this station trusts, and who it is.
#[derive(Debug, Clone, Copy)]
pub struct Trust<'a> {
    pub signers: &'a [KnownSigner],
    pub own: KeyId,
}

impl Trust<'_> {
    /// A signer's name in the trust list, or its key id.
    pub fn name_of(&self, key_id: KeyId) -> String {
        self.signers
            .iter()
            .find(|s| s.key_id() == key_id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| key_id.to_string())
    }
}

/// The decryption key, unlocked only when an encrypted packet needs it.
pub trait Keyring {
    fn identity(&mut self) -> anyhow::Result<&age::x25519::Identity>;
}

/// Why a packet is refused: a check of the packet format, or of what it says against the
/// register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalReason {
    /// A check of the packet itself (signature, archive, age, recipient ...).
    Packet(Reason),
    /// Its packet id was received before with another manifest, or is one this station sent.
    Conflict,
    /// An acknowledgement or response whose body cannot be read.
    BadBody,
    /// An acknowledgement or response for nothing this station sent.
    UnknownRequest,
    /// An acknowledgement or response from another station than the one written to.
    WrongSender,
    /// An acknowledgement or response naming another manifest than the one sent.
    WrongManifest,
    /// A packet found invalid without a reason code.
    Invalid,
}

impl RefusalReason {
    /// The code recorded in quarantine and printed: `bad-signature`, `conflict`, ...
    pub fn code(self) -> &'static str {
        match self {
            RefusalReason::Packet(reason) => reason.code(),
            RefusalReason::Conflict => "conflict",
            RefusalReason::BadBody => "bad-body",
            RefusalReason::UnknownRequest => "unknown-request",
            RefusalReason::WrongSender => "wrong-sender",
            RefusalReason::WrongManifest => "wrong-manifest",
            RefusalReason::Invalid => "invalid",
        }
    }
}

impl Serialize for RefusalReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// An acknowledgement to sign for the sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub to: Recipient,
    pub body: AckBody,
}

/// A file refused: kept in quarantine with its reason, changing nothing else.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub reason: RefusalReason,
    /// English where it is recorded (quarantine, `--json`), the officer's language on screen.
    pub detail: Said,
    pub packet_id: Option<String>,
    /// The file's SHA-256, or for a file too large to read, a hash of its name.
    pub file_sha256: String,
    /// Whether the bytes are kept (a file too large to read is not).
    pub keep_bytes: bool,
    /// A trace request refused as a conflict is still answered, as rejected.
    pub answer: Option<Answer>,
}

/// What an accepted packet does.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Received before with the same manifest: stored once, acknowledged again (unless it is
    /// itself an acknowledgement) so a lost acknowledgement is replaced.
    Duplicate,
    /// A trace request, with the acknowledgement it gets (stored, incomplete or rejected).
    Request(AckBody),
    /// An acknowledgement of a packet this station sent.
    Ack(AckBody),
    /// A response to request `request_id` this station sent.
    Response { request_id: i64, body: ResponseBody },
    /// Any other kind: stored and acknowledged.
    Other,
    /// The whole packet, received before in parts (the signed manifest alone): it replaces the
    /// parts and is acknowledged again, now complete.
    Completes(AckBody),
}

/// A verified packet to store.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub manifest: Manifest,
    pub manifest_sha256: String,
    pub file_sha256: String,
    pub sender: Recipient,
    pub effect: Effect,
    /// The SHA-256 of each listed attachment the packet does not carry: it travelled in parts,
    /// and they follow by file.
    pub pending: Vec<String>,
}

impl Receipt {
    pub fn packet_id(&self) -> String {
        self.manifest.packet_id.to_string()
    }

    /// The acknowledgement this receipt sends back, if any.
    pub fn answer(&self) -> Option<Answer> {
        let body = match &self.effect {
            Effect::Duplicate if self.manifest.kind == Kind::Acknowledgement => return None,
            Effect::Duplicate => {
                ack_body(&self.manifest, &self.manifest_sha256, AckStatus::Duplicate)
            }
            Effect::Request(ack) | Effect::Completes(ack) => ack.clone(),
            Effect::Ack(_) => return None,
            Effect::Response { .. } | Effect::Other => {
                ack_body(&self.manifest, &self.manifest_sha256, AckStatus::Stored)
            }
        };
        Some(Answer {
            to: self.sender.clone(),
            body,
        })
    }

    /// The inbox status: the acknowledgement's for a request, else stored.
    pub fn status(&self) -> AckStatus {
        match &self.effect {
            Effect::Request(ack) | Effect::Completes(ack) => {
                ack.status.parse().unwrap_or(AckStatus::Stored)
            }
            _ => AckStatus::Stored,
        }
    }
}

/// Files a shared folder holds that are not this station's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassOver {
    /// The same bytes were stored or quarantined before.
    Seen,
    /// Addressed or encrypted to another station.
    NotOurs,
}

#[derive(Debug, Clone)]
pub enum Decision {
    PassOver(PassOver),
    Refuse(Box<Refusal>),
    Accept(Box<Receipt>),
}

fn ack_body(manifest: &Manifest, sha256: &str, status: AckStatus) -> AckBody {
    AckBody {
        packet: manifest.packet_id.to_string(),
        sha256: sha256.to_owned(),
        status: status.as_str().to_owned(),
        missing: Vec::new(),
        reason: None,
        pending: Vec::new(),
    }
}

fn refuse(
    reason: RefusalReason,
    detail: Said,
    packet_id: Option<String>,
    file_sha256: &str,
) -> Decision {
    Decision::Refuse(Box::new(Refusal {
        reason,
        detail,
        packet_id,
        file_sha256: file_sha256.to_owned(),
        keep_bytes: true,
        answer: None,
    }))
}

/// Every check on one file, cheapest first, against the trust list and what the register
/// holds (`conn` is only read).
pub fn decide(
    source: &Path,
    incoming: Incoming<'_>,
    mode: Mode,
    trust: Trust<'_>,
    conn: &rusqlite::Connection,
    keyring: &mut dyn Keyring,
) -> anyhow::Result<Decision> {
    let bytes = match incoming {
        Incoming::Whole(bytes) => bytes,
        Incoming::TooLarge => {
            // Not read whole, so it is known by its name rather than its hash.
            let marker = sha256_hex(format!("too-large:{}", source.display()).as_bytes());
            if mode == Mode::Sync && store::file_seen(conn, &marker)? {
                return Ok(Decision::PassOver(PassOver::Seen));
            }
            return Ok(Decision::Refuse(Box::new(Refusal {
                reason: RefusalReason::Packet(Reason::TooLarge),
                detail: said!(
                    "sync-refused-file-too-large",
                    limit = super::destination::file_cap()
                ),
                packet_id: None,
                file_sha256: marker,
                keep_bytes: false,
                answer: None,
            })));
        }
    };
    let file_sha256 = sha256_hex(bytes);
    if mode == Mode::Sync && store::file_seen(conn, &file_sha256)? {
        return Ok(Decision::PassOver(PassOver::Seen));
    }
    let plain: std::borrow::Cow<'_, [u8]> = if encrypt::looks_encrypted(bytes) {
        let limits = AgeLimits::default();
        let opened = match encrypt::check_header(bytes, &limits) {
            Ok(()) => encrypt::decrypt(bytes, keyring.identity()?, &limits),
            Err(e) => Err(e),
        };
        match opened {
            Ok(plain) => plain.into(),
            Err(e) if mode == Mode::Sync && e.reason == Reason::NoMatchingIdentity => {
                return Ok(Decision::PassOver(PassOver::NotOurs));
            }
            Err(e) => {
                return Ok(refuse(
                    RefusalReason::Packet(e.reason),
                    e.detail,
                    None,
                    &file_sha256,
                ));
            }
        }
    } else {
        bytes.into()
    };
    let report = verify(&plain, &VerifyOptions::new(trust.signers, Some(trust.own)));
    if !report.valid {
        // In a shared folder, whatever names another recipient is someone else's business.
        if mode == Mode::Sync
            && report
                .errors
                .iter()
                .any(|e| e.code == Reason::WrongRecipient)
        {
            return Ok(Decision::PassOver(PassOver::NotOurs));
        }
        let reason = report
            .first_reason()
            .map_or(RefusalReason::Invalid, RefusalReason::Packet);
        return Ok(refuse(
            reason,
            Said::join(report.errors.iter().map(|e| &e.message), "; "),
            report.id.map(|id| id.to_string()),
            &file_sha256,
        ));
    }
    let (Some(manifest), Some(manifest_sha256)) = (report.manifest, report.manifest_sha256) else {
        anyhow::bail!("a valid packet without a manifest");
    };
    let packet_id = manifest.packet_id.to_string();
    // Under the receiver's checks only a packet carrying none of its attachments has any
    // pending: all of them.
    let pending: Vec<String> = if report.attachments.pending > 0 {
        manifest
            .attachments
            .iter()
            .map(|a| a.sha256.clone())
            .collect()
    } else {
        Vec::new()
    };
    let sender = Recipient {
        name: trust.name_of(manifest.station.key_id),
        key_id: manifest.station.key_id,
    };
    let receipt = |effect| {
        Ok(Decision::Accept(Box::new(Receipt {
            manifest: manifest.clone(),
            manifest_sha256: manifest_sha256.clone(),
            file_sha256: file_sha256.clone(),
            sender: sender.clone(),
            effect,
            pending: pending.clone(),
        })))
    };

    let conflict = if let Some(earlier) = store::inbox_find(conn, &packet_id)? {
        if earlier.manifest_sha256 == manifest_sha256 {
            if !earlier.pending.is_empty() && pending.is_empty() {
                let mut ack = request_ack(&manifest, &manifest_sha256);
                if manifest.kind != Kind::TraceRequest {
                    ack = ack_body(&manifest, &manifest_sha256, AckStatus::Stored);
                }
                return receipt(Effect::Completes(ack));
            }
            return receipt(Effect::Duplicate);
        }
        Some(said!(
            "sync-refused-received-before",
            packet = packet_id.as_str(),
            earlier = earlier.manifest_sha256.as_str(),
            sha = manifest_sha256.as_str()
        ))
    } else if store::outbox_find(conn, &packet_id)?.is_some() {
        Some(said!(
            "sync-refused-own-packet",
            packet = packet_id.as_str()
        ))
    } else {
        None
    };
    if let Some(detail) = conflict {
        let answer = (manifest.kind == Kind::TraceRequest).then(|| {
            let mut body = ack_body(&manifest, &manifest_sha256, AckStatus::Rejected);
            body.reason = Some(format!("conflict: {}", detail.english()));
            Answer {
                to: sender.clone(),
                body,
            }
        });
        return Ok(Decision::Refuse(Box::new(Refusal {
            reason: RefusalReason::Conflict,
            detail,
            packet_id: Some(packet_id),
            file_sha256,
            keep_bytes: true,
            answer,
        })));
    }

    let refused = |(reason, detail): (RefusalReason, Said)| {
        Ok(refuse(
            reason,
            detail,
            Some(packet_id.clone()),
            &file_sha256,
        ))
    };
    match manifest.kind {
        Kind::TraceRequest => {
            let mut ack = request_ack(&manifest, &manifest_sha256);
            ack.pending = pending.clone();
            receipt(Effect::Request(ack))
        }
        Kind::Acknowledgement => match check_ack(conn, &manifest) {
            Ok(ack) => receipt(Effect::Ack(ack)),
            Err(why) => refused(why),
        },
        Kind::TraceResponse => match check_response(conn, &manifest) {
            Ok((request_id, body)) => receipt(Effect::Response { request_id, body }),
            Err(why) => refused(why),
        },
        Kind::SeizureReport => receipt(Effect::Other),
    }
}

/// A request is stored whatever it says; its acknowledgement says whether it is complete
/// (the codes of what is missing) or cannot be read at all.
pub(crate) fn request_ack(manifest: &Manifest, manifest_sha256: &str) -> AckBody {
    let mut body = ack_body(manifest, manifest_sha256, AckStatus::Stored);
    match serde_json::from_value::<RequestBody>(manifest.body.clone()) {
        Ok(request) => {
            body.missing = check(&request)
                .into_iter()
                .filter(|f| f.level == Level::Missing)
                .map(|f| f.code.to_owned())
                .collect();
            if !body.missing.is_empty() {
                body.status = AckStatus::Incomplete.as_str().into();
            }
        }
        Err(e) => {
            body.status = AckStatus::Rejected.as_str().into();
            body.reason = Some(format!("the request body cannot be read: {e}"));
        }
    }
    body
}

type Refused = (RefusalReason, Said);

/// A recorded refusal as the officer reads it: the sentence recorded (in English, as
/// quarantine records, hubs and `--json` keep it) when the officer reads English; in another
/// language the reason code's own sentence (`refusal-<code>`), the code staying beside it. A
/// code the catalogue does not know keeps the recorded sentence.
pub fn refusal_sentence(code: &str, recorded: &str) -> String {
    if crate::i18n::current().is_english() || code.is_empty() {
        return recorded.to_owned();
    }
    crate::i18n::lookup(&format!("refusal-{code}")).unwrap_or_else(|| recorded.to_owned())
}

/// A message from a library (serde, SQLite) that has no translation: the same in every
/// language.
fn their(e: impl std::fmt::Display) -> Said {
    Said::verbatim(e.to_string())
}

/// An acknowledgement must name a packet this station sent to its signer, by the manifest
/// hash it was sent with.
fn check_ack(conn: &rusqlite::Connection, manifest: &Manifest) -> Result<AckBody, Refused> {
    let ack = AckBody::parse(&manifest.body).map_err(|e| (RefusalReason::BadBody, their(e)))?;
    let sent = store::outbox_find(conn, &ack.packet)
        .map_err(|e| (RefusalReason::Invalid, their(e)))?
        .ok_or_else(|| {
            (
                RefusalReason::UnknownRequest,
                said!("sync-refused-ack-unknown", packet = ack.packet.as_str()),
            )
        })?;
    if sent.recipient_key_id != manifest.station.key_id.to_string() {
        return Err((
            RefusalReason::WrongSender,
            said!(
                "sync-refused-ack-sender",
                packet = ack.packet.as_str(),
                to = sent.recipient_key_id.as_str(),
                key = manifest.station.key_id.to_string()
            ),
        ));
    }
    if sent.manifest_sha256 != ack.sha256 {
        return Err((
            RefusalReason::WrongManifest,
            said!(
                "sync-refused-ack-manifest",
                sha = ack.sha256.as_str(),
                packet = ack.packet.as_str(),
                sent = sent.manifest_sha256.as_str()
            ),
        ));
    }
    Ok(ack)
}

/// A response must answer a request this station sent to its signer.
fn check_response(
    conn: &rusqlite::Connection,
    manifest: &Manifest,
) -> Result<(i64, ResponseBody), Refused> {
    let response =
        ResponseBody::parse(&manifest.body).map_err(|e| (RefusalReason::BadBody, their(e)))?;
    let no_request = || {
        (
            RefusalReason::UnknownRequest,
            said!(
                "sync-refused-response-unknown",
                request = response.request.as_str()
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
            RefusalReason::WrongSender,
            said!(
                "sync-refused-response-sender",
                request = response.request.as_str(),
                to = request.recipient_key_id.as_str(),
                key = manifest.station.key_id.to_string()
            ),
        ));
    }
    if request.manifest_sha256.as_deref() != Some(response.sha256.as_str()) {
        return Err((
            RefusalReason::WrongManifest,
            said!(
                "sync-refused-response-manifest",
                sha = response.sha256.as_str(),
                request = response.request.as_str(),
                sent = request.manifest_sha256.as_deref().unwrap_or("?")
            ),
        ));
    }
    Ok((id, response))
}
