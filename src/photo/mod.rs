//! Photos as evidence: hashed, proven to be images under explicit limits, EXIF read as
//! untrusted hints, and a reduced copy derived for packets and reports. The original bytes are
//! never altered.

pub mod synth;

use std::io::Cursor;

use chrono::{NaiveDate, NaiveDateTime};
use image::{ImageFormat, ImageReader};
use serde::Serialize;

use crate::i18n::Said;

/// Limits applied before and while decoding. The image crate sets no dimension limit by
/// default: a 40,000 × 40,000 PNG is a few kilobytes on disk and gigabytes in memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: u64,
    pub max_side: u32,
    pub max_pixels: u64,
}

pub const LIMITS: Limits = Limits {
    max_bytes: 40 * 1024 * 1024,
    max_side: 12_000,
    max_pixels: 100_000_000,
};

/// The long side of the reduced copy, in pixels.
pub const REDUCED_SIDE: u32 = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotAnImage,
    TooManyPixels {
        width: u32,
        height: u32,
        side: u32,
        pixels: u64,
    },
    /// What does not decode: a decoder's own words, or ours.
    Corrupt(Said),
    MetadataTooLarge {
        chunk: String,
        bytes: u64,
        limit: u64,
    },
}

impl PhotoError {
    /// The reason as a code, the same in every language (an import's rejects file).
    pub fn code(&self) -> &'static str {
        match self {
            PhotoError::TooLarge { .. } => "photo-too-large",
            PhotoError::NotAnImage => "photo-not-an-image",
            PhotoError::TooManyPixels { .. } => "photo-too-many-pixels",
            PhotoError::Corrupt(_) => "photo-corrupt",
            PhotoError::MetadataTooLarge { .. } => "photo-metadata-too-large",
        }
    }

    /// The reason in words: the officer's language, and English for machine output.
    pub fn said(&self) -> Said {
        match self {
            &PhotoError::TooLarge { bytes, limit } => {
                crate::said!("photo-too-large", bytes = bytes, limit = limit)
            }
            PhotoError::NotAnImage => crate::said!("photo-not-an-image"),
            &PhotoError::TooManyPixels {
                width,
                height,
                side,
                pixels,
            } => crate::said!(
                "photo-too-many-pixels",
                width = width,
                height = height,
                side = side,
                pixels = pixels
            ),
            PhotoError::Corrupt(detail) => crate::said!(
                |l| "photo-corrupt",
                detail = crate::i18n::said_in(detail, l)
            ),
            PhotoError::MetadataTooLarge {
                chunk,
                bytes,
                limit,
            } => {
                let (bytes, limit) = (*bytes, *limit);
                crate::said!(
                    "photo-metadata-too-large",
                    chunk = chunk.as_str(),
                    bytes = bytes,
                    limit = limit
                )
            }
        }
    }
}

impl std::fmt::Display for PhotoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.said().text())
    }
}

impl std::error::Error for PhotoError {}

/// A decoder's own words, on one line.
fn decoder_said(err: &impl std::fmt::Display) -> PhotoError {
    PhotoError::Corrupt(Said::verbatim(one_line(err)))
}

/// A PNG's ancillary chunks (colour profile, text, EXIF...) together: at most this many bytes.
/// A compressed profile (`iCCP`) or text (`zTXt`, `iTXt`) inflates a thousandfold.
pub const MAX_PNG_METADATA_BYTES: u64 = 256 * 1024;

/// What EXIF says, checked: impossible values are dropped with a note.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Exif {
    pub taken_at: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// What was dropped or could not be read, said to the officer in their language; the
    /// register stores the English (`Said::english`), the same whatever the station's language.
    pub notes: Vec<Said>,
}

