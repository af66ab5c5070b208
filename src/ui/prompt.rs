//! The terminal side of the identification wizard and of passphrases: the only module that
//! touches dialoguer.

use dialoguer::{Input, Select};

use crate::identify::session::Answerer;
use crate::identify::{Answer, Assessment, Question};
use crate::refdata::Catalog;

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

const DONT_KNOW: &str = "Don't know";

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
            eprintln_dim(&format!("leading: {}", leading.join(", ")));
        }
        if question.field == "markings" {
            let text: String = Input::new()
                .with_prompt(format!(
                    "{}\n  several: separate with ' | '; 'obliterated' if removed; empty if none",
                    question.prompt
                ))
                .allow_empty(true)
                .interact_text()?;
            let text = text.trim();
            return Ok(match text.to_lowercase().as_str() {
                "" => Answer::DontKnow,
                "obliterated" => Answer::Obliterated,
                _ => Answer::Marks(text.split(" | ").map(|m| m.trim().to_owned()).collect()),
            });
        }
        let mut items: Vec<String> = question.options.iter().map(|o| o.label.clone()).collect();
        let other = question.free_text.then(|| {
            items.push("Other (type it)".into());
            items.len() - 1
        });
        items.push(DONT_KNOW.into());
        let choice = Select::new()
            .with_prompt(&question.prompt)
            .items(&items)
            .default(0)
            .interact()?;
        if let Some(option) = question.options.get(choice) {
            return Ok(Answer::Value(option.value.clone()));
        }
        if Some(choice) != other {
            return Ok(Answer::DontKnow);
        }
        loop {
            let text: String = Input::new()
                .with_prompt("Calibre as marked")
                .interact_text()?;
            match self.catalog.resolve_calibre(&text) {
                Ok(id) => return Ok(Answer::Value(id)),
                Err(err) => eprintln_dim(&err.to_string()),
            }
        }
    }
}

fn eprintln_dim(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "  {text}");
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
    if !dialoguer::Confirm::new()
        .with_prompt("Add this weapon to the register?")
        .default(false)
        .interact()?
    {
        return Ok(None);
    }
    let event = Select::new()
        .with_prompt("How was it recovered?")
        .items(EVENTS)
        .default(0)
        .interact()?;
    let date: String = Input::new()
        .with_prompt("Date (YYYY-MM-DD or DD/MM/YYYY)")
        .default(today.format("%Y-%m-%d").to_string())
        .validate_with(|d: &String| parse_date(d, today).map(|_| ()).map_err(|e| e.to_string()))
        .interact_text()?;
    let location: String = Input::new()
        .with_prompt("Where (empty if not known)")
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
        question = question.with_confirmation("Repeat it", "The two entries differ; try again");
    }
    Ok(crate::keys::SecretString::from(question.interact()?))
}
