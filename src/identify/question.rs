//! Choosing the question that best splits the remaining candidates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::model_trait;
use super::observations::Observations;
use crate::i18n::Said;
use crate::refdata::Catalog;
use crate::refdata::schema::{Model, WEAPON_TYPES};
use crate::said;

/// A question for the officer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Question {
    /// `type`, `calibre`, `markings`, or a trait key such as `stock`
    pub field: String,
    /// In the officer's language on the terminal, in English in `--json`.
    pub prompt: Said,
    pub options: Vec<QuestionOption>,
    /// The answer is free text (marks, calibre) rather than one of the options.
    pub free_text: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct QuestionOption {
    pub value: String,
    pub label: Said,
}

/// Ties are broken in this order: broad, easy facts first.
const PREFERENCE: &[&str] = &[
    "type", "calibre", "markings", "magazine", "action", "receiver", "stock", "selector", "muzzle",
    "bayonet", "finish",
];

/// The values each contender shows for `field`; an empty list means the entry does not say.
fn values_of<'m>(model: &'m Model, field: &str) -> Vec<&'m str> {
    let all = |values: &'m [String]| values.iter().map(String::as_str).collect();
    match field {
        "type" => vec![model.weapon_type.as_str()],
        "calibre" => all(&model.calibres),
        // Marks tell the maker, so they split candidates as their countries of production do.
        "markings" => all(&model.countries),
        key => model_trait(model, key),
    }
}

/// How well a question splits `models`: the entropy of the answers, weighted by the share of
/// models whose entries say anything (a question most entries are silent on tells little).
fn information(models: &[&Model], field: &str) -> f64 {
    let mut buckets: BTreeMap<&str, f64> = BTreeMap::new();
    let mut known = 0.0;
    for model in models {
        let values = values_of(model, field);
        if values.is_empty() {
            continue;
        }
        known += 1.0;
        let share = 1.0 / values.len() as f64;
        for v in values {
            *buckets.entry(v).or_default() += share;
        }
    }
    if known == 0.0 || buckets.len() < 2 {
        return 0.0;
    }
    let entropy: f64 = buckets
        .values()
        .map(|n| {
            let p = n / known;
            -p * p.log2()
        })
        .sum();
    entropy * known / models.len() as f64
}

/// The most telling unanswered question about `contenders`, or none when nothing would help.
pub fn next(catalog: &Catalog, obs: &Observations, contenders: &[&Model]) -> Option<Question> {
    if contenders.len() < 2 {
        return None;
    }
    let fields = PREFERENCE.iter().map(|f| (*f).to_owned()).chain(
        catalog
            .traits
            .iter()
            .map(|t| t.key.clone())
            .filter(|k| !PREFERENCE.contains(&k.as_str())),
    );
    let mut best: Option<(f64, String)> = None;
    let leader = contenders[0];
    for field in fields {
        if obs.answered(&field) {
            continue;
        }
        // A question is worth asking only if its answer could move someone past the leader.
        let leader_values = values_of(leader, &field);
        let could_change_the_lead = contenders[1..].iter().any(|m| {
            let values = values_of(m, &field);
            !values.is_empty() && values != leader_values
        });
        if !could_change_the_lead {
            continue;
        }
        let gain = information(contenders, &field);
        // Strictly greater: on a tie the earlier, easier question wins.
        if gain > 1e-9 && best.as_ref().is_none_or(|(g, _)| gain > *g + 1e-9) {
            best = Some((gain, field));
        }
    }
    let (_, field) = best?;
    Some(build(catalog, &field, contenders))
}

fn build(catalog: &Catalog, field: &str, contenders: &[&Model]) -> Question {
    let mut seen: Vec<String> = Vec::new();
    for model in contenders {
        for v in values_of(model, field) {
            if !seen.iter().any(|s| s == v) {
                seen.push(v.to_owned());
            }
        }
    }
    match field {
        "type" => Question {
            field: field.into(),
            prompt: said!("question-type"),
            options: WEAPON_TYPES
                .iter()
                .map(|t| (*t).to_owned())
                .map(|v| QuestionOption {
                    label: Said::new(crate::i18n::label("type", &v), v.replace('-', " ")),
                    value: v,
                })
                .collect(),
            free_text: false,
        },
        "calibre" => Question {
            field: field.into(),
            prompt: said!("question-calibre"),
            options: seen
                .into_iter()
                .map(|v| QuestionOption {
                    label: Said::verbatim(
                        catalog
                            .calibres
                            .iter()
                            .find(|c| c.id == v)
                            .map_or_else(|| v.clone(), |c| c.name.clone()),
                    ),
                    value: v,
                })
                .collect(),
            free_text: true,
        },
        "markings" => Question {
            field: field.into(),
            prompt: said!("question-markings"),
            options: Vec::new(),
            free_text: true,
        },
        key => {
            let def = catalog.trait_def(key);
            let lang = crate::i18n::current();
            Question {
                field: key.into(),
                prompt: def.map_or_else(
                    || Said::verbatim(key),
                    |t| Said::new(t.prompt_in(lang.code()).to_owned(), t.prompt.clone()),
                ),
                options: def
                    .map(|t| {
                        // Every value, in the order of the trait list: an officer looks for
                        // what they see, not for what the current candidates happen to show.
                        t.values
                            .iter()
                            .map(|v| QuestionOption {
                                value: v.id.clone(),
                                label: Said::new(
                                    v.label_in(lang.code()).to_owned(),
                                    v.label.clone(),
                                ),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                free_text: false,
            }
        }
    }
}
