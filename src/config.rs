//! `config.toml` in the home directory: this station's identity, set once by `init`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::register::Station;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub station: Option<Station>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<Deadlines>,
    /// The station's keys as `keys init` made them: the key files must still hold them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<RecordedKeys>,
}

/// What `keys init` recorded of the keys it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedKeys {
    /// The minisign key id (16 hex digits).
    pub signing_key_id: String,
}

/// How long a trace request may wait before `trace list --overdue` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    #[serde(default = "default_acknowledge_days")]
    pub acknowledge_days: u32,
    #[serde(default = "default_answer_days")]
    pub answer_days: u32,
}

/// ITI para. 18 asks for prompt acknowledgement; a fortnight leaves room for offline stations.
pub const DEFAULT_ACKNOWLEDGE_DAYS: u32 = 14;
pub const DEFAULT_ANSWER_DAYS: u32 = 60;

fn default_acknowledge_days() -> u32 {
    DEFAULT_ACKNOWLEDGE_DAYS
}

fn default_answer_days() -> u32 {
    DEFAULT_ANSWER_DAYS
}

impl Default for Deadlines {
    fn default() -> Deadlines {
        Deadlines {
            acknowledge_days: DEFAULT_ACKNOWLEDGE_DAYS,
            answer_days: DEFAULT_ANSWER_DAYS,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub fn load(home: &Path) -> Result<Config, ConfigError> {
    let path = home.join("config.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Unreadable {
            path: path.display().to_string(),
            reason: e.to_string().trim().replace('\n', " "),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(e.into()),
    }
}

pub fn deadlines(home: &Path) -> Result<Deadlines, ConfigError> {
    Ok(load(home)?.deadlines.unwrap_or_default())
}

pub fn station(home: &Path) -> Result<Option<Station>, ConfigError> {
    Ok(load(home)?.station)
}

/// Records the signing key id `keys init` made; later uses of the keys check it.
pub fn record_keys(home: &Path, signing_key_id: String) -> Result<(), ConfigError> {
    let mut config = load(home)?;
    config.keys = Some(RecordedKeys { signing_key_id });
    save(home, &config)
}

/// Writes the whole file atomically.
pub fn save(home: &Path, config: &Config) -> Result<(), ConfigError> {
    crate::fs::create_private_dir(home)?;
    let text = toml::to_string_pretty(config).map_err(|e| ConfigError::Unreadable {
        path: "config.toml".into(),
        reason: e.to_string(),
    })?;
    Ok(crate::fs::write_atomically(
        &home.join("config.toml"),
        text.as_bytes(),
    )?)
}
