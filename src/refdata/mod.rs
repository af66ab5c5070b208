//! The reference library: weapons, marking profiles, headstamps, calibres, makers, countries.
//!
//! Compiled from `reference-data/*.toml` at build time into an SQLite image that is embedded in
//! the binary and opened read-only in memory: no file beside the binary, nothing to install.

pub mod check;
pub mod compile;
pub mod coverage;
pub mod decode;
pub mod files;
pub mod fold;
pub mod image;
pub mod keys;
pub mod normalize;
pub mod pattern;
pub mod schema;
pub mod validate;

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use self::image::{EngineImage, Names};
use self::keys::MatchKeys;
use self::normalize::calibre_key;
use self::schema::{
    Calibre, Confidence, Country, Headstamp, Manufacturer, Marking, Model, Source, Trait,
};

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/refdata.sqlite3"));
static ENGINE_IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/engine.postcard"));

/// What can go wrong when reading the library.
#[derive(Debug, thiserror::Error)]
pub enum RefError {
    #[error("reference database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("reference entry is malformed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the embedded engine image is malformed: {0}")]
    Image(#[from] postcard::Error),
    #[error("{}", said::not_found(.id, .suggestions))]
    NotFound {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("{}", crate::t!("ref-empty-query"))]
    EmptyQuery,
    #[error("{}", said::unknown_calibre(.input, .suggestions))]
    UnknownCalibre {
        input: String,
        suggestions: Vec<String>,
    },
    #[error("{}", said::ambiguous_calibre(.input, .options))]
    AmbiguousCalibre { input: String, options: Vec<String> },
    #[error("{}", said::unknown_value(.field, .value, .suggestions))]
    UnknownValue {
        field: String,
        value: String,
        suggestions: Vec<String>,
    },
}

/// The library's errors in the officer's language.
mod said {
    use super::suggest;
    use crate::t;

    pub fn not_found(id: &str, suggestions: &[String]) -> String {
        t!("ref-not-found", id = id, suggestions = suggest(suggestions))
    }

    pub fn unknown_calibre(input: &str, suggestions: &[String]) -> String {
        t!(
            "ref-unknown-calibre",
            input = input,
            suggestions = suggest(suggestions)
        )
    }

    pub fn ambiguous_calibre(input: &str, options: &[String]) -> String {
        t!(
            "ref-ambiguous-calibre",
            input = input,
            options = options.join(", ")
        )
    }

    pub fn unknown_value(field: &str, value: &str, suggestions: &[String]) -> String {
        t!(
            "ref-unknown-value",
            field = crate::i18n::shown("field", field),
            value = value,
            suggestions = suggest(suggestions)
        )
    }
}

/// ` (did you mean 'a', 'b'?)`, or nothing.
pub fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
        crate::t!("did-you-mean", options = quoted.join(", "))
    }
}

/// The closest of `candidates` to `input`, best first, at most `limit`.
pub fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<String> {
    let input = input.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Counts, version and fingerprint of the library (`ref stats`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub models: u64,
    pub markings: u64,
    pub manufacturers: u64,
    pub calibres: u64,
    pub headstamps: u64,
    pub countries: u64,
    pub sources: u64,
    pub data_version: String,
    pub sha256: String,
}

/// One entry with the sources it cites (`ref show`).
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub kind: String,
    pub id: String,
    pub entry: serde_json::Value,
    pub sources: Vec<Source>,
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: String,
    pub id: String,
    pub name: String,
    pub confidence: Option<String>,
}

/// Narrows a search.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// entry kind: model, marking, headstamp, calibre, manufacturer, country, source
    pub kind: Option<String>,
    pub weapon_type: Option<String>,
    pub calibre: Option<String>,
    pub country: Option<String>,
}

/// The embedded library, open.
#[derive(Debug)]
pub struct RefData {
    conn: Connection,
}

pub const ENTRY_KINDS: &[&str] = &[
    "model",
    "marking",
    "headstamp",
    "calibre",
    "manufacturer",
    "country",
    "source",
    "trait",
];

