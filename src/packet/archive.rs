//! The `.ftpkt` container: one uncompressed ustar archive holding `manifest.json`,
//! `manifest.json.minisig` and `attachments/<sha256>`, in that order (attachments sorted by
//! hash), every header fixed (mode 0644, uid/gid 0, mtime 0, no user names), so the same packet
//! always has the same bytes and `tar -xf` reads it anywhere.
//!
//! The reader walks the blocks in memory without unpacking anything and accepts only what the
//! writer produces: three kinds of names, regular files, one of each, no links, nothing after
//! the two end-of-archive blocks, every header byte-identical to the one the writer would write.

use std::collections::BTreeMap;
use std::fmt;

use tar::{EntryType, Header};

use super::manifest::{ATTACHMENT_DIR, MAX_MANIFEST_BYTES};
use super::{PacketError, Reason, sha256_hex};
use crate::said;

pub const MANIFEST_NAME: &str = "manifest.json";
pub const SIGNATURE_NAME: &str = "manifest.json.minisig";

/// A signature file larger than this is refused during the walk.
pub const MAX_SIGNATURE_BYTES: u64 = 1024;

const BLOCK: usize = 512;

/// Caps checked before anything is parsed or allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveLimits {
    pub max_total_bytes: u64,
    pub max_member_bytes: u64,
    pub max_members: usize,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_total_bytes: 256 * 1024 * 1024,
            max_member_bytes: 64 * 1024 * 1024,
            max_members: 2 + 256,
        }
    }
}

/// The members of a packet, borrowed from the archive bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct PacketArchive<'a> {
    pub manifest: &'a [u8],
    pub signature: &'a [u8],
    /// Keyed by the lower-case hex SHA-256 in the member's name (not yet checked against it).
    pub attachments: BTreeMap<String, &'a [u8]>,
}

impl fmt::Debug for PacketArchive<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attachment_sizes: BTreeMap<&str, usize> = self
            .attachments
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.len()))
            .collect();
        f.debug_struct("PacketArchive")
            .field("manifest_bytes", &self.manifest.len())
            .field("signature_bytes", &self.signature.len())
            .field("attachments", &attachment_sizes)
            .finish()
    }
}

/// Write a packet archive. Attachments are named by their SHA-256; identical ones are stored once.
pub fn write(
    manifest: &[u8],
    signature: &[u8],
    attachments: &[&[u8]],
) -> Result<Vec<u8>, PacketError> {
    let mut named: Vec<(String, &[u8])> = attachments
        .iter()
        .map(|bytes| (format!("{ATTACHMENT_DIR}{}", sha256_hex(bytes)), *bytes))
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    named.dedup_by(|a, b| a.0 == b.0);

    let members = [
        (MANIFEST_NAME.to_owned(), manifest),
        (SIGNATURE_NAME.to_owned(), signature),
    ];
    let total: usize = members
        .iter()
        .chain(named.iter())
        .map(|(_, bytes)| BLOCK + bytes.len().div_ceil(BLOCK) * BLOCK)
        .sum();
    let mut out = Vec::with_capacity(total + 2 * BLOCK);
    for (name, bytes) in members.iter().chain(named.iter()) {
        let header = header_for(name, bytes.len() as u64)?;
        out.extend_from_slice(&header);
        out.extend_from_slice(bytes);
        out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
    }
    out.resize(out.len() + 2 * BLOCK, 0);
    Ok(out)
}

/// The one header the writer produces for a member.
fn header_for(name: &str, size: u64) -> Result<[u8; BLOCK], PacketError> {
    let mut header = Header::new_ustar();
    header.set_path(name).map_err(|e| {
        PacketError::new(
            Reason::BadEntryName,
            said!("packet-err-entry-name", name = name, error = e.to_string()),
        )
    })?;
    header.set_size(size);
    header.set_mode(0o644);
    header.set_uid(0);
    header.set_gid(0);
    header.set_mtime(0);
    header.set_entry_type(EntryType::Regular);
    header.set_cksum();
    Ok(*header.as_bytes())
}

