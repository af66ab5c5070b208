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
    write_catalogue_tables(root);
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

/// What `src/i18n.rs` reads of the catalogues `i18n/<lang>/fieldtrace.ftl` (English first),
/// in `OUT_DIR/catalogues.rs`; the catalogues stay the one source:
/// - `WORDS`, the typed-word table (`i18n::find_word`): each `word-*` message's key with its
///   word and the words its `.also` lists, folded as `fold::fold_word` folds what an officer
///   types, so that reading a typed word parses no catalogue at run time;
/// - `PARTS`, each catalogue cut in two: the `--help` texts (`cmd-*`, `arg-*` messages, two
///   fifths of it, parsed only when clap has something to say) and all the rest.
fn write_catalogue_tables(root: &Path) {
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
    let mut parts = String::from(
        "/// Per language: `(code, every message but the help, the help messages)`.\n\
         pub static PARTS: &[(&str, &str, &str)] = &[\n",
    );
    for (code, text) in &langs {
        let (rest, help) = split_help(text);
        parts.push_str(&format!("    ({code:?}, {rest:?}, {help:?}),\n"));
    }
    parts.push_str("];\n");
    let mut out = String::from(
        "/// A catalogue's word messages: `(word-* key, folded words)`, sorted by key.\n\
         pub type Words = &'static [(&'static str, &'static [&'static str])];\n\
         /// Per language (English first), its words.\n\
         pub static WORDS: &[(&str, Words)] = &[\n",
    );
    for (code, text) in &langs {
        let resource =
            fluent_syntax::parser::parse_runtime(text.as_str()).unwrap_or_else(|(_, errors)| {
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
                        fluent_syntax::ast::PatternElement::TextElement { value } => {
                            text.push_str(value)
                        }
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
    out.push_str(&parts);
    let path = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("catalogues.rs");
    if let Err(err) = fs::write(&path, out) {
        eprintln!("error: cannot write {}: {err}", path.display());
        process::exit(1);
    }
}

/// A catalogue's entries cut into the `--help` messages (`cmd-*`, `arg-*`) and the rest. An
/// entry starts at a line that starts with a letter, `-` (a term) or `#` (a comment); the lines
/// after it that do not (indented lines, blank lines, the `}` closing a selector) are its own.
/// Comments and terms go to both parts. `i18n`'s tests check that the two parts read as the
/// whole.
fn split_help(text: &str) -> (String, String) {
    let (mut rest, mut help) = (String::new(), String::new());
    let mut to = (true, false);
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#') {
            let is_help = line.starts_with("cmd-") || line.starts_with("arg-");
            let shared = line.starts_with(['-', '#']);
            to = (shared || !is_help, shared || is_help);
        }
        for (wanted, part) in [(to.0, &mut rest), (to.1, &mut help)] {
            if wanted {
                part.push_str(line);
                part.push('\n');
            }
        }
    }
    (rest, help)
}
