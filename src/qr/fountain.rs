//! BC-UR multi-part encoding (`ur:fieldtrace-packet/<seq>-<count>/<bytewords>`) with the `ur`
//! crate's fountain codes, and an assembler for parts from a camera or a scanner: any order,
//! duplicates, some missing.
//!
//! The `ur` decoder trusts a part's declared sizes (a huge fragment count makes it allocate), so
//! each part's CBOR header is read and checked here first: the declared message length is capped,
//! the sizes must agree with each other, and every part must belong to the first part's message.

use super::QrError;
use super::payload::MAX_PAYLOAD_BYTES;

pub const UR_TYPE: &str = "fieldtrace-packet";

/// The most message bytes in one part (DESIGN: parts of at most 250 bytes).
pub const MAX_FRAGMENT_BYTES: usize = 250;

/// A part longer than this (in characters) is not one we could have written.
const MAX_PART_CHARS: usize = 4 * 1024;

/// Fragments accepted from other encoders are still capped.
const MAX_FOREIGN_FRAGMENT_BYTES: usize = 1024;

/// The `ur` decoder's work per part grows with the fragment count, so both are capped.
const MAX_FRAGMENTS: u64 = 1024;
const MAX_PARTS_RECEIVED: usize = 20_000;

/// How many fountain fragments a payload is split into.
pub fn fragment_count(payload_len: usize) -> usize {
    payload_len.div_ceil(MAX_FRAGMENT_BYTES).max(1)
}

/// The first `count` parts of the fountain for `payload`, upper case (QR alphanumeric mode).
/// The first `fragment_count` parts are the plain fragments; later ones mix several, so a reader
/// that missed some frames can still finish.
pub fn encode_parts(payload: &[u8], count: usize) -> Result<Vec<String>, QrError> {
    let mut encoder = ur::Encoder::new(payload, MAX_FRAGMENT_BYTES, UR_TYPE)
        .map_err(|e| QrError::Payload(crate::t!("qr-ur-encoding", error = e.to_string())))?;
    (0..count)
        .map(|_| {
            encoder
                .next_part()
                .map(|part| part.to_ascii_uppercase())
                .map_err(|e| QrError::Payload(crate::t!("qr-ur-encoding", error = e.to_string())))
        })
        .collect()
}

/// The fixed facts of one message, as each part declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MessageShape {
    fragment_count: u64,
    message_len: u64,
    checksum: u64,
    fragment_len: usize,
}

/// How far assembly has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub fragments_resolved: usize,
    pub fragment_count: usize,
    pub complete: bool,
}

/// At most this many messages are assembled side by side: parts of another message (a forged
/// or stray first part, a second packet on the same screen) start a candidate of their own
/// instead of blocking the real one. When full, the candidate with the least progress goes.
const MAX_CANDIDATES: usize = 8;

/// One message being assembled.
struct Candidate {
    shape: MessageShape,
    decoder: ur::Decoder,
}

impl Candidate {
    fn resolved(&self) -> usize {
        self.decoder.resolved_fragment_count().unwrap_or(0)
    }
}

/// Collects UR parts until one message is whole. Parts may come from several messages; each is
/// assembled on its own and the first to complete is the answer (a caller that finds it is not
/// a packet can [`Assembler::discard_complete`] it and read on).
pub struct Assembler {
    candidates: Vec<Candidate>,
    max_message_bytes: usize,
    parts_received: usize,
}

impl std::fmt::Debug for Assembler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assembler")
            .field("candidates", &self.candidates.len())
            .field("progress", &self.progress())
            .finish()
    }
}

impl Default for Assembler {
    fn default() -> Self {
        Assembler::new(MAX_PAYLOAD_BYTES)
    }
}

impl Assembler {
    pub fn new(max_message_bytes: usize) -> Assembler {
        Assembler {
            candidates: Vec::new(),
            max_message_bytes,
            parts_received: 0,
        }
    }