/// Walk a packet archive, cheapest checks first, and return its members.
pub fn read<'a>(bytes: &'a [u8], limits: &ArchiveLimits) -> Result<PacketArchive<'a>, PacketError> {
    if bytes.len() as u64 > limits.max_total_bytes {
        return Err(PacketError::new(
            Reason::TooLarge,
            said!(
                "packet-err-too-large",
                bytes = bytes.len(),
                limit = limits.max_total_bytes
            ),
        ));
    }
    if !bytes.len().is_multiple_of(BLOCK) {
        return Err(PacketError::new(
            Reason::Truncated,
            said!("packet-err-not-blocks", bytes = bytes.len()),
        ));
    }

    let mut manifest = None;
    let mut signature = None;
    let mut attachments = BTreeMap::new();
    let mut members = 0usize;
    let mut pos = 0usize;
    // The rank of the member before: the writer's order is manifest, signature, attachments
    // by hash, and a reader that took any order would accept packets the writer never makes.
    let mut previous: Option<(u8, String)> = None;
    loop {
        let Some(block) = bytes.get(pos..pos + BLOCK) else {
            return Err(PacketError::new(
                Reason::Truncated,
                said!("packet-err-ends-before-end"),
            ));
        };
        if block.iter().all(|&b| b == 0) {
            check_end(bytes, pos)?;
            break;
        }
        let entry = parse_header(block, pos)?;
        members += 1;
        if members > limits.max_members {
            return Err(PacketError::new(
                Reason::TooManyMembers,
                said!("packet-err-too-many-members", limit = limits.max_members),
            ));
        }
        let member_cap = match entry.name {
            EntryName::Manifest => limits.max_member_bytes.min(MAX_MANIFEST_BYTES as u64),
            EntryName::Signature => MAX_SIGNATURE_BYTES,
            EntryName::Attachment(_) => limits.max_member_bytes,
        };
        if entry.size > member_cap {
            let reason = match entry.name {
                EntryName::Manifest => Reason::ManifestTooLarge,
                EntryName::Signature => Reason::BadSignatureFile,
                EntryName::Attachment(_) => Reason::MemberTooLarge,
            };
            return Err(PacketError::new(
                reason,
                said!(
                    "packet-err-member-too-large",
                    name = entry.raw_name.as_str(),
                    bytes = entry.size,
                    limit = member_cap
                ),
            ));
        }
        // The size is capped above, so these sums cannot overflow.
        let data_start = pos + BLOCK;
        let data_end = data_start + entry.size as usize;
        let padded_end = data_start + (entry.size as usize).div_ceil(BLOCK) * BLOCK;
        if padded_end > bytes.len() {
            return Err(PacketError::new(
                Reason::Truncated,
                said!("packet-err-member-cut", name = entry.raw_name.as_str()),
            ));
        }
        if block != header_for(&entry.raw_name, entry.size)? {
            return Err(PacketError::new(
                Reason::NonCanonical,
                said!("packet-err-header-not-ours", name = entry.raw_name.as_str()),
            ));
        }
        if bytes[data_end..padded_end].iter().any(|&b| b != 0) {
            return Err(PacketError::new(
                Reason::NonCanonical,
                said!("packet-err-padding", name = entry.raw_name.as_str()),
            ));
        }
        let rank = match &entry.name {
            EntryName::Manifest => (0, String::new()),
            EntryName::Signature => (1, String::new()),
            EntryName::Attachment(hash) => (2, hash.to_string()),
        };
        let data = &bytes[data_start..data_end];
        let duplicate = match entry.name {
            EntryName::Manifest => manifest.replace(data).is_some(),
            EntryName::Signature => signature.replace(data).is_some(),
            EntryName::Attachment(hash) => attachments.insert(hash, data).is_some(),
        };
        if duplicate {
            return Err(PacketError::new(
                Reason::DuplicateEntry,
                said!("packet-err-twice", name = entry.raw_name.as_str()),
            ));
        }
        if previous.as_ref().is_some_and(|p| *p > rank) {
            return Err(PacketError::new(
                Reason::NonCanonical,
                said!("packet-err-order", name = entry.raw_name.as_str()),
            ));
        }
        previous = Some(rank);
        pos = padded_end;
    }
    let manifest = manifest.ok_or_else(|| {
        PacketError::new(Reason::MissingManifest, said!("packet-err-no-manifest"))
    })?;
    let signature = signature.ok_or_else(|| {
        PacketError::new(Reason::MissingSignature, said!("packet-err-no-signature"))
    })?;
    Ok(PacketArchive {
        manifest,
        signature,
        attachments,
    })
}

/// After the first zero block: exactly one more, then the end of the file.
fn check_end(bytes: &[u8], pos: usize) -> Result<(), PacketError> {
    match bytes.get(pos + BLOCK..pos + 2 * BLOCK) {
        None => Err(PacketError::new(
            Reason::Truncated,
            said!("packet-err-ends-inside-end"),
        )),
        Some(second) if second.iter().any(|&b| b != 0) => Err(PacketError::new(
            Reason::TrailingData,
            said!("packet-err-member-after-end"),
        )),
        Some(_) if bytes.len() > pos + 2 * BLOCK => Err(PacketError::new(
            Reason::TrailingData,
            said!("packet-err-trailing", bytes = trailing(bytes.len(), pos)),
        )),
        Some(_) => Ok(()),
    }
}

