//! `Ctx`: what every command gets, built once. It opens the register and reads the config, and
//! it is the only source of time and of new ids, so that the same inputs under
//! `FIELDTRACE_NOW` give the same output. Nothing below `commands/` reads the clock, makes a
//! UUID or prompts on its own.

use std::cell::{OnceCell, RefCell, RefMut};
use std::path::PathBuf;

use age::secrecy::ExposeSecret as _;
use anyhow::Context as _;

use crate::cli::Lang;
use crate::clock::Clock;
use crate::config::{self, Config};
use crate::error::usage;
use crate::keys::{KeyStore, SecretString};
use crate::packet::KeyId;
use crate::refdata::RefData;
use crate::register::{Register, Station};
use crate::t;
use crate::ui::{Ui, prompt};

/// Scripts and tests give the passphrase here instead of at the terminal.
pub const PASSPHRASE_ENV: &str = "FIELDTRACE_PASSPHRASE";

/// log2 of age's scrypt work for the identity file. Unset: about a second of work on this
/// machine; the tests lower it to stay fast. Release builds ignore it.
pub const AGE_WORK_FACTOR_ENV: &str = "FIELDTRACE_AGE_WORK_FACTOR";

#[derive(Debug)]
pub struct Ctx {
    pub refdata: RefData,
    pub ui: Ui,
    pub clock: Clock,
    pub lang: Lang,
    pub no_input: bool,
    /// The data directory: register, photos, keys, config.
    pub home: PathBuf,
    config: OnceCell<Config>,
    register: OnceCell<RefCell<Register>>,
    /// A passphrase given by the caller (a service, a test), used before the environment and
    /// the terminal.
    secret: Option<SecretString>,
    /// A lower scrypt work factor for the age identity (debug builds only), as
    /// `FIELDTRACE_AGE_WORK_FACTOR` gives it.
    age_work_factor: Option<u8>,
}

impl Ctx {
    pub fn new(
        refdata: RefData,
        ui: Ui,
        clock: Clock,
        lang: Lang,
        no_input: bool,
        home: PathBuf,
    ) -> Ctx {
        Ctx {
            refdata,
            ui,
            clock,
            lang,
            no_input,
            home,
            config: OnceCell::new(),
            register: OnceCell::new(),
            secret: None,
            age_work_factor: None,
        }
    }

    /// Unlocks the keys with this passphrase instead of asking for one.
    #[must_use]
    pub fn with_passphrase(mut self, secret: SecretString) -> Ctx {
        self.secret = Some(secret);
        self
    }

    /// A lower work factor for the age identity; honoured by debug (test) builds only.
    #[must_use]
    pub fn with_age_work_factor(mut self, log_n: u8) -> Ctx {
        self.age_work_factor = Some(log_n);
        self
    }