/// A photo, inspected.
#[derive(Debug, Clone, Serialize)]
pub struct Inspected {
    pub sha256: String,
    pub media_type: &'static str,
    pub ext: &'static str,
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
    pub exif: Exif,
    /// A JPEG at most `REDUCED_SIDE` pixels on its long side, when asked for: it costs more than
    /// the decoding itself, so a bulk import leaves it until a packet or report needs it.
    #[serde(skip)]
    pub reduced: Option<Vec<u8>>,
}

/// Whether `inspect` derives the reduced copy too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derive {
    Reduced,
    Nothing,
}

/// Decoder messages may carry line breaks; a reason goes on one line of a CSV or a terminal.
fn one_line(err: &impl std::fmt::Display) -> String {
    err.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub use crate::fs::sha256_hex;

/// Hashes, checks and decodes `bytes`, reads EXIF, and derives the reduced copy if asked.
pub fn inspect(
    bytes: &[u8],
    limits: Limits,
    today: NaiveDate,
    derive: Derive,
) -> Result<Inspected, PhotoError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_bytes {
        return Err(PhotoError::TooLarge {
            bytes: size,
            limit: limits.max_bytes,
        });
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    let (media_type, ext) = match format {
        ImageFormat::Jpeg => ("image/jpeg", "jpg"),
        ImageFormat::Png => ("image/png", "png"),
        _ => return Err(PhotoError::NotAnImage),
    };
    // Dimensions from the header first: refuse before allocating anything for the pixels.
    let (width, height) = match format {
        ImageFormat::Png => png_dimensions(bytes)?,
        _ => {
            let mut header = jpeg_decoder::Decoder::new(Cursor::new(bytes));
            header.read_info().map_err(|e| decoder_said(&e))?;
            let info = header
                .info()
                .ok_or_else(|| PhotoError::Corrupt(crate::said!("photo-jpeg-no-frame")))?;
            (u32::from(info.width), u32::from(info.height))
        }
    };
    let pixels = u64::from(width) * u64::from(height);
    if width > limits.max_side || height > limits.max_side || pixels > limits.max_pixels {
        return Err(PhotoError::TooManyPixels {
            width,
            height,
            side: limits.max_side,
            pixels: limits.max_pixels,
        });
    }
    // The JPEG decoders fill a truncated scan with grey rather than fail: walk the stream.
    if format == ImageFormat::Jpeg {
        jpeg_complete(bytes)?;
    }
    let image = match (format, derive) {
        // Proof that a JPEG decodes, without rendering it: every entropy-coded block is
        // Huffman-decoded and dequantised, but the inverse DCT runs at an eighth of the size
        // (libjpeg's scale_denom 8), which is most of a full decode's cost saved.
        (ImageFormat::Jpeg, Derive::Nothing) => {
            jpeg_decodes(bytes, limits)?;
            None
        }
        _ => {
            // A PNG is decoded without its ancillary chunks: no profile or text is inflated.
            let pixels_only;
            let bytes = if format == ImageFormat::Png {
                pixels_only = png_pixels_only(bytes)?;
                pixels_only.as_slice()
            } else {
                bytes
            };
            let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
            let mut decode_limits = image::Limits::default();
            decode_limits.max_image_width = Some(limits.max_side);
            decode_limits.max_image_height = Some(limits.max_side);
            decode_limits.max_alloc = Some(limits.max_pixels.saturating_mul(4));
            reader.limits(decode_limits);
            Some(reader.decode().map_err(|e| decoder_said(&e))?)
        }
    };
    let reduced = match (derive, &image) {
        (Derive::Reduced, Some(image)) => Some(reduce(image)?),
        _ => None,
    };
    Ok(Inspected {
        sha256: sha256_hex(bytes),
        media_type,
        ext,
        bytes: size,
        width,
        height,
        exif: read_exif(bytes, today),
        reduced,
    })
}

/// Decodes every block of a JPEG at an eighth of its size: the scan is read whole, each block's
/// coefficients Huffman-decoded and dequantised, and only the smallest inverse DCT is run
/// (libjpeg's `scale_denom` 8). What a full decode refuses, this refuses.
#[cfg(feature = "libjpeg-turbo")]
fn jpeg_decodes(bytes: &[u8], limits: Limits) -> Result<(), PhotoError> {
    let corrupt = |e: turbojpeg::Error| decoder_said(&e);
    let mut decompressor = turbojpeg::Decompressor::new().map_err(corrupt)?;
    let header = decompressor.read_header(bytes).map_err(corrupt)?;
    let pixels = u64::try_from(header.width)
        .unwrap_or(u64::MAX)
        .saturating_mul(u64::try_from(header.height).unwrap_or(u64::MAX));
    if pixels > limits.max_pixels {
        return Err(PhotoError::Corrupt(crate::said!("photo-jpeg-frame-larger")));
    }
    let scale = turbojpeg::ScalingFactor::ONE_EIGHTH;
    decompressor.set_scaling_factor(scale).map_err(corrupt)?;
    let small = header.scaled(scale);
    let format = turbojpeg::PixelFormat::GRAY;
    let mut image = turbojpeg::Image {
        pixels: vec![0u8; small.width * small.height],
        width: small.width,
        pitch: small.width,
        height: small.height,
        format,
    };
    // Grey output: the colour conversion is skipped, the chroma blocks are still decoded.
    decompressor
        .decompress(bytes, image.as_deref_mut())
        .map_err(corrupt)
}

#[cfg(not(feature = "libjpeg-turbo"))]
fn jpeg_decodes(bytes: &[u8], limits: Limits) -> Result<(), PhotoError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(
        usize::try_from(limits.max_pixels.saturating_mul(4)).unwrap_or(usize::MAX),
    );
    decoder.scale(1, 1).map_err(|e| decoder_said(&e))?;
    decoder.decode().map_err(|e| decoder_said(&e))?;
    Ok(())
}