    /// Take one part (as scanned, any case, surrounding whitespace ignored). Parts after a
    /// message is complete are accepted and ignored. An error concerns this part only: the
    /// candidates assembled so far are kept.
    pub fn receive(&mut self, part: &str) -> Result<Progress, QrError> {
        let part = part.trim();
        self.parts_received += 1;
        if self.is_complete() {
            return Ok(self.progress());
        }
        if self.parts_received > MAX_PARTS_RECEIVED {
            return Err(QrError::TooManyParts(MAX_PARTS_RECEIVED));
        }
        if part.len() > MAX_PART_CHARS {
            let chars = part.len();
            return Err(QrError::Malformed(crate::t!(
                "qr-part-too-long",
                chars = chars
            )));
        }
        let lower = part.to_ascii_lowercase();
        let Some(rest) = lower
            .strip_prefix("ur:")
            .and_then(|r| r.strip_prefix(UR_TYPE))
            .and_then(|r| r.strip_prefix('/'))
        else {
            return Err(QrError::NotOurs(part.chars().take(40).collect()));
        };
        if !rest.contains('/') {
            return Err(QrError::Malformed(crate::t!("qr-single-part")));
        }
        let (_, cbor) = ur::decode(&lower)
            .map_err(|e| QrError::Malformed(crate::t!("qr-ur-part", error = e.to_string())))?;
        let shape = self.check_header(&cbor)?;
        let index = match self.candidates.iter().position(|c| c.shape == shape) {
            Some(index) => index,
            None => {
                if self.candidates.len() >= MAX_CANDIDATES {
                    self.evict();
                }
                self.candidates.push(Candidate {
                    shape,
                    decoder: ur::Decoder::default(),
                });
                self.candidates.len() - 1
            }
        };
        let candidate = &mut self.candidates[index];
        let taken = candidate.decoder.receive(&lower);
        if let Err(e) = taken {
            if candidate.resolved() == 0 && candidate.decoder.fragment_count() == 0 {
                self.candidates.remove(index);
            }
            return Err(QrError::Malformed(crate::t!(
                "qr-ur-part",
                error = e.to_string()
            )));
        }
        Ok(self.progress())
    }

