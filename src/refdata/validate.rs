//! Reading and checking the reference data: every rule that keeps bad data away from users.
//!
//! Shared with `build.rs`, so a bad entry fails the build with the file, the entry and the
//! reason.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::pattern::Pattern;
use super::schema::{
    CALIBRE_CATEGORIES, Confidence, DataFile, Library, MARKING_KINDS, SCRIPTS, SYMBOLS,
    WEAPON_TYPES,
};

/// One thing wrong with the reference data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The line the entry starts on (or the syntax error sits on), once `locate` has run.
    pub line: Option<usize>,
    pub entry: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}: {}", self.file, self.entry, self.reason),
            None => write!(f, "{}: {}: {}", self.file, self.entry, self.reason),
        }
    }
}

/// Fills in the line of each problem: where its entry's `id`, `code` or `key` is written.
pub fn locate(problems: &mut [Problem], files: &[(String, String)]) {
    for problem in problems.iter_mut().filter(|p| p.line.is_none()) {
        let Some(text) = files
            .iter()
            .find(|(name, _)| *name == problem.file)
            .map(|(_, text)| text)
        else {
            continue;
        };
        let Some(id) = problem
            .entry
            .split_once('\'')
            .and_then(|(_, rest)| rest.strip_suffix('\''))
        else {
            continue;
        };
        let quoted = format!("\"{id}\"");
        problem.line = text.lines().position(|line| {
            let line = line.trim_start();
            ["id", "code", "key"].iter().any(|key| {
                line.strip_prefix(key)
                    .map(str::trim_start)
                    .and_then(|rest| rest.strip_prefix('='))
                    .is_some_and(|rest| rest.trim() == quoted)
            })
        });
        problem.line = problem.line.map(|l| l + 1);
    }
}

/// A library parsed from files, with the file each entry came from.
#[derive(Debug, Default)]
pub struct Parsed {
    pub library: Library,
    /// `kind:id` -> file name
    pub origin: BTreeMap<String, String>,
}

/// Parses `(file name, contents)` pairs and merges them. Syntax errors are problems too.
pub fn parse_files(files: &[(String, String)]) -> (Parsed, Vec<Problem>) {
    let mut parsed = Parsed::default();
    let mut problems = Vec::new();
    for (name, text) in files {
        let file: DataFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(err) => {
                let line = err
                    .span()
                    .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
                problems.push(Problem {
                    file: name.clone(),
                    line,
                    entry: "(file)".into(),
                    reason: format!("not valid TOML: {}", err.message().trim()),
                });
                continue;
            }
        };
        let lib = &mut parsed.library;
        if let Some(info) = file.library {
            if lib.version.is_some() {
                problems.push(Problem {
                    file: name.clone(),
                    line: None,
                    entry: "[library]".into(),
                    reason: "the [library] table appears in more than one file".into(),
                });
            }
            lib.version = Some(info.version);
        }
        let origin = &mut parsed.origin;
        let mut note = |kind: &str, id: &str| {
            origin.insert(format!("{kind}:{id}"), name.clone());
        };
        file.source.iter().for_each(|e| note("source", &e.id));
        file.country.iter().for_each(|e| note("country", &e.code));
        file.calibre.iter().for_each(|e| note("calibre", &e.id));
        file.traits.iter().for_each(|e| note("trait", &e.key));
        file.manufacturer
            .iter()
            .for_each(|e| note("manufacturer", &e.id));
        file.model.iter().for_each(|e| note("model", &e.id));
        file.marking.iter().for_each(|e| note("marking", &e.id));
        file.headstamp.iter().for_each(|e| note("headstamp", &e.id));
        lib.sources.extend(file.source);
        lib.countries.extend(file.country);
        lib.calibres.extend(file.calibre);
        lib.traits.extend(file.traits);
        lib.manufacturers.extend(file.manufacturer);
        lib.models.extend(file.model);
        lib.markings.extend(file.marking);
        lib.headstamps.extend(file.headstamp);
    }
    (parsed, problems)
}

