//! One enum per vocabulary the station speaks: the words stored in the register, carried in
//! packets and typed on the command line. Each has its words (`NAMES`, the order shown in help
//! and errors), `as_str`, `FromStr`, serde (kebab-case) and clap derives, so the lists in
//! `cli.rs`, the register's checks and the SQL all come from here.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* #[value(name = $word)] #[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every word, in order.
            pub const NAMES: &'static [&'static str] = &[$($word),+];
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;

            fn from_str(text: &str) -> Result<$name, UnknownWord> {
                match text {
                    $($word => Ok($name::$variant),)+
                    _ => Err(UnknownWord {
                        word: text.to_owned(),
                        expected: Self::NAMES,
                    }),
                }
            }
        }
    };
}

/// A word outside its vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{word}' is not one of: {}", expected.join(", "))]
pub struct UnknownWord {
    pub word: String,
    pub expected: &'static [&'static str],
}

vocabulary! {
    /// How an item came to the register, or left it.
    Event {
        Seized = "seized",
        Found = "found",
        Surrendered = "surrendered",
        Captured = "captured",
        Recovered = "recovered",
        Lost = "lost",
        Stolen = "stolen",
    }
}

impl Event {
    /// The events SDG indicator 16.4.2 counts as a recovery.
    pub const RECOVERIES: &'static [Event] = &[
        Event::Seized,
        Event::Found,
        Event::Surrendered,
        Event::Captured,
        Event::Recovered,
    ];
}

vocabulary! {
    /// What an item is.
    ItemKind {
        Weapon = "weapon",
        Ammunition = "ammunition",
        Component = "component",
    }
}

vocabulary! {
    /// What can be read of a serial number.
    SerialStatus {
        Present = "present",
        Partial = "partial",
        Obliterated = "obliterated",
        Absent = "absent",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// The event a mark records.
    MarkEvent {
        Manufacture = "manufacture",
        Import = "import",
        Proof = "proof",
        State = "state",
        Unit = "unit",
        Secondary = "secondary",
        Deactivation = "deactivation",
        Other = "other",
    }
}

vocabulary! {
    /// How well a mark can be read.
    Legibility {
        Clear = "clear",
        Partial = "partial",
        Abraded = "abraded",
        Obliterated = "obliterated",
    }
}

vocabulary! {
    /// The outcome of a trace (ITI paras. 19-22).
    TraceOutcome {
        Traced = "traced",
        NotTraced = "not-traced",
        Restricted = "restricted",
        Refused = "refused",
        Untraceable = "untraceable",
    }
}

vocabulary! {
    /// How soon a trace request wants an answer.
    Priority {
        Routine = "routine",
        Urgent = "urgent",
    }
}

vocabulary! {
    /// What an acknowledgement says of the packet it names (ITI para. 18).
    AckStatus {
        Stored = "stored",
        Duplicate = "duplicate",
        Incomplete = "incomplete",
        Rejected = "rejected",
    }
}

vocabulary! {
    /// Which photos travel with an exported request.
    PhotoChoice {
        /// The reduced copies (1024 px JPEG) from <home>/derived
        Reduced = "reduced",
        /// The originals, byte for byte
        Full = "full",
        /// No photos; their hashes are still in the signed request
        None = "none",
    }
}

vocabulary! {
    /// Where an outbox packet stands.
    OutboxState {
        Pending = "pending",
        Sent = "sent",
        Acknowledged = "acknowledged",
    }
}

vocabulary! {
    /// What a custody event records.
    CustodyAction {
        Seized = "seized",
        Transferred = "transferred",
        Stored = "stored",
        Examined = "examined",
        Marked = "marked",
        Destroyed = "destroyed",
        Returned = "returned",
    }
}

vocabulary! {
    /// What a photo of an item shows.
    PhotoView {
        Overall = "overall",
        Left = "left",
        Right = "right",
        Top = "top",
        Bottom = "bottom",
        Front = "front",
        Rear = "rear",
        Markings = "markings",
        Serial = "serial",
        Headstamp = "headstamp",
        Packaging = "packaging",
        Component = "component",
        Other = "other",
    }
}

vocabulary! {
    /// Whether a trace response was sent by this station or received by it.
    Direction {
        Sent = "sent",
        Received = "received",
    }
}

vocabulary! {
    /// Where a received packet stands in the inbox: its acknowledgement's status, or answered.
    InboxStatus {
        Stored = "stored",
        Duplicate = "duplicate",
        Incomplete = "incomplete",
        Rejected = "rejected",
        Answered = "answered",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_unknown_ones_list_the_vocabulary() {
        for outcome in TraceOutcome::ALL {
            assert_eq!(outcome.as_str().parse::<TraceOutcome>(), Ok(*outcome));
            assert_eq!(
                serde_json::to_value(outcome).unwrap(),
                serde_json::json!(outcome.as_str())
            );
        }
        let err = "lost-it".parse::<Event>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'lost-it' is not one of: seized, found, surrendered, captured, recovered, lost, stolen"
        );
        assert_eq!(Event::NAMES.len(), Event::ALL.len());
    }
}
