//! The command line, declared with clap. Its `--help` text is in the message catalogues
//! (`i18n/<lang>/fieldtrace.ftl`, keys `cmd-...` and `arg-...`), set at run time by
//! `i18n::help`: no doc comment here, so that there is one source of truth.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod hub;

pub use crate::vocab::{PhotoChoice, Priority, TraceOutcome as Outcome};

#[derive(Debug, Parser)]
#[command(
    name = "fieldtrace",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        display_order = 900,
        env = "FIELDTRACE_HOME",
        value_name = "DIR"
    )]
    pub home: Option<PathBuf>,

    #[arg(long, global = true, display_order = 900)]
    pub json: bool,

    #[arg(long, global = true, display_order = 900)]
    pub no_input: bool,

    #[arg(long, global = true, display_order = 900, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    #[arg(long, global = true, display_order = 900, value_name = "LANG", value_parser = lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

pub use crate::i18n::Lang;

/// A language with a catalogue (`fr`, `fr_FR`, ...).
fn lang(text: &str) -> Result<Lang, String> {
    Lang::find(text).ok_or_else(|| crate::i18n::UnknownLang(text.to_owned()).to_string())
}

/// A word of a vocabulary, in any language of the catalogues (`urgente` is `urgent`).
fn word<T: std::str::FromStr<Err = crate::vocab::UnknownWord>>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|e: crate::vocab::UnknownWord| e.to_string())
}

/// The command line, its help in the language `t!` speaks (see `i18n::help`).
pub fn command() -> clap::Command {
    crate::i18n::help::localise(<Cli as clap::CommandFactory>::command())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(subcommand, name = "ref")]
    Reference(RefCommand),

    Decode(DecodeArgs),

    Identify(IdentifyArgs),

    Init(InitArgs),

    #[command(subcommand)]
    Item(Box<ItemCommand>),

    Custody(CustodyArgs),

    Import(ImportArgs),

    #[command(subcommand)]
    Export(ExportCommand),

    #[command(subcommand)]
    Keys(KeysCommand),

    #[command(subcommand)]
    Trace(TraceCommand),

    #[command(subcommand)]
    Packet(PacketCommand),

    #[command(subcommand)]
    Inbox(InboxCommand),

    Sync(SyncArgs),

    #[command(subcommand)]
    Report(ReportCommand),

    #[command(subcommand)]
    Hub(hub::HubCommand),

    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[derive(Debug, Subcommand)]
