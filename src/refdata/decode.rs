//! What a mark, headstamp, model name or calibre says, as an officer describes it.
//!
//! Marks are often symbols, and officers describe them in words: `66 in a triangle`, `/66\`,
//! `triangle 66`, `((10))`, `10 in two concentric circles`, `66 dans un triangle`; or type
//! the text as printed: `ИЖ`, `56式`, `LC78`, or a whole line off a slide: `GLOCK AUSTRIA
//! 9x19`. An ambiguous description returns every reading it supports, each with its
//! confidence; a whole line returns every mark found in it, each with the words it came
//! from, and the words that were not understood; a misspelt mark is read at reduced
//! confidence and says what it was read as; a description with nothing behind it returns no
//! reading and the nearest spellings.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::i18n::Said;
use crate::said;

use super::fold::{fold, transliterate_cyrillic};
use super::keys::{JOINERS, MatchKeys, PatternBounds, folded_key, glyph, inner_key};
use super::normalize::{squash_spaces, text_key};
use super::pattern::{Pattern, PatternMatch};
use super::schema::{Confidence, Marking, SYMBOLS};
use super::{Catalog, closest, confidence_str};

/// A mark as described: an enclosing shape or glyph, what is inside it, and the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Described {
    pub symbol: Option<String>,
    pub inner: Option<String>,
    pub text: String,
    /// Words read as something close to what was typed (`triangel` as `triangle`).
    pub read_as: Vec<Said>,
}

/// How well a reading fits the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Part of the description fits (for example the code, with no shape given), or the
    /// description was read as something close to it.
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
    /// Every country the reading points to, when it is more than one (a model designation
    /// made in several countries says no single country).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    pub manufacturer: Option<String>,
    pub confidence: String,
    #[serde(rename = "match")]
    pub fit: Fit,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<String>,
    /// The words of the input this reading came from, when the input held several marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveats: Option<Said>,
    /// What the program adds about how this reading was reached (quoted evidence is in
    /// `caveats`): in the officer's language on screen, English in `--json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Said>,
    #[serde(skip)]
    rank: Option<Confidence>,
    /// Matched by a profile for a whole family of codes ("a factory number in an oval"),
    /// not by one for this code: ranks after a profile that names it.
    #[serde(skip)]
    generic: bool,
}

/// Every reading of one input, best first.
#[derive(Debug, Clone, Serialize)]
pub struct Decoded {
    pub input: String,
    pub matches: Vec<Reading>,
    /// Words of a whole inscription that match nothing in the library.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_understood: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

/// Enclosing shapes and stand-alone glyphs, in English and French, singular and plural.
const SHAPE_WORDS: &[(&str, &str)] = &[
    ("triangle", "triangle"),
    ("triangles", "triangle"),
    ("circle", "circle"),
    ("circles", "circle"),
    ("circled", "circle"),
    ("encircled", "circle"),
    ("ring", "circle"),
    ("rings", "circle"),
    ("cercle", "circle"),
    ("cercles", "circle"),
    ("rond", "circle"),
    ("oval", "oval"),
    ("ellipse", "oval"),
    ("ovale", "oval"),
    ("rhombus", "rhombus"),
    ("diamond", "rhombus"),
    ("lozenge", "rhombus"),
    ("losange", "rhombus"),
    ("square", "square"),
    ("rectangle", "square"),
    ("box", "square"),
    ("carre", "square"),
    ("shield", "shield"),
    ("bouclier", "shield"),
    ("ecusson", "shield"),
    ("wreath", "wreath"),
    ("laurel", "wreath"),
    ("couronne de laurier", "wreath"),
    ("keystone", "keystone"),
    ("star", "star"),
    ("etoile", "star"),
    ("arrow", "arrow"),
    ("fleche", "arrow"),
];

/// Symbols that stand alone rather than enclose: when a description names two symbols without
/// saying which holds which (`arrow triangle`), the enclosing one is the frame.
const GLYPH_SYMBOLS: &[&str] = &["star", "arrow", "cross-in-circle"];

fn encloses(symbol: &str) -> bool {
    SYMBOLS.contains(&symbol) && !GLYPH_SYMBOLS.contains(&symbol)
}

/// Words that turn a circle into a double circle.
const DOUBLING: &[&str] = &["double", "two", "concentric", "deux", "doubles"];

/// Words of a stamped line that join marks without being one (`MADE IN ... BY ...`).
const LINE_GLUE: &[&str] = &[
    "made",
    "in",
    "by",
    "of",
    "the",
    "and",
    "cal",
    "calibre",
    "caliber",
    "kal",
    "mod",
    "model",
    "modelo",
    "modele",
    "no",
    "nr",
    "n",
    "serial",
    "ser",
    "pat",
    "patent",
    "co",
    "ltd",
    "inc",
    "corp",
    "sa",
    "spa",
    "gmbh",
    "ag",
    "fabrique",
    "fabricado",
    "hecho",
    "en",
    "par",
    "por",
    "de",
    "du",
    "a",
    "an",
    "for",
    "type",
];

/// The closest of `words` to `typed`, if they are near enough to be a slip of the keyboard:
/// one edit for a word of up to six letters, two for a longer one (with its first letter
/// right); never for short words. Every word at the smallest distance is returned: `Berreta`
/// is as near to Beretta as to Barrett, and the officer must see both.
fn near_words<'w>(typed: &str, words: impl IntoIterator<Item = &'w str>) -> Vec<&'w str> {
    let len = typed.chars().count();
    if len < 4 {
        return Vec::new();
    }
    let allowed = if len >= 7 { 2 } else { 1 };
    let first = typed.chars().next();
    let near: Vec<(usize, &str)> = words
        .into_iter()
        .map(|w| (strsim::damerau_levenshtein(typed, w), w))
        .filter(|(d, w)| *d == 1 || w.chars().next() == first)
        .filter(|(d, w)| *d > 0 && *d <= allowed && w.chars().count() >= 4)
        .collect();
    let Some(best) = near.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    let mut out: Vec<&str> = near
        .into_iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, w)| w)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads the shape and inner code out of a description.
