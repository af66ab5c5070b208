//! What a trace request lacks, said before anything is signed. `Missing` is content ITI
//! paragraph 17 requires; `Weak` is what makes an answer slower or less sure.

use serde::Serialize;

use super::body::{ItemEntry, RequestBody};
use super::gaps;
use crate::i18n::Said;
use crate::said;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Missing,
    Weak,
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Level::Missing => "missing",
            Level::Weak => "weak",
        })
    }
}

/// One gap in a request. `code` is stable, for scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub level: Level,
    pub code: &'static str,
    /// 1-based position in the body's `items`; `None` for the request as a whole.
    pub item: Option<usize>,
    /// In the officer's language on the terminal, in English in `--json`.
    pub message: Said,
}

fn finding(level: Level, code: &'static str, item: Option<usize>, message: Said) -> Finding {
    Finding {
        level,
        code,
        item,
        message,
    }
}

/// Every gap, the request's own first, then item by item.
pub fn check(body: &RequestBody) -> Vec<Finding> {
    let mut out = Vec::new();
    if body.illicit.is_none() {
        out.push(finding(
            Level::Missing,
            "no-illicit-nature",
            None,
            said!("check-no-illicit-nature"),
        ));
    }
    if body.legal.is_none() {
        out.push(finding(
            Level::Missing,
            "no-legal-basis",
            None,
            said!("check-no-legal-basis"),
        ));
    }
    if body.intended_use.is_none() {
        out.push(finding(
            Level::Missing,
            "no-intended-use",
            None,
            said!("check-no-intended-use"),
        ));
    }
    if body.prio == "urgent" && body.why.is_none() {
        out.push(finding(
            Level::Weak,
            "no-justification",
            None,
            said!("check-no-justification"),
        ));
    }
    if body.conf.is_none() {
        out.push(finding(
            Level::Weak,
            "no-confidentiality",
            None,
            said!("check-no-confidentiality"),
        ));
    }
    for (index, item) in body.items.iter().enumerate() {
        check_item(item, index + 1, &mut out);
    }
    out
}

fn check_item(item: &ItemEntry, position: usize, out: &mut Vec<Finding>) {
    let at = Some(position);
    let kind = item.kind.as_deref().unwrap_or("weapon");
    if kind == "ammunition" {
        if item.hs.is_none() && item.lot.is_none() {
            out.push(finding(
                Level::Weak,
                "no-headstamp",
                at,
                said!("check-no-headstamp"),
            ));
        }
        if item.cal.is_none() {
            out.push(finding(
                Level::Weak,
                "no-calibre",
                at,
                said!("check-no-calibre"),
            ));
        }
        return;
    }
    let origin_known = item.make.is_some()
        || item.ctry.is_some()
        || item
            .marks
            .iter()
            .any(|m| m.leg.as_deref() != Some("obliterated"));
    let has_serial = gaps::serial_readable(item.serial_status()) && item.sn.is_some();
    if !origin_known && !has_serial {
        out.push(finding(
            Level::Missing,
            "no-markings",
            at,
            said!("check-no-markings"),
        ));
    }
    if item.weapon_type.is_none() {
        out.push(finding(Level::Weak, "no-type", at, said!("check-no-type")));
    }
    if item.cal.is_none() {
        out.push(finding(
            Level::Weak,
            "no-calibre",
            at,
            said!("check-no-calibre"),
        ));
    }
    match item.serial_status() {
        "present" | "partial" => {
            if !gaps::serial_on_frame(item.sn_at.as_deref()) {
                out.push(finding(
                    Level::Weak,
                    "serial-not-frame",
                    at,
                    said!("check-serial-not-frame"),
                ));
            }
        }
        "obliterated" => out.push(finding(
            Level::Weak,
            "serial-obliterated",
            at,
            said!("check-serial-obliterated"),
        )),
        _ => out.push(finding(
            Level::Weak,
            "no-serial",
            at,
            said!("check-no-serial"),
        )),
    }
    if !item.marks.iter().any(|m| m.event() == "import") {
        out.push(finding(
            Level::Weak,
            "no-import-mark",
            at,
            said!("check-no-import-mark"),
        ));
    }
    if !gaps::shows_marks(item.photos.iter().map(|p| p.view.as_str())) {
        out.push(finding(
            Level::Weak,
            "no-mark-photo",
            at,
            said!("check-no-mark-photo"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::body::{MarkEntry, PhotoEntry};

    fn complete_body() -> RequestBody {
        RequestBody {
            illicit: Some("unlicensed".into()),
            legal: Some("Loi 04-050".into()),
            intended_use: Some("criminal case".into()),
            prio: "routine".into(),
            conf: Some("law enforcement only".into()),
            items: vec![ItemEntry {
                weapon_type: Some("assault-rifle".into()),
                cal: Some("7.62x39mm".into()),
                sn: Some("5601234".into()),
                sn_at: Some("receiver".into()),
                ev: "seized".into(),
                date: "2026-03-14".into(),
                marks: vec![
                    MarkEntry {
                        text: "66 in a triangle".into(),
                        ..MarkEntry::default()
                    },
                    MarkEntry {
                        ev: Some("import".into()),
                        text: "none seen".into(),
                        ..MarkEntry::default()
                    },
                ],
                photos: vec![PhotoEntry {
                    view: "markings".into(),
                    sha256: "ab".repeat(32),
                    reduced: None,
                }],
                ..ItemEntry::default()
            }],
            ..RequestBody::default()
        }
    }

    fn codes(body: &RequestBody) -> Vec<&'static str> {
        check(body).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_complete_request_has_no_findings() {
        assert!(check(&complete_body()).is_empty());
    }

    #[test]
    fn each_gap_is_named() {
        let mut body = complete_body();
        body.legal = None;
        body.prio = "urgent".into();
        body.items[0].sn_at = Some("slide".into());
        body.items[0].photos.clear();
        assert_eq!(
            codes(&body),
            [
                "no-legal-basis",
                "no-justification",
                "serial-not-frame",
                "no-mark-photo"
            ]
        );
        let found = check(&body);
        assert_eq!(found[0].level, Level::Missing);
        assert_eq!(found[2].item, Some(1));
        assert!(
            found[2]
                .message
                .starts_with("serial not read from the frame or receiver")
        );
    }

    #[test]
    fn a_weapon_with_nothing_to_trace_by_is_missing_its_markings() {
        let mut body = complete_body();
        body.items[0].marks.clear();
        body.items[0].sn = None;
        body.items[0].sn_st = Some("obliterated".into());
        let found = check(&body);
        assert!(
            found
                .iter()
                .any(|f| f.code == "no-markings" && f.level == Level::Missing)
        );
        assert!(found.iter().any(|f| f.code == "serial-obliterated"));
    }
}