impl RefData {
    /// Opens the library compiled into this binary. No copy is made of its bytes.
    pub fn open_embedded() -> Result<RefData, RefError> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_bytes(rusqlite::MAIN_DB, EMBEDDED)?;
        conn.execute_batch("PRAGMA query_only = ON;")?;
        Ok(RefData { conn })
    }

    pub fn stats(&self) -> Result<Stats, RefError> {
        let count = |kind: &str| -> Result<u64, RefError> {
            let n: i64 = self.conn.query_row(
                "SELECT count(*) FROM entries WHERE kind = ?1",
                [kind],
                |r| r.get(0),
            )?;
            Ok(n.unsigned_abs())
        };
        let meta = |key: &str| -> Result<String, RefError> {
            Ok(self
                .conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))?)
        };
        Ok(Stats {
            models: count("model")?,
            markings: count("marking")?,
            manufacturers: count("manufacturer")?,
            calibres: count("calibre")?,
            headstamps: count("headstamp")?,
            countries: count("country")?,
            sources: count("source")?,
            data_version: meta("data_version")?,
            sha256: meta("sha256")?,
        })
    }

    /// One entry by id, with its sources. Unknown ids get the closest ids as suggestions.
    pub fn show(&self, id: &str) -> Result<Entry, RefError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT kind, json FROM entries WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((kind, json)) = row else {
            let ids = self.all_ids()?;
            return Err(RefError::NotFound {
                id: id.to_owned(),
                suggestions: closest(id, ids.iter().map(String::as_str), 5),
            });
        };
        let mut stmt = self.conn.prepare(
            "SELECT e.json FROM entry_sources s JOIN entries e ON e.id = s.source_id
             WHERE s.entry_id = ?1 ORDER BY s.source_id",
        )?;
        let sources = stmt
            .query_map([id], |r| r.get::<_, String>(0))?
            .map(|json| Ok(serde_json::from_str(&json?)?))
            .collect::<Result<Vec<Source>, RefError>>()?;
        Ok(Entry {
            kind,
            id: id.to_owned(),
            entry: serde_json::from_str(&json)?,
            sources,
        })
    }

    fn all_ids(&self) -> Result<Vec<String>, RefError> {
        let mut stmt = self.conn.prepare("SELECT id FROM entries")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }

    /// Full-text search over names, aliases, features, meanings and notes; best first.
    /// Sources are searched only when asked for by kind: they would drown the entries.
    /// Returns the best `limit` hits and how many there are in all.
    pub fn search(
        &self,
        query: &str,
        filter: &SearchFilter,
        limit: usize,
    ) -> Result<(Vec<Hit>, usize), RefError> {
        let fts_query = fts_query(query).ok_or(RefError::EmptyQuery)?;
        let calibre = match &filter.calibre {
            Some(text) => Some(self.names()?.resolve_calibre(text)?),
            None => None,
        };
        const MATCHING: &str = "FROM entries_fts f JOIN entries e ON e.id = f.id
             WHERE entries_fts MATCH ?1
               AND (f.kind = ?2 OR (?2 IS NULL AND f.kind NOT IN ('source', 'trait')))
               AND (?3 IS NULL OR f.weapon_type = ?3)
               AND (?4 IS NULL OR (' ' || f.calibres || ' ') LIKE '% ' || ?4 || ' %')
               AND (?5 IS NULL OR (' ' || f.countries || ' ') LIKE '% ' || ?5 || ' %')";
        let country = filter.country.as_ref().map(|c| c.to_uppercase());
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) {MATCHING}"),
            params![fts_query, filter.kind, filter.weapon_type, calibre, country],
            |r| r.get(0),
        )?;
        // An entry whose name begins with the words asked for comes before one that only
        // mentions them.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT f.kind, f.id, e.name, e.confidence {MATCHING}
             ORDER BY (lower(e.name) LIKE lower(?7) || '%') DESC,
                      bm25(entries_fts, 0, 0, 0, 0, 0, 10.0, 1.0), f.id
             LIMIT ?6"
        ))?;
        let hits = stmt
            .query_map(
                params![
                    fts_query,
                    filter.kind,
                    filter.weapon_type,
                    calibre,
                    country,
                    i64::try_from(limit).unwrap_or(i64::MAX),
                    query.trim(),
                ],
                |r| {
                    Ok(Hit {
                        kind: r.get(0)?,
                        id: r.get(1)?,
                        name: r.get(2)?,
                        confidence: r.get(3)?,
                    })
                },
            )?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((hits, usize::try_from(total).unwrap_or(0)))
    }

    /// Loads the entries the identification engine and the decoder work on, with their keys.
    pub fn catalog(&self) -> Result<Catalog, RefError> {
        Ok(Catalog::from_image(EngineImage::from_bytes(ENGINE_IMAGE)?))
    }

    /// Only the calibres and countries: what resolving a search filter needs, at a fraction
    /// of the cost of the whole catalog.
    pub fn names(&self) -> Result<Catalog, RefError> {
        let names = Names::from_bytes(ENGINE_IMAGE)?;
        Ok(Catalog {
            calibres: names.calibres,
            countries: names.countries,
            ..Catalog::default()
        }
        .indexed())
    }
}

