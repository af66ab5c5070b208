//! A francophone officer at the station's inputs and checks: a seizure log imported with its
//! rejected rows and notes, photos refused, a custody chain tampered with, QR parts that are not
//! a packet, and the command line's rarer mistakes, every word in French; the reason codes, the
//! rejects file's columns and `--json` the same in every language.

use std::collections::BTreeSet;

use fieldtrace::photo::synth;
use serde_json::Value;

use crate::common::TestEnv;
use crate::french::{assert_french, english_phrases, fr};

const HEADER: &str = "record_id,date,event,location,lat,lon,kind,type,make,model,calibre,serial,markings,country,year,quantity,headstamp,lot,condition,photos,unit,officer,notes";

fn example(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A log of one good row and one bad row of each kind, with its photos folder.
fn bad_log(env: &TestEnv) -> (String, String) {
    let photos = env.home.path().join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    std::fs::write(photos.join("cut.jpg"), &synth::jpeg(200, 150)[..600]).unwrap();
    std::fs::write(photos.join("text.jpg"), "not an image").unwrap();
    let rows = [
        "A1,2026-03-14,saisie,Gao,,,arme,,,,,,,,,,,,,,,,", // 2: imported
        "A2,2026-03-14,taken,Gao,,,weapon,,,,,,,,,,,,,,,,", // 3
        "A1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,", // 4
        "P1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,cut.jpg,,,", // 5
        "P2,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,text.jpg,,,", // 6
        "P3,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,none.jpg,,,", // 7
        "P4,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,/etc/passwd,,,", // 8
        "P5,,seized,Gao,,,weapon,,,,,,,,,,,,,,,,",         // 9
        ",2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,", // 10
        "S1,2026-03-14",                                   // 11
        "D1,2026-02-30,seized,Gao,95,,weapon,,,,,,,,,,,,,,,,", // 12
    ];
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    (
        env.write("saisies.csv", &text),
        photos.to_string_lossy().into_owned(),
    )
}

const CODES: [&str; 10] = [
    "invalid-value",
    "repeated-record-id",
    "photo-corrupt",
    "photo-not-an-image",
    "photo-not-found",
    "photo-outside-folder",
    "no-date",
    "no-record-id",
    "wrong-width",
    "invalid-value",
];

#[test]
fn a_french_officer_imports_a_log_and_reads_every_reason_in_french() {
    let phrases = english_phrases();
    let env = TestEnv::new();
    env.init();

    // The bundled example: the summary and the notes EXIF made, in French.
    let out = fr(
        &env,
        &[
            "import",
            &example("seizure-log.csv"),
            "--photos",
            &example("photos"),
        ],
        0,
    );
    assert_french("import example", &out, &phrases);
    assert!(
        out.contains(": 6 lignes ; 6 importées, 0 déjà importée, 0 rejetée ; 6 photos"),
        "{out}"
    );
    assert!(out.contains("tirée de l'EXIF de la photo"), "{out}");
    assert!(out.contains("celle de la ligne est gardée"), "{out}");
    // The item's notes keep the English: the register reads the same whatever the terminal's
    // language was.
    let notes = env.json(&["item", "show", "1"], 0)["fields"]["notes"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        notes.contains("[import] position 16.27120, -0.04470 taken from the photo's EXIF"),
        "{notes}"
    );
    // Again: nothing twice, said in French.
    let again = fr(
        &env,
        &[
            "import",
            &example("seizure-log.csv"),
            "--photos",
            &example("photos"),
        ],
        0,
    );
    assert!(again.contains("0 importée, 6 déjà importées"), "{again}");

    // Bad rows: each reason in French, the rejects file with its stable codes.
    let (log, photos) = bad_log(&env);
    let out = fr(&env, &["import", &log, "--photos", &photos], 3);
    assert_french("import bad rows", &out, &phrases);
    for said in [
        ": 11 lignes ; 1 importée, 0 déjà importée, 10 rejetées ; 0 photo",
        "ligne 3 (A2) : event : « taken » n'est pas parmi",
        "ligne 4 (A1) : record_id : « A1 » figure deux fois dans ce journal (d'abord à la ligne 2)",
        "« cut.jpg » : l'image ne se décode pas (tronquée ou corrompue) : le JPEG s'arrête avant son marqueur de fin d'image",
        "« text.jpg » : ce n'est pas une image JPEG ni PNG",
        "« none.jpg » n'est pas dans le dossier des photos",
        "« /etc/passwd » est un chemin absolu",
        "ligne 9 (P5) : date : obligatoire (aucune photo ne porte non plus de date EXIF)",
        "ligne 10 (sans identifiant) : record_id : obligatoire",
        "ligne 11 (sans identifiant) : (ligne entière) : 2 champs alors que l'en-tête en a 23",
        "ligne 12 (D1) : date : « 2026-02-30 » n'est pas une date (AAAA-MM-JJ, éventuellement avec une heure, ou JJ/MM/AAAA)",
        "Lignes rejetées, telles quelles, avec leur raison (colonnes reason_code et reason) :",
    ] {
        assert!(out.contains(said), "missing «{said}» in:\n{out}");
    }
    let rejects = std::fs::read_to_string(env.home.path().join("saisies.rejects.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(rejects.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header.join(","), format!("{HEADER},reason_code,reason"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let codes: Vec<&str> = records
        .iter()
        .map(|r| r.get(r.len() - 2).unwrap())
        .collect();
    assert_eq!(codes, CODES, "{rejects}");
    // The reason column is the officer's to read (the codes are the same in every language).
    let reasons: Vec<&str> = records
        .iter()
        .map(|r| r.get(r.len() - 1).unwrap())
        .collect();
    assert_french("rejects file", &reasons.join("\n"), &phrases);
    assert!(
        rejects.contains("ligne 6 : photos : « text.jpg » : ce n'est pas une image JPEG ni PNG"),
        "{rejects}"
    );

    // --strict and --dry-run, in French.
    let out = fr(
        &env,
        &["import", &log, "--photos", &photos, "--strict", "--dry-run"],
        3,
    );
    assert_french("import --strict --dry-run", &out, &phrases);
    assert!(
        out.contains("0 serait importée, 1 déjà importée, 10 rejetées"),
        "{out}"
    );
    assert!(
        out.contains("--strict : rien n'a été importé, car des lignes ont été rejetées"),
        "{out}"
    );

    // --json: the same report as in English, codes and English reasons.
    let json = |lang: &str| -> Value {
        let out = env
            .cmd(&["import", &log, "--photos", &photos, "--dry-run", "--json"])
            .env("FIELDTRACE_LANG", lang)
            .assert()
            .code(3)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let (en, fr_json) = (json("en"), json("fr"));
    assert_eq!(
        en, fr_json,
        "import --json differs between English and French"
    );
    let json_codes: Vec<&str> = en["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(json_codes, CODES);
    assert!(
        en["rejects"][3]["reason"]
            .as_str()
            .unwrap()
            .ends_with("'text.jpg': not a JPEG or PNG image"),
        "{en}"
    );
}

#[test]
fn a_log_that_cannot_be_read_is_refused_in_french() {
    let phrases = english_phrases();
    let env = TestEnv::new();
    env.init();
    let text = format!("{HEADER}\nA1,2026-03-14,seized,Gao,,,weapon,,,,,,,,,,,,,,,,\n");
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "utf16.csv",
            utf16,
            "ce fichier est en UTF-16 ; enregistrez-le en UTF-8 (CSV UTF-8) ou convertissez-le : iconv -f UTF-16 -t UTF-8",
        ),
        (
            "vide.csv",
            Vec::new(),
            "le fichier est vide : un journal de saisie commence par une ligne d'en-tête",
        ),
        (
            "couleur.csv",
            b"record_id,date,event,couleur\nA,2026-03-14,seized,rouge\n".to_vec(),
            "l'en-tête : colonne inconnue 'couleur' : les colonnes du modèle sont record_id,date,",
        ),
        (
            "court.csv",
            b"record_id,event\nA,seized\n".to_vec(),
            "l'en-tête : colonne obligatoire manquante : date",
        ),
    ];
    for (name, bytes, said) in cases {
        let path = env.write_bytes(name, &bytes);
        let out = fr(&env, &["import", &path], 2);
        assert_french(name, &out, &phrases);
        assert!(out.contains(said), "{name}: missing «{said}» in:\n{out}");
    }
    let path = env.write("un.csv", &text);
    let out = fr(&env, &["import", &path, "--photos", "/nowhere/at/all"], 2);
    assert_french("--photos", &out, &phrases);
    assert!(
        out.contains("--photos /nowhere/at/all : ce n'est pas un dossier"),
        "{out}"
    );
    assert_eq!(env.json(&["item", "list"], 0).as_array().unwrap().len(), 0);
}

#[test]
fn photo_errors_and_exif_notes_are_french_and_the_register_keeps_the_english() {
    let phrases = english_phrases();
    let env = TestEnv::new();
    env.init();
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "texte.jpg",
            b"hello, world".to_vec(),
            "ce n'est pas une image JPEG ni PNG",
        ),
        (
            "coupee.jpg",
            synth::jpeg(300, 200)[..900].to_vec(),
            "l'image ne se décode pas (tronquée ou corrompue) : le JPEG s'arrête avant son marqueur de fin d'image (fichier tronqué)",
        ),
        (
            "bombe.png",
            synth::png_header_only(40_000, 40_000),
            "40000 × 40000 pixels : au-delà de la limite (12000 par côté, 100000000 au total)",
        ),
    ];
    for (name, bytes, said) in cases {
        let path = env.write_bytes(name, &bytes);
        let out = fr(&env, &["item", "photo", "1", &path], 2);
        assert_french(name, &out, &phrases);
        assert!(out.contains(said), "{name}: missing «{said}» in:\n{out}");
        assert!(out.contains("erreur : photo "), "{out}");
    }
    // EXIF from the future and off the globe: dropped, and said in French.
    let path = env.write_bytes(
        "futur.jpg",
        &synth::jpeg_with_exif("2031:01:01 00:00:00", 95.0, 7.0),
    );
    let out = fr(&env, &["item", "photo", "1", &path], 0);
    assert_french("photo EXIF", &out, &phrases);
    assert!(
        out.contains("date EXIF 2031-01-01 00:00:00 dans le futur : ignorée"),
        "{out}"
    );
    assert!(out.contains("GPS de l'EXIF ignoré : GPSLatitude"), "{out}");
    assert!(out.contains("est hors limites"), "{out}");
    let stored: String = env
        .db()
        .query_row("SELECT exif_notes FROM photos", [], |r| r.get(0))
        .unwrap();
    assert!(
        stored.contains("EXIF date 2031-01-01 00:00:00 is in the future: ignored"),
        "{stored}"
    );
    assert!(stored.contains("EXIF GPS ignored: GPSLatitude"), "{stored}");
}

#[test]
fn custody_verify_names_every_problem_in_french() {
    let phrases = english_phrases();
    let env = TestEnv::new();
    env.init();
    for _ in 0..2 {
        env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    }
    for (item, action) in [
        ("1", "seized"),
        ("2", "seized"),
        ("1", "stored"),
        ("2", "examined"),
    ] {
        env.run(&["custody", item, "--action", action], 0);
    }
    let db = env.db();
    db.execute("UPDATE custody SET place = 'Étagère 9' WHERE id = 1", [])
        .unwrap();
    db.execute("DELETE FROM custody WHERE id = 2", []).unwrap();
    db.execute("DELETE FROM custody WHERE id = 4", []).unwrap();
    let out = fr(&env, &["custody", "verify"], 4);
    assert_french("custody verify", &out, &phrases);
    for said in [
        "Chaîne de traçabilité ALTÉRÉE : 3 problème(s) sur 2 événements",
        "  modifié : l'événement n° 1 (saisie, objet ",
        ", le 2026-11-25T12:00:00Z) a été modifié : son contenu ne correspond plus à son empreinte",
        "  supprimé : l'événement qui précède n° 3 (entreposée, objet ",
        ") manque : il suit un événement qui n'est plus dans le journal",
        "  supprimé : les derniers événements du journal ont été supprimés : des numéros ont été attribués jusqu'au n° 4, le n° 3 est le dernier qui reste",
    ] {
        assert!(out.contains(said), "missing «{said}» in:\n{out}");
    }
    // --json: the kinds are codes and the messages English, whatever the language.
    let json = |lang: &str| -> Value {
        let out = env
            .cmd(&["custody", "verify", "--json"])
            .env("FIELDTRACE_LANG", lang)
            .assert()
            .code(4)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let en = json("en");
    assert_eq!(en, json("fr"));
    let kinds: BTreeSet<&str> = en["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, BTreeSet::from(["edited", "deleted"]));
    assert!(
        en["problems"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("event #1 (seized of item "),
        "{en}"
    );
}

#[test]
fn qr_parts_that_never_make_a_packet_are_refused_in_french() {
    let env = TestEnv::new();
    let parts = "ur:fieldtrace-packet/abc\n".repeat(20_001);
    let path = env.write("parties.txt", &parts);
    let out = fr(
        &env,
        &["packet", "assemble", "--ur", &path, "-o", "x.ftpkt"],
        2,
    );
    assert!(
        out.contains("erreur : plus de 20000 parties lues sans que le message soit complet"),
        "{out}"
    );
}

#[test]
fn the_command_lines_rarer_mistakes_are_french() {
    let phrases = english_phrases();
    let env = TestEnv::new();
    let home = env.home.path().to_string_lossy().into_owned();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--home", &home, "decode", "x"],
            "erreur : « --home <DIR> » ne peut être donné qu'une fois",
        ),
        (
            &["identify", "--type"],
            "erreur : « --type <TYPE> » demande une valeur, et aucune n'a été donnée",
        ),
        (
            &["custody", "1", "--action", "seized", "verify"],
            "erreur : la commande « verify » ne peut pas être utilisée avec",
        ),
        (&["trac"], "conseil : vouliez-vous dire « trace » ?"),
    ];
    for (args, said) in cases {
        let out = fr(&env, args, 2);
        assert_french(&args.join(" "), &out, &phrases);
        assert!(out.contains(said), "{args:?}: missing «{said}» in:\n{out}");
        assert!(
            out.contains("conseil : pour plus d'informations, essayez « --help »"),
            "{out}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let out = env
            .cmd(&["decode"])
            .arg(std::ffi::OsStr::from_bytes(b"\xff"))
            .env("FIELDTRACE_LANG", "fr")
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let out = String::from_utf8_lossy(&out);
        assert_french("invalid UTF-8", &out, &phrases);
        assert!(
            out.contains("erreur : un argument n'est pas du texte UTF-8 valide"),
            "{out}"
        );
    }
}

#[test]
fn a_chain_cut_is_named_in_french_against_the_checkpoint_and_the_packets() {
    let phrases = english_phrases();
    let peers = crate::custody_chain::anchored();
    let env = &peers.station;
    let db = env.db();
    crate::custody_chain::cut_the_last_event(&db);
    drop(db);
    let out = fr(env, &["custody", "verify"], 4);
    assert_french("custody verify (checkpoint)", &out, &phrases);
    for said in [
        "  tronqué : le point de contrôle du ",
        " comptait 3 événements de traçabilité, le registre en contient 2 : des événements ont été supprimés",
        "  tronqué : objet n° 1 : le point de contrôle du ",
        " portait 3 événements de traçabilité, le registre en contient 2 : des événements ont été supprimés",
    ] {
        assert!(out.contains(said), "missing «{said}» in:\n{out}");
    }
    std::fs::remove_file(env.home.path().join("custody-checkpoint.json")).unwrap();
    let out = fr(env, &["custody", "verify", "--against", "inbox"], 4);
    assert_french("custody verify --against", &out, &phrases);
    for said in [
        "  point de contrôle : custody-checkpoint.json manque alors que 1 demande a été exportée : il a été supprimé",
        ".ftpkt portait 3 événements de traçabilité, le registre en contient 2",
    ] {
        assert!(out.contains(said), "missing «{said}» in:\n{out}");
    }
}
