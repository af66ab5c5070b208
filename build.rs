//! Compiles `reference-data/*.toml` into the SQLite database embedded in the binary.
//!
//! The same parsing, validation and compilation code is part of the library (`src/refdata/`),
//! included here by path, so a bad entry fails the build and the tests alike.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::{env, fs, process};

#[allow(dead_code)]
#[path = "src/refdata/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/refdata/normalize.rs"]
mod normalize;

#[allow(dead_code)]
#[path = "src/refdata/pattern.rs"]
mod pattern;

#[allow(dead_code)]
#[path = "src/refdata/validate.rs"]
mod validate;

#[allow(dead_code)]
#[path = "src/refdata/compile.rs"]
mod compile;

#[allow(dead_code)]
#[path = "src/refdata/files.rs"]
mod files;

#[allow(dead_code)]
#[path = "src/refdata/fold.rs"]
mod fold;

#[allow(dead_code)]
#[path = "src/refdata/keys.rs"]
mod keys;

#[allow(dead_code)]
#[path = "src/refdata/image.rs"]
mod image;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data_dir = root.join("reference-data");
    println!("cargo:rerun-if-changed=reference-data");
    for shared in [
        "schema",
        "normalize",
        "pattern",
        "validate",
        "compile",
        "files",
        "fold",
        "keys",
        "image",
    ] {
        println!("cargo:rerun-if-changed=src/refdata/{shared}.rs");
    }

    let sources = files::read_dir(&data_dir).unwrap_or_else(|err| {
        eprintln!("error: cannot read {}: {err}", data_dir.display());
        process::exit(1);
    });
    let (parsed, mut problems) = validate::parse_files(&sources);
    problems.extend(validate::validate(&parsed));
    validate::locate(&mut problems, &sources);
    if !problems.is_empty() {
        eprintln!(
            "error: the reference data has {} problem(s):",
            problems.len()
        );
        for problem in &problems {
            eprintln!("  reference-data/{problem}");
        }
        process::exit(1);
    }

    let out =
        Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("refdata.sqlite3");
    let _ = fs::remove_file(&out);
    let result = rusqlite::Connection::open(&out).and_then(|mut conn| {
        compile::compile(
            &parsed.library,
            &files::sha256_hex(&sources),
            env!("CARGO_PKG_VERSION"),
            &mut conn,
        )?;
        conn.execute_batch("VACUUM;")
    });
    if let Err(err) = result {
        eprintln!("error: cannot build the reference database: {err}");
        process::exit(1);
    }

    let image =
        Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("engine.postcard");
    let written = image::EngineImage::of(&parsed.library)
        .to_bytes()
        .map_err(|err| err.to_string())
        .and_then(|bytes| fs::write(&image, bytes).map_err(|err| err.to_string()));
    if let Err(err) = written {
        eprintln!("error: cannot build the engine image: {err}");
        process::exit(1);
    }
}
