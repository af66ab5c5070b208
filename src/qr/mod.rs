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

#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("not a fieldtrace packet part: '{0}'")]
    NotOurs(String),
    #[error("damaged or malformed part: {0}")]
    Malformed(String),
    #[error("the part declares a {declared}-byte message, over the limit of {limit}")]
    TooLarge { declared: u64, limit: u64 },
    #[error("more than {0} parts read without completing the message")]
    TooManyParts(usize),
    #[error("{0}")]
    Payload(String),
    #[error("the assembled manifest is refused: {0}")]
    Packet(PacketError),
    #[error("cannot draw the QR code: {0}")]
    Render(String),
    #[error("cannot read the image: {0}")]
    Image(String),
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