    /// The register under the home directory, opened (and created or migrated) the first time
    /// it is asked for, and the same connection after that.
    pub fn register(&self) -> anyhow::Result<RefMut<'_, Register>> {
        if self.register.get().is_none() {
            let opened = Register::open(&self.home).with_context(|| {
                t!(
                    "error-open-register",
                    home = self.home.display().to_string()
                )
            })?;
            let _ = self.register.set(RefCell::new(opened));
        }
        let register = self.open_register()?;
        if register.is_read_only() {
            return Err(crate::register::RegisterError::ReadOnly.into());
        }
        Ok(register)
    }

    /// The register for a command that only reads (`item list`, `custody verify`, reports):
    /// opened read-only, so a write-protected home (a stick carried to the NPC) can be read,
    /// and nothing in the home changes. The connection already open, if any, serves as well.
    pub fn register_read(&self) -> anyhow::Result<RefMut<'_, Register>> {
        if self.register.get().is_none() {
            let opened = Register::open_read_only(&self.home).with_context(|| {
                t!(
                    "error-open-register",
                    home = self.home.display().to_string()
                )
            })?;
            let _ = self.register.set(RefCell::new(opened));
        }
        self.open_register()
    }

    fn open_register(&self) -> anyhow::Result<RefMut<'_, Register>> {
        let cell = self.register.get().context("the register is not open")?;
        cell.try_borrow_mut()
            .map_err(|_| anyhow::anyhow!("the register is already in use by this command"))
    }

    /// `config.toml`, read once.
    pub fn config(&self) -> anyhow::Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let loaded = config::load(&self.home)?;
        Ok(self.config.get_or_init(|| loaded))
    }

    /// This station's identity, from `config.toml`.
    pub fn station(&self) -> anyhow::Result<Station> {
        self.config()?.station.clone().ok_or_else(|| {
            usage(t!("error-no-station"))
                .hint(t!("hint-no-station"))
                .into()
        })
    }

    /// How long trace requests may wait for their replies.
    pub fn deadlines(&self) -> anyhow::Result<config::Deadlines> {
        Ok(self.config()?.deadlines.unwrap_or_default())
    }

    /// "Now", as stored in the register: RFC 3339, UTC, seconds.
    pub fn now(&self) -> String {
        self.clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }

    /// A new UUIDv7 for an item, a packet or a request, from the context's clock (see
    /// `register::intake::new_id`).
    pub fn new_id(&self, conn: &rusqlite::Connection) -> uuid::Uuid {
        let name = self
            .config()
            .ok()
            .and_then(|c| c.station.as_ref())
            .map(|s| s.name.clone())
            .unwrap_or_default();
        crate::register::intake::new_id(&self.clock, conn, &name)
    }

    /// A country's name in the language asked for.
    pub fn country_name(&self, catalog: &crate::refdata::Catalog, code: &str) -> String {
        crate::i18n::country_name(catalog, &self.lang, code)
    }

    /// This station's key directory, `<home>/keys`, expecting the signing key recorded at
    /// `keys init`. Keys made before the record existed are recorded at their first use.
    pub fn key_store(&self) -> anyhow::Result<KeyStore> {
        let store = KeyStore::new(self.home.join("keys"));
        let recorded = match &self.config()?.keys {
            Some(keys) => Some(keys.signing_key_id.parse::<KeyId>().map_err(|e| {
                usage(format!(
                    "config.toml: [keys] signing_key_id '{}' is not a key id: {e}",
                    keys.signing_key_id
                ))
            })?),
            None if store.is_initialised() => {
                let found = store.public()?.key_id;
                // Best effort: a read-only home still works, unrecorded.
                let _ = config::record_keys(&self.home, found.to_string());
                Some(found)
            }
            None => None,
        };
        let store = store.expecting(recorded);
        // Only a debug (test) build may lower the work that protects the secret key.
        if let (Some(log_n), true) = (self.age_work_factor, cfg!(debug_assertions)) {
            return Ok(store.with_age_work_factor(log_n));
        }
        match std::env::var(AGE_WORK_FACTOR_ENV) {
            Ok(value) if cfg!(debug_assertions) => {
                let log_n: u8 = value.trim().parse().map_err(|_| {
                    usage(format!(
                        "{AGE_WORK_FACTOR_ENV} must be a number from 1 to 30, not '{value}'"
                    ))
                })?;
                Ok(store.with_age_work_factor(log_n))
            }
            _ => Ok(store),
        }
    }

    /// The key store, which must hold this station's keys.
    pub fn initialised_keys(&self) -> anyhow::Result<KeyStore> {
        let keys = self.key_store()?;
        if !keys.is_initialised() {
            return Err(usage(t!("error-no-keys")).hint(t!("hint-no-keys")).into());
        }
        Ok(keys)
    }

    /// The passphrase given with `with_passphrase` (`--passphrase-file`, or
    /// `FIELDTRACE_PASSPHRASE` as `main` took it from the environment), else from the
    /// terminal (twice when `confirm`).
    pub fn passphrase(&self, purpose: &str, confirm: bool) -> anyhow::Result<SecretString> {
        if let Some(secret) = &self.secret {
            return Ok(SecretString::from(secret.expose_secret().to_owned()));
        }
        if self.no_input || !self.ui.is_interactive() {
            return Err(usage(t!("error-passphrase-needed", purpose = purpose))
                .hint(t!("hint-passphrase", env = PASSPHRASE_ENV))
                .into());
        }
        prompt::passphrase(&t!("prompt-passphrase", purpose = purpose), confirm)
    }
}
