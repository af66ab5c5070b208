//! The two engines under the hub's store: SQLite (a file under the NPC's home, one laptop) and
//! PostgreSQL (a national service, many analysts). Each runs SQL the store writes once, with
//! `$1`-style parameters, inside one transaction per operation; each has its own numbered
//! migrations (`migrations/hub-sqlite/`, `migrations/hub-postgres/`).

use std::sync::Mutex;

use super::HubError;

/// A value bound to a parameter.
#[derive(Debug, Clone, Copy)]
pub enum Val<'a> {
    Text(&'a str),
    OptText(Option<&'a str>),
    Int(i64),
    OptInt(Option<i64>),
    OptReal(Option<f64>),
    Bytes(&'a [u8]),
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Cell {
    pub fn text(&self) -> Result<String, HubError> {
        match self {
            Cell::Text(s) => Ok(s.clone()),
            other => Err(HubError::Schema(format!("expected text, found {other:?}"))),
        }
    }

    pub fn opt_text(&self) -> Result<Option<String>, HubError> {
        match self {
            Cell::Null => Ok(None),
            other => other.text().map(Some),
        }
    }

    pub fn int(&self) -> Result<i64, HubError> {
        match self {
            Cell::Int(i) => Ok(*i),
            other => Err(HubError::Schema(format!(
                "expected a number, found {other:?}"
            ))),
        }
    }

    pub fn bytes(self) -> Result<Vec<u8>, HubError> {
        match self {
            Cell::Bytes(b) => Ok(b),
            other => Err(HubError::Schema(format!("expected bytes, found {other:?}"))),
        }
    }
}

/// One connection inside one transaction.
pub trait Sql {
    /// Runs a statement; returns the rows it changed.
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, HubError>;
    /// Runs a query; returns every row.
    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Vec<Cell>>, HubError>;
    /// Runs several statements without parameters (a migration).
    fn batch(&mut self, sql: &str) -> Result<(), HubError>;
}

/// An engine: SQLite or PostgreSQL.
pub trait Backend: Send + Sync {
    /// `sqlite` or `postgres`.
    fn engine(&self) -> &'static str;
    /// The numbered migrations of this engine, in order (version = position + 1).
    fn migrations(&self) -> &'static [&'static str];
    /// Runs `f` in one transaction, committed if it returns `Ok`.
    fn transaction(
        &self,
        f: &mut dyn FnMut(&mut dyn Sql) -> Result<(), HubError>,
    ) -> Result<(), HubError>;
}

const SQLITE_MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/hub-sqlite/0001_hub.sql"),
    include_str!("../../migrations/hub-sqlite/0002_national_register.sql"),
];
const POSTGRES_MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/hub-postgres/0001_hub.sql"),
    include_str!("../../migrations/hub-postgres/0002_national_register.sql"),
];

/// SQLite: one connection, writers one at a time (`BEGIN IMMEDIATE`), WAL journal.
#[derive(Debug)]
pub struct Sqlite {
    conn: Mutex<rusqlite::Connection>,
}

impl Sqlite {
    pub fn open(path: &std::path::Path) -> Result<Sqlite, HubError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let conn = rusqlite::Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Sqlite {
            conn: Mutex::new(conn),
        })
    }
}

struct Lite<'a>(&'a rusqlite::Connection);

fn lite_params<'a>(params: &'a [Val<'a>]) -> Vec<&'a dyn rusqlite::ToSql> {
    params
        .iter()
        .map(|p| -> &dyn rusqlite::ToSql {
            match p {
                Val::Text(s) => s,
                Val::OptText(s) => s,
                Val::Int(i) => i,
                Val::OptInt(i) => i,
                Val::OptReal(r) => r,
                Val::Bytes(b) => b,
            }
        })
        .collect()
}

/// `$1` is PostgreSQL's placeholder; SQLite reads `?1` the same way.
fn lite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

impl Sql for Lite<'_> {
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, HubError> {
        let n = self
            .0
            .execute(&lite_sql(sql), lite_params(params).as_slice())?;
        Ok(n as u64)
    }

    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Vec<Cell>>, HubError> {
        let mut stmt = self.0.prepare_cached(&lite_sql(sql))?;
        let width = stmt.column_count();
        let rows = stmt
            .query_map(lite_params(params).as_slice(), |row| {
                (0..width)
                    .map(|i| {
                        Ok(match row.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => Cell::Null,
                            rusqlite::types::ValueRef::Integer(n) => Cell::Int(n),
                            rusqlite::types::ValueRef::Real(r) => Cell::Real(r),
                            rusqlite::types::ValueRef::Text(t) => {
                                Cell::Text(String::from_utf8_lossy(t).into_owned())
                            }
                            rusqlite::types::ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
                        })
                    })
                    .collect::<rusqlite::Result<Vec<Cell>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn batch(&mut self, sql: &str) -> Result<(), HubError> {
        self.0.execute_batch(sql)?;
        Ok(())
    }
}

impl Backend for Sqlite {
    fn engine(&self) -> &'static str {
        "sqlite"
    }

    fn migrations(&self) -> &'static [&'static str] {
        SQLITE_MIGRATIONS
    }

    fn transaction(
        &self,
        f: &mut dyn FnMut(&mut dyn Sql) -> Result<(), HubError>,
    ) -> Result<(), HubError> {
        let mut conn = self.conn.lock().map_err(|_| HubError::Poisoned)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        f(&mut Lite(&tx))?;
        tx.commit()?;
        Ok(())
    }
}

