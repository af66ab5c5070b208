//! What a mark, headstamp, model name or calibre says, as an officer describes it.
//!
//! Marks are often symbols, and officers describe them in words: `66 in a triangle`, `/66\`,
//! `triangle 66`, `((10))`, `arrow in triangle`, `star`; or type the text as printed: `ИЖ`,
//! `56式`, `LC 78`. An ambiguous description returns every reading it supports, each with its
//! confidence; a description with nothing behind it returns no reading and the nearest spellings.

use std::collections::BTreeSet;

use serde::Serialize;

use super::normalize::{squash_spaces, text_key};
use super::pattern::Pattern;
use super::schema::{Confidence, Marking};
use super::{Catalog, closest, confidence_str};

/// A mark as described: an enclosing shape or glyph, what is inside it, and the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Described {
    pub symbol: Option<String>,
    pub inner: Option<String>,
    pub text: String,
}

/// How well a reading fits the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Part of the description fits (for example the code, with no shape given).
    Partial,
    Exact,
}

/// One thing the description may mean.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub marking_id: String,
    pub kind: String,
    pub meaning: String,
    pub country: Option<String>,
    pub manufacturer: Option<String>,
    pub confidence: String,
    #[serde(rename = "match")]
    pub fit: Fit,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveats: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    rank: Option<Confidence>,
}

/// Every reading of one input, best first.
#[derive(Debug, Clone, Serialize)]
pub struct Decoded {
    pub input: String,
    pub matches: Vec<Reading>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

const SHAPE_WORDS: &[(&str, &str)] = &[
    ("concentric circles", "double-circle"),
    ("double circle", "double-circle"),
    ("double-circle", "double-circle"),
    ("double ring", "double-circle"),
    ("two circles", "double-circle"),
    ("cross in a circle", "cross-in-circle"),
    ("cross in circle", "cross-in-circle"),
    ("cross-in-circle", "cross-in-circle"),
    ("circled cross", "cross-in-circle"),
    ("triangle", "triangle"),
    ("circle", "circle"),
    ("ring", "circle"),
    ("oval", "oval"),
    ("ellipse", "oval"),
    ("rhombus", "rhombus"),
    ("diamond", "rhombus"),
    ("lozenge", "rhombus"),
    ("square", "square"),
    ("rectangle", "square"),
    ("box", "square"),
    ("shield", "shield"),
    ("wreath", "wreath"),
    ("keystone", "keystone"),
    ("star", "star"),
    ("arrow", "arrow"),
];

/// Glyphs that can sit inside a shape, written as words.
const GLYPH_WORDS: &[&str] = &[
    "arrow",
    "star",
    "cross",
    "hammer and sickle",
    "crown",
    "eagle",
];

fn inner_key(inner: &str) -> String {
    let lower = inner.trim().to_lowercase();
    let lower = lower
        .trim_start_matches("an ")
        .trim_start_matches("a ")
        .trim_start_matches("the ")
        .trim();
    if GLYPH_WORDS.contains(&lower) {
        lower.to_owned()
    } else {
        text_key(lower)
    }
}

/// Reads the shape and inner code out of a description.
pub fn describe(input: &str) -> Described {
    let text = squash_spaces(input.trim());
    let lower = text.to_lowercase();
    let with = |symbol: &str, inner: &str| Described {
        symbol: Some(symbol.to_owned()),
        inner: Some(inner_key(inner)).filter(|i| !i.is_empty()),
        text: text.clone(),
    };

    // Notations: /66\  ((10))  (10)  <7>  [5]
    let wrapped = |open: &str, close: &str| {
        lower
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
            .map(str::trim)
            .filter(|inner| !inner.is_empty())
    };
    for (open, close, symbol) in [
        ("/", "\\", "triangle"),
        ("((", "))", "double-circle"),
        ("(", ")", "circle"),
        ("<", ">", "rhombus"),
        ("[", "]", "square"),
    ] {
        if let Some(inner) = wrapped(open, close) {
            return with(symbol, inner);
        }
    }
    // Symbols as printed: △66, ◎10, ★, ⊕
    for (glyphs, symbol) in [
        ("△▲∆Δ", "triangle"),
        ("◎", "double-circle"),
        ("○◯", "circle"),
        ("◇◆", "rhombus"),
        ("□■", "square"),
        ("★☆", "star"),
        ("⊕", "cross-in-circle"),
    ] {
        let stripped = lower.trim_matches(|c: char| glyphs.contains(c)).trim();
        if stripped.len() != lower.len() {
            return with(symbol, stripped);
        }
    }
    // Words: "66 in a triangle", "arrow inside triangle", "triangle 66", "triangle with 66".
    for (word, symbol) in SHAPE_WORDS {
        if lower == *word {
            return with(symbol, "");
        }
        for joiner in [
            " in an ",
            " in a ",
            " in the ",
            " inside an ",
            " inside a ",
            " inside ",
            " within a ",
            " within ",
            " in ",
        ] {
            if let Some(inner) = lower
                .strip_suffix(word)
                .and_then(|r| r.strip_suffix(joiner))
            {
                return with(symbol, inner);
            }
        }
        if let Some(rest) = lower.strip_prefix(word)
            && rest.starts_with(' ')
        {
            let rest = rest.trim();
            let rest = rest
                .strip_prefix("with an ")
                .or_else(|| rest.strip_prefix("with a "))
                .or_else(|| rest.strip_prefix("with "))
                .or_else(|| rest.strip_prefix("containing "))
                .unwrap_or(rest);
            return with(symbol, rest);
        }
    }
    Described {
        symbol: None,
        inner: None,
        text,
    }
}

/// A marking profile ready to match: its pattern compiled once.
#[derive(Debug)]
struct Profile<'a> {
    marking: &'a Marking,
    pattern: Option<Pattern>,
    keys: Vec<String>,
    inner: Option<String>,
}