/// The PNG with only the chunks that make its pixels (the critical ones, and `tRNS`), after
/// checking its chunks are whole and its metadata within `MAX_PNG_METADATA_BYTES`, before
/// anything is inflated.
fn png_pixels_only(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let cut = || PhotoError::Corrupt(crate::said!("photo-png-chunk-cut"));
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..8).ok_or_else(cut)?);
    let (mut pos, mut metadata, mut largest) = (8usize, 0u64, (0u64, String::new()));
    loop {
        let head = bytes.get(pos..pos + 8).ok_or_else(cut)?;
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
        let kind = [head[4], head[5], head[6], head[7]];
        let end = usize::try_from(length)
            .ok()
            .and_then(|l| pos.checked_add(12)?.checked_add(l))
            .ok_or_else(cut)?;
        let chunk = bytes.get(pos..end).ok_or_else(cut)?;
        let critical = kind[0].is_ascii_uppercase();
        if critical || &kind == b"tRNS" {
            out.extend_from_slice(chunk);
        } else {
            metadata += u64::from(length);
            if u64::from(length) >= largest.0 {
                largest = (
                    u64::from(length),
                    String::from_utf8_lossy(&kind).into_owned(),
                );
            }
            if metadata > MAX_PNG_METADATA_BYTES {
                return Err(PhotoError::MetadataTooLarge {
                    chunk: largest.1,
                    bytes: metadata,
                    limit: MAX_PNG_METADATA_BYTES,
                });
            }
        }
        pos = end;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
}

