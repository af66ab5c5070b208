//! What the register says in numbers: SDG indicator 16.4.2 and summaries. Each report is a
//! typed value; the commands print it as text or JSON (HTML, GeoJSON and printable outputs
//! are to come, from the same values).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::error::usage;
use crate::register::RegisterError;
use crate::vocab::{Event, ItemKind as Kind, TraceOutcome};

/// SDG 16.4.2 counts: items recovered in the period, and those whose origin was traced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SdgCounts {
    pub recovered: u64,
    pub traced: u64,
}

/// `report sdg --json`, a shape other tools rely on (DESIGN.md). The indicator counts weapons
/// only; ammunition lots and loose components recovered in the period are reported beside it,
/// never in its denominator.
#[derive(Debug, Serialize)]
pub struct Sdg {
    pub from: String,
    pub to: String,
    /// Weapons recovered in the period.
    pub recovered: u64,
    /// Of those, the weapons whose illicit origin was traced.
    pub traced: u64,
    /// `null` when no weapon was recovered in the period.
    pub proportion: Option<f64>,
    /// The weapons, by event.
    pub by_event: BTreeMap<String, SdgCounts>,
    /// Ammunition lots recovered in the period (not in the indicator).
    pub ammunition: SdgCounts,
    /// Loose components recovered in the period (not in the indicator).
    pub components: SdgCounts,
}

/// SDG indicator 16.4.2 between two days, both included: of the weapons seized, found,
/// surrendered, captured or recovered, the share whose illicit origin was traced. Without
/// dates, the current year of `today`.
pub fn sdg(
    conn: &Connection,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> anyhow::Result<Sdg> {
    use chrono::Datelike;
    let year = today.year();
    let from = from.unwrap_or_else(|| today.with_ordinal(1).unwrap_or(today));
    let to = to.unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today));
    if from > to {
        return Err(usage(format!("--from {from} is after --to {to}")).into());
    }
    let (from, to) = (from.to_string(), to.to_string());
    let by_event: BTreeMap<String, SdgCounts> = sdg_counts(conn, Kind::Weapon, &from, &to)?
        .into_iter()
        .collect();
    let total = |kind| -> Result<SdgCounts, RegisterError> {
        let rows = sdg_counts(conn, kind, &from, &to)?;
        Ok(SdgCounts {
            recovered: rows.iter().map(|(_, c)| c.recovered).sum(),
            traced: rows.iter().map(|(_, c)| c.traced).sum(),
        })
    };
    let recovered = by_event.values().map(|c| c.recovered).sum();
    let traced = by_event.values().map(|c| c.traced).sum();
    Ok(Sdg {
        ammunition: total(Kind::Ammunition)?,
        components: total(Kind::Component)?,
        from,
        to,
        recovered,
        traced,
        proportion: (recovered > 0).then(|| traced as f64 / recovered as f64),
        by_event,
    })
}