struct Checker<'a> {
    parsed: &'a Parsed,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn fail(&mut self, kind: &str, id: &str, reason: impl Into<String>) {
        let file = self
            .parsed
            .origin
            .get(&format!("{kind}:{id}"))
            .cloned()
            .unwrap_or_else(|| "?".into());
        self.problems.push(Problem {
            file,
            line: None,
            entry: format!("{kind} '{id}'"),
            reason: reason.into(),
        });
    }

    fn cited(
        &mut self,
        kind: &str,
        id: &str,
        sources: &[String],
        confidence: Option<Confidence>,
        known_sources: &BTreeSet<&str>,
    ) {
        if sources.is_empty() {
            self.fail(kind, id, "cites no source (add `sources = [...]`)");
        }
        for source in sources {
            if !known_sources.contains(source.as_str()) {
                self.fail(
                    kind,
                    id,
                    format!("cites source '{source}', which does not exist"),
                );
            }
        }
        if confidence.is_none() {
            self.fail(kind, id, "states no confidence (high, medium or low)");
        }
    }

    fn refers(&mut self, kind: &str, id: &str, what: &str, target: &str, known: &BTreeSet<&str>) {
        if !known.contains(target) {
            self.fail(
                kind,
                id,
                format!("refers to {what} '{target}', which does not exist"),
            );
        }
    }

    fn years(&mut self, kind: &str, id: &str, from: Option<i32>, to: Option<i32>) {
        for year in [from, to].into_iter().flatten() {
            if !(1500..=2100).contains(&year) {
                self.fail(kind, id, format!("year {year} is out of range"));
            }
        }
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            self.fail(kind, id, format!("from {from} is after to {to}"));
        }
    }

    fn one_of(&mut self, kind: &str, id: &str, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.fail(
                kind,
                id,
                format!("{field} '{value}' is not one of: {}", allowed.join(", ")),
            );
        }
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._".contains(c))
}

