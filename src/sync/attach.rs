//! `inbox attach ID PATH...`: the attachments of a packet received in parts (the signed
//! manifest by QR, the photos by file), each checked against the hash and size the signed
//! manifest lists. Files that match wait under `<home>/inbox/attachments/<sha256>`; once every
//! listed attachment is there, the whole packet is rebuilt byte for byte as the sender wrote it
//! (the archive is canonical), verified like any packet, stored in place of the parts, and
//! acknowledged again, complete.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use super::Exchange;
use super::receive::{Answer, request_ack};
use crate::error::usage;
use crate::fs::{read_capped, sha256_hex, write_atomically};
use crate::packet::verify::verify;
use crate::packet::{self, ArchiveLimits, Kind, Recipient, VerifyOptions, archive, manifest};
use crate::register::sync::{self as store, InboxEntry};
use crate::t;
use crate::vocab::AckStatus;

/// Where attachments that came before the rest of their packet wait, by SHA-256.
const WAITING: &str = "inbox/attachments";

/// What `inbox attach` did.
#[derive(Debug, Serialize)]
pub struct Attached {
    pub inbox_id: i64,
    pub packet_id: String,
    /// Attachments taken from the files given (their SHA-256).
    pub matched: Vec<String>,
    /// Files that are none of the packet's pending attachments.
    pub unmatched: Vec<String>,
    /// Still to come.
    pub pending: Vec<String>,
    /// Every attachment is in: the packet was rebuilt and stored whole.
    pub complete: bool,
    /// The acknowledgement sent back once complete.
    pub acknowledgement: Option<String>,
}

