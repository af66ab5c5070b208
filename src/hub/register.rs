//! The national register: what the stations' seizure reports say, one row per station and
//! item, and the custody events they report; `hub report sdg|summary` read it. On PostgreSQL
//! analysts read it through views (migration 0002, docs/hub.md).

use std::collections::BTreeMap;

use serde::Serialize;

use super::HubError;
use super::backend::{Cell, Sql, Val};
use super::store::HubStore;
use crate::report::SdgCounts;
use crate::sync::seizure::SeizureReport;
use crate::vocab::{Event, TraceOutcome};

/// `hub report sdg --json`: SDG 16.4.2 for the country, and by station.
#[derive(Debug, Serialize)]
pub struct NationalSdg {
    pub from: String,
    pub to: String,
    pub recovered: u64,
    pub traced: u64,
    /// `null` when no weapon was recovered in the period.
    pub proportion: Option<f64>,
    pub by_station: BTreeMap<String, SdgCounts>,
}

/// `hub report summary --json`.
#[derive(Debug, Serialize)]
pub struct NationalSummary {
    pub from: String,
    pub to: String,
    pub items: u64,
    pub by_station: BTreeMap<String, u64>,
    pub by_type: BTreeMap<String, u64>,
    pub by_country: BTreeMap<String, u64>,
    pub by_place: BTreeMap<String, u64>,
    pub by_month: BTreeMap<String, u64>,
}

fn recoveries() -> String {
    Event::RECOVERIES
        .iter()
        .map(|e| format!("'{}'", e.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn n(cell: &Cell) -> Result<u64, HubError> {
    Ok(u64::try_from(cell.int()?).unwrap_or(0))
}

fn grouped(
    sql: &mut dyn Sql,
    key: &str,
    from: &str,
    to: &str,
) -> Result<BTreeMap<String, u64>, HubError> {
    let rows = sql.rows(
        &format!(
            "SELECT {key}, COUNT(*) FROM national_items i JOIN stations s ON s.key_id = i.station_key_id
             WHERE substr(i.event_date, 1, 10) BETWEEN $1 AND $2 GROUP BY 1"
        ),
        &[Val::Text(from), Val::Text(to)],
    )?;
    rows.iter()
        .map(|r| {
            Ok((
                r[0].opt_text()?.unwrap_or_else(|| "unknown".into()),
                n(&r[1])?,
            ))
        })
        .collect()
}

impl HubStore {
    /// Keeps what a stored seizure report says: its items replace the station's earlier facts
    /// about them; its custody events are added once.
    pub fn record_seizures(
        &self,
        station_key_id: &str,
        packet_id: &str,
        report: &SeizureReport,
    ) -> Result<(), HubError> {
        self.tx(|sql| {
            for i in &report.items {
                sql.exec(
                    "INSERT INTO national_items (station_key_id, item_uuid, kind, event, event_date,
                         location, lat, lon, weapon_type, model, calibre, country, quantity,
                         outcome, packet_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                     ON CONFLICT (station_key_id, item_uuid) DO UPDATE SET
                         kind = excluded.kind, event = excluded.event,
                         event_date = excluded.event_date, location = excluded.location,
                         lat = excluded.lat, lon = excluded.lon,
                         weapon_type = excluded.weapon_type, model = excluded.model,
                         calibre = excluded.calibre, country = excluded.country,
                         quantity = excluded.quantity, outcome = excluded.outcome,
                         packet_id = excluded.packet_id",
                    &[
                        Val::Text(station_key_id),
                        Val::Text(&i.uuid),
                        Val::Text(&i.kind),
                        Val::Text(&i.event),
                        Val::Text(&i.event_date),
                        Val::OptText(i.location.as_deref()),
                        Val::OptReal(i.lat),
                        Val::OptReal(i.lon),
                        Val::OptText(i.weapon_type.as_deref()),
                        Val::OptText(i.model.as_deref()),
                        Val::OptText(i.calibre.as_deref()),
                        Val::OptText(i.country.as_deref()),
                        Val::OptInt(i.quantity),
                        Val::OptText(i.outcome.as_deref()),
                        Val::Text(packet_id),
                    ],
                )?;
            }
            for e in &report.custody {
                sql.exec(
                    "INSERT INTO national_custody (station_key_id, item_uuid, event_id, action, at,
                         hash, packet_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (station_key_id, event_id) DO NOTHING",
                    &[
                        Val::Text(station_key_id),
                        Val::Text(&e.item),
                        Val::Int(e.id),
                        Val::Text(&e.action),
                        Val::Text(&e.at),
                        Val::Text(&e.hash),
                        Val::Text(packet_id),
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// SDG 16.4.2 over every station: of the weapons seized, found, surrendered, captured or
    /// recovered between `from` and `to` (days, included), the share traced.
    pub fn national_sdg(&self, from: &str, to: &str) -> Result<NationalSdg, HubError> {
        self.tx(|sql| {
            let rows = sql.rows(
                &format!(
                    "SELECT s.name, COUNT(*),
                            COUNT(CASE WHEN i.outcome = '{traced}' THEN 1 END)
                     FROM national_items i JOIN stations s ON s.key_id = i.station_key_id
                     WHERE i.kind = 'weapon' AND i.event IN ({events})
                       AND substr(i.event_date, 1, 10) BETWEEN $1 AND $2
                     GROUP BY s.name",
                    traced = TraceOutcome::Traced.as_str(),
                    events = recoveries(),
                ),
                &[Val::Text(from), Val::Text(to)],
            )?;
            let mut by_station = BTreeMap::new();
            for r in &rows {
                by_station.insert(
                    r[0].text()?,
                    SdgCounts {
                        recovered: n(&r[1])?,
                        traced: n(&r[2])?,
                    },
                );
            }
            let recovered = by_station.values().map(|c| c.recovered).sum::<u64>();
            let traced = by_station.values().map(|c| c.traced).sum::<u64>();
            Ok(NationalSdg {
                from: from.to_owned(),
                to: to.to_owned(),
                recovered,
                traced,
                #[allow(clippy::cast_precision_loss)]
                proportion: (recovered > 0).then(|| traced as f64 / recovered as f64),
                by_station,
            })
        })
    }

    /// Items by station, type, country of manufacture, place and month.
    pub fn national_summary(&self, from: &str, to: &str) -> Result<NationalSummary, HubError> {
        self.tx(|sql| {
            let by_station = grouped(sql, "s.name", from, to)?;
            Ok(NationalSummary {
                from: from.to_owned(),
                to: to.to_owned(),
                items: by_station.values().sum(),
                by_type: grouped(sql, "COALESCE(i.weapon_type, i.kind)", from, to)?,
                by_country: grouped(sql, "i.country", from, to)?,
                by_place: grouped(sql, "i.location", from, to)?,
                by_month: grouped(sql, "substr(i.event_date, 1, 7)", from, to)?,
                by_station,
            })
        })
    }

    /// Custody events reported, in all.
    pub fn custody_events(&self) -> Result<u64, HubError> {
        self.tx(|sql| {
            sql.rows("SELECT COUNT(*) FROM national_custody", &[])?
                .first()
                .map_or(Ok(0), |r| n(&r[0]))
        })
    }
}