pub fn describe(input: &str) -> Described {
    // A full stop or comma at the end of a typed description is no part of the mark.
    let text = squash_spaces(
        fold(input)
            .trim()
            .trim_end_matches(['.', ',', ';', ':', '!', '?']),
    );
    let lower = text.to_lowercase();
    let with = |symbol: &str, inner: &str, read_as: Vec<Said>| Described {
        symbol: Some(symbol.to_owned()),
        inner: Some(inner_key(inner)).filter(|i| !i.is_empty()),
        text: text.clone(),
        read_as,
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
            return with(symbol, inner, Vec::new());
        }
    }
    // Symbols as printed: △66, Δ66, ◎10, ★, ⊕
    for (glyphs, symbol) in [
        ("△▲∆Δδ", "triangle"),
        ("◎", "double-circle"),
        ("○◯", "circle"),
        ("◇◆", "rhombus"),
        ("□■", "square"),
        ("★☆", "star"),
        ("⊕", "cross-in-circle"),
    ] {
        let stripped = lower.trim_matches(|c: char| glyphs.contains(c)).trim();
        if stripped.len() != lower.len() {
            return with(symbol, stripped, Vec::new());
        }
    }
    described_in_words(&text, &lower).unwrap_or(Described {
        text,
        ..Described::default()
    })
}

/// `66 in a triangle`, `triangle 66`, `circle 10 double`, `10 in two concentric circles`,
/// `arrow inside a triangle`, `66 dans un triangle`, `66 in triangel`: the shape words in any
/// order, with the usual prepositions, in English or French.
fn described_in_words(text: &str, lower: &str) -> Option<Described> {
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let mut read_as = Vec::new();
    // Multi-word names first.
    let joined = words.join(" ");
    if joined.contains("cross in a circle")
        || joined.contains("cross in circle")
        || joined == "circled cross"
        || joined == "cross-in-circle"
    {
        return Some(Described {
            symbol: Some("cross-in-circle".into()),
            inner: None,
            text: text.to_owned(),
            read_as,
        });
    }
    if let Some(at) = joined.find("couronne de laurier") {
        let rest = format!("{} wreath {}", &joined[..at], &joined[at + 19..]);
        words = rest.split_whitespace().map(str::to_owned).collect();
    }
    let is_shape = |w: &str| SHAPE_WORDS.iter().find(|(s, _)| *s == w).map(|(_, v)| *v);
    // A misspelt shape word (`triangel`) is read as the shape, and says so.
    // Only in a description of several words, and only for longer words: `scar` alone is
    // not a misspelt `star`.
    let several = words.len() > 1;
    for w in &mut words {
        if several
            && w.chars().count() >= 6
            && is_shape(w).is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
            && let Some(near) = near_words(w, SHAPE_WORDS.iter().map(|(s, _)| *s))
                .first()
                .copied()
        {
            read_as.push(said!(
                "decode-note-read-as",
                typed = w.as_str(),
                near = near
            ));
            *w = near.to_owned();
        }
    }
    let shapes: Vec<(usize, &str)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| is_shape(w).map(|s| (i, s)))
        .collect();
    if shapes.is_empty() {
        return None;
    }
    // `two circles`, `double circle`, `2 circles` (a 2 right before the circles: `((2))` is
    // the code 2 in a double circle, not a doubling).
    let doubled = words.iter().any(|w| DOUBLING.contains(&w.as_str()))
        || words.windows(2).any(|pair| {
            pair[0] == "2" && ["circles", "rings", "cercles"].contains(&pair[1].as_str())
        });
    // Which symbol is the frame: the one after "in/inside/within/dans" or before "with"; else
    // an enclosing shape rather than a glyph; else the first.
    let after_in = words.iter().enumerate().find_map(|(i, w)| {
        ["in", "inside", "within", "dans", "into"]
            .contains(&w.as_str())
            .then(|| shapes.iter().find(|(j, _)| *j > i))
            .flatten()
    });
    let before_with = words.iter().enumerate().find_map(|(i, w)| {
        ["with", "containing", "enclosing", "avec"]
            .contains(&w.as_str())
            .then(|| shapes.iter().rev().find(|(j, _)| *j < i))
            .flatten()
    });
    let frame = after_in
        .or(before_with)
        .or_else(|| shapes.iter().find(|(_, s)| encloses(s)))
        .or(shapes.first())
        .copied()?;
    let mut symbol = frame.1.to_owned();
    if symbol == "circle" && doubled {
        symbol = "double-circle".into();
    }
    let inner: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i != frame.0 && !JOINERS.contains(&w.as_str()))
        .filter(|(i, w)| {
            !(symbol == "double-circle"
                && (DOUBLING.contains(&w.as_str())
                    || (w.as_str() == "2"
                        && words.get(i + 1).is_some_and(|n| {
                            ["circles", "rings", "cercles"].contains(&n.as_str())
                        }))))
        })
        .map(|(_, w)| w.as_str())
        .collect();
    // What is left is a code, a glyph word, or nothing; more than two words is not a mark
    // description but a sentence that happens to hold a shape word.
    if inner.len() > 2 {
        return None;
    }
    let inner = inner.join(" ");
    Some(Described {
        symbol: Some(symbol),
        inner: Some(inner_key(&inner)).filter(|i| !i.is_empty()),
        text: text.to_owned(),
        read_as,
    })
}

