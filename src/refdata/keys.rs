//! The comparison keys the decoder matches against, and the words it reads descriptions with.
//!
//! Every name, alias, factory code and marking text of the library is reduced to a key once,
//! when the library is built (`build.rs` includes this file by path), not at every start of
//! the program: keying the whole library costs more than decoding a mark.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::fold::fold;
use super::normalize::text_key;
use super::schema::{Country, Headstamp, Manufacturer, Marking, Model};

/// The keys of every entry the decoder matches by text, in the order of the library's lists.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct MatchKeys {
    /// per marking: keys of its text and aliases
    pub marking_texts: Vec<Vec<String>>,
    /// per marking: what is inside its symbol, as a description of it is keyed
    pub marking_inner: Vec<Option<String>>,
    /// per marking: the length bounds of its pattern (none when it has no pattern)
    pub pattern_bounds: Vec<Option<PatternBounds>>,
    /// per manufacturer: name and alias keys, factory-code keys
    pub maker_names: Vec<Vec<String>>,
    pub maker_codes: Vec<Vec<String>>,
    /// per model: name, alias and short-name keys
    pub model_names: Vec<Vec<String>>,
    /// per headstamp: code key
    pub headstamp_codes: Vec<String>,
    /// country name keys (`AUSTRIA`, `CHINE`) -> country code; see [`MatchKeys::country`]
    pub countries: BTreeMap<String, String>,
}

/// What any text a marking's pattern matches must look like: its length in bytes and how it
/// can begin. A pattern is compiled only when an input that passes these comes: compiling one
/// (above all one with Unicode classes) costs more than decoding a mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternBounds {
    pub shortest: usize,
    pub longest: Option<usize>,
    /// Every match starts with one of these (in every letter case the pattern allows); none
    /// when the pattern can start with too many things to list.
    pub prefixes: Option<Vec<Vec<u8>>>,
}

impl PatternBounds {
    /// `None` for a pattern that does not parse (the validator reports those).
    pub fn of(source: &str) -> Option<PatternBounds> {
        let anchored = format!("^(?:{source})$");
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .unicode(!source.is_ascii())
            .utf8(false)
            .build()
            .parse(&anchored)
            .ok()?;
        let properties = hir.properties();
        let prefixes = regex_syntax::hir::literal::Extractor::new()
            .kind(regex_syntax::hir::literal::ExtractKind::Prefix)
            .extract(&hir)
            .literals()
            .map(|literals| literals.iter().map(|l| l.as_bytes().to_vec()).collect());
        Some(PatternBounds {
            shortest: properties.minimum_len().unwrap_or(0),
            longest: properties.maximum_len(),
            prefixes,
        })
    }

    pub fn admits(&self, text: &str) -> bool {
        let len = text.len();
        len >= self.shortest
            && self.longest.is_none_or(|l| len <= l)
            && self
                .prefixes
                .as_ref()
                .is_none_or(|prefixes| prefixes.iter().any(|p| text.as_bytes().starts_with(p)))
    }
}

/// A maker's name without its bracketed gloss, as it is stamped: `Česká zbrojovka Uherský Brod
/// (CZUB)` is stamped `CESKA ZBROJOVKA UHERSKY BROD`.
fn without_gloss(name: &str) -> Option<String> {
    let (open, close) = (name.find('(')?, name.rfind(')')?);
    let bare = format!("{} {}", name[..open].trim(), name[close + 1..].trim());
    let bare = bare.trim().trim_end_matches(',').trim();
    (open < close && bare.chars().count() >= 4).then(|| bare.to_owned())
}

/// What may stand before a country's name on a stamped line (longest first: `MADE IN THE`
/// before `MADE IN`).
const COUNTRY_PREFIXES: &[&str] = &[
    "MADEINTHE",
    "MADEIN",
    "FABRIQUEEN",
    "FABRICADOEN",
    "HECHOEN",
    "",
];

impl MatchKeys {
    /// The country a key names, alone or after the words that introduce it on a stamped line
    /// (`MADEINCHINA`).
    pub fn country(&self, key: &str) -> Option<&String> {
        COUNTRY_PREFIXES
            .iter()
            .filter_map(|prefix| key.strip_prefix(prefix))
            .find_map(|name| self.countries.get(name))
    }

