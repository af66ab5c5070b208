//! Builds the context once (clock, reference library, output) and dispatches to a command.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;

use crate::cli::{Cli, Command, Lang};
use crate::clock::Clock;
use crate::commands;
use crate::config;
use crate::refdata::RefData;
use crate::register::{Register, Station};
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

/// The caller asked for something that cannot be done as asked: a bad flag value, a missing
/// fact under `--no-input`. Exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl UsageError {
    pub fn from(err: impl std::fmt::Display) -> anyhow::Error {
        anyhow::Error::new(UsageError(err.to_string()))
    }
}

/// What every command gets: nothing below `commands/` opens databases, reads the clock or
/// prints on its own.
#[derive(Debug)]
pub struct Ctx {
    pub refdata: RefData,
    pub ui: Ui,
    pub clock: Clock,
    pub lang: Lang,
    pub no_input: bool,
    /// The data directory: register, photos, keys, config.
    pub home: PathBuf,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = Ui::new(cli.json);
    match run(cli, ui) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::SomeRejected) => ExitCode::from(3),
        Ok(Status::NothingUsable) => ExitCode::from(1),
        Ok(Status::VerificationFailed) => ExitCode::from(4),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            Ui::new(false).error(&format!("{err:#}"));
            if err.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// The reader went away (`fieldtrace ... | head`): not an error worth a message.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub fn run(cli: Cli, ui: Ui) -> anyhow::Result<Status> {
    if let Command::Generate(args) = &cli.command {
        return commands::generate::run(args);
    }
    let ctx = Ctx {
        refdata: RefData::open_embedded().context("cannot open the embedded reference library")?,
        ui,
        clock: Clock::from_env()?,
        lang: cli.lang,
        no_input: cli.no_input,
        home: match cli.home {
            Some(home) => home,
            None => default_home()?,
        },
    };
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
        Command::Report(cmd) => commands::report::run(&ctx, cmd),
        Command::Generate(_) => Ok(Status::Success),
    }
}

/// The platform's data directory: `~/.local/share/fieldtrace`, `%APPDATA%\\fieldtrace`, ...
fn default_home() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "fieldtrace")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("no home directory for this user: pass --home DIR or set FIELDTRACE_HOME")
}

impl Ctx {
    /// The register under the home directory, opened (and created or migrated) now.
    pub fn register(&self) -> anyhow::Result<Register> {
        Register::open(&self.home)
            .with_context(|| format!("cannot open the register in {}", self.home.display()))
    }

    /// This station's identity, from `config.toml`.
    pub fn station(&self) -> anyhow::Result<Station> {
        config::station(&self.home)?.ok_or_else(|| {
            UsageError::from(
                "this station has no identity yet: run `fieldtrace init --name STATION --unit UNIT --officer NAME`",
            )
        })
    }

    /// "Now", as stored in the register: RFC 3339, UTC, seconds.
    pub fn now(&self) -> String {
        self.clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }

    /// A country's name in the language asked for.
    pub fn country_name(&self, catalog: &crate::refdata::Catalog, code: &str) -> String {
        match (catalog.country(code), self.lang) {
            (Some(c), Lang::Fr) => c.name_fr.clone(),
            (Some(c), Lang::En) => c.name_en.clone(),
            (None, _) => code.to_owned(),
        }
    }
}
