//! The identification engine: observations in, ranked candidates with reasons out, and the
//! question that would best split what remains. Pure: no printing, prompting or clock.

pub mod answers;
pub mod observations;
pub mod question;
pub mod serial;
pub mod session;

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use serde::Serialize;

use crate::i18n::{Lang, Said, current, word_in};
use crate::refdata::Catalog;
use crate::refdata::decode::{Decoded, Decoder, Fit, Reading};
use crate::refdata::schema::{Confidence, Model};
use crate::said;

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
    pub reasons: Vec<Said>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<&'static str>,
    /// For a craft-production category: where such weapons are documented. This is no
    /// country of manufacture of the item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documented_in: Vec<String>,
    /// False when the model contradicts one of the facts given, or nothing supports it.
    pub fits: bool,
}

/// What the engine concludes from the observations so far.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// True when no model in the library fits the facts: the candidates are then only the
    /// closest, and say so.
    pub no_match: bool,
    pub candidates: Vec<Candidate>,
    pub markings: Vec<Decoded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial: Option<SerialReading>,
    pub question: Option<Question>,
    pub uncertain: Vec<Said>,
    pub photos: Vec<Said>,
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

/// How far behind the leader a model may be and still be overtaken by one more answer.
const QUESTION_MARGIN: i32 = 5;

fn level(confidence: &str) -> u8 {
    match confidence {
        "high" => 2,
        "medium" => 1,
        _ => 0,
    }
}

/// Types close enough that an officer may call one the other.
const NEAR_TYPES: &[&[&str]] = &[
    &["rifle", "carbine", "assault-rifle"],
    &["light-machine-gun", "heavy-machine-gun"],
    &[
        "anti-tank-launcher",
        "recoilless-rifle",
        "portable-anti-tank-gun",
    ],
    &["self-loading-pistol", "revolver"],
];

/// One decoded mark made ready to weigh every model against: the parts of it that count once
/// each (a whole stamped line holds several marks), and for each reading the models it names,
/// looked up once per assessment rather than once per model.
struct Mark<'a, 'd> {
    decoded: &'d Decoded,
    parts: Vec<Option<&'d str>>,
    named: Vec<Vec<&'a Model>>,
}

impl<'a, 'd> Mark<'a, 'd> {
    fn new(catalog: &'a Catalog, decoded: &'d Decoded) -> Mark<'a, 'd> {
        let mut parts: Vec<Option<&str>> = Vec::new();
        for r in &decoded.matches {
            if !parts.contains(&r.span.as_deref()) {
                parts.push(r.span.as_deref());
            }
        }
        let named = decoded
            .matches
            .iter()
            .map(|r| r.models.iter().filter_map(|id| catalog.model(id)).collect())
            .collect();
        Mark {
            decoded,
            parts,
            named,
        }
    }
}

#[derive(Debug, Default)]
struct Tally {
    score: i32,
    reasons: Vec<Said>,
    by_marks: bool,
    by_features: bool,
    /// Facts this model contradicts (another type, calibre or feature; a maker's mark that
    /// is not its maker's).
    contradictions: usize,
    /// Whether to write the reasons down: only the models that will be listed need them, and
    /// writing them for every model of the library is most of an assessment's time.
    explain: bool,
}

impl Tally {
    fn add(&mut self, points: i32, reason: impl FnOnce() -> Said) {
        self.score += points;
        if points <= -2 {
            self.contradictions += 1;
        }
        if !self.explain {
            return;
        }
        let reason = reason();
        let sign = if points > 0 {
            "+ "
        } else if points < 0 {
            "- "
        } else {
            "~ "
        };
        self.reasons.push(reason.prefixed(sign));
    }
}

/// What a mark said of a model, written out only for the models that are listed.
#[derive(Debug, Clone, Copy)]
struct Credit<'d> {
    input: &'d str,
    reading: &'d Reading,
    how: How,
}

/// How a mark's reading stands to the model it is weighed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Plain,
    Family,
    Variant,
    Copy,
    OtherModel,
    Elsewhere,
}