/// Width and height from a PNG's IHDR chunk, which must come first.
fn png_dimensions(bytes: &[u8]) -> Result<(u32, u32), PhotoError> {
    let header = bytes
        .get(8..24)
        .ok_or_else(|| PhotoError::Corrupt(crate::said!("photo-png-header-cut")))?;
    if &header[4..8] != b"IHDR" {
        return Err(PhotoError::Corrupt(crate::said!("photo-png-no-ihdr")));
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Ok((be(&header[8..12]), be(&header[12..16])))
}

/// Walks a JPEG's segments and scans to its end-of-image marker. Data after the marker
/// (phones append trailers) is allowed; a stream that stops before it is truncated.
fn jpeg_complete(bytes: &[u8]) -> Result<(), PhotoError> {
    let truncated = || PhotoError::Corrupt(crate::said!("photo-jpeg-truncated"));
    let mut at = 2; // after SOI
    loop {
        // Markers may be preceded by fill bytes 0xFF.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err(truncated());
        };
        at += 2;
        match marker {
            0xD9 => return Ok(()),
            0xD0..=0xD7 | 0x01 => continue,
            _ => {}
        }
        let length = match (bytes.get(at), bytes.get(at + 1)) {
            (Some(&hi), Some(&lo)) => usize::from(u16::from_be_bytes([hi, lo])),
            _ => return Err(truncated()),
        };
        if length < 2 || at + length > bytes.len() {
            return Err(truncated());
        }
        at += length;
        if marker == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a
            // restart marker.
            loop {
                // Jump to the next 0xFF: most of a photo is scan data, so this is the hot loop.
                at += bytes
                    .get(at..)
                    .and_then(|rest| memchr::memchr(0xFF, rest))
                    .ok_or_else(truncated)?;
                match bytes.get(at + 1) {
                    Some(&next) if next == 0x00 || (0xD0..=0xD7).contains(&next) => at += 2,
                    Some(_) => break,
                    None => return Err(truncated()),
                }
            }
        }
    }
}

fn reduce(image: &image::DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let small = if image.width().max(image.height()) > REDUCED_SIDE {
        image.thumbnail(REDUCED_SIDE, REDUCED_SIDE)
    } else {
        image.clone()
    };
    let mut out = Cursor::new(Vec::new());
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
    small
        .to_rgb8()
        .write_with_encoder(encoder)
        .map_err(|e| decoder_said(&e))?;
    Ok(out.into_inner())
}

