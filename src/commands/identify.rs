//! `identify`: facts from flags, then, on a terminal or from `--answers`, the guided questions.

use anyhow::Context as _;

use crate::app::{Ctx, Status};
use crate::cli::IdentifyArgs;
use crate::error::usage;
use crate::i18n::shown;
use crate::identify::answers::AnswersFile;
use crate::identify::observations::{parse_country, parse_feature, parse_type};
use crate::identify::session::{self, Exchange};
use crate::identify::{Answer, Assessment, Engine, Observations};
use crate::refdata::{Catalog, RefError};
use crate::register::intake;
use crate::t;
use crate::ui::prompt::{self, TerminalAnswerer};
use crate::ui::readings::print_readings;

pub fn run(ctx: &Ctx, args: &IdentifyArgs) -> anyhow::Result<Status> {
    let catalog = ctx.refdata.catalog()?;
    let engine = Engine::new(&catalog, ctx.clock.year());
    let obs = observations(&catalog, args).map_err(usage)?;
    let no_facts = obs.weapon_type.is_none()
        && obs.calibre.is_none()
        && obs.calibre_options.is_empty()
        && obs.markings.is_empty()
        && !obs.marks_obliterated
        && obs.serial.is_none()
        && obs.traits.is_empty()
        && obs.features.is_empty()
        && obs.country.is_none()
        && obs.unknown.is_empty();

    let (assessment, asked) = if let Some(path) = &args.answers {
        let text = std::fs::read_to_string(path).with_context(|| {
            t!(
                "identify-answers-unreadable",
                file = path.display().to_string()
            )
        })?;
        let mut answers = AnswersFile::parse(&text, &catalog)
            .map_err(|e| usage(format!("{}: {e}", path.display())))?;
        let outcome = session::run(&engine, obs, &mut answers)?;
        (outcome.assessment, outcome.asked)
    } else if ctx.ui.is_interactive() && !ctx.no_input {
        let mut terminal = TerminalAnswerer::new(&catalog);
        let outcome = session::run(&engine, obs, &mut terminal)?;
        (outcome.assessment, outcome.asked)
    } else if no_facts {
        return Err(usage(t!("identify-no-facts")).into());
    } else {
        (engine.assess(&obs), Vec::new())
    };

    if ctx.ui.is_json() {
        let mut value = serde_json::to_value(&assessment)?;
        if let serde_json::Value::Object(map) = &mut value {
            map.insert("asked".into(), serde_json::to_value(&asked)?);
        }
        ctx.ui.json(&value)?;
    } else {
        print(ctx, &catalog, &assessment, &asked)?;
        let wizard = args.answers.is_none() && ctx.ui.is_interactive() && !ctx.no_input;
        if wizard && !assessment.candidates.is_empty() {
            add_to_register(ctx, &catalog, &assessment)?;
        }
    }
    let status = if assessment.candidates.is_empty() {
        Status::NothingUsable
    } else {
        Status::Success
    };
    // The process ends here: freeing thousands of small entries one by one is time the
    // officer waits for nothing.
    std::mem::forget(engine);
    std::mem::forget(catalog);
    Ok(status)
}

/// The wizard's last step: the identification, with when and how it was recovered, into the
/// register.
fn add_to_register(ctx: &Ctx, catalog: &Catalog, assessment: &Assessment) -> anyhow::Result<()> {
    // Before any register question: a station without an identity cannot record the item,
    // and the officer should learn that now, with the identification still on screen.
    if let Err(err) = ctx.station() {
        ctx.ui
            .warn(&t!("wizard-not-recorded", error = format!("{err:#}")));
        return Ok(());
    }
    let Some(recovery) = prompt::offer_register(ctx.today())? else {
        return Ok(());
    };
    let (mut input, marks) =
        intake::from_identification(&serde_json::to_value(assessment)?, catalog).map_err(usage)?;
    input.insert("event".into(), recovery.event);
    input.insert("date".into(), recovery.date);
    if let Some(location) = recovery.location {
        input.insert("location".into(), location);
    }
    let mut register = ctx.register()?;
    let added = intake::add(
        &mut register,
        catalog,
        &ctx.clock,
        &ctx.station()?,
        input,
        &marks,
    )?;
    ctx.ui.line(&t!(
        "item-added",
        id = added.id,
        uuid = added.uuid.to_string()
    ))?;
    for warning in added.notes.iter().chain(&added.warnings) {
        ctx.ui.warn(warning.text());
    }
    Ok(())
}

fn observations(catalog: &Catalog, args: &IdentifyArgs) -> anyhow::Result<Observations> {
    // `9mm` or `.45` is several calibres: the ones it can be narrow the field.
    let (calibre, calibre_options) =
        match args.calibre.as_deref().map(|c| catalog.resolve_calibre(c)) {
            None => (None, Vec::new()),
            Some(Ok(id)) => (Some(id), Vec::new()),
            Some(Err(RefError::AmbiguousCalibre { options, .. })) => (None, options),
            Some(Err(other)) => return Err(other.into()),
        };
    let mut obs = Observations {
        weapon_type: args.weapon_type.as_deref().map(parse_type).transpose()?,
        calibre,
        calibre_options,
        markings: args.markings.clone(),
        marks_obliterated: args.marks_obliterated,
        serial: args.serial.clone(),
        country: args
            .country
            .as_deref()
            .map(|c| parse_country(catalog, c))
            .transpose()?,
        ..Observations::default()
    };
    for feature in &args.features {
        obs.add_feature(parse_feature(catalog, feature)?);
    }
    for field in &args.dont_know {
        obs.dont_know(catalog, field)?;
    }
    Ok(obs)
}

