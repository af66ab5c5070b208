//! The request body: what is asked (ITI para. 17), by whom, how urgently, under what
//! confidentiality, and for each item everything the register knows that helps a trace.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::register::item::Item;

/// What the officer says about the request as a whole (flags of `trace new`).
#[derive(Debug, Clone, Default)]
pub struct RequestFacts {
    /// Requesting authority; `None`: the sending station's unit, as signed in the envelope.
    pub authority: Option<String>,
    pub point_of_contact: Option<String>,
    /// Illicit nature of the weapons (ITI para. 17(a)); `None`: taken from the items.
    pub illicit_nature: Option<String>,
    /// Legal basis of the request (ITI para. 17(a)); `None`: taken from the items.
    pub legal_basis: Option<String>,
    /// Intended use of the information sought (ITI para. 17(c)).
    pub intended_use: Option<String>,
    pub priority: String,
    pub justification: Option<String>,
    pub confidentiality: Option<String>,
}

/// The `body` of a `trace-request` manifest. Short keys, empty fields left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illicit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal: Option<String>,
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub intended_use: Option<String>,
    pub prio: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conf: Option<String>,
    pub items: Vec<ItemEntry>,
}

/// One weapon, component or ammunition lot. Positions in `items` are how a response names it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemEntry {
    /// Left out for a weapon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub weapon_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qty: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// `copy` or `craft`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub susp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sn: Option<String>,
    /// Serial status: present, partial, obliterated, absent, unknown. Left out when it is what
    /// `sn` implies: `present` with a serial, `unknown` without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sn_st: Option<String>,
    /// Where the serial was read (frame, receiver, slide ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sn_at: Option<String>,
    /// seized, found, surrendered ...
    pub ev: String,
    /// YYYY-MM-DD.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<MarkEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<PhotoEntry>,
    /// The head of the item's custody chain when the request was made; left out for an item
    /// with no custody event (which keeps a one-weapon request within four QR frames).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<ChainHead>,
}

/// An item's custody chain as its station holds it: how many events, the hash of the last. A
/// receiver keeps the heads it received; a later one with fewer events, or another hash at the
/// same count, means the chain was cut or rewritten at the station.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainHead {
    /// The item's UUID at the station.
    pub item: String,
    /// Its custody events.
    pub n: u64,
    /// SHA-256 of the last of them.
    pub h: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkEntry {
    /// import, proof, state, unit, secondary, deactivation, other; left out for manufacture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev: Option<String>,
    pub text: String,
    /// The part it is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Left out when clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg: Option<String>,
    /// 1-based index into the item's `parts`, for a mark on a component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<usize>,
}

/// A component of a modular or mixed-origin weapon.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartEntry {
    pub part: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sn: Option<String>,
    pub sn_st: String,
}

/// A photo of the item by the SHA-256 of the original, and of its reduced copy when there is
/// one: whichever is attached, the receiver can match it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoEntry {
    pub view: String,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduced: Option<String>,
}

const MANUFACTURE: &str = "manufacture";

/// The serial status a body leaves out: what the presence of a serial implies.
fn implied_serial_status(has_serial: bool) -> &'static str {
    if has_serial { "present" } else { "unknown" }
}

impl ItemEntry {
    pub fn serial_status(&self) -> &str {
        self.sn_st
            .as_deref()
            .unwrap_or_else(|| implied_serial_status(self.sn.is_some()))
    }
}

impl MarkEntry {
    pub fn event(&self) -> &str {
        self.ev.as_deref().unwrap_or(MANUFACTURE)
    }
}

impl RequestBody {
    /// The body for `items`, in order. `reduced` maps an original photo's SHA-256 to its
    /// reduced copy's.
    pub fn build(
        facts: &RequestFacts,
        items: &[Item],
        reduced: &BTreeMap<String, String>,
    ) -> RequestBody {
        let from_items = |name: &str| -> Option<String> {
            let mut values: Vec<&str> = items.iter().filter_map(|i| text(i, name)).collect();
            values.sort_unstable();
            values.dedup();
            (!values.is_empty()).then(|| values.join("; "))
        };
        RequestBody {
            auth: clean(facts.authority.as_deref()),
            poc: clean(facts.point_of_contact.as_deref()),
            illicit: clean(facts.illicit_nature.as_deref()).or_else(|| from_items("illicit_basis")),
            legal: clean(facts.legal_basis.as_deref()).or_else(|| from_items("legal_basis")),
            intended_use: clean(facts.intended_use.as_deref()),
            prio: facts.priority.clone(),
            why: clean(facts.justification.as_deref()),
            conf: clean(facts.confidentiality.as_deref()),
            items: items.iter().map(|i| item_entry(i, reduced)).collect(),
        }
    }
}

fn clean(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn text<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    item.fields
        .get(name)
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn owned(item: &Item, name: &str) -> Option<String> {
    text(item, name).map(str::to_owned)
}

fn item_entry(item: &Item, reduced: &BTreeMap<String, String>) -> ItemEntry {
    let component_index = |id: i64| {
        item.components
            .iter()
            .position(|c| c.id == id)
            .map(|i| i + 1)
    };
    ItemEntry {
        kind: text(item, "kind")
            .filter(|k| *k != "weapon")
            .map(str::to_owned),
        weapon_type: owned(item, "type"),
        make: owned(item, "make"),
        model: owned(item, "model"),
        cal: owned(item, "calibre"),
        ctry: owned(item, "country"),
        year: item.fields.get("year").and_then(|v| v.as_i64()),
        qty: item.fields.get("quantity").and_then(|v| v.as_i64()),
        hs: owned(item, "headstamp"),
        lot: owned(item, "lot"),
        susp: owned(item, "suspected"),
        sn: owned(item, "serial"),
        sn_st: text(item, "serial_status")
            .filter(|status| *status != implied_serial_status(text(item, "serial").is_some()))
            .map(str::to_owned),
        sn_at: owned(item, "serial_location"),
        ev: text(item, "event").unwrap_or_default().to_owned(),
        date: text(item, "date")
            .map(|d| d.chars().take(10).collect())
            .unwrap_or_default(),
        place: owned(item, "location"),
        marks: item
            .marks
            .iter()
            .map(|m| MarkEntry {
                ev: (m.event != MANUFACTURE).then(|| m.event.clone()),
                text: m.text.clone(),
                at: clean(m.part.as_deref()),
                leg: (m.legibility != "clear").then(|| m.legibility.clone()),
                part: m.component.and_then(component_index),
            })
            .collect(),
        parts: item
            .components
            .iter()
            .map(|c| PartEntry {
                part: c.part.clone(),
                make: clean(c.make.as_deref()),
                model: clean(c.model.as_deref()),
                ctry: clean(c.country.as_deref()),
                sn: clean(c.serial.as_deref()),
                sn_st: c.serial_status.clone(),
            })
            .collect(),
        photos: item
            .photos
            .iter()
            .map(|p| PhotoEntry {
                view: p.view.clone(),
                sha256: p.sha256.clone(),
                reduced: reduced.get(&p.sha256).cloned(),
            })
            .collect(),
        chain: item.custody.last().map(|last| ChainHead {
            item: item.uuid.clone(),
            n: item.custody.len() as u64,
            h: last.hash.clone(),
        }),
    }
}