/// EXIF date and GPS, range-checked. EXIF is untrusted: anything odd is dropped and noted.
pub fn read_exif(bytes: &[u8], today: NaiveDate) -> Exif {
    let mut exif = Exif::default();
    // Tools write EXIF the strict reader refuses whole (piexif leaves a dangling next-IFD
    // offset: "Unexpected next IFD"): read on past non-fatal errors, and say what was skipped.
    let data = match exif::Reader::new()
        .continue_on_error(true)
        .read_from_container(&mut Cursor::new(bytes))
    {
        Ok(data) => data,
        Err(exif::Error::NotFound(_)) => return exif,
        Err(err) => {
            let mut skipped = Vec::new();
            match err.distill_partial_result(|errors| {
                skipped.extend(errors.iter().map(one_line));
            }) {
                Ok(data) => {
                    exif.notes.push(crate::said!(
                        "exif-partly-read",
                        skipped = skipped.join("; ")
                    ));
                    data
                }
                Err(err) => {
                    exif.notes
                        .push(crate::said!("exif-unreadable", error = one_line(&err)));
                    return exif;
                }
            }
        }
    };
    let field = |tag| data.get_field(tag, exif::In::PRIMARY);
    if let Some(f) = field(exif::Tag::DateTimeOriginal).or_else(|| field(exif::Tag::DateTime)) {
        let text = f.display_value().to_string();
        match NaiveDateTime::parse_from_str(text.trim_matches('"'), "%Y-%m-%d %H:%M:%S") {
            Ok(t) if t.date() > today => exif
                .notes
                .push(crate::said!("exif-date-future", date = t.to_string())),
            Ok(t) if t.date() < NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(t.date()) => {
                exif.notes
                    .push(crate::said!("exif-date-too-old", date = t.to_string()));
            }
            Ok(t) => exif.taken_at = Some(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
            Err(_) => exif
                .notes
                .push(crate::said!("exif-date-unparsed", date = text.as_str())),
        }
    }
    let coordinate =
        |value: exif::Tag, reference: exif::Tag, limit: f64| -> Result<Option<f64>, Said> {
            let (Some(v), Some(r)) = (field(value), field(reference)) else {
                return Ok(None);
            };
            let tag = value.to_string();
            let exif::Value::Rational(parts) = &v.value else {
                return Err(crate::said!("exif-gps-not-rationals", tag = tag.as_str()));
            };
            let [d, m, s] = parts.as_slice() else {
                return Err(crate::said!("exif-gps-not-dms", tag = tag.as_str()));
            };
            if d.denom == 0 || m.denom == 0 || s.denom == 0 {
                return Err(crate::said!("exif-gps-zero", tag = tag.as_str()));
            }
            let magnitude = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
            let sign = match r.display_value().to_string().trim_matches('"') {
                "N" | "E" => 1.0,
                "S" | "W" => -1.0,
                other => {
                    return Err(crate::said!(
                        "exif-gps-bad-ref",
                        tag = reference.to_string(),
                        value = other
                    ));
                }
            };
            let degrees = sign * magnitude;
            if !degrees.is_finite() || degrees.abs() > limit {
                return Err(crate::said!(
                    "exif-gps-out-of-range",
                    tag = tag.as_str(),
                    degrees = degrees.to_string()
                ));
            }
            Ok(Some(degrees))
        };
    let lat = coordinate(exif::Tag::GPSLatitude, exif::Tag::GPSLatitudeRef, 90.0);
    let lon = coordinate(exif::Tag::GPSLongitude, exif::Tag::GPSLongitudeRef, 180.0);
    match (lat, lon) {
        (Ok(Some(lat)), Ok(Some(lon))) => {
            exif.lat = Some(lat);
            exif.lon = Some(lon);
        }
        (Err(e), _) | (_, Err(e)) => exif.notes.push(crate::said!(
            |l| "exif-gps-ignored",
            reason = crate::i18n::said_in(&e, l)
        )),
        _ => {}
    }
    exif
}

#[cfg(test)]
mod tests {
    use super::synth::*;
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_jpeg_is_hashed_measured_and_reduced() {
        let bytes = jpeg(2000, 1000);
        let photo = inspect(&bytes, LIMITS, today(), Derive::Reduced).unwrap();
        assert_eq!(photo.sha256, sha256_hex(&bytes));
        assert_eq!((photo.width, photo.height), (2000, 1000));
        assert_eq!(photo.media_type, "image/jpeg");
        let reduced = image::load_from_memory(photo.reduced.as_deref().unwrap()).unwrap();
        assert_eq!(reduced.width().max(reduced.height()), REDUCED_SIDE);
    }

    #[test]
    fn exif_time_and_gps_are_read() {
        let bytes = jpeg_with_exif("2026:03:14 09:26:53", 9.0579, 7.4951);
        let photo = inspect(&bytes, LIMITS, today(), Derive::Reduced).unwrap();
        assert_eq!(photo.exif.taken_at.as_deref(), Some("2026-03-14T09:26:53"));
        assert!((photo.exif.lat.unwrap() - 9.0579).abs() < 1e-4);
        assert!((photo.exif.lon.unwrap() - 7.4951).abs() < 1e-4);
        let south_west = inspect(
            &jpeg_with_exif("2026:03:14 09:26:53", -1.5, -12.25),
            LIMITS,
            today(),
            Derive::Nothing,
        )
        .unwrap();
        assert!(south_west.exif.lat.unwrap() < 0.0 && south_west.exif.lon.unwrap() < 0.0);
    }

    /// The fixtures in tests/fixtures/exif (see the README there for how each was made).
    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/exif")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn exif_from_piexif_exiftool_and_a_phone_gives_time_and_position() {
        for (name, taken, lat, lon) in [
            ("piexif.jpg", "2026-03-14T09:26:53", 9.0579, 7.4951),
            ("exiftool.jpg", "2026-03-15T14:45:00", 16.2770, -0.0520),
            ("phone.jpg", "2026-03-16T08:10:30", -1.2921, 36.8219),
        ] {
            let photo = inspect(&fixture(name), LIMITS, today(), Derive::Nothing).unwrap();
            let exif = &photo.exif;
            assert_eq!(exif.taken_at.as_deref(), Some(taken), "{name}: {exif:?}");
            assert!((exif.lat.unwrap() - lat).abs() < 1e-3, "{name}: {exif:?}");
            assert!((exif.lon.unwrap() - lon).abs() < 1e-3, "{name}: {exif:?}");
        }
    }

    #[test]
    fn exif_read_in_part_says_so() {
        let piexif = inspect(&fixture("piexif.jpg"), LIMITS, today(), Derive::Nothing).unwrap();
        assert!(
            piexif
                .exif
                .notes
                .iter()
                .any(|n| n.starts_with("EXIF partly read")),
            "{:?}",
            piexif.exif.notes
        );
        // An EXIF segment cut short: nothing to read, and a note that says so.
        let mut broken = jpeg(16, 16)[..2].to_vec();
        broken.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x10]);
        broken.extend_from_slice(b"Exif\0\0MM\0\x2a\0\0\0\x08");
        broken.extend_from_slice(&jpeg(16, 16)[2..]);
        let exif = read_exif(&broken, today());
        assert_eq!(exif.taken_at, None);
        assert!(
            exif.notes.iter().any(|n| n.starts_with("EXIF")),
            "{:?}",
            exif.notes
        );
    }

    /// libjpeg-turbo reports entropy-coded data that does not decode cleanly; the pure-Rust
    /// decoder of the default build decodes such a scan to wrong pixels without a word (a
    /// truncated or structurally broken JPEG is refused by both).
    #[cfg(feature = "libjpeg-turbo")]
    #[test]
    fn a_corrupt_scan_is_refused_not_rendered_grey() {
        let bytes = jpeg(320, 240);
        let scan = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
        let mut corrupt = bytes.clone();
        // Garbage in the middle of the entropy-coded data, markers left alone.
        for b in &mut corrupt[scan + 200..scan + 260] {
            *b = 0x13;
        }
        assert!(
            matches!(
                inspect(&corrupt, LIMITS, today(), Derive::Nothing),
                Err(PhotoError::Corrupt(_))
            ),
            "{:?}",
            inspect(&corrupt, LIMITS, today(), Derive::Nothing).map(|p| p.sha256)
        );
    }

    #[test]
    fn impossible_exif_is_dropped_with_a_note() {
        let future = inspect(
            &jpeg_with_exif("2031:01:01 00:00:00", 95.0, 7.0),
            LIMITS,
            today(),
            Derive::Nothing,
        )
        .unwrap();
        assert_eq!(future.exif.taken_at, None);
        assert_eq!(future.exif.lat, None);
        assert_eq!(future.exif.notes.len(), 2, "{:?}", future.exif.notes);
    }

    #[test]
    fn what_is_not_an_image_or_is_too_big_is_refused_before_decoding() {
        assert_eq!(
            inspect(b"hello, world", LIMITS, today(), Derive::Nothing).unwrap_err(),
            PhotoError::NotAnImage
        );
        let bomb = png_header_only(40_000, 40_000);
        assert!(matches!(
            inspect(&bomb, LIMITS, today(), Derive::Nothing),
            Err(PhotoError::TooManyPixels { .. })
        ));
        let small = Limits {
            max_bytes: 10,
            ..LIMITS
        };
        assert!(matches!(
            inspect(&jpeg(8, 8), small, today(), Derive::Nothing),
            Err(PhotoError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_truncated_photo_is_refused() {
        let bytes = jpeg(300, 200);
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 40] {
            assert!(
                matches!(
                    inspect(&bytes[..cut], LIMITS, today(), Derive::Nothing),
                    Err(PhotoError::Corrupt(_))
                ),
                "cut at {cut} of {}",
                bytes.len()
            );
        }
    }
}
