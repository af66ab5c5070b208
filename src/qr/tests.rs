use proptest::prelude::*;

use super::*;
use crate::packet::test_support::{peer, sample_manifest_for, trace_request_body};
use crate::packet::{Attachment, SigningKey, VerifyOptions, archive, build, verify::verify};

fn signed_request() -> (SigningKey, crate::packet::SignedPacket) {
    let key = SigningKey::generate().unwrap();
    let manifest = sample_manifest_for(&key, trace_request_body());
    let packet = build(&manifest, &[], &key).unwrap();
    (key, packet)
}

#[test]
fn a_packet_travels_by_ur_text_and_verifies_after_assembly() {
    let (key, packet) = signed_request();
    let parts = parts_for_packet(&packet.manifest_bytes, &packet.signature, 3).unwrap();
    let mut assembler = Assembler::default();
    for part in parts.iter().rev() {
        assembler.receive(part).unwrap();
    }
    let SignedManifest {
        manifest,
        signature,
    } = assembled_packet(&assembler).unwrap().unwrap();
    assert_eq!(manifest, packet.manifest_bytes);
    assert_eq!(signature, packet.signature);
    let rebuilt = archive::write(&manifest, &signature, &[]).unwrap();
    let signers = [peer("sender", &key, false)];
    assert!(verify(&rebuilt, &VerifyOptions::new(&signers, None)).valid);
}

#[test]
fn photos_stay_behind_but_their_hashes_travel() {
    let key = SigningKey::generate().unwrap();
    let mut manifest = sample_manifest_for(&key, trace_request_body());
    manifest
        .attachments
        .push(Attachment::for_bytes(b"jpeg", "image/jpeg"));
    let packet = build(&manifest, &[b"jpeg"], &key).unwrap();
    let parts = parts_for_packet(&packet.manifest_bytes, &packet.signature, 0).unwrap();
    let mut assembler = Assembler::default();
    for part in &parts {
        assembler.receive(part).unwrap();
    }
    let SignedManifest {
        manifest: manifest_bytes,
        signature,
    } = assembled_packet(&assembler).unwrap().unwrap();
    let rebuilt = archive::write(&manifest_bytes, &signature, &[]).unwrap();
    let signers = [peer("sender", &key, false)];
    // The signed manifest alone is valid, its photo pending (it follows by file).
    let report = verify(&rebuilt, &VerifyOptions::new(&signers, None));
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(
        (report.attachments.expected, report.attachments.pending),
        (1, 1)
    );
}

#[test]
fn payloads_that_do_not_match_their_manifest_are_refused() {
    let (_, packet) = signed_request();
    let payload = payload::encode(&packet.manifest_bytes, &packet.signature).unwrap();
    let mut other = packet.signature.clone();
    other.insert(0, b' ');
    assert!(payload::encode(&packet.manifest_bytes, &other).is_err());
    let mut bad = payload.clone();
    bad[10] = b'#';
    assert!(matches!(payload::decode(&bad), Err(QrError::Packet(_))));
    assert!(payload::decode(&payload[..payload.len() - 1]).is_err());
    let mut longer = payload.clone();
    longer.push(0);
    assert!(payload::decode(&longer).is_err());
}

#[test]
fn png_frames_read_back_with_rqrr_and_assemble() {
    let (_, packet) = signed_request();
    let parts = parts_for_packet(&packet.manifest_bytes, &packet.signature, 1).unwrap();
    let mut assembler = Assembler::default();
    for part in &parts {
        let png = render_png(part, frames::DEFAULT_MODULE_PIXELS).unwrap();
        let read = read_image(&png, &ReadLimits::default()).unwrap();
        assert_eq!(read, vec![part.clone()]);
        assembler.receive(&read[0]).unwrap();
    }
    let manifest = assembled_packet(&assembler).unwrap().unwrap().manifest;
    assert_eq!(manifest, packet.manifest_bytes);
    assert!(render_terminal(&parts[0]).unwrap().lines().count() > 20);
}

#[test]
fn an_animated_gif_carries_every_frame() {
    let payload: Vec<u8> = (0..700u32).map(|i| (i % 251) as u8).collect();
    let parts = encode_parts(&payload, fragment_count(payload.len())).unwrap();
    let gif = render_gif(&parts, 3, 200).unwrap();
    let read = read_image(&gif, &ReadLimits::default()).unwrap();
    assert_eq!(read, parts);
    let tight = ReadLimits {
        max_frames: 1,
        ..ReadLimits::default()
    };
    assert!(matches!(read_image(&gif, &tight), Err(QrError::Image(_))));
    let small = ReadLimits {
        max_side: 50,
        ..ReadLimits::default()
    };
    assert!(read_image(&gif, &small).is_err());
    assert!(read_image(b"not an image", &ReadLimits::default()).is_err());
}

/// DESIGN budget: a one-weapon trace request is at most 1,000 bytes signed (four frames).
#[test]
fn the_size_of_a_one_weapon_request_by_qr() {
    let (_, packet) = signed_request();
    let payload = payload::encode(&packet.manifest_bytes, &packet.signature).unwrap();
    let frames = fragment_count(payload.len());
    let part = &encode_parts(&payload, 1).unwrap()[0];
    let version = qrcode::QrCode::with_error_correction_level(part.as_bytes(), qrcode::EcLevel::M)
        .unwrap()
        .version();
    eprintln!(
        "sizes: manifest {} B, minisig file {} B, QR payload {} B -> {frames} frames, \
         {} chars per part, QR {version:?}",
        packet.manifest_bytes.len(),
        packet.signature.len(),
        payload.len(),
        part.len(),
    );
    assert!(payload.len() < packet.manifest_bytes.len() + 150);
    assert!(frames <= 5, "{frames} frames");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn encode_render_read_assemble_round_trips(
        payload in prop::collection::vec(any::<u8>(), 1..700),
        extra in 0usize..3,
    ) {
        let parts = encode_parts(&payload, fragment_count(payload.len()) + extra).unwrap();
        let mut assembler = Assembler::default();
        for part in parts.iter().rev() {
            let png = render_png(part, 3).unwrap();
            for text in read_image(&png, &ReadLimits::default()).unwrap() {
                assembler.receive(&text).unwrap();
            }
        }
        prop_assert_eq!(assembler.message().unwrap(), Some(payload));
    }
}