/// PostgreSQL through `postgres` (tokio-postgres's blocking face), with a small pool: up to
/// `idle_max` connections kept open between operations, more opened under load.
pub struct Postgres {
    config: postgres::Config,
    idle: Mutex<Vec<postgres::Client>>,
    idle_max: usize,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres")
            .field("idle_max", &self.idle_max)
            .finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects once, to fail early on a wrong URL or password.
    pub fn connect(url: &str, idle_max: usize) -> Result<Postgres, HubError> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e| HubError::Url(format!("{}: {e}", redact(url))))?;
        config.connect_timeout(std::time::Duration::from_secs(10));
        let pg = Postgres {
            config,
            idle: Mutex::new(Vec::new()),
            idle_max: idle_max.max(1),
        };
        let first = pg.take()?;
        pg.give_back(first);
        Ok(pg)
    }

    fn take(&self) -> Result<postgres::Client, HubError> {
        let pooled = self.idle.lock().map_err(|_| HubError::Poisoned)?.pop();
        match pooled {
            Some(client) if !client.is_closed() => Ok(client),
            _ => Ok(self.config.connect(postgres::NoTls)?),
        }
    }

    fn give_back(&self, client: postgres::Client) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < self.idle_max
            && !client.is_closed()
        {
            idle.push(client);
        }
    }
}

/// Creates a schema of its own on the server `base_url` names and returns a URL whose
/// connections use it (`search_path`): a database of their own for a test or a benchmark run.
pub fn with_fresh_schema(base_url: &str) -> Result<String, HubError> {
    let schema = format!("t{}", uuid::Uuid::new_v4().simple());
    let mut admin = postgres::Client::connect(base_url, postgres::NoTls)?;
    admin.batch_execute(&format!("CREATE SCHEMA {schema}"))?;
    let sep = if base_url.contains('?') { '&' } else { '?' };
    Ok(format!("{base_url}{sep}options=-csearch_path%3D{schema}"))
}

/// A URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

struct Pg<'a, 'b>(&'a mut postgres::Transaction<'b>);

fn pg_params<'a>(params: &'a [Val<'a>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| -> &(dyn postgres::types::ToSql + Sync) {
            match p {
                Val::Text(s) => s,
                Val::OptText(s) => s,
                Val::Int(i) => i,
                Val::OptInt(i) => i,
                Val::OptReal(r) => r,
                Val::Bytes(b) => b,
            }
        })
        .collect()
}

impl Sql for Pg<'_, '_> {
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, HubError> {
        Ok(self.0.execute(sql, pg_params(params).as_slice())?)
    }

    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Vec<Cell>>, HubError> {
        use postgres::types::Type;
        let rows = self.0.query(sql, pg_params(params).as_slice())?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut cells = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                let cell = if *ty == Type::INT8 {
                    row.get::<_, Option<i64>>(i).map_or(Cell::Null, Cell::Int)
                } else if *ty == Type::INT4 {
                    row.get::<_, Option<i32>>(i)
                        .map_or(Cell::Null, |n| Cell::Int(n.into()))
                } else if *ty == Type::FLOAT8 {
                    row.get::<_, Option<f64>>(i).map_or(Cell::Null, Cell::Real)
                } else if *ty == Type::BYTEA {
                    row.get::<_, Option<Vec<u8>>>(i)
                        .map_or(Cell::Null, Cell::Bytes)
                } else {
                    row.get::<_, Option<String>>(i)
                        .map_or(Cell::Null, Cell::Text)
                };
                cells.push(cell);
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<(), HubError> {
        Ok(self.0.batch_execute(sql)?)
    }
}

impl Backend for Postgres {
    fn engine(&self) -> &'static str {
        "postgres"
    }

    fn migrations(&self) -> &'static [&'static str] {
        POSTGRES_MIGRATIONS
    }

    fn transaction(
        &self,
        f: &mut dyn FnMut(&mut dyn Sql) -> Result<(), HubError>,
    ) -> Result<(), HubError> {
        let mut client = self.take()?;
        let outcome = (|| {
            let mut tx = client.transaction()?;
            f(&mut Pg(&mut tx))?;
            tx.commit()?;
            Ok(())
        })();
        self.give_back(client);
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://hub:s3cret@db.example:5432/hub"),
            "postgres://hub:***@db.example:5432/hub"
        );
        assert_eq!(redact("postgres:///hub"), "postgres:///hub");
    }
}
