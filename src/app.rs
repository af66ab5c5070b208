//! The binary's edge: builds the context once (clock, reference library, output), dispatches to
//! a command, and turns what it returns into an exit code and, for an error, its message and
//! `hint:` lines (`error::CommandError`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::FromArgMatches as _;

use crate::cli::{Cli, Command};
use crate::clock::Clock;
use crate::commands;
pub use crate::context::Ctx;
use crate::error::CommandError;
use crate::i18n::Lang;
use crate::refdata::RefData;
use crate::ui::Ui;

/// How a command ended, beyond plain failure. Maps to the exit codes of the design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Success,
    /// Some inputs were rejected; the rest was done (exit 3).
    SomeRejected,
    /// Nothing in the input could be used (exit 1, after printing what was found).
    NothingUsable,
    /// A verification failed (exit 4).
    VerificationFailed,
}

/// The binary's `main`, given `FIELDTRACE_PASSPHRASE` as `main.rs` took it from the environment.
pub fn main(env_passphrase: Option<String>) -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first: the help, the errors and every message are in it.
    let lang = match Lang::choose(crate::i18n::lang_flag(&args).as_deref()) {
        Ok(lang) => lang,
        Err(err) => {
            Ui::new(false).error(&err.to_string());
            return ExitCode::from(2);
        }
    };
    crate::i18n::select(&lang);
    // Reading the command line needs no help text, and translating every command's help costs
    // more than a read-only command's whole start-up budget: the bare command reads it, and
    // only when clap has something to say (help, version, an error) is it read again with the
    // catalogue's texts, to say it in the officer's language.
    let matches = <Cli as clap::CommandFactory>::command()
        .try_get_matches_from(&args)
        .or_else(|_| crate::cli::command().try_get_matches_from(&args));
    let cli = match matches.and_then(|matches| Cli::from_arg_matches(&matches)) {
        Ok(cli) => cli,
        Err(err) => return command_line_error(&err),
    };
    let ui = Ui::new(cli.json);
    match run(cli, ui, env_passphrase) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::SomeRejected) => ExitCode::from(3),
        Ok(Status::NothingUsable) => ExitCode::from(1),
        Ok(Status::VerificationFailed) => ExitCode::from(4),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let err = CommandError::from(err);
            let ui = Ui::new(false);
            ui.error(&format!("{:#}", err.error));
            for hint in &err.hints {
                ui.hint(hint);
            }
            ExitCode::from(err.exit_code())
        }
    }
}

/// clap's own errors (an unknown flag, a bad value), said in the officer's language; clap has
/// no catalogue, so every kind a person can meet is written here ([`clap_said`]).
fn command_line_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let shown_by_clap = matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_by_clap || crate::i18n::current().is_english() {
        err.exit()
    }
    let Some((message, hints)) = clap_said(err, &crate::i18n::LOADER) else {
        err.exit()
    };
    let ui = Ui::new(false);
    ui.error(&message);
    for hint in &hints {
        ui.hint(hint);
    }
    ExitCode::from(2)
}

