//! The shape of the TOML files in `reference-data/`.
//!
//! Shared with `build.rs` (through `#[path]`), so it depends on nothing but serde.
//!
//! No field is skipped when serialized: the engine image (`image.rs`) is postcard, which
//! reads fields by position. The JSON the library shows leaves out empty fields instead
//! (`compile::json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One TOML file: any file may hold any of the tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    #[serde(default)]
    pub library: Option<LibraryInfo>,
    #[serde(default)]
    pub source: Vec<Source>,
    #[serde(default)]
    pub country: Vec<Country>,
    #[serde(default)]
    pub calibre: Vec<Calibre>,
    #[serde(default, rename = "trait")]
    pub traits: Vec<Trait>,
    #[serde(default)]
    pub manufacturer: Vec<Manufacturer>,
    #[serde(default)]
    pub model: Vec<Model>,
    #[serde(default)]
    pub marking: Vec<Marking>,
    #[serde(default)]
    pub headstamp: Vec<Headstamp>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryInfo {
    pub version: String,
}

/// How sure the library is of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name_en: String,
    pub name_fr: String,
    /// Other names the country is written under on weapons and in documents (`USA`, `RUSSIA`).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former: bool,
    #[serde(default)]
    pub successors: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Calibre {
    pub id: String,
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trait {
    pub key: String,
    pub prompt: String,
    #[serde(default)]
    pub photo: Option<String>,
    /// The trait's name, prompt and photo advice in other languages, by language code (`fr`);
    /// the English above is the fallback.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub prompts: BTreeMap<String, String>,
    #[serde(default)]
    pub photos: BTreeMap<String, String>,
    pub values: Vec<TraitValue>,
}

impl Trait {
    /// The trait's name in `lang` (a language code), else its key.
    pub fn name_in<'a>(&'a self, lang: &str) -> &'a str {
        self.names
            .get(lang)
            .map_or(self.key.as_str(), String::as_str)
    }

    pub fn prompt_in<'a>(&'a self, lang: &str) -> &'a str {
        self.prompts
            .get(lang)
            .map_or(self.prompt.as_str(), String::as_str)
    }

    pub fn photo_in<'a>(&'a self, lang: &str) -> Option<&'a str> {
        self.photos
            .get(lang)
            .map(String::as_str)
            .or(self.photo.as_deref())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TraitValue {
    pub id: String,
    pub label: String,
    /// The label in other languages, by language code.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

impl TraitValue {
    pub fn label_in<'a>(&'a self, lang: &str) -> &'a str {
        self.labels
            .get(lang)
            .map_or(self.label.as_str(), String::as_str)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manufacturer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: String,
    #[serde(default)]
    pub factory_codes: Vec<String>,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
    /// How officers type this entry, and what decoding it must give (`ref check` runs them).
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Producer {
    pub manufacturer: String,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub family: String,
    #[serde(rename = "type")]
    pub weapon_type: String,
    #[serde(default)]
    pub variant_of: Option<String>,
    #[serde(default)]
    pub copy_of: Option<String>,
    #[serde(default)]
    pub calibres: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub producers: Vec<Producer>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub traits: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub features: Vec<String>,
    #[serde(default)]
    pub serial_location: Option<String>,
    #[serde(default)]
    pub marking_location: Option<String>,
    #[serde(default)]
    pub craft: bool,
    #[serde(default)]
    pub unspecified: bool,
    /// How officers type this entry, and what decoding it must give (`ref check` runs them).
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Marking {
    pub id: String,
    pub kind: String,
    pub appearance: String,
    #[serde(default)]
    pub symbol: Option<String>,
    #[serde(default)]
    pub inner: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub script: Option<String>,
    pub meaning: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub manufacturer: Option<String>,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
    #[serde(default)]
    pub models: Vec<String>,
    #[serde(default)]
    pub caveats: Option<String>,
    /// How officers type this entry, and what decoding it must give (`ref check` runs them).
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Headstamp {
    pub id: String,
    pub code: String,
    pub country: String,
    #[serde(default)]
    pub manufacturer: Option<String>,
    #[serde(default)]
    pub calibres: Vec<String>,
    #[serde(default)]
    pub layout: Option<String>,
    #[serde(default)]
    pub year_digits: Option<u8>,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
    pub meaning: String,
    #[serde(default)]
    pub caveats: Option<String>,
    /// How officers type this entry, and what decoding it must give (`ref check` runs them).
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// The whole library, all files merged.
#[derive(Debug, Default)]
pub struct Library {
    pub version: Option<String>,
    pub sources: Vec<Source>,
    pub countries: Vec<Country>,
    pub calibres: Vec<Calibre>,
    pub traits: Vec<Trait>,
    pub manufacturers: Vec<Manufacturer>,
    pub models: Vec<Model>,
    pub markings: Vec<Marking>,
    pub headstamps: Vec<Headstamp>,
}

/// ITI categories (A/60/88 para. 4) plus shotguns.
pub const WEAPON_TYPES: &[&str] = &[
    "self-loading-pistol",
    "revolver",
    "rifle",
    "carbine",
    "sub-machine-gun",
    "assault-rifle",
    "light-machine-gun",
    "heavy-machine-gun",
    "grenade-launcher",
    "portable-anti-aircraft-gun",
    "portable-anti-tank-gun",
    "recoilless-rifle",
    "anti-tank-launcher",
    "anti-aircraft-launcher",
    "mortar",
    "shotgun",
];

pub const MARKING_KINDS: &[&str] = &[
    "manufacturer",
    "factory-code",
    "country",
    "year-code",
    "proof",
    "import",
    "secondary",
    "arsenal",
    "inspector",
    "selector",
    "model-designation",
    "serial-format",
];

pub const SYMBOLS: &[&str] = &[
    "triangle",
    "circle",
    "double-circle",
    "oval",
    "rhombus",
    "square",
    "shield",
    "star",
    "arrow",
    "wreath",
    "cross-in-circle",
    "keystone",
];

pub const CALIBRE_CATEGORIES: &[&str] = &[
    "pistol",
    "rifle",
    "heavy-machine-gun",
    "shotgun",
    "grenade",
    "rocket",
    "recoilless",
    "mortar",
];

pub const SCRIPTS: &[&str] = &["latin", "cyrillic", "chinese", "arabic", "symbol"];

/// One way an officer types an entry: decoding `input` must give a reading of the entry (and,
/// for a headstamp or a dated mark, the `year`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Example {
    Input(String),
    Expect {
        input: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
}

impl Example {
    pub fn input(&self) -> &str {
        match self {
            Example::Input(input) | Example::Expect { input, .. } => input,
        }
    }

    pub fn year(&self) -> Option<i32> {
        match self {
            Example::Input(_) => None,
            Example::Expect { year, .. } => *year,
        }
    }
}
