//! The identification engine: observations in, ranked candidates with reasons out, and the
//! question that would best split what remains. Pure: no printing, prompting or clock.

pub mod answers;
pub mod observations;
pub mod question;
pub mod serial;
pub mod session;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::refdata::decode::{Decoded, Decoder, Fit, Reading};
use crate::refdata::schema::{Confidence, Model};
use crate::refdata::Catalog;

pub use self::observations::{Answer, Observations};
pub use self::question::{Question, QuestionOption};
pub use self::serial::{SerialReading, SerialStatus};

/// One model the weapon may be, with the evidence for and against.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub model_id: String,
    pub name: String,
    pub family: String,
    #[serde(rename = "type")]
    pub weapon_type: String,
    pub calibres: Vec<String>,
    pub countries: Vec<String>,
    pub manufacturers: Vec<String>,
    pub score: i32,
    /// How far the evidence carries: high, medium or low.
    pub confidence: &'static str,
    /// marks, features, marks and features, or none
    pub basis: &'static str,
    pub reasons: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<&'static str>,
}

/// What the engine concludes from the observations so far.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub candidates: Vec<Candidate>,
    pub markings: Vec<Decoded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial: Option<SerialReading>,
    pub question: Option<Question>,
    pub uncertain: Vec<String>,
    pub photos: Vec<String>,
}

/// Marks that speak to where and by whom a weapon was made. Import, proof and secondary marks
/// say where it went afterwards, and must not count against a maker.
const ORIGIN_KINDS: &[&str] = &[
    "manufacturer",
    "factory-code",
    "country",
    "model-designation",
    "arsenal",
    "year-code",
    "selector",
    "serial-format",
];

/// How many candidates an assessment lists.
pub const MAX_CANDIDATES: usize = 10;

/// Types close enough that an officer may call one the other.
const NEAR_TYPES: &[&[&str]] = &[
    &["rifle", "carbine", "assault-rifle"],
    &["light-machine-gun", "heavy-machine-gun"],
    &["anti-tank-launcher", "recoilless-rifle", "portable-anti-tank-gun"],
    &["self-loading-pistol", "revolver"],
];

#[derive(Debug, Default)]
struct Tally {
    score: i32,
    reasons: Vec<String>,
    by_marks: bool,
    by_features: bool,
}

impl Tally {
    fn add(&mut self, points: i32, reason: String) {
        self.score += points;
        let sign = if points > 0 {
            "+"
        } else if points < 0 {
            "-"
        } else {
            "~"
        };
        self.reasons.push(format!("{sign} {reason}"));
    }
}

/// The engine over one catalog.
#[derive(Debug)]
pub struct Engine<'a> {
    decoder: Decoder<'a>,
}

impl<'a> Engine<'a> {
    pub fn new(catalog: &'a Catalog, this_year: i32) -> Engine<'a> {
        Engine {
            decoder: Decoder::new(catalog, this_year),
        }
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.decoder.catalog()
    }

    pub fn decoder(&self) -> &Decoder<'a> {
        &self.decoder
    }

