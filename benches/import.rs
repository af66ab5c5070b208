//! Import benchmark and its data generators (DESIGN.md, "Performance budgets"; issue 13).
//!
//!   cargo bench --bench import -- throughput [ROWS]   # default 60 rows, 12-megapixel photos
//!   cargo bench --bench import -- memory              # peak RSS, 60 vs 240 rows of photos
//!   cargo bench --bench import -- rows [ROWS...]      # no photos: default 10,000 and 500,000
//!   cargo bench --bench import -- decoders [PHOTOS]   # the JPEG decoders compared, one core
//!   cargo bench --bench import -- generate DIR ROWS [MEGAPIXELS]
//!   cargo bench --bench import -- example examples    # rewrites the bundled example
//!
//! Throughput runs, in the same run on the same files, the one-core Python script beside this
//! file (`import-baseline.py`: Pillow's full libjpeg-turbo decode, SHA-256, SQLite inserts) and
//! `fieldtrace import` (release build), each under GNU time: rows per second, the ratio, and
//! peak RSS. The budget: at least twice the script's throughput, peak memory under 100 MiB.
//! The photos are one photo-like 12-megapixel JPEG (noise over a gradient, quality 90, as
//! dense as a phone's) made distinct by a comment segment: the same decoding work, a different
//! SHA-256 each. Nothing generated is committed: it goes to the target directory.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use fieldtrace::photo::synth;
use rayon::prelude::*;

const HEADER: &str = "record_id,date,event,location,lat,lon,kind,type,make,model,calibre,serial,markings,country,year,quantity,headstamp,lot,condition,photos,unit,officer,notes";

/// A JPEG as dense as a phone photo: a gradient with pixel noise, quality 90.
fn photo_like(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed % 20) as u32;
        image::Rgb([
            ((x / 8 + noise) % 256) as u8,
            ((y / 8 + noise) % 256) as u8,
            ((x / 16 + y / 16 + noise / 2) % 256) as u8,
        ])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 90,
        ))
        .unwrap();
    out.into_inner()
}

fn row(i: usize, photo: &str) -> String {
    let lat = 12.0 + (i % 100) as f64 * 0.01;
    format!(
        "BENCH-{i:07},2026-03-{:02},seized,Depot {},{lat:.4},-8.0000,weapon,assault-rifle,,AKM,7.62x39,{:07},66 in a triangle,,,,,,,{photo},Bench unit,Bench officer,\n",
        1 + i % 28,
        i % 17,
        1_000_000 + i
    )
}

fn generate(dir: &Path, rows: usize, megapixels: f64) {
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    let width = (megapixels * 1e6 * 4.0 / 3.0).sqrt() as u32;
    let height = width * 3 / 4;
    let base = photo_like(width, height);
    (0..rows).into_par_iter().for_each(|i| {
        let photo = synth::with_comment(&base, &format!("bench photo {i}"));
        std::fs::write(dir.join("photos").join(format!("p{i:06}.jpg")), photo).unwrap();
    });
    let mut log = String::from(HEADER);
    log.push('\n');
    for i in 0..rows {
        log.push_str(&row(i, &format!("p{i:06}.jpg")));
    }
    std::fs::write(dir.join("log.csv"), log).unwrap();
}

/// A log without photos, written as it streams.
fn generate_rows(path: &Path, rows: usize) {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "{HEADER}").unwrap();
    for i in 0..rows {
        out.write_all(row(i, "").as_bytes()).unwrap();
    }
    out.flush().unwrap();
}

fn bench_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn data(rows: usize, megapixels: f64) -> PathBuf {
    let dir = bench_dir(&format!("import-v3-{rows}-{megapixels}mp"));
    if !dir.join("log.csv").exists() {
        eprintln!(
            "generating {rows} rows with {megapixels}-megapixel photos in {}",
            dir.display()
        );
        generate(&dir, rows, megapixels);
    }
    dir
}

/// The release binary: `cargo bench` builds benches with the bench profile (release).
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

/// CPU seconds (user + system) of the last command `timed` ran, from GNU time.
static CPU: std::sync::Mutex<f64> = std::sync::Mutex::new(0.0);

/// A command run under GNU time: its stdout, wall seconds and peak RSS in KiB.
fn timed(program: &Path, args: &[&std::ffi::OsStr]) -> (Vec<u8>, f64, u64) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(program)
        .args(args)
        .output()
        .expect("GNU time is needed: apt-get install time");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let rss = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("no RSS in GNU time's output");
    let field = |name: &str| -> f64 {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0.0)
    };
    *CPU.lock().unwrap() = field("User time (seconds): ") + field("System time (seconds): ");
    (out.stdout, seconds, rss)
}

