//! The officer's language: Fluent message catalogues (`i18n/<lang>/fieldtrace.ftl`), embedded
//! in the binary, English the fallback. `t!("key", arg = value)` gives a message in the
//! language chosen once at start-up (`--lang`, else `FIELDTRACE_LANG`, else the system locale,
//! else English); its keys and arguments are checked against the English catalogue at compile
//! time (`i18n_embed_fl::fl!`).
//!
//! A language is a folder under `i18n/`: adding `i18n/es/fieldtrace.ftl` adds Spanish, with no
//! change to the Rust code (see docs/translating.md). Machine output (`--json`, CSV, ids,
//! reason codes) never depends on the language: what it carries in words is rendered with
//! [`english`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, PoisonError, RwLock};

use i18n_embed::LanguageLoader as _;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use unic_langid::LanguageIdentifier;

use crate::refdata::fold::fold_word;

pub mod help;

#[derive(rust_embed::RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// What the build makes of the catalogues (see `build.rs`): `WORDS`, every catalogue's words
/// (`(language, [(word-* key, folded words)])`, English first, keys sorted), and `PARTS`, each
/// catalogue cut into its `--help` texts and the rest.
mod built {
    include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));
}

/// One part of every catalogue, as a loader reads it: the `--help` texts (`cmd-*`, `arg-*`:
/// two fifths of a catalogue, needed only when clap has something to say), or the rest.
struct Part {
    help: bool,
}

impl i18n_embed::I18nAssets for Part {
    fn get_files(&self, file_path: &str) -> Vec<std::borrow::Cow<'_, [u8]>> {
        let code = file_path
            .split_once('/')
            .map_or(file_path, |(code, _)| code);
        built::PARTS
            .iter()
            .filter(|(lang, ..)| *lang == code)
            .map(|(_, rest, help)| {
                std::borrow::Cow::Borrowed(if self.help { help } else { rest }.as_bytes())
            })
            .collect()
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Localizations.filenames_iter()
    }
}

const MESSAGES: Part = Part { help: false };
const HELP_TEXTS: Part = Part { help: true };

/// The loader every `t!` reads, in the language [`select`] chose (English until then). Its
/// catalogues are parsed when the first message is asked for, not at start-up: a command whose
/// output is all `--json`, or in English, parses no catalogue it does not speak.
/// The `--help` texts are apart, in [`HELP`].
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    LOADER_PARSED.store(true, Ordering::SeqCst);
    load(&MESSAGES, &current())
});

/// Whether [`LOADER`] has parsed its catalogues (then [`select`] loads the new language).
static LOADER_PARSED: AtomicBool = AtomicBool::new(false);

/// The `--help` texts, in the officer's language: parsed only when clap has something to say.
static HELP: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    HELP_PARSED.store(true, Ordering::SeqCst);
    load(&HELP_TEXTS, &current())
});

static HELP_PARSED: AtomicBool = AtomicBool::new(false);

/// The language [`select`] chose; `None` is English.
static CHOSEN: RwLock<Option<Lang>> = RwLock::new(None);

/// English while the officer's language is another: the English behind [`LOADER`] when that is
/// already parsed (one parse of English per process), else English alone.
static ENGLISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    if LOADER_PARSED.load(Ordering::SeqCst) {
        LOADER.select_languages(&[Lang::english().0])
    } else {
        load(&MESSAGES, &Lang::english())
    }
});

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANG_ENV: &str = "FIELDTRACE_LANG";

/// A message in the officer's language: `t!("key")`, `t!("key", name = value, ...)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
    };
    ($id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($args)*)
    };
}

/// A message in English, for machine output that must not change with the language.
#[macro_export]
macro_rules! t_en {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::english(), $id)
    };
    ($id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::english(), $id, $($args)*)
    };
}

/// A sentence said to the officer and carried in machine output: in the officer's language on
/// the terminal (`Display`), in English in `--json` (`Serialize`), so that scripts read the same
/// words whatever the language. `said!("key", name = value)` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    text: String,
    english: String,
}

