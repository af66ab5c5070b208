//! What the register says in numbers: SDG indicator 16.4.2 and summaries. Each report is a
//! typed value; the commands print it as text or JSON, and `html` draws the same values into
//! one self-contained page (`report html`), so the page and the JSON never disagree.

pub mod chart;
pub mod geo;
pub mod geojson;
pub mod html;
pub mod print;

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
    let Period { from, to } = Period::new(from, to, today)?;
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
    Event,
    Place,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 5] = [
        GroupBy::Type,
        GroupBy::Country,
        GroupBy::Event,
        GroupBy::Place,
        GroupBy::Month,
    ];

    pub fn title(self) -> &'static str {
        match self {
            GroupBy::Type => "type",
            GroupBy::Country => "country of manufacture",
            GroupBy::Event => "event",
            GroupBy::Place => "place",
            GroupBy::Month => "month",
        }
    }

    fn expression(self) -> &'static str {
        match self {
            GroupBy::Type => "weapon_type",
            GroupBy::Country => "country",
            GroupBy::Event => "event",
            GroupBy::Place => "location",
            GroupBy::Month => "substr(event_date, 1, 7)",
        }
    }
}

/// Days between which items count, both included (on the event date); `None`, every item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

impl Period {
    /// Between two days, both included; without dates, the current year of `today`.
    pub fn new(
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
        today: chrono::NaiveDate,
    ) -> anyhow::Result<Period> {
        use chrono::Datelike;
        let from = from.unwrap_or_else(|| today.with_ordinal(1).unwrap_or(today));
        let to = to.unwrap_or_else(|| {
            chrono::NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today)
        });
        if from > to {
            return Err(usage(format!("--from {from} is after --to {to}")).into());
        }
        Ok(Period {
            from: from.to_string(),
            to: to.to_string(),
        })
    }

    /// A period only when a day was given: `report summary` without dates covers everything.
    pub fn given(
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
        today: chrono::NaiveDate,
    ) -> anyhow::Result<Option<Period>> {
        if from.is_none() && to.is_none() {
            return Ok(None);
        }
        let from = from.or_else(|| chrono::NaiveDate::from_ymd_opt(1, 1, 1));
        let to = to.or_else(|| chrono::NaiveDate::from_ymd_opt(9999, 12, 31));
        Period::new(from, to, today).map(Some)
    }
}

/// The SQL condition on `event_date` for a period (always true without one); its two
/// parameters are `?1` and `?2`.
pub(crate) const IN_PERIOD: &str = "(?1 IS NULL OR substr(event_date, 1, 10) BETWEEN ?1 AND ?2)";

pub(crate) fn period_params(period: Option<&Period>) -> [Option<&str>; 2] {
    [
        period.map(|p| p.from.as_str()),
        period.map(|p| p.to.as_str()),
    ]
}

/// Item counts in one grouping, largest first.
pub fn counts_by(
    conn: &Connection,
    group: GroupBy,
    period: Option<&Period>,
) -> Result<Vec<(String, u64)>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT COALESCE({}, '(unknown)') AS k, COUNT(*) FROM items WHERE {IN_PERIOD}
         GROUP BY k ORDER BY COUNT(*) DESC, k",
        group.expression()
    ))?;
    let rows = stmt
        .query_map(period_params(period), |r| {
            let n: i64 = r.get(1)?;
            Ok((r.get::<_, String>(0)?, u64::try_from(n).unwrap_or(0)))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// `report summary`: the items by type, country of manufacture, event, place and month, and
/// where this station's trace requests stand.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// The days counted; absent when every item is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub items: u64,
    pub by_type: BTreeMap<String, u64>,
    pub by_country: BTreeMap<String, u64>,
    pub by_event: BTreeMap<String, u64>,
    pub by_place: BTreeMap<String, u64>,
    pub by_month: BTreeMap<String, u64>,
    /// Every request this station made, as it stands today (not limited to the period).
    pub requests: Funnel,
    /// Each grouping, largest first, as the human report lists them.
    #[serde(skip)]
    pub tables: Vec<(GroupBy, Vec<(String, u64)>)>,
}

/// The trace-request funnel: every request starts as a draft; each later stage counts the
/// requests that reached it.
#[derive(Debug, Default, Serialize)]
pub struct Funnel {
    pub drafted: u64,
    pub sent: u64,
    pub acknowledged: u64,
    pub answered: u64,
    /// The answered ones, by the answer's outcome.
    pub by_outcome: BTreeMap<String, u64>,
    /// Sent requests waiting past a deadline, oldest first.
    pub overdue: Vec<OverdueRequest>,
}

#[derive(Debug, Serialize)]
pub struct OverdueRequest {
    pub id: i64,
    pub packet_id: String,
    pub recipient: String,
    /// not-acknowledged or not-answered
    pub overdue: &'static str,
    pub days_waiting: i64,
}

/// Where this station's requests stand.
pub fn funnel(ctx: &crate::context::Ctx) -> anyhow::Result<Funnel> {
    let mut funnel = Funnel::default();
    for listed in crate::trace::status::list(ctx, false)? {
        let p = &listed.progress;
        funnel.drafted += 1;
        let answered = p.outcome.is_some();
        let acknowledged = answered || p.ack_status.is_some();
        let sent = acknowledged || p.sent_at.is_some() || p.outbox.as_deref() == Some("sent");
        funnel.sent += u64::from(sent);
        funnel.acknowledged += u64::from(acknowledged);
        funnel.answered += u64::from(answered);
        if let Some(outcome) = &p.outcome {
            *funnel.by_outcome.entry(outcome.clone()).or_default() += 1;
        }
        if let (Some(why), Some(days)) = (listed.overdue, listed.days_waiting) {
            funnel.overdue.push(OverdueRequest {
                id: listed.request.id,
                packet_id: listed.request.packet_id.clone(),
                recipient: listed.request.recipient.clone(),
                overdue: why.as_str(),
                days_waiting: days,
            });
        }
    }
    Ok(funnel)
}

pub fn summary(ctx: &crate::context::Ctx, period: Option<Period>) -> anyhow::Result<Summary> {
    let tables = {
        let register = ctx.register_read()?;
        GroupBy::ALL
            .iter()
            .map(|g| Ok((*g, counts_by(register.conn(), *g, period.as_ref())?)))
            .collect::<Result<Vec<_>, RegisterError>>()?
    };
    let map = |i: usize| tables[i].1.iter().cloned().collect::<BTreeMap<_, _>>();
    Ok(Summary {
        period,
        items: tables[0].1.iter().map(|(_, n)| n).sum(),
        by_type: map(0),
        by_country: map(1),
        by_event: map(2),
        by_place: map(3),
        by_month: map(4),
        requests: funnel(ctx)?,
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
