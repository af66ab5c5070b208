//! The bodies of the packets that answer a request: the `acknowledgement` (ITI para. 18) and the
//! `trace-response` (paras. 19-22). Read strictly: unknown keys and oversized fields are refused.

use serde::{Deserialize, Serialize};

/// Outcomes a trace response may give (ITI paras. 19-22).
pub const OUTCOMES: &[&str] = crate::vocab::TraceOutcome::NAMES;

/// Acknowledgement statuses (ITI para. 18).
pub const ACK_STATUSES: &[&str] = crate::vocab::AckStatus::NAMES;

/// Longest free text a reply may carry (a note, a holder, one link of a transfer chain).
pub const MAX_TEXT: usize = 4096;
/// Most entries in a list (what is missing, the transfer chain).
pub const MAX_LIST: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AckBody {
    /// The packet acknowledged.
    pub packet: String,
    /// SHA-256 of its `manifest.json`.
    pub sha256: String,
    /// stored, duplicate, incomplete or rejected.
    pub status: String,
    /// For `incomplete`: the completeness codes of what is missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// For `rejected`: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Attachments the signed manifest lists that have not arrived yet (their SHA-256): the
    /// request travelled in parts and is checked against them when they come.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<String>,
}

/// Most attachments a packet lists (the archive's member cap, less the manifest and signature).
pub const MAX_PENDING: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseBody {
    /// The request answered, and the SHA-256 of its manifest.
    pub request: String,
    pub sha256: String,
    pub outcome: String,
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BodyError(pub String);

fn check_text(field: &str, text: &str) -> Result<(), BodyError> {
    if text.len() > MAX_TEXT {
        return Err(BodyError(format!("{field} is over {MAX_TEXT} bytes")));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(BodyError(format!("{field} holds control characters")));
    }
    Ok(())
}

fn check_sha256(text: &str) -> Result<(), BodyError> {
    if text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        Ok(())
    } else {
        Err(BodyError("sha256 is not a lower-case SHA-256".into()))
    }
}

fn check_packet_id(text: &str) -> Result<(), BodyError> {
    uuid::Uuid::parse_str(text)
        .ok()
        .filter(|id| id.get_version_num() == 7 && id.to_string() == text)
        .map(|_| ())
        .ok_or_else(|| BodyError(format!("'{}' is not a packet id", text.escape_debug())))
}

impl AckBody {
    pub fn parse(body: &serde_json::Value) -> Result<AckBody, BodyError> {
        let ack: AckBody = serde_json::from_value(body.clone())
            .map_err(|e| BodyError(format!("acknowledgement body: {e}")))?;
        check_packet_id(&ack.packet)?;
        check_sha256(&ack.sha256)?;
        if !ACK_STATUSES.contains(&ack.status.as_str()) {
            return Err(BodyError(format!(
                "unknown status '{}'",
                ack.status.escape_debug()
            )));
        }
        if ack.missing.len() > MAX_LIST {
            return Err(BodyError("too many missing entries".into()));
        }
        for m in &ack.missing {
            check_text("missing", m)?;
        }
        if let Some(reason) = &ack.reason {
            check_text("reason", reason)?;
        }
        if ack.pending.len() > MAX_PENDING {
            return Err(BodyError("too many pending attachments".into()));
        }
        for hash in &ack.pending {
            check_sha256(hash)?;
        }
        Ok(ack)
    }
}

impl ResponseBody {
    pub fn parse(body: &serde_json::Value) -> Result<ResponseBody, BodyError> {
        let response: ResponseBody = serde_json::from_value(body.clone())
            .map_err(|e| BodyError(format!("response body: {e}")))?;
        check_packet_id(&response.request)?;
        check_sha256(&response.sha256)?;
        if !OUTCOMES.contains(&response.outcome.as_str()) {
            return Err(BodyError(format!(
                "unknown outcome '{}'",
                response.outcome.escape_debug()
            )));
        }
        check_text("note", &response.note)?;
        if let Some(holder) = &response.holder {
            check_text("holder", holder)?;
        }
        if response.chain.len() > MAX_LIST {
            return Err(BodyError("the transfer chain is too long".into()));
        }
        for link in &response.chain {
            check_text("transfer chain", link)?;
        }
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";

    #[test]
    fn an_acknowledgement_is_read_strictly() {
        let sha = "a".repeat(64);
        let good = serde_json::json!({"packet": ID, "sha256": sha, "status": "incomplete",
                                      "missing": ["no-legal-basis"]});
        assert_eq!(AckBody::parse(&good).unwrap().missing, ["no-legal-basis"]);
        for bad in [
            serde_json::json!({"packet": ID, "sha256": sha, "status": "lost"}),
            serde_json::json!({"packet": ID, "sha256": "AB", "status": "stored"}),
            serde_json::json!({"packet": "x", "sha256": sha, "status": "stored"}),
            serde_json::json!({"packet": ID, "sha256": sha, "status": "stored", "extra": 1}),
        ] {
            assert!(AckBody::parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_response_needs_a_known_outcome_and_bounded_text() {
        let sha = "b".repeat(64);
        let good = serde_json::json!({"request": ID, "sha256": sha, "outcome": "traced",
                                      "note": "exported 1998 to X", "chain": ["A", "B"]});
        assert_eq!(ResponseBody::parse(&good).unwrap().chain.len(), 2);
        let long = "x".repeat(MAX_TEXT + 1);
        for bad in [
            serde_json::json!({"request": ID, "sha256": sha, "outcome": "maybe", "note": ""}),
            serde_json::json!({"request": ID, "sha256": sha, "outcome": "traced", "note": long}),
        ] {
            assert!(ResponseBody::parse(&bad).is_err());
        }
    }
}