impl Said {
    pub fn new(text: String, english: String) -> Said {
        Said { text, english }
    }

    /// The sentence `render` writes in English and, when it is another, in the officer's
    /// language.
    pub fn render(render: impl Fn(&Lang) -> String) -> Said {
        let lang = current();
        if lang.is_english() {
            let english = render(&lang);
            return Said {
                text: english.clone(),
                english,
            };
        }
        // The officer's language first: its loader parses English behind it, which the English
        // then reads, rather than parsing English a second time.
        let text = render(&lang);
        let english = render(&Lang::english());
        Said { text, english }
    }

    /// Words from outside (a mark, a name) that are the same in every language.
    pub fn verbatim(text: impl Into<String>) -> Said {
        let text = text.into();
        Said {
            english: text.clone(),
            text,
        }
    }

    /// The sentence in English, as machine output carries it.
    pub fn english(&self) -> &str {
        &self.english
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The same sentence after a prefix (`+ `, `- `) that is no word.
    #[must_use]
    pub fn prefixed(self, prefix: &str) -> Said {
        Said {
            text: format!("{prefix}{}", self.text),
            english: format!("{prefix}{}", self.english),
        }
    }

    /// This sentence followed by another.
    #[must_use]
    pub fn append(self, more: &Said) -> Said {
        Said {
            text: format!("{}{}", self.text, more.text),
            english: format!("{}{}", self.english, more.english),
        }
    }

    /// Several sentences in one, `separator` between them (none: an empty one).
    pub fn join<'a>(sentences: impl IntoIterator<Item = &'a Said>, separator: &str) -> Said {
        let separator = Said::verbatim(separator);
        let mut all: Option<Said> = None;
        for s in sentences {
            all = Some(match all {
                None => s.clone(),
                Some(before) => before.append(&separator).append(s),
            });
        }
        all.unwrap_or_else(|| Said::verbatim(""))
    }

    pub fn contains(&self, text: &str) -> bool {
        self.english.contains(text) || self.text.contains(text)
    }

    pub fn starts_with(&self, text: &str) -> bool {
        self.english.starts_with(text) || self.text.starts_with(text)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

/// A [`Said`]: `said!("key", name = value, ...)`, its key and arguments checked at compile time
/// like `t!`'s. The arguments are evaluated once per language; `said!(|l| "key", name =
/// word_in(l, ...))` names the language, for arguments that are words themselves.
#[macro_export]
macro_rules! said {
    (|$l:ident| $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Said::render(|$l: &$crate::i18n::Lang| {
            i18n_embed_fl::fl!($crate::i18n::loader_of($l), $id $(, $name = $value)*)
        })
    };
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::said!(|_lang| $id $(, $name = $value)*)
    };
}

/// A language with a catalogue: its primary subtag (`en`, `fr`, `ar`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lang(LanguageIdentifier);

impl Lang {
    pub fn english() -> Lang {
        Lang(LanguageIdentifier::from_bytes(b"en").unwrap_or_default())
    }

    pub fn code(&self) -> &str {
        self.0.language.as_str()
    }

    pub fn is_english(&self) -> bool {
        self.code() == "en"
    }

    /// Written right to left (Arabic, Hebrew, Persian, Urdu): the HTML pages say so.
    pub fn is_rtl(&self) -> bool {
        matches!(self.code(), "ar" | "he" | "fa" | "ur")
    }

    /// `fr`, `fr-FR`, `fr_FR.UTF-8`, `French`... as a language with a catalogue, if there is one.
    pub fn find(text: &str) -> Option<Lang> {
        let head = text
            .trim()
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-");
        let wanted: LanguageIdentifier = head.parse().ok()?;
        available()
            .into_iter()
            .find(|l| l.0.language == wanted.language)
    }