/// Turns what a person typed into an FTS5 query: every word must appear, as a prefix.
fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split(|c: char| c.is_whitespace() || c == '"' || c == '*')
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(|t| format!("\"{}\"*", t.replace('"', "")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The library's entries in memory, for the decoder and the identification engine.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    pub models: Vec<Model>,
    pub markings: Vec<Marking>,
    pub headstamps: Vec<Headstamp>,
    pub calibres: Vec<Calibre>,
    pub manufacturers: Vec<Manufacturer>,
    pub countries: Vec<Country>,
    pub traits: Vec<Trait>,
    /// (calibre key, calibre id) for every way each calibre is written.
    calibre_keys: Vec<(String, String)>,
    /// Model id -> position in `models`: the engine looks models up by id for every reading
    /// of every model it ranks.
    model_index: HashMap<String, usize>,
    manufacturer_index: HashMap<String, usize>,
    /// Text key of a model's id, name or alias -> the models it names: built when first asked
    /// (an import asks for every row), not by the read-only commands.
    model_names: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
    /// What the decoder compares typed text with, made when the library was built.
    keys: MatchKeys,
}

impl Catalog {
    fn indexed(mut self) -> Catalog {
        /// Id -> position, for lookups by id.
        fn by_id<'e>(ids: impl Iterator<Item = &'e String>) -> HashMap<String, usize> {
            ids.enumerate().map(|(at, id)| (id.clone(), at)).collect()
        }
        self.manufacturer_index = by_id(self.manufacturers.iter().map(|m| &m.id));
        self.model_index = by_id(self.models.iter().map(|m| &m.id));
        self.calibre_keys = self
            .calibres
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.id)
                    .chain(&c.aliases)
                    .chain(std::iter::once(&c.name))
                    .map(|w| (calibre_key(w), c.id.clone()))
            })
            .collect();
        self
    }

    /// Builds a catalog straight from a parsed library (tests and tools).
    pub fn from_library(lib: &schema::Library) -> Catalog {
        Catalog::from_image(EngineImage::whole(lib))
    }

    fn from_image(image: EngineImage) -> Catalog {
        Catalog {
            models: image.models,
            markings: image.markings,
            headstamps: image.headstamps,
            calibres: image.calibres,
            manufacturers: image.manufacturers,
            countries: image.countries,
            traits: image.traits,
            keys: image.keys,
            ..Catalog::default()
        }
        .indexed()
    }

    /// The models whose id, name or an alias has this text key (`normalize::text_key`).
    pub fn models_named(&self, key: &str) -> impl Iterator<Item = &Model> {
        let index = self.model_names.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (at, m) in self.models.iter().enumerate() {
                let names = std::iter::once(&m.id)
                    .chain(std::iter::once(&m.name))
                    .chain(&m.aliases);
                for name in names {
                    let entry = index.entry(normalize::text_key(name)).or_default();
                    if !entry.contains(&at) {
                        entry.push(at);
                    }
                }
            }
            index
        });
        index
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|at| self.models.get(*at))
    }

    pub fn keys(&self) -> &MatchKeys {
        &self.keys
    }

    pub fn model(&self, id: &str) -> Option<&Model> {
        self.model_index.get(id).and_then(|at| self.models.get(*at))
    }

    pub fn manufacturer(&self, id: &str) -> Option<&Manufacturer> {
        self.manufacturer_index
            .get(id)
            .and_then(|at| self.manufacturers.get(*at))
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    pub fn trait_def(&self, key: &str) -> Option<&Trait> {
        self.traits.iter().find(|t| t.key == key)
    }

    /// A trait by its key or by its name in any language (`crosse` is `stock`).
    pub fn trait_named(&self, name: &str) -> Option<&Trait> {
        let fold = |s: &str| fold::fold(s.trim()).to_lowercase();
        let wanted = fold(name);
        self.trait_def(name).or_else(|| {
            self.traits
                .iter()
                .find(|t| t.names.values().any(|n| fold(n) == wanted))
        })
    }

    pub fn country_name(&self, code: &str) -> String {
        self.country(code)
            .map_or_else(|| code.to_owned(), |c| c.name_en.clone())
    }

    /// The calibre an officer means: `7,62 x 39`, `M43` and `7.62×39mm` all give `7.62x39mm`.
    /// An alias shared by several calibres, or an unknown one, is an error with suggestions.
    pub fn resolve_calibre(&self, text: &str) -> Result<String, RefError> {
        match self.calibres_matching(text).as_slice() {
            [one] => Ok((*one).to_owned()),
            [] => {
                let key = calibre_key(text);
                // `9mm`, `7.62`, `.45`: the start of several calibres is a question back, not
                // a guess.
                let mut starting: Vec<String> = Vec::new();
                let inch = key.starts_with('.');
                if !key.is_empty() && key != "." {
                    for (k, id) in &self.calibre_keys {
                        let rest = k.strip_prefix(key.as_str());
                        // `9` + `x19`, `7.62` + `x39`; `.45` + `acp`, `.38` + `special`.
                        let continues = |r: &str| {
                            r.starts_with(['x', 'm'])
                                || (inch && r.starts_with(|c: char| c.is_ascii_alphabetic()))
                        };
                        if rest.is_some_and(continues) && !starting.contains(id) {
                            starting.push(id.clone());
                        }
                    }
                }
                if starting.len() > 1 {
                    return Err(RefError::AmbiguousCalibre {
                        input: text.to_owned(),
                        options: starting,
                    });
                }
                if let [one] = starting.as_slice() {
                    return Ok(one.clone());
                }
                let near = closest(&key, self.calibre_keys.iter().map(|(k, _)| k.as_str()), 8);
                let mut suggestions: Vec<String> = Vec::new();
                for near_key in near {
                    for (_, id) in self.calibre_keys.iter().filter(|(k, _)| *k == near_key) {
                        if !suggestions.contains(id) {
                            suggestions.push(id.clone());
                        }
                    }
                }
                suggestions.truncate(5);
                Err(RefError::UnknownCalibre {
                    input: text.to_owned(),
                    suggestions,
                })
            }
            several => Err(RefError::AmbiguousCalibre {
                input: text.to_owned(),
                options: several.iter().map(|s| (*s).to_owned()).collect(),
            }),
        }
    }

    /// Calibre ids whose id, name or alias folds to the same key as `text`.
    pub fn calibres_matching(&self, text: &str) -> Vec<&str> {
        let key = calibre_key(text);
        let found: BTreeSet<&str> = self
            .calibre_keys
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, id)| id.as_str())
            .collect();
        found.into_iter().collect()
    }
}