/// A marking's pattern, compiled the first time an input of a length it can match comes:
/// compiling every pattern of the library would cost more than the rest of a `decode`.
#[derive(Debug)]
struct LazyPattern<'a> {
    source: &'a str,
    bounds: &'a PatternBounds,
    compiled: OnceLock<Option<Pattern>>,
}

impl LazyPattern<'_> {
    fn matches(&self, text: &str) -> Option<PatternMatch> {
        if !self.bounds.admits(text) {
            return None;
        }
        // Patterns are checked at build time; one that fails here is skipped, not fatal.
        self.compiled
            .get_or_init(|| Pattern::compile(self.source).ok())
            .as_ref()?
            .matches(text)
    }
}

/// A marking profile ready to match.
#[derive(Debug)]
struct Profile<'a> {
    marking: &'a Marking,
    pattern: Option<LazyPattern<'a>>,
    keys: &'a [String],
    inner: &'a Option<String>,
}

/// A word reduced for comparing descriptions: folded, lower case, French glyph words in
/// English, plural and participle endings dropped (`crowned` = `crown`, `sceptres` =
/// `sceptre`).
fn stem(word: &str) -> String {
    let w = fold(word).to_lowercase();
    let w = glyph(&w).map_or(w.clone(), str::to_owned);
    let w = SHAPE_WORDS
        .iter()
        .find(|(s, _)| *s == w)
        .map_or(w.clone(), |(_, shape)| (*shape).to_owned());
    let long_enough = |base: &str| base.chars().count() >= 3;
    if let Some(base) = w.strip_suffix("ed").filter(|b| long_enough(b)) {
        return base.to_owned();
    }
    if let Some(base) = w.strip_suffix("es").filter(|b| {
        long_enough(b)
            && (b.ends_with('s') || b.ends_with('x') || b.ends_with("sh") || b.ends_with("ch"))
    }) {
        return base.to_owned();
    }
    if let Some(base) = w
        .strip_suffix('s')
        .filter(|b| long_enough(b) && !b.ends_with('s'))
    {
        return base.to_owned();
    }
    w
}

fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !JOINERS.contains(&w.as_str()) && !DOUBLING.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Decodes descriptions against one catalog. Build once, decode many.
#[derive(Debug)]
pub struct Decoder<'a> {
    catalog: &'a Catalog,
    profiles: Vec<Profile<'a>>,
    keys: &'a MatchKeys,
    /// Every spelling the library knows, by key, for reading a misspelt mark; built the
    /// first time a mark is not found as written.
    written: OnceLock<Vec<(String, &'a str)>>,
    /// Per profile: the content words of its appearance, for a mark described in words;
    /// built the first time one is.
    looks: OnceLock<Vec<BTreeSet<String>>>,
    this_year: i32,
}

impl Reading {
    /// One confidence level lower, at a partial fit: what a misspelt or loosely described
    /// mark gets.
    fn loosened(mut self) -> Reading {
        self.fit = Fit::Partial;
        self.rank = match self.rank {
            Some(Confidence::High) => Some(Confidence::Medium),
            _ => Some(Confidence::Low),
        };
        self.confidence = confidence_str(self.rank).into();
        self
    }
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

/// Punctuation around a word of a stamped line that is not part of the mark.
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| ",;:\"'«»“”.".contains(c))
}

