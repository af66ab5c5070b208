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
    #[error("{}", crate::t!("key-already", dir = .0.display().to_string()))]
    AlreadyInitialised(PathBuf),
    #[error("{}", crate::t!("key-not-initialised", dir = .0.display().to_string()))]
    NotInitialised(PathBuf),
    #[error("{}", crate::t!("key-empty-passphrase"))]
    EmptyPassphrase,
    #[error("{}", crate::t!("key-wrong-passphrase", path = .0.display().to_string()))]
    WrongPassphrase(PathBuf),
    #[error("{}", crate::t!("key-damaged", path = .path.display().to_string(), other = .other.display().to_string()))]
    Damaged { path: PathBuf, other: PathBuf },
    #[error("{}", crate::t!("key-replaced", dir = .dir.display().to_string(), recorded = .recorded.as_str(), found = .found.as_str()))]
    Replaced {
        dir: PathBuf,
        recorded: String,
        found: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::t!("key-bad-file", path = .path.display().to_string(), reason = .reason.as_str()))]
    BadKeyFile { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    BadTrustList { path: PathBuf, reason: String },
    #[error("{}", crate::t!("key-bad-public", reason = .0.as_str()))]
    BadPublicKey(String),
    #[error("{}", crate::t!("key-bad-recipient", value = .0.as_str()))]
    BadRecipient(String),
    #[error("{}", crate::t!("key-duplicate-name", name = .0.as_str()))]
    DuplicatePeerName(String),
    #[error("{}", crate::t!("key-duplicate-key", key = .key_id.to_string(), name = .name.as_str()))]
    DuplicatePeerKey { key_id: KeyId, name: String },
    #[error("{}", crate::t!("key-unknown-peer", name = .0.as_str()))]
    UnknownPeer(String),
    #[error("{}", crate::t!("key-generate", reason = .0.as_str()))]
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
    /// The signing key id recorded when the keys were made (`config.toml`), which the files
    /// must still hold.
    recorded: Option<KeyId>,
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
            recorded: None,
        }
    }

    /// Expect the key files to hold this signing key (recorded at `keys init`): any use of the
    /// keys refuses files that were replaced, even ones that open with the passphrase.
    #[must_use]
    pub fn expecting(mut self, key_id: Option<KeyId>) -> KeyStore {
        self.recorded = key_id;
        self
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
                reason: e.detail.to_string(),
            })?;
        let recipient_path = self.path(RECIPIENT_FILE);
        let recipient_text = read_text(&recipient_path)?;
        let age_recipient = x25519::Recipient::from_str(recipient_text.trim()).map_err(|e| {
            KeyError::BadKeyFile {
                path: recipient_path,
                reason: e.to_owned(),
            }
        })?;
        let key_id = KeyId::of(&signing_public);
        if let Some(recorded) = self.recorded
            && recorded != key_id
        {
            return Err(KeyError::Replaced {
                dir: self.dir.clone(),
                recorded: recorded.to_string(),
                found: key_id.to_string(),
            });
        }
        Ok(StationKeys {
            key_id,
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
        .map_err(|_| {
            // minisign cannot tell a wrong passphrase from damaged bytes; the age identity,
            // under the same passphrase, can.
            if self.open_identity(passphrase).is_ok() {
                KeyError::Damaged {
                    path: path.clone(),
                    other: self.path(IDENTITY_FILE),
                }
            } else {
                KeyError::WrongPassphrase(path.clone())
            }
        })?;
        SigningKey::from_parts(public, secret).map_err(|e| KeyError::BadKeyFile {
            path,
            reason: e.detail.to_string(),
        })
    }

    /// Decrypt the age identity that opens packets encrypted to this station.
    pub fn unlock_identity(&self, passphrase: &SecretString) -> Result<x25519::Identity, KeyError> {
        self.require_initialised()?;
        self.public()?;
        let path = self.path(IDENTITY_FILE);
        let plain = self.open_identity(passphrase)?;
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

    /// The plain identity file: a wrong passphrase (the passphrase stanza does not open) is
    /// told apart from a damaged file (a bad header, MAC or payload).
    fn open_identity(&self, passphrase: &SecretString) -> Result<Vec<u8>, KeyError> {
        let path = self.path(IDENTITY_FILE);
        let damaged = |reason: String| KeyError::BadKeyFile {
            path: path.clone(),
            reason: format!("damaged ({reason})"),
        };
        let sealed = read_bytes(&path)?;
        let scrypt = age::scrypt::Identity::new(passphrase.clone());
        let decryptor =
            age::Decryptor::new_buffered(&sealed[..]).map_err(|e| damaged(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                    KeyError::WrongPassphrase(path.clone())
                }
                other => damaged(other.to_string()),
            })?;
        let mut plain = Vec::new();
        reader
            .by_ref()
            .take(MAX_KEY_FILE_BYTES)
            .read_to_end(&mut plain)
            .map_err(|e| damaged(e.to_string()))?;
        Ok(plain)
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

/// A passphrase file (`--passphrase-file`): its first line, without the line end. At most
/// 4 KiB; an empty first line is refused like an empty passphrase.
pub fn read_passphrase_file(path: &Path) -> Result<SecretString, KeyError> {
    let text = crate::fs::read_text_capped(path, 4096)
        .map_err(|source| KeyError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(source.kind(), source.kind().to_string()),
        })?
        .ok_or_else(|| KeyError::BadKeyFile {
            path: path.to_path_buf(),
            reason: "over 4096 bytes: not a passphrase file".to_owned(),
        })?;
    let line = SecretString::from(text.lines().next().unwrap_or_default().to_owned());
    drop(SecretString::from(text));
    if line.expose_secret().is_empty() {
        return Err(KeyError::EmptyPassphrase);
    }
    Ok(line)
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
