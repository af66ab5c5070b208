//! "Now" and new ids come from here, so that tests can fix them: `FIELDTRACE_NOW` (RFC 3339)
//! overrides the system clock, and under it every new UUIDv7 (item, packet, request) is derived
//! from that time, a seed (`FIELDTRACE_SEED`) and a counter, so the same inputs give the same
//! ids. This is the only module allowed to read the system clock (clippy.toml).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::{DateTime, Datelike, Utc};
use uuid::Uuid;

/// Seeds the ids of a fixed clock; a test with two stations gives each its own.
pub const SEED_ENV: &str = "FIELDTRACE_SEED";

#[derive(Debug)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
    seed: String,
    /// Where this process's counter starts (the register's state, asked once).
    base: OnceLock<u64>,
    next: AtomicU64,
    /// A long-running process (the hub): each id re-reads the register's state.
    reread: AtomicBool,
    last: AtomicU64,
}

#[derive(Debug, thiserror::Error)]
#[error("FIELDTRACE_NOW is not an RFC 3339 time ('{value}'): {reason}")]
pub struct ClockError {
    value: String,
    reason: String,
}

impl Clock {
    /// The system clock, unless `FIELDTRACE_NOW` is set.
    pub fn from_env() -> Result<Clock, ClockError> {
        let seed = std::env::var(SEED_ENV).unwrap_or_default();
        match std::env::var("FIELDTRACE_NOW") {
            Ok(value) => Ok(Self::fixed_at(&value)?.seeded(&seed)),
            Err(_) => Ok(Clock::system()),
        }
    }

    pub fn system() -> Clock {
        Clock {
            fixed: None,
            seed: String::new(),
            base: OnceLock::new(),
            next: AtomicU64::new(0),
            reread: AtomicBool::new(false),
            last: AtomicU64::new(0),
        }
    }

    pub fn fixed_at(value: &str) -> Result<Clock, ClockError> {
        DateTime::parse_from_rfc3339(value)
            .map(|t| Clock {
                fixed: Some(t.with_timezone(&Utc)),
                ..Clock::system()
            })
            .map_err(|e| ClockError {
                value: value.to_owned(),
                reason: e.to_string(),
            })
    }

    /// The same fixed time with another id seed.
    #[must_use]
    pub fn seeded(mut self, seed: &str) -> Clock {
        self.seed = seed.to_owned();
        self
    }

    /// For a process that runs long beside others writing the same register (`hub serve`):
    /// under a fixed clock, each new id is counted from the register's state at that moment,
    /// not at the first id, so two processes never make the same one.
    pub fn count_ids_from_the_register_each_time(&self) {
        self.reread.store(true, Ordering::Relaxed);
    }

    /// The same time source for another thread (a server's), with its own id counter.
    pub fn detached(&self) -> Clock {
        Clock {
            fixed: self.fixed,
            seed: self.seed.clone(),
            ..Clock::system()
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }

    pub fn now(&self) -> DateTime<Utc> {
        #[allow(clippy::disallowed_methods)]
        self.fixed.unwrap_or_else(Utc::now)
    }

    pub fn year(&self) -> i32 {
        self.now().year()
    }

    /// A new UUIDv7. On the system clock, a random one; on a fixed clock, one derived from the
    /// time, the seed and a counter that starts at `state()` (asked once per process: how many
    /// ids the register already holds, so runs one after another do not repeat an id).
    pub fn new_id(&self, state: impl FnOnce() -> u64) -> Uuid {
        let Some(fixed) = self.fixed else {
            #[allow(clippy::disallowed_methods)]
            return Uuid::now_v7();
        };
        let n = if self.reread.load(Ordering::Relaxed) {
            // Other processes write the same register meanwhile: count from where it is now.
            let n = state().max(self.last.load(Ordering::Relaxed) + 1);
            self.last.store(n, Ordering::Relaxed);
            n
        } else {
            let base = *self.base.get_or_init(state);
            base + self.next.fetch_add(1, Ordering::Relaxed)
        };
        let digest = crate::fs::sha256_hex(format!("fieldtrace-id\n{}\n{n}", self.seed).as_bytes());
        let mut random = [0u8; 10];
        for (i, byte) in random.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&digest[2 * i..2 * i + 2], 16).unwrap_or(0);
        }
        let millis = u64::try_from(fixed.timestamp_millis()).unwrap_or(0);
        uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_gives_the_same_ids_for_the_same_inputs() {
        let ids = |seed: &str, state: u64| {
            let clock = Clock::fixed_at("2026-11-25T12:00:00Z")
                .unwrap()
                .seeded(seed);
            (clock.new_id(|| state), clock.new_id(|| unreachable!()))
        };
        let (a, b) = ids("", 0);
        assert_eq!((a, b), ids("", 0));
        assert_ne!(a, b);
        assert_eq!(a.get_version_num(), 7);
        assert_ne!(ids("", 1).0, a, "a later run starts further on");
        assert_ne!(ids("npc", 0).0, a, "another station, another seed");
    }

    #[test]
    fn a_long_running_process_counts_from_the_register_as_it_is_now() {
        // The hub made one id at state 5; another process then made ids 6 and 7 and wrote
        // their rows: the hub's next id must not be the other's.
        let other = |n: u64| {
            Clock::fixed_at("2026-11-25T12:00:00Z")
                .unwrap()
                .new_id(|| n)
        };
        let hub = Clock::fixed_at("2026-11-25T12:00:00Z").unwrap();
        hub.count_ids_from_the_register_each_time();
        let first = hub.new_id(|| 5);
        assert_eq!(first, other(5));
        let next = hub.new_id(|| 8);
        assert_ne!(next, other(6));
        assert_ne!(next, other(7));
        assert_eq!(next, other(8));
        // No row written since: still a new id.
        assert_ne!(hub.new_id(|| 8), next);
    }
}