/// A clap error in the words of `loader`'s language: the message and its hints. `None` for
/// clap's own failures (writing its help: `Io`, `Format`), which it says itself.
pub fn clap_said(
    err: &clap::Error,
    loader: &i18n_embed::fluent::FluentLanguageLoader,
) -> Option<(String, Vec<String>)> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use i18n_embed_fl::fl;
    let text = |kind: ContextKind| -> String {
        match err.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let number = |kind: ContextKind| -> i64 {
        match err.get(kind) {
            Some(ContextValue::Number(n)) => i64::try_from(*n).unwrap_or(0),
            _ => 0,
        }
    };
    let (value, arg) = (
        text(ContextKind::InvalidValue),
        text(ContextKind::InvalidArg),
    );
    let actual = number(ContextKind::ActualNumValues);
    let message = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            fl!(loader, "clap-value-required", arg = arg)
        }
        ErrorKind::InvalidValue => fl!(loader, "clap-invalid-value", value = value, arg = arg),
        ErrorKind::ValueValidation => fl!(
            loader,
            "clap-invalid-value-because",
            value = value,
            arg = arg,
            reason = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => fl!(loader, "clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => fl!(
            loader,
            "clap-unknown-command",
            name = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => fl!(loader, "clap-missing", args = arg),
        ErrorKind::MissingSubcommand => fl!(loader, "clap-missing-command"),
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg);
            let subcommand = text(ContextKind::InvalidSubcommand);
            if !arg.is_empty() && other == arg {
                fl!(loader, "clap-used-twice", arg = arg)
            } else if arg.is_empty() && !subcommand.is_empty() {
                fl!(
                    loader,
                    "clap-command-conflict",
                    name = subcommand,
                    other = other
                )
            } else if other.is_empty() {
                fl!(loader, "clap-conflict-others", arg = arg)
            } else {
                fl!(loader, "clap-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::NoEquals => fl!(loader, "clap-no-equals", arg = arg),
        ErrorKind::TooManyValues => fl!(loader, "clap-too-many-values", value = value, arg = arg),
        ErrorKind::TooFewValues => fl!(
            loader,
            "clap-too-few-values",
            arg = arg,
            min = number(ContextKind::MinValues),
            actual = actual
        ),
        ErrorKind::WrongNumberOfValues => fl!(
            loader,
            "clap-wrong-number-of-values",
            arg = arg,
            expected = number(ContextKind::ExpectedNumValues),
            actual = actual
        ),
        ErrorKind::InvalidUtf8 => fl!(loader, "clap-invalid-utf8"),
        _ => return None,
    };
    let mut hints = Vec::new();
    let valid = text(ContextKind::ValidValue);
    if !valid.is_empty() {
        hints.push(fl!(loader, "clap-possible-values", values = valid));
    }
    for suggested in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let suggestion = text(suggested);
        if !suggestion.is_empty() {
            hints.push(fl!(loader, "clap-did-you-mean", suggestion = suggestion));
        }
    }
    hints.push(fl!(loader, "clap-more-help"));
    Some((message, hints))
}

/// The reader went away (`fieldtrace ... | head`): not an error worth a message.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub fn run(cli: Cli, ui: Ui, env_passphrase: Option<String>) -> anyhow::Result<Status> {
    if let Command::Generate(args) = &cli.command {
        return commands::generate::run(args);
    }
    let mut ctx = Ctx::new(
        RefData::open_embedded().with_context(|| crate::t!("error-embedded-library"))?,
        ui,
        Clock::from_env()?,
        cli.lang.unwrap_or_else(crate::i18n::current),
        cli.no_input,
        match cli.home {
            Some(home) => home,
            None => default_home()?,
        },
    );
    // Read once, before anything runs.
    if let Some(file) = &cli.passphrase_file {
        ctx = ctx.with_passphrase(crate::keys::read_passphrase_file(file)?);
    } else if let Some(passphrase) = env_passphrase {
        ctx = ctx.with_passphrase(passphrase.into());
    }
    match cli.command {
        Command::Reference(cmd) => commands::reference::run(&ctx, cmd),
        Command::Decode(args) => commands::decode::run(&ctx, &args),
        Command::Identify(args) => commands::identify::run(&ctx, &args),
        Command::Init(args) => commands::init::run(&ctx, &args),
        Command::Item(cmd) => commands::item::run(&ctx, *cmd),
        Command::Custody(args) => commands::custody::run(&ctx, args),
        Command::Import(args) => commands::import::run(&ctx, &args),
        Command::Export(cmd) => commands::export::run(&ctx, cmd),
        Command::Keys(cmd) => commands::keys::run(&ctx, cmd),
        Command::Trace(cmd) => commands::trace::run(&ctx, cmd),
        Command::Packet(cmd) => commands::packet::run(&ctx, cmd),
        Command::Inbox(cmd) => commands::sync::run_inbox(&ctx, cmd),
        Command::Sync(args) => commands::sync::sync(&ctx, &args.to),
        Command::Hub(cmd) => commands::hub::run(&ctx, cmd),
        Command::Report(cmd) => commands::report::run(&ctx, cmd),
        Command::Generate(_) => Ok(Status::Success),
    }
}

