//! What the officer has established about the weapon so far.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::refdata::schema::WEAPON_TYPES;
use crate::refdata::{Catalog, RefError, closest};

/// An answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "answer", content = "value")]
pub enum Answer {
    Value(String),
    /// Marks as read, for the markings question.
    Marks(Vec<String>),
    /// The marks were removed or are illegible.
    Obliterated,
    DontKnow,
}

/// The facts given so far.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Observations {
    #[serde(rename = "type")]
    pub weapon_type: Option<String>,
    pub calibre: Option<String>,
    pub markings: Vec<String>,
    pub marks_obliterated: bool,
    pub serial: Option<String>,
    pub country: Option<String>,
    pub traits: BTreeMap<String, Answer>,
    pub features: Vec<String>,
    /// Questions answered "don't know": not asked again.
    pub unknown: BTreeSet<String>,
}

/// Words officers use for the ITI categories.
const TYPE_SYNONYMS: &[(&str, &str)] = &[
    ("pistol", "self-loading-pistol"),
    ("handgun", "self-loading-pistol"),
    ("smg", "sub-machine-gun"),
    ("submachine-gun", "sub-machine-gun"),
    ("lmg", "light-machine-gun"),
    ("gpmg", "light-machine-gun"),
    ("machine-gun", "light-machine-gun"),
    ("hmg", "heavy-machine-gun"),
    ("rocket-launcher", "anti-tank-launcher"),
    ("rpg", "anti-tank-launcher"),
    ("manpads", "anti-aircraft-launcher"),
];

/// An ITI category as written (`assault rifle`, `SMG`, `pistol`) to its id.
pub fn parse_type(text: &str) -> Result<String, RefError> {
    let id = text.trim().to_lowercase().replace([' ', '_'], "-");
    if WEAPON_TYPES.contains(&id.as_str()) {
        return Ok(id);
    }
    if let Some((_, canonical)) = TYPE_SYNONYMS.iter().find(|(w, _)| *w == id) {
        return Ok((*canonical).to_owned());
    }
    Err(RefError::UnknownValue {
        field: "type".into(),
        value: text.to_owned(),
        suggestions: closest(&id, WEAPON_TYPES.iter().copied(), 3),
    })
}

/// A country as written (`CN`, `cn`, `China`, `Chine`) to its code.
pub fn parse_country(catalog: &Catalog, text: &str) -> Result<String, RefError> {
    let wanted = text.trim().to_lowercase();
    let found = catalog.countries.iter().find(|c| {
        c.code.to_lowercase() == wanted
            || c.name_en.to_lowercase() == wanted
            || c.name_fr.to_lowercase() == wanted
    });
    match found {
        Some(c) => Ok(c.code.clone()),
        None => Err(RefError::UnknownValue {
            field: "country".into(),
            value: text.to_owned(),
            suggestions: closest(
                &wanted,
                catalog.countries.iter().map(|c| c.name_en.as_str()),
                3,
            ),
        }),
    }
}

/// `key=value` for a trait, or words that name one trait value unambiguously
/// (`stamped`, `underfolding receiver`); anything else stays a free-text feature.
pub fn parse_feature(catalog: &Catalog, text: &str) -> Result<Feature, RefError> {
    if let Some((key, value)) = text.split_once('=') {
        let key = key.trim().to_lowercase();
        let value = value.trim().to_lowercase();
        let Some(def) = catalog.trait_def(&key) else {
            return Err(RefError::UnknownValue {
                field: "feature".into(),
                value: key.clone(),
                suggestions: closest(&key, catalog.traits.iter().map(|t| t.key.as_str()), 3),
            });
        };
        if value == "dont-know" || value == "unknown" {
            return Ok(Feature::Trait(key, Answer::DontKnow));
        }
        if def.values.iter().any(|v| v.id == value) {
            return Ok(Feature::Trait(key, Answer::Value(value)));
        }
        return Err(RefError::UnknownValue {
            field: key,
            value: value.clone(),
            suggestions: closest(&value, def.values.iter().map(|v| v.id.as_str()), 3),
        });
    }
    let words: BTreeSet<String> = text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_owned)
        .collect();
    let named: Vec<(&str, &str)> = catalog
        .traits
        .iter()
        .flat_map(|t| {
            t.values
                .iter()
                .map(move |v| (t.key.as_str(), v.id.as_str()))
        })
        .filter(|(_, id)| words.contains(*id))
        .collect();
    Ok(match named.as_slice() {
        [(key, value)] => Feature::Trait((*key).to_owned(), Answer::Value((*value).to_owned())),
        _ => Feature::Free(text.trim().to_owned()),
    })
}

/// A feature flag, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feature {
    Trait(String, Answer),
    Free(String),
}

impl Observations {
    pub fn add_feature(&mut self, feature: Feature) {
        match feature {
            Feature::Trait(key, answer) => {
                self.traits.insert(key, answer);
            }
            Feature::Free(text) => self.features.push(text),
        }
    }

    /// Whether a question about `field` has been answered, with a fact or "don't know".
    pub fn answered(&self, field: &str) -> bool {
        if self.unknown.contains(field) {
            return true;
        }
        match field {
            "type" => self.weapon_type.is_some(),
            "calibre" => self.calibre.is_some(),
            "markings" => !self.markings.is_empty() || self.marks_obliterated,
            key => self.traits.contains_key(key),
        }
    }
}