/// Every rule the reference data must keep. An empty result means the library is sound.
pub fn validate(parsed: &Parsed) -> Vec<Problem> {
    let lib = &parsed.library;
    let mut check = Checker {
        parsed,
        problems: Vec::new(),
    };

    // Ids: well formed, and unique across every kind so that `ref show ID` is never ambiguous.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut folded: BTreeSet<(&str, String)> = BTreeSet::new();
    let all_ids = lib
        .sources
        .iter()
        .map(|e| ("source", e.id.as_str()))
        .chain(lib.countries.iter().map(|e| ("country", e.code.as_str())))
        .chain(lib.calibres.iter().map(|e| ("calibre", e.id.as_str())))
        .chain(lib.traits.iter().map(|e| ("trait", e.key.as_str())))
        .chain(
            lib.manufacturers
                .iter()
                .map(|e| ("manufacturer", e.id.as_str())),
        )
        .chain(lib.models.iter().map(|e| ("model", e.id.as_str())))
        .chain(lib.markings.iter().map(|e| ("marking", e.id.as_str())))
        .chain(lib.headstamps.iter().map(|e| ("headstamp", e.id.as_str())));
    for (kind, id) in all_ids {
        let well_formed = match kind {
            "country" => id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase()),
            // Calibre names keep their conventional capitals: 7.62x54mmR.
            "calibre" => is_id(&id.to_ascii_lowercase()),
            _ => is_id(id),
        };
        if !well_formed {
            check.fail(
                kind,
                id,
                "malformed id (lower-case letters, digits, '-', '.', '_'; countries: two capitals)",
            );
        }
        if let Some(first) = seen.insert(id.to_owned(), kind.to_owned()) {
            check.fail(
                kind,
                id,
                format!("duplicate id (already used by a {first})"),
            );
        } else if !folded.insert((kind, id.to_lowercase())) {
            // `7.62x38mmR` and `7.62x38mmr` are one calibre written twice. Across kinds case
            // tells them apart: the model `pk` and the country `PK`.
            check.fail(kind, id, "duplicate id (differs from another only in case)");
        }
    }

    let sources: BTreeSet<&str> = lib.sources.iter().map(|e| e.id.as_str()).collect();
    let countries_set: BTreeSet<&str> = lib.countries.iter().map(|e| e.code.as_str()).collect();
    let calibres_set: BTreeSet<&str> = lib.calibres.iter().map(|e| e.id.as_str()).collect();
    let manufacturers_set: BTreeSet<&str> =
        lib.manufacturers.iter().map(|e| e.id.as_str()).collect();
    let models_set: BTreeSet<&str> = lib.models.iter().map(|e| e.id.as_str()).collect();
    let traits: BTreeMap<&str, BTreeSet<&str>> = lib
        .traits
        .iter()
        .map(|t| {
            (
                t.key.as_str(),
                t.values.iter().map(|v| v.id.as_str()).collect(),
            )
        })
        .collect();

    for s in &lib.sources {
        if s.url.is_none() && s.reference.is_none() {
            check.fail("source", &s.id, "gives neither a url nor a reference");
        }
        if let Some(url) = &s.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            check.fail(
                "source",
                &s.id,
                format!("url '{url}' is not an http(s) address"),
            );
        }
        if s.title.trim().is_empty() || s.publisher.trim().is_empty() {
            check.fail("source", &s.id, "has an empty title or publisher");
        }
    }
    for c in &lib.countries {
        check.cited("country", &c.code, &c.sources, c.confidence, &sources);
        for successor in &c.successors {
            check.refers("country", &c.code, "country", successor, &countries_set);
        }
    }
    for c in &lib.calibres {
        check.cited("calibre", &c.id, &c.sources, c.confidence, &sources);
        check.one_of(
            "calibre",
            &c.id,
            "category",
            &c.category,
            CALIBRE_CATEGORIES,
        );
    }
    for t in &lib.traits {
        let mut values = BTreeSet::new();
        for v in &t.values {
            if !values.insert(v.id.as_str()) {
                check.fail("trait", &t.key, format!("value '{}' appears twice", v.id));
            }
        }
    }
    for m in &lib.manufacturers {
        check.cited("manufacturer", &m.id, &m.sources, m.confidence, &sources);
        check.refers("manufacturer", &m.id, "country", &m.country, &countries_set);
        check.years("manufacturer", &m.id, m.from, m.to);
    }
    for m in &lib.models {
        check.cited("model", &m.id, &m.sources, m.confidence, &sources);
        check.one_of("model", &m.id, "type", &m.weapon_type, WEAPON_TYPES);
        for parent in m.variant_of.iter().chain(&m.copy_of) {
            check.refers("model", &m.id, "model", parent, &models_set);
            if parent == &m.id {
                check.fail("model", &m.id, "is a variant or copy of itself");
            }
        }
        for calibre in &m.calibres {
            check.refers("model", &m.id, "calibre", calibre, &calibres_set);
        }
        for country in &m.countries {
            check.refers("model", &m.id, "country", country, &countries_set);
        }
        for p in &m.producers {
            check.refers(
                "model",
                &m.id,
                "manufacturer",
                &p.manufacturer,
                &manufacturers_set,
            );
            check.years("model", &m.id, p.from, p.to);
        }
        for (key, values) in &m.traits {
            match traits.get(key.as_str()) {
                None => check.fail("model", &m.id, format!("unknown trait '{key}'")),
                Some(allowed) => {
                    for value in values {
                        if !allowed.contains(value.as_str()) {
                            let list: Vec<&str> = allowed.iter().copied().collect();
                            check.fail(
                                "model",
                                &m.id,
                                format!(
                                    "trait {key} = '{value}' is not one of: {}",
                                    list.join(", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    for m in &lib.markings {
        check.cited("marking", &m.id, &m.sources, m.confidence, &sources);
        check.one_of("marking", &m.id, "kind", &m.kind, MARKING_KINDS);
        if let Some(symbol) = &m.symbol {
            check.one_of("marking", &m.id, "symbol", symbol, SYMBOLS);
        }
        if let Some(script) = &m.script {
            check.one_of("marking", &m.id, "script", script, SCRIPTS);
        }
        if m.symbol.is_none() && m.text.is_none() && m.pattern.is_none() {
            check.fail(
                "marking",
                &m.id,
                "needs at least one of symbol, text or pattern",
            );
        }
        if let Some(pattern) = &m.pattern
            && let Err(err) = Pattern::compile(pattern)
        {
            let reason = err.to_string().replace('\n', " ");
            check.fail(
                "marking",
                &m.id,
                format!("pattern does not compile: {reason}"),
            );
        }
        if let Some(country) = &m.country {
            check.refers("marking", &m.id, "country", country, &countries_set);
        }
        if let Some(maker) = &m.manufacturer {
            check.refers("marking", &m.id, "manufacturer", maker, &manufacturers_set);
        }
        for model in &m.models {
            check.refers("marking", &m.id, "model", model, &models_set);
        }
        check.years("marking", &m.id, m.from, m.to);
    }
    for h in &lib.headstamps {
        check.cited("headstamp", &h.id, &h.sources, h.confidence, &sources);
        check.refers("headstamp", &h.id, "country", &h.country, &countries_set);
        if let Some(maker) = &h.manufacturer {
            check.refers(
                "headstamp",
                &h.id,
                "manufacturer",
                maker,
                &manufacturers_set,
            );
        }
        for calibre in &h.calibres {
            check.refers("headstamp", &h.id, "calibre", calibre, &calibres_set);
        }
        if let Some(digits) = h.year_digits
            && digits != 2
            && digits != 4
        {
            check.fail("headstamp", &h.id, "year_digits must be 2 or 4");
        }
        if h.code.trim().is_empty() {
            check.fail("headstamp", &h.id, "has an empty code");
        }
        check.years("headstamp", &h.id, h.from, h.to);
    }
    check.problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/mini-library.toml");

    fn problems_with(extra: &str) -> Vec<String> {
        let text = format!("{FIXTURE}\n{extra}");
        let (parsed, mut problems) = parse_files(&[("test.toml".into(), text)]);
        problems.extend(validate(&parsed));
        problems.iter().map(ToString::to_string).collect()
    }

    fn assert_refused(extra: &str, expected: &str) {
        let problems = problems_with(extra);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected a problem containing {expected:?}, got {problems:?}"
        );
    }

    #[test]
    fn the_shipped_reference_data_is_sound() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reference-data");
        let files = super::super::files::read_dir(&dir).unwrap();
        let (parsed, mut problems) = parse_files(&files);
        problems.extend(validate(&parsed));
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_fixture_is_sound() {
        assert_eq!(problems_with(""), Vec::<String>::new());
    }

    #[test]
    fn an_entry_without_a_source_is_refused() {
        let entry = "[[calibre]]\nid = \"5.45x39mm\"\nname = \"5.45\"\ncategory = \"rifle\"\nconfidence = \"high\"";
        assert_refused(entry, "test.toml: calibre '5.45x39mm': cites no source");
    }

    #[test]
    fn an_entry_citing_a_missing_source_is_refused() {
        let entry = "[[calibre]]\nid = \"5.45x39mm\"\nname = \"5.45\"\ncategory = \"rifle\"\nsources = [\"nowhere\"]\nconfidence = \"high\"";
        assert_refused(entry, "cites source 'nowhere', which does not exist");
    }

    #[test]
    fn an_entry_without_a_confidence_is_refused() {
        let entry = "[[calibre]]\nid = \"5.45x39mm\"\nname = \"5.45\"\ncategory = \"rifle\"\nsources = [\"fixture\"]";
        assert_refused(entry, "states no confidence");
    }

    #[test]
    fn a_duplicate_id_is_refused() {
        let entry = "[[calibre]]\nid = \"9x19mm\"\nname = \"again\"\ncategory = \"pistol\"\nsources = [\"fixture\"]\nconfidence = \"high\"";
        assert_refused(entry, "calibre '9x19mm': duplicate id");
    }

    #[test]
    fn a_dangling_reference_is_refused() {
        let entry = "[[marking]]\nid = \"x\"\nkind = \"factory-code\"\nappearance = \"x\"\ntext = \"X\"\nmeaning = \"x\"\nmanufacturer = \"zz-nobody\"\nmodels = [\"no-model\"]\nsources = [\"fixture\"]\nconfidence = \"low\"";
        assert_refused(
            entry,
            "refers to manufacturer 'zz-nobody', which does not exist",
        );
        assert_refused(entry, "refers to model 'no-model', which does not exist");
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_refused() {
        let entry = "[[marking]]\nid = \"x\"\nkind = \"year-code\"\nappearance = \"x\"\npattern = \"(19[0-9\"\nmeaning = \"x\"\nsources = [\"fixture\"]\nconfidence = \"low\"";
        assert_refused(entry, "pattern does not compile");
    }

    #[test]
    fn unknown_types_kinds_and_trait_values_are_refused() {
        let model = "[[model]]\nid = \"m\"\nname = \"M\"\nfamily = \"f\"\ntype = \"laser\"\ntraits = { stock = [\"wooden\"], colour = [\"red\"] }\nsources = [\"fixture\"]\nconfidence = \"low\"";
        assert_refused(model, "type 'laser' is not one of");
        assert_refused(model, "trait stock = 'wooden' is not one of");
        assert_refused(model, "unknown trait 'colour'");
        let marking = "[[marking]]\nid = \"x\"\nkind = \"rumour\"\nappearance = \"x\"\ntext = \"X\"\nmeaning = \"x\"\nsources = [\"fixture\"]\nconfidence = \"low\"";
        assert_refused(marking, "kind 'rumour' is not one of");
    }

    #[test]
    fn unknown_fields_and_bad_syntax_name_the_file() {
        assert_refused(
            "[[calibre]]\nid = \"a\"\nnmae = \"typo\"",
            "test.toml:226: (file): not valid TOML: unknown field `nmae`",
        );
        assert_refused("[[calibre]\n", "test.toml:224: (file): not valid TOML");
    }

    #[test]
    fn a_source_must_be_findable() {
        let nowhere = "[[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"";
        assert_refused(nowhere, "source 's': gives neither a url nor a reference");
        let odd = "[[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"file:///etc\"";
        assert_refused(odd, "is not an http(s) address");
    }

    #[test]
    fn a_marking_needs_something_to_match() {
        let entry = "[[marking]]\nid = \"x\"\nkind = \"proof\"\nappearance = \"x\"\nmeaning = \"x\"\nsources = [\"fixture\"]\nconfidence = \"low\"";
        assert_refused(entry, "needs at least one of symbol, text or pattern");
    }
}
