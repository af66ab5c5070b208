//! Serial numbers as read: whole, partly legible, or obliterated.

use serde::Serialize;

use crate::refdata::decode::{Decoder, Reading};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SerialStatus {
    Present,
    Partial,
    Obliterated,
}

/// A serial as the officer read it. The input is kept exactly: a partial serial is evidence.
#[derive(Debug, Clone, Serialize)]
pub struct SerialReading {
    pub input: String,
    pub status: SerialStatus,
    /// The characters that could be read, in order.
    pub legible: String,
    /// Serial-number conventions the input fits.
    pub readings: Vec<Reading>,
}

/// Characters officers use for an illegible character.
const PLACEHOLDERS: &[char] = &['?', '*', '_', '#', '…'];

const OBLITERATED: &[&str] = &[
    "obliterated",
    "ground off",
    "removed",
    "illegible",
    "defaced",
    "none",
    "absent",
];

pub fn read(input: &str, decoder: &Decoder<'_>) -> SerialReading {
    let trimmed = input.trim();
    let lower = trimmed.to_lowercase();
    if OBLITERATED.contains(&lower.as_str()) {
        return SerialReading {
            input: input.to_owned(),
            status: SerialStatus::Obliterated,
            legible: String::new(),
            readings: Vec::new(),
        };
    }
    let status = if trimmed.contains(PLACEHOLDERS) {
        SerialStatus::Partial
    } else {
        SerialStatus::Present
    };
    let legible: String = trimmed
        .chars()
        .filter(|c| !PLACEHOLDERS.contains(c) && !c.is_whitespace())
        .collect();
    let readings = decoder.serial_formats(trimmed);
    SerialReading {
        input: input.to_owned(),
        status,
        legible,
        readings,
    }
}
