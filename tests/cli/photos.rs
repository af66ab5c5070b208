//! An officer attaches photos: stored once by content, never altered, hostile files refused.

use fieldtrace::photo::synth;

use crate::common::TestEnv;

fn setup() -> TestEnv {
    let env = TestEnv::new();
    env.init();
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    env
}

#[test]
fn a_photo_is_stored_untouched_by_its_hash_with_exif_and_a_reduced_copy() {
    let env = setup();
    let bytes = synth::jpeg_with_exif("2026:03:14 09:26:53", 12.6392, -8.0029);
    let file = env.write_bytes("marks.jpg", &bytes);
    let out = env.json(&["item", "photo", "1", &file, "--view", "markings"], 0);
    let sha = out["photos"][0]["sha256"].as_str().unwrap().to_owned();
    let stored = env
        .home
        .path()
        .join("photos")
        .join(&sha[..2])
        .join(format!("{sha}.jpg"));
    assert_eq!(
        std::fs::read(&stored).unwrap(),
        bytes,
        "the original is stored byte for byte"
    );
    assert!(
        env.home
            .path()
            .join("derived")
            .join(format!("{sha}-1024.jpg"))
            .exists()
    );
    let item = env.json(&["item", "show", "1"], 0);
    let photo = &item["photos"][0];
    assert_eq!(photo["view"], "markings");
    assert_eq!(photo["taken_at"], "2026-03-14T09:26:53");
    assert!((photo["lat"].as_f64().unwrap() - 12.6392).abs() < 1e-3);
    assert!((photo["lon"].as_f64().unwrap() + 8.0029).abs() < 1e-3);
    assert!(
        !item["warnings"]
            .to_string()
            .contains("no photo of the marks")
    );
}

#[test]
fn a_photo_shared_by_two_items_is_stored_once() {
    let env = setup();
    let file = env.write_bytes("both.jpg", &synth::jpeg(80, 60));
    env.run(&["item", "photo", "1", &file], 0);
    env.run(&["item", "photo", "2", &file], 0);
    let again = env.json(&["item", "photo", "2", &file], 0);
    assert_eq!(again["photos"][0]["added"], false);
    let db = env.db();
    let photos: i64 = db
        .query_row("SELECT count(*) FROM photos", [], |r| r.get(0))
        .unwrap();
    let links: i64 = db
        .query_row("SELECT count(*) FROM item_photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!((photos, links), (1, 2));
    let files = walk(&env.home.path().join("photos"));
    assert_eq!(files, 1);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() { walk(&path) } else { 1 }
        })
        .sum()
}

#[test]
fn hostile_and_broken_files_are_refused_by_name_and_nothing_is_written() {
    let env = setup();
    let jpeg = synth::jpeg(300, 200);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "notes.txt",
            b"this is not a photo".to_vec(),
            "not a JPEG or PNG image",
        ),
        (
            "cut.jpg",
            jpeg[..jpeg.len() / 2].to_vec(),
            "does not decode",
        ),
        (
            "bomb.png",
            synth::png_header_only(40_000, 40_000),
            "40000 × 40000 pixels is over the limit",
        ),
        ("empty.jpg", Vec::new(), "not a JPEG or PNG image"),
    ];
    let good = env.write_bytes("good.jpg", &synth::jpeg(40, 30));
    for (name, bytes, expected) in cases {
        let bad = env.write_bytes(name, &bytes);
        // A bad file among good ones stops the whole command before anything is stored.
        let (_, err) = env.run(&["item", "photo", "1", &good, &bad], 2);
        assert!(
            err.contains(name) && err.contains(expected),
            "{name}: {err}"
        );
    }
    let db = env.db();
    let photos: i64 = db
        .query_row("SELECT count(*) FROM photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!(photos, 0);
    assert!(!env.home.path().join("photos").exists());
    let (_, err) = env.run(&["item", "photo", "1", &good, "--view", "sideways"], 2);
    assert!(err.contains("view 'sideways' is not one of"), "{err}");
    let (_, err) = env.run(&["item", "photo", "9", &good], 2);
    assert!(err.contains("no item '9'"), "{err}");
    let (_, err) = env.run(&["item", "photo", "1", "/no/such/photo.jpg"], 1);
    assert!(
        err.contains("cannot read photo /no/such/photo.jpg"),
        "{err}"
    );
}

#[test]
fn a_png_with_oversized_metadata_is_refused_before_it_is_inflated() {
    let env = setup();
    // Random bytes do not compress: a profile chunk of 400 KB, as a hostile one may be.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let noise: Vec<u8> = (0..400_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let mut profile = b"icc\0\0".to_vec();
    profile.extend_from_slice(&noise);
    let bomb = env.write_bytes(
        "profile.png",
        &synth::png_with_chunk(32, 32, b"iCCP", &profile),
    );
    let (_, err) = env.run(&["item", "photo", "1", &bomb], 2);
    assert!(
        err.contains("profile.png")
            && err.contains("its PNG metadata (ancillary chunks; the largest iCCP)"),
        "{err}"
    );
    assert!(err.contains("over the limit of 262144 bytes"), "{err}");
    // Metadata under the limit is skipped, not inflated: the pixels decode without it.
    let text = synth::png_with_chunk(32, 32, b"zTXt", b"Comment\0\0not really deflate");
    let small = env.write_bytes("text.png", &text);
    env.run(&["item", "photo", "1", &small], 0);
}