/// The bytes after the two end-of-archive blocks that start at `pos`.
fn trailing(len: usize, pos: usize) -> usize {
    len - pos - 2 * BLOCK
}

enum EntryName {
    Manifest,
    Signature,
    Attachment(String),
}

struct Entry {
    name: EntryName,
    raw_name: String,
    size: u64,
}

fn parse_header(block: &[u8], pos: usize) -> Result<Entry, PacketError> {
    let bad = |detail: crate::i18n::Said| Err(PacketError::new(Reason::BadHeader, detail));
    let stored_sum = parse_octal(&block[148..156]);
    let actual_sum: u64 = block
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if (148..156).contains(&i) {
                u64::from(b' ')
            } else {
                u64::from(b)
            }
        })
        .sum();
    if stored_sum != Some(actual_sum) {
        return bad(said!("packet-err-checksum", pos = pos));
    }
    if &block[257..265] != b"ustar\x0000" {
        return bad(said!("packet-err-not-ustar", pos = pos));
    }
    let raw_name = header_name(block)?;
    match block[156] {
        b'0' | 0 => {}
        b'1' | b'2' => {
            return Err(PacketError::new(
                Reason::LinkEntry,
                said!("packet-err-link", name = raw_name.as_str()),
            ));
        }
        other => {
            return Err(PacketError::new(
                Reason::NotAFile,
                said!(
                    "packet-err-not-file",
                    name = raw_name.as_str(),
                    kind = other.escape_ascii().to_string()
                ),
            ));
        }
    }
    let name = classify_name(&raw_name)?;
    let Some(size) = parse_octal(&block[124..136]) else {
        return bad(said!("packet-err-size", name = raw_name.as_str()));
    };
    Ok(Entry {
        name,
        raw_name,
        size,
    })
}

/// The full member name: ustar `prefix/name`.
fn header_name(block: &[u8]) -> Result<String, PacketError> {
    let field = |range: std::ops::Range<usize>| {
        let raw = &block[range];
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        raw[..end].to_vec()
    };
    let name = field(0..100);
    let prefix = field(345..500);
    let full = if prefix.is_empty() {
        name
    } else {
        [prefix, b"/".to_vec(), name].concat()
    };
    String::from_utf8(full).map_err(|e| {
        PacketError::new(
            Reason::BadEntryName,
            said!(
                "packet-err-name-not-utf8",
                name = format!("{:?}", e.as_bytes().escape_ascii().to_string())
            ),
        )
    })
}

fn classify_name(name: &str) -> Result<EntryName, PacketError> {
    if name == MANIFEST_NAME {
        return Ok(EntryName::Manifest);
    }
    if name == SIGNATURE_NAME {
        return Ok(EntryName::Signature);
    }
    if let Some(hash) = name.strip_prefix(ATTACHMENT_DIR)
        && hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Ok(EntryName::Attachment(hash.to_owned()));
    }
    let shown = name.escape_debug().to_string();
    let why = if name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":") {
        said!("packet-err-absolute", name = shown.as_str())
    } else if name.split(['/', '\\']).any(|part| part == "..") {
        said!("packet-err-leaves-root", name = shown.as_str())
    } else {
        said!("packet-err-unknown-member", name = shown.as_str())
    };
    Err(PacketError::new(Reason::BadEntryName, why))
}