/// Comparison keys computed once per decoder, not once per input.
#[derive(Debug, Default)]
struct Keys {
    /// per manufacturer: name and alias keys, factory-code keys
    maker_names: Vec<Vec<String>>,
    maker_codes: Vec<Vec<String>>,
    /// per model: name and alias keys
    model_names: Vec<Vec<String>>,
    /// per headstamp: code key
    headstamp_codes: Vec<String>,
}

fn keys_of<'s>(texts: impl IntoIterator<Item = &'s String>) -> Vec<String> {
    texts
        .into_iter()
        .map(|t| text_key(t))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Decodes descriptions against one catalog. Build once, decode many.
#[derive(Debug)]
pub struct Decoder<'a> {
    catalog: &'a Catalog,
    profiles: Vec<Profile<'a>>,
    keys: Keys,
    this_year: i32,
}

impl<'a> Decoder<'a> {
    /// `this_year` bounds two-digit headstamp years (a `78` is 1978, not 2078).
    pub fn new(catalog: &'a Catalog, this_year: i32) -> Decoder<'a> {
        let profiles = catalog
            .markings
            .iter()
            .map(|m| Profile {
                marking: m,
                // Patterns are checked at build time; one that fails here is skipped, not fatal.
                pattern: m.pattern.as_deref().and_then(|p| Pattern::compile(p).ok()),
                keys: keys_of(m.text.iter().chain(&m.aliases)),
                inner: m.inner.as_deref().map(inner_key),
            })
            .collect();
        let keys = Keys {
            maker_names: catalog
                .manufacturers
                .iter()
                .map(|m| keys_of(std::iter::once(&m.name).chain(&m.aliases)))
                .collect(),
            maker_codes: catalog
                .manufacturers
                .iter()
                .map(|m| keys_of(&m.factory_codes))
                .collect(),
            model_names: catalog
                .models
                .iter()
                .map(|m| keys_of(std::iter::once(&m.name).chain(&m.aliases)))
                .collect(),
            headstamp_codes: catalog
                .headstamps
                .iter()
                .map(|h| text_key(&h.code))
                .collect(),
        };
        Decoder {
            catalog,
            profiles,
            keys,
            this_year,
        }
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// Every reading `input` supports, best first.
    pub fn decode(&self, input: &str) -> Decoded {
        let described = describe(input);
        let mut readings = Vec::new();
        if described.symbol.is_some() {
            self.shaped(&described, &mut readings);
        } else {
            self.textual(&described.text, &mut readings);
        }
        readings.sort_by(|a, b| {
            b.fit
                .cmp(&a.fit)
                .then(b.rank.cmp(&a.rank))
                .then(a.marking_id.cmp(&b.marking_id))
                .then(b.year.cmp(&a.year))
        });
        let mut seen = BTreeSet::new();
        readings.retain(|r| seen.insert((r.marking_id.clone(), r.year)));
        let suggestions = if readings.is_empty() {
            self.near_spellings(&described.text)
        } else {
            Vec::new()
        };
        Decoded {
            input: input.to_owned(),
            matches: readings,
            suggestions,
        }
    }

    fn shaped(&self, described: &Described, out: &mut Vec<Reading>) {
        let symbol = described.symbol.as_deref();
        let inner = described.inner.as_deref();
        for p in &self.profiles {
            let m = p.marking;
            if m.symbol.as_deref() != symbol {
                continue;
            }
            let fit = match (inner, p.inner.as_deref(), &p.pattern) {
                (Some(given), Some(known), _) if given == known => Fit::Exact,
                // A profile for a family of codes: "a factory number in a triangle".
                (Some(given), None, Some(pattern)) if pattern.matches(given).is_some() => {
                    Fit::Exact
                }
                (None, None, None) => Fit::Exact,
                (None, Some(_), _) | (None, None, Some(_)) => Fit::Partial,
                _ => continue,
            };
            let note = (fit == Fit::Partial)
                .then(|| "same symbol; what is inside it was not given".to_owned());
            out.push(self.reading(m, fit, None, note));
        }
        // A code in a shape may still be a maker's factory code the library has no profile for.
        if let Some(code) = inner {
            self.factory_codes(code, Fit::Partial, out);
        }
    }

    fn textual(&self, text: &str, out: &mut Vec<Reading>) {
        let key = text_key(text);
        if key.is_empty() {
            return;
        }
        for p in &self.profiles {
            let m = p.marking;
            if p.keys.contains(&key) {
                out.push(self.reading(m, Fit::Exact, None, None));
            } else if let Some(found) = p.pattern.as_ref().and_then(|re| re.matches(text)) {
                // A serial format fits many strings; it says something only of a serial. A
                // pattern for the code inside a symbol holds only if the code sits in one.
                let (fit, note) = if m.kind == "serial-format" {
                    let note =
                        "fits this serial-number format: meaningful only if it is the serial";
                    (Fit::Partial, Some(note.to_owned()))
                } else if let Some(shape) = &m.symbol {
                    let note = format!("only if the code sits in a {shape}: no shape was given");
                    (Fit::Partial, Some(note))
                } else {
                    (Fit::Exact, None)
                };
                out.push(self.reading(m, fit, found.year, note));
            } else if m.symbol.is_some() && p.inner.as_ref() == Some(&key) {
                let shape = m.symbol.as_deref().unwrap_or("symbol");
                let note = format!("only if the code sits in a {shape}: no shape was given");
                out.push(self.reading(m, Fit::Partial, None, Some(note)));
            }
        }
        self.factory_codes(&key, Fit::Partial, out);
        self.headstamps(text, out);
        self.makers_and_models(&key, out);
        for calibre in self.catalog.calibres_matching(text) {
            if let Some(c) = self.catalog.calibres.iter().find(|c| c.id == calibre) {
                out.push(Reading {
                    marking_id: format!("calibre:{}", c.id),
                    kind: "calibre".into(),
                    meaning: format!("calibre {}", c.name),
                    country: None,
                    manufacturer: None,
                    confidence: confidence_str(c.confidence).into(),
                    fit: Fit::Exact,
                    year: None,
                    models: Vec::new(),
                    caveats: c.notes.clone(),
                    note: None,
                    rank: c.confidence,
                });
            }
        }
    }

    /// Makers whose factory code this is, unless a profile already gave that maker's reading.
    fn factory_codes(&self, code: &str, fit: Fit, out: &mut Vec<Reading>) {
        for (maker, codes) in self
            .catalog
            .manufacturers
            .iter()
            .zip(&self.keys.maker_codes)
        {
            let covered = out
                .iter()
                .any(|r| r.manufacturer.as_deref() == Some(maker.id.as_str()));
            if !covered && codes.iter().any(|c| c == code) {
                out.push(Reading {
                    marking_id: format!("manufacturer:{}", maker.id),
                    kind: "factory-code".into(),
                    meaning: format!(
                        "factory code {code} of {}, {}",
                        maker.name,
                        self.catalog.country_name(&maker.country)
                    ),
                    country: Some(maker.country.clone()),
                    manufacturer: Some(maker.id.clone()),
                    confidence: confidence_str(maker.confidence).into(),
                    fit,
                    year: None,
                    models: Vec::new(),
                    caveats: None,
                    note: Some("the code is the maker's; how it is framed was not matched".into()),
                    rank: maker.confidence,
                });
            }
        }
    }

    fn headstamps(&self, text: &str, out: &mut Vec<Reading>) {
        let tokens: Vec<String> = text
            .split(|c: char| c.is_whitespace() || "/\\|,;-.".contains(c))
            .map(text_key)
            .filter(|t| !t.is_empty())
            .collect();
        for (h, code) in self
            .catalog
            .headstamps
            .iter()
            .zip(&self.keys.headstamp_codes)
        {
            // The code as printed may itself hold spaces or punctuation (R-P, RR CO, R/|\L):
            // look for it as any run of tokens; what is left may be its year.
            let span = (0..tokens.len()).find_map(|start| {
                (start + 1..=tokens.len())
                    .find(|end| tokens[start..*end].concat() == *code)
                    .map(|end| (start, end))
            });
            let Some((start, end)) = span else {
                continue;
            };
            let others: Vec<&String> = tokens[..start].iter().chain(&tokens[end..]).collect();
            let years = match (h.year_digits, others.as_slice()) {
                (Some(digits), [year])
                    if year.len() == usize::from(digits)
                        && year.chars().all(|c| c.is_ascii_digit()) =>
                {
                    self.years(year, digits, h.from, h.to)
                }
                (_, []) => vec![None],
                // Other tokens that are not a year this headstamp carries: not this headstamp.
                _ => continue,
            };
            for year in years {
                out.push(Reading {
                    marking_id: h.id.clone(),
                    kind: "headstamp".into(),
                    meaning: h.meaning.clone(),
                    country: Some(h.country.clone()),
                    manufacturer: h.manufacturer.clone(),
                    confidence: confidence_str(h.confidence).into(),
                    fit: Fit::Exact,
                    year,
                    models: Vec::new(),
                    caveats: h.caveats.clone(),
                    note: h.layout.clone(),
                    rank: h.confidence,
                });
            }
        }
    }

    /// The full years a headstamp year code may stand for, within the plant's known period.
    fn years(
        &self,
        code: &str,
        digits: u8,
        from: Option<i32>,
        to: Option<i32>,
    ) -> Vec<Option<i32>> {
        let Ok(value) = code.parse::<i32>() else {
            return vec![None];
        };
        // The 1800s only for a plant whose known period reaches back there (RL 90 is 1890).
        let old_plant =
            from.is_some_and(|f| f < 1900) || (from.is_none() && to.is_some_and(|t| t < 2000));
        let candidates: Vec<i32> = match (digits, old_plant) {
            (4, _) => vec![value],
            (_, true) => vec![1800 + value, 1900 + value, 2000 + value],
            (_, false) => vec![1900 + value, 2000 + value],
        };
        let upper = to.unwrap_or(self.this_year).min(self.this_year);
        // Most recent first: both centuries may fit a plant whose start is not known.
        let fitting: Vec<Option<i32>> = candidates
            .into_iter()
            .rev()
            .filter(|y| *y <= upper && from.is_none_or(|f| *y >= f))
            .map(Some)
            .collect();
        if fitting.is_empty() {
            vec![None]
        } else {
            fitting
        }
    }

    fn makers_and_models(&self, key: &str, out: &mut Vec<Reading>) {
        for (maker, names) in self
            .catalog
            .manufacturers
            .iter()
            .zip(&self.keys.maker_names)
        {
            if names.iter().any(|n| n == key) {
                out.push(Reading {
                    marking_id: format!("manufacturer:{}", maker.id),
                    kind: "manufacturer".into(),
                    meaning: format!(
                        "{}, {}",
                        maker.name,
                        self.catalog.country_name(&maker.country)
                    ),
                    country: Some(maker.country.clone()),
                    manufacturer: Some(maker.id.clone()),
                    confidence: confidence_str(maker.confidence).into(),
                    fit: Fit::Exact,
                    year: None,
                    models: Vec::new(),
                    caveats: None,
                    note: None,
                    rank: maker.confidence,
                });
            }
        }
        for (model, names) in self.catalog.models.iter().zip(&self.keys.model_names) {
            if names.iter().any(|n| n == key) {
                let country = match model.countries.as_slice() {
                    [one] => Some(one.clone()),
                    _ => None,
                };
                out.push(Reading {
                    marking_id: format!("model:{}", model.id),
                    kind: "model-designation".into(),
                    meaning: format!(
                        "{} ({} family, {})",
                        model.name, model.family, model.weapon_type
                    ),
                    country,
                    manufacturer: match model.producers.as_slice() {
                        [one] => Some(one.manufacturer.clone()),
                        _ => None,
                    },
                    confidence: confidence_str(model.confidence).into(),
                    fit: Fit::Exact,
                    year: None,
                    models: vec![model.id.clone()],
                    caveats: None,
                    note: None,
                    rank: model.confidence,
                });
            }
        }
    }

    fn reading(&self, m: &Marking, fit: Fit, year: Option<i32>, note: Option<String>) -> Reading {
        Reading {
            marking_id: m.id.clone(),
            kind: m.kind.clone(),
            meaning: m.meaning.clone(),
            country: m.country.clone(),
            manufacturer: m.manufacturer.clone(),
            confidence: confidence_str(m.confidence).into(),
            fit,
            year,
            models: m.models.clone(),
            caveats: m.caveats.clone(),
            note,
            rank: m.confidence,
        }
    }

    /// The library's spellings closest to an input that matched nothing.
    fn near_spellings(&self, text: &str) -> Vec<String> {
        let c = self.catalog;
        let written: Vec<&str> = c
            .markings
            .iter()
            .flat_map(|m| m.text.iter().chain(&m.aliases))
            .chain(
                c.models
                    .iter()
                    .flat_map(|m| std::iter::once(&m.name).chain(&m.aliases)),
            )
            .chain(
                c.manufacturers
                    .iter()
                    .flat_map(|m| std::iter::once(&m.name).chain(&m.aliases)),
            )
            .chain(c.headstamps.iter().map(|h| &h.code))
            .chain(
                c.calibres
                    .iter()
                    .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases)),
            )
            .map(String::as_str)
            .collect();
        closest(text, written, 5)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::refdata::fixture;

    fn shape(input: &str) -> (Option<String>, Option<String>) {
        let d = describe(input);
        (d.symbol, d.inner)
    }

    fn ids(decoded: &Decoded) -> Vec<&str> {
        decoded
            .matches
            .iter()
            .map(|r| r.marking_id.as_str())
            .collect()
    }

    #[test]
    fn the_common_ways_of_writing_a_shaped_mark_agree() {
        let expected = (Some("triangle".to_owned()), Some("66".to_owned()));
        for written in [
            "66 in a triangle",
            "/66\\",
            "triangle 66",
            "66 inside a triangle",
            "△66",
            "Triangle with 66",
        ] {
            assert_eq!(shape(written), expected, "{written}");
        }
        let double = (Some("double-circle".to_owned()), Some("10".to_owned()));
        for written in ["10 in a double circle", "((10))", "double circle 10", "◎10"] {
            assert_eq!(shape(written), double, "{written}");
        }
        assert_eq!(
            shape("arrow in triangle"),
            (Some("triangle".into()), Some("arrow".into()))
        );
        assert_eq!(
            shape("an arrow in a triangle"),
            (Some("triangle".into()), Some("arrow".into()))
        );
        assert_eq!(shape("star"), (Some("star".into()), None));
        assert_eq!(shape("(11)"), (Some("circle".into()), Some("11".into())));
        assert_eq!(
            shape("11 in an oval"),
            (Some("oval".into()), Some("11".into()))
        );
        assert_eq!(
            shape("cross in a circle"),
            (Some("cross-in-circle".into()), None)
        );
        assert_eq!(shape("ИЖ"), (None, None));
        assert_eq!(shape("LC 78"), (None, None));
    }

    #[test]
    fn a_shaped_mark_decodes_to_its_profile() {
        let catalog = fixture::catalog();
        let decoder = Decoder::new(&catalog, 2026);
        let decoded = decoder.decode("11 in a triangle");
        assert_eq!(ids(&decoded)[0], "aa-11-triangle");
        assert_eq!(decoded.matches[0].fit, Fit::Exact);
        assert_eq!(decoded.matches[0].country.as_deref(), Some("AA"));
    }

    #[test]
    fn an_ambiguous_mark_returns_every_reading_best_first() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("arrow in triangle");
        assert_eq!(ids(&decoded), ["aa-arrow-triangle", "bb-arrow-triangle"]);
        assert_eq!(decoded.matches[1].confidence, "low");
        assert!(decoded.matches[1].caveats.is_some());
    }

