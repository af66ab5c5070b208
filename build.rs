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
    write_word_table(root);
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

/// The typed-word table (`OUT_DIR/words.rs`, read by `i18n::find_word`): for each catalogue
/// `i18n/<lang>/fieldtrace.ftl`, English first, each `word-*` message's key with its word and
/// the words its `.also` lists, folded as `fold::fold_word` folds what an officer types. Reading
/// a typed word then parses no catalogue at run time; the catalogues stay the one source.
fn write_word_table(root: &Path) {
    let dir = root.join("i18n");
    println!("cargo:rerun-if-changed=i18n");
    let mut langs: Vec<(String, String)> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let code = entry.file_name().to_str()?.to_owned();
            let path = entry.path().join("fieldtrace.ftl");
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).ok()?;
            Some((code, text.replace("\r\n", "\n")))
        })
        .collect();
    langs.sort_by_key(|(code, _)| (code != "en", code.clone()));
    let mut out = String::from(
        "/// Per language (English first): `(word-* key, folded words)`, sorted by key.\n\
         pub static WORDS: &[(&str, &[(&str, &[&str])])] = &[\n",
    );
    for (code, text) in &langs {
        let resource = fluent_syntax::parser::parse_runtime(text.as_str()).unwrap_or_else(|(_, errors)| {
            eprintln!("error: i18n/{code}/fieldtrace.ftl does not parse: {errors:?}");
            process::exit(1);
        });
        let mut entries: Vec<(String, Vec<String>)> = Vec::new();
        for entry in &resource.body {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let key = message.id.name;
            if !key.starts_with("word-") {
                continue;
            }
            let plain = |pattern: &fluent_syntax::ast::Pattern<&str>, what: &str| -> String {
                let mut text = String::new();
                for element in &pattern.elements {
                    match element {
                        fluent_syntax::ast::PatternElement::TextElement { value } => text.push_str(value),
                        fluent_syntax::ast::PatternElement::Placeable { .. } => {
                            eprintln!(
                                "error: i18n/{code}/fieldtrace.ftl: {key}{what}: a word is plain text, \
                                 without {{ }} placeables (it is matched against what is typed)"
                            );
                            process::exit(1);
                        }
                    }
                }
                text
            };
            let mut words = Vec::new();
            if let Some(value) = &message.value {
                words.push(fold::fold_word(&plain(value, "")));
            }
            for attribute in &message.attributes {
                if attribute.id.name == "also" {
                    let also = plain(&attribute.value, ".also");
                    words.extend(also.split(',').map(fold::fold_word));
                }
            }
            words.retain(|w| !w.is_empty());
            entries.push((key.to_owned(), words));
        }
        entries.sort();
        entries.dedup_by(|a, b| a.0 == b.0);
        out.push_str(&format!("    ({code:?}, &[\n"));
        for (key, words) in entries {
            out.push_str(&format!("        ({key:?}, &{words:?}),\n"));
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let path = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("words.rs");
    if let Err(err) = fs::write(&path, out) {
        eprintln!("error: cannot write {}: {err}", path.display());
        process::exit(1);
    }
}
