//! Import benchmark and its data generator (DESIGN.md, "Performance budgets").
//!
//!   cargo bench --bench import -- throughput [ROWS]   # default 1000 rows, 12-megapixel photos
//!   cargo bench --bench import -- memory              # peak RSS, 1,000 vs 10,000 rows
//!   cargo bench --bench import -- generate DIR ROWS [MEGAPIXELS]
//!   cargo bench --bench import -- example examples        # rewrites the bundled example
//!
//! Throughput compares the import (rows per second, one photo a row) with what the machine's
//! JPEG decoder does on all cores with the same files: the budget is at least 90 %.
//! Photos are one synthetic JPEG made distinct by a comment segment: the same decoding work,
//! a different SHA-256 each.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use fieldtrace::photo::synth;
use rayon::prelude::*;

const HEADER: &str = "record_id,date,event,location,lat,lon,kind,type,make,model,calibre,serial,markings,country,year,quantity,headstamp,lot,condition,photos,unit,officer,notes";

fn generate(dir: &Path, rows: usize, megapixels: f64) {
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    let width = (megapixels * 1e6 * 4.0 / 3.0).sqrt() as u32;
    let height = width * 3 / 4;
    let base = synth::jpeg(width, height);
    let mut log = String::from(HEADER);
    log.push('\n');
    (0..rows).into_par_iter().for_each(|i| {
        let photo = synth::with_comment(&base, &format!("bench photo {i}"));
        std::fs::write(dir.join("photos").join(format!("p{i:06}.jpg")), photo).unwrap();
    });
    for i in 0..rows {
        let lat = 12.0 + (i % 100) as f64 * 0.01;
        log.push_str(&format!(
            "BENCH-{i:06},2026-03-{:02},seized,Depot {},{lat:.4},-8.0000,weapon,assault-rifle,,AKM,7.62x39,{:06},66 in a triangle,,,,,,,p{i:06}.jpg,Bench unit,Bench officer,\n",
            1 + i % 28,
            i % 17,
            100_000 + i
        ));
    }
    std::fs::write(dir.join("log.csv"), log).unwrap();
}

fn data(rows: usize, megapixels: f64) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{rows}-{megapixels}mp"));
    if !dir.join("log.csv").exists() {
        eprintln!(
            "generating {rows} rows with {megapixels}-megapixel photos in {}",
            dir.display()
        );
        generate(&dir, rows, megapixels);
    }
    dir
}

fn fieldtrace(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fieldtrace"));
    cmd.arg("--home").arg(home);
    cmd
}

fn fresh_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let status = fieldtrace(home.path())
        .args([
            "init",
            "--name",
            "Bench",
            "--unit",
            "Bench unit",
            "--officer",
            "Bench officer",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    home
}

fn throughput(rows: usize) {
    let dir = data(rows, 12.0);
    let files: Vec<PathBuf> = (0..rows)
        .map(|i| dir.join("photos").join(format!("p{i:06}.jpg")))
        .collect();
    // Warm the page cache so both runs read from memory.
    files
        .par_iter()
        .for_each(|f| drop(std::fs::read(f).unwrap()));

    let start = Instant::now();
    files.par_iter().for_each(|f| {
        let bytes = std::fs::read(f).unwrap();
        image::load_from_memory(&bytes).unwrap();
    });
    let decode = start.elapsed().as_secs_f64();

    let home = fresh_home();
    let start = Instant::now();
    let out = fieldtrace(home.path())
        .args(["--json", "import"])
        .arg(dir.join("log.csv"))
        .arg("--photos")
        .arg(dir.join("photos"))
        .output()
        .unwrap();
    let import = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["imported"].as_u64(), Some(rows as u64));

    let threads = rayon::current_num_threads();
    println!("{rows} rows, one 12-megapixel JPEG each, {threads} threads");
    println!(
        "JPEG decoding alone, all cores: {decode:7.2} s  {:8.1} photos/s",
        rows as f64 / decode
    );
    println!(
        "import (decode, hash, store, write): {import:7.2} s  {:8.1} rows/s",
        rows as f64 / import
    );
    let ratio = decode / import * 100.0;
    println!(
        "import throughput is {ratio:.1} % of the decoder's: budget at least 90 % -> {}",
        if ratio >= 90.0 { "met" } else { "MISSED" }
    );
}

/// Peak resident memory of one import, from GNU time.
fn peak_rss_kib(dir: &Path) -> u64 {
    let home = fresh_home();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_fieldtrace"))
        .arg("--home")
        .arg(home.path())
        .args(["--json", "import"])
        .arg(dir.join("log.csv"))
        .arg("--photos")
        .arg(dir.join("photos"))
        .output()
        .expect("GNU time is needed: apt-get install time");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("no RSS in GNU time's output")
}