    #[test]
    fn a_bare_code_offers_every_frame_it_could_sit_in() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("11");
        let found = ids(&decoded);
        assert!(found.contains(&"aa-11-triangle"), "{found:?}");
        assert!(found.contains(&"hs-aa-11"), "{found:?}");
        let partial = decoded
            .matches
            .iter()
            .find(|r| r.marking_id == "aa-11-triangle")
            .unwrap();
        assert_eq!(partial.fit, Fit::Partial);
    }

    #[test]
    fn text_marks_match_across_scripts() {
        let catalog = fixture::catalog();
        let decoder = Decoder::new(&catalog, 2026);
        assert!(ids(&decoder.decode("РА")).contains(&"ra-designation"));
        assert!(ids(&decoder.decode("RA")).contains(&"ra-designation"));
        assert!(ids(&decoder.decode("ra")).contains(&"model:rifle-a"));
    }

    #[test]
    fn patterns_capture_the_year() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("AA-1961");
        assert_eq!(decoded.matches[0].marking_id, "aa-year");
        assert_eq!(decoded.matches[0].year, Some(1961));
    }

    #[test]
    fn headstamp_years_stay_within_the_plant_period_and_the_present() {
        let catalog = fixture::catalog();
        let decoder = Decoder::new(&catalog, 2026);
        let old = decoder.decode("11 78");
        assert_eq!(
            old.matches
                .iter()
                .filter_map(|r| r.year)
                .collect::<Vec<_>>(),
            [1978]
        );
        let recent = decoder.decode("11 / 05");
        assert_eq!(
            recent
                .matches
                .iter()
                .filter_map(|r| r.year)
                .collect::<Vec<_>>(),
            [2005]
        );
        // A token that is no year of this headstamp means it is not this headstamp.
        assert!(!ids(&decoder.decode("11 ABC")).contains(&"hs-aa-11"));
    }

    #[test]
    fn headstamp_codes_match_as_printed_with_their_punctuation() {
        let catalog = fixture::catalog();
        let decoder = Decoder::new(&catalog, 2026);
        for written in ["B/|\\W 90", "BW 90", "B-W 90", "b w 90"] {
            let decoded = decoder.decode(written);
            let years: Vec<i32> = decoded.matches.iter().filter_map(|r| r.year).collect();
            assert_eq!(years, [1890], "{written}: {decoded:?}");
        }
        // Without a known start, both centuries that fit are readings, the later first.
        let both = decoder.decode("BW 45");
        assert_eq!(
            both.matches
                .iter()
                .filter_map(|r| r.year)
                .collect::<Vec<_>>(),
            [1945, 1845]
        );
    }

    #[test]
    fn a_calibre_decodes_as_a_calibre() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("7,62 x 39");
        assert_eq!(ids(&decoded), ["calibre:7.62x39mm"]);
    }

    #[test]
    fn nothing_behind_a_mark_gives_near_spellings() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("Works Onw");
        assert!(decoded.matches.is_empty());
        assert_eq!(
            decoded.suggestions.first().map(String::as_str),
            Some("Works One")
        );
    }

    proptest! {
        #[test]
        fn any_text_decodes_without_panic(s in "\\PC{0,40}") {
            let catalog = fixture::catalog();
            let decoder = Decoder::new(&catalog, 2026);
            let decoded = decoder.decode(&s);
            prop_assert_eq!(decoded.input, s);
        }

        #[test]
        fn notation_and_words_agree(code in "[0-9]{1,3}") {
            prop_assert_eq!(shape(&format!("/{code}\\")), shape(&format!("{code} in a triangle")));
            prop_assert_eq!(shape(&format!("(({code}))")), shape(&format!("{code} in a double circle")));
        }
    }
}