    pub fn build(
        markings: &[Marking],
        manufacturers: &[Manufacturer],
        models: &[Model],
        headstamps: &[Headstamp],
        countries: &[Country],
    ) -> MatchKeys {
        let makers: HashMap<&str, &Manufacturer> =
            manufacturers.iter().map(|m| (m.id.as_str(), m)).collect();
        let mut country_keys = BTreeMap::new();
        for c in countries {
            for name in std::iter::once(&c.name_en)
                .chain(std::iter::once(&c.name_fr))
                .chain(&c.aliases)
            {
                let key = folded_key(name);
                if key.len() >= 3 {
                    country_keys.insert(key, c.code.clone());
                }
            }
        }
        MatchKeys {
            marking_texts: markings
                .iter()
                .map(|m| keys_of(m.text.iter().chain(&m.aliases)))
                .collect(),
            marking_inner: markings
                .iter()
                .map(|m| m.inner.as_deref().map(inner_key))
                .collect(),
            pattern_bounds: markings
                .iter()
                .map(|m| m.pattern.as_deref().and_then(PatternBounds::of))
                .collect(),
            maker_names: manufacturers
                .iter()
                .map(|m| {
                    let mut names = keys_of(std::iter::once(&m.name).chain(&m.aliases));
                    names.extend(keys_of(&without_gloss(&m.name)));
                    names
                })
                .collect(),
            maker_codes: manufacturers
                .iter()
                .map(|m| keys_of(&m.factory_codes))
                .collect(),
            model_names: models
                .iter()
                .map(|m| {
                    let mut names = keys_of(std::iter::once(&m.name).chain(&m.aliases));
                    names.extend(keys_of(&short_names(&makers, m)));
                    names
                })
                .collect(),
            headstamp_codes: headstamps.iter().map(|h| folded_key(&h.code)).collect(),
            countries: country_keys,
        }
    }
}

/// Glyphs that can sit inside a shape, written as words (French words fold to these).
pub const GLYPH_WORDS: &[(&str, &str)] = &[
    ("arrow", "arrow"),
    ("fleche", "arrow"),
    ("star", "star"),
    ("etoile", "star"),
    ("cross", "cross"),
    ("croix", "cross"),
    ("crown", "crown"),
    ("couronne", "crown"),
    ("eagle", "eagle"),
    ("aigle", "eagle"),
];

/// Words that only join the parts of a description.
pub const JOINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "inside",
    "within",
    "into",
    "on",
    "over",
    "above",
    "under",
    "below",
    "beneath",
    "with",
    "containing",
    "enclosing",
    "around",
    "between",
    "crossed",
    "and",
    "of",
    "mark",
    "stamp",
    "stamped",
    "symbol",
    "number",
    "numeral",
    "figure",
    "shape",
    "shaped",
    "outline",
    "form",
    "enclosed",
    "surrounded",
    "by",
    "pointing",
    "upward",
    "upwards",
    "up",
    "small",
    "large",
    "un",
    "une",
    "le",
    "la",
    "les",
    "l",
    "d",
    "de",
    "du",
    "des",
    "dans",
    "sur",
    "sous",
    "avec",
    "entre",
    "et",
    "au",
    "en",
    "chiffre",
    "nombre",
    "marque",
    "poincon",
];

pub fn glyph(word: &str) -> Option<&'static str> {
    GLYPH_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, g)| *g)
        .or((word == "hammer and sickle").then_some("hammer and sickle"))
}

pub fn inner_key(inner: &str) -> String {
    let lower = fold(inner.trim()).to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !JOINERS.contains(w))
        .collect();
    let joined = words.join(" ");
    match glyph(&joined) {
        Some(g) => g.to_owned(),
        None => text_key(&joined),
    }
}

/// The comparison key of a text as typed or as the library writes it.
pub fn folded_key(text: &str) -> String {
    if text.is_ascii() {
        text_key(text)
    } else {
        text_key(&fold(text))
    }
}