/// The platform's data directory: `~/.local/share/fieldtrace`, `%APPDATA%\\fieldtrace`, ...
fn default_home() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "fieldtrace")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .with_context(|| crate::t!("error-no-home"))
}

#[cfg(test)]
mod tests {
    use clap::error::{ContextKind, ContextValue, ErrorKind};

    use super::clap_said;
    use crate::i18n::{Lang, loader_for};

    fn error(kind: ErrorKind, context: Vec<(ContextKind, ContextValue)>) -> clap::Error {
        let mut err = clap::Error::new(kind);
        for (k, v) in context {
            err.insert(k, v);
        }
        err
    }

    /// The kinds no command line of fieldtrace makes today are said in French all the same.
    #[test]
    fn the_rarer_clap_errors_are_said_in_french() {
        let fr = loader_for(&Lang::find("fr").unwrap());
        let arg = || {
            (
                ContextKind::InvalidArg,
                ContextValue::String("--x <X>".into()),
            )
        };
        let cases = [
            (
                error(ErrorKind::NoEquals, vec![arg()]),
                "« --x <X> » attend sa valeur après un signe égal (--x <X>=VALEUR)",
            ),
            (
                error(
                    ErrorKind::TooManyValues,
                    vec![
                        arg(),
                        (ContextKind::InvalidValue, ContextValue::String("b".into())),
                    ],
                ),
                "valeur inattendue « b » pour « --x <X> » : aucune autre n'était attendue",
            ),
            (
                error(
                    ErrorKind::TooFewValues,
                    vec![
                        arg(),
                        (ContextKind::MinValues, ContextValue::Number(3)),
                        (ContextKind::ActualNumValues, ContextValue::Number(1)),
                    ],
                ),
                "« --x <X> » demande 3 valeurs, et 1 seule a été donnée",
            ),
            (
                error(
                    ErrorKind::WrongNumberOfValues,
                    vec![
                        arg(),
                        (ContextKind::ExpectedNumValues, ContextValue::Number(2)),
                        (ContextKind::ActualNumValues, ContextValue::Number(3)),
                    ],
                ),
                "« --x <X> » demande 2 valeurs, et 3 ont été données",
            ),
            (
                error(
                    ErrorKind::ArgumentConflict,
                    vec![arg(), (ContextKind::PriorArg, ContextValue::None)],
                ),
                "« --x <X> » ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés",
            ),
            (
                error(
                    ErrorKind::InvalidValue,
                    vec![
                        arg(),
                        (ContextKind::InvalidValue, ContextValue::String("z".into())),
                        (
                            ContextKind::ValidValue,
                            ContextValue::Strings(vec!["a".into(), "b".into()]),
                        ),
                    ],
                ),
                "valeur « z » invalide pour « --x <X> »",
            ),
            (
                error(ErrorKind::InvalidUtf8, vec![]),
                "un argument n'est pas du texte UTF-8 valide",
            ),
        ];
        for (err, want) in cases {
            let (message, hints) = clap_said(&err, &fr).unwrap();
            assert_eq!(message, want, "{:?}", err.kind());
            assert_eq!(
                hints.last().map(String::as_str),
                Some("pour plus d'informations, essayez « --help »")
            );
        }
        let (_, hints) = clap_said(
            &error(
                ErrorKind::InvalidValue,
                vec![
                    arg(),
                    (ContextKind::InvalidValue, ContextValue::String("z".into())),
                    (
                        ContextKind::ValidValue,
                        ContextValue::Strings(vec!["a".into(), "b".into()]),
                    ),
                ],
            ),
            &fr,
        )
        .unwrap();
        assert_eq!(hints[0], "valeurs possibles : a, b");
        // clap's own failures (writing its help) are its to say.
        assert!(clap_said(&clap::Error::new(ErrorKind::Io), &fr).is_none());
    }
}