/// The files a path names: itself, or the files directly inside a folder, sorted.
fn files_of(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let unreadable = || t!("error-cannot-read", file = path.display().to_string());
    for entry in std::fs::read_dir(path).with_context(unreadable)? {
        let entry = entry.with_context(unreadable)?;
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// The stored packet's bytes (in the register, or its file under the home directory).
fn stored_packet(home: &Path, entry: &InboxEntry) -> anyhow::Result<Vec<u8>> {
    match (&entry.packet, &entry.file) {
        (Some(bytes), _) => Ok(bytes.clone()),
        (None, Some(file)) => {
            let path = home.join(file);
            read_capped(&path, ArchiveLimits::default().max_total_bytes)?
                .with_context(|| t!("sync-larger-than-packet", file = path.display().to_string()))
        }
        (None, None) => anyhow::bail!(
            "{}",
            t!("sync-not-stored", packet = entry.packet_id.as_str())
        ),
    }
}

/// Takes the files under `paths` that are pending attachments of inbox entry `reference`.
pub fn attach(
    ctx: &crate::context::Ctx,
    reference: &str,
    paths: &[PathBuf],
) -> anyhow::Result<Attached> {
    let mut exchange = Exchange::open(ctx)?;
    let entry = store::inbox_resolve(exchange.register.conn(), reference)?;
    if entry.pending.is_empty() {
        return Err(usage(t!(
            "sync-nothing-pending",
            packet = entry.packet_id.as_str(),
            inbox = entry.id
        ))
        .hint(t!("sync-nothing-pending-hint"))
        .into());
    }
    let listed = manifest::parse_strict(&entry.manifest).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            t!(
                "sync-stored-manifest-damaged",
                inbox = entry.id,
                error = e.to_string()
            )
        )
    })?;
    let sizes: BTreeMap<&str, u64> = listed
        .attachments
        .iter()
        .map(|a| (a.sha256.as_str(), a.bytes))
        .collect();
    let cap = ArchiveLimits::default().max_member_bytes;
    let waiting = ctx.home.join(WAITING);
    let mut matched = Vec::new();
    let mut unmatched = Vec::new();
    for path in paths {
        for file in files_of(path)? {
            let Some(bytes) = read_capped(&file, cap)? else {
                unmatched.push(file.display().to_string());
                continue;
            };
            let hash = sha256_hex(&bytes);
            let wanted = entry.pending.contains(&hash)
                && sizes.get(hash.as_str()) == Some(&(bytes.len() as u64));
            if !wanted {
                unmatched.push(file.display().to_string());
                continue;
            }
            write_atomically(&waiting.join(&hash), &bytes)?;
            if !matched.contains(&hash) {
                matched.push(hash);
            }
        }
    }
    let pending: Vec<String> = entry
        .pending
        .iter()
        .filter(|h| !waiting.join(h.as_str()).is_file())
        .cloned()
        .collect();
    let mut attached = Attached {
        inbox_id: entry.id,
        packet_id: entry.packet_id.clone(),
        matched,
        unmatched,
        pending,
        complete: false,
        acknowledgement: None,
    };
    if !attached.pending.is_empty() {
        let (id, pending) = (&entry.packet_id, &attached.pending);
        exchange
            .register
            .write(|tx| store::set_pending(tx, id, pending))?;
        return Ok(attached);
    }

    // Every attachment is in: the packet as the sender wrote it, checked like any other.
    let parts = stored_packet(&ctx.home, &entry)?;
    let members = archive::read(&parts, &ArchiveLimits::default()).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            t!(
                "sync-stored-packet-damaged",
                inbox = entry.id,
                error = e.to_string()
            )
        )
    })?;
    let mut blobs: Vec<Vec<u8>> = members.attachments.values().map(|b| b.to_vec()).collect();
    for hash in &entry.pending {
        let path = waiting.join(hash);
        let bytes = read_capped(&path, cap)?.with_context(|| {
            t!(
                "sync-larger-than-attachment",
                file = path.display().to_string()
            )
        })?;
        if sha256_hex(&bytes) != *hash {
            anyhow::bail!(
                "{}",
                t!("sync-hash-changed", file = path.display().to_string())
            );
        }
        blobs.push(bytes);
    }
    let slices: Vec<&[u8]> = blobs.iter().map(Vec::as_slice).collect();
    let whole = archive::write(members.manifest, members.signature, &slices)?;
    let report = verify(
        &whole,
        &VerifyOptions::new(&exchange.signers, Some(exchange.own.key_id)),
    );
    if !report.valid || report.attachments.pending > 0 {
        let why = crate::i18n::Said::join(report.errors.iter().map(|e| &e.message), "; ");
        anyhow::bail!(
            "{}",
            t!(
                "sync-attach-not-verified",
                packet = entry.packet_id.as_str(),
                why = why.to_string()
            )
        );
    }
    let name = format!("{}{}", entry.packet_id, packet::PACKET_SUFFIX);
    let (stored, file) = exchange.keep_packet(Path::new(&name), &whole, &entry.packet_id)?;
    let file_sha256 = sha256_hex(&whole);
    let answer = (listed.kind == Kind::TraceRequest).then(|| Answer {
        to: Recipient {
            name: entry.sender_name.clone(),
            key_id: listed.station.key_id,
        },
        body: request_ack(&listed, &entry.manifest_sha256),
    });
    // A request refused as unreadable stays refused; only stored and incomplete ones are
    // acknowledged again, now with their photos.
    let answer = answer.filter(|a| a.body.status != AckStatus::Rejected.as_str());
    if answer.is_some() {
        exchange.keys.signing_key()?;
    }
    let (from, key) = (&exchange.from, exchange.keys.signing_key.as_ref());
    let id = entry.packet_id.clone();
    attached.acknowledgement = exchange.register.write(|tx| {
        store::inbox_complete(tx, &id, stored.as_deref(), file.as_deref(), &file_sha256)?;
        Exchange::sign_answer(ctx, from, key, tx, answer)
    })?;
    for hash in &entry.pending {
        // In the packet now; a file left behind is only a spare copy.
        let _ = std::fs::remove_file(waiting.join(hash));
    }
    attached.complete = true;
    Ok(attached)
}