/// Confidence as the JSON and text outputs print it.
pub fn confidence_str(confidence: Option<Confidence>) -> &'static str {
    confidence.map_or("unstated", Confidence::as_str)
}

#[cfg(test)]
pub(crate) mod fixture {
    use super::Catalog;
    use super::validate::{parse_files, validate};

    /// The small test library in tests/fixtures, checked like real data.
    pub fn catalog() -> Catalog {
        let text = include_str!("../../tests/fixtures/mini-library.toml");
        let (parsed, mut problems) = parse_files(&[("mini-library.toml".into(), text.into())]);
        problems.extend(validate(&parsed));
        assert!(problems.is_empty(), "fixture problems: {problems:?}");
        Catalog::from_library(&parsed.library)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_library_opens_and_counts_match_its_entries() {
        let refdata = RefData::open_embedded().unwrap();
        let stats = refdata.stats().unwrap();
        let catalog = refdata.catalog().unwrap();
        assert_eq!(stats.models as usize, catalog.models.len());
        assert_eq!(stats.markings as usize, catalog.markings.len());
        assert_eq!(stats.sha256.len(), 64);
    }

    #[test]
    fn calibres_resolve_from_the_spellings_officers_use() {
        let catalog = fixture::catalog();
        for written in [
            "7,62 x 39",
            "7.62×39",
            "7.62x39mm",
            "M43",
            "m43",
            "7.62 X 39 mm",
        ] {
            assert_eq!(
                catalog.resolve_calibre(written).unwrap(),
                "7.62x39mm",
                "{written}"
            );
        }
        for written in ["9mm Parabellum", "9mm Luger", "9 x 19"] {
            assert_eq!(
                catalog.resolve_calibre(written).unwrap(),
                "9x19mm",
                "{written}"
            );
        }
    }

    #[test]
    fn an_unknown_calibre_gets_the_closest_suggestions() {
        let err = fixture::catalog().resolve_calibre("7.62x40").unwrap_err();
        match err {
            RefError::UnknownCalibre { suggestions, .. } => {
                assert_eq!(suggestions.first().map(String::as_str), Some("7.62x39mm"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn search_queries_are_sanitised_for_fts5() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("\"*"), None);
        assert_eq!(fts_query("type 56").as_deref(), Some("\"type\"* \"56\"*"));
        assert_eq!(fts_query("a\"b").as_deref(), Some("\"a\"* \"b\"*"));
    }

    #[test]
    fn search_survives_any_query_text() {
        let refdata = RefData::open_embedded().unwrap();
        for query in [
            "AND", "OR NOT", "NEAR(", "col:x", "^start", "a-b", "56式", "ИЖ", "((10))",
        ] {
            refdata
                .search(query, &SearchFilter::default(), 5)
                .map(|(hits, _)| hits)
                .unwrap_or_else(|e| panic!("{query}: {e}"));
        }
    }
}
