//! The hub's store: enrolled stations, request nonces, packets received and refused, the
//! mailbox of what the NPC signed for each station, and the blobs (every byte, once, by
//! SHA-256). Written once over `Backend`, so SQLite and PostgreSQL do exactly the same.

use serde::Serialize;

use super::HubError;
use super::backend::{Backend, Cell, Postgres, Sql, Sqlite, Val};
use crate::fs::sha256_hex;

/// Where the store is: `postgres://...` (or `postgresql://`), else a SQLite file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl DbUrl {
    /// `postgres://...`, `sqlite:PATH`, or a plain path.
    pub fn parse(url: &str) -> DbUrl {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            DbUrl::Postgres(url.to_owned())
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"));
            DbUrl::Sqlite(path.unwrap_or(url).into())
        }
    }

    /// The address without a password, for messages.
    pub fn shown(&self) -> String {
        match self {
            DbUrl::Sqlite(path) => path.display().to_string(),
            DbUrl::Postgres(url) => super::backend::redact(url),
        }
    }
}

/// A station as enrolled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StationRow {
    pub key_id: String,
    pub name: String,
    pub public_key: String,
    pub enrolled_at: String,
    pub revoked_at: Option<String>,
}

/// A packet stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PacketRow {
    pub packet_id: String,
    pub station_key_id: String,
    pub kind: String,
    pub sha256: String,
    pub result: String,
    pub received_at: String,
}

/// An upload refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarantineRow {
    pub station_key_id: String,
    pub packet_id: Option<String>,
    pub sha256: String,
    pub reason: String,
    pub detail: String,
    pub at: String,
}

/// A packet waiting in a station's mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailRow {
    pub packet_id: String,
    pub station_key_id: String,
    pub kind: String,
    pub sha256: String,
    pub created_at: String,
    pub delivered_at: Option<String>,
}

/// What `put_packet` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Put {
    Stored,
    /// The same bytes under the same id were stored before.
    Duplicate,
    /// The id was stored before with other bytes: nothing changed.
    Conflict,
}

/// Row counts, for `hub status` and the integrity check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub stations: i64,
    pub packets: i64,
    pub quarantined: i64,
    pub mailbox: i64,
    pub mailbox_waiting: i64,
    pub blobs: i64,
}

/// The store over one engine.
pub struct HubStore {
    backend: Box<dyn Backend>,
}

impl std::fmt::Debug for HubStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HubStore")
            .field("engine", &self.backend.engine())
            .finish()
    }
}

const STATION_COLUMNS: &str = "key_id, name, public_key, enrolled_at, revoked_at";
const MAIL_COLUMNS: &str = "packet_id, station_key_id, kind, sha256, created_at, delivered_at";

fn station_of(row: &[Cell]) -> Result<StationRow, HubError> {
    Ok(StationRow {
        key_id: row[0].text()?,
        name: row[1].text()?,
        public_key: row[2].text()?,
        enrolled_at: row[3].text()?,
        revoked_at: row[4].opt_text()?,
    })
}

fn mail_of(row: &[Cell]) -> Result<MailRow, HubError> {
    Ok(MailRow {
        packet_id: row[0].text()?,
        station_key_id: row[1].text()?,
        kind: row[2].text()?,
        sha256: row[3].text()?,
        created_at: row[4].text()?,
        delivered_at: row[5].opt_text()?,
    })
}

/// Keeps `bytes` once under their SHA-256; returns it.
fn put_blob(sql: &mut dyn Sql, bytes: &[u8]) -> Result<String, HubError> {
    let sha256 = sha256_hex(bytes);
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    sql.exec(
        "INSERT INTO blobs (sha256, size, bytes) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING",
        &[Val::Text(&sha256), Val::Int(size), Val::Bytes(bytes)],
    )?;
    Ok(sha256)
}

fn count(sql: &mut dyn Sql, query: &str) -> Result<i64, HubError> {
    sql.rows(query, &[])?
        .first()
        .and_then(|r| r.first())
        .map_or(Ok(0), Cell::int)
}

impl HubStore {
    /// Opens (creating a SQLite file if need be) and migrates.
    pub fn open(url: &DbUrl, now: &str) -> Result<HubStore, HubError> {
        let backend: Box<dyn Backend> = match url {
            DbUrl::Sqlite(path) => Box::new(Sqlite::open(path)?),
            DbUrl::Postgres(url) => Box::new(Postgres::connect(url, 8)?),
        };
        let store = HubStore { backend };
        store.migrate(now)?;
        Ok(store)
    }