/// A NUL- or space-terminated octal field; `None` for anything else (base-256 included).
fn parse_octal(field: &[u8]) -> Option<u64> {
    let digits: &[u8] = {
        let start = field.iter().position(|&b| b != b' ')?;
        let rest = &field[start..];
        let end = rest
            .iter()
            .position(|&b| b == 0 || b == b' ')
            .unwrap_or(rest.len());
        if rest[end..].iter().any(|&b| b != 0 && b != b' ') {
            return None;
        }
        &rest[..end]
    };
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    digits.iter().try_fold(0u64, |acc, &d| match d {
        b'0'..=b'7' => Some(acc * 8 + u64::from(d - b'0')),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn limits() -> ArchiveLimits {
        ArchiveLimits::default()
    }

    /// A raw header with any name, type, size and link, checksummed like real tar does.
    fn raw_header(name: &[u8], kind: u8, size: u64, link: &[u8]) -> [u8; BLOCK] {
        let mut h = [0u8; BLOCK];
        h[..name.len()].copy_from_slice(name);
        h[100..108].copy_from_slice(b"0000644\0");
        h[108..116].copy_from_slice(b"0000000\0");
        h[116..124].copy_from_slice(b"0000000\0");
        h[124..136].copy_from_slice(format!("{size:011o}\0").as_bytes());
        h[136..148].copy_from_slice(b"00000000000\0");
        h[156] = kind;
        h[157..157 + link.len()].copy_from_slice(link);
        h[257..265].copy_from_slice(b"ustar\x0000");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
        h[148..156].copy_from_slice(format!("{sum:07o}\0").as_bytes());
        h
    }

    fn member(name: &[u8], kind: u8, data: &[u8]) -> Vec<u8> {
        let mut out = raw_header(name, kind, data.len() as u64, b"").to_vec();
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
        out
    }

    fn finish(mut tar: Vec<u8>) -> Vec<u8> {
        tar.resize(tar.len() + 2 * BLOCK, 0);
        tar
    }

    fn good_members() -> Vec<u8> {
        [
            member(b"manifest.json", b'0', b"{}"),
            member(b"manifest.json.minisig", b'0', b"sig"),
        ]
        .concat()
    }

    fn reason(bytes: &[u8]) -> Reason {
        read(bytes, &limits()).unwrap_err().reason
    }

    #[test]
    fn written_archives_read_back_and_are_deterministic() {
        let photo = vec![7u8; 1300];
        let a = write(b"{\"a\":1}", b"signature", &[&photo, b"x", &photo]).unwrap();
        let b = write(b"{\"a\":1}", b"signature", &[b"x", &photo]).unwrap();
        assert_eq!(a, b);
        let archive = read(&a, &limits()).unwrap();
        assert_eq!(archive.manifest, b"{\"a\":1}");
        assert_eq!(archive.signature, b"signature");
        assert_eq!(archive.attachments.len(), 2);
        assert_eq!(archive.attachments[&sha256_hex(&photo)], &photo[..]);
    }

    #[test]
    fn members_out_of_the_writer_order_are_refused() {
        let signature_first = finish(
            [
                member(b"manifest.json.minisig", b'0', b"sig"),
                member(b"manifest.json", b'0', b"{}"),
            ]
            .concat(),
        );
        assert_eq!(reason(&signature_first), Reason::NonCanonical);
        let (a, b) = (sha256_hex(b"a"), sha256_hex(b"b"));
        let (first, second) = if a < b { (b, a) } else { (a, b) };
        let unsorted = finish(
            [
                good_members(),
                member(format!("attachments/{first}").as_bytes(), b'0', b"?"),
                member(format!("attachments/{second}").as_bytes(), b'0', b"?"),
            ]
            .concat(),
        );
        assert_eq!(reason(&unsorted), Reason::NonCanonical);
    }

    #[test]
    fn hand_built_tars_in_the_writer_form_are_accepted() {
        let tar = finish(good_members());
        assert!(read(&tar, &limits()).is_ok());
    }

    #[test]
    fn entries_outside_the_root_or_with_other_names_are_refused() {
        for name in [
            &b"../manifest.json"[..],
            b"/etc/passwd",
            b"attachments/../../x",
            b"C:\\x",
            b"attachments/ABCDEF",
            b"notes.txt",
            b"./manifest.json",
        ] {
            let tar = finish([good_members(), member(name, b'0', b"x")].concat());
            assert_eq!(
                reason(&tar),
                Reason::BadEntryName,
                "{}",
                name.escape_ascii()
            );
        }
    }

    #[test]
    fn links_directories_and_devices_are_refused() {
        let symlink = raw_header(b"attachments/x", b'2', 0, b"/etc/passwd");
        let tar = finish([good_members(), symlink.to_vec()].concat());
        assert_eq!(reason(&tar), Reason::LinkEntry);
        let hardlink = raw_header(b"manifest.json", b'1', 0, b"manifest.json.minisig");
        let tar = finish([hardlink.to_vec(), good_members()].concat());
        assert_eq!(reason(&tar), Reason::LinkEntry);
        for kind in [b'5', b'3', b'6', b'x', b'L'] {
            let tar = finish([good_members(), member(b"attachments", kind, b"")].concat());
            assert_eq!(reason(&tar), Reason::NotAFile);
        }
    }

    #[test]
    fn duplicates_and_missing_members_are_refused() {
        let tar = finish([good_members(), member(b"manifest.json", b'0', b"{}")].concat());
        assert_eq!(reason(&tar), Reason::DuplicateEntry);
        let hash = sha256_hex(b"p");
        let name = format!("attachments/{hash}");
        let twice = [
            member(name.as_bytes(), b'0', b"p"),
            member(name.as_bytes(), b'0', b"p"),
        ];
        let tar = finish([good_members(), twice.concat()].concat());
        assert_eq!(reason(&tar), Reason::DuplicateEntry);
        let tar = finish(member(b"manifest.json.minisig", b'0', b"s"));
        assert_eq!(reason(&tar), Reason::MissingManifest);
        let tar = finish(member(b"manifest.json", b'0', b"{}"));
        assert_eq!(reason(&tar), Reason::MissingSignature);
    }

    #[test]
    fn oversized_members_and_archives_are_refused_before_reading_them() {
        let small = ArchiveLimits {
            max_total_bytes: 64 * 1024,
            max_member_bytes: 1024,
            max_members: 3,
        };
        let hash = sha256_hex(b"p");
        // The header declares 1 GiB; no data follows, and the cap is hit first.
        let huge = raw_header(format!("attachments/{hash}").as_bytes(), b'0', 1 << 30, b"");
        let tar = finish([good_members(), huge.to_vec()].concat());
        assert_eq!(
            read(&tar, &small).unwrap_err().reason,
            Reason::MemberTooLarge
        );
        let big_manifest = raw_header(b"manifest.json", b'0', 70_000, b"");
        let tar = finish(big_manifest.to_vec());
        assert_eq!(reason(&tar), Reason::ManifestTooLarge);
        let tar = finish([good_members(), vec![0u8; 64 * 1024]].concat());
        assert_eq!(read(&tar, &small).unwrap_err().reason, Reason::TooLarge);
        let many: Vec<u8> = (0u8..3)
            .flat_map(|i| {
                let data = [i];
                let name = format!("attachments/{}", sha256_hex(&data));
                member(name.as_bytes(), b'0', &data)
            })
            .collect();
        let tar = finish([good_members(), many].concat());
        assert_eq!(
            read(&tar, &small).unwrap_err().reason,
            Reason::TooManyMembers
        );
    }

    #[test]
    fn trailing_data_and_truncation_are_refused() {
        let tar = finish(good_members());
        let mut junk = tar.clone();
        junk.extend_from_slice(&[0u8; BLOCK]);
        assert_eq!(reason(&junk), Reason::TrailingData);
        let mut hidden = tar.clone();
        hidden.extend(member(b"manifest.json", b'0', b"{\"evil\":1}"));
        assert_eq!(reason(&hidden), Reason::TrailingData);
        let mut odd = tar.clone();
        odd.push(b'x');
        assert_eq!(reason(&odd), Reason::Truncated);
        for cut in (0..tar.len()).step_by(BLOCK) {
            assert_eq!(reason(&tar[..cut]), Reason::Truncated, "cut at {cut}");
        }
    }

    #[test]
    fn headers_other_than_the_writers_are_refused() {
        let mut with_owner = raw_header(b"manifest.json", b'0', 2, b"");
        with_owner[265..270].copy_from_slice(b"alice");
        with_owner[148..156].copy_from_slice(b"        ");
        let sum: u32 = with_owner.iter().map(|&b| u32::from(b)).sum();
        with_owner[148..156].copy_from_slice(format!("{sum:07o}\0").as_bytes());
        let mut tar = with_owner.to_vec();
        tar.extend_from_slice(b"{}");
        tar.resize(BLOCK * 2, 0);
        let tar = finish([tar, member(b"manifest.json.minisig", b'0', b"s")].concat());
        assert_eq!(reason(&tar), Reason::NonCanonical);
        let mut bad_sum = finish(good_members());
        bad_sum[0] = b'M';
        assert_eq!(reason(&bad_sum), Reason::BadHeader);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn write_then_read_round_trips(
            manifest in prop::collection::vec(any::<u8>(), 0..2000),
            signature in prop::collection::vec(any::<u8>(), 0..600),
            attachments in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..1500), 0..4),
        ) {
            let refs: Vec<&[u8]> = attachments.iter().map(Vec::as_slice).collect();
            let tar = write(&manifest, &signature, &refs).unwrap();
            let archive = read(&tar, &limits()).unwrap();
            prop_assert_eq!(archive.manifest, &manifest[..]);
            prop_assert_eq!(archive.signature, &signature[..]);
            for bytes in &attachments {
                prop_assert_eq!(archive.attachments[&sha256_hex(bytes)], &bytes[..]);
            }
        }
    }
}
