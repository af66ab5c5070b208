//! `fieldtrace hub ...`: the national hub's commands (issue 14). Their help is in the
//! catalogues (`cmd-hub-...`, `arg-hub-...`), as for every command (`cli.rs`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args, Clone)]
pub struct DbArg {
    #[arg(long, value_name = "URL", env = "FIELDTRACE_HUB_DB")]
    pub db: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    Init(DbArg),

    Enroll {
        file: PathBuf,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },

    Revoke {
        station: String,
        #[command(flatten)]
        db: DbArg,
    },

    Stations(DbArg),

    Status(DbArg),

    Quarantine(DbArg),

    #[command(subcommand)]
    Trace(HubTrace),

    #[command(subcommand)]
    Report(HubReport),

    Serve {
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8740")]
        listen: String,
        #[arg(long, value_name = "BYTES")]
        max_body: Option<u64>,
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum HubReport {
    Sdg(HubPeriod),
    Summary(HubPeriod),
}

#[derive(Debug, Args)]
pub struct HubPeriod {
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Subcommand)]
pub enum HubTrace {
    List {
        #[arg(long)]
        received: bool,
        #[arg(long)]
        overdue: bool,
    },
    Respond(crate::cli::RespondArgs),
}
