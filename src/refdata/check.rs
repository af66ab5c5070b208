//! `ref check`: everything the build checks, on any folder of reference data, plus the
//! `examples` entries carry (how officers type a mark, and what it must decode to).

use std::io;
use std::path::Path;

use super::Catalog;
use super::decode::Decoder;
use super::files;
use super::schema::Example;
use super::validate::{self, Problem};

/// What `ref check` found in one folder.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub files: usize,
    pub entries: usize,
    pub examples: usize,
    pub problems: Vec<Problem>,
}

/// Reads, validates and runs the examples of every `*.toml` file in `dir`.
pub fn check_dir(dir: &Path, this_year: i32) -> io::Result<CheckReport> {
    let sources = files::read_dir(dir)?;
    let (parsed, mut problems) = validate::parse_files(&sources);
    problems.extend(validate::validate(&parsed));
    let lib = &parsed.library;
    let mut report = CheckReport {
        files: sources.len(),
        entries: lib.sources.len()
            + lib.countries.len()
            + lib.calibres.len()
            + lib.traits.len()
            + lib.manufacturers.len()
            + lib.models.len()
            + lib.markings.len()
            + lib.headstamps.len(),
        ..CheckReport::default()
    };
    // Examples mean something only on a library that holds together.
    if problems.is_empty() {
        let catalog = Catalog::from_library(lib);
        let decoder = Decoder::new(&catalog, this_year);
        let mut run =
            |kind: &str, id: &str, examples: &[Example], wanted: &dyn Fn(&str) -> bool| {
                for example in examples {
                    report.examples += 1;
                    if let Some(reason) = run_example(&decoder, example, wanted) {
                        let file = parsed
                            .origin
                            .get(&format!("{kind}:{id}"))
                            .cloned()
                            .unwrap_or_default();
                        problems.push(Problem {
                            file,
                            line: None,
                            entry: format!("{kind} '{id}'"),
                            reason,
                        });
                    }
                }
            };
        for m in &lib.markings {
            run("marking", &m.id, &m.examples, &|r| r == m.id);
        }
        for h in &lib.headstamps {
            run("headstamp", &h.id, &h.examples, &|r| r == h.id);
        }
        for m in &lib.models {
            let id = format!("model:{}", m.id);
            run("model", &m.id, &m.examples, &|r| r == id);
        }
        for m in &lib.manufacturers {
            let id = format!("manufacturer:{}", m.id);
            run("manufacturer", &m.id, &m.examples, &|r| r == id);
        }
    }
    validate::locate(&mut problems, &sources);
    report.problems = problems;
    Ok(report)
}

/// Why an example does not decode to its entry, or `None` when it does.
fn run_example(
    decoder: &Decoder<'_>,
    example: &Example,
    wanted: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let input = example.input();
    let decoded = decoder.decode(input);
    // A mark that names the model (`models`) is a reading of it too.
    let found: Vec<_> = decoded
        .matches
        .iter()
        .filter(|r| wanted(&r.marking_id) || r.models.iter().any(|m| wanted(&format!("model:{m}"))))
        .collect();
    let got = || {
        let ids: Vec<&str> = decoded
            .matches
            .iter()
            .take(4)
            .map(|r| r.marking_id.as_str())
            .collect();
        if ids.is_empty() {
            "no reading".to_owned()
        } else {
            ids.join(", ")
        }
    };
    if found.is_empty() {
        return Some(format!(
            "example '{input}' does not decode to this entry (got: {})",
            got()
        ));
    }
    if let Some(year) = example.year()
        && !found.iter().any(|r| r.year == Some(year))
    {
        let years: Vec<String> = found
            .iter()
            .filter_map(|r| r.year.map(|y| y.to_string()))
            .collect();
        return Some(format!(
            "example '{input}' decodes to this entry but not to the year {year} (got: {})",
            if years.is_empty() {
                "no year".to_owned()
            } else {
                years.join(", ")
            }
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    const SOURCE: &str = r#"
[[source]]
id = "s1"
title = "A catalogue"
publisher = "A museum"
url = "https://example.org/catalogue"

[[country]]
code = "AA"
name_en = "Aland"
name_fr = "Alande"
sources = ["s1"]
confidence = "high"
"#;

    #[test]
    fn the_embedded_reference_data_passes_with_all_its_examples() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reference-data");
        let report = check_dir(&dir, 2026).unwrap();
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(report.entries > 1000);
    }

    #[test]
    fn a_failing_example_names_file_line_entry_and_what_it_gave() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.toml", SOURCE);
        write(
            dir.path(),
            "b.toml",
            r#"
[[marking]]
id = "aa-star"
kind = "manufacturer"
appearance = "a star"
symbol = "star"
meaning = "Works of Aland"
country = "AA"
examples = ["star", "moon"]
sources = ["s1"]
confidence = "low"
"#,
        );
        let report = check_dir(dir.path(), 2026).unwrap();
        assert_eq!(report.examples, 2);
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "b.toml:3: marking 'aa-star': example 'moon' does not decode to this entry (got: no reading)"
            ]
        );
    }

    #[test]
    fn a_syntax_error_gives_its_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.toml", SOURCE);
        write(dir.path(), "b.toml", "\n\n[[model]\nid = 1\n");
        let report = check_dir(dir.path(), 2026).unwrap();
        assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
        assert_eq!(report.problems[0].file, "b.toml");
        assert_eq!(report.problems[0].line, Some(3));
        assert!(report.problems[0].reason.starts_with("not valid TOML"));
    }
}
