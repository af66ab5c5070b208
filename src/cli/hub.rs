//! `fieldtrace hub ...`: the national hub's commands (issue 14).

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// Which store: `--db URL`.
#[derive(Debug, Args, Clone)]
pub struct DbArg {
    /// The hub's store: `postgres://USER@HOST/DB` for PostgreSQL, or a SQLite file (by default
    /// `hub/hub.sqlite3` under the home)
    #[arg(long, value_name = "URL", env = "FIELDTRACE_HUB_DB")]
    pub db: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    /// Create or upgrade the hub's store (numbered migrations)
    ///
    /// Run it in the NPC's home: the hub verifies packets with the NPC's trust list and signs
    /// acknowledgements with the NPC's key (`keys init` first).
    Init(DbArg),

    /// Enroll a station by its public key (its `.pub` file or key card), trusting it too
    Enroll {
        /// The station's public key: `keys export` or `keys export --out station.ftkey` there
        file: PathBuf,
        /// The station's name, as the register and the reports show it
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },

    /// Revoke a station: its requests and its packets are refused from now on
    Revoke {
        /// The station's name or key id
        station: String,
        #[command(flatten)]
        db: DbArg,
    },

    /// The enrolled stations
    Stations(DbArg),

    /// Counts, and the integrity check of every blob and the rows naming them
    Status(DbArg),

    /// Uploads refused, with their reason code
    Quarantine(DbArg),

    /// Trace requests received through the hub, and the NPC's answers
    #[command(subcommand)]
    Trace(HubTrace),

    /// The national register the stations' seizure reports make
    #[command(subcommand)]
    Report(HubReport),

    /// Serve the hub over HTTP until stopped
    ///
    /// Plain HTTP: for TLS, put it behind a reverse proxy (README), or listen on 127.0.0.1
    /// only. The NPC's passphrase is asked once, before listening.
    Serve {
        /// Address and port to listen on (port 0: any free port, printed)
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8740")]
        listen: String,
        /// Bytes a request body may have (default: the packet cap)
        #[arg(long, value_name = "BYTES")]
        max_body: Option<u64>,
        /// Seconds a client may take to send its headers, and its body
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum HubReport {
    /// National SDG 16.4.2: of the weapons seized, found, surrendered, captured or recovered
    /// in the period at every station, the share whose illicit origin was traced; by station
    Sdg(HubPeriod),
    /// Items by station, type, country of manufacture, place and month
    Summary(HubPeriod),
}

#[derive(Debug, Args)]
pub struct HubPeriod {
    /// First day (YYYY-MM-DD); the 1st of January of this year when not given
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day, included (YYYY-MM-DD); the 31st of December of this year when not given
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Subcommand)]
pub enum HubTrace {
    /// Requests received from the stations, oldest first, with their state
    List {
        /// Requests received (the default; kept for symmetry with `trace list --received`)
        #[arg(long)]
        received: bool,
        /// Only requests not answered within `[deadlines] answer_days` of their receipt
        #[arg(long)]
        overdue: bool,
    },
    /// Answer a received request with a signed response; it reaches the station at its next
    /// sync with the hub
    Respond {
        /// Received request number (`hub trace list`) or packet id
        id: String,
        /// What the trace established (ITI paras. 19-22)
        #[arg(long, value_enum)]
        outcome: crate::cli::Outcome,
        /// What was found, or why there is no answer
        #[arg(long)]
        note: String,
        /// The last legal holder of the weapon(s), when known
        #[arg(long, value_name = "WHO")]
        last_legal_holder: Option<String>,
        /// One link of the transfer chain, oldest first; repeat for each
        #[arg(long, value_name = "LINK")]
        transfer_chain: Vec<String>,
    },
}