    /// Ranks every model against the observations and picks the next question.
    pub fn assess(&self, obs: &Observations) -> Assessment {
        let catalog = self.catalog();
        let markings: Vec<Decoded> = obs.markings.iter().map(|m| self.decoder.decode(m)).collect();
        let serial = obs
            .serial
            .as_deref()
            .map(|s| serial::read(s, &self.decoder));

        let mut scored: Vec<(&Model, Tally)> = catalog
            .models
            .iter()
            .filter(|m| !m.unspecified)
            .map(|m| (m, self.tally(m, obs, &markings, serial.as_ref())))
            .collect();
        scored.sort_by(|(a, ta), (b, tb)| {
            tb.score
                .cmp(&ta.score)
                .then(b.confidence.cmp(&a.confidence))
                .then(a.name.cmp(&b.name))
        });

        let best = scored.first().map_or(0, |(_, t)| t.score);
        let contenders: Vec<&Model> = scored
            .iter()
            .filter(|(_, t)| t.score >= best - 2)
            .map(|(m, _)| *m)
            .collect();
        let question = question::next(catalog, obs, &contenders);

        let mut candidates: Vec<Candidate> = Vec::new();
        // "Kalashnikov pattern, variant unknown" is an answer: when the best candidates are
        // variants of one family that the facts cannot split, the family entry leads.
        if let Some(family) = self.unsplit_family(&scored, best) {
            candidates.push(family);
        }
        candidates.extend(
            scored
                .into_iter()
                .filter(|(_, t)| t.score >= best - 6)
                .map(|(m, t)| self.candidate(m, t)),
        );
        candidates.truncate(MAX_CANDIDATES);

        let uncertain = self.uncertainties(obs, &candidates, &markings, serial.as_ref());
        let photos = self.photos(obs, question.as_ref());
        Assessment {
            candidates,
            markings,
            serial,
            question,
            uncertain,
            photos,
        }
    }

    fn tally(
        &self,
        model: &Model,
        obs: &Observations,
        markings: &[Decoded],
        serial: Option<&SerialReading>,
    ) -> Tally {
        let catalog = self.catalog();
        let mut t = Tally::default();
        if model.craft {
            t.add(-1, "craft production: only features can point here".into());
        }
        if let Some(kind) = &obs.weapon_type {
            if *kind == model.weapon_type {
                t.add(3, format!("type {kind} matches"));
            } else if NEAR_TYPES
                .iter()
                .any(|g| g.contains(&kind.as_str()) && g.contains(&model.weapon_type.as_str()))
            {
                t.add(-1, format!("type given as {kind}; listed as {}", model.weapon_type));
            } else {
                t.add(-5, format!("type is {kind}, not {}", model.weapon_type));
            }
        }
        if let Some(calibre) = &obs.calibre {
            if model.calibres.contains(calibre) {
                t.add(4, format!("calibre {calibre} matches"));
            } else if !model.calibres.is_empty() {
                t.add(
                    -6,
                    format!("calibre {calibre}: this model fires {}", model.calibres.join(", ")),
                );
            }
        }
        if let Some(country) = &obs.country {
            if model.countries.contains(country) {
                t.add(2, format!("produced in {}", catalog.country_name(country)));
            } else if !model.countries.is_empty() {
                t.add(-2, format!("not known to be produced in {}", catalog.country_name(country)));
            }
        }
        for decoded in markings {
            if let Some((points, reason)) = self.mark_evidence(model, decoded) {
                t.by_marks |= points > 0;
                t.add(points, reason);
            }
        }
        if let Some(reading) = serial {
            for r in &reading.readings {
                if r.models.contains(&model.id) {
                    t.by_marks = true;
                    t.add(3, format!("serial format: {}", r.meaning));
                }
            }
        }
        for (key, answer) in &obs.traits {
            let Answer::Value(value) = answer else {
                continue;
            };
            let shown = model_trait(model, key);
            if shown.is_empty() {
                continue;
            }
            if shown.iter().any(|v| v == value) {
                t.by_features = true;
                t.add(2, format!("{key}: {value} matches"));
            } else {
                t.add(-3, format!("{key}: {value}, but this model has {}", shown.join(", ")));
            }
        }
        for feature in &obs.features {
            if let Some(found) = model.features.iter().find(|f| shares_words(f, feature)) {
                t.by_features = true;
                t.add(1, format!("feature '{feature}' fits: {found}"));
            }
        }
        t
    }

