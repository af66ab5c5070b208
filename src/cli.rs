//! The command line, declared with clap. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Identify, register and trace small arms and light weapons, offline.
///
/// fieldtrace carries its own reference library of weapons, marks, headstamps and calibres,
/// each entry with its public source and confidence. It works with no network.
#[derive(Debug, Parser)]
#[command(
    name = "fieldtrace",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Data directory (register, photos, keys); default: the platform's data directory
    #[arg(long, global = true, env = "FIELDTRACE_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Print machine-readable JSON on stdout, with stable keys
    #[arg(long, global = true)]
    pub json: bool,

    /// Never prompt; fail with a clear message when input is missing
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Language of names in human-readable output
    #[arg(long, global = true, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    Fr,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search and read the reference library
    #[command(subcommand, name = "ref")]
    Reference(RefCommand),

    /// Say what a mark, headstamp, model name, calibre or serial means
    ///
    /// Describe symbols in words or notation: '66 in a triangle', '/66\', '((10))',
    /// 'arrow in triangle', 'star'; type text as printed: 'ИЖ', '56式', 'LC 78'.
    /// An ambiguous mark gives every reading it supports, each with its confidence.
    Decode(DecodeArgs),

    /// Identify a weapon from its facts; on a terminal, ask for what is missing
    Identify(IdentifyArgs),

    /// Write shell completions, the man page or the reference coverage table
    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[derive(Debug, Subcommand)]
pub enum RefCommand {
    /// Search models, marks, makers, calibres, headstamps and countries
    Search(RefSearchArgs),
    /// Show one entry with the sources it cites
    Show {
        /// Entry id, as `ref search` prints it
        id: String,
    },
    /// Counts, data version and SHA-256 of the embedded library
    Stats,
}

#[derive(Debug, Args)]
pub struct RefSearchArgs {
    /// Words to look for: a name, code, calibre or feature
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only entries of this kind
    #[arg(long, value_parser = ["model", "marking", "headstamp", "calibre", "manufacturer", "country", "source"])]
    pub kind: Option<String>,
    /// Only models of this ITI category (assault-rifle, self-loading-pistol, ...)
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    /// Only entries in this calibre (any common spelling)
    #[arg(long)]
    pub calibre: Option<String>,
    /// Only entries tied to this country (code or name)
    #[arg(long)]
    pub country: Option<String>,
    /// At most this many results
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// One or more marks, each as one argument (quote marks with spaces)
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

#[derive(Debug, Args)]
pub struct IdentifyArgs {
    /// ITI category: assault-rifle, rifle, self-loading-pistol, light-machine-gun, ...
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    /// Calibre, in any common spelling: 7.62x39, '7,62 x 39', M43, 9mm Luger
    #[arg(long)]
    pub calibre: Option<String>,
    /// A mark as read (repeat for several): '66 in a triangle', 'M70', 'ИЖ'
    #[arg(long = "marking", value_name = "MARK")]
    pub markings: Vec<String>,
    /// The marks were removed or are illegible
    #[arg(long, conflicts_with = "markings")]
    pub marks_obliterated: bool,
    /// Serial as read; mark illegible characters with '?', or say 'obliterated'
    #[arg(long)]
    pub serial: Option<String>,
    /// A feature: key=value (stock=underfolding) or words (stamped receiver); repeatable
    #[arg(long = "feature", value_name = "FEATURE")]
    pub features: Vec<String>,
    /// Country of manufacture, if known (code or name)
    #[arg(long)]
    pub country: Option<String>,
    /// Answer the wizard's questions from a TOML file instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(value_enum)]
    pub what: Generated,
    /// Directory to write into (default: print to stdout)
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
    /// The reference library's coverage table (docs/reference-coverage.md)
    Coverage,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
