//! Where packets go and come from: a `Destination`. A `Folder` (a USB stick or a shared
//! directory) where each packet is a file named by its packet id, or a hub over HTTP
//! (`crate::hub::client::Hub`), behind the same trait.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::fs::{read_capped, sha256_hex, write_shared_atomically};
use crate::packet::encrypt::AgeLimits;
use crate::packet::{self, ArchiveLimits};
use crate::register::sync::OutboxEntry;

/// Bytes a packet file may have: a packet at its cap, wrapped by age (which adds 16 bytes per
/// 64 KiB chunk, plus its header).
pub fn file_cap() -> u64 {
    let limits = ArchiveLimits::default();
    limits.max_total_bytes
        + limits.max_total_bytes / 4096
        + AgeLimits::default().max_header_bytes as u64
}

pub fn is_packet_name(name: &str) -> bool {
    packet_id_of_name(name).is_some()
}

/// The packet id a file is named by, `<uuid>.ftpkt` or `<uuid>.ftpkt.age`.
pub fn packet_id_of_name(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix(packet::ENCRYPTED_SUFFIX)
        .or_else(|| name.strip_suffix(packet::PACKET_SUFFIX))?;
    let id = uuid::Uuid::parse_str(stem).ok()?;
    (id.to_string() == stem).then(|| stem.to_owned())
}

/// Packet files in a folder, by name, so runs are repeatable.
pub fn packet_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let unreadable = || crate::t!("error-cannot-read", file = dir.display().to_string());
    for entry in std::fs::read_dir(dir).with_context(unreadable)? {
        let entry = entry.with_context(unreadable)?;
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

/// Where packets are exchanged.
pub trait Destination {
    /// How deliveries record it: a folder's canonical path, a hub's address.
    fn label(&self) -> &str;
    /// The packets waiting there, by name, in a repeatable order: each packet id with a local
    /// file holding it.
    fn waiting(&self) -> anyhow::Result<Vec<(String, PathBuf)>>;
    /// Puts one outbox packet there unless the same bytes already are; the copy is checked
    /// before it counts.
    fn deliver(&self, home: &Path, entry: &OutboxEntry) -> anyhow::Result<Copied>;
    /// Removes what interrupted copies left there (temporary files of ours, old enough that no
    /// other station can still be writing them). Returns how many.
    fn remove_interrupted_copies(&self) -> usize {
        0
    }
    /// Whether it answers what it is given at once (a hub): then the outbox goes out before
    /// the replies are picked up, and a packet it confirmed is not sent again.
    fn answers_at_once(&self) -> bool {
        false
    }
    /// A waiting packet was decided (stored, passed over or quarantined): the hub takes it out
    /// of this station's mailbox. Not called for a packet whose decision failed.
    fn taken(&self, _packet_id: &str, _file: &Path) -> anyhow::Result<()> {
        Ok(())
    }
}

/// A folder: a USB stick or a shared directory.
#[derive(Debug, Clone)]
pub struct Folder {
    dir: PathBuf,
    label: String,
}

impl Folder {
    /// The folder, which must exist (a stick not mounted is the officer's to fix).
    pub fn open(dir: &Path) -> anyhow::Result<Folder> {
        if !dir.is_dir() {
            return Err(crate::error::usage(crate::t!(
                "sync-not-a-folder",
                dir = dir.display().to_string()
            ))
            .hint(crate::t!("sync-not-a-folder-hint"))
            .into());
        }
        let label = std::fs::canonicalize(dir)
            .with_context(|| crate::t!("sync-cannot-resolve", dir = dir.display().to_string()))?
            .display()
            .to_string();
        Ok(Folder {
            dir: dir.to_path_buf(),
            label,
        })
    }
}

impl Destination for Folder {
    fn label(&self) -> &str {
        &self.label
    }

    fn waiting(&self) -> anyhow::Result<Vec<(String, PathBuf)>> {
        Ok(packet_files(&self.dir)?
            .into_iter()
            .filter_map(|file| {
                let id = file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(packet_id_of_name)?;
                Some((id, file))
            })
            .collect())
    }

    fn deliver(&self, home: &Path, entry: &OutboxEntry) -> anyhow::Result<Copied> {
        send_one(home, entry, &self.dir)
    }

    fn remove_interrupted_copies(&self) -> usize {
        crate::fs::remove_stale_temp_files(&self.dir, is_packet_name, crate::fs::STALE_TEMP_AGE)
    }
}

/// A path as the register records it: relative to the home directory, with `/`.
pub fn relative(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// One outbox packet at the destination.
#[derive(Debug, Clone, Serialize)]
pub struct Copied {
    pub packet_id: String,
    pub file: String,
    pub sha256: String,
    /// `false`: the same bytes were already there.
    pub copied: bool,
}

/// Copies one outbox packet into `dir` unless the same bytes are already there; the copy is
/// read back and hashed before it counts. A different file under the same name is never
/// overwritten.
pub fn send_one(home: &Path, entry: &OutboxEntry, dir: &Path) -> anyhow::Result<Copied> {
    let source = home.join(&entry.file);
    let bytes = std::fs::read(&source)
        .with_context(|| crate::t!("error-cannot-read", file = source.display().to_string()))?;
    let sha256 = sha256_hex(&bytes);
    let name = source
        .file_name()
        .with_context(|| crate::t!("sync-outbox-no-name"))?;
    let target = dir.join(name);
    let copied = match read_capped(&target, file_cap()) {
        Ok(Some(there)) if sha256_hex(&there) == sha256 => false,
        Ok(_) => anyhow::bail!(
            "{}",
            crate::t!("sync-different-file", file = target.display().to_string())
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_shared_atomically(&target, &bytes)?;
            let back = std::fs::read(&target).with_context(|| {
                crate::t!("sync-cannot-read-back", file = target.display().to_string())
            })?;
            if sha256_hex(&back) != sha256 {
                anyhow::bail!(
                    "{}",
                    crate::t!("sync-medium-failing", file = target.display().to_string())
                );
            }
            true
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Copied {
        packet_id: entry.packet_id.clone(),
        file: target.display().to_string(),
        sha256,
        copied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packets_are_named_by_their_id() {
        let id = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";
        assert_eq!(
            packet_id_of_name(&format!("{id}.ftpkt")).as_deref(),
            Some(id)
        );
        assert_eq!(
            packet_id_of_name(&format!("{id}.ftpkt.age")).as_deref(),
            Some(id)
        );
        assert!(!is_packet_name(&format!("{}.ftpkt", id.to_uppercase())));
        assert!(!is_packet_name("notes.txt"));
    }
}
