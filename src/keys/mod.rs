//! This station's keys, in a directory the caller names (`<home>/keys`):
//!
//! | file           | what                                                            |
//! | -------------- | --------------------------------------------------------------- |
//! | `signing.key`  | minisign secret key, scrypt-encrypted by minisign itself (0600) |
//! | `signing.pub`  | minisign public key, the standard `.pub` file                   |
//! | `identity.age` | age X25519 identity file, age-encrypted to a passphrase (0600)  |
//! | `identity.pub` | the matching `age1...` recipient                                |
//! | `trust.toml`   | peers: name, minisign public key, age recipient, revoked        |
//!
//! So `minisign -S -s signing.key` and `age -d identity.age` work on them with the standard
//! tools. Secret material is never printed: nothing here derives `Debug` over it.

pub mod card;
pub mod trust;

pub use age::secrecy::SecretString;
pub use trust::{Peer, TrustList};

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use age::x25519;
use minisign::{KeyPair, PublicKey, SecretKey, SecretKeyBox};

use crate::packet::sign::{parse_public_key, public_key_file};
use crate::packet::{KeyId, SigningKey};

pub const SIGNING_KEY_FILE: &str = "signing.key";
pub const SIGNING_PUB_FILE: &str = "signing.pub";
pub const IDENTITY_FILE: &str = "identity.age";
pub const RECIPIENT_FILE: &str = "identity.pub";
pub const TRUST_FILE: &str = "trust.toml";

/// Key files are small; anything larger is not one of ours.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("this station already has keys in {0}; they are never replaced silently")]
    AlreadyInitialised(PathBuf),
    #[error("this station has no keys yet in {0}: run `fieldtrace keys init`")]
    NotInitialised(PathBuf),
    #[error("an empty passphrase cannot protect a secret key")]
    EmptyPassphrase,
    #[error("wrong passphrase for {0}")]
    WrongPassphrase(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a valid key file: {reason}")]
    BadKeyFile { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    BadTrustList { path: PathBuf, reason: String },
    #[error("not a minisign public key: {0}")]
    BadPublicKey(String),
    #[error("not an age recipient (age1...): '{0}'")]
    BadRecipient(String),
    #[error("a peer named '{0}' is already trusted")]
    DuplicatePeerName(String),
    #[error("key {key_id} is already trusted as '{name}'")]
    DuplicatePeerKey { key_id: KeyId, name: String },
    #[error("no trusted peer named '{0}'")]
    UnknownPeer(String),
    #[error("key generation failed: {0}")]
    Generate(String),
}

/// This station's public keys, safe to print and hand out.
#[derive(Debug, Clone)]
pub struct StationKeys {
    pub key_id: KeyId,
    pub signing_public: PublicKey,
    pub age_recipient: x25519::Recipient,
}

impl StationKeys {
    /// The standard minisign `.pub` file.
    pub fn signing_public_file(&self) -> String {
        public_key_file(&self.signing_public).unwrap_or_default()
    }
}

/// The key directory of this station.
pub struct KeyStore {
    dir: PathBuf,
    age_work_factor: Option<u8>,
}

impl fmt::Debug for KeyStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyStore").field("dir", &self.dir).finish()
    }
}

impl KeyStore {
    pub fn new(dir: impl Into<PathBuf>) -> KeyStore {
        KeyStore {
            dir: dir.into(),
            age_work_factor: None,
        }
    }

