//! Answers to the wizard's questions from a file, for scripts and tests.
//!
//! ```toml
//! type = "assault-rifle"
//! calibre = "7.62x39"
//! markings = ["66 in a triangle"]   # or "obliterated"
//! stock = "underfolding"
//! selector = "dont-know"
//! ```
//! A question the file does not answer is answered "don't know"; answers to questions the
//! engine never asked are applied once the questions run out.

use std::collections::BTreeMap;

use super::observations::{Answer, Observations};
use super::session::{Answerer, apply};
use super::{Assessment, Question};
use crate::refdata::{Catalog, RefError, closest};

#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("{}", crate::t!("answers-syntax", detail = .0.as_str()))]
    Syntax(String),
    #[error("{}", crate::t!("answers-field", key = .key.as_str(), reason = .reason.as_str()))]
    Field { key: String, reason: String },
    #[error(transparent)]
    Value(#[from] RefError),
}

/// A parsed, checked answers file.
#[derive(Debug, Clone, Default)]
pub struct AnswersFile {
    answers: BTreeMap<String, Answer>,
}

const DONT_KNOW: &[&str] = &["dont-know", "don't know", "dont know", "unknown", "?"];

impl AnswersFile {
    /// Parses and checks every answer against the library before any question is asked.
    pub fn parse(text: &str, catalog: &Catalog) -> Result<AnswersFile, AnswersError> {
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| AnswersError::Syntax(e.to_string().trim().replace('\n', " ")))?;
        let mut fields: Vec<&str> = vec!["type", "calibre", "markings", "serial", "country"];
        fields.extend(catalog.traits.iter().map(|t| t.key.as_str()));
        let mut answers = BTreeMap::new();
        for (key, value) in table {
            if !fields.contains(&key.as_str()) {
                let near = closest(&key, fields.iter().copied(), 2);
                let reason = if near.is_empty() {
                    crate::t!("answers-no-such-question", known = fields.join(", "))
                } else {
                    crate::t!("answers-no-such-question-near", near = near.join(", "))
                };
                return Err(AnswersError::Field { reason, key });
            }
            let answer = match (&value, key.as_str()) {
                (toml::Value::String(s), _)
                    if DONT_KNOW.contains(&s.to_lowercase().as_str())
                        || crate::i18n::find_word("answer", s, &["dont-know"]).is_some() =>
                {
                    Answer::DontKnow
                }
                (toml::Value::String(s), "markings") if s.eq_ignore_ascii_case("obliterated") => {
                    Answer::Obliterated
                }
                (toml::Value::String(s), "markings") => Answer::Marks(vec![s.clone()]),
                (toml::Value::Array(items), "markings") => Answer::Marks(
                    items
                        .iter()
                        .map(|i| {
                            i.as_str()
                                .map(str::to_owned)
                                .ok_or_else(|| AnswersError::Field {
                                    key: key.clone(),
                                    reason: crate::t!("answers-mark-not-text"),
                                })
                        })
                        .collect::<Result<_, _>>()?,
                ),
                (toml::Value::String(s), _) => Answer::Value(s.clone()),
                (other, _) => {
                    return Err(AnswersError::Field {
                        key,
                        reason: crate::t!("answers-not-text", found = other.type_str()),
                    });
                }
            };
            // Check the value now, so a typo fails before the session starts.
            apply(catalog, &mut Observations::default(), &key, &answer)?;
            answers.insert(key, answer);
        }
        Ok(AnswersFile { answers })
    }
}

impl Answerer for AnswersFile {
    type Error = AnswersError;

    fn answer(&mut self, question: &Question, _: &Assessment) -> Result<Answer, AnswersError> {
        Ok(self
            .answers
            .remove(&question.field)
            .unwrap_or(Answer::DontKnow))
    }

    fn volunteer(&mut self) -> Vec<(String, Answer)> {
        std::mem::take(&mut self.answers).into_iter().collect()
    }
}
