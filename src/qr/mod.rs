//! QR transfer of a packet's signed manifest: BC-UR multi-part fountain codes
//! (`UR:FIELDTRACE-PACKET/...`) shown as QR codes, and the way back from images or scanned text
//! to `manifest.json` + `manifest.json.minisig`, ready to be wrapped as an attachment-less
//! packet (`packet::archive::write`) and verified like any other.

pub mod fountain;
pub mod frames;
pub mod payload;

pub use fountain::{
    Assembler, MAX_FRAGMENT_BYTES, Progress, UR_TYPE, encode_parts, fragment_count,
};
pub use frames::{ReadLimits, read_image, render_gif, render_png, render_terminal};
pub use payload::SignedManifest;

use crate::packet::PacketError;

/// What goes wrong reading or writing QR parts, in the officer's language (the `String`s hold
/// a sentence already said in it, or a library's own words).
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("{}", crate::t!("qr-not-ours", part = .0.as_str()))]
    NotOurs(String),
    #[error("{}", crate::t!("qr-malformed", detail = .0.as_str()))]
    Malformed(String),
    #[error("{}", said::too_large(*.declared, *.limit))]
    TooLarge { declared: u64, limit: u64 },
    #[error("{}", said::too_many_parts(*.0))]
    TooManyParts(usize),
    #[error("{0}")]
    Payload(String),
    #[error("{}", crate::t!("qr-manifest-refused", error = .0.to_string()))]
    Packet(PacketError),
    #[error("{}", crate::t!("qr-cannot-draw", detail = .0.as_str()))]
    Render(String),
    #[error("{}", crate::t!("qr-cannot-read-image", detail = .0.as_str()))]
    Image(String),
}

mod said {
    use crate::t;

    pub fn too_large(declared: u64, limit: u64) -> String {
        t!("qr-too-large", declared = declared, limit = limit)
    }

    pub fn too_many_parts(parts: usize) -> String {
        t!("qr-too-many-parts", parts = parts)
    }
}

/// The UR parts to show for a signed manifest: every plain fragment, then `extra` mixed parts so
/// a reader that misses frames can still finish (a loop on screen can also restart at 1).
pub fn parts_for_packet(
    manifest: &[u8],
    signature_file: &[u8],
    extra: usize,
) -> Result<Vec<String>, QrError> {
    let payload = payload::encode(manifest, signature_file)?;
    encode_parts(&payload, fragment_count(payload.len()) + extra)
}

/// The signed manifest and signature file from a completed assembler.
pub fn assembled_packet(assembler: &Assembler) -> Result<Option<SignedManifest>, QrError> {
    match assembler.message()? {
        Some(message) => payload::decode(&message).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests;
