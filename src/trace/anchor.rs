//! Trust anchored outside the database: the custody chain heads that packets about our items
//! carried (sent from the outbox, or copies held by the receiver), compared with the register.
//!
//! Someone with write access to `register.sqlite3` can delete the last custody events, or edit
//! one and re-hash the chain after it, or edit a serial and delete its change rows, and the
//! chain alone still verifies. A packet already sent is signed and out of their reach: if the
//! register now holds fewer events for an item than a packet said, or another event at that
//! count, or another serial with no change recorded, the register was rewritten.

use std::path::{Path, PathBuf};

use crate::i18n::Said;
use crate::packet::{ArchiveLimits, PACKET_SUFFIX, archive, manifest};
use crate::register::custody::{CarriedHead, Checkpoint};

/// A packet file this large is not one of ours.
const MAX_PACKET_BYTES: u64 = 256 * 1024 * 1024;

/// The chain heads in the packets at `paths` (packet files, or folders of them); packets that
/// do not read (encrypted, damaged, not requests) are counted in the second value.
pub fn carried_heads(paths: &[PathBuf]) -> std::io::Result<(Vec<CarriedHead>, usize)> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(PACKET_SUFFIX))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let (mut heads, mut unread) = (Vec::new(), 0);
    for file in files {
        match heads_in(&file)? {
            Some(found) => heads.extend(found),
            None => unread += 1,
        }
    }
    Ok((heads, unread))
}

fn heads_in(file: &Path) -> std::io::Result<Option<Vec<CarriedHead>>> {
    let Some(bytes) = crate::fs::read_capped(file, MAX_PACKET_BYTES)? else {
        return Ok(None);
    };
    let Ok(packet) = archive::read(&bytes, &ArchiveLimits::default()) else {
        return Ok(None);
    };
    let Ok(manifest) = manifest::parse_strict(packet.manifest) else {
        return Ok(None);
    };
    let Ok(body) = serde_json::from_value::<crate::trace::RequestBody>(manifest.body.clone())
    else {
        return Ok(None);
    };
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Some(
        body.items
            .into_iter()
            .filter_map(|item| {
                let head = item.chain?;
                Some(CarriedHead {
                    packet: Said::verbatim(name.clone()),
                    item: head.item,
                    events: head.n,
                    hash: head.h,
                    serial: item.sn,
                })
            })
            .collect(),
    ))
}

/// The signed local checkpoint in the home: the register's chain heads at the last export,
/// signed with the station key, in one file written atomically.
pub const CHECKPOINT_FILE: &str = "custody-checkpoint.json";

/// What the checkpoint file holds: the checkpoint and its minisign signature over the
/// checkpoint's canonical JSON.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedCheckpoint {
    pub checkpoint: Checkpoint,
    pub signature: String,
}

/// The checkpoint file is a few lines an item: this much at most.
const MAX_CHECKPOINT_BYTES: u64 = 64 * 1024 * 1024;

const CHECKPOINT_COMMENT: &str = "fieldtrace custody checkpoint";

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Register(#[from] crate::register::RegisterError),
    #[error("{0}")]
    Sign(#[from] crate::packet::PacketError),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// Writes the checkpoint of the register's chains now, signed with `key`.
pub fn write_checkpoint(
    home: &Path,
    conn: &rusqlite::Connection,
    key: &crate::packet::SigningKey,
    at: &str,
) -> Result<(), CheckpointError> {
    // A checkpoint is only replaced by one that extends it: over a register that departs from
    // it (or when it does not verify), the old one stays, and `custody verify` keeps saying so.
    match read_checkpoint(home, key.public_key()) {
        Ok(None) => {}
        Ok(Some(previous)) => {
            let departs = crate::register::custody::compare_with_checkpoint(conn, &previous)?;
            if !departs.is_empty() {
                return Ok(());
            }
        }
        Err(_) => return Ok(()),
    }
    let checkpoint = crate::register::custody::checkpoint(conn, at)?;
    let bytes = serde_json_canonicalizer::to_vec(&checkpoint)?;
    let signature = crate::packet::sign::sign_bytes(&bytes, CHECKPOINT_COMMENT, key)?;
    let file = serde_json::to_vec_pretty(&SignedCheckpoint {
        checkpoint,
        signature,
    })?;
    crate::fs::write_atomically(&home.join(CHECKPOINT_FILE), &file)?;
    Ok(())
}

/// The checkpoint in `home`, its signature checked with `public`: `None` when there is none;
/// an error says why it cannot be trusted.
pub fn read_checkpoint(
    home: &Path,
    public: &minisign::PublicKey,
) -> Result<Option<Checkpoint>, Said> {
    let path = home.join(CHECKPOINT_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let bytes = crate::fs::read_capped(&path, MAX_CHECKPOINT_BYTES)
        .map_err(|e| Said::verbatim(format!("{CHECKPOINT_FILE}: {e}")))?
        .ok_or_else(|| {
            crate::said!(
                "checkpoint-too-big",
                file = CHECKPOINT_FILE,
                limit = MAX_CHECKPOINT_BYTES
            )
        })?;
    let signed: SignedCheckpoint = serde_json::from_slice(&bytes).map_err(|e| {
        crate::said!(
            "checkpoint-unreadable",
            file = CHECKPOINT_FILE,
            error = e.to_string()
        )
    })?;
    let canonical = serde_json_canonicalizer::to_vec(&signed.checkpoint)
        .map_err(|e| Said::verbatim(format!("{CHECKPOINT_FILE}: {e}")))?;
    crate::packet::sign::verify_bytes(&canonical, signed.signature.as_bytes(), public).map_err(
        |e| {
            crate::said!(
                "checkpoint-not-signed",
                file = CHECKPOINT_FILE,
                error = e.to_string()
            )
        },
    )?;
    Ok(Some(signed.checkpoint))
}