impl<'a> Decoder<'a> {
    /// `this_year` bounds two-digit headstamp years (a `78` is 1978, not 2078).
    pub fn new(catalog: &'a Catalog, this_year: i32) -> Decoder<'a> {
        let keys = catalog.keys();
        let profiles = catalog
            .markings
            .iter()
            .zip(&keys.marking_texts)
            .zip(&keys.marking_inner)
            .zip(&keys.pattern_bounds)
            .map(|(((m, texts), inner), bounds)| Profile {
                marking: m,
                pattern: m
                    .pattern
                    .as_deref()
                    .zip(bounds.as_ref())
                    .map(|(source, bounds)| LazyPattern {
                        source,
                        bounds,
                        compiled: OnceLock::new(),
                    }),
                keys: texts,
                inner,
            })
            .collect();
        Decoder {
            catalog,
            profiles,
            keys,
            written: OnceLock::new(),
            looks: OnceLock::new(),
            this_year,
        }
    }

    fn written(&self) -> &[(String, &'a str)] {
        let catalog = self.catalog;
        self.written.get_or_init(|| {
            catalog
                .markings
                .iter()
                .flat_map(|m| m.text.iter().chain(&m.aliases))
                .chain(
                    catalog
                        .models
                        .iter()
                        .flat_map(|m| std::iter::once(&m.name).chain(&m.aliases)),
                )
                .chain(
                    catalog
                        .manufacturers
                        .iter()
                        .flat_map(|m| std::iter::once(&m.name).chain(&m.aliases)),
                )
                .chain(
                    catalog
                        .countries
                        .iter()
                        .flat_map(|c| std::iter::once(&c.name_en).chain(&c.aliases)),
                )
                .map(|w| (folded_key(w), w.as_str()))
                .filter(|(k, _)| k.chars().count() >= 4)
                .collect()
        })
    }

    fn looks(&self) -> &[BTreeSet<String>] {
        self.looks.get_or_init(|| {
            self.profiles
                .iter()
                .map(|p| {
                    let m = p.marking;
                    content_words(&format!(
                        "{} {} {}",
                        m.appearance,
                        m.symbol.as_deref().unwrap_or(""),
                        m.inner.as_deref().unwrap_or("")
                    ))
                })
                .collect()
        })
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// Every reading `input` supports, best first.
    pub fn decode(&self, input: &str) -> Decoded {
        let mut readings = self.whole(input);
        let mut not_understood = Vec::new();
        // A headstamp is read from the whole line (code and year): the words are not marks
        // of their own.
        let settled = readings
            .iter()
            .any(|r| (r.fit == Fit::Exact && r.kind != "serial-format") || r.kind == "headstamp");
        // A description that fits one profile's look as a whole (`crowned R`, `P in a bomb`)
        // explains every word at once: it beats reading the words one by one.
        let looks = if settled {
            Vec::new()
        } else {
            self.by_appearance(input)
        };
        if !looks.is_empty() {
            readings.extend(looks);
        } else if !settled
            && input.split_whitespace().nth(1).is_some()
            && let Some((parts, rest)) = self.inscription(input)
        {
            // A short name misspelt as a whole (`Glok 19`) explains every word where the
            // words one by one leave some unread.
            let whole = if rest.is_empty() || input.split_whitespace().count() > 3 {
                Vec::new()
            } else {
                self.misspelt(input)
            };
            if whole.is_empty() {
                readings.extend(parts);
                not_understood = rest;
            } else {
                readings.extend(whole);
            }
        }
        if readings.is_empty() {
            readings = self.transliterated(input);
        }
        if readings.is_empty() {
            readings = self.misspelt(input);
        }
        // A code pattern (a year letter, a serial format) fits many short strings: beside a
        // reading that fits exactly it is noise.
        if readings
            .iter()
            .any(|r| r.fit == Fit::Exact && r.span.is_none())
        {
            readings.retain(|r| {
                !(r.fit == Fit::Partial && matches!(r.kind.as_str(), "year-code" | "serial-format"))
            });
        }
        readings.sort_by(|a, b| {
            a.span
                .is_some()
                .cmp(&b.span.is_some())
                .then(b.fit.cmp(&a.fit))
                .then(a.generic.cmp(&b.generic))
                .then(b.rank.cmp(&a.rank))
                .then(a.marking_id.cmp(&b.marking_id))
                .then(b.year.cmp(&a.year))
        });
        let mut seen = BTreeSet::new();
        readings.retain(|r| seen.insert((r.marking_id.clone(), r.year)));
        let suggestions = if readings.is_empty() {
            self.near_spellings(input)
        } else {
            Vec::new()
        };
        Decoded {
            input: input.to_owned(),
            matches: readings,
            not_understood,
            suggestions,
        }
    }

    /// The whole input read as one mark.
    fn whole(&self, input: &str) -> Vec<Reading> {
        let described = describe(input);
        let mut out = Vec::new();
        if described.symbol.is_some() {
            self.shaped(&described, &mut out);
            if !described.read_as.is_empty() {
                let said = Said::join(&described.read_as, ", ");
                out = out
                    .into_iter()
                    .map(|r| {
                        let mut r = r.loosened();
                        r.note = Some(match &r.note {
                            Some(note) => Said::join([&said, note], "; "),
                            None => said.clone(),
                        });
                        r
                    })
                    .collect();
            }
        } else {
            self.textual(&described.text, &mut out);
        }
        out
    }

    /// A whole stamped line: every known mark inside it, longest first, each with the words
    /// it came from; the words that are none are returned as not understood.
    ///
    /// Roll-marked lines often join their parts with dashes (`12 GA.-M3 SUPER 90-BENELLI-ITALY`):
    /// when the words as spaced leave some unread, the line is read again cut at the dashes too,
    /// and the reading that leaves fewer words unread is kept.
    fn inscription(&self, input: &str) -> Option<(Vec<Reading>, Vec<String>)> {
        let spaced = self.marks_in(input.split_whitespace());
        let unread = |r: &Option<(Vec<Reading>, Vec<String>)>| {
            r.as_ref().map_or(usize::MAX, |(_, rest)| rest.len())
        };
        if unread(&spaced) == 0 || !input.contains('-') {
            return spaced;
        }
        let dashed = self.marks_in(input.split(|c: char| c.is_whitespace() || c == '-'));
        if unread(&dashed) < unread(&spaced) {
            dashed
        } else {
            spaced
        }
    }

    fn marks_in<'w>(
        &self,
        words: impl Iterator<Item = &'w str>,
    ) -> Option<(Vec<Reading>, Vec<String>)> {
        const LONGEST_MARK: usize = 6;
        const MOST_WORDS: usize = 40;
        let words: Vec<&str> = words
            .map(trim_word)
            .filter(|w| !w.is_empty())
            .take(MOST_WORDS)
            .collect();
        // Letters one by one (`S A R`) are a selector's or a proof's marks; in a line of
        // words a lone letter is an initial or noise.
        let letters_only = words.iter().all(|w| w.chars().count() == 1);
        let mut found = Vec::new();
        let mut rest = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let longest = LONGEST_MARK.min(words.len() - at);
            let hit = (1..=longest).rev().find_map(|len| {
                let span = words[at..at + len].join(" ");
                // A bare number is no mark on its own (a year, a serial number), unless it is
                // a model's name (`Colt 1911`); nor is a joining word or a lone letter in a
                // line of text.
                if len == 1 && is_number(words[at]) {
                    let mut models = Vec::new();
                    self.makers_and_models(&text_key(words[at]), &mut models);
                    models.retain(|r| r.kind == "model-designation");
                    return (!models.is_empty()).then_some((len, span, models));
                }
                if len == 1
                    && ((words[at].chars().count() < 2 && !letters_only)
                        || LINE_GLUE.contains(&fold(words[at]).to_lowercase().as_str()))
                {
                    return None;
                }
                let readings: Vec<Reading> = self
                    .whole(&span)
                    .into_iter()
                    .filter(|r| r.fit == Fit::Exact && r.kind != "serial-format")
                    .collect();
                (!readings.is_empty()).then_some((len, span, readings))
            });
            if let Some((len, span, readings)) = hit {
                for mut r in readings {
                    r.span = Some(span.clone());
                    found.push(r);
                }
                at += len;
                continue;
            }
            let word = words[at];
            at += 1;
            let key = fold(word).to_lowercase();
            if LINE_GLUE.contains(&key.as_str()) {
                continue;
            }
            if let Some(year) = self.year_in_line(word) {
                found.push(year);
                continue;
            }
            let misspelt = self.misspelt(word);
            if misspelt.is_empty() {
                rest.push(word.to_owned());
            } else {
                for mut r in misspelt {
                    r.span = Some(word.to_owned());
                    found.push(r);
                }
            }
        }
        (!found.is_empty()).then_some((found, rest))
    }

    /// A four-digit year in a stamped line: most often the year of manufacture, though the
    /// line alone does not say so.
    fn year_in_line(&self, word: &str) -> Option<Reading> {
        let year: i32 = word.parse().ok().filter(|_| word.len() == 4)?;
        (1850..=self.this_year).contains(&year).then(|| Reading {
            marking_id: "year".into(),
            kind: "year".into(),
            meaning: format!("the year {year}"),
            country: None,
            countries: Vec::new(),
            manufacturer: None,
            confidence: "low".into(),
            fit: Fit::Partial,
            year: Some(year),
            models: Vec::new(),
            span: Some(word.to_owned()),
            caveats: None,
            note: Some(said!("decode-note-year-line")),
            rank: Some(Confidence::Low),
            generic: false,
        })
    }

    /// A mark described by how it looks (`crowned eagle`, `crossed sceptres`, `aigle
    /// couronné`): every profile whose appearance has all the words given.
    fn by_appearance(&self, input: &str) -> Vec<Reading> {
        const MOST: usize = 8;
        let words = content_words(&fold(input));
        let informative = words.iter().filter(|w| !is_number(w)).count();
        if informative == 0 || (words.len() == 1 && words.iter().all(|w| w.chars().count() < 4)) {
            return Vec::new();
        }
        let mut fitting: Vec<(usize, &Profile<'_>)> = self
            .profiles
            .iter()
            .zip(self.looks())
            .filter(|(_, looks)| words.is_subset(looks))
            .map(|(p, looks)| (looks.len(), p))
            .collect();
        // The closest descriptions first: those that say least beyond what was given.
        fitting.sort_by_key(|(size, p)| (*size, p.marking.id.as_str()));
        fitting
            .into_iter()
            .take(MOST)
            .map(|(_, p)| {
                let m = p.marking;
                let note = said!("decode-note-appearance", appearance = m.appearance.as_str());
                self.reading(m, Fit::Partial, None, Some(note)).loosened()
            })
            .collect()
    }

    /// A name typed in Cyrillic that the library writes in Latin letters (`ИЖМЕХ` for
    /// Izhmekh): read at reduced confidence, labelled with the spelling it was read as.
    fn transliterated(&self, input: &str) -> Vec<Reading> {
        let Some(latin) = transliterate_cyrillic(input.trim()) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        self.textual(&latin, &mut found);
        found
            .into_iter()
            .filter(|r| r.fit == Fit::Exact)
            .map(|r| {
                let mut r = r.loosened();
                r.note = Some(said!(
                    "decode-note-cyrillic",
                    latin = latin.to_uppercase(),
                    typed = input.trim()
                ));
                r
            })
            .collect()
    }

    /// A misspelt name (`Glok`, `Norinko`): the library's spellings one or two edits away,
    /// read at reduced confidence and labelled with what they were read as. Codes with digits
    /// are never guessed: one digit makes another model.
    fn misspelt(&self, input: &str) -> Vec<Reading> {
        let key = folded_key(input);
        if key.chars().count() < 4 {
            return Vec::new();
        }
        // The letters may be misspelt, never the numbers: `Glok 19` is a Glock 19, but no
        // guess turns a 19 into a 17.
        let digits = |k: &str| -> String { k.chars().filter(char::is_ascii_digit).collect() };
        let typed_digits = digits(&key);
        let written = self.written();
        let nearest = near_words(
            &key,
            written
                .iter()
                .map(|(k, _)| k.as_str())
                .filter(|k| digits(k) == typed_digits),
        );
        let mut out = Vec::new();
        let mut tried = BTreeSet::new();
        for (_, spelling) in written
            .iter()
            .filter(|(k, _)| nearest.contains(&k.as_str()))
        {
            if !tried.insert(*spelling) {
                continue;
            }
            let mut readings = Vec::new();
            self.textual(spelling, &mut readings);
            for r in readings.into_iter().filter(|r| r.fit == Fit::Exact) {
                let mut r = r.loosened();
                r.note = Some(said!(
                    "decode-note-misspelt",
                    spelling = spelling.to_string(),
                    typed = input.trim()
                ));
                out.push(r);
            }
        }
        out
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
            let note = (fit == Fit::Partial).then(|| said!("decode-note-same-symbol"));
            let mut reading = self.reading(m, fit, None, note);
            reading.generic = p.inner.is_none() && p.pattern.is_some();
            out.push(reading);
        }
        // A code in a shape may still be a maker's factory code the library has no profile for.
        if let Some(code) = inner {
            self.factory_codes(code, Fit::Partial, out);
        }
    }

    fn textual(&self, text: &str, out: &mut Vec<Reading>) {
        let text = squash_spaces(&fold(text));
        let key = text_key(&text);
        if key.is_empty() {
            return;
        }
        let bare_number = is_number(&key);
        // Year-code and serial-format patterns fit many short strings and give only partial
        // readings, which an exact reading makes noise: they are tried last, and only when
        // nothing fits exactly (compiling them is most of a decode's time).
        let weak = |m: &Marking| matches!(m.kind.as_str(), "year-code" | "serial-format");
        for p in &self.profiles {
            let m = p.marking;
            if p.keys.contains(&key) {
                out.push(self.reading(m, Fit::Exact, None, None));
            } else if !weak(m)
                && let Some(found) = p.pattern.as_ref().and_then(|re| re.matches(&text))
            {
                let (fit, note) = if let Some(shape) = &m.symbol {
                    let note = said!("decode-note-shape", shape = shape.as_str());
                    (Fit::Partial, Some(note))
                } else {
                    (Fit::Exact, None)
                };
                out.push(self.reading(m, fit, found.year, note));
            } else if m.symbol.is_some() && p.inner.as_ref() == Some(&key) {
                let shape = m.symbol.as_deref().unwrap_or("symbol");
                let note = said!("decode-note-shape", shape = shape);
                out.push(self.reading(m, Fit::Partial, None, Some(note)));
            }
        }
        self.textual_rest(&text, &key, out);
        if !out.iter().any(|r| r.fit == Fit::Exact) {
            self.weak_patterns(&text, bare_number, false, out);
        }
    }

    /// The serial-number conventions `text` fits.
    pub fn serial_formats(&self, text: &str) -> Vec<Reading> {
        let text = squash_spaces(&fold(text));
        let mut out = Vec::new();
        self.weak_patterns(&text, false, true, &mut out);
        out
    }

    /// The year-code and serial-format patterns `text` fits (only the serial formats with
    /// `serials_only`), each a partial reading.
    fn weak_patterns(
        &self,
        text: &str,
        bare_number: bool,
        serials_only: bool,
        out: &mut Vec<Reading>,
    ) {
        let key = folded_key(text);
        for p in &self.profiles {
            let m = p.marking;
            let wanted = if serials_only {
                m.kind == "serial-format"
            } else {
                matches!(m.kind.as_str(), "year-code" | "serial-format")
            };
            // A profile whose text is the input was read already, exactly.
            if !wanted || p.keys.contains(&key) {
                continue;
            }
            if let Some(found) = p.pattern.as_ref().and_then(|re| re.matches(text)) {
                // A serial format fits many strings; it says something only of a serial. A
                // pattern for the code inside a symbol holds only if the code sits in one. A
                // bare number is a year only where the marks around it say whose year it is.
                let (fit, note) = if m.kind == "serial-format" {
                    (Fit::Partial, Some(said!("decode-note-serial-format")))
                } else if let Some(shape) = &m.symbol {
                    let note = said!("decode-note-shape", shape = shape.as_str());
                    (Fit::Partial, Some(note))
                } else if m.kind == "year-code" {
                    let note = if bare_number {
                        said!("decode-note-bare-number")
                    } else {
                        said!("decode-note-year-code")
                    };
                    (Fit::Partial, Some(note))
                } else {
                    (Fit::Partial, None)
                };
                out.push(self.reading(m, fit, found.year, note));
            }
        }
    }

    /// Everything but the marking profiles: the first words of a legend, factory codes,
    /// headstamps, makers and models, countries named, calibres.
    fn textual_rest(&self, text: &str, key: &str, out: &mut Vec<Reading>) {
        // The first words of a longer stamped legend (`BROWNINGS PATENT` for `BROWNING'S
        // PATENT DEPOSE`): the legend, at a partial fit, when nothing else was found.
        if out.is_empty() && key.chars().count() >= 8 && text.contains(' ') {
            for p in &self.profiles {
                if p.keys
                    .iter()
                    .any(|k| k.len() > key.len() && k.starts_with(key))
                {
                    let written = p.marking.text.as_deref().unwrap_or_default();
                    let note = said!("decode-note-beginning", written = written);
                    out.push(self.reading(p.marking, Fit::Partial, None, Some(note)));
                }
            }
        }
        self.factory_codes(key, Fit::Partial, out);
        self.headstamps(text, out);
        self.makers_and_models(key, out);
        // `六九式` and `69式` say "Type 69": the designation, whatever the library writes in
        // Chinese for it.
        // Only when the library has no reading of the characters themselves.
        let designation = text
            .trim()
            .strip_suffix('式')
            .map(str::trim)
            .filter(|_| out.is_empty());
        if let Some(number) = designation
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '-'))
        {
            let before = out.len();
            self.makers_and_models(&format!("TYPE{}", number.replace('-', "")), out);
            for r in &mut out[before..] {
                r.note = Some(said!("decode-note-type-character", number = number));
            }
        }
        self.country_named(key, out);
        // `9mm`, `.45`: the start of several calibres, each a partial reading.
        let mut calibres: Vec<(String, Fit)> = self
            .catalog
            .calibres_matching(text)
            .into_iter()
            .map(|c| (c.to_owned(), Fit::Exact))
            .collect();
        if calibres.is_empty() && text.chars().any(|c| c.is_ascii_digit()) {
            calibres = match self.catalog.resolve_calibre(text) {
                // `14.5`: the start of one calibre only.
                Ok(one) => vec![(one, Fit::Partial)],
                Err(super::RefError::AmbiguousCalibre { options, .. }) => {
                    options.into_iter().map(|c| (c, Fit::Partial)).collect()
                }
                Err(_) => Vec::new(),
            };
        }
        for (calibre, fit) in calibres {
            if let Some(c) = self.catalog.calibres.iter().find(|c| c.id == calibre) {
                out.push(Reading {
                    marking_id: format!("calibre:{}", c.id),
                    kind: "calibre".into(),
                    meaning: format!("calibre {}", c.name),
                    country: None,
                    countries: Vec::new(),
                    manufacturer: None,
                    confidence: confidence_str(c.confidence).into(),
                    fit,
                    year: None,
                    models: Vec::new(),
                    span: None,
                    caveats: c.notes.clone().map(Said::verbatim),
                    note: (fit == Fit::Partial)
                        .then(|| said!("decode-note-calibre-start", text = text.trim())),
                    rank: c.confidence,
                    generic: false,
                });
            }
        }
    }

    /// A country named on the weapon (`AUSTRIA`, `MADE IN CHINA`), unless a marking profile
    /// already said it.
    fn country_named(&self, key: &str, out: &mut Vec<Reading>) {
        let Some(code) = self.keys.country(key) else {
            return;
        };
        // A maker's own country line (`USA` on a Glock slide) does not say the country alone:
        // the plain country reading stays beside it.
        if out.iter().any(|r| {
            r.kind == "country" && r.country.as_ref() == Some(code) && r.manufacturer.is_none()
        }) {
            return;
        }
        let Some(country) = self.catalog.country(code) else {
            return;
        };
        out.push(Reading {
            marking_id: format!("country:{code}"),
            kind: "country".into(),
            meaning: format!("{} named on the weapon", country.name_en),
            country: Some(code.clone()),
            countries: Vec::new(),
            manufacturer: None,
            confidence: confidence_str(country.confidence).into(),
            fit: Fit::Exact,
            year: None,
            models: Vec::new(),
            span: None,
            caveats: Some(said!("decode-caveat-country-name")),
            note: None,
            rank: country.confidence,
            generic: false,
        });
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
                    countries: Vec::new(),
                    manufacturer: Some(maker.id.clone()),
                    confidence: confidence_str(maker.confidence).into(),
                    fit,
                    year: None,
                    models: Vec::new(),
                    span: None,
                    caveats: None,
                    note: Some(said!("decode-note-maker-code")),
                    rank: maker.confidence,
                    generic: false,
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
        // `LC78`, `WCC68`: a code run together with its year.
        let split: Vec<String> = tokens
            .iter()
            .flat_map(|t| {
                let letters = t.chars().take_while(|c| !c.is_ascii_digit()).count();
                let (head, tail) =
                    t.split_at(t.char_indices().nth(letters).map_or(t.len(), |(i, _)| i));
                if !head.is_empty() && is_number(tail) {
                    vec![head.to_owned(), tail.to_owned()]
                } else {
                    vec![t.clone()]
                }
            })
            .collect();
        let readings: [&[String]; 2] = [&tokens, &split];
        for tokens in readings.iter().take(if split == tokens { 1 } else { 2 }) {
            self.headstamps_in(tokens, out);
        }
    }

    fn headstamps_in(&self, tokens: &[String], out: &mut Vec<Reading>) {
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
            let mut fit = Fit::Exact;
            let mut note = h.layout.clone().map(Said::verbatim);
            let years = match (h.year_digits, others.as_slice()) {
                (Some(digits), [year]) if year.len() == usize::from(digits) && is_number(year) => {
                    self.years(year, digits, h.from, h.to)
                }
                (None, [number])
                    if (number.len() == 2 || number.len() == 4) && is_number(number) =>
                {
                    fit = Fit::Partial;
                    note = Some(said!("decode-note-may-be-year", number = number.as_str()));
                    vec![None]
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
                    countries: Vec::new(),
                    manufacturer: h.manufacturer.clone(),
                    confidence: confidence_str(h.confidence).into(),
                    fit,
                    year,
                    models: Vec::new(),
                    span: None,
                    caveats: h.caveats.clone().map(Said::verbatim),
                    note: note.clone(),
                    rank: h.confidence,
                    generic: false,
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
                    countries: Vec::new(),
                    manufacturer: Some(maker.id.clone()),
                    confidence: confidence_str(maker.confidence).into(),
                    fit: Fit::Exact,
                    year: None,
                    models: Vec::new(),
                    span: None,
                    caveats: None,
                    note: None,
                    rank: maker.confidence,
                    generic: false,
                });
            }
        }
        for (model, names) in self.catalog.models.iter().zip(&self.keys.model_names) {
            if names.iter().any(|n| n == key) {
                let (country, countries) = one_or_many(&model.countries);
                out.push(Reading {
                    marking_id: format!("model:{}", model.id),
                    kind: "model-designation".into(),
                    meaning: format!(
                        "{} ({} family, {})",
                        model.name, model.family, model.weapon_type
                    ),
                    country,
                    countries,
                    manufacturer: match model.producers.as_slice() {
                        [one] => Some(one.manufacturer.clone()),
                        _ => None,
                    },
                    confidence: confidence_str(model.confidence).into(),
                    fit: Fit::Exact,
                    year: None,
                    models: vec![model.id.clone()],
                    span: None,
                    caveats: (self.states(&model.countries) > 1)
                        .then(|| said!("decode-caveat-several-countries")),
                    note: None,
                    rank: model.confidence,
                    generic: false,
                });
            }
        }
    }

    fn reading(&self, m: &Marking, fit: Fit, year: Option<i32>, note: Option<Said>) -> Reading {
        // A designation mark that names no country points to every country its models were
        // made in.
        let (country, countries) = match &m.country {
            Some(c) => (Some(c.clone()), Vec::new()),
            None => {
                let made_in: BTreeSet<String> = m
                    .models
                    .iter()
                    .filter_map(|id| self.catalog.model(id))
                    .flat_map(|model| model.countries.iter().cloned())
                    .collect();
                one_or_many(&made_in.into_iter().collect::<Vec<_>>())
            }
        };
        Reading {
            marking_id: m.id.clone(),
            kind: m.kind.clone(),
            meaning: m.meaning.clone(),
            country,
            countries,
            manufacturer: m.manufacturer.clone(),
            confidence: confidence_str(m.confidence).into(),
            fit,
            year,
            models: m.models.clone(),
            span: None,
            caveats: m.caveats.clone().map(Said::verbatim),
            note,
            rank: m.confidence,
            generic: false,
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

/// One country as `country`, several as `countries`.
impl Decoder<'_> {
    /// How many states a list of countries names, a former state and its successors counting
    /// as one (Yugoslavia and Serbia, the USSR and Russia).
    fn states(&self, countries: &[String]) -> usize {
        countries
            .iter()
            .filter(|code| {
                !countries.iter().any(|other| {
                    other != *code
                        && self
                            .catalog
                            .country(other)
                            .is_some_and(|c| c.successors.contains(code))
                })
            })
            .count()
    }
}

fn one_or_many(countries: &[String]) -> (Option<String>, Vec<String>) {
    match countries {
        [one] => (Some(one.clone()), Vec::new()),
        many => (None, many.to_vec()),
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
    fn a_misspelt_name_is_read_at_lower_confidence_and_says_so() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("Works Onw");
        let first = &decoded.matches[0];
        assert_eq!(first.fit, Fit::Partial);
        assert_eq!(
            first.note.as_ref().map(Said::english),
            Some("read as 'Works One' (typed 'Works Onw')")
        );
        // A code with digits is never guessed: one digit makes another mark.
        assert!(
            Decoder::new(&catalog, 2026)
                .decode("RA-2")
                .matches
                .is_empty()
        );
    }

    #[test]
    fn nothing_behind_a_mark_gives_near_spellings() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("Works Onnnnne");
        assert!(decoded.matches.is_empty(), "{:?}", decoded.matches);
        assert_eq!(
            decoded.suggestions.first().map(String::as_str),
            Some("Works One")
        );
    }

    #[test]
    fn a_whole_line_gives_every_mark_with_its_words_and_what_was_not_understood() {
        let catalog = fixture::catalog();
        let decoded = Decoder::new(&catalog, 2026).decode("WORKS ONE RA 7,62x39 ZZTOP");
        let spans: Vec<(&str, Option<&str>)> = decoded
            .matches
            .iter()
            .map(|r| (r.marking_id.as_str(), r.span.as_deref()))
            .collect();
        assert!(
            spans.contains(&("calibre:7.62x39mm", Some("7,62x39"))),
            "{spans:?}"
        );
        assert!(
            spans.iter().any(|(_, s)| *s == Some("WORKS ONE")),
            "{spans:?}"
        );
        assert!(spans.iter().any(|(_, s)| *s == Some("RA")), "{spans:?}");
        assert_eq!(decoded.not_understood, ["ZZTOP"]);
    }

    #[test]
    fn shape_words_read_in_any_order_in_english_and_french_and_misspelt() {
        let triangle = (Some("triangle".to_owned()), Some("11".to_owned()));
        for written in [
            "11 dans un triangle",
            "triangle avec 11",
            "Δ11",
            "11 in triangel",
            "triangle, 11",
        ] {
            assert_eq!(shape(written), triangle, "{written}");
        }
        let double = (Some("double-circle".to_owned()), Some("10".to_owned()));
        for written in [
            "circle 10 double",
            "10 in two concentric circles",
            "10 dans un double cercle",
        ] {
            assert_eq!(shape(written), double, "{written}");
        }
        assert_eq!(
            shape("triangle with an arrow"),
            (Some("triangle".into()), Some("arrow".into()))
        );
        assert_eq!(
            shape("flèche dans un triangle"),
            (Some("triangle".into()), Some("arrow".into()))
        );
        assert_eq!(shape("étoile"), (Some("star".into()), None));
        for written in [
            "10 in 2 circles",
            "10 enclosed in two circles",
            "circled 10 double",
        ] {
            assert_eq!(shape(written), double, "{written}");
        }
        assert_eq!(
            shape("((2))"),
            (Some("double-circle".into()), Some("2".into()))
        );
        assert_eq!(shape("11 in a triangle."), triangle);
        assert_eq!(shape("11 in triangle shape"), triangle);
        assert!(describe("11 in triangel").read_as[0].contains("triangle"));
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
