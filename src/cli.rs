//! The command line, declared with clap. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod hub;

pub use crate::vocab::{PhotoChoice, Priority, TraceOutcome as Outcome};

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

    /// Read the keys' passphrase from the first line of FILE (scripts: unlike
    /// FIELDTRACE_PASSPHRASE it is never in the process's starting environment)
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

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

    /// Set this station's identity, recorded on every write to the register
    Init(InitArgs),

    /// The evidence register: items, their marks, components and photos
    #[command(subcommand)]
    Item(Box<ItemCommand>),

    /// The chain of custody: append an event, read an item's log, verify the chain
    Custody(CustodyArgs),

    /// Import a photo-tagged seizure log (CSV) into the register
    Import(ImportArgs),

    /// Export the register
    #[command(subcommand)]
    Export(ExportCommand),

    /// This station's signing and decryption keys, and the peers it trusts
    #[command(subcommand)]
    Keys(KeysCommand),

    /// Build, check and sign trace requests; write them to the outbox; show them as QR codes
    #[command(subcommand)]
    Trace(TraceCommand),

    /// Check a packet offline, print its contents, or rebuild one from QR codes
    #[command(subcommand)]
    Packet(PacketCommand),

    /// Receive packets: verify, store once, quarantine the refused, acknowledge
    #[command(subcommand)]
    Inbox(InboxCommand),

    /// Copy outbox packets to a folder (USB stick, shared folder) and pick up replies from it
    ///
    /// Safe to run twice, to interrupt and rerun, and against a folder several stations share:
    /// files are named by packet id, written to a temporary name, fsynced, renamed, read back
    /// and hashed; a different file with the same name is never overwritten, and packets for
    /// other stations are left alone.
    Sync(SyncArgs),

    /// SDG indicator 16.4.2 and summary counts of the register
    #[command(subcommand)]
    Report(ReportCommand),

    /// The national hub: stations sync with it over HTTP (`sync --to URL`)
    #[command(subcommand)]
    Hub(hub::HubCommand),

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
    /// Check a folder of reference data: every rule of the build, and the entries' examples
    Check {
        /// The folder of `*.toml` files
        #[arg(default_value = "reference-data")]
        dir: std::path::PathBuf,
    },
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
    /// Every result, however many
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
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
    /// Marks were removed or are illegible (with --marking: some were, those given were not)
    #[arg(long)]
    pub marks_obliterated: bool,
    /// A question the officer cannot answer (type, calibre, markings, stock, ...); repeatable
    #[arg(long = "dont-know", value_name = "FIELD")]
    pub dont_know: Vec<String>,
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
pub struct InitArgs {
    /// Station name, e.g. "Bamako border post 3"
    #[arg(long)]
    pub name: String,
    /// Unit or agency
    #[arg(long)]
    pub unit: String,
    /// The officer responsible for this laptop's records
    #[arg(long)]
    pub officer: String,
    /// Replace an identity already set (earlier records keep the old one)
    #[arg(long)]
    pub force: bool,
}