impl Credit<'_> {
    fn describe(&self, catalog: &Catalog) -> Said {
        let reading = describe_reading(catalog, self.reading);
        let input = self.input;
        let text = |l: &Lang| {
            if l.is_english() {
                reading.english().to_owned()
            } else {
                reading.text().to_owned()
            }
        };
        match self.how {
            How::Plain => said!(|l| "reason-mark", input = input, reading = text(l)),
            How::Family => said!(|l| "reason-mark-family", input = input, reading = text(l)),
            How::Variant => said!(|l| "reason-mark-variant", input = input, reading = text(l)),
            How::Copy => said!(|l| "reason-mark-copy", input = input, reading = text(l)),
            How::OtherModel => {
                said!(
                    |l| "reason-mark-other-model",
                    input = input,
                    reading = text(l)
                )
            }
            How::Elsewhere => {
                said!(
                    |l| "reason-mark-elsewhere",
                    input = input,
                    reading = text(l)
                )
            }
        }
    }
}

/// How a model stands to one a mark names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kin {
    Same,
    Family,
    Variant,
    Copy,
}

/// The engine over one catalog.
#[derive(Debug)]
pub struct Engine<'a> {
    decoder: Decoder<'a>,
    /// Marks already decoded: the wizard assesses again after every answer.
    decoded: Mutex<HashMap<String, Decoded>>,
}