pub enum RefCommand {
    Search(RefSearchArgs),
    Show {
        id: String,
    },
    Stats,
    Check {
        #[arg(default_value = "reference-data")]
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct RefSearchArgs {
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[arg(long, value_parser = ["model", "marking", "headstamp", "calibre", "manufacturer", "country", "source"])]
    pub kind: Option<String>,
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    #[arg(long)]
    pub calibre: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

#[derive(Debug, Args)]
pub struct IdentifyArgs {
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    #[arg(long)]
    pub calibre: Option<String>,
    #[arg(long = "marking", value_name = "MARK")]
    pub markings: Vec<String>,
    #[arg(long)]
    pub marks_obliterated: bool,
    #[arg(long = "dont-know", value_name = "FIELD")]
    pub dont_know: Vec<String>,
    #[arg(long)]
    pub serial: Option<String>,
    #[arg(long = "feature", value_name = "FEATURE")]
    pub features: Vec<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub officer: String,
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args, Default)]
pub struct ItemFields {
    #[arg(long)]
    pub record_id: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub event: Option<String>,
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    #[arg(long)]
    pub make: Option<String>,
    #[arg(long)]
    pub model: Option<String>,
    #[arg(long)]
    pub calibre: Option<String>,
    #[arg(long)]
    pub serial: Option<String>,
    #[arg(long)]
    pub serial_status: Option<String>,
    #[arg(long)]
    pub serial_location: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub year: Option<String>,
    #[arg(long)]
    pub quantity: Option<String>,
    #[arg(long)]
    pub headstamp: Option<String>,
    #[arg(long)]
    pub lot: Option<String>,
    #[arg(long)]
    pub condition: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long)]
    pub officer: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(long)]
    pub model_id: Option<String>,
    #[arg(long)]
    pub id_method: Option<String>,
    #[arg(long)]
    pub id_confidence: Option<String>,
    #[arg(long)]
    pub suspected: Option<String>,
    #[arg(long)]
    pub illicit_basis: Option<String>,
    #[arg(long)]
    pub legal_basis: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ItemCommand {
    Add {
        #[command(flatten)]
        fields: ItemFields,
        #[arg(long = "marking", value_name = "MARK")]
        markings: Vec<String>,
        #[arg(long, value_name = "FILE")]
        from_identify: Option<PathBuf>,
    },
    List(ItemListArgs),
    Show {
        item: String,
    },
    Print {
        item: String,
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
    },
    Edit {
        item: String,
        #[command(flatten)]
        fields: ItemFields,
        #[arg(long)]
        reason: Option<String>,
    },
    Mark {
        item: String,
        text: String,
        #[arg(long, default_value = "manufacture")]
        event: String,
        #[arg(long)]
        part: Option<String>,
        #[arg(long)]
        component: Option<i64>,
        #[arg(long, default_value = "clear")]
        legibility: String,
    },
    Component {
        item: String,
        part: String,
        #[arg(long)]
        make: Option<String>,
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        serial: Option<String>,
        #[arg(long)]
        serial_status: Option<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    Photo {
        item: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "overall")]
        view: String,
    },
}

#[derive(Debug, Args)]
pub struct ItemListArgs {
    #[arg(long)]
    pub event: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long, short = 'q')]
    pub query: Option<String>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CustodyArgs {
    #[command(subcommand)]
    pub command: Option<CustodyCommand>,
    #[arg(required = true)]
    pub item: Option<String>,
    #[arg(long, required = true)]
    pub action: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CustodyCommand {
    Log {
        item: String,
    },
    Verify {
        #[arg(long, value_name = "PACKETS", num_args = 1..)]
        against: Vec<std::path::PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub log: PathBuf,
    #[arg(long, value_name = "DIR")]
    pub photos: Option<PathBuf>,
    #[arg(long, value_name = "MAP")]
    pub map: Option<PathBuf>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    Csv {
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "CHAR", default_value = ",", value_parser = delimiter)]
        delimiter: u8,
        #[arg(long)]
        plain: bool,
    },
    Geojson {
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "KM", default_value_t = 0.0, value_parser = km)]
        coarsen_km: f64,
    },
}

fn delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\t" => Ok(b'\t'),
        "|" => Ok(b'|'),
        _ => Err(format!(
            "`{text}` is not a delimiter: use ',', ';', '|' or 'tab'"
        )),
    }
}

