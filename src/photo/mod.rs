//! Photos as evidence: hashed, proven to be images under explicit limits, EXIF read as
//! untrusted hints, and a reduced copy derived for packets and reports. The original bytes are
//! never altered.

pub mod synth;

use std::io::Cursor;

use chrono::{NaiveDate, NaiveDateTime};
use image::{ImageFormat, ImageReader};
use serde::Serialize;

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

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("{bytes} bytes is over the limit of {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("not a JPEG or PNG image")]
    NotAnImage,
    #[error("{width} × {height} pixels is over the limit ({side} a side, {pixels} in all)")]
    TooManyPixels {
        width: u32,
        height: u32,
        side: u32,
        pixels: u64,
    },
    #[error("the image does not decode (truncated or corrupt): {0}")]
    Corrupt(String),
}

/// What EXIF says, checked: impossible values are dropped with a note.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Exif {
    pub taken_at: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub notes: Vec<String>,
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
        _ => ImageReader::with_format(Cursor::new(bytes), format)
            .into_dimensions()
            .map_err(|e| PhotoError::Corrupt(one_line(&e)))?,
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
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut decode_limits = image::Limits::default();
    decode_limits.max_image_width = Some(limits.max_side);
    decode_limits.max_image_height = Some(limits.max_side);
    decode_limits.max_alloc = Some(limits.max_pixels.saturating_mul(4));
    reader.limits(decode_limits);
    // The JPEG decoder fills a truncated scan with grey rather than fail: walk the stream.
    if format == ImageFormat::Jpeg {
        jpeg_complete(bytes)?;
    }
    let image = reader
        .decode()
        .map_err(|e| PhotoError::Corrupt(one_line(&e)))?;
    let reduced = match derive {
        Derive::Reduced => Some(reduce(&image)?),
        Derive::Nothing => None,
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

/// Width and height from a PNG's IHDR chunk, which must come first.
fn png_dimensions(bytes: &[u8]) -> Result<(u32, u32), PhotoError> {
    let header = bytes
        .get(8..24)
        .ok_or_else(|| PhotoError::Corrupt("PNG header cut short".into()))?;
    if &header[4..8] != b"IHDR" {
        return Err(PhotoError::Corrupt(
            "PNG does not start with its IHDR chunk".into(),
        ));
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Ok((be(&header[8..12]), be(&header[12..16])))
}

/// Walks a JPEG's segments and scans to its end-of-image marker. Data after the marker
/// (phones append trailers) is allowed; a stream that stops before it is truncated.
fn jpeg_complete(bytes: &[u8]) -> Result<(), PhotoError> {
    let truncated =
        || PhotoError::Corrupt("the JPEG stops before its end-of-image marker (truncated)".into());
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
                    .and_then(|rest| rest.iter().position(|b| *b == 0xFF))
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
        .map_err(|e| PhotoError::Corrupt(one_line(&e)))?;
    Ok(out.into_inner())
}

/// EXIF date and GPS, range-checked. EXIF is untrusted: anything odd is dropped and noted.
pub fn read_exif(bytes: &[u8], today: NaiveDate) -> Exif {
    let mut exif = Exif::default();
    let Ok(data) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return exif;
    };
    let field = |tag| data.get_field(tag, exif::In::PRIMARY);
    if let Some(f) = field(exif::Tag::DateTimeOriginal).or_else(|| field(exif::Tag::DateTime)) {
        let text = f.display_value().to_string();
        match NaiveDateTime::parse_from_str(text.trim_matches('"'), "%Y-%m-%d %H:%M:%S") {
            Ok(t) if t.date() > today => exif
                .notes
                .push(format!("EXIF date {t} is in the future: ignored")),
            Ok(t) if t.date() < NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(t.date()) => {
                exif.notes
                    .push(format!("EXIF date {t} is before digital cameras: ignored"));
            }
            Ok(t) => exif.taken_at = Some(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
            Err(_) => exif
                .notes
                .push(format!("EXIF date '{text}' does not parse: ignored")),
        }
    }
    let coordinate =
        |value: exif::Tag, reference: exif::Tag, limit: f64| -> Result<Option<f64>, String> {
            let (Some(v), Some(r)) = (field(value), field(reference)) else {
                return Ok(None);
            };
            let exif::Value::Rational(parts) = &v.value else {
                return Err(format!("{value} is not a set of rationals"));
            };
            let [d, m, s] = parts.as_slice() else {
                return Err(format!(
                    "{value} does not have degrees, minutes and seconds"
                ));
            };
            if d.denom == 0 || m.denom == 0 || s.denom == 0 {
                return Err(format!("{value} divides by zero"));
            }
            let magnitude = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
            let sign = match r.display_value().to_string().trim_matches('"') {
                "N" | "E" => 1.0,
                "S" | "W" => -1.0,
                other => return Err(format!("{reference} '{other}' is not N, S, E or W")),
            };
            let degrees = sign * magnitude;
            if !degrees.is_finite() || degrees.abs() > limit {
                return Err(format!("{value} {degrees} is out of range"));
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
        (Err(e), _) | (_, Err(e)) => exif.notes.push(format!("EXIF GPS ignored: {e}")),
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
