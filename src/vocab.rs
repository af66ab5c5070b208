//! One enum per vocabulary the station speaks: the words stored in the register, carried in
//! packets and typed on the command line. Each has its words (`NAMES`, the order shown in help
//! and errors), `as_str`, `FromStr`, serde (kebab-case) and clap derives, so the lists in
//! `cli.rs`, the register's checks and the SQL all come from here.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident $key:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
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
            /// The catalogue's words for it are `word-<KEY>-<word>` (see `i18n::label`).
            pub const KEY: &'static str = $key;

            /// The word in the officer's language.
            pub fn label(self) -> String {
                crate::i18n::label($key, self.as_str())
            }

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
                // The word itself, else a word for it in any language of the catalogues
                // (`saisie`, `saisi` for `seized`).
                let word = match text {
                    $($word => Some(text),)+
                    _ => crate::i18n::find_word($key, text, Self::NAMES),
                };
                match word {
                    $(Some($word) => Ok($name::$variant),)+
                    _ => Err(UnknownWord {
                        word: text.to_owned(),
                        kind: $key,
                        expected: Self::NAMES,
                    }),
                }
            }
        }
    };
}

/// `value` as one of `allowed`, the words of the vocabulary `kind`: the word itself (any case),
/// or a word for it in a language of the catalogues.
pub fn read_word(
    kind: &'static str,
    value: &str,
    allowed: &'static [&'static str],
) -> Result<&'static str, UnknownWord> {
    let lower = value.trim().to_lowercase();
    allowed
        .iter()
        .find(|w| **w == lower)
        .copied()
        .or_else(|| crate::i18n::find_word(kind, value, allowed))
        .ok_or_else(|| UnknownWord {
            word: value.to_owned(),
            kind,
            expected: allowed,
        })
}

/// A word outside its vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    pub word: String,
    /// The vocabulary's key in the catalogue (`event`).
    pub kind: &'static str,
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expected: Vec<String> = self
            .expected
            .iter()
            .map(|id| crate::i18n::label(self.kind, id))
            .collect();
        f.write_str(&crate::t!(
            "unknown-word",
            word = self.word.as_str(),
            expected = expected.join(", ")
        ))
    }
}

impl std::error::Error for UnknownWord {}