pub fn keys_of<'s>(texts: impl IntoIterator<Item = &'s String>) -> Vec<String> {
    texts
        .into_iter()
        .map(|t| folded_key(t))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Words that say what a model is rather than which: `RPK light machine gun` is stamped `RPK`.
pub const TYPE_WORDS: &[&str] = &[
    "general-purpose machine gun",
    "general purpose machine gun",
    "light machine gun",
    "heavy machine gun",
    "sub-machine gun",
    "submachine gun",
    "machine gun",
    "machine pistol",
    "assault rifle",
    "battle rifle",
    "sniper rifle",
    "designated marksman rifle",
    "recoilless rifle",
    "recoilless gun",
    "grenade launcher",
    "rocket launcher",
    "anti-tank launcher",
    "launcher",
    "self-loading rifle",
    "semi-automatic rifle",
    "rifle",
    "carbine",
    "self-loading pistol",
    "semi-automatic pistol",
    "pistol",
    "revolver",
    "shotgun",
    "mortar",
];

/// The short forms a model's name is stamped or spoken as: without the words for its type
/// (`RPK light machine gun` = `RPK`), without a parenthetical (`SKS (SKS-45)` = `SKS` and
/// `SKS-45`), without the maker's name when letters remain (`Zastava M70AB2` = `M70AB2`).
pub fn short_names(makers: &HashMap<&str, &Manufacturer>, model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    let name = model.name.trim();
    let (bare, inside) = match (name.find('('), name.rfind(')')) {
        (Some(open), Some(close)) if open < close => (
            name[..open].trim().to_owned(),
            Some(name[open + 1..close].trim()),
        ),
        _ => (name.to_owned(), None),
    };
    // `SKS (SKS-45)`: a designation in brackets; `MG 74 (Austria)`: a gloss, not a name.
    let calibre_like = |i: &str| {
        let i = i.trim().to_lowercase();
        let i = i.strip_suffix("mm").unwrap_or(&i);
        i.chars().all(|c| c.is_ascii_digit() || " .,x".contains(c))
    };
    if let Some(inside) = inside.filter(|i| {
        i.split_whitespace().count() <= 2
            && i.chars().any(|c| c.is_ascii_digit())
            && !calibre_like(i)
    }) {
        out.push(inside.to_owned());
    }
    let lower = bare.to_lowercase();
    let without_type = TYPE_WORDS
        .iter()
        .find_map(|t| lower.strip_suffix(t))
        .map(|rest| bare[..rest.len()].trim().to_owned())
        .filter(|rest| !rest.is_empty());
    let mut base = without_type.unwrap_or(bare.clone());
    // `Type 69 40 mm rocket launcher`: the calibre is no part of the name either.
    let words: Vec<&str> = base.split_whitespace().collect();
    let calibre_at = match words.as_slice() {
        [.., n, "mm"] if n.chars().all(|c| c.is_ascii_digit() || c == '.') => Some(2),
        [.., n] if n.ends_with("mm") && n[..n.len() - 2].chars().all(|c| c.is_ascii_digit()) => {
            Some(1)
        }
        _ => None,
    };
    if let Some(tail) = calibre_at.filter(|t| words.len() > t + 1) {
        base = words[..words.len() - tail].join(" ");
    }
    if base != name {
        out.push(base.clone());
    }
    for maker in model
        .producers
        .iter()
        .filter_map(|p| makers.get(p.manufacturer.as_str()))
    {
        let Some(first) = maker.name.split_whitespace().next() else {
            continue;
        };
        if let Some(rest) = base.strip_prefix(first).map(str::trim)
            && rest.chars().any(char::is_alphabetic)
            && rest.chars().any(|c| c.is_ascii_digit())
        {
            out.push(rest.to_owned());
        }
    }
    // A bare number is no model name.
    out.retain(|n| n.chars().any(char::is_alphabetic) && n.chars().count() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_admits_only_what_it_could_match() {
        let bounds = PatternBounds::of(r"(иж|izh|ij)\s*-?\s*\d{1,3}").unwrap();
        for text in ["ИЖ-27", "иж 43", "IZH-43", "Ij 18"] {
            assert!(bounds.admits(text), "{text}");
        }
        for text in ["66", "LC 78", "TOZ-34", "МР-27"] {
            assert!(!bounds.admits(text), "{text}");
        }
        // A pattern that can start with anything is filtered by length alone.
        let any = PatternBounds::of(r"\w{2}").unwrap();
        assert!(any.admits("AB") && !any.admits("ABC"));
    }
}