/// Per event, items of one kind recovered between `from` and `to` (inclusive dates) and how
/// many traced.
pub fn sdg_counts(
    conn: &Connection,
    kind: Kind,
    from: &str,
    to: &str,
) -> Result<Vec<(String, SdgCounts)>, RegisterError> {
    let events: Vec<String> = Event::RECOVERIES
        .iter()
        .map(|e| format!("'{}'", e.as_str()))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT i.event, COUNT(*),
                SUM(EXISTS (SELECT 1 FROM item_trace_outcomes o
                            WHERE o.item_id = i.id AND o.outcome = '{traced}'))
         FROM items i
         WHERE i.event IN ({events}) AND i.kind = ?3
           AND substr(i.event_date, 1, 10) BETWEEN ?1 AND ?2
         GROUP BY i.event ORDER BY i.event",
        traced = TraceOutcome::Traced.as_str(),
        events = events.join(", ")
    ))?;
    let rows = stmt
        .query_map(params![from, to, kind.as_str()], |r| {
            let recovered: i64 = r.get(1)?;
            let traced: i64 = r.get(2)?;
            Ok((
                r.get::<_, String>(0)?,
                SdgCounts {
                    recovered: u64::try_from(recovered).unwrap_or(0),
                    traced: u64::try_from(traced).unwrap_or(0),
                },
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What a summary groups items by: a fixed column or month, never user text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Type,
    Country,
    Place,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [
        GroupBy::Type,
        GroupBy::Country,
        GroupBy::Place,
        GroupBy::Month,
    ];

    pub fn title(self) -> &'static str {
        match self {
            GroupBy::Type => "type",
            GroupBy::Country => "country of manufacture",
            GroupBy::Place => "place",
            GroupBy::Month => "month",
        }
    }

    fn expression(self) -> &'static str {
        match self {
            GroupBy::Type => "weapon_type",
            GroupBy::Country => "country",
            GroupBy::Place => "location",
            GroupBy::Month => "substr(event_date, 1, 7)",
        }
    }
}

/// Item counts in one grouping, largest first.
pub fn counts_by(conn: &Connection, group: GroupBy) -> Result<Vec<(String, u64)>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT COALESCE({}, '(unknown)') AS k, COUNT(*) FROM items
         GROUP BY k ORDER BY COUNT(*) DESC, k",
        group.expression()
    ))?;
    let rows = stmt
        .query_map([], |r| {
            let n: i64 = r.get(1)?;
            Ok((r.get::<_, String>(0)?, u64::try_from(n).unwrap_or(0)))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// `report summary`: the items by type, country of manufacture, place and month.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub items: u64,
    pub by_type: BTreeMap<String, u64>,
    pub by_country: BTreeMap<String, u64>,
    pub by_place: BTreeMap<String, u64>,
    pub by_month: BTreeMap<String, u64>,
    /// Each grouping, largest first, as the human report lists them.
    #[serde(skip)]
    pub tables: Vec<(GroupBy, Vec<(String, u64)>)>,
}

pub fn summary(conn: &Connection) -> Result<Summary, RegisterError> {
    let tables = GroupBy::ALL
        .iter()
        .map(|g| Ok((*g, counts_by(conn, *g)?)))
        .collect::<Result<Vec<_>, RegisterError>>()?;
    let map = |i: usize| tables[i].1.iter().cloned().collect::<BTreeMap<_, _>>();
    Ok(Summary {
        items: tables[0].1.iter().map(|(_, n)| n).sum(),
        by_type: map(0),
        by_country: map(1),
        by_place: map(2),
        by_month: map(3),
        tables,
    })
}

/// A share as a person reads it: `-` of nothing.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;

    #[test]
    fn the_sdg_share_counts_recoveries_in_the_period_and_those_traced() {
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        register
            .write(|tx| {
                tx.execute_batch(
                    "INSERT INTO items (id, uuid, event, event_date, kind, serial_status, created_at, created_by, updated_at)
                     VALUES (1, 'a', 'seized', '2026-03-14', 'weapon', 'present', 'x', 'x', 'x'),
                            (2, 'b', 'found', '2026-04-01', 'weapon', 'present', 'x', 'x', 'x'),
                            (3, 'c', 'lost', '2026-04-01', 'weapon', 'present', 'x', 'x', 'x'),
                            (4, 'd', 'seized', '2025-12-31', 'weapon', 'present', 'x', 'x', 'x');",
                )?;
                Ok(())
            })
            .unwrap();
        let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
        let today = day("2026-11-25");
        let report = sdg(register.conn(), None, None, today).unwrap();
        assert_eq!(
            (report.from.as_str(), report.to.as_str()),
            ("2026-01-01", "2026-12-31")
        );
        assert_eq!((report.recovered, report.traced), (2, 0));
        assert_eq!(report.proportion, Some(0.0));
        assert!(!report.by_event.contains_key("lost"));
        let (from, to) = (Some(day("2026-12-31")), Some(day("2026-01-01")));
        assert!(sdg(register.conn(), from, to, today).is_err());
        assert_eq!(share(1, 3), "33.3%");
        assert_eq!(share(0, 0), "-");
    }
}