vocabulary! {
    /// How an item came to the register, or left it.
    Event "event" {
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
    ItemKind "kind" {
        Weapon = "weapon",
        Ammunition = "ammunition",
        Component = "component",
    }
}

vocabulary! {
    /// What can be read of a serial number.
    SerialStatus "serial-status" {
        Present = "present",
        Partial = "partial",
        Obliterated = "obliterated",
        Absent = "absent",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// The event a mark records.
    MarkEvent "mark-event" {
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
    Legibility "legibility" {
        Clear = "clear",
        Partial = "partial",
        Abraded = "abraded",
        Obliterated = "obliterated",
    }
}

vocabulary! {
    /// The outcome of a trace (ITI paras. 19-22).
    TraceOutcome "outcome" {
        Traced = "traced",
        NotTraced = "not-traced",
        Restricted = "restricted",
        Refused = "refused",
        Untraceable = "untraceable",
    }
}

vocabulary! {
    /// How soon a trace request wants an answer.
    Priority "priority" {
        Routine = "routine",
        Urgent = "urgent",
    }
}

vocabulary! {
    /// What an acknowledgement says of the packet it names (ITI para. 18).
    AckStatus "ack" {
        Stored = "stored",
        Duplicate = "duplicate",
        Incomplete = "incomplete",
        Rejected = "rejected",
    }
}

vocabulary! {
    /// Which photos travel with an exported request.
    PhotoChoice "photos" {
        // The reduced copies (1024 px JPEG) from <home>/derived
        Reduced = "reduced",
        // The originals, byte for byte
        Full = "full",
        // No photos; their hashes are still in the signed request
        None = "none",
    }
}

vocabulary! {
    /// Where an outbox packet stands.
    OutboxState "outbox" {
        Pending = "pending",
        Sent = "sent",
        Acknowledged = "acknowledged",
    }
}

vocabulary! {
    /// What a custody event records.
    CustodyAction "custody" {
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
    PhotoView "view" {
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
    Direction "direction" {
        Sent = "sent",
        Received = "received",
    }
}

vocabulary! {
    /// Where a received packet stands in the inbox: its acknowledgement's status, or answered.
    InboxStatus "inbox" {
        Stored = "stored",
        Duplicate = "duplicate",
        Incomplete = "incomplete",
        Rejected = "rejected",
        Answered = "answered",
    }
}

vocabulary! {
    /// What an ammunition row is: its `type`. A weapon's type is its ITI category
    /// (identify::parse_type); a round or a grenade has none of those.
    AmmunitionType "ammunition" {
        Cartridge = "cartridge",
        Shotshell = "shotshell",
        Grenade = "grenade",
        MortarBomb = "mortar-bomb",
        Rocket = "rocket",
        Missile = "missile",
        Shell = "shell",
        Projectile = "projectile",
        Mine = "mine",
        Fuze = "fuze",
    }
}

vocabulary! {
    /// What a component row is: its `type`. Parts of a weapon, and the components of
    /// ammunition the Firearms Protocol names.
    ComponentType "component" {
        Barrel = "barrel",
        Receiver = "receiver",
        Frame = "frame",
        Slide = "slide",
        Bolt = "bolt",
        BoltCarrier = "bolt-carrier",
        Cylinder = "cylinder",
        TriggerGroup = "trigger-group",
        Magazine = "magazine",
        Stock = "stock",
        Suppressor = "suppressor",
        Sight = "sight",
        Fuze = "fuze",
        Primer = "primer",
        CartridgeCase = "cartridge-case",
        Propellant = "propellant",
        Projectile = "projectile",
    }
}

/// Words officers write for ammunition, to the vocabulary's (English and French).
const AMMUNITION_WORDS: &[(&str, AmmunitionType)] = &[
    ("round", AmmunitionType::Cartridge),
    ("bullet", AmmunitionType::Cartridge),
    ("ammo", AmmunitionType::Cartridge),
    ("ammunition", AmmunitionType::Cartridge),
    ("cartouche", AmmunitionType::Cartridge),
    ("munition", AmmunitionType::Cartridge),
    ("shotgun-shell", AmmunitionType::Shotshell),
    ("shotgun-cartridge", AmmunitionType::Shotshell),
    ("hand-grenade", AmmunitionType::Grenade),
    ("rifle-grenade", AmmunitionType::Grenade),
    ("40mm-grenade", AmmunitionType::Grenade),
    ("mortar", AmmunitionType::MortarBomb),
    ("mortar-round", AmmunitionType::MortarBomb),
    ("mortar-shell", AmmunitionType::MortarBomb),
    ("obus-de-mortier", AmmunitionType::MortarBomb),
    ("rpg", AmmunitionType::Rocket),
    ("rocket-grenade", AmmunitionType::Rocket),
    ("roquette", AmmunitionType::Rocket),
    ("artillery-shell", AmmunitionType::Shell),
    ("obus", AmmunitionType::Shell),
    ("fuse", AmmunitionType::Fuze),
    ("fusee", AmmunitionType::Fuze),
];

/// Words officers write for components, to the vocabulary's (English and French).
const COMPONENT_WORDS: &[(&str, ComponentType)] = &[
    ("upper-receiver", ComponentType::Receiver),
    ("lower-receiver", ComponentType::Receiver),
    ("boite-de-culasse", ComponentType::Receiver),
    ("carcasse", ComponentType::Frame),
    ("culasse", ComponentType::Bolt),
    ("canon", ComponentType::Barrel),
    ("trigger", ComponentType::TriggerGroup),
    ("trigger-mechanism", ComponentType::TriggerGroup),
    ("chargeur", ComponentType::Magazine),
    ("butt", ComponentType::Stock),
    ("buttstock", ComponentType::Stock),
    ("crosse", ComponentType::Stock),
    ("silencer", ComponentType::Suppressor),
    ("silencieux", ComponentType::Suppressor),
    ("scope", ComponentType::Sight),
    ("fuse", ComponentType::Fuze),
    ("case", ComponentType::CartridgeCase),
    ("casing", ComponentType::CartridgeCase),
    ("bullet", ComponentType::Projectile),
    ("powder", ComponentType::Propellant),
];

/// `Mortar bomb`, `mortar_bombs`, `Cartouches` -> `mortar-bomb`, `cartouches`, and the word
/// without a plural `s`.
fn folded(text: &str) -> (String, Option<String>) {
    let id = crate::refdata::fold::fold(text.trim())
        .to_lowercase()
        .replace([' ', '_'], "-");
    let singular = id.strip_suffix('s').map(str::to_owned);
    (id, singular)
}

macro_rules! read_with_words {
    ($name:ident, $words:ident) => {
        impl $name {
            /// A type as an officer writes it: the vocabulary's word, a plural, a usual synonym.
            pub fn read(text: &str) -> Result<$name, UnknownWord> {
                let (id, singular) = folded(text);
                for word in std::iter::once(id.as_str()).chain(singular.as_deref()) {
                    if let Ok(found) = word.parse::<$name>() {
                        return Ok(found);
                    }
                    if let Some((_, found)) = $words.iter().find(|(w, _)| *w == word) {
                        return Ok(*found);
                    }
                }
                Err(UnknownWord {
                    word: text.to_owned(),
                    kind: Self::KEY,
                    expected: Self::NAMES,
                })
            }
        }
    };
}

read_with_words!(AmmunitionType, AMMUNITION_WORDS);
read_with_words!(ComponentType, COMPONENT_WORDS);

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

    #[test]
    fn ammunition_and_components_are_read_as_officers_write_them() {
        for (text, word) in [
            ("cartridge", "cartridge"),
            ("Rounds", "cartridge"),
            ("Mortar bomb", "mortar-bomb"),
            ("mortar_bombs", "mortar-bomb"),
            ("grenade", "grenade"),
            ("RPG", "rocket"),
            ("projectile", "projectile"),
            ("fuse", "fuze"),
            ("cartouches", "cartridge"),
        ] {
            assert_eq!(
                AmmunitionType::read(text).map(|t| t.as_str()),
                Ok(word),
                "{text}"
            );
        }
        for (text, word) in [
            ("magazine", "magazine"),
            ("Barrels", "barrel"),
            ("receiver", "receiver"),
            ("upper receiver", "receiver"),
            ("chargeur", "magazine"),
            ("fuze", "fuze"),
        ] {
            assert_eq!(
                ComponentType::read(text).map(|t| t.as_str()),
                Ok(word),
                "{text}"
            );
        }
        let err = AmmunitionType::read("laser").unwrap_err();
        assert!(err.to_string().contains("cartridge, shotshell"), "{err}");
    }
}