/// The import template's fields, as flags. Values are checked as an import would check them.
#[derive(Debug, Args, Default)]
pub struct ItemFields {
    /// The seizure log's own id for this item
    #[arg(long)]
    pub record_id: Option<String>,
    /// YYYY-MM-DD (optionally with a time) or DD/MM/YYYY
    #[arg(long)]
    pub date: Option<String>,
    /// seized, found, surrendered, captured, recovered, lost, stolen
    #[arg(long)]
    pub event: Option<String>,
    /// Where, in words
    #[arg(long)]
    pub location: Option<String>,
    /// Latitude, decimal degrees
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<String>,
    /// Longitude, decimal degrees
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<String>,
    /// weapon, ammunition or component
    #[arg(long)]
    pub kind: Option<String>,
    /// ITI category (assault-rifle, self-loading-pistol, ...)
    #[arg(long = "type", value_name = "TYPE")]
    pub weapon_type: Option<String>,
    #[arg(long)]
    pub make: Option<String>,
    #[arg(long)]
    pub model: Option<String>,
    /// Any common spelling; normalised when the library knows it
    #[arg(long)]
    pub calibre: Option<String>,
    /// As read; '?' for each illegible character
    #[arg(long)]
    pub serial: Option<String>,
    /// present, partial, obliterated, absent, unknown (default: from the serial)
    #[arg(long)]
    pub serial_status: Option<String>,
    /// Where the serial was read: frame, receiver, barrel, slide, bolt, ...
    #[arg(long)]
    pub serial_location: Option<String>,
    /// Country of manufacture (code or name)
    #[arg(long)]
    pub country: Option<String>,
    /// Year of manufacture
    #[arg(long)]
    pub year: Option<String>,
    /// Number of rounds or pieces
    #[arg(long)]
    pub quantity: Option<String>,
    #[arg(long)]
    pub headstamp: Option<String>,
    #[arg(long)]
    pub lot: Option<String>,
    #[arg(long)]
    pub condition: Option<String>,
    /// Unit that recovered it (default: this station's)
    #[arg(long)]
    pub unit: Option<String>,
    /// Officer who recovered it (default: this station's)
    #[arg(long)]
    pub officer: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Library model id chosen by identification
    #[arg(long)]
    pub model_id: Option<String>,
    /// How it was identified: marks, features or both
    #[arg(long)]
    pub id_method: Option<String>,
    /// high, medium or low
    #[arg(long)]
    pub id_confidence: Option<String>,
    /// copy or craft
    #[arg(long)]
    pub suspected: Option<String>,
    /// Why it is illicit (ITI para. 17(a))
    #[arg(long)]
    pub illicit_basis: Option<String>,
    /// The legal basis of holding and tracing it
    #[arg(long)]
    pub legal_basis: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ItemCommand {
    /// Add an item from flags, or from the result of `identify --json`
    Add {
        #[command(flatten)]
        fields: ItemFields,
        /// A mark as read (repeatable); `item mark` records its event and part
        #[arg(long = "marking", value_name = "MARK")]
        markings: Vec<String>,
        /// JSON written by `identify --json`: model, calibre, marks and serial come from it
        #[arg(long, value_name = "FILE")]
        from_identify: Option<PathBuf>,
    },
    /// List items, newest last
    List(ItemListArgs),
    /// One item with its marks, components, photos, custody and history
    Show {
        /// Item number or UUID
        item: String,
    },
    /// A printable page (A4) of the seizure record: the item, its marks, photos of the marks,
    /// custody chain, the trace requests it is in (packet id, manifest SHA-256), signature boxes
    Print {
        /// Item number or UUID
        item: String,
        /// Where to write the page (HTML, atomically); print it or render it to PDF
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
    },
    /// Change fields; every change is recorded with who, when, old and new value
    Edit {
        /// Item number or UUID
        item: String,
        #[command(flatten)]
        fields: ItemFields,
        /// Why the change was made
        #[arg(long)]
        reason: Option<String>,
    },
    /// Record a mark on an item or one of its components
    Mark {
        /// Item number or UUID
        item: String,
        /// The mark as read, or in words ('66 in a triangle')
        text: String,
        /// manufacture, import, proof, state, unit, secondary, deactivation, other
        #[arg(long, default_value = "manufacture")]
        event: String,
        /// Where it is: receiver, barrel, slide, bolt, ...
        #[arg(long)]
        part: Option<String>,
        /// Component number (from `item show`), for a part with its own origin
        #[arg(long)]
        component: Option<i64>,
        /// clear, partial, abraded, obliterated
        #[arg(long, default_value = "clear")]
        legibility: String,
    },
    /// Record a component of a modular or mixed-origin weapon
    Component {
        /// Item number or UUID
        item: String,
        /// barrel, slide, bolt, upper receiver, ...
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
    /// Attach photos: stored by SHA-256, never altered, EXIF read, a reduced copy derived
    Photo {
        /// Item number or UUID
        item: String,
        /// JPEG or PNG files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// overall, left, right, top, bottom, front, rear, markings, serial, headstamp, ...
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
    /// From this date (YYYY-MM-DD)
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this date (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<String>,
    /// Part of the location
    #[arg(long)]
    pub place: Option<String>,
    /// Free text: serial, make, model, marks, notes, record id
    #[arg(long, short = 'q')]
    pub query: Option<String>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CustodyArgs {
    #[command(subcommand)]
    pub command: Option<CustodyCommand>,
    /// Item number or UUID
    #[arg(required = true)]
    pub item: Option<String>,
    /// seized, transferred, stored, examined, marked, destroyed, returned
    #[arg(long, required = true)]
    pub action: Option<String>,
    /// Who received it (for a transfer)
    #[arg(long)]
    pub to: Option<String>,
    /// Where it is now
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// When it happened, if not now: "2026-03-14 09:30" (UTC unless an offset is given) or a
    /// date; the time it is recorded is kept beside it
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CustodyCommand {
    /// An item's custody events, oldest first
    Log {
        /// Item number or UUID
        item: String,
    },
    /// Check every hash and link of the whole log; exit 4 if anything was tampered with
    Verify {
        /// Also compare each item's chain with the chain heads packets about it carried:
        /// packet files or folders of them, or `inbox` for the home's inbox and outbox
        #[arg(long, value_name = "PACKETS", num_args = 1..)]
        against: Vec<std::path::PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The seizure log: UTF-8 CSV, with `,` `;` or tab between fields
    pub log: PathBuf,
    /// Folder the log's photo paths are relative to
    #[arg(long, value_name = "DIR")]
    pub photos: Option<PathBuf>,
    /// Column map (TOML) for another layout, or a built-in one: `kobo`, `odk`
    #[arg(long, value_name = "MAP")]
    pub map: Option<PathBuf>,
    /// Check and report everything, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import nothing if any row is rejected
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One row per item: the template's columns, identification and custody state
    ///
    /// Identifiers a spreadsheet would turn into numbers or dates (a serial 012345, 12E4) are
    /// written ="012345", which Excel and LibreOffice keep as text; --plain writes them as
    /// they are, for other tools.
    Csv {
        /// Write here (atomically) instead of stdout
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// The field separator: ',' (default), ';' (Excel in French and other comma-decimal
        /// locales) or 'tab'
        #[arg(long, value_name = "CHAR", default_value = ",", value_parser = delimiter)]
        delimiter: u8,
        /// Write identifiers as they are, without the spreadsheet text guard
        #[arg(long)]
        plain: bool,
    },
    /// One GeoJSON feature per item (RFC 7946: WGS 84, longitude first), for QGIS
    ///
    /// Each feature carries the item's type, make, model, calibre, serial, country of
    /// manufacture, event, date, place and trace state; an item without coordinates has no
    /// geometry.
    Geojson {
        /// Write here (atomically) instead of stdout
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// Move each point to the centre of its grid cell this many km wide (0: exact places)
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
    /// Create this station's minisign signing key and age decryption key
    ///
    /// The secret keys are protected by a passphrase, asked at the terminal or taken from
    /// FIELDTRACE_PASSPHRASE. They are written to <home>/keys, mode 0600, and never printed.
    Init,
    /// Print this station's key id and public keys
    Show,
    /// Print this station's public key in the standard minisign .pub format, for peers to trust
    ///
    /// With --out FILE.ftkey, write one key card instead: both public keys, the station's name
    /// and unit, signed by its own key (asks for the passphrase), and print the fingerprint a
    /// peer compares by phone.
    Export {
        /// Print the age recipient (age1...) instead, for peers to encrypt to this station
        #[arg(long, conflicts_with = "out")]
        age: bool,
        /// Write the signed key card (.ftkey) to this file
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Trust a peer (an NPC, another station): accept its packets, address requests to it
    ///
    /// A key card (.ftkey, from `keys export --out`) is taken in one step, its signature
    /// checked, its key id and fingerprint shown to compare by phone.
    Trust {
        /// The peer's key card (.ftkey), or its minisign public key file (.pub)
        file: PathBuf,
        /// The name requests use for it (`trace new --to NAME`); a key card's own name when not
        /// given
        #[arg(long)]
        name: Option<String>,
        /// The peer's age recipient (age1...), to encrypt packets to it
        #[arg(long, value_name = "RECIPIENT")]
        age: Option<String>,
    },
    /// List the trusted peers
    List,
    /// Revoke a peer's key: its packets are refused from now on
    Revoke {
        /// The peer's name, as `keys list` shows it
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TraceCommand {
    /// Build a trace request for items and check it before anything is signed
    ///
    /// The request carries what ITI paragraph 17 asks for: the illicit nature and legal basis,
    /// each item's marks, type, calibre, serial and photos, and the intended use. Whatever is
    /// missing or weak is listed; --strict refuses a request that misses required content.
    New {
        /// Item numbers or UUIDs
        #[arg(required = true)]
        items: Vec<String>,
        /// The trusted peer the request is for (`keys list`)
        #[arg(long, value_name = "NAME")]
        to: String,
        /// Why the weapons are illicit (ITI para. 17(a)); default: from the items
        #[arg(long, value_name = "TEXT")]
        illicit_basis: Option<String>,
        /// The legal basis of the request (ITI para. 17(a)); default: from the items
        #[arg(long, value_name = "TEXT")]
        legal_basis: Option<String>,
        /// What the information will be used for (ITI para. 17(c))
        #[arg(long, value_name = "TEXT")]
        intended_use: Option<String>,
        /// The requesting authority; default: this station's unit
        #[arg(long, value_name = "TEXT")]
        authority: Option<String>,
        /// Point of contact: name and how to reach them; default: this station's officer
        #[arg(long, value_name = "TEXT")]
        poc: Option<String>,
        /// How soon an answer is needed; urgent wants a --justification
        #[arg(long, value_enum, default_value_t = Priority::Routine)]
        priority: Priority,
        /// Why this priority
        #[arg(long, value_name = "TEXT")]
        justification: Option<String>,
        /// Confidentiality restrictions on the information sent and received
        #[arg(long, value_name = "TEXT")]
        confidentiality: Option<String>,
        /// Create nothing if required content is missing (exit 2)
        #[arg(long)]
        strict: bool,
    },
    /// Sign a request and write its packet to the outbox
    Export {
        /// Request number (`trace list`) or packet id
        id: String,
        /// Encrypt the packet with age to this trusted peer's key (.ftpkt.age)
        #[arg(long, value_name = "NAME")]
        encrypt_to: Option<String>,
        /// Which photos travel as attachments
        #[arg(long, value_enum, default_value_t = PhotoChoice::Reduced)]
        photos: PhotoChoice,
    },
    /// Show an exported request as QR codes (BC-UR fountain-coded parts of the signed manifest)
    ///
    /// Only the signed manifest travels by QR; photos follow by file. Without an output flag,
    /// the `ur:` parts are printed one per line.
    Qr {
        /// Request number (`trace list`) or packet id
        id: String,
        /// Write one PNG per part into this directory
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write an animated GIF of all parts
        #[arg(long, value_name = "FILE")]
        gif: Option<PathBuf>,
        /// Write a printable text sheet of the plain `ur:` parts
        #[arg(long, value_name = "FILE")]
        sheet: Option<PathBuf>,
        /// Draw the codes in the terminal, one after another
        #[arg(long)]
        terminal: bool,
        /// Mixed parts after the plain ones, so a reader that misses frames can finish
        #[arg(long, default_value_t = 2)]
        extra: usize,
        /// Frames a second in the GIF
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=20))]
        fps: u32,
    },
    /// A printable page (A4) of a request as ITI paragraph 17 lays it out
    ///
    /// With the packet id, the manifest SHA-256 and the QR codes of the signed manifest, so the
    /// paper can be checked against the file, and boxes for the signatures.
    Print {
        /// Request number (`trace list`) or packet id
        id: String,
        /// Where to write the page (HTML, atomically); print it or render it to PDF
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
    },
    /// Answer a received trace request with a signed trace-response in the outbox (NPC side)
    Respond {
        /// Received request number (`trace list --received`) or packet id
        id: String,
        /// What the trace established (ITI paras. 19-22)
        #[arg(long, value_enum)]
        outcome: Outcome,
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
    /// Trace requests and their status, oldest first
    List {
        /// Only requests not acknowledged or not answered within the deadlines (config.toml
        /// `[deadlines] acknowledge_days`, `answer_days`; 14 and 60 days by default)
        #[arg(long, conflicts_with = "received")]
        overdue: bool,
        /// Requests received from other stations and their state (NPC side)
        #[arg(long)]
        received: bool,
    },
    /// One request: its status, body, completeness and packet
    Show {
        /// Request number (`trace list`) or packet id
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// Verify and store packet files (.ftpkt, .ftpkt.age) or every packet in a folder
    ///
    /// Refused packets (bad signature, unknown sender, another recipient, a conflicting
    /// packet id) are copied to <home>/quarantine/ with their reason; exit 3 if any were.
    /// A trace request is acknowledged with a signed packet in the outbox.
    Import {
        /// Packet files or folders
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Packets received and refused
    List {
        /// Only the quarantined packets, with their reasons (`inbox release` takes their number)
        #[arg(long)]
        quarantined: bool,
    },
    /// Take in the photos of a packet received in parts: the signed manifest by QR, the photos
    /// by file
    ///
    /// Each file (or every file in a folder) is checked against the SHA-256 and size the
    /// signed manifest lists; files that are none of them are named and left alone. When the
    /// last one is in, the whole packet is rebuilt, verified, stored and acknowledged again.
    Attach {
        /// Received packet number (`inbox list`) or packet id
        id: String,
        /// Photo files or folders
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Receive a quarantined packet again once its cause is fixed (its sender's key trusted,
    /// say), or close it as decided by a person (--dismiss); who and why are recorded
    Release {
        /// Quarantine number (`inbox list --quarantined`)
        id: i64,
        /// Why it is released: what was fixed or decided
        #[arg(long)]
        reason: String,
        /// Do not receive it: a person decided against it (a conflict settled for the packet
        /// already received, say)
        #[arg(long)]
        dismiss: bool,
    },
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The folder to sync with, or a hub: `https://HOST` (`http://127.0.0.1:PORT` on one machine)
    #[arg(long, value_name = "DIR|URL")]
    pub to: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// SDG 16.4.2: the share of items seized, found or surrendered in the period whose illicit
    /// origin was traced
    Sdg {
        /// First day (YYYY-MM-DD); the 1st of January of this year when not given
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last day, included (YYYY-MM-DD); the 31st of December of this year when not given
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
    },
    /// Items by type, country of manufacture, event, place and month, and the trace requests
    ///
    /// Without --from and --to, every item in the register.
    Summary {
        /// First day (YYYY-MM-DD), by event date
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last day, included (YYYY-MM-DD)
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
    },
    /// One self-contained HTML page: SDG 16.4.2, charts, a map and the trace requests
    ///
    /// Nothing in it is fetched when it is viewed (no scripts, fonts or links): it opens
    /// offline in any browser and can be mailed. Its figures are those of `report sdg --json`
    /// and `report summary --json` for the same period.
    Html {
        /// First day (YYYY-MM-DD); the 1st of January of this year when not given
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last day, included (YYYY-MM-DD); the 31st of December of this year when not given
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Where to write the page (atomically)
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
        /// Draw each place at the centre of its grid cell this many km wide, since an exact
        /// place can endanger people (0: exact places)
        #[arg(long, value_name = "KM", default_value_t = 10.0, value_parser = km)]
        coarsen_km: f64,
    },
}

#[derive(Debug, Subcommand)]
pub enum PacketCommand {
    /// Run every check on a packet (.ftpkt or .ftpkt.age); exit 4 if it fails any
    Verify(PacketVerifyArgs),
    /// Check a packet and print what it says
    Show(PacketVerifyArgs),
    /// Rebuild a packet (without attachments) from QR frame images or scanned `ur:` text
    ///
    /// Parts may come in any order, with duplicates and some missing, as fountain codes allow.
    Assemble {
        /// Images holding QR codes (PNG, JPEG, or an animated GIF)
        #[arg(long = "qr", value_name = "IMAGE", num_args = 1.., required_unless_present = "ur", conflicts_with = "ur")]
        images: Vec<PathBuf>,
        /// A text file with one `ur:` part per line ('#' lines and blank lines ignored)
        #[arg(long, value_name = "FILE")]
        ur: Option<PathBuf>,
        /// Where to write the packet
        #[arg(long, short = 'o', value_name = "PACKET")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct PacketVerifyArgs {
    /// The packet file
    pub file: PathBuf,
    /// Check the signature against this minisign public key instead of the trust list
    #[arg(long, value_name = "FILE")]
    pub pubkey: Option<PathBuf>,
    /// Accept a packet that carries some of its listed attachments but not all (one that
    /// carries none, the signed manifest alone as QR codes bring it, is valid anyway, its
    /// attachments pending)
    #[arg(long)]
    pub without_attachments: bool,
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
    /// The vocabulary tables of reference-data/README.md, from the code that checks them
    Vocabulary,
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