    /// The strongest thing one decoded mark says for or against `model`.
    fn mark_evidence(&self, model: &Model, decoded: &Decoded) -> Option<(i32, String)> {
        let catalog = self.catalog();
        let mut best: Option<(i32, String)> = None;
        let mut against: Option<(i32, String)> = None;
        let mut consider = |points: i32, reason: String| {
            if best.as_ref().is_none_or(|(p, _)| points > *p) {
                best = Some((points, reason));
            }
        };
        for r in &decoded.matches {
            let halve = |p: i32| if r.fit == Fit::Exact { p } else { p / 2 };
            let said = format!("mark '{}' = {}", decoded.input, describe_reading(catalog, r));
            if r.kind == "calibre" {
                let id = r.marking_id.trim_start_matches("calibre:");
                if model.calibres.iter().any(|c| c == id) {
                    consider(halve(2), said);
                }
                continue;
            }
            if !ORIGIN_KINDS.contains(&r.kind.as_str()) {
                continue;
            }
            if r.models.contains(&model.id) {
                consider(halve(6), said);
            } else if r
                .manufacturer
                .as_ref()
                .is_some_and(|m| model.producers.iter().any(|p| &p.manufacturer == m))
            {
                consider(halve(4), said);
            } else if r.country.as_ref().is_some_and(|c| model.countries.contains(c)) {
                consider(halve(2), said);
            } else if r.fit == Fit::Exact && (r.country.is_some() || !r.models.is_empty()) {
                against = Some((-2, format!("{said}, which does not point here")));
            }
        }
        best.or(against)
    }

    fn candidate(&self, model: &Model, tally: Tally) -> Candidate {
        let basis = match (tally.by_marks, tally.by_features) {
            (true, true) => "marks and features",
            (true, false) => "marks",
            (false, true) => "features",
            (false, false) => "none",
        };
        let confidence = if model.craft || model.confidence == Some(Confidence::Low) {
            "low"
        } else {
            match basis {
                "marks and features" if tally.score >= 8 => "high",
                "marks and features" | "marks" => "medium",
                _ if tally.score >= 6 => "medium",
                _ => "low",
            }
        };
        let mut flags = Vec::new();
        if model.craft {
            flags.push("craft");
        }
        if model.copy_of.is_some() {
            flags.push("copy");
        }
        Candidate {
            model_id: model.id.clone(),
            name: model.name.clone(),
            family: model.family.clone(),
            weapon_type: model.weapon_type.clone(),
            calibres: model.calibres.clone(),
            countries: model.countries.clone(),
            manufacturers: model.producers.iter().map(|p| p.manufacturer.clone()).collect(),
            score: tally.score,
            confidence,
            basis,
            reasons: tally.reasons,
            flags,
        }
    }

