//! The terminal side of the identification wizard and of passphrases: the only module that
//! touches dialoguer.

use dialoguer::{Input, Select};

use crate::identify::session::Answerer;
use crate::identify::{Answer, Assessment, Question};
use crate::refdata::Catalog;
use crate::t;

/// Asks the engine's questions at the terminal.
#[derive(Debug)]
pub struct TerminalAnswerer<'a> {
    catalog: &'a Catalog,
}

impl<'a> TerminalAnswerer<'a> {
    pub fn new(catalog: &'a Catalog) -> TerminalAnswerer<'a> {
        TerminalAnswerer { catalog }
    }
}

impl Answerer for TerminalAnswerer<'_> {
    type Error = anyhow::Error;

    fn answer(&mut self, question: &Question, so_far: &Assessment) -> anyhow::Result<Answer> {
        // With nothing known yet, every model ties: there is no leader to show.
        let leading: Vec<&str> = so_far
            .candidates
            .iter()
            .filter(|c| c.score > 0)
            .take(3)
            .map(|c| c.name.as_str())
            .collect();
        if !leading.is_empty() {
            eprintln_dim(&t!("wizard-leading", names = leading.join(", ")));
        }
        if question.options.is_empty() {
            return free_text(question);
        }
        // "Don't know" first, then every value in its fixed order, then "other" and "back";
        // typing filters the list.
        let (dont_know, other, back) = (
            t!("wizard-dont-know"),
            t!("wizard-other"),
            t!("wizard-back"),
        );
        let mut items: Vec<&str> = vec![dont_know.as_str()];
        items.extend(question.options.iter().map(|o| o.label.text()));
        if question.free_text {
            items.push(other.as_str());
        }
        items.push(back.as_str());
        let choice = dialoguer::FuzzySelect::new()
            .with_prompt(question.prompt.text())
            .items(&items)
            .default(0)
            .interact()?;
        let other_at = question.options.len() + 1;
        match choice {
            0 => Ok(Answer::DontKnow),
            n if n == items.len() - 1 => Ok(Answer::Back),
            n if question.free_text && n == other_at => loop {
                let text: String = Input::new()
                    .with_prompt(t!("wizard-calibre-as-marked"))
                    .interact_text()?;
                match self.catalog.resolve_calibre(&text) {
                    Ok(id) => return Ok(Answer::Value(id)),
                    Err(err) => eprintln_dim(&err.to_string()),
                }
            },
            n => Ok(question
                .options
                .get(n - 1)
                .map_or(Answer::DontKnow, |o| Answer::Value(o.value.clone()))),
        }
    }
}

/// A question answered in words: the marks, or the serial.
fn free_text(question: &Question) -> anyhow::Result<Answer> {
    let help = if question.field == "markings" {
        t!("wizard-marks-help")
    } else {
        t!("wizard-text-help")
    };
    let text: String = Input::new()
        .with_prompt(format!("{}\n  {help}", question.prompt))
        .allow_empty(true)
        .interact_text()?;
    let text = text.trim();
    Ok(match text.to_lowercase().as_str() {
        "" => Answer::DontKnow,
        "<" => Answer::Back,
        word if obliterated(word) => Answer::Obliterated,
        _ if question.field == "markings" => {
            Answer::Marks(text.split(" | ").map(|m| m.trim().to_owned()).collect())
        }
        _ => Answer::Value(text.to_owned()),
    })
}

/// `obliterated`, or the word for it in the officer's language (`effacé`).
fn obliterated(word: &str) -> bool {
    let fold = |w: &str| crate::refdata::fold::fold(w.trim()).to_lowercase();
    let word = fold(word);
    word == "obliterated"
        || t!("wizard-obliterated-words")
            .split(',')
            .any(|w| fold(w) == word)
}

fn eprintln_dim(text: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "  {}",
        super::neutralise(text, false)
    );
}

/// What the wizard asks before adding its result to the register.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub event: String,
    pub date: String,
    pub location: Option<String>,
}

/// Offers to add the identification to the register; `None` if the officer declines.
pub fn offer_register(today: chrono::NaiveDate) -> anyhow::Result<Option<Recovery>> {
    use crate::register::item::{EVENTS, parse_date};
    // Waits for Enter: a 'y' alone must not let the habitual Enter answer the next question.
    if !dialoguer::Confirm::new()
        .with_prompt(t!("wizard-add"))
        .default(false)
        .wait_for_newline(true)
        .interact()?
    {
        return Ok(None);
    }
    let events: Vec<String> = crate::vocab::Event::ALL.iter().map(|e| e.label()).collect();
    let event = Select::new()
        .with_prompt(t!("wizard-how-recovered"))
        .items(&events)
        .default(0)
        .interact()?;
    let date: String = Input::new()
        .with_prompt(t!("wizard-date"))
        .default(today.format("%Y-%m-%d").to_string())
        .validate_with(|d: &String| parse_date(d, today).map(|_| ()).map_err(|e| e.to_string()))
        .interact_text()?;
    let location: String = Input::new()
        .with_prompt(t!("wizard-where"))
        .allow_empty(true)
        .interact_text()?;
    Ok(Some(Recovery {
        event: EVENTS[event].to_owned(),
        date,
        location: Some(location.trim().to_owned()).filter(|l| !l.is_empty()),
    }))
}

/// A passphrase typed at the terminal, never echoed; asked twice when `confirm` (a new key).
pub fn passphrase(prompt: &str, confirm: bool) -> anyhow::Result<crate::keys::SecretString> {
    let mut question = dialoguer::Password::new().with_prompt(prompt);
    if confirm {
        question = question.with_confirmation(t!("wizard-repeat"), t!("wizard-differ"));
    }
    Ok(crate::keys::SecretString::from(question.interact()?))
}
