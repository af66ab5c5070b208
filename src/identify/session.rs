//! The guided identification: ask the engine's question, apply the answer, assess again.
//!
//! The terminal wizard and the `--answers` file are two `Answerer`s over this one loop, so
//! what is tested through the file is what an officer meets at the terminal.

use serde::Serialize;

use super::observations::{Answer, Observations, parse_type};
use super::{Assessment, Engine, Question};
use crate::refdata::{Catalog, RefError};

/// Whoever answers the questions.
pub trait Answerer {
    type Error: From<RefError>;
    fn answer(&mut self, question: &Question, so_far: &Assessment) -> Result<Answer, Self::Error>;

    /// Facts the answerer holds that no question has asked for yet, offered once the
    /// questions run out (an answers file may know more than the engine needed to ask).
    fn volunteer(&mut self) -> Vec<(String, Answer)> {
        Vec::new()
    }
}

/// One question and its answer, kept for the record.
#[derive(Debug, Clone, Serialize)]
pub struct Exchange {
    pub field: String,
    pub prompt: crate::i18n::Said,
    #[serde(flatten)]
    pub answer: Answer,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    #[serde(flatten)]
    pub assessment: Assessment,
    pub asked: Vec<Exchange>,
    pub observations: Observations,
}

/// No identification needs more questions than there are facts to ask about; this bounds a
/// confused session all the same.
pub const MAX_QUESTIONS: usize = 16;

/// The serial is asked once the engine has nothing left to ask: it rarely helps the
/// identification, but a trace needs it, and it is read best while the weapon is on the table.
pub fn serial_question() -> Question {
    Question {
        field: "serial".into(),
        prompt: crate::said!("question-serial"),
        options: Vec::new(),
        free_text: true,
    }
}

pub fn run<A: Answerer>(
    engine: &Engine<'_>,
    mut obs: Observations,
    answerer: &mut A,
) -> Result<Outcome, A::Error> {
    let mut asked: Vec<Exchange> = Vec::new();
    // What was known before each answer, so that "back" can take one back.
    let mut before: Vec<Observations> = Vec::new();
    let mut assessment = engine.assess(&obs);
    loop {
        let next = assessment
            .question
            .clone()
            .or_else(|| (!obs.answered("serial")).then(serial_question));
        if let Some(question) = next {
            if asked.len() >= MAX_QUESTIONS {
                break;
            }
            let answer = answerer.answer(&question, &assessment)?;
            if answer == Answer::Back {
                if let Some(previous) = before.pop() {
                    obs = previous;
                    asked.pop();
                    assessment = engine.assess(&obs);
                }
                continue;
            }
            before.push(obs.clone());
            apply(engine.catalog(), &mut obs, &question.field, &answer)?;
            asked.push(Exchange {
                field: question.field.clone(),
                prompt: question.prompt.clone(),
                answer,
            });
            assessment = engine.assess(&obs);
            continue;
        }
        {
            let offered = answerer.volunteer();
            if offered.is_empty() {
                break;
            }
            for (field, answer) in offered {
                if !obs.answered(&field) {
                    apply(engine.catalog(), &mut obs, &field, &answer)?;
                    asked.push(Exchange {
                        prompt: crate::said!("question-volunteered"),
                        field,
                        answer,
                    });
                }
            }
            assessment = engine.assess(&obs);
        }
    }
    Ok(Outcome {
        assessment,
        asked,
        observations: obs,
    })
}

/// Words for marks that were there and are gone, in English and French.
fn is_obliterated(mark: &str) -> bool {
    let folded = crate::refdata::fold::fold(mark.trim()).to_lowercase();
    [
        "obliterated",
        "ground off",
        "removed",
        "illegible",
        "defaced",
        "efface",
        "effacee",
        "effacees",
        "meule",
        "illisible",
    ]
    .contains(&folded.as_str())
}

