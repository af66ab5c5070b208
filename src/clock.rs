//! "Now" comes from here, so that tests can fix it: `FIELDTRACE_NOW` (RFC 3339) overrides the
//! system clock.

use chrono::{DateTime, Datelike, Utc};

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
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
        match std::env::var("FIELDTRACE_NOW") {
            Ok(value) => Self::fixed_at(&value),
            Err(_) => Ok(Clock { fixed: None }),
        }
    }

    pub fn fixed_at(value: &str) -> Result<Clock, ClockError> {
        DateTime::parse_from_rfc3339(value)
            .map(|t| Clock {
                fixed: Some(t.with_timezone(&Utc)),
            })
            .map_err(|e| ClockError {
                value: value.to_owned(),
                reason: e.to_string(),
            })
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    pub fn year(&self) -> i32 {
        self.now().year()
    }
}
