//! A signed request as QR codes: PNG frames, an animated GIF and a printable sheet of the
//! BC-UR parts. Only the signed manifest travels by QR; photos follow by file.

use std::path::PathBuf;

use serde::Serialize;

use super::status::load_request;
use crate::context::Ctx;
use crate::error::usage;
use crate::fs::write_atomically;
use crate::packet::Kind;
use crate::qr;

/// Which files to write.
#[derive(Debug, Default)]
pub struct Outputs {
    pub dir: Option<PathBuf>,
    pub gif: Option<PathBuf>,
    pub sheet: Option<PathBuf>,
    /// Mixed parts after the plain ones, so a reader that misses frames can finish.
    pub extra: usize,
    /// Frames a second in the GIF.
    pub fps: u32,
}

#[derive(Debug, Serialize)]
pub struct Parts {
    pub id: i64,
    pub packet_id: String,
    pub payload_bytes: usize,
    pub fragments: usize,
    pub parts: Vec<String>,
    pub files: Vec<String>,
}

/// The printable sheet: a header saying what it is and how to read it back, one part a line.
pub fn sheet_text(
    packet_id: &str,
    seq: u64,
    recipient: &str,
    manifest_sha256: &str,
    fragments: usize,
    parts: &[String],
) -> String {
    let mut sheet = format!(
        "# fieldtrace {} {packet_id} (seq {seq}), for '{recipient}'\n# manifest SHA-256 {manifest_sha256}\n\
         # {} parts: the first {fragments} are the plain fragments, the rest stand in for any lost.\n\
         # Scan them in any order, then: fieldtrace packet assemble --ur THIS-FILE -o {packet_id}.ftpkt\n",
        Kind::TraceRequest,
        parts.len(),
    );
    for part in parts {
        sheet.push_str(part);
        sheet.push('\n');
    }
    sheet
}

/// The parts of exported request `reference`, and the files asked for, written.
pub fn parts(ctx: &Ctx, reference: &str, outputs: &Outputs) -> anyhow::Result<Parts> {
    let request = load_request(ctx, reference)?;
    let (Some(manifest), Some(signature)) = (&request.manifest, &request.signature) else {
        return Err(
            usage(format!("trace request {} is not signed yet", request.id))
                .hint(format!("`fieldtrace trace export {}` first", request.id))
                .into(),
        );
    };
    let payload_bytes = qr::payload::encode(manifest, signature)?.len();
    let fragments = qr::fragment_count(payload_bytes);
    let parts = qr::parts_for_packet(manifest, signature, outputs.extra)?;
    let mut files = Vec::new();
    if let Some(dir) = &outputs.dir {
        for (index, part) in parts.iter().enumerate() {
            let path = dir.join(format!("{}-{:02}.png", request.packet_id, index + 1));
            let png = qr::render_png(part, qr::frames::DEFAULT_MODULE_PIXELS)?;
            write_atomically(&path, &png)?;
            files.push(path.display().to_string());
        }
    }
    if let Some(path) = &outputs.gif {
        let gif = qr::render_gif(
            &parts,
            qr::frames::DEFAULT_MODULE_PIXELS,
            1000 / outputs.fps.max(1),
        )?;
        write_atomically(path, &gif)?;
        files.push(path.display().to_string());
    }
    if let Some(path) = &outputs.sheet {
        let text = sheet_text(
            &request.packet_id,
            request.seq,
            &request.recipient,
            request.manifest_sha256.as_deref().unwrap_or("?"),
            fragments,
            &parts,
        );
        write_atomically(path, text.as_bytes())?;
        files.push(path.display().to_string());
    }
    Ok(Parts {
        id: request.id,
        packet_id: request.packet_id,
        payload_bytes,
        fragments,
        parts,
        files,
    })
}