fn memory() {
    let small = peak_rss_kib(&data(1_000, 0.3));
    let large = peak_rss_kib(&data(10_000, 0.3));
    println!("peak RSS importing 1,000 rows:  {small} KiB");
    println!("peak RSS importing 10,000 rows: {large} KiB");
    let growth = large as f64 - small as f64;
    println!(
        "growth: {growth:.0} KiB ({:.1} %) for ten times the rows -> {}",
        growth / small as f64 * 100.0,
        if growth < 0.25 * small as f64 {
            "does not grow with the rows"
        } else {
            "GROWS"
        }
    );
}

/// The bundled example: a small, real-looking seizure log with EXIF-tagged photos. Fictitious:
/// every record id says EXAMPLE, and no row describes a real seizure.
fn example(dir: &Path) {
    let photos = dir.join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    let base = synth::jpeg(320, 240);
    // (file, EXIF time, latitude, longitude)
    let shots = [
        (
            "example-001-left.jpg",
            "2026:03:14 09:20:11",
            16.2712,
            -0.0447,
        ),
        (
            "example-001-marks.jpg",
            "2026:03:14 09:21:40",
            16.2712,
            -0.0447,
        ),
        (
            "example-002-left.jpg",
            "2026:03:14 10:02:05",
            16.2689,
            -0.0391,
        ),
        (
            "example-003-headstamp.jpg",
            "2026:03:15 14:45:00",
            16.2770,
            -0.0520,
        ),
        (
            "example-004-slide.jpg",
            "2026:03:16 08:10:30",
            16.9600,
            0.1700,
        ),
        (
            "example-006-receiver.jpg",
            "2026:03:17 11:05:00",
            12.6392,
            -8.0029,
        ),
    ];
    for (name, taken, lat, lon) in shots {
        let unique = synth::with_comment(&base, name);
        std::fs::write(
            photos.join(name),
            synth::with_exif(&unique, taken, lat, lon),
        )
        .unwrap();
    }
    let log = "record_id,date,event,location,lat,lon,kind,type,make,model,calibre,serial,markings,country,year,quantity,headstamp,lot,condition,photos,unit,officer,notes\r
EXAMPLE-001,2026-03-14 09:20,seized,\"Checkpoint N16, km 12\",,,weapon,assault rifle,,Type 56-1,\"7,62x39\",5612??8,66 in a triangle | 56式,CN,,,,,worn,example-001-left.jpg | example-001-marks.jpg,Example unit,Example officer,\"Underfolding stock; serial read on the receiver, two digits ground off\"\r
EXAMPLE-002,14/03/2026,seized,\"Checkpoint N16, km 12\",16.2689,-0.0391,weapon,light machine gun,,PKM,7.62x54R,,,,,,,,serviceable,example-002-left.jpg,Example unit,Example officer,\r
EXAMPLE-003,2026-03-15,surrendered,Gao,,,ammunition,,,,7.62x39,,,,,250,539 78,,,example-003-headstamp.jpg,Example unit,Example officer,\"Loose rounds in a rice sack\"\r
EXAMPLE-004,2026-03-16,found,Bourem,16.9600,0.1700,weapon,pistol,,Makarov,9x18,obliterated,((10)),BG,,,,,rusted,example-004-slide.jpg,Example unit,Example officer,\r
EXAMPLE-005,2026-03-16,found,Bourem,,,component,,,,,,,,,,,,,,Example unit,Example officer,\"Barrel, no marks visible\"\r
EXAMPLE-006,2026-03-17,recovered,Gao,16.2700,-0.0400,weapon,assault rifle,,AKM,7.62x39,751234,arrow in triangle | 1975,SU,1975,,,,,example-006-receiver.jpg,Example unit,Example officer,\"Photo position differs from the row's: the row is kept\"\r
";
    std::fs::write(dir.join("seizure-log.csv"), log).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", dir, rows, rest @ ..] => {
            let mp = rest.first().and_then(|m| m.parse().ok()).unwrap_or(12.0);
            generate(Path::new(dir), rows.parse().unwrap(), mp);
        }
        ["memory", ..] => memory(),
        ["example", dir] => example(Path::new(dir)),
        ["throughput", rows, ..] => throughput(rows.parse().unwrap()),
        ["throughput"] | [] => throughput(1_000),
        other => eprintln!(
            "usage: throughput [ROWS] | memory | generate DIR ROWS [MEGAPIXELS] (got {other:?})"
        ),
    }
}
