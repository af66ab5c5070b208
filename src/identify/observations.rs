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
    /// Take back the previous answer and ask again.
    Back,
}

/// The facts given so far.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Observations {
    #[serde(rename = "type")]
    pub weapon_type: Option<String>,
    pub calibre: Option<String>,
    /// The calibres a calibre written for several (`9mm`, `.45`) may be, until one is known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calibre_options: Vec<String>,
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
    ("assault-rifle", "assault-rifle"),
    ("revolver", "revolver"),
    ("sniper-rifle", "rifle"),
    ("bolt-action-rifle", "rifle"),
    ("mortar", "mortar"),
    ("launcher", "anti-tank-launcher"),
    ("grenade-launcher", "grenade-launcher"),
    // French
    ("pistolet", "self-loading-pistol"),
    ("pistolet-semi-automatique", "self-loading-pistol"),
    ("fusil", "rifle"),
    ("fusil-d'assaut", "assault-rifle"),
    ("fusil-dassaut", "assault-rifle"),
    ("carabine", "carbine"),
    ("pistolet-mitrailleur", "sub-machine-gun"),
    ("mitraillette", "sub-machine-gun"),
    ("fusil-mitrailleur", "light-machine-gun"),
    ("mitrailleuse", "light-machine-gun"),
    ("mitrailleuse-legere", "light-machine-gun"),
    ("mitrailleuse-lourde", "heavy-machine-gun"),
    ("lance-grenades", "grenade-launcher"),
    ("lance-roquettes", "anti-tank-launcher"),
    ("lance-roquette", "anti-tank-launcher"),
    ("mortier", "mortar"),
    ("canon-sans-recul", "recoilless-rifle"),
    ("fusil-de-chasse", "shotgun"),
    ("fusil-a-pompe", "shotgun"),
];

/// An ITI category as written (`assault rifle`, `SMG`, `pistol`) to its id.
pub fn parse_type(text: &str) -> Result<String, RefError> {
    let id = crate::refdata::fold::fold(text.trim())
        .to_lowercase()
        .replace('’', "'")
        .replace([' ', '_'], "-");
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
        let Some(def) = catalog.trait_named(&key) else {
            return Err(RefError::UnknownValue {
                field: "feature".into(),
                value: key.clone(),
                suggestions: closest(&key, catalog.traits.iter().map(|t| t.key.as_str()), 3),
            });
        };
        let key = def.key.clone();
        if value == "dont-know"
            || value == "unknown"
            || crate::i18n::find_word("answer", &value, &["dont-know"]).is_some()
        {
            return Ok(Feature::Trait(key, Answer::DontKnow));
        }
        return match trait_value(def, &value) {
            Ok(id) => Ok(Feature::Trait(key, Answer::Value(id))),
            Err(fitting) if !fitting.is_empty() => Err(RefError::UnknownValue {
                field: key,
                value,
                suggestions: fitting,
            }),
            Err(_) => Err(RefError::UnknownValue {
                field: key,
                suggestions: closest(&value, def.values.iter().map(|v| v.id.as_str()), 3),
                value,
            }),
        };
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
    /// Records that `field` cannot be answered: the engine stops asking it.
    pub fn dont_know(&mut self, catalog: &Catalog, field: &str) -> Result<(), RefError> {
        let key = field.trim().to_lowercase().replace([' ', '_'], "-");
        let key = match key.as_str() {
            "mark" | "marks" | "marking" => "markings".to_owned(),
            "caliber" => "calibre".to_owned(),
            _ => key,
        };
        let known = ["type", "calibre", "markings", "serial"].contains(&key.as_str())
            || catalog.trait_def(&key).is_some();
        if !known {
            let fields = ["type", "calibre", "markings", "serial"]
                .into_iter()
                .chain(catalog.traits.iter().map(|t| t.key.as_str()));
            return Err(RefError::UnknownValue {
                field: "dont-know".into(),
                value: field.to_owned(),
                suggestions: closest(&key, fields, 3),
            });
        }
        self.unknown.insert(key);
        Ok(())
    }

    pub fn answered(&self, field: &str) -> bool {
        if self.unknown.contains(field) {
            return true;
        }
        match field {
            "type" => self.weapon_type.is_some(),
            "calibre" => self.calibre.is_some(),
            "markings" => !self.markings.is_empty() || self.marks_obliterated,
            "serial" => self.serial.is_some(),
            "country" => self.country.is_some(),
            key => self.traits.contains_key(key),
        }
    }
}

/// The value of a trait an answer names: its id (`underfolding`), or words that fit one value
/// alone, in its id or its label (`stamped steel`, `wooden fixed stock`, `polymer`).
pub fn trait_value(
    def: &crate::refdata::schema::Trait,
    answer: &str,
) -> Result<String, Vec<String>> {
    let wanted = crate::refdata::fold::fold(answer.trim())
        .to_lowercase()
        .replace(['_', ' '], "-");
    if let Some(v) = def.values.iter().find(|v| v.id == wanted) {
        return Ok(v.id.clone());
    }
    let words: Vec<String> = crate::refdata::fold::fold(answer)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return Err(Vec::new());
    }
    let fitting: Vec<&str> = def
        .values
        .iter()
        .filter(|v| {
            // The label in every language: `crosse repliable` is `underfolding`.
            let labels: Vec<&str> = v.labels.values().map(String::as_str).collect();
            let text =
                crate::refdata::fold::fold(&format!("{} {} {}", v.id, v.label, labels.join(" ")))
                    .to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|v| v.id.as_str())
        .collect();
    match fitting.as_slice() {
        [one] => Ok((*one).to_owned()),
        several => Err(several.iter().map(|v| (*v).to_owned()).collect()),
    }
}