/// `fieldtrace import` of a log into a fresh home, timed: (rows/s, peak RSS KiB).
fn import_timed(log: &Path, photos: Option<&Path>) -> (f64, u64, u64) {
    let home = fresh_home();
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--home".as_ref(),
        home.path().as_os_str(),
        "--json".as_ref(),
        "import".as_ref(),
        log.as_os_str(),
    ];
    if let Some(dir) = photos {
        args.push("--photos".as_ref());
        args.push(dir.as_os_str());
    }
    let (stdout, seconds, rss) = timed(Path::new(env!("CARGO_BIN_EXE_fieldtrace")), &args);
    let report: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let imported = report["imported"].as_u64().unwrap();
    (imported as f64 / seconds, rss, imported)
}

fn warm(dir: &Path) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files
        .par_iter()
        .for_each(|f| drop(std::fs::read(f).unwrap()));
}

/// The machine's one-minute load average, to read the figures by (Linux; 0 elsewhere).
fn load() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The script and the import, one after the other, three times: medians of each, so a burst
/// of other work on the machine weighs on both.
fn throughput(rows: usize) {
    let dir = data(rows, 12.0);
    warm(&dir);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/import-baseline.py");
    let db = dir.join("baseline.sqlite");
    let (mut py_rates, mut rates, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpu_ratios = Vec::new();
    let (mut py_peak, mut peak) = (0, 0);
    for run in 1..=3 {
        let (stdout, py_seconds, py_rss) = timed(
            Path::new("python3"),
            &[
                script.as_os_str(),
                dir.join("log.csv").as_os_str(),
                dir.join("photos").as_os_str(),
                db.as_os_str(),
            ],
        );
        let baseline: serde_json::Value = serde_json::from_slice(&stdout)
            .expect("the baseline script needs Pillow: pip install Pillow");
        assert_eq!(baseline["rows"].as_u64(), Some(rows as u64));
        let py_rate = rows as f64 / py_seconds;
        let py_cpu = *CPU.lock().unwrap() / rows as f64 * 1000.0;
        let (rate, rss, imported) = import_timed(&dir.join("log.csv"), Some(&dir.join("photos")));
        let cpu = *CPU.lock().unwrap() / rows as f64 * 1000.0;
        assert_eq!(imported, rows as u64);
        cpu_ratios.push(py_cpu / cpu);
        // CPU time a row beside the wall clock: on a machine other work keeps busy, a process
        // on every core gets little more of them than one on a single core.
        println!(
            "run {run}: script {py_rate:6.2} rows/s ({:5.1} MiB, {py_cpu:4.0} ms CPU a row), fieldtrace {rate:6.2} rows/s ({:5.1} MiB, {cpu:4.0} ms CPU a row): {:.2}x, load {:.1}",
            py_rss as f64 / 1024.0,
            rss as f64 / 1024.0,
            rate / py_rate,
            load()
        );
        py_rates.push(py_rate);
        rates.push(rate);
        ratios.push(rate / py_rate);
        py_peak = py_peak.max(py_rss);
        peak = peak.max(rss);
    }
    let (py_rate, rate, ratio) = (
        median(&mut py_rates),
        median(&mut rates),
        median(&mut ratios),
    );
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let size = std::fs::metadata(dir.join("photos/p000000.jpg"))
        .unwrap()
        .len();
    println!(
        "{rows} rows, one 12-megapixel JPEG each ({:.1} MB), {cores} cores; medians of 3 runs",
        size as f64 / 1e6
    );
    println!(
        "python + Pillow, one core (full decode, SHA-256, SQLite): {py_rate:7.2} rows/s  peak {:6.1} MiB",
        py_peak as f64 / 1024.0
    );
    println!(
        "fieldtrace import (decode, hash, store, write):            {rate:7.2} rows/s  peak {:6.1} MiB",
        peak as f64 / 1024.0
    );
    let cpu_ratio = median(&mut cpu_ratios);
    println!(
        "CPU a row: the script's is {cpu_ratio:.2}x fieldtrace's (so on {cores} idle cores the ratio could reach {:.2}x)",
        cpu_ratio * cores as f64
    );
    let memory_ok = peak < 100 * 1024;
    println!(
        "ratio {ratio:.2}x the script: budget at least 2x -> {}; peak memory budget under 100 MiB -> {}",
        if ratio >= 2.0 { "met" } else { "MISSED" },
        if memory_ok { "met" } else { "MISSED" }
    );
}

fn memory() {
    let mut peaks = Vec::new();
    for rows in [60, 240] {
        let dir = data(rows, 12.0);
        warm(&dir);
        let (rate, rss, _) = import_timed(&dir.join("log.csv"), Some(&dir.join("photos")));
        println!(
            "{rows:>4} rows of 12-megapixel photos: {rate:6.2} rows/s, peak RSS {:6.1} MiB",
            rss as f64 / 1024.0
        );
        peaks.push(rss);
    }
    let worst = peaks.iter().max().copied().unwrap_or(0);
    println!(
        "worst peak {:.1} MiB: budget under 100 MiB whatever the rows -> {}",
        worst as f64 / 1024.0,
        if worst < 100 * 1024 { "met" } else { "MISSED" }
    );
}

/// Logs without photos: the rate stays steady and memory flat as the rows grow.
fn rows(counts: &[usize]) {
    for &count in counts {
        let log = bench_dir(&format!("rows-{count}.csv"));
        if !log.exists() {
            eprintln!("generating {count} rows in {}", log.display());
            generate_rows(&log, count);
        }
        let (rate, rss, imported) = import_timed(&log, None);
        assert_eq!(imported, count as u64);
        println!(
            "{count:>8} rows, no photos: {rate:9.0} rows/s, peak RSS {:6.1} MiB",
            rss as f64 / 1024.0
        );
    }
}

/// Each candidate decoder on the same photos, one thread, for the choice in photo::inspect.
fn decoders(photos: usize) {
    let dir = data(photos.max(60), 12.0);
    let files: Vec<Vec<u8>> = (0..photos)
        .map(|i| std::fs::read(dir.join("photos").join(format!("p{i:06}.jpg"))).unwrap())
        .collect();
    let time = |name: &str, decode: &dyn Fn(&[u8])| {
        let start = Instant::now();
        for bytes in &files {
            decode(bytes);
        }
        let each = start.elapsed().as_secs_f64() / photos as f64 * 1000.0;
        println!("{name:<48} {each:7.1} ms a photo");
    };
    time("image 0.25 (zune-jpeg), full decode", &|b| {
        image::load_from_memory(b).unwrap();
    });
    time("jpeg-decoder, full decode", &|b| {
        jpeg_decoder::Decoder::new(Cursor::new(b)).decode().unwrap();
    });
    time("jpeg-decoder, 1/8 scale (every block decoded)", &|b| {
        let mut d = jpeg_decoder::Decoder::new(Cursor::new(b));
        d.scale(1, 1).unwrap();
        d.decode().unwrap();
    });
    time("fieldtrace photo::inspect (checks + 1/8 + EXIF)", &|b| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        fieldtrace::photo::inspect(
            b,
            fieldtrace::photo::LIMITS,
            today,
            fieldtrace::photo::Derive::Nothing,
        )
        .unwrap();
    });
    time("SHA-256", &|b| {
        fieldtrace::photo::sha256_hex(b);
    });
    let script = "import io,sys,time\nfrom PIL import Image\nfiles=[open(f,'rb').read() for f in sys.argv[1:]]\nt=time.perf_counter()\nfor b in files: Image.open(io.BytesIO(b)).load()\nprint((time.perf_counter()-t)/len(files)*1000)";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args((0..photos).map(|i| dir.join("photos").join(format!("p{i:06}.jpg"))))
        .output()
        .unwrap();
    if let Ok(ms) = String::from_utf8_lossy(&out.stdout).trim().parse::<f64>() {
        println!(
            "{:<48} {ms:7.1} ms a photo",
            "Pillow (libjpeg-turbo), full decode"
        );
    }
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
        ["rows"] => rows(&[10_000, 500_000]),
        ["rows", counts @ ..] => rows(
            &counts
                .iter()
                .map(|c| c.parse().unwrap())
                .collect::<Vec<_>>(),
        ),
        ["decoders"] => decoders(10),
        ["decoders", n] => decoders(n.parse().unwrap()),
        ["example", dir] => example(Path::new(dir)),
        ["throughput", rows, ..] => throughput(rows.parse().unwrap()),
        ["throughput"] | [] => throughput(60),
        other => eprintln!(
            "usage: throughput [ROWS] | memory | rows [ROWS...] | decoders [PHOTOS] | generate DIR ROWS [MEGAPIXELS] (got {other:?})"
        ),
    }
}