    /// Drop the candidate with the least progress, the newest among equals: a flood of new
    /// messages then replaces itself and leaves the ones already under way alone.
    fn evict(&mut self) {
        if let Some(index) = self
            .candidates
            .iter()
            .enumerate()
            .min_by_key(|(i, c)| (c.resolved(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
        {
            self.candidates.remove(index);
        }
    }

    /// Read and check a part's CBOR header: `[seq, count, message length, checksum, data]`.
    fn check_header(&self, cbor: &[u8]) -> Result<MessageShape, QrError> {
        let malformed = || QrError::Malformed(crate::t!("qr-not-fountain"));
        let rest = cbor.strip_prefix(&[0x85]).ok_or_else(malformed)?;
        let (seq, rest) = take_head(rest, 0).ok_or_else(malformed)?;
        let (fragment_count, rest) = take_head(rest, 0).ok_or_else(malformed)?;
        let (message_len, rest) = take_head(rest, 0).ok_or_else(malformed)?;
        let (checksum, rest) = take_head(rest, 0).ok_or_else(malformed)?;
        let (data_len, rest) = take_head(rest, 2).ok_or_else(malformed)?;
        if message_len > self.max_message_bytes as u64 {
            return Err(QrError::TooLarge {
                declared: message_len,
                limit: self.max_message_bytes as u64,
            });
        }
        let fragment_len = usize::try_from(data_len).map_err(|_| malformed())?;
        let consistent = rest.len() == fragment_len
            && seq >= 1
            && seq <= u64::from(u32::MAX)
            && checksum <= u64::from(u32::MAX)
            && message_len >= 1
            && (1..=MAX_FOREIGN_FRAGMENT_BYTES).contains(&fragment_len)
            && fragment_count <= MAX_FRAGMENTS
            && fragment_count == message_len.div_ceil(fragment_len as u64);
        if !consistent {
            return Err(malformed());
        }
        Ok(MessageShape {
            fragment_count,
            message_len,
            checksum,
            fragment_len,
        })
    }

    /// The complete candidate, or else the one furthest on.
    fn leading(&self) -> Option<&Candidate> {
        self.candidates
            .iter()
            .find(|c| c.decoder.complete())
            .or_else(|| self.candidates.iter().max_by_key(|c| c.resolved()))
    }

    pub fn progress(&self) -> Progress {
        match self.leading() {
            Some(c) => Progress {
                fragments_resolved: c.resolved(),
                fragment_count: c.decoder.fragment_count(),
                complete: c.decoder.complete(),
            },
            None => Progress {
                fragments_resolved: 0,
                fragment_count: 0,
                complete: false,
            },
        }
    }

    pub fn is_complete(&self) -> bool {
        self.candidates.iter().any(|c| c.decoder.complete())
    }

    /// How many messages are being assembled (more than one: parts of another message came in).
    pub fn messages_seen(&self) -> usize {
        self.candidates.len()
    }

    /// The whole message once one is complete, `None` before.
    pub fn message(&self) -> Result<Option<Vec<u8>>, QrError> {
        match self.candidates.iter().find(|c| c.decoder.complete()) {
            Some(c) => c.decoder.message().map_err(|e| {
                QrError::Malformed(crate::t!("qr-assembled-damaged", error = e.to_string()))
            }),
            None => Ok(None),
        }
    }

    /// Forget the complete message (it turned out not to be a packet) and go on assembling the
    /// others.
    pub fn discard_complete(&mut self) {
        self.candidates.retain(|c| !c.decoder.complete());
    }
}

/// One CBOR head of `major` type with its unsigned argument (shortest form only) and the rest.
pub(super) fn take_head(input: &[u8], major: u8) -> Option<(u64, &[u8])> {
    let (&first, rest) = input.split_first()?;
    if first >> 5 != major {
        return None;
    }
    let (value, rest) = match first & 0x1f {
        small @ 0..=23 => (u64::from(small), rest),
        24 => {
            let (&b, rest) = rest.split_first()?;
            (b >= 24).then_some((u64::from(b), rest))?
        }
        25 => {
            let (bytes, rest) = rest.split_first_chunk::<2>()?;
            let v = u64::from(u16::from_be_bytes(*bytes));
            (v > 0xff).then_some((v, rest))?
        }
        26 => {
            let (bytes, rest) = rest.split_first_chunk::<4>()?;
            let v = u64::from(u32::from_be_bytes(*bytes));
            (v > 0xffff).then_some((v, rest))?
        }
        27 => {
            let (bytes, rest) = rest.split_first_chunk::<8>()?;
            let v = u64::from_be_bytes(*bytes);
            (v > 0xffff_ffff).then_some((v, rest))?
        }
        _ => return None,
    };
    Some((value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn message(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    /// A part with any header, wrapped in bytewords (with its CRC) like a real one.
    fn forged_part(seq: u32, count: u32, message_len: u32, data: &[u8]) -> String {
        // Heads not in the shortest form are refused, so each value is written minimally.
        let mut minimal = vec![0x85];
        for v in [seq, count, message_len, 0x1234_5678] {
            push_uint(&mut minimal, u64::from(v));
        }
        let first_data_head = minimal.len();
        push_uint(&mut minimal, data.len() as u64);
        minimal[first_data_head] |= 0x40;
        minimal.extend_from_slice(data);
        let body = ur::bytewords::encode(&minimal, ur::bytewords::Style::Minimal);
        format!("ur:{UR_TYPE}/{seq}-{count}/{body}")
    }

    fn push_uint(out: &mut Vec<u8>, v: u64) {
        match v {
            0..=23 => out.push(v as u8),
            24..=0xff => out.extend_from_slice(&[0x18, v as u8]),
            0x100..=0xffff => {
                out.push(0x19);
                out.extend_from_slice(&(v as u16).to_be_bytes());
            }
            _ => {
                out.push(0x1a);
                out.extend_from_slice(&(v as u32).to_be_bytes());
            }
        }
    }

    #[test]
    fn parts_are_upper_case_and_at_most_250_bytes_of_message() {
        let payload = message(1100);
        let parts = encode_parts(&payload, 5).unwrap();
        assert_eq!(fragment_count(payload.len()), 5);
        for part in &parts {
            assert!(part.starts_with("UR:FIELDTRACE-PACKET/"));
            assert_eq!(*part, part.to_ascii_uppercase());
            let (_, cbor) = ur::decode(&part.to_ascii_lowercase()).unwrap();
            assert!(cbor.len() <= MAX_FRAGMENT_BYTES + 24);
        }
    }

    #[test]
    fn parts_in_any_order_with_duplicates_and_gaps_assemble() {
        let payload = message(1100);
        let parts = encode_parts(&payload, 40).unwrap();
        let mut assembler = Assembler::default();
        // Skip two of the five plain fragments; the mixed parts make up for them.
        let mut order: Vec<&String> = parts.iter().skip(2).rev().collect();
        order.insert(3, &parts[4]);
        for part in order {
            assembler.receive(&part.to_ascii_lowercase()).unwrap();
            if assembler.is_complete() {
                break;
            }
        }
        assert!(assembler.is_complete());
        assert_eq!(assembler.message().unwrap(), Some(payload));
        assert!(assembler.receive(&parts[0]).unwrap().complete);
    }

    #[test]
    fn parts_of_another_message_and_foreign_urs_are_refused() {
        let a = encode_parts(&message(600), 3).unwrap();
        let mut assembler = Assembler::default();
        assembler.receive(&a[0]).unwrap();
        assert!(matches!(
            assembler.receive("ur:bytes/1-2/lpadao"),
            Err(QrError::NotOurs(_))
        ));
        assert!(matches!(
            assembler.receive("hello"),
            Err(QrError::NotOurs(_))
        ));
        let mut damaged = a[1].clone();
        damaged.replace_range(40..42, "ZZ");
        assert!(assembler.receive(&damaged).is_err());
        assembler.receive(&a[1]).unwrap();
        assembler.receive(&a[2]).unwrap();
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
    }

    #[test]
    fn a_forged_first_part_does_not_block_the_real_message() {
        let real = encode_parts(&message(600), 3).unwrap();
        // Half of another message comes first, then the real parts, interleaved with the rest
        // of that other message's fountain.
        let other = encode_parts(&message(3000), 6).unwrap();
        let mut assembler = Assembler::default();
        assembler.receive(&other[0]).unwrap();
        for (mine, theirs) in real.iter().zip(&other[1..]) {
            assembler.receive(theirs).unwrap();
            assembler.receive(mine).unwrap();
        }
        assert!(assembler.is_complete());
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
        assert_eq!(assembler.messages_seen(), 2);
    }

    #[test]
    fn a_complete_forgery_can_be_discarded_and_the_real_message_still_finishes() {
        let forged = encode_parts(&message(10), 1).unwrap();
        let real = encode_parts(&message(600), 3).unwrap();
        let mut assembler = Assembler::default();
        assembler.receive(&real[0]).unwrap();
        assert!(assembler.receive(&forged[0]).unwrap().complete);
        assert_eq!(assembler.message().unwrap(), Some(message(10)));
        assembler.discard_complete();
        assert!(!assembler.is_complete());
        assembler.receive(&real[1]).unwrap();
        assembler.receive(&real[2]).unwrap();
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
    }

    #[test]
    fn once_complete_over_limit_parts_and_noise_are_ignored() {
        let real = encode_parts(&message(600), 3).unwrap();
        let mut assembler = Assembler::default();
        for part in &real {
            assembler.receive(part).unwrap();
        }
        let huge = forged_part(1, u32::MAX, u32::MAX, &[0u8; 10]);
        assert!(assembler.receive(&huge).unwrap().complete);
        assert!(
            assembler
                .receive("ur:fieldtrace-packet/zz")
                .unwrap()
                .complete
        );
        assert!(assembler.receive("noise").unwrap().complete);
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
    }

    #[test]
    fn an_over_limit_part_costs_only_itself() {
        let real = encode_parts(&message(600), 3).unwrap();
        let mut assembler = Assembler::default();
        assembler.receive(&real[0]).unwrap();
        let huge = forged_part(1, u32::MAX, u32::MAX, &[0u8; 10]);
        assert!(matches!(
            assembler.receive(&huge),
            Err(QrError::TooLarge { .. })
        ));
        assembler.receive(&real[1]).unwrap();
        assembler.receive(&real[2]).unwrap();
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
    }

    #[test]
    fn a_flood_of_forged_messages_cannot_evict_a_message_in_progress() {
        let real = encode_parts(&message(600), 3).unwrap();
        let mut assembler = Assembler::default();
        assembler.receive(&real[0]).unwrap();
        for len in 0..50 {
            let other = encode_parts(&message(300 + len), 1).unwrap();
            assembler.receive(&other[0]).unwrap();
        }
        assert!(assembler.messages_seen() <= MAX_CANDIDATES);
        assembler.receive(&real[1]).unwrap();
        assembler.receive(&real[2]).unwrap();
        assert_eq!(assembler.message().unwrap(), Some(message(600)));
    }

    #[test]
    fn a_huge_declared_length_is_refused_before_allocating() {
        let mut assembler = Assembler::default();
        let part = forged_part(1, u32::MAX, u32::MAX, &[0u8; 10]);
        assert!(matches!(
            assembler.receive(&part),
            Err(QrError::TooLarge { declared, .. }) if declared == u64::from(u32::MAX)
        ));
        // Sizes that disagree with each other: a fragment count no message length explains.
        let part = forged_part(5_000_000, 4_000_000, 1000, &[0u8; 250]);
        assert!(matches!(
            assembler.receive(&part),
            Err(QrError::Malformed(_))
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn encode_then_assemble_round_trips(
            payload in prop::collection::vec(any::<u8>(), 1..2000),
            seed in any::<u64>(),
        ) {
            let fragments = fragment_count(payload.len());
            let parts = encode_parts(&payload, fragments * 4 + 4).unwrap();
            let mut assembler = Assembler::default();
            // A pseudo-random quarter of the parts are lost.
            let mut state = seed | 1;
            for part in &parts {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if state % 4 == 0 {
                    continue;
                }
                assembler.receive(part).unwrap();
            }
            if !assembler.is_complete() {
                for part in &parts {
                    assembler.receive(part).unwrap();
                }
            }
            prop_assert_eq!(assembler.message().unwrap(), Some(payload));
        }

        #[test]
        fn hostile_parts_are_refused_without_panicking(
            seq in 0u32..100_000,
            count in 0u32..100_000,
            message_len in 0u32..200_000,
            data in prop::collection::vec(any::<u8>(), 0..300),
            noise in "[a-z]{0,120}",
        ) {
            let mut assembler = Assembler::default();
            let _ = assembler.receive(&forged_part(seq, count, message_len, &data));
            let _ = assembler.receive(&format!("ur:{UR_TYPE}/{seq}-{count}/{noise}"));
            let _ = assembler.message();
        }
    }
}