fn print(
    ctx: &Ctx,
    catalog: &Catalog,
    assessment: &Assessment,
    asked: &[Exchange],
) -> anyhow::Result<()> {
    let ui = &ctx.ui;
    if !asked.is_empty() {
        ui.heading(&t!("identify-answers"))?;
        let names: Vec<String> = asked
            .iter()
            .map(|e| field_name(catalog, &e.field))
            .collect();
        let width = crate::ui::column_width(names.iter().map(String::as_str), 10);
        for (exchange, field) in asked.iter().zip(&names) {
            let answer = match &exchange.answer {
                Answer::Value(v) => answer_word(catalog, &exchange.field, v),
                Answer::Marks(marks) => marks.join(" | "),
                Answer::Obliterated => t!("identify-answer-obliterated"),
                Answer::DontKnow => t!("identify-answer-dont-know"),
                Answer::Back => continue,
            };
            ui.line(&format!("  {field:<width$} {answer}"))?;
        }
    }
    if assessment.no_match && !assessment.candidates.is_empty() {
        ui.heading(&t!("identify-no-match"))?;
    } else {
        ui.heading(&t!("identify-candidates"))?;
    }
    if assessment.candidates.is_empty() {
        ui.line(&format!("  {}", t!("identify-none")))?;
    }
    for (rank, c) in assessment.candidates.iter().enumerate() {
        let mut countries: Vec<String> = c
            .countries
            .iter()
            .map(|code| ctx.country_name(catalog, code))
            .collect();
        if !c.documented_in.is_empty() {
            let places: Vec<String> = c
                .documented_in
                .iter()
                .map(|code| ctx.country_name(catalog, code))
                .collect();
            countries.push(t!("identify-documented-in", places = places.join(", ")));
        }
        let flags = if c.flags.is_empty() {
            String::new()
        } else {
            let flags: Vec<String> = c.flags.iter().map(|f| shown("flag", f)).collect();
            format!(" [{}]", flags.join(", "))
        };
        ui.line(&format!(
            "{:>3}. {}{}  {}",
            rank + 1,
            ui.strong(&c.name),
            flags,
            ui.dim(&t!(
                "identify-score",
                score = c.score,
                confidence = shown("confidence", c.confidence),
                basis = if crate::i18n::current().is_english() {
                    c.basis.to_owned()
                } else {
                    shown("basis", &c.basis.replace(' ', "-"))
                },
                id = c.model_id.as_str()
            ))
        ))?;
        ui.line(&format!(
            "       {} · {} · {} · {}",
            c.family,
            shown("type", &c.weapon_type),
            c.calibres.join(", "),
            countries.join(", ")
        ))?;
        for reason in &c.reasons {
            ui.line(&format!("       {reason}"))?;
        }
    }
    if !assessment.markings.is_empty() {
        ui.heading(&t!("identify-marks"))?;
        for decoded in &assessment.markings {
            print_readings(ctx, catalog, decoded)?;
        }
    }
    if let Some(serial) = &assessment.serial {
        ui.heading(&t!("identify-serial"))?;
        let status = format!("{:?}", serial.status).to_lowercase();
        ui.line(&format!(
            "  {}",
            t!(
                "identify-serial-line",
                input = serial.input.as_str(),
                status = shown("serial-status", &status),
                legible = serial.legible.as_str()
            )
        ))?;
        for r in &serial.readings {
            ui.line(&format!(
                "  {}",
                t!(
                    "identify-serial-fits",
                    meaning = r.meaning.as_str(),
                    confidence = shown("confidence", &r.confidence.to_string())
                )
            ))?;
        }
    }
    if !assessment.uncertain.is_empty() {
        ui.heading(&t!("identify-uncertain"))?;
        for u in &assessment.uncertain {
            ui.line(&format!("  - {u}"))?;
        }
    }
    ui.heading(&t!("identify-photos"))?;
    for p in &assessment.photos {
        ui.line(&format!("  - {p}"))?;
    }
    if let Some(q) = &assessment.question {
        ui.heading(&t!("identify-next-question"))?;
        let options: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
        ui.line(&format!("  {} ({})", q.prompt, q.field))?;
        if !options.is_empty() {
            ui.line(&format!("  {}", ui.dim(&options.join(" · "))))?;
        }
        ui.line(&ui.dim(&format!(
            "  {}",
            t!("identify-answer-with", field = q.field.as_str())
        )))?;
    }
    Ok(())
}

/// A question's field as the officer reads it: a trait's name, or the word for it.
fn field_name(catalog: &Catalog, field: &str) -> String {
    let lang = crate::i18n::current();
    match catalog.trait_def(field) {
        Some(t) => t.name_in(lang.code()).to_owned(),
        None => shown("field", field),
    }
}

/// An answer as the officer reads it: a trait value's label, a type's word.
fn answer_word(catalog: &Catalog, field: &str, value: &str) -> String {
    let lang = crate::i18n::current();
    if field == "type" || lang.is_english() {
        return shown("type", value);
    }
    catalog
        .trait_def(field)
        .and_then(|t| t.values.iter().find(|v| v.id == value))
        .map_or_else(|| value.to_owned(), |v| v.label_in(lang.code()).to_owned())
}