    pub fn engine(&self) -> &'static str {
        self.backend.engine()
    }

    pub(super) fn tx<T>(
        &self,
        mut f: impl FnMut(&mut dyn Sql) -> Result<T, HubError>,
    ) -> Result<T, HubError> {
        let mut out = None;
        self.backend.transaction(&mut |sql| {
            out = Some(f(sql)?);
            Ok(())
        })?;
        out.ok_or(HubError::Poisoned)
    }

    /// Applies the migrations not applied yet; returns the schema version.
    pub fn migrate(&self, now: &str) -> Result<i64, HubError> {
        let migrations = self.backend.migrations();
        let postgres = self.engine() == "postgres";
        self.tx(|sql| {
            sql.batch(
                "CREATE TABLE IF NOT EXISTS hub_migrations (
                     version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            )?;
            if postgres {
                // Two hubs starting at once on one database migrate one after the other.
                sql.batch("LOCK TABLE hub_migrations IN EXCLUSIVE MODE")?;
            }
            let done = count(sql, "SELECT COALESCE(MAX(version), 0) FROM hub_migrations")?;
            let known = i64::try_from(migrations.len()).unwrap_or(i64::MAX);
            if done > known {
                return Err(HubError::Schema(crate::t!(
                    "hub-db-newer",
                    done = done,
                    known = known
                )));
            }
            for (i, migration) in migrations.iter().enumerate().skip(done as usize) {
                sql.batch(migration)?;
                sql.exec(
                    "INSERT INTO hub_migrations (version, applied_at) VALUES ($1, $2)",
                    &[Val::Int(i as i64 + 1), Val::Text(now)],
                )?;
            }
            Ok(known)
        })
    }

    /// Enrolls a station; the same key again under the same name is a no-op, and a revoked key
    /// is not enrolled again.
    pub fn enroll(&self, station: &StationRow) -> Result<StationRow, HubError> {
        self.tx(|sql| {
            let by_key = sql.rows(
                &format!("SELECT {STATION_COLUMNS} FROM stations WHERE key_id = $1"),
                &[Val::Text(&station.key_id)],
            )?;
            if let Some(row) = by_key.first() {
                let earlier = station_of(row)?;
                if earlier.revoked_at.is_some() {
                    return Err(HubError::Refused(crate::t!(
                        "hub-enroll-revoked",
                        key = earlier.key_id.as_str(),
                        name = earlier.name.as_str(),
                        at = earlier.revoked_at.unwrap_or_default()
                    )));
                }
                if earlier.name != station.name {
                    return Err(HubError::Refused(crate::t!(
                        "hub-enroll-key-taken",
                        key = earlier.key_id.as_str(),
                        name = earlier.name.as_str()
                    )));
                }
                return Ok(earlier);
            }
            let by_name = sql.rows(
                "SELECT key_id FROM stations WHERE name = $1",
                &[Val::Text(&station.name)],
            )?;
            if let Some(row) = by_name.first() {
                return Err(HubError::Refused(crate::t!(
                    "hub-enroll-name-taken",
                    name = station.name.as_str(),
                    key = row[0].text()?
                )));
            }
            sql.exec(
                "INSERT INTO stations (key_id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4)",
                &[
                    Val::Text(&station.key_id),
                    Val::Text(&station.name),
                    Val::Text(&station.public_key),
                    Val::Text(&station.enrolled_at),
                ],
            )?;
            Ok(station.clone())
        })
    }

    /// Revokes a station by name or key id.
    pub fn revoke(&self, who: &str, at: &str) -> Result<StationRow, HubError> {
        self.tx(|sql| {
            let rows = sql.rows(
                &format!("SELECT {STATION_COLUMNS} FROM stations WHERE name = $1 OR key_id = $1"),
                &[Val::Text(who)],
            )?;
            let Some(row) = rows.first() else {
                return Err(HubError::Refused(crate::t!(
                    "hub-no-such-station",
                    who = who
                )));
            };
            let mut station = station_of(row)?;
            if station.revoked_at.is_none() {
                sql.exec(
                    "UPDATE stations SET revoked_at = $2 WHERE key_id = $1",
                    &[Val::Text(&station.key_id), Val::Text(at)],
                )?;
                station.revoked_at = Some(at.to_owned());
            }
            Ok(station)
        })
    }

    pub fn station(&self, key_id: &str) -> Result<Option<StationRow>, HubError> {
        self.tx(|sql| {
            sql.rows(
                &format!("SELECT {STATION_COLUMNS} FROM stations WHERE key_id = $1"),
                &[Val::Text(key_id)],
            )?
            .first()
            .map(|r| station_of(r))
            .transpose()
        })
    }

    pub fn stations(&self) -> Result<Vec<StationRow>, HubError> {
        self.tx(|sql| {
            sql.rows(
                &format!("SELECT {STATION_COLUMNS} FROM stations ORDER BY name"),
                &[],
            )?
            .iter()
            .map(|r| station_of(r))
            .collect()
        })
    }

    /// Records a request nonce; `false` if it was used before (a replay). Nonces older than
    /// `forget_before` are dropped: the time window refuses their requests anyway.
    pub fn use_nonce(
        &self,
        key_id: &str,
        nonce: &str,
        at: &str,
        forget_before: &str,
    ) -> Result<bool, HubError> {
        self.tx(|sql| {
            sql.exec(
                "DELETE FROM nonces WHERE at < $1",
                &[Val::Text(forget_before)],
            )?;
            let n = sql.exec(
                "INSERT INTO nonces (key_id, nonce, at) VALUES ($1, $2, $3)
                 ON CONFLICT (key_id, nonce) DO NOTHING",
                &[Val::Text(key_id), Val::Text(nonce), Val::Text(at)],
            )?;
            Ok(n == 1)
        })
    }

    pub fn blob(&self, sha256: &str) -> Result<Option<Vec<u8>>, HubError> {
        self.tx(|sql| {
            sql.rows(
                "SELECT bytes FROM blobs WHERE sha256 = $1",
                &[Val::Text(sha256)],
            )?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .map(Cell::bytes)
            .transpose()
        })
    }

    pub fn packet(&self, packet_id: &str) -> Result<Option<PacketRow>, HubError> {
        self.tx(|sql| {
            let rows = sql.rows(
                "SELECT packet_id, station_key_id, kind, sha256, result, received_at
                 FROM packets WHERE packet_id = $1",
                &[Val::Text(packet_id)],
            )?;
            rows.first()
                .map(|r| {
                    Ok(PacketRow {
                        packet_id: r[0].text()?,
                        station_key_id: r[1].text()?,
                        kind: r[2].text()?,
                        sha256: r[3].text()?,
                        result: r[4].text()?,
                        received_at: r[5].text()?,
                    })
                })
                .transpose()
        })
    }

    /// Stores a packet once: the same bytes again are a duplicate, other bytes a conflict.
    pub fn put_packet(&self, row: &PacketRow, bytes: &[u8]) -> Result<Put, HubError> {
        self.tx(|sql| {
            let earlier = sql.rows(
                "SELECT sha256 FROM packets WHERE packet_id = $1",
                &[Val::Text(&row.packet_id)],
            )?;
            if let Some(r) = earlier.first() {
                return Ok(if r[0].text()? == row.sha256 {
                    Put::Duplicate
                } else {
                    Put::Conflict
                });
            }
            let sha256 = put_blob(sql, bytes)?;
            sql.exec(
                "INSERT INTO packets (packet_id, station_key_id, kind, sha256, result, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    Val::Text(&row.packet_id),
                    Val::Text(&row.station_key_id),
                    Val::Text(&row.kind),
                    Val::Text(&sha256),
                    Val::Text(&row.result),
                    Val::Text(&row.received_at),
                ],
            )?;
            Ok(Put::Stored)
        })
    }

    /// Keeps a refused upload and its reason, once per station and bytes.
    pub fn quarantine(&self, row: &QuarantineRow, bytes: &[u8]) -> Result<(), HubError> {
        self.tx(|sql| {
            let sha256 = put_blob(sql, bytes)?;
            sql.exec(
                "INSERT INTO quarantine (station_key_id, packet_id, sha256, reason, detail, at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (station_key_id, sha256) DO NOTHING",
                &[
                    Val::Text(&row.station_key_id),
                    Val::OptText(row.packet_id.as_deref()),
                    Val::Text(&sha256),
                    Val::Text(&row.reason),
                    Val::Text(&row.detail),
                    Val::Text(&row.at),
                ],
            )?;
            Ok(())
        })
    }

    pub fn quarantined(&self) -> Result<Vec<QuarantineRow>, HubError> {
        self.tx(|sql| {
            sql.rows(
                "SELECT station_key_id, packet_id, sha256, reason, detail, at
                 FROM quarantine ORDER BY id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(QuarantineRow {
                    station_key_id: r[0].text()?,
                    packet_id: r[1].opt_text()?,
                    sha256: r[2].text()?,
                    reason: r[3].text()?,
                    detail: r[4].text()?,
                    at: r[5].text()?,
                })
            })
            .collect()
        })
    }

    /// Puts a packet the NPC signed into a station's mailbox, once; one mailed again (the NPC
    /// re-queued it: the station sent its packet again) waits again. Returns whether it changed.
    pub fn mail(
        &self,
        packet_id: &str,
        station_key_id: &str,
        kind: &str,
        bytes: &[u8],
        at: &str,
    ) -> Result<bool, HubError> {
        self.tx(|sql| {
            let sha256 = put_blob(sql, bytes)?;
            let n = sql.exec(
                "INSERT INTO mailbox (packet_id, station_key_id, kind, sha256, created_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (packet_id) DO UPDATE SET delivered_at = NULL",
                &[
                    Val::Text(packet_id),
                    Val::Text(station_key_id),
                    Val::Text(kind),
                    Val::Text(&sha256),
                    Val::Text(at),
                ],
            )?;
            Ok(n == 1)
        })
    }

    /// What waits for a station, oldest first.
    pub fn mailbox(&self, station_key_id: &str) -> Result<Vec<MailRow>, HubError> {
        self.tx(|sql| {
            sql.rows(
                &format!(
                    "SELECT {MAIL_COLUMNS} FROM mailbox
                     WHERE station_key_id = $1 AND delivered_at IS NULL
                     ORDER BY created_at, packet_id"
                ),
                &[Val::Text(station_key_id)],
            )?
            .iter()
            .map(|r| mail_of(r))
            .collect()
        })
    }

    /// One packet of a station's mailbox (delivered or not), with its bytes.
    pub fn mail_item(
        &self,
        station_key_id: &str,
        packet_id: &str,
    ) -> Result<Option<(MailRow, Vec<u8>)>, HubError> {
        self.tx(|sql| {
            let rows = sql.rows(
                &format!(
                    "SELECT {MAIL_COLUMNS} FROM mailbox WHERE station_key_id = $1 AND packet_id = $2"
                ),
                &[Val::Text(station_key_id), Val::Text(packet_id)],
            )?;
            let Some(row) = rows.first() else {
                return Ok(None);
            };
            let mail = mail_of(row)?;
            let bytes = sql
                .rows(
                    "SELECT bytes FROM blobs WHERE sha256 = $1",
                    &[Val::Text(&mail.sha256)],
                )?
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next())
                .ok_or_else(|| {
                    HubError::Schema(crate::t!("hub-blob-missing", blob = mail.sha256.as_str()))
                })?
                .bytes()?;
            Ok(Some((mail, bytes)))
        })
    }

    /// The station has it: it leaves the mailbox. `false` if there was no such packet for it.
    pub fn delivered(
        &self,
        station_key_id: &str,
        packet_id: &str,
        at: &str,
    ) -> Result<bool, HubError> {
        self.tx(|sql| {
            let known = sql.rows(
                "SELECT 1 FROM mailbox WHERE station_key_id = $1 AND packet_id = $2",
                &[Val::Text(station_key_id), Val::Text(packet_id)],
            )?;
            sql.exec(
                "UPDATE mailbox SET delivered_at = $3
                 WHERE station_key_id = $1 AND packet_id = $2 AND delivered_at IS NULL",
                &[
                    Val::Text(station_key_id),
                    Val::Text(packet_id),
                    Val::Text(at),
                ],
            )?;
            Ok(!known.is_empty())
        })
    }

    pub fn counts(&self) -> Result<Counts, HubError> {
        self.tx(|sql| {
            Ok(Counts {
                stations: count(sql, "SELECT COUNT(*) FROM stations")?,
                packets: count(sql, "SELECT COUNT(*) FROM packets")?,
                quarantined: count(sql, "SELECT COUNT(*) FROM quarantine")?,
                mailbox: count(sql, "SELECT COUNT(*) FROM mailbox")?,
                mailbox_waiting: count(
                    sql,
                    "SELECT COUNT(*) FROM mailbox WHERE delivered_at IS NULL",
                )?,
                blobs: count(sql, "SELECT COUNT(*) FROM blobs")?,
            })
        })
    }

    /// Every blob hashes to its name, and every packet, refusal and mail names a blob that is
    /// there. Returns the problems found.
    /// (In English in `--json`, in the officer's language on the terminal.)
    pub fn check_integrity(&self) -> Result<Vec<crate::i18n::Said>, HubError> {
        self.tx(|sql| {
            let mut problems = Vec::new();
            for row in sql.rows("SELECT sha256, bytes FROM blobs", &[])? {
                let mut row = row.into_iter();
                let (Some(name), Some(bytes)) = (row.next(), row.next()) else {
                    continue;
                };
                let name = name.text()?;
                if sha256_hex(&bytes.bytes()?) != name {
                    problems.push(crate::said!("hub-blob-bad-hash", blob = name.as_str()));
                }
            }
            for table in ["packets", "quarantine", "mailbox"] {
                let orphans = count(
                    sql,
                    &format!(
                        "SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS
                         (SELECT 1 FROM blobs b WHERE b.sha256 = t.sha256)"
                    ),
                )?;
                if orphans > 0 {
                    problems.push(crate::said!(
                        "hub-blob-orphans",
                        count = orphans,
                        table = table
                    ));
                }
            }
            Ok(problems)
        })
    }
}