    /// The language asked for: `--lang`, else `FIELDTRACE_LANG`, else the system locale, else
    /// English. A language asked for by name that has no catalogue is an error; a system locale
    /// without one is English.
    pub fn choose(flag: Option<&str>) -> Result<Lang, UnknownLang> {
        let asked = flag.map(str::to_owned).or_else(|| {
            std::env::var(LANG_ENV)
                .ok()
                .filter(|v| !v.trim().is_empty())
        });
        if let Some(asked) = asked {
            return Lang::find(&asked).ok_or(UnknownLang(asked));
        }
        Ok(system_locale()
            .as_deref()
            .and_then(Lang::find)
            .unwrap_or_else(Lang::english))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// `--lang` or `FIELDTRACE_LANG` names a language with no catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no messages in '{}': the languages are {}", .0, available_codes().join(", "))]
pub struct UnknownLang(pub String);

/// The languages with a catalogue: the folders under `i18n/`, English first.
pub fn available() -> Vec<Lang> {
    let mut langs: Vec<Lang> = Localizations::iter()
        .filter_map(|path| {
            let (dir, file) = path.split_once('/')?;
            (file == "fieldtrace.ftl")
                .then(|| dir.parse().ok().map(Lang))
                .flatten()
        })
        .collect();
    langs.sort_by_key(|l| (!l.is_english(), l.code().to_owned()));
    langs.dedup();
    langs
}

pub fn available_codes() -> Vec<String> {
    available().iter().map(|l| l.code().to_owned()).collect()
}

/// The catalogue of one language, as the translator wrote it (tests read the keys from it).
pub fn catalogue_source(lang: &Lang) -> Option<String> {
    let file = Localizations::get(&format!("{}/fieldtrace.ftl", lang.0))?;
    String::from_utf8(file.data.into_owned()).ok()
}

/// Makes `lang` the language of every `t!` from now on. Nothing is parsed here: the loader
/// parses its catalogues when a message is first asked for (or now, if it already had).
pub fn select(lang: &Lang) {
    *CHOSEN.write().unwrap_or_else(PoisonError::into_inner) = Some(lang.clone());
    let wanted = languages_of(lang);
    for (loader, parsed, part) in [
        (&LOADER, &LOADER_PARSED, &MESSAGES),
        (&HELP, &HELP_PARSED, &HELP_TEXTS),
    ] {
        if parsed.load(Ordering::SeqCst) && loader.current_languages() != wanted {
            // The embedded catalogues are checked by the tests: loading them cannot fail at
            // run time but for a bug, and then the language loaded before is still there.
            let _ = loader.load_languages(part, &wanted);
            loader.set_use_isolating(false);
        }
    }
}

/// The language `t!` speaks now.
pub fn current() -> Lang {
    CHOSEN
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .unwrap_or_else(Lang::english)
}

/// The languages a loader for `lang` loads: `lang`, then English behind it.
fn languages_of(lang: &Lang) -> Vec<LanguageIdentifier> {
    let mut wanted = vec![lang.0.clone()];
    if !lang.is_english() {
        wanted.push(Lang::english().0);
    }
    wanted
}

/// The English loader, for messages in machine output.
pub fn english() -> &'static FluentLanguageLoader {
    // In English the officer's loader is the English one, already parsed.
    if current().is_english() {
        &LOADER
    } else {
        &ENGLISH
    }
}

/// A loader for one language's whole catalogue (with English behind it), independent of
/// [`select`].
pub fn loader_for(lang: &Lang) -> FluentLanguageLoader {
    load(&Localizations, lang)
}

/// A loader for `lang` (with English behind it) reading `assets`.
fn load(assets: &dyn i18n_embed::I18nAssets, lang: &Lang) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    let _ = loader.load_languages(assets, &languages_of(lang));
    // Terminal output: no Unicode bidi isolation marks around the arguments.
    loader.set_use_isolating(false);
    loader
}

/// A message whose key is only known at run time (the `--help` of a command or argument):
/// `None` when the catalogue has no such message.
pub fn lookup(key: &str) -> Option<String> {
    LOADER.has(key).then(|| LOADER.get(key))
}

/// An attribute of a message (`key.long`), when the catalogue has it.
pub fn lookup_attr(key: &str, attr: &str) -> Option<String> {
    LOADER
        .has_attr(key, attr)
        .then(|| LOADER.get_attr(key, attr))
}

/// A `--help` text (`cmd-*`, `arg-*`), when the catalogue has it: [`lookup`] for the help.
pub fn help_text(key: &str) -> Option<String> {
    HELP.has(key).then(|| HELP.get(key))
}

/// An attribute of a `--help` text (`cmd-ref.long`), when the catalogue has it.
pub fn help_attr(key: &str, attr: &str) -> Option<String> {
    HELP.has_attr(key, attr).then(|| HELP.get_attr(key, attr))
}

/// A country's name in `lang`: the library's French name in French; in another language the
/// catalogue's `country-<CODE>` when its translator gave one; else the English name.
pub fn country_name(catalog: &crate::refdata::Catalog, lang: &Lang, code: &str) -> String {
    let Some(country) = catalog.country(code) else {
        return code.to_owned();
    };
    if lang.code() == "fr" {
        return country.name_fr.clone();
    }
    if !lang.is_english()
        && let Some(name) = lookup(&format!("country-{}", country.code))
    {
        return name;
    }
    country.name_en.clone()
}

/// The loader of `lang`: the officer's, or English.
pub fn loader_of(lang: &Lang) -> &'static FluentLanguageLoader {
    if lang.is_english() {
        english()
    } else {
        &LOADER
    }
}