    /// The family entry, when two or more of its variants tie for the lead.
    fn unsplit_family(&self, scored: &[(&Model, Tally)], best: i32) -> Option<Candidate> {
        let leaders: Vec<&Model> = scored
            .iter()
            .take_while(|(_, t)| t.score == best)
            .map(|(m, _)| *m)
            .collect();
        let family = &leaders.first()?.family;
        if leaders.len() < 2 || leaders.iter().any(|m| &m.family != family) {
            return None;
        }
        let entry = self
            .catalog()
            .models
            .iter()
            .find(|m| m.unspecified && &m.family == family)?;
        let tally = &scored.first()?.1;
        let names: Vec<&str> = leaders.iter().map(|m| m.name.as_str()).collect();
        let mut reasons = tally.reasons.clone();
        reasons.push(format!(
            "~ the facts fit {} variants equally ({}): the variant is not established",
            leaders.len(),
            names.join(", ")
        ));
        let mut candidate = self.candidate(
            entry,
            Tally {
                score: best,
                reasons,
                by_marks: tally.by_marks,
                by_features: tally.by_features,
            },
        );
        let union = |f: &dyn Fn(&Model) -> Vec<String>| -> Vec<String> {
            leaders
                .iter()
                .flat_map(|m| f(m))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        candidate.calibres = union(&|m| m.calibres.clone());
        candidate.countries = union(&|m| m.countries.clone());
        candidate.manufacturers =
            union(&|m| m.producers.iter().map(|p| p.manufacturer.clone()).collect());
        candidate.flags.push("variant-unknown");
        Some(candidate)
    }

    fn uncertainties(
        &self,
        obs: &Observations,
        candidates: &[Candidate],
        markings: &[Decoded],
        serial: Option<&SerialReading>,
    ) -> Vec<String> {
        let catalog = self.catalog();
        let mut out = Vec::new();
        let top: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| candidates.first().is_some_and(|b| c.score == b.score))
            .collect();
        if top.len() > 1 {
            let names: Vec<&str> = top.iter().map(|c| c.name.as_str()).collect();
            out.push(format!("model not established: {} fit equally", names.join(", ")));
        }
        let countries: BTreeSet<&String> = top.iter().flat_map(|c| &c.countries).collect();
        if countries.len() > 1 {
            let names: Vec<String> = countries.iter().map(|c| catalog.country_name(c)).collect();
            out.push(format!("country of manufacture not established: {}", names.join(", ")));
        }
        if obs.marks_obliterated {
            out.push("marks obliterated: identification rests on features alone".into());
        } else if obs.markings.is_empty() {
            out.push("no marks given: maker and country rest on features".into());
        }
        for decoded in markings {
            if decoded.matches.is_empty() {
                out.push(format!("mark '{}' matches nothing in the library", decoded.input));
            } else {
                let origins: BTreeSet<&Option<String>> =
                    decoded.matches.iter().map(|r| &r.country).collect();
                if origins.len() > 1 {
                    out.push(format!(
                        "mark '{}' has {} readings: see markings",
                        decoded.input,
                        decoded.matches.len()
                    ));
                }
            }
        }
        match serial.map(|s| s.status) {
            None => out.push("serial not recorded".into()),
            Some(SerialStatus::Partial) => {
                out.push("serial partly legible: the partial string is kept as read".into());
            }
            Some(SerialStatus::Obliterated) => {
                out.push("serial obliterated: consider recovery by a laboratory".into());
            }
            Some(SerialStatus::Present) => {}
        }
        if top.iter().any(|c| c.flags.contains(&"craft")) {
            out.push("possible craft production: low confidence, confirm by examination".into());
        }
        out
    }

    fn photos(&self, obs: &Observations, question: Option<&Question>) -> Vec<String> {
        let mut photos: Vec<String> = vec![
            "whole weapon, left side, with a scale".into(),
            "whole weapon, right side, with a scale".into(),
            "serial number on the frame or receiver, close up".into(),
            "every mark, close up, with a scale".into(),
        ];
        let unknown = obs
            .unknown
            .iter()
            .chain(obs.traits.iter().filter(|(_, a)| matches!(a, Answer::DontKnow)).map(|(k, _)| k))
            .chain(question.map(|q| &q.field));
        for key in unknown {
            if let Some(photo) = self.catalog().trait_def(key).and_then(|t| t.photo.clone()) {
                if !photos.contains(&photo) {
                    photos.push(photo);
                }
            }
        }
        photos
    }
}

/// The trait values a model shows. Finish is implied: factory unless the entry is craft.
pub fn model_trait(model: &Model, key: &str) -> Vec<String> {
    match (key, model.traits.get(key)) {
        (_, Some(values)) => values.clone(),
        ("finish", None) if model.craft => vec!["crude".into()],
        ("finish", None) => vec!["factory".into()],
        _ => Vec::new(),
    }
}

fn describe_reading(catalog: &Catalog, r: &Reading) -> String {
    let mut text = r.meaning.clone();
    if let Some(country) = &r.country {
        if !text.contains(&catalog.country_name(country)) {
            text.push_str(&format!(", {country}"));
        }
    }
    if r.fit == Fit::Partial {
        text.push_str(" (partial match)");
    }
    text.push_str(&format!(" [{}]", r.confidence));
    text
}

/// True when two descriptions share a meaningful word (four letters or more).
fn shares_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    !words(a).is_disjoint(&words(b))
}