    /// Fix the scrypt work factor (log2 N) of the age passphrase. By default age picks about a
    /// second of work on this machine; tests lower it to stay fast.
    pub fn with_age_work_factor(mut self, log_n: u8) -> KeyStore {
        self.age_work_factor = Some(log_n.clamp(1, 30));
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The signing key is written last, so its presence means every file is there.
    pub fn is_initialised(&self) -> bool {
        self.path(SIGNING_KEY_FILE).exists()
    }

    /// Generate this station's minisign key pair and age identity, protected by `passphrase`.
    /// Refuses to replace existing keys; finishes an init that was interrupted.
    pub fn init(&self, passphrase: &SecretString) -> Result<StationKeys, KeyError> {
        if self.is_initialised() {
            return Err(KeyError::AlreadyInitialised(self.dir.clone()));
        }
        if passphrase.expose_secret().is_empty() {
            return Err(KeyError::EmptyPassphrase);
        }
        create_private_dir(&self.dir)?;

        let identity = x25519::Identity::generate();
        let recipient = identity.to_public();
        let identity_file = format!(
            "# fieldtrace station decryption key\n# public key: {recipient}\n{}\n",
            identity.to_string().expose_secret()
        );
        let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
        if let Some(log_n) = self.age_work_factor {
            scrypt.set_work_factor(log_n);
        }
        let sealed = seal_to_passphrase(identity_file.as_bytes(), &scrypt)
            .map_err(|e| KeyError::Generate(format!("age: {e}")))?;

        let pair = KeyPair::generate_encrypted_keypair(Some(passphrase.expose_secret().to_owned()))
            .map_err(|e| KeyError::Generate(e.to_string()))?;
        let public_file =
            public_key_file(&pair.pk).map_err(|e| KeyError::Generate(e.to_string()))?;
        let secret_box = pair
            .sk
            .to_box(Some(
                "fieldtrace station signing key (passphrase-protected)",
            ))
            .map_err(|e| KeyError::Generate(e.to_string()))?;

        write_atomically(&self.path(IDENTITY_FILE), &sealed, true)?;
        write_atomically(
            &self.path(RECIPIENT_FILE),
            format!("{recipient}\n").as_bytes(),
            false,
        )?;
        write_atomically(&self.path(SIGNING_PUB_FILE), public_file.as_bytes(), false)?;
        write_atomically(
            &self.path(SIGNING_KEY_FILE),
            secret_box.into_string().as_bytes(),
            true,
        )?;
        Ok(StationKeys {
            key_id: KeyId::of(&pair.pk),
            signing_public: pair.pk,
            age_recipient: recipient,
        })
    }

    /// This station's public keys.
    pub fn public(&self) -> Result<StationKeys, KeyError> {
        self.require_initialised()?;
        let pub_path = self.path(SIGNING_PUB_FILE);
        let signing_public =
            parse_public_key(&read_text(&pub_path)?).map_err(|e| KeyError::BadKeyFile {
                path: pub_path.clone(),
                reason: e.detail,
            })?;
        let recipient_path = self.path(RECIPIENT_FILE);
        let recipient_text = read_text(&recipient_path)?;
        let age_recipient = x25519::Recipient::from_str(recipient_text.trim()).map_err(|e| {
            KeyError::BadKeyFile {
                path: recipient_path,
                reason: e.to_owned(),
            }
        })?;
        Ok(StationKeys {
            key_id: KeyId::of(&signing_public),
            signing_public,
            age_recipient,
        })
    }

    /// Decrypt the signing key for use. Wrong passphrases are refused.
    pub fn unlock_signing_key(&self, passphrase: &SecretString) -> Result<SigningKey, KeyError> {
        self.require_initialised()?;
        let public = self.public()?.signing_public;
        let path = self.path(SIGNING_KEY_FILE);
        let text = read_text(&path)?;
        let secret = SecretKey::from_box(
            SecretKeyBox::from_string(&text).map_err(|e| KeyError::BadKeyFile {
                path: path.clone(),
                reason: e.to_string(),
            })?,
            Some(passphrase.expose_secret().to_owned()),
        )
        .map_err(|_| KeyError::WrongPassphrase(path.clone()))?;
        SigningKey::from_parts(public, secret).map_err(|e| KeyError::BadKeyFile {
            path,
            reason: e.detail,
        })
    }

    /// Decrypt the age identity that opens packets encrypted to this station.
    pub fn unlock_identity(&self, passphrase: &SecretString) -> Result<x25519::Identity, KeyError> {
        self.require_initialised()?;
        let path = self.path(IDENTITY_FILE);
        let sealed = read_bytes(&path)?;
        let scrypt = age::scrypt::Identity::new(passphrase.clone());
        let decryptor =
            age::Decryptor::new_buffered(&sealed[..]).map_err(|e| KeyError::BadKeyFile {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
            .map_err(|_| KeyError::WrongPassphrase(path.clone()))?;
        let mut plain = Vec::new();
        reader
            .by_ref()
            .take(MAX_KEY_FILE_BYTES)
            .read_to_end(&mut plain)
            .map_err(|source| KeyError::Io {
                path: path.clone(),
                source,
            })?;
        let text =
            SecretString::from(String::from_utf8(plain).map_err(|_| KeyError::BadKeyFile {
                path: path.clone(),
                reason: "not UTF-8".to_owned(),
            })?);
        let line = text
            .expose_secret()
            .lines()
            .map(str::trim)
            .find(|line| line.starts_with("AGE-SECRET-KEY-"))
            .ok_or_else(|| KeyError::BadKeyFile {
                path: path.clone(),
                reason: "no AGE-SECRET-KEY line".to_owned(),
            })?;
        x25519::Identity::from_str(line).map_err(|e| KeyError::BadKeyFile {
            path,
            reason: e.to_owned(),
        })
    }

    /// The trusted peers; empty when none were added yet.
    pub fn trust_list(&self) -> Result<TrustList, KeyError> {
        let path = self.path(TRUST_FILE);
        if !path.exists() {
            return Ok(TrustList::default());
        }
        TrustList::from_toml(&read_text(&path)?)
            .map_err(|reason| KeyError::BadTrustList { path, reason })
    }

    pub fn save_trust_list(&self, list: &TrustList) -> Result<(), KeyError> {
        create_private_dir(&self.dir)?;
        let path = self.path(TRUST_FILE);
        let text = list.to_toml().map_err(|reason| KeyError::BadTrustList {
            path: path.clone(),
            reason,
        })?;
        write_atomically(&path, text.as_bytes(), false)
    }

    fn require_initialised(&self) -> Result<(), KeyError> {
        if self.is_initialised() {
            Ok(())
        } else {
            Err(KeyError::NotInitialised(self.dir.clone()))
        }
    }
}

fn seal_to_passphrase(
    plain: &[u8],
    recipient: &age::scrypt::Recipient,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))?;
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(sealed)
}

fn create_private_dir(dir: &Path) -> Result<(), KeyError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| KeyError::Io {
        path: dir.to_path_buf(),
        source,
    })
}

/// Written atomically (`crate::fs`); secret files are created mode 0600 on Unix.
fn write_atomically(path: &Path, bytes: &[u8], secret: bool) -> Result<(), KeyError> {
    let written = if secret {
        crate::fs::write_secret_atomically(path, bytes)
    } else {
        crate::fs::write_atomically(path, bytes)
    };
    written.map_err(|source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, KeyError> {
    // `crate::fs` names the file in its message; the error keeps the kind and the path.
    crate::fs::read_capped(path, MAX_KEY_FILE_BYTES)
        .map_err(|source| KeyError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(source.kind(), source.kind().to_string()),
        })?
        .ok_or_else(|| KeyError::BadKeyFile {
            path: path.to_path_buf(),
            reason: format!("over {MAX_KEY_FILE_BYTES} bytes"),
        })
}

fn read_text(path: &Path) -> Result<String, KeyError> {
    String::from_utf8(read_bytes(path)?).map_err(|_| KeyError::BadKeyFile {
        path: path.to_path_buf(),
        reason: "not UTF-8".to_owned(),
    })
}

#[cfg(test)]
mod tests;
