//! Exporting a request: its photos collected and checked, the manifest signed, the packet
//! written atomically into the outbox (encrypted with age when asked) and recorded.

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::draft::trusted_peer;
use super::status::load_request;
use super::{Finding, RequestBody, check};
use crate::context::Ctx;
use crate::error::usage;
use crate::fs::{sha256_hex, write_atomically};
use crate::packet::encrypt;
use crate::packet::{self, Attachment, KeyId, Kind, Manifest, Recipient, Station};
use crate::register::photos;
use crate::register::traces::{self, Exported};
use crate::sync::destination::relative;
use crate::sync::outbox;
use crate::t;
use crate::vocab::PhotoChoice;

#[derive(Debug, Serialize)]
pub struct Sizes {
    pub body: usize,
    pub manifest: usize,
    pub signature: usize,
    pub packet: usize,
    pub file: usize,
}

/// A request signed into the outbox.
#[derive(Debug, Serialize)]
pub struct ExportedRequest {
    pub id: i64,
    pub packet_id: String,
    /// Its peer's name.
    #[serde(skip)]
    pub recipient: String,
    pub file: String,
    pub encrypted_to: Option<String>,
    pub manifest_sha256: String,
    pub attachments: usize,
    pub sizes: Sizes,
    pub findings: Vec<Finding>,
}

/// The photo files to attach, read and checked against the hashes the body lists.
pub fn attachments(
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
        if sha256_hex(&bytes) != expected {
            anyhow::bail!(
                "{} no longer matches its SHA-256 {expected}: the stored photo was altered",
                ctx.home.join(path).display()
            );
        }
        out.push((Attachment::for_bytes(&bytes, media_type), bytes));
    }
    Ok(out)
}

/// Signs request `reference` into the outbox. A signed request is never changed: exporting it
/// again must give the same manifest.
pub fn export(
    ctx: &Ctx,
    reference: &str,
    encrypt_to: Option<&str>,
    choice: PhotoChoice,
) -> anyhow::Result<ExportedRequest> {
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
        return Err(usage(t!(
            "trace-peer-key-changed",
            name = request.recipient.as_str(),
            id = request.id
        ))
        .hint(t!("hint-trace-make-new"))
        .into());
    }
    let age_recipient = match encrypt_to {
        None => None,
        Some(name) => {
            let peer = trusted_peer(ctx, name)?;
            let key = peer.age_recipient()?.ok_or_else(|| {
                usage(format!("'{name}' has no age key to encrypt to")).hint(format!(
                    "`fieldtrace keys trust FILE --name '{name}' --age age1...` adds it"
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
    let manifest_sha256 = sha256_hex(&manifest_bytes);
    if let Some(earlier) = &request.manifest_sha256
        && *earlier != manifest_sha256
    {
        return Err(usage(t!(
            "trace-already-signed",
            id = request.id,
            photos = request.photos.as_deref().unwrap_or("?"),
            manifest = earlier.as_str()
        ))
        .hint(t!("hint-trace-same-photos"))
        .into());
    }

    let secret = ctx.passphrase(&crate::t!("purpose-signing"), false)?;
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
    let file = PathBuf::from("outbox").join(&name);
    write_atomically(&ctx.home.join(&file), &bytes)?;
    let file_text = relative(&file);
    let now = ctx.now();
    let encrypted_to = age_recipient.map(|(n, _)| n);
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
                outbox_file: &file_text,
                encrypted_to: encrypted_to.as_deref(),
                photos: choice.as_str(),
            },
        )?;
        outbox::record(
            tx,
            &request.packet_id,
            Kind::TraceRequest,
            &request.recipient_key_id,
            &file_text,
            &signed.manifest_sha256,
            &now,
        )
    })?;
    // The signed local checkpoint: the chains as they are now, out of the database's reach.
    crate::trace::anchor::write_checkpoint(&ctx.home, register.conn(), &key, &now)?;
    let body_bytes = serde_json_canonicalizer::to_vec(&request.body)
        .map(|b| b.len())
        .unwrap_or_default();
    Ok(ExportedRequest {
        id: request.id,
        packet_id: request.packet_id,
        recipient: request.recipient,
        file: ctx.home.join(&file).display().to_string(),
        encrypted_to,
        manifest_sha256: signed.manifest_sha256,
        attachments: files.len(),
        sizes: Sizes {
            body: body_bytes,
            manifest: signed.manifest_bytes.len(),
            signature: signed.signature.len(),
            packet: signed.archive.len(),
            file: bytes.len(),
        },
        findings,
    })
}