/// A word inside a sentence of `lang`: the id itself in English (machine output has always
/// carried ids there), the catalogue's `<kind>-<id>` in another language.
pub fn word_in(lang: &Lang, kind: &str, id: &str) -> String {
    if lang.is_english() {
        return id.to_owned();
    }
    let key = format!("word-{kind}-{id}");
    let loader = loader_of(lang);
    if loader.has(&key) {
        loader.get(&key)
    } else {
        id.to_owned()
    }
}

/// An id as the officer reads it: the id itself in English, the catalogue's word in another
/// language (`seized`, `saisie`).
pub fn shown(kind: &str, id: &str) -> String {
    word_in(&current(), kind, id)
}

/// The word for a vocabulary's id in the officer's language: the catalogue's `<kind>-<id>`
/// (`type-assault-rifle`, `event-seized`), else the id in words.
pub fn label(kind: &str, id: &str) -> String {
    lookup(&format!("word-{kind}-{id}")).unwrap_or_else(|| id.replace('-', " "))
}

/// The id of `ids` that `text` names in some language: the catalogue's word for it
/// (`word-<kind>-<id>`) or one of the other words its `.also` lists, accents, case and a
/// plural `s` aside. `saisi` is `seized`, `pistolet` a `self-loading-pistol`. The catalogues'
/// words are read from the table the build makes of them: no catalogue is parsed.
pub fn find_word(kind: &str, text: &str, ids: &[&'static str]) -> Option<&'static str> {
    let wanted = fold_word(text);
    let singular = wanted.strip_suffix('s');
    let fits = |word: &str| !word.is_empty() && (word == wanted || Some(word) == singular);
    if let Some(id) = ids.iter().find(|id| fits(&fold_word(id))) {
        return Some(id);
    }
    for (_, words) in built::WORDS {
        for id in ids {
            let key = format!("word-{kind}-{id}");
            if let Ok(at) = words.binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
                && words[at].1.iter().any(|w| fits(w))
            {
                return Some(id);
            }
        }
    }
    None
}

/// Whether `text` has `name` as a word of its own (`China` in `made in China`, not `Chine`
/// in `Chinese`): a country already named is not named twice.
pub fn names_word(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The system's language: `LC_ALL`, `LC_MESSAGES`, `LANG` on Unix (the first set, `C` and
/// `POSIX` meaning none), the user's locale on Windows.
fn system_locale() -> Option<String> {
    #[cfg(windows)]
    {
        sys_locale::get_locale()
    }
    #[cfg(not(windows))]
    {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|v| !v.trim().is_empty())
            .filter(|v| !matches!(v.as_str(), "C" | "POSIX") && !v.starts_with("C."))
    }
}

/// The value of `--lang` on a command line, read before clap parses it (the help is built in
/// that language).
pub fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

/// A [`Said`] in `lang`: its English, or its text in the officer's language; for a sentence
/// that holds another (`said!(|l| "key", reason = said_in(&inner, l))`).
pub fn said_in<'a>(said: &'a Said, lang: &Lang) -> &'a str {
    if lang.is_english() {
        said.english()
    } else {
        said.text()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The messages and attributes a catalogue defines: `key`, `key.attr`.
    fn keys(lang: &Lang) -> BTreeSet<String> {
        let source = catalogue_source(lang).unwrap();
        let mut keys = BTreeSet::new();
        let mut current = String::new();
        for line in source.lines() {
            let first = line.chars().next();
            if first.is_some_and(|c| c.is_ascii_alphabetic())
                && let Some((key, _)) = line.split_once(" =")
            {
                current = key.trim().to_owned();
                keys.insert(current.clone());
            } else if let Some(attr) = line.trim_start().strip_prefix('.')
                && line.starts_with(' ')
                && let Some((name, _)) = attr.split_once(" =")
            {
                keys.insert(format!("{current}.{}", name.trim()));
            }
        }
        keys
    }

    #[test]
    fn the_typed_word_table_says_what_the_catalogues_say() {
        let langs = available();
        assert_eq!(
            built::WORDS
                .iter()
                .map(|(code, _)| *code)
                .collect::<Vec<_>>(),
            langs.iter().map(Lang::code).collect::<Vec<_>>()
        );
        for (lang, (_, table)) in langs.iter().zip(built::WORDS) {
            let whole = loader_for(lang);
            let own = keys(lang);
            let word_keys: Vec<&String> = own
                .iter()
                .filter(|k| k.starts_with("word-") && !k.contains('.'))
                .collect();
            assert!(word_keys.len() > 100, "{lang}: {}", word_keys.len());
            assert_eq!(
                table.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
                word_keys.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
                "{lang}: the table has the catalogue's word messages, sorted"
            );
            for (key, folded) in table.iter() {
                let mut words = vec![whole.get(key)];
                if own.contains(&format!("{key}.also")) {
                    words.extend(whole.get_attr(key, "also").split(',').map(str::to_owned));
                }
                let words: Vec<String> = words
                    .iter()
                    .map(|w| fold_word(w))
                    .filter(|w| !w.is_empty())
                    .collect();
                assert_eq!(*folded, words.as_slice(), "{lang}: {key}");
            }
        }
        assert!(!built::WORDS[0].1.iter().any(|(k, _)| *k == "help-usage"));
    }

    #[test]
    fn the_help_texts_and_the_rest_read_as_the_whole_catalogue() {
        for lang in available() {
            let whole = loader_for(&lang);
            let (rest, help) = (load(&MESSAGES, &lang), load(&HELP_TEXTS, &lang));
            let own = keys(&lang);
            assert!(own.len() > 300, "{lang}: {}", own.len());
            for key in &own {
                let (message, attr) = match key.split_once('.') {
                    Some((message, attr)) => (message, Some(attr)),
                    None => (key.as_str(), None),
                };
                let is_help = message.starts_with("cmd-") || message.starts_with("arg-");
                let (part, other) = if is_help {
                    (&help, &rest)
                } else {
                    (&rest, &help)
                };
                assert!(!other.has(message), "{lang}: {key} is in one part only");
                let (cut, full) = match attr {
                    Some(attr) => (part.get_attr(message, attr), whole.get_attr(message, attr)),
                    None => (part.get(message), whole.get(message)),
                };
                assert_eq!(cut, full, "{lang}: {key}");
            }
        }
    }

    #[test]
    fn every_catalogue_parses_and_has_every_message_of_every_other() {
        let english = keys(&Lang::english());
        assert!(english.len() > 300, "{}", english.len());
        for lang in available() {
            let loader: FluentLanguageLoader = fluent_language_loader!();
            loader
                .load_languages(&Localizations, std::slice::from_ref(&lang.0))
                .unwrap_or_else(|e| panic!("{lang}: {e}"));
            if lang.is_english() {
                continue;
            }
            // A country's name is the translator's to give (the library has English and
            // French names), and so are the other words typed for a word (`.also`); every other
            // message and attribute is in every language.
            let optional = |k: &String| k.starts_with("country-") || k.ends_with(".also");
            let english: BTreeSet<String> =
                english.iter().filter(|k| !optional(k)).cloned().collect();
            let own: BTreeSet<String> = keys(&lang).into_iter().filter(|k| !optional(k)).collect();
            let only_english: Vec<&String> = english.difference(&own).collect();
            let only_here: Vec<&String> = own.difference(&english).collect();
            assert!(only_english.is_empty(), "{lang} lacks {only_english:?}");
            assert!(
                only_here.is_empty(),
                "{lang} has, English lacks, {only_here:?}"
            );
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_every_language_and_no_help_is_stale() {
        use clap::CommandFactory as _;
        let mut wanted: BTreeSet<String> = help::entries(&crate::cli::Cli::command())
            .into_iter()
            .map(|e| e.key)
            .collect();
        wanted.extend(["cmd-help", "arg-help", "arg-version"].map(str::to_owned));
        for lang in available() {
            let have = keys(&lang);
            let missing: Vec<&String> = wanted.difference(&have).collect();
            assert!(missing.is_empty(), "{lang}: no help for {missing:?}");
            let stale: Vec<&String> = have
                .iter()
                .filter(|k| (k.starts_with("cmd-") || k.starts_with("arg-")) && !k.contains('.'))
                .filter(|k| !wanted.contains(*k))
                .collect();
            assert!(stale.is_empty(), "{lang}: help for nothing: {stale:?}");
        }
    }

    #[test]
    fn every_word_of_every_vocabulary_has_its_message() {
        use crate::vocab::*;
        let english = keys(&Lang::english());
        let mut words: Vec<String> = Vec::new();
        macro_rules! all {
            ($($t:ty),+) => {
                $(words.extend(<$t>::NAMES.iter().map(|w| format!("word-{}-{w}", <$t>::KEY)));)+
            };
        }
        all!(
            Event,
            ItemKind,
            SerialStatus,
            MarkEvent,
            Legibility,
            TraceOutcome,
            Priority,
            AckStatus,
            PhotoChoice,
            OutboxState,
            CustodyAction,
            PhotoView,
            Direction,
            InboxStatus,
            AmmunitionType,
            ComponentType
        );
        words.extend(
            crate::refdata::schema::WEAPON_TYPES
                .iter()
                .map(|t| format!("word-type-{t}")),
        );
        words.extend(
            crate::refdata::schema::MARKING_KINDS
                .iter()
                .map(|k| format!("word-mark-kind-{k}")),
        );
        let missing: Vec<&String> = words.iter().filter(|w| !english.contains(*w)).collect();
        assert!(missing.is_empty(), "no word for {missing:?}");
    }

    #[test]
    fn words_are_read_in_every_language() {
        use crate::vocab::*;
        assert_eq!("saisi".parse::<Event>(), Ok(Event::Seized));
        assert_eq!("Saisies".parse::<Event>(), Ok(Event::Seized));
        assert_eq!("remise volontaire".parse::<Event>(), Ok(Event::Surrendered));
        assert_eq!("urgente".parse::<Priority>(), Ok(Priority::Urgent));
        assert_eq!("tracée".parse::<TraceOutcome>(), Ok(TraceOutcome::Traced));
        assert_eq!(
            "non tracée".parse::<TraceOutcome>(),
            Ok(TraceOutcome::NotTraced)
        );
        assert_eq!(
            "transférée".parse::<CustodyAction>(),
            Ok(CustodyAction::Transferred)
        );
        assert_eq!("marquages".parse::<PhotoView>(), Ok(PhotoView::Markings));
        assert_eq!(
            find_word("type", "pistolet", crate::refdata::schema::WEAPON_TYPES),
            Some("self-loading-pistol")
        );
        assert!("égarée".parse::<Event>().is_err());
    }

    /// Strings for people are written through the catalogue: a literal sentence handed to the
    /// output in the command layer is a string that escaped it.
    #[test]
    fn no_sentence_for_people_is_written_outside_the_catalogue() {
        let pattern = regex::Regex::new(
            r#"(\.line|\.heading|\.warn|\.hint|usage|failure)\(\s*&?\s*(format!\(\s*)?"[A-Za-z][a-z]+ [a-z]"#,
        )
        .unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        for file in CHECKED_FILES {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                if pattern.is_match(line) {
                    found.push(format!("src/{file}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "outside the catalogue:\n{}",
            found.join("\n")
        );
    }

    /// The files whose every message is in the catalogue (see docs/translating.md for the rest).
    const CHECKED_FILES: &[&str] = &[
        "app.rs",
        "context.rs",
        "error.rs",
        "ui.rs",
        "ui/prompt.rs",
        "ui/readings.rs",
        "commands/custody.rs",
        "commands/decode.rs",
        "commands/identify.rs",
        "commands/init.rs",
        "commands/item.rs",
        "commands/trace.rs",
        "commands/report.rs",
        "commands/keys.rs",
        "commands/reference.rs",
        "commands/packet.rs",
        "commands/import.rs",
        "import/mod.rs",
        "import/map.rs",
        "import/reader.rs",
        "photo/mod.rs",
        "qr/mod.rs",
        "qr/fountain.rs",
        "qr/frames.rs",
        "qr/payload.rs",
        "trace/anchor.rs",
        "register/custody.rs",
        "commands/sync.rs",
        "commands/hub.rs",
        "sync/attach.rs",
        "sync/destination.rs",
        "sync/release.rs",
        "sync/respond.rs",
        "sync/verify.rs",
        "hub/client.rs",
        "hub/enroll.rs",
        "hub/server.rs",
    ];

    #[test]
    fn languages_are_the_catalogue_folders_and_locales_map_to_them() {
        let codes = available_codes();
        assert_eq!(codes[0], "en");
        assert!(codes.contains(&"fr".to_owned()), "{codes:?}");
        for locale in ["fr", "fr_FR.UTF-8", "fr-CA", "FR", "fr_ML@euro"] {
            assert_eq!(Lang::find(locale).map(|l| l.to_string()), Some("fr".into()));
        }
        assert_eq!(Lang::find("en_US.UTF-8"), Some(Lang::english()));
        assert_eq!(Lang::find("xx"), None);
        assert_eq!(
            Lang::choose(Some("de")).unwrap_err().to_string(),
            format!(
                "no messages in 'de': the languages are {}",
                codes.join(", ")
            )
        );
    }

    #[test]
    fn the_lang_flag_is_read_before_clap() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["ft", "--lang", "fr", "x"])),
            Some("fr".into())
        );
        assert_eq!(
            lang_flag(&args(&["ft", "decode", "--lang=fr"])),
            Some("fr".into())
        );
        assert_eq!(lang_flag(&args(&["ft", "decode", "--", "--lang"])), None);
    }

    #[test]
    fn french_has_no_isolation_marks_and_english_stays_english() {
        let fr = loader_for(&Lang::find("fr").unwrap());
        let text = i18n_embed_fl::fl!(fr, "readings", count = 2);
        assert!(!text.contains('\u{2068}'), "{text:?}");
        assert_eq!(text, "2 lectures");
        assert_eq!(i18n_embed_fl::fl!(fr, "readings", count = 1), "1 lecture");
        assert_eq!(
            i18n_embed_fl::fl!(english(), "readings", count = 1),
            "1 reading"
        );
    }
}
