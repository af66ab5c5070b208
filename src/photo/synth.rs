//! Synthetic photos: real JPEG and PNG bytes made in memory, with EXIF as a phone writes it.
//! For the bundled example, the benchmarks' data generator and the tests; never evidence.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};

/// A JPEG of a colour gradient.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    // Encoding an in-memory RGB image into a Vec cannot fail.
    let _ = image.write_to(&mut out, image::ImageFormat::Jpeg);
    out.into_inner()
}

fn dms(value: f64) -> Vec<Rational> {
    let v = value.abs();
    let d = v.floor();
    let m = ((v - d) * 60.0).floor();
    let s = ((v - d) * 60.0 - m) * 60.0;
    vec![
        Rational::from((d as u32, 1)),
        Rational::from((m as u32, 1)),
        Rational::from(((s * 1000.0).round() as u32, 1000)),
    ]
}

/// A JPEG carrying EXIF DateTimeOriginal and GPS, as a phone writes them.
pub fn jpeg_with_exif(taken: &str, lat: f64, lon: f64) -> Vec<u8> {
    with_exif(&jpeg(64, 48), taken, lat, lon)
}

/// `jpeg` (a JPEG) with an EXIF segment carrying a time and a position inserted.
pub fn with_exif(plain: &[u8], taken: &str, lat: f64, lon: f64) -> Vec<u8> {
    let date = Field {
        tag: Tag::DateTimeOriginal,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![taken.as_bytes().to_vec()]),
    };
    let lat_ref = Field {
        tag: Tag::GPSLatitudeRef,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![if lat < 0.0 {
            b"S".to_vec()
        } else {
            b"N".to_vec()
        }]),
    };
    let lat_value = Field {
        tag: Tag::GPSLatitude,
        ifd_num: In::PRIMARY,
        value: Value::Rational(dms(lat)),
    };
    let lon_ref = Field {
        tag: Tag::GPSLongitudeRef,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![if lon < 0.0 {
            b"W".to_vec()
        } else {
            b"E".to_vec()
        }]),
    };
    let lon_value = Field {
        tag: Tag::GPSLongitude,
        ifd_num: In::PRIMARY,
        value: Value::Rational(dms(lon)),
    };
    let mut writer = Writer::new();
    for f in [&date, &lat_ref, &lat_value, &lon_ref, &lon_value] {
        writer.push_field(f);
    }
    let mut tiff = Cursor::new(Vec::new());
    if writer.write(&mut tiff, false).is_err() {
        return plain.to_vec();
    }
    let tiff = tiff.into_inner();
    // APP1 "Exif\0\0" + TIFF, right after the JPEG's start-of-image marker.
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let Ok(length) = u16::try_from(segment.len() + 2) else {
        return plain.to_vec();
    };
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A PNG whose header declares `width` × `height`, with no pixel data behind it.
pub fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    out
}

/// A real `width` × `height` PNG with an ancillary chunk `kind` holding `data` inserted after
/// its header (an oversized colour profile or text: metadata, not pixels).
pub fn png_with_chunk(width: u32, height: u32, kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([120, 90, 60]));
    let mut png = Vec::new();
    if image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .is_err()
    {
        return png;
    }
    // The signature (8 bytes) and IHDR (4 + 4 + 13 + 4) come first.
    let Ok(length) = u32::try_from(data.len()) else {
        return png;
    };
    let mut chunk = kind.to_vec();
    chunk.extend_from_slice(data);
    let mut out = png[..33.min(png.len())].to_vec();
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    out.extend_from_slice(png.get(33..).unwrap_or_default());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `jpeg` with a comment segment after its start-of-image marker: the same pixels, other
/// bytes, so another SHA-256 (distinct photos that cost the same to decode).
pub fn with_comment(jpeg: &[u8], comment: &str) -> Vec<u8> {
    let Ok(length) = u16::try_from(comment.len() + 2) else {
        return jpeg.to_vec();
    };
    let mut out = jpeg[..2.min(jpeg.len())].to_vec();
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(comment.as_bytes());
    out.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    out
}