impl<'a> Engine<'a> {
    pub fn new(catalog: &'a Catalog, this_year: i32) -> Engine<'a> {
        Engine {
            decoder: Decoder::new(catalog, this_year),
            decoded: Mutex::new(HashMap::new()),
        }
    }

    fn decode(&self, mark: &str) -> Decoded {
        let mut memo = self
            .decoded
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        memo.entry(mark.to_owned())
            .or_insert_with(|| self.decoder.decode(mark))
            .clone()
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.decoder.catalog()
    }

    /// Ranks every model against the observations and picks the next question.
    pub fn assess(&self, obs: &Observations) -> Assessment {
        let catalog = self.catalog();
        let markings: Vec<Decoded> = obs.markings.iter().map(|m| self.decode(m)).collect();
        let serial = obs
            .serial
            .as_deref()
            .map(|s| serial::read(s, &self.decoder));
        let marks: Vec<Mark> = markings.iter().map(|d| Mark::new(catalog, d)).collect();

        let mut scored: Vec<(&Model, Tally)> = catalog
            .models
            .iter()
            .filter(|m| !m.unspecified)
            .map(|m| (m, self.tally(m, obs, &marks, serial.as_ref(), false)))
            .collect();
        scored.sort_by(|(a, ta), (b, tb)| {
            tb.score
                .cmp(&ta.score)
                .then(b.confidence.cmp(&a.confidence))
                .then(a.name.cmp(&b.name))
        });
        // The reasons, for the models that may be listed.
        let listed_floor = scored.first().map_or(0, |(_, t)| t.score) - 5;
        for (model, tally) in scored
            .iter_mut()
            .take_while(|(_, t)| t.score >= listed_floor)
            .take(3 * MAX_CANDIDATES)
        {
            *tally = self.tally(model, obs, &marks, serial.as_ref(), true);
        }

        let best = scored.first().map_or(0, |(_, t)| t.score);
        // Contenders: every model one more answer could still put first (a trait answer moves
        // two models apart by five points).
        let contenders: Vec<&Model> = scored
            .iter()
            .filter(|(_, t)| t.score >= best - QUESTION_MARGIN)
            .map(|(m, _)| *m)
            .collect();
        let question = question::next(catalog, obs, &contenders);
        let no_match = scored
            .first()
            .is_none_or(|(_, t)| t.score <= 0 || t.contradictions > 0);

        // "Kalashnikov pattern, variant unknown" is an answer: when several variants of one
        // family tie for the lead and the facts cannot split them, the family entry goes first.
        // Only an answer, though, when the facts point to the family at all.
        let mut families = if no_match {
            Vec::new()
        } else {
            self.unsplit_families(&scored, best)
        };
        let mut candidates: Vec<Candidate> = Vec::new();
        for (model, tally) in scored.into_iter().filter(|(_, t)| t.score >= best - 5) {
            if let Some(at) = families.iter().position(|f| f.family == model.family) {
                candidates.push(families.remove(at));
            }
            candidates.push(self.candidate(model, tally));
        }
        candidates.truncate(MAX_CANDIDATES);
        // Confidence follows the ranking: no candidate is surer than the one above it.
        let mut ceiling = "high";
        for c in &mut candidates {
            if level(c.confidence) > level(ceiling) {
                c.confidence = ceiling;
            }
            ceiling = c.confidence;
            if no_match {
                c.flags.push("closest");
            }
        }

        let uncertain = self.uncertainties(obs, &candidates, &markings, serial.as_ref());
        let photos = self.photos(obs, question.as_ref());
        Assessment {
            no_match,
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
        marks: &[Mark],
        serial: Option<&SerialReading>,
        explain: bool,
    ) -> Tally {
        let catalog = self.catalog();
        let mut t = Tally {
            explain,
            ..Tally::default()
        };
        if model.craft {
            t.add(-1, || said!("reason-craft"));
        }
        if let Some(kind) = &obs.weapon_type {
            if *kind == model.weapon_type {
                t.add(3, || {
                    said!(|l| "reason-type-matches", kind = word_in(l, "type", kind))
                });
            } else if NEAR_TYPES
                .iter()
                .any(|g| g.contains(&kind.as_str()) && g.contains(&model.weapon_type.as_str()))
            {
                t.add(-1, || {
                    said!(
                        |l| "reason-type-near",
                        kind = word_in(l, "type", kind),
                        listed = word_in(l, "type", &model.weapon_type)
                    )
                });
            } else {
                t.add(-5, || {
                    said!(
                        |l| "reason-type-not",
                        kind = word_in(l, "type", kind),
                        listed = word_in(l, "type", &model.weapon_type)
                    )
                });
            }
        }
        if let Some(calibre) = &obs.calibre {
            if model.calibres.contains(calibre) {
                t.add(4, || {
                    said!("reason-calibre-matches", calibre = calibre.as_str())
                });
            } else if !model.calibres.is_empty() {
                t.add(-6, || {
                    said!(
                        "reason-calibre-not",
                        calibre = calibre.as_str(),
                        fires = model.calibres.join(", ")
                    )
                });
            }
        }
        if obs.calibre.is_none() && !obs.calibre_options.is_empty() && !model.calibres.is_empty() {
            let options = &obs.calibre_options;
            let fires_one = model.calibres.iter().any(|c| options.contains(c));
            t.add(if fires_one { 3 } else { -5 }, || {
                said!(
                    "reason-calibre-options",
                    options = options.join(", "),
                    fires = model.calibres.join(", ")
                )
            });
        }
        if let Some(country) = &obs.country {
            if model.countries.contains(country) {
                t.add(2, || {
                    said!(
                        |l| "reason-produced-in",
                        country = crate::i18n::country_name(catalog, l, country)
                    )
                });
            } else if !model.countries.is_empty() {
                t.add(-2, || {
                    said!(
                        |l| "reason-not-produced-in",
                        country = crate::i18n::country_name(catalog, l, country)
                    )
                });
            }
        }
        for mark in marks {
            // Each part of a stamped line counts once, for its best reading.
            for part in &mark.parts {
                if let Some((points, credit)) = self.mark_evidence(model, mark, *part) {
                    t.by_marks |= points > 0;
                    t.add(points, || credit.describe(catalog));
                }
            }
        }
        if let Some(reading) = serial {
            for r in &reading.readings {
                if r.models.contains(&model.id) {
                    t.by_marks = true;
                    t.add(3, || {
                        said!("reason-serial-format", meaning = r.meaning.as_str())
                    });
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
                t.add(2, || {
                    said!(
                        |l| "reason-trait-matches",
                        key = trait_name(catalog, l, key),
                        value = trait_word(catalog, l, key, value)
                    )
                });
            } else {
                t.add(-3, || {
                    let shown_in = |l: &Lang| {
                        let words: Vec<String> = shown
                            .iter()
                            .map(|v| trait_word(catalog, l, key, v))
                            .collect();
                        words.join(if l.is_english() { ", " } else { " ; " })
                    };
                    said!(
                        |l| "reason-trait-not",
                        key = trait_name(catalog, l, key),
                        value = trait_word(catalog, l, key, value),
                        shown = shown_in(l)
                    )
                });
            }
        }
        for feature in &obs.features {
            if let Some(found) = model.features.iter().find(|f| shares_words(f, feature)) {
                t.by_features = true;
                t.add(1, || {
                    said!(
                        "reason-feature-fits",
                        feature = feature.as_str(),
                        found = found.as_str()
                    )
                });
            }
        }
        t
    }

    /// The strongest thing one part of a decoded mark says for or against `model`.
    fn mark_evidence<'d>(
        &self,
        model: &Model,
        mark: &Mark<'_, 'd>,
        part: Option<&str>,
    ) -> Option<(i32, Credit<'d>)> {
        let decoded = mark.decoded;
        let mut best: Option<(i32, Credit<'d>)> = None;
        let mut against: Option<(i32, Credit<'d>)> = None;
        let mut consider = |points: i32, credit: Credit<'d>| {
            if best.as_ref().is_none_or(|(p, _)| points > *p) {
                best = Some((points, credit));
            }
        };
        for (r, named) in decoded
            .matches
            .iter()
            .zip(&mark.named)
            .filter(|(r, _)| r.span.as_deref() == part)
        {
            let halve = |p: i32| if r.fit == Fit::Exact { p } else { p / 2 };
            let credit = |how: How| Credit {
                input: r.span.as_deref().unwrap_or(&decoded.input),
                reading: r,
                how,
            };
            if r.kind == "calibre" {
                let id = r.marking_id.trim_start_matches("calibre:");
                if model.calibres.iter().any(|c| c == id) {
                    consider(halve(2), credit(How::Plain));
                }
                continue;
            }
            // A proof mark speaks to where a weapon was made only when it is a maker's own
            // (a factory proof, or one the library ties to models); a proof house's is not.
            let makers_proof =
                r.kind == "proof" && (r.manufacturer.is_some() || !r.models.is_empty());
            if !ORIGIN_KINDS.contains(&r.kind.as_str()) && !makers_proof {
                continue;
            }
            // A bare number may be anyone's year: it counts only beside the maker's marks,
            // which speak for themselves.
            if r.kind == "year-code" && r.fit == Fit::Partial {
                continue;
            }
            // A mark that names models speaks for those models and their kin, and for no one
            // else by country alone: the SKS mark is no reason for a Soviet pistol.
            // Another mark that names models still names their maker, who may have made
            // this model too (the Arsenal 10 is on its rifles and its pistols).
            if !r.models.is_empty() {
                match kinship(model, &r.models, named) {
                    Some(Kin::Same) => consider(halve(6), credit(How::Plain)),
                    Some(Kin::Family) => consider(halve(5), credit(How::Family)),
                    Some(Kin::Variant) => consider(halve(4), credit(How::Variant)),
                    Some(Kin::Copy) => consider(halve(3), credit(How::Copy)),
                    None if r.kind == "model-designation" => {
                        if r.fit == Fit::Exact {
                            against = Some((-2, credit(How::OtherModel)));
                        }
                    }
                    None => {
                        if r.manufacturer
                            .as_ref()
                            .is_some_and(|m| model.producers.iter().any(|p| &p.manufacturer == m))
                        {
                            consider(halve(4), credit(How::Plain));
                        }
                    }
                }
                continue;
            }
            if r.manufacturer
                .as_ref()
                .is_some_and(|m| model.producers.iter().any(|p| &p.manufacturer == m))
            {
                consider(halve(4), credit(How::Plain));
            } else if r
                .country
                .as_ref()
                .is_some_and(|c| model.countries.contains(c))
            {
                consider(halve(2), credit(How::Plain));
            } else if r.fit == Fit::Exact && r.country.is_some() {
                against = Some((-2, credit(How::Elsewhere)));
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
                "features" if tally.score >= 6 => "medium",
                _ => "low",
            }
        };
        let mut flags = Vec::new();
        if model.craft {
            flags.push("craft");
        }
        let fits = tally.score > 0 && tally.contradictions == 0;
        if model.copy_of.is_some() {
            flags.push("copy");
        }
        Candidate {
            model_id: model.id.clone(),
            name: model.name.clone(),
            family: model.family.clone(),
            weapon_type: model.weapon_type.clone(),
            calibres: model.calibres.clone(),
            // A craft category is documented somewhere; the item was not made "in" it.
            countries: if model.craft {
                Vec::new()
            } else {
                model.countries.clone()
            },
            manufacturers: model
                .producers
                .iter()
                .map(|p| p.manufacturer.clone())
                .collect(),
            score: tally.score,
            confidence,
            basis,
            reasons: tally.reasons,
            flags,
            documented_in: if model.craft {
                model.countries.clone()
            } else {
                Vec::new()
            },
            fits,
        }
    }

    /// Family entries for each family with two or more variants tied for the lead.
    fn unsplit_families(&self, scored: &[(&Model, Tally)], best: i32) -> Vec<Candidate> {
        let leaders: Vec<(&Model, &Tally)> = scored
            .iter()
            .take_while(|(_, t)| t.score == best)
            .map(|(m, t)| (*m, t))
            .collect();
        let mut out = Vec::new();
        for entry in self.catalog().models.iter().filter(|m| m.unspecified) {
            let members: Vec<&(&Model, &Tally)> = leaders
                .iter()
                .filter(|(m, _)| m.family == entry.family)
                .collect();
            let Some((_, tally)) = members.first() else {
                continue;
            };
            if members.len() < 2 {
                continue;
            }
            let names: Vec<&str> = members
                .iter()
                .take(6)
                .map(|(m, _)| m.name.as_str())
                .collect();
            let more = members.len().saturating_sub(6);
            let names = names.join(", ");
            let mut reasons = tally.reasons.clone();
            reasons.push(
                said!(
                    "reason-variants-equal",
                    count = members.len(),
                    names = names.as_str(),
                    more = more
                )
                .prefixed("~ "),
            );
            let mut candidate = self.candidate(
                entry,
                Tally {
                    score: best,
                    reasons,
                    by_marks: tally.by_marks,
                    by_features: tally.by_features,
                    contradictions: tally.contradictions,
                    explain: true,
                },
            );
            let union = |f: &dyn Fn(&Model) -> Vec<String>| -> Vec<String> {
                members
                    .iter()
                    .flat_map(|(m, _)| f(m))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect()
            };
            candidate.calibres = union(&|m| m.calibres.clone());
            candidate.countries = union(&|m| m.countries.clone());
            candidate.manufacturers =
                union(&|m| m.producers.iter().map(|p| p.manufacturer.clone()).collect());
            candidate.flags.push("variant-unknown");
            out.push(candidate);
        }
        out
    }

    fn uncertainties(
        &self,
        obs: &Observations,
        candidates: &[Candidate],
        markings: &[Decoded],
        serial: Option<&SerialReading>,
    ) -> Vec<Said> {
        let catalog = self.catalog();
        let mut out = Vec::new();
        if candidates
            .first()
            .is_some_and(|c| c.flags.contains(&"closest"))
        {
            out.push(said!("uncertain-no-match"));
        }
        let top: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| !c.flags.contains(&"variant-unknown"))
            .filter(|c| candidates.first().is_some_and(|b| c.score == b.score))
            .collect();
        if top.len() > 1 {
            let names: Vec<&str> = top.iter().map(|c| c.name.as_str()).collect();
            out.push(said!("uncertain-model", names = names.join(", ")));
        }
        let countries: BTreeSet<&String> = top.iter().flat_map(|c| &c.countries).collect();
        if countries.len() > 1 {
            out.push(said!(
                |l| "uncertain-country",
                names = {
                    let names: Vec<String> = countries
                        .iter()
                        .map(|c| crate::i18n::country_name(catalog, l, c))
                        .collect();
                    names.join(", ")
                }
            ));
        }
        if obs.marks_obliterated && !obs.markings.is_empty() {
            out.push(said!("uncertain-some-obliterated"));
        } else if obs.marks_obliterated {
            out.push(said!("uncertain-obliterated"));
        } else if obs.markings.is_empty() {
            out.push(said!("uncertain-no-marks"));
        }
        for decoded in markings {
            if decoded.matches.is_empty() {
                out.push(said!(
                    "uncertain-mark-unknown",
                    mark = decoded.input.as_str()
                ));
            } else {
                let origins: BTreeSet<&Option<String>> =
                    decoded.matches.iter().map(|r| &r.country).collect();
                if origins.len() > 1 {
                    out.push(said!(
                        "uncertain-mark-readings",
                        mark = decoded.input.as_str(),
                        count = decoded.matches.len()
                    ));
                }
            }
        }
        match serial.map(|s| s.status) {
            None => out.push(said!("uncertain-no-serial")),
            Some(SerialStatus::Partial) => out.push(said!("uncertain-serial-partial")),
            Some(SerialStatus::Obliterated) => out.push(said!("uncertain-serial-obliterated")),
            Some(SerialStatus::Present) => {}
        }
        if top.iter().any(|c| c.flags.contains(&"craft")) {
            out.push(said!("uncertain-craft"));
        }
        out
    }

    fn photos(&self, obs: &Observations, question: Option<&Question>) -> Vec<Said> {
        let mut photos: Vec<Said> = vec![
            said!("photo-left"),
            said!("photo-right"),
            said!("photo-serial"),
            said!("photo-marks"),
        ];
        let unknown = obs
            .unknown
            .iter()
            .chain(
                obs.traits
                    .iter()
                    .filter(|(_, a)| matches!(a, Answer::DontKnow))
                    .map(|(k, _)| k),
            )
            .chain(question.map(|q| &q.field));
        for key in unknown {
            let lang = current();
            if let Some(t) = self.catalog().trait_def(key)
                && let Some(photo) = t.photo.clone()
                && !photos.iter().any(|p| p.starts_with(&photo))
            {
                let local = t.photo_in(lang.code()).unwrap_or(&photo).to_owned();
                photos.push(Said::new(local, photo));
            }
        }
        photos
    }
}

/// The trait values a model shows. Finish is implied: factory unless the entry is craft.
/// How `model` stands to the models a mark names (`ids`, found in the library as `named`).
fn kinship(model: &Model, ids: &[String], named: &[&Model]) -> Option<Kin> {
    if ids.contains(&model.id) {
        return Some(Kin::Same);
    }
    // The mark names the family as a whole ("SKS pattern"): every member fits it.
    if named
        .iter()
        .any(|n| n.unspecified && n.family == model.family)
    {
        return Some(Kin::Family);
    }
    let related = |a: &Model, b: &Model| {
        a.variant_of.as_deref() == Some(b.id.as_str())
            || b.variant_of.as_deref() == Some(a.id.as_str())
            || (a.variant_of.is_some() && a.variant_of == b.variant_of)
    };
    if named.iter().any(|n| related(model, n)) {
        return Some(Kin::Variant);
    }
    if named.iter().any(|n| {
        model.copy_of.as_deref() == Some(n.id.as_str())
            || n.copy_of.as_deref() == Some(model.id.as_str())
    }) {
        return Some(Kin::Copy);
    }
    None
}

pub fn model_trait<'m>(model: &'m Model, key: &str) -> Vec<&'m str> {
    match (key, model.traits.get(key)) {
        (_, Some(values)) => values.iter().map(String::as_str).collect(),
        ("finish", None) if model.craft => vec!["crude"],
        ("finish", None) => vec!["factory"],
        _ => Vec::new(),
    }
}

