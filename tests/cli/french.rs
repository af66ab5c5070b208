//! A francophone officer's day: every question, heading, reason, warning, error and hint in
//! French, French words typed wherever a person types words, and machine output (`--json`,
//! CSV) the same in every language.

use std::collections::BTreeSet;

use fieldtrace::photo::synth;
use serde_json::Value;

use crate::common::TestEnv;
use crate::tracing::Peers;

/// Runs in French (through `FIELDTRACE_LANG`, as a station configured once would), expects
/// `code`, returns stdout and stderr together.
pub(crate) fn fr(env: &TestEnv, args: &[&str], code: i32) -> String {
    let out = env
        .cmd(args)
        .env("FIELDTRACE_LANG", "fr")
        .assert()
        .code(code)
        .get_output()
        .clone();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The English of the catalogue: every run of three words or more between its placeables, as
/// it would show if a French message fell back to English or a string escaped the catalogue.
pub(crate) fn english_phrases() -> BTreeSet<String> {
    let en = fieldtrace::i18n::catalogue_source(&fieldtrace::i18n::Lang::english()).unwrap();
    let mut phrases = BTreeSet::new();
    for line in en.lines() {
        let Some((key, text)) = line.split_once(" = ") else {
            continue;
        };
        // Words (the vocabularies) are often the same in both languages; help is tested on
        // its own.
        if key.starts_with("word-") || key.starts_with("cmd-") || key.starts_with("arg-") {
            continue;
        }
        let mut rest = text;
        while !rest.is_empty() {
            let (literal, after) = match rest.find('{') {
                Some(at) => (&rest[..at], &rest[at..]),
                None => (rest, ""),
            };
            let words: Vec<&str> = literal
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() >= 3 {
                phrases.insert(words.join(" "));
            }
            rest = after.find('}').map_or("", |end| &after[end + 1..]);
        }
    }
    phrases
}

/// English words an officer must not meet in French output: the ones that would betray a
/// string outside the catalogue.
const ENGLISH_WORDS: &[&str] = &[
    "warning:",
    "error:",
    "hint:",
    "Candidates",
    "best first",
    "Still uncertain",
    "Photos to take",
    "Added item",
    "recorded as custody",
    "For a trace",
    "Before signing",
    "Trace request",
    "Signed trace",
    "Manifest ",
    " matches",
    "not recorded",
    "Station '",
    "Usage:",
    "Print help",
];

pub(crate) fn assert_french(step: &str, text: &str, phrases: &BTreeSet<String>) {
    let flat = |s: &str| {
        s.split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let said = flat(text);
    for phrase in phrases {
        assert!(
            !said.contains(phrase.as_str()),
            "{step}: English '{phrase}' in:\n{text}"
        );
    }
    for word in ENGLISH_WORDS {
        assert!(!text.contains(word), "{step}: English '{word}' in:\n{text}");
    }
}

#[test]
fn a_french_officer_records_identifies_and_traces_without_meeting_english() {
    let phrases = english_phrases();
    assert!(phrases.len() > 100, "{}", phrases.len());
    let peers = Peers::one_way();
    let env = &peers.station;
    let check = |step: &str, text: String| {
        assert_french(step, &text, &phrases);
        text
    };

    // The station again, in French: the refusal and its hint.
    let out = check(
        "init",
        fr(
            env,
            &[
                "init",
                "--name",
                "Poste 4",
                "--unit",
                "Douanes",
                "--officer",
                "B. Coulibaly",
            ],
            2,
        ),
    );
    assert!(
        out.contains("erreur : ce poste est déjà « Post 3 »"),
        "{out}"
    );
    assert!(out.contains("conseil : passez --force"), "{out}");

    // Identification from French words.
    let out = check(
        "identify",
        fr(
            env,
            &[
                "identify",
                "--type",
                "fusil d'assaut",
                "--calibre",
                "7,62 x 39",
                "--marking",
                "66 dans un triangle",
                "--feature",
                "crosse=repliable sous la boîte",
            ],
            0,
        ),
    );
    assert!(out.contains("Candidats, du meilleur au moins bon"), "{out}");
    assert!(out.contains("+ type fusil d'assaut : concorde"), "{out}");
    assert!(out.contains("Photos à prendre"), "{out}");
    assert!(
        out.contains("— Chine"),
        "the country stays in French: {out}"
    );

    // An item, typed in French: event, kind, type, serial place, date as written in Mali.
    let out = check(
        "item add",
        fr(
            env,
            &[
                "item",
                "add",
                "--event",
                "saisie",
                "--kind",
                "arme",
                "--type",
                "fusil d'assaut",
                "--date",
                "14/03/2026",
                "--calibre",
                "7.62x39",
                "--serial",
                "5601234",
                "--serial-status",
                "présent",
                "--serial-location",
                "boîte de culasse",
                "--marking",
                "66 dans un triangle",
                "--location",
                "Poste de Gao",
            ],
            0,
        ),
    );
    assert!(out.contains("Objet 1 ajouté"), "{out}");
    assert!(
        out.contains("avertissement : aucune photo des marquages"),
        "{out}"
    );
    assert!(
        !out.contains("l'endroit où le numéro de série a été lu"),
        "'boîte de culasse' is the receiver: {out}"
    );
    env.run(
        &[
            "item",
            "mark",
            "1",
            "aucun vu",
            "--event",
            "importation",
            "--part",
            "carcasse",
        ],
        0,
    );

    let photo = env.write_bytes(
        "marquages.jpg",
        &synth::jpeg_with_exif("2026:03:14 09:26:53", 16.27, -0.04),
    );
    let out = check(
        "item photo",
        fr(
            env,
            &["item", "photo", "1", &photo, "--view", "marquages"],
            0,
        ),
    );
    assert!(out.contains("ajoutée sous"), "{out}");

    let out = check(
        "custody",
        fr(
            env,
            &[
                "custody",
                "1",
                "--action",
                "transférée",
                "--to",
                "Magasin central",
            ],
            0,
        ),
    );
    assert!(out.contains("Objet 1 : transférée"), "{out}");
    let out = check("custody log", fr(env, &["custody", "log", "1"], 0));
    assert!(out.contains("transférée par A. Traoré"), "{out}");
    assert!(out.contains("remis à Magasin central"), "{out}");

    let out = check("item show", fr(env, &["item", "show", "1"], 0));
    assert!(out.contains("événement:"), "{out}");
    assert!(out.contains("saisie"), "{out}");
    assert!(out.contains("Chaîne de traçabilité"), "{out}");

    let out = check(
        "trace new",
        fr(
            env,
            &[
                "trace",
                "new",
                "1",
                "--to",
                "ML NPC",
                "--illicit-basis",
                "détention sans autorisation",
                "--legal-basis",
                "Loi n° 04-050",
                "--intended-use",
                "procédure pénale",
                "--priority",
                "urgente",
                "--justification",
                "enquête en cours",
                "--confidentiality",
                "usage des services répressifs uniquement",
            ],
            0,
        ),
    );
    assert!(
        out.contains("Demande de traçage 1 pour « ML NPC »"),
        "{out}"
    );
    let request = env.json(&["trace", "show", "1"], 0);
    assert_eq!(
        request["body"]["prio"], "urgent",
        "the id is stored: {request}"
    );

    let out = check("trace export", fr(env, &["trace", "export", "1"], 0));
    assert!(out.contains("signée dans"), "{out}");
    assert!(out.contains("Manifeste de"), "{out}");

    // An error with its hint.
    let out = check("unknown item", fr(env, &["item", "show", "99"], 2));
    assert!(out.contains("erreur :"), "{out}");
    assert!(out.contains("conseil : `fieldtrace item list`"), "{out}");

    // A French word that is no word of the vocabulary is refused in French, naming the words.
    let out = check(
        "bad event",
        fr(env, &["item", "list", "--event", "égarée"], 2),
    );
    assert!(
        out.contains("« égarée » n'est pas parmi : saisie, découverte"),
        "{out}"
    );

    // The CSV export has the same columns in every language.
    let (csv_en, _) = env.run(&["export", "csv"], 0);
    let csv_fr = fr(env, &["export", "csv"], 0);
    assert_eq!(
        csv_en.lines().next(),
        csv_fr.lines().next(),
        "CSV columns depend on the language"
    );
}

#[test]
fn machine_output_is_the_same_in_every_language() {
    let env = TestEnv::new();
    let args = [
        "identify",
        "--type",
        "assault-rifle",
        "--calibre",
        "7.62x39",
        "--marking",
        "66 in a triangle",
        "--country",
        "CN",
        "--json",
    ];
    let (en, _) = env.run(&args, 0);
    let fr_out = env
        .cmd(&args)
        .arg("--lang")
        .arg("fr")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let en: Value = serde_json::from_str(&en).unwrap();
    let fr_json: Value = serde_json::from_slice(&fr_out).unwrap();
    assert_eq!(en, fr_json, "--json differs between English and French");
    assert!(
        en["candidates"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "+ type assault-rifle matches"),
        "{en}"
    );
}

#[test]
fn the_language_comes_from_the_flag_the_environment_or_the_locale() {
    let env = TestEnv::new();
    let decode = |cmd: &mut assert_cmd::Command| {
        let out = cmd.assert().code(0).get_output().stdout.clone();
        String::from_utf8(out).unwrap()
    };
    let mut locale = env.cmd(&["decode", "56式"]);
    locale.env("LANG", "fr_FR.UTF-8");
    assert!(decode(&mut locale).contains("lectures"), "LANG=fr_FR");
    let mut both = env.cmd(&["decode", "56式"]);
    both.env("LC_ALL", "fr_ML.UTF-8")
        .env("FIELDTRACE_LANG", "en");
    assert!(
        decode(&mut both).contains("readings"),
        "FIELDTRACE_LANG wins"
    );
    let mut flag = env.cmd(&["--lang", "fr", "decode", "56式"]);
    flag.env("FIELDTRACE_LANG", "en");
    let out = decode(&mut flag);
    assert!(out.contains("lectures"), "--lang wins: {out}");
    // Chinese marks keep their country in French (`Chine` is not named by `Chinese`).
    assert!(out.contains("— Chine [élevée] cn-wu-liu-shi"), "{out}");
    let mut unknown = env.cmd(&["decode", "56式"]);
    unknown.env("LANG", "de_DE.UTF-8");
    assert!(
        decode(&mut unknown).contains("readings"),
        "no German: English"
    );

    let (_, err) = env.run(&["--lang", "xx", "decode", "56式"], 2);
    assert!(
        err.contains("no messages in 'xx': the languages are en, fr"),
        "{err}"
    );
}

#[test]
fn help_is_french_for_every_command() {
    let phrases: BTreeSet<String> = ["Print help", "Usage:", "Print version", "[default:"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let env = TestEnv::new();
    for args in [
        vec!["--help"],
        vec!["item", "add", "--help"],
        vec!["trace", "new", "--help"],
        vec!["custody", "-h"],
        vec!["help", "identify"],
    ] {
        let out = fr(&env, &args, 0);
        for phrase in &phrases {
            assert!(
                !out.contains(phrase.as_str()),
                "{args:?}: '{phrase}' in:\n{out}"
            );
        }
        assert!(out.contains("Utilisation :"), "{args:?}:\n{out}");
    }
    // clap's own errors, in French too.
    let out = fr(
        &env,
        &["trace", "new", "1", "--to", "X", "--priority", "bof"],
        2,
    );
    assert!(
        out.contains("erreur : valeur « bof » invalide pour « --priority <PRIORITY> » : « bof » n'est pas parmi : normale, urgente"),
        "{out}"
    );
    assert!(out.contains("conseil : pour plus d'informations"), "{out}");
    let out = fr(&env, &["item", "ad"], 2);
    assert!(
        out.contains("conseil : vouliez-vous dire « add » ?"),
        "{out}"
    );
    let out = fr(&env, &["trace", "new", "--help"], 0);
    assert!(out.contains("[par défaut : routine]"), "{out}");
    assert!(out.contains("Établir une demande de traçage"), "{out}");
}

#[test]
fn french_snapshots() {
    let env = TestEnv::new();
    env.init();
    let answers = env.write(
        "reponses.toml",
        "type = \"fusil d'assaut\"\ncalibre = \"7.62x39\"\nmarkings = [\"66 dans un triangle\"]\nstock = \"je ne sais pas\"\n",
    );
    let wizard = fr(&env, &["identify", "--answers", &answers], 0);
    insta::assert_snapshot!("french_wizard", wizard);
    let identify = fr(
        &env,
        &[
            "identify",
            "--type",
            "pistolet",
            "--marking",
            "étoile",
            "--serial",
            "AB12?4",
        ],
        0,
    );
    insta::assert_snapshot!("french_identify", identify);
    let error = fr(&env, &["trace", "show", "7"], 2);
    insta::assert_snapshot!("french_error_with_hint", error);
}

/// What `decode` adds to a reading (why it is partial, how a typed word was read) is the
/// program's sentence, so it is French; the library's quoted notes stay as sourced, and
/// `--json` keeps the English.
#[test]
fn what_decode_says_of_a_reading_is_french_and_its_json_english() {
    let env = TestEnv::new();
    for (mark, french, english) in [
        (
            "66",
            "seulement si le code est placé dans un triangle : aucune forme n'a été indiquée",
            "only if the code sits in a triangle",
        ),
        (
            "1987",
            "un nombre seul : une année de ce fabricant seulement à côté de ses autres marquages",
            "a bare number",
        ),
        ("11 in triangel", "« triangel » lu « triangle »", "read as"),
        ("Izhmahs", "lu « Izhmash » (saisi « Izhmahs »)", "typed"),
    ] {
        let said = fr(&env, &["decode", mark], 0);
        assert!(said.contains(french), "{mark}: {said}");
        assert!(!said.contains(english), "{mark}: {said}");
        let json = fr(&env, &["decode", mark, "--json"], 0);
        assert!(json.contains(english), "{mark}: {json}");
        assert!(!json.contains(french), "{mark}: {json}");
    }
    // English says "an oval", not "a oval".
    let (said, _) = env.run(&["decode", "66"], 0);
    assert!(said.contains("only if the code sits in an oval"), "{said}");
}

/// A request that cannot be made as asked says why, and what to do, in French.
#[test]
fn a_request_to_an_unknown_or_revoked_peer_is_refused_in_french() {
    let peers = Peers::new();
    let station = &peers.station;
    let phrases = english_phrases();
    let item = peers.rifle(false).to_string();
    let unknown = fr(station, &["trace", "new", &item, "--to", "Interpol"], 2);
    assert!(
        unknown.contains("aucun correspondant de confiance nommé « Interpol »"),
        "{unknown}"
    );
    assert!(
        unknown.contains("`fieldtrace keys list` les affiche"),
        "{unknown}"
    );
    assert_french("trace new --to Interpol", &unknown, &phrases);
    station.run(&["keys", "revoke", "ML NPC"], 0);
    let revoked = fr(station, &["trace", "new", &item, "--to", "ML NPC"], 2);
    assert!(
        revoked.contains("la clé de « ML NPC » est révoquée : plus rien ne lui est envoyé"),
        "{revoked}"
    );
    assert_french("trace new to a revoked peer", &revoked, &phrases);
    let quarantined = fr(
        station,
        &["inbox", "release", "9", "--reason", "vérifié par le PCN"],
        2,
    );
    assert!(
        quarantined.contains("aucun paquet en quarantaine n° 9"),
        "{quarantined}"
    );
    assert_french("an unknown quarantined packet", &quarantined, &phrases);
}

/// A file of answers with a mistake is refused in French, naming the question.
#[test]
fn a_wrong_answers_file_is_refused_in_french() {
    let env = TestEnv::new();
    let phrases = english_phrases();
    for (text, said) in [
        (
            "stok = \"repliable\"\n",
            "« stok » : cette question n'existe pas ; vouliez-vous dire stock ?",
        ),
        (
            "stock = 3\n",
            "« stock » : une chaîne de caractères était attendue, trouvé : integer",
        ),
        (
            "markings = [1]\n",
            "« markings » : chaque marquage doit être une chaîne de caractères",
        ),
    ] {
        let answers = env.write("reponses.toml", text);
        let refused = fr(&env, &["identify", "--answers", &answers], 2);
        assert!(refused.contains(said), "{text}: {refused}");
        assert_french(text, &refused, &phrases);
    }
}

/// `ref stats` lines its counts up however long the language makes the labels.
#[test]
fn ref_stats_lines_up_its_french_counts() {
    let env = TestEnv::new();
    let said = fr(&env, &["ref", "stats"], 0);
    let ends: BTreeSet<usize> = said
        .lines()
        .skip(1)
        .filter(|line| line.trim_end().ends_with(|c: char| c.is_ascii_digit()))
        .filter(|line| !line.contains("sha256"))
        .map(|line| line.chars().count())
        .collect();
    assert_eq!(ends.len(), 1, "{said}");
    assert!(said.contains("profils de marquage"), "{said}");
}

/// `decode` lines its meanings up under the longest French kind ("désignation du modèle").
#[test]
fn decode_lines_up_meanings_under_long_french_kinds() {
    let env = TestEnv::new();
    let said = fr(&env, &["decode", "Norinco Type 56"], 0);
    let starts: BTreeSet<usize> = said
        .lines()
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.find(" '").map(|at| line[..at].chars().count()))
        .collect();
    assert!(said.contains("  fabricant "), "{said}");
    assert!(said.contains("  désignation du modèle "), "{said}");
    assert_eq!(starts.len(), 1, "{said}");
}
