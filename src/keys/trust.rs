//! The trust list: peers (NPCs, other stations) whose packets this station accepts and to whom
//! it may encrypt. Stored as `trust.toml`:
//!
//! ```toml
//! [[peer]]
//! name = "ML NPC"
//! minisign = "RWQ..."      # the base64 line of the peer's minisign .pub file
//! age = "age1..."          # optional: lets `--encrypt-to` name this peer
//! revoked = false
//! ```

use std::str::FromStr;

use age::x25519;
use serde::{Deserialize, Serialize};

use super::KeyError;
use crate::packet::sign::parse_public_key;
use crate::packet::{KeyId, KnownSigner};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Peer {
    pub name: String,
    /// The minisign public key, base64 as on the second line of a `.pub` file.
    pub minisign: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<String>,
    #[serde(default)]
    pub revoked: bool,
}

impl Peer {
    /// A peer from a minisign `.pub` file (or its base64 line) and an optional `age1...` key.
    pub fn new(name: &str, minisign_public: &str, age: Option<&str>) -> Result<Peer, KeyError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(KeyError::BadPublicKey("a peer needs a name".to_owned()));
        }
        let public = parse_public_key(minisign_public)
            .map_err(|e| KeyError::BadPublicKey(e.detail.to_string()))?;
        if let Some(recipient) = age {
            x25519::Recipient::from_str(recipient.trim())
                .map_err(|_| KeyError::BadRecipient(recipient.to_owned()))?;
        }
        Ok(Peer {
            name: name.to_owned(),
            minisign: public.to_base64(),
            age: age.map(|r| r.trim().to_owned()),
            revoked: false,
        })
    }

    pub fn public_key(&self) -> Result<minisign::PublicKey, KeyError> {
        parse_public_key(&self.minisign).map_err(|e| KeyError::BadPublicKey(e.detail.to_string()))
    }

    pub fn key_id(&self) -> Result<KeyId, KeyError> {
        self.public_key().map(|key| KeyId::of(&key))
    }

    pub fn age_recipient(&self) -> Result<Option<x25519::Recipient>, KeyError> {
        self.age
            .as_deref()
            .map(|r| {
                x25519::Recipient::from_str(r).map_err(|_| KeyError::BadRecipient(r.to_owned()))
            })
            .transpose()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustList {
    #[serde(default, rename = "peer")]
    peers: Vec<Peer>,
}

impl TrustList {
    /// Parse `trust.toml`, checking every key in it.
    pub fn from_toml(text: &str) -> Result<TrustList, String> {
        let parsed: TrustList = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut checked = TrustList::default();
        for peer in parsed.peers {
            let revoked = peer.revoked;
            checked.add(peer).map_err(|e| e.to_string())?;
            if let Some(last) = checked.peers.last_mut() {
                last.revoked = revoked;
            }
        }
        Ok(checked)
    }

    pub fn to_toml(&self) -> Result<String, String> {
        toml::to_string(self).map_err(|e| e.to_string())
    }

    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    /// Add a peer; names and keys are unique.
    pub fn add(&mut self, peer: Peer) -> Result<(), KeyError> {
        let key_id = peer.key_id()?;
        peer.age_recipient()?;
        if self.by_name(&peer.name).is_some() {
            return Err(KeyError::DuplicatePeerName(peer.name));
        }
        if let Some(existing) = self.by_key_id(key_id) {
            return Err(KeyError::DuplicatePeerKey {
                key_id,
                name: existing.name.clone(),
            });
        }
        self.peers.push(peer);
        Ok(())
    }

    /// Mark a peer's key revoked: its packets are refused from now on. The entry stays, so the
    /// refusal can name who it was.
    pub fn revoke(&mut self, name: &str) -> Result<(), KeyError> {
        let peer = self
            .peers
            .iter_mut()
            .find(|p| p.name == name)
            .ok_or_else(|| KeyError::UnknownPeer(name.to_owned()))?;
        peer.revoked = true;
        Ok(())
    }

    pub fn by_name(&self, name: &str) -> Option<&Peer> {
        self.peers.iter().find(|p| p.name == name)
    }

    pub fn by_key_id(&self, key_id: KeyId) -> Option<&Peer> {
        self.peers
            .iter()
            .find(|p| p.key_id().is_ok_and(|id| id == key_id))
    }

    /// The signers `packet::verify` checks packets against.
    pub fn known_signers(&self) -> Vec<KnownSigner> {
        self.peers
            .iter()
            .filter_map(|peer| {
                peer.public_key().ok().map(|public_key| KnownSigner {
                    name: peer.name.clone(),
                    public_key,
                    revoked: peer.revoked,
                })
            })
            .collect()
    }
}