/// A grid size in km: zero or more, at most 1000.
fn km(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(km) if (0.0..=1000.0).contains(&km) => Ok(km),
        _ => Err(format!("`{text}` is not a distance in km from 0 to 1000")),
    }
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    Init,
    Show,
    Export {
        #[arg(long, conflicts_with = "out")]
        age: bool,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    Trust {
        file: PathBuf,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "RECIPIENT")]
        age: Option<String>,
    },
    List,
    Revoke {
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TraceCommand {
    New {
        #[arg(required = true)]
        items: Vec<String>,
        #[arg(long, value_name = "NAME")]
        to: String,
        #[arg(long, value_name = "TEXT")]
        illicit_basis: Option<String>,
        #[arg(long, value_name = "TEXT")]
        legal_basis: Option<String>,
        #[arg(long, value_name = "TEXT")]
        intended_use: Option<String>,
        #[arg(long, value_name = "TEXT")]
        authority: Option<String>,
        #[arg(long, value_name = "TEXT")]
        poc: Option<String>,
        #[arg(long, value_parser = word::<Priority>, default_value_t = Priority::Routine)]
        priority: Priority,
        #[arg(long, value_name = "TEXT")]
        justification: Option<String>,
        #[arg(long, value_name = "TEXT")]
        confidentiality: Option<String>,
        #[arg(long)]
        strict: bool,
    },
    Export {
        id: String,
        #[arg(long, value_name = "NAME")]
        encrypt_to: Option<String>,
        #[arg(long, value_parser = word::<PhotoChoice>, default_value_t = PhotoChoice::Reduced)]
        photos: PhotoChoice,
    },
    Qr {
        id: String,
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        gif: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        sheet: Option<PathBuf>,
        #[arg(long)]
        terminal: bool,
        #[arg(long, default_value_t = 2)]
        extra: usize,
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=20))]
        fps: u32,
    },
    Print {
        id: String,
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
    },
    Respond(RespondArgs),
    List {
        #[arg(long, conflicts_with = "received")]
        overdue: bool,
        #[arg(long)]
        received: bool,
    },
    Show {
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    List {
        #[arg(long)]
        quarantined: bool,
    },
    Attach {
        id: String,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    Release {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        dismiss: bool,
    },
}

/// An NPC's answer to a received request: `trace respond` at the NPC's station and `hub trace
/// respond` at its hub take the same.
#[derive(Debug, Args)]
pub struct RespondArgs {
    pub id: String,
    #[arg(long, value_parser = word::<Outcome>)]
    pub outcome: Outcome,
    #[arg(long)]
    pub note: String,
    #[arg(long, value_name = "WHO")]
    pub last_legal_holder: Option<String>,
    #[arg(long, value_name = "LINK")]
    pub transfer_chain: Vec<String>,
}

impl RespondArgs {
    /// The request answered, and the answer.
    pub fn answer(self) -> (String, crate::sync::respond::Answer) {
        (
            self.id,
            crate::sync::respond::Answer {
                outcome: self.outcome,
                note: self.note,
                holder: self.last_legal_holder,
                chain: self.transfer_chain,
            },
        )
    }
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(long, value_name = "DIR|URL")]
    pub to: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    Sdg {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
    },
    Summary {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
    },
    Html {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "KM", default_value_t = 10.0, value_parser = km)]
        coarsen_km: f64,
    },
}

#[derive(Debug, Subcommand)]
pub enum PacketCommand {
    Verify(PacketVerifyArgs),
    Show(PacketVerifyArgs),
    Assemble {
        #[arg(long = "qr", value_name = "IMAGE", num_args = 1.., required_unless_present = "ur", conflicts_with = "ur")]
        images: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        ur: Option<PathBuf>,
        #[arg(long, short = 'o', value_name = "PACKET")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct PacketVerifyArgs {
    pub file: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub pubkey: Option<PathBuf>,
    #[arg(long)]
    pub without_attachments: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(value_enum)]
    pub what: Generated,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
    Man,
    Coverage,
    Vocabulary,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        super::command().debug_assert();
    }

    /// Prints the help as the doc comments had it, as Fluent: how the catalogue began.
    #[test]
    #[ignore = "prints the catalogue's help section"]
    fn dump_help_catalogue() {
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        let mut out = String::new();
        for e in crate::i18n::help::entries(&Cli::command()) {
            let text = e.text.clone().unwrap_or_default();
            let value = match seen.get(&text) {
                Some(first) if !text.is_empty() && e.long.is_none() => format!("{{ {first} }}"),
                _ => ftl_escape(&text),
            };
            seen.entry(text).or_insert(e.key.clone());
            out.push_str(&format!("{} = {}\n", e.key, value));
            if let Some(long) = &e.long {
                out.push_str(&format!(
                    "    .long =\n        {}\n",
                    ftl_escape(long).replace('\n', "\n        ")
                ));
            }
        }
        std::fs::write("/tmp/help.ftl", out).unwrap();
    }

    fn ftl_escape(text: &str) -> String {
        text.replace('{', "{\"{\"}").replace('}', "{\"}\"}")
    }
}