/// Records an answer. Values are checked here, whoever gave them.
pub fn apply(
    catalog: &Catalog,
    obs: &mut Observations,
    field: &str,
    answer: &Answer,
) -> Result<(), RefError> {
    if *answer == Answer::DontKnow {
        obs.unknown.insert(field.to_owned());
        return Ok(());
    }
    match (field, answer) {
        (_, Answer::Back) => {}
        ("markings", Answer::Obliterated) => obs.marks_obliterated = true,
        ("markings", Answer::Marks(marks)) if marks.is_empty() => {
            obs.unknown.insert(field.to_owned());
        }
        // "obliterated" among the marks says that some were ground off, not what one reads.
        ("markings", Answer::Marks(marks)) => {
            for mark in marks {
                if is_obliterated(mark) {
                    obs.marks_obliterated = true;
                } else {
                    obs.markings.push(mark.clone());
                }
            }
        }
        ("markings", Answer::Value(mark)) if is_obliterated(mark) => obs.marks_obliterated = true,
        ("markings", Answer::Value(mark)) => obs.markings.push(mark.clone()),
        ("serial", Answer::Value(serial)) => obs.serial = Some(serial.clone()),
        ("country", Answer::Value(country)) => {
            obs.country = Some(super::observations::parse_country(catalog, country)?);
        }
        ("serial", Answer::Obliterated) => obs.serial = Some("obliterated".into()),
        ("type", Answer::Value(v)) => obs.weapon_type = Some(parse_type(v)?),
        ("calibre", Answer::Value(v)) => match catalog.resolve_calibre(v) {
            Ok(id) => obs.calibre = Some(id),
            Err(RefError::AmbiguousCalibre { options, .. }) => obs.calibre_options = options,
            Err(other) => return Err(other),
        },
        (key, Answer::Value(v)) => {
            let def = catalog
                .trait_def(key)
                .ok_or_else(|| RefError::UnknownValue {
                    field: "question".into(),
                    value: key.to_owned(),
                    suggestions: Vec::new(),
                })?;
            let id = super::observations::trait_value(def, v).map_err(|fitting| {
                RefError::UnknownValue {
                    field: key.to_owned(),
                    value: v.clone(),
                    // Words that fit several values are offered those; others, every value.
                    suggestions: if fitting.is_empty() {
                        def.values.iter().map(|x| x.id.clone()).collect()
                    } else {
                        fitting
                    },
                }
            })?;
            obs.traits.insert(key.to_owned(), Answer::Value(id));
        }
        (field, _) => {
            return Err(RefError::UnknownValue {
                field: field.to_owned(),
                value: format!("{answer:?}"),
                suggestions: Vec::new(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::answers::{AnswersError, AnswersFile};
    use super::*;
    use crate::refdata::fixture;

    #[test]
    fn an_answers_file_drives_the_session_to_one_variant() {
        let catalog = fixture::catalog();
        let engine = Engine::new(&catalog, 2026);
        let mut answers = AnswersFile::parse(
            "calibre = \"7,62 x 39\"\nmarkings = [\"/11\\\\\"]\nstock = \"underfolding\"\ntype = \"assault rifle\"",
            &catalog,
        )
        .unwrap();
        let outcome = run(&engine, Observations::default(), &mut answers).unwrap();
        let fields: Vec<&str> = outcome.asked.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields.first(), Some(&"type"), "{fields:?}");
        assert!(fields.contains(&"stock"));
        assert_eq!(outcome.assessment.candidates[0].model_id, "rifle-a-folding");
        assert_eq!(outcome.observations.calibre.as_deref(), Some("7.62x39mm"));
    }

    /// Answers from a list, in order, whatever is asked.
    struct Scripted(Vec<Answer>, Vec<String>);

    impl Answerer for Scripted {
        type Error = RefError;
        fn answer(&mut self, q: &Question, _: &Assessment) -> Result<Answer, RefError> {
            self.1.push(q.field.clone());
            Ok(if self.0.is_empty() {
                Answer::DontKnow
            } else {
                self.0.remove(0)
            })
        }
    }

    #[test]
    fn back_takes_the_last_answer_back_and_asks_again() {
        let catalog = fixture::catalog();
        let engine = Engine::new(&catalog, 2026);
        let mut script = Scripted(
            vec![
                Answer::Value("self-loading-pistol".into()),
                Answer::Back,
                Answer::Value("assault-rifle".into()),
            ],
            Vec::new(),
        );
        let outcome = run(&engine, Observations::default(), &mut script).unwrap();
        // "back" answered the second question and took back the first: it is asked again.
        assert_eq!(
            (script.1[0].as_str(), script.1[2].as_str()),
            ("type", "type")
        );
        assert_eq!(
            outcome.observations.weapon_type.as_deref(),
            Some("assault-rifle")
        );
        let types: Vec<&Exchange> = outcome.asked.iter().filter(|e| e.field == "type").collect();
        assert_eq!(types.len(), 1);
    }

    #[test]
    fn the_serial_is_asked_last_and_obliterated_marks_are_a_fact_not_a_mark() {
        let catalog = fixture::catalog();
        let engine = Engine::new(&catalog, 2026);
        let mut answers = AnswersFile::parse(
            "markings = [\"11 in a triangle\", \"obliterated\"]\nserial = \"AB12??7\"",
            &catalog,
        )
        .unwrap();
        let outcome = run(&engine, Observations::default(), &mut answers).unwrap();
        assert_eq!(outcome.observations.markings, ["11 in a triangle"]);
        assert!(outcome.observations.marks_obliterated);
        assert_eq!(outcome.observations.serial.as_deref(), Some("AB12??7"));
        assert_eq!(
            outcome.assessment.serial.map(|s| s.status),
            Some(super::super::SerialStatus::Partial)
        );
    }

    #[test]
    fn unanswered_questions_are_dont_know_and_never_asked_twice() {
        let catalog = fixture::catalog();
        let engine = Engine::new(&catalog, 2026);
        let mut answers = AnswersFile::parse("", &catalog).unwrap();
        let outcome = run(&engine, Observations::default(), &mut answers).unwrap();
        let mut fields: Vec<&str> = outcome.asked.iter().map(|e| e.field.as_str()).collect();
        assert!(!fields.is_empty());
        assert!(outcome.asked.iter().all(|e| e.answer == Answer::DontKnow));
        let before = fields.len();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), before);
    }

    #[test]
    fn trait_answers_in_words_name_their_value_or_say_which_they_could_be() {
        let catalog = fixture::catalog();
        let mut obs = Observations::default();
        apply(
            &catalog,
            &mut obs,
            "stock",
            &Answer::Value("under folding".into()),
        )
        .unwrap();
        assert_eq!(obs.traits["stock"], Answer::Value("underfolding".into()));
        apply(
            &catalog,
            &mut obs,
            "receiver",
            &Answer::Value("Milled".into()),
        )
        .unwrap();
        assert_eq!(obs.traits["receiver"], Answer::Value("milled".into()));
        let err = apply(&catalog, &mut obs, "stock", &Answer::Value("wooden".into())).unwrap_err();
        assert!(err.to_string().contains("unknown stock 'wooden'"), "{err}");
    }

    #[test]
    fn bad_answers_are_refused_before_any_question() {
        let catalog = fixture::catalog();
        let cases = [
            (
                "stok = \"fixed\"",
                "'stok': no such question; did you mean stock?",
            ),
            ("stock = \"wooden\"", "unknown stock 'wooden'"),
            ("stock = 3", "expected a string, found integer"),
            ("type = \"laser\"", "unknown type 'laser'"),
            ("calibre = \"7.62x40\"", "unknown calibre '7.62x40'"),
            ("markings = [1]", "every mark must be a string"),
            ("stock = [", "answers file: TOML parse error"),
        ];
        for (text, expected) in cases {
            let err: AnswersError = AnswersFile::parse(text, &catalog).unwrap_err();
            assert!(err.to_string().contains(expected), "{text}: {err}");
        }
    }
}
