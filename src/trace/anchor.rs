//! Trust anchored outside the database: the custody chain heads that packets about our items
//! carried (sent from the outbox, or copies held by the receiver), compared with the register.
//!
//! Someone with write access to `register.sqlite3` can delete the last custody events, or edit
//! one and re-hash the chain after it, or edit a serial and delete its change rows, and the
//! chain alone still verifies. A packet already sent is signed and out of their reach: if the
//! register now holds fewer events for an item than a packet said, or another event at that
//! count, or another serial with no change recorded, the register was rewritten.

use std::path::{Path, PathBuf};

use crate::packet::{ArchiveLimits, PACKET_SUFFIX, archive, manifest};
use crate::register::custody::CarriedHead;

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
                    packet: name.clone(),
                    item: head.item,
                    events: head.n,
                    hash: head.h,
                    serial: item.sn,
                })
            })
            .collect(),
    ))
}