fn describe_reading(catalog: &Catalog, r: &Reading) -> Said {
    let mut text = Said::verbatim(r.meaning.clone());
    if let Some(country) = &r.country
        && !crate::i18n::names_word(r.meaning.as_str(), &catalog.country_name(country))
    {
        text = text.append(&Said::verbatim(format!(", {country}")));
    }
    if r.fit == Fit::Partial {
        text = text.append(&said!("reading-partial"));
    }
    let confidence = r.confidence.to_string();
    text.append(&said!(
        |l| "reading-confidence",
        confidence = word_in(l, "confidence", &confidence)
    ))
}

/// A trait's name in a sentence of `lang`: its key in English, else its name in `lang`.
fn trait_name(catalog: &Catalog, lang: &Lang, key: &str) -> String {
    match catalog.trait_def(key) {
        Some(t) if !lang.is_english() => t.name_in(lang.code()).to_owned(),
        _ => key.to_owned(),
    }
}

/// A trait value in a sentence of `lang`: its id in English, else its label in `lang`.
fn trait_word(catalog: &Catalog, lang: &Lang, key: &str, value: &str) -> String {
    if lang.is_english() {
        return value.to_owned();
    }
    catalog
        .trait_def(key)
        .and_then(|t| t.values.iter().find(|v| v.id == value))
        .map_or_else(|| value.to_owned(), |v| v.label_in(lang.code()).to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refdata::fixture;

    fn assess(obs: &Observations) -> Assessment {
        let catalog = fixture::catalog();
        Engine::new(&catalog, 2026).assess(obs)
    }

    fn ids(a: &Assessment) -> Vec<&str> {
        a.candidates.iter().map(|c| c.model_id.as_str()).collect()
    }

    #[test]
    fn a_mark_and_a_calibre_rank_the_maker_s_models_first_with_reasons() {
        let a = assess(&Observations {
            calibre: Some("7.62x39mm".into()),
            markings: vec!["11 in a triangle".into()],
            ..Observations::default()
        });
        // Two variants of one family tie: the family entry leads, the variants follow.
        assert_eq!(ids(&a)[..3], ["rifle-family", "rifle-a", "rifle-a-folding"]);
        assert!(a.candidates[0].flags.contains(&"variant-unknown"));
        let reasons = &a.candidates[1].reasons;
        assert!(
            reasons
                .iter()
                .any(|r| r.english() == "+ calibre 7.62x39mm matches"),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("mark '11 in a triangle' = Works One")),
            "{reasons:?}"
        );
        assert_eq!(a.candidates[1].basis, "marks");
        // The copy from the other country falls well behind, and the pistol is not listed.
        assert!(!ids(&a)[..3].contains(&"rifle-b"));
        assert!(!ids(&a).contains(&"pistol-p"));
    }

    #[test]
    fn the_next_question_splits_the_leaders() {
        let a = assess(&Observations {
            calibre: Some("7.62x39mm".into()),
            markings: vec!["11 in a triangle".into()],
            ..Observations::default()
        });
        let q = a.question.expect("a question");
        assert_eq!(q.field, "stock");
        let values: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(values, ["fixed", "underfolding"]);
    }

    #[test]
    fn a_trait_answer_settles_the_variant() {
        let mut obs = Observations {
            calibre: Some("7.62x39mm".into()),
            markings: vec!["11 in a triangle".into()],
            ..Observations::default()
        };
        obs.traits
            .insert("stock".into(), Answer::Value("underfolding".into()));
        let a = assess(&obs);
        assert_eq!(ids(&a)[0], "rifle-a-folding");
        assert_eq!(a.candidates[0].confidence, "high");
        assert!(a.question.is_none(), "{:?}", a.question);
        let rifle_a = a
            .candidates
            .iter()
            .find(|c| c.model_id == "rifle-a")
            .unwrap();
        assert!(
            rifle_a
                .reasons
                .iter()
                .any(|r| r.starts_with("- stock: underfolding"))
        );
    }

    #[test]
    fn a_model_name_read_off_the_weapon_counts() {
        let a = assess(&Observations {
            markings: vec!["РА".into()],
            ..Observations::default()
        });
        assert!(["rifle-a", "rifle-a-folding", "rifle-family"].contains(&ids(&a)[0]));
        assert!(
            a.candidates[1]
                .reasons
                .iter()
                .any(|r| r.contains("Rifle A designation"))
        );
    }

    #[test]
    fn craft_weapons_are_found_by_features_and_flagged_low() {
        let mut obs = Observations {
            weapon_type: Some("self-loading-pistol".into()),
            marks_obliterated: true,
            features: vec!["crude welds".into()],
            ..Observations::default()
        };
        obs.traits
            .insert("finish".into(), Answer::Value("crude".into()));
        let a = assess(&obs);
        assert_eq!(ids(&a)[0], "craft-pistol");
        assert_eq!(a.candidates[0].confidence, "low");
        assert!(a.candidates[0].flags.contains(&"craft"));
        assert!(a.uncertain.iter().any(|u| u.contains("marks obliterated")));
        assert!(a.uncertain.iter().any(|u| u.contains("craft")));
    }

    #[test]
    fn a_partial_serial_is_kept_as_read() {
        let a = assess(&Observations {
            weapon_type: Some("self-loading-pistol".into()),
            serial: Some("AB12??7".into()),
            ..Observations::default()
        });
        let serial = a.serial.expect("serial");
        assert_eq!(serial.input, "AB12??7");
        assert_eq!(serial.status, SerialStatus::Partial);
        assert_eq!(serial.legible, "AB127");
        let obliterated = assess(&Observations {
            serial: Some("obliterated".into()),
            ..Observations::default()
        });
        assert_eq!(
            obliterated.serial.unwrap().status,
            SerialStatus::Obliterated
        );
    }

    #[test]
    fn a_model_named_by_a_mark_leads_and_credits_no_one_else_by_country() {
        let a = assess(&Observations {
            markings: vec!["Rifle B".into()],
            ..Observations::default()
        });
        assert_eq!(ids(&a)[0], "rifle-b");
        // The model it copies is kin; the pistol of the same country is not.
        let rifle_a = a
            .candidates
            .iter()
            .find(|c| c.model_id == "rifle-a")
            .unwrap();
        assert!(
            rifle_a.reasons.iter().any(|r| r.contains("a copy of it")),
            "{:?}",
            rifle_a.reasons
        );
        if let Some(pistol) = a.candidates.iter().find(|c| c.model_id == "pistol-p") {
            assert!(
                !pistol.reasons.iter().any(|r| r.starts_with("+ mark")),
                "{:?}",
                pistol.reasons
            );
        }
    }

    #[test]
    fn when_nothing_fits_it_says_so_and_no_family_entry_leads() {
        // A pistol marked by a maker the library knows only for rifles.
        let a = assess(&Observations {
            weapon_type: Some("self-loading-pistol".into()),
            markings: vec!["Works One".into()],
            ..Observations::default()
        });
        assert!(a.no_match);
        assert!(a.candidates.iter().all(|c| c.flags.contains(&"closest")));
        assert!(!a.candidates[0].flags.contains(&"variant-unknown"));
        assert!(a.uncertain[0].starts_with("no model in the library matches these facts"));
        assert!(a.candidates.iter().all(|c| !c.fits));
        // Facts that fit are not "closest".
        let fits = assess(&Observations {
            markings: vec!["11 in a triangle".into()],
            ..Observations::default()
        });
        assert!(!fits.no_match);
        assert!(fits.candidates[0].fits);
    }

    #[test]
    fn confidence_never_rises_down_the_ranking() {
        for obs in [
            Observations {
                calibre: Some("7.62x39mm".into()),
                markings: vec!["11 in a triangle".into()],
                ..Observations::default()
            },
            Observations {
                markings: vec!["arrow in triangle".into()],
                ..Observations::default()
            },
            Observations {
                weapon_type: Some("self-loading-pistol".into()),
                ..Observations::default()
            },
        ] {
            let a = assess(&obs);
            let levels: Vec<u8> = a.candidates.iter().map(|c| level(c.confidence)).collect();
            assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
        }
    }

    #[test]
    fn a_craft_category_gives_no_country_of_manufacture() {
        let mut obs = Observations {
            weapon_type: Some("self-loading-pistol".into()),
            ..Observations::default()
        };
        obs.traits
            .insert("finish".into(), Answer::Value("crude".into()));
        let a = assess(&obs);
        let craft = &a.candidates[0];
        assert_eq!(craft.model_id, "craft-pistol");
        assert!(craft.countries.is_empty());
    }

    #[test]
    fn legible_marks_beside_obliterated_ones_both_count() {
        let a = assess(&Observations {
            markings: vec!["11 in a triangle".into()],
            marks_obliterated: true,
            ..Observations::default()
        });
        assert!(a.candidates[0].basis.contains("marks"));
        assert!(
            a.uncertain
                .iter()
                .any(|u| u.starts_with("some marks obliterated"))
        );
    }

    #[test]
    fn a_stamped_line_counts_each_of_its_marks_once() {
        let a = assess(&Observations {
            markings: vec!["WORKS ONE RA".into()],
            ..Observations::default()
        });
        let leader = &a.candidates[0];
        let marks = leader
            .reasons
            .iter()
            .filter(|r| r.starts_with("+ mark"))
            .count();
        assert_eq!(marks, 2, "{:?}", leader.reasons);
    }

    #[test]
    fn a_wrong_calibre_pushes_a_model_down() {
        let a = assess(&Observations {
            weapon_type: Some("self-loading-pistol".into()),
            calibre: Some("7.62x39mm".into()),
            ..Observations::default()
        });
        let pistol = a.candidates.iter().find(|c| c.model_id == "pistol-p");
        assert!(pistol.is_none_or(|p| p.score < 0), "{pistol:?}");
    }
}
