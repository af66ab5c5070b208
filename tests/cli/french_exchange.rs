//! The exchange in French: `sync` to a folder and to a hub, `inbox`, `packet verify`, and the
//! NPC's `hub ...`, on good input and bad, with no English phrase of the catalogue on the
//! screen; what a program reads (reason codes, `--json`, hub API bodies) stays the same.

use std::path::Path;

use serde_json::Value;

use crate::common::TestEnv;
use crate::french::{assert_french, english_phrases, fr};
use crate::hub_loop::{Engine, serve, words};

/// The year the journeys report on.
const PERIOD: &str = "--from 2026-01-01 --to 2026-12-31";
use crate::tracing::Peers;

/// Checks a step's output has no English phrase of the catalogue, and returns it.
fn french_checker() -> impl Fn(&str, String) -> String {
    let phrases = english_phrases();
    move |step, text| {
        assert_french(step, &text, &phrases);
        text
    }
}

/// The one packet file in `dir`.
fn only_packet(dir: &Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ftpkt"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

#[test]
fn a_french_station_and_npc_exchange_by_folder_and_refusals_are_french() {
    let check = french_checker();
    // The NPC does not trust the station yet: its request is refused, then released.
    let peers = Peers::one_way();
    let (station, npc) = (&peers.station, &peers.npc);
    let item = peers.rifle(false);
    peers.request(item, &[]);
    station.json(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    let to = stick.path().to_str().unwrap();

    let out = check("sync station", fr(station, &["sync", "--to", to], 0));
    assert!(
        out.contains("1 paquet copié, 0 déjà présent, 0 en échec"),
        "{out}"
    );

    // The station checks its own packet: it is "this station" in French, in English in --json.
    let packet = only_packet(stick.path());
    let own = packet.to_str().unwrap();
    let out = check("verify own", fr(station, &["packet", "verify", own], 0));
    assert!(out.contains("VALIDE demande de traçage"), "{out}");
    assert!(out.contains("signé par « ce poste (Post 3) »"), "{out}");
    let verified = station.json(&["packet", "verify", own], 0);
    assert_eq!(
        verified["signer"]["name"], "this station (Post 3)",
        "{verified}"
    );

    // Scanned parts that are not enough, and one that is no part at all.
    let parts = station.write(
        "parties.txt",
        "ur:bytes/1-3/lpadaxcsencylobemohsgmoyadtaiaeaeaeaeaeae\npas une partie\n",
    );
    let out = check(
        "assemble",
        fr(
            station,
            &["packet", "assemble", "--ur", &parts, "--out", "x.ftpkt"],
            1,
        ),
    );
    assert!(
        out.contains("incomplet : 0 fragment sur 0 à partir de 2 parties"),
        "{out}"
    );

    // Bad input: a packet cut short, and a packet from a station not trusted.
    let bytes = std::fs::read(&packet).unwrap();
    let cut = npc.write_bytes("coupé.ftpkt", &bytes[..bytes.len() - 700]);
    let out = check("verify cut", fr(npc, &["packet", "verify", &cut], 4));
    assert!(out.contains("INVALIDE"), "{out}");
    assert!(
        out.contains(&format!(
            "truncated : le paquet fait {} octets, ce qui n'est pas un nombre entier de blocs tar",
            bytes.len() - 700
        )),
        "{out}"
    );
    let verified = npc.json(&["packet", "verify", &cut], 4);
    assert_eq!(verified["errors"][0]["code"], "truncated", "{verified}");
    assert!(
        verified["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not a whole number of tar blocks"),
        "--json keeps English: {verified}"
    );

    let out = check("sync npc", fr(npc, &["sync", "--to", to], 3));
    assert!(
        out.contains(" : unknown-key : la clé ")
            && out.contains("n'est pas dans la liste de confiance"),
        "the code stays, the sentence is French: {out}"
    );
    assert!(out.contains("1 en quarantaine"), "{out}");
    let out = check("import cut", fr(npc, &["inbox", "import", &cut], 3));
    assert!(out.contains("truncated"), "{out}");
    let out = check("inbox list", fr(npc, &["inbox", "list"], 0));
    assert!(out.contains("En quarantaine"), "{out}");
    assert!(out.contains("le paquet est tronqué"), "{out}");
    assert!(
        out.contains("la clé du signataire n'est pas dans la liste de confiance"),
        "{out}"
    );
    // The register keeps the English sentence, whatever the language of the day.
    let listed = npc.json(&["inbox", "list", "--quarantined"], 0);
    assert!(
        listed.to_string().contains("is not in the trust list"),
        "{listed}"
    );

    // Released without a reason, then still refused, then received once the key is trusted.
    let out = check(
        "release no reason",
        fr(npc, &["inbox", "release", "1", "--reason", " "], 2),
    );
    assert!(
        out.contains("dites ce qui a été corrigé ou décidé"),
        "{out}"
    );
    let out = check(
        "release refused",
        fr(npc, &["inbox", "release", "1", "--reason", "vérifié"], 3),
    );
    assert!(out.contains("est toujours refusé"), "{out}");
    assert!(
        out.contains("n'est pas dans la liste de confiance"),
        "{out}"
    );
    let (station_pub, _) = station.run(&["keys", "export"], 0);
    let station_pub = npc.write("poste.pub", &station_pub);
    npc.run(&["keys", "trust", &station_pub, "--name", "Post 3"], 0);
    let out = check(
        "release",
        fr(
            npc,
            &[
                "inbox",
                "release",
                "1",
                "--reason",
                "clé vérifiée par téléphone",
            ],
            0,
        ),
    );
    assert!(out.contains("enregistré  demande de traçage"), "{out}");
    let out = check(
        "release again",
        fr(npc, &["inbox", "release", "1", "--reason", "encore"], 2),
    );
    assert!(out.contains("a déjà été libéré"), "{out}");
    let photo = npc.write("photo.jpg", "pas une photo");
    let out = check("attach", fr(npc, &["inbox", "attach", "1", &photo], 2));
    assert!(out.contains("n'attend aucune pièce jointe"), "{out}");
    assert!(
        out.contains("conseil : `inbox list` montre les paquets qui attendent"),
        "{out}"
    );

    // The NPC answers; the answer goes back by the stick.
    check(
        "respond",
        fr(
            npc,
            &words("trace respond 1 --outcome tracée --note exportée"),
            0,
        ),
    );
    let out = check("npc sync back", fr(npc, &["sync", "--to", to], 0));
    assert!(out.contains("Synchronisation avec"), "{out}");
    let out = check("station sync back", fr(station, &["sync", "--to", to], 0));
    assert!(out.contains("enregistré"), "{out}");

    // A folder that is not there.
    let out = check(
        "no folder",
        fr(station, &["sync", "--to", "/nulle/part/clé-usb"], 2),
    );
    assert!(out.contains("n'est pas un dossier"), "{out}");
    assert!(out.contains("montez la clé USB"), "{out}");
}

/// The line `hub serve` prints for a person once it listens, in French.
fn first_line_of_serve(npc: &TestEnv) -> String {
    use std::io::BufRead as _;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldtrace"))
        .arg("--home")
        .arg(npc.home.path())
        .args(["hub", "serve", "--listen", "127.0.0.1:0"])
        .env("FIELDTRACE_LANG", "fr")
        .env("FIELDTRACE_NOW", crate::common::NOW)
        .env("NO_COLOR", "1")
        .env("FIELDTRACE_PASSPHRASE", crate::common::PASSPHRASE)
        .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
        .env_remove("FIELDTRACE_HOME")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let read = std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
    let _ = child.kill();
    let _ = child.wait();
    read.unwrap();
    line
}

/// `hub ARGS` in French on the NPC's SQLite store.
fn hub(npc: &TestEnv, args: &[&str], code: i32) -> String {
    let mut all = vec!["hub"];
    all.extend_from_slice(args);
    fr(npc, &all, code)
}

#[test]
fn a_french_npc_runs_the_hub_and_stations_sync_to_it_in_french() {
    let check = french_checker();
    let peers = Peers::one_way();
    let (station, npc) = (&peers.station, &peers.npc);
    let out = check("hub init", hub(npc, &["init"], 0));
    assert!(out.contains("Base du concentrateur prête"), "{out}");
    let out = check("hub stations empty", hub(npc, &["stations"], 0));
    assert!(out.contains("Aucun poste inscrit"), "{out}");
    let (station_pub, _) = station.run(&["keys", "export"], 0);
    let station_pub = npc.write("poste.pub", &station_pub);
    let out = check(
        "enroll without name",
        hub(npc, &["enroll", &station_pub], 2),
    );
    assert!(out.contains("un fichier .pub demande --name"), "{out}");
    assert!(
        out.contains("conseil : ou inscrivez la carte de clés"),
        "{out}"
    );
    let out = check(
        "enroll",
        hub(npc, &["enroll", &station_pub, "--name", "Post 3"], 0),
    );
    assert!(out.contains("Poste « Post 3 » inscrit"), "{out}");
    // A station the hub does not know, whose name is taken.
    let stranger = TestEnv::new();
    stranger.init();
    stranger.run(&["keys", "init", "--no-input"], 0);
    let (npc_pub, _) = npc.run(&["keys", "export"], 0);
    let npc_pub = stranger.write("pcn.pub", &npc_pub);
    stranger.run(&["keys", "trust", &npc_pub, "--name", "ML NPC"], 0);
    let (stranger_pub, _) = stranger.run(&["keys", "export"], 0);
    let stranger_pub = npc.write("inconnu.pub", &stranger_pub);
    let out = check(
        "name taken",
        hub(npc, &["enroll", &stranger_pub, "--name", "Post 3"], 2),
    );
    assert!(out.contains("« Post 3 » est déjà de confiance"), "{out}");
    let out = check("stations", hub(npc, &["stations"], 0));
    assert!(out.contains("inscrit le"), "{out}");
    let out = check("revoke unknown", hub(npc, &["revoke", "Poste 9"], 2));
    assert!(
        out.contains("aucun poste « Poste 9 » n'est inscrit"),
        "{out}"
    );

    let served = serve(npc, &Engine::Sqlite, &[]);
    let url = served.url();
    let item = peers.rifle(false);
    peers.request(item, &[]);
    station.json(&["trace", "export", "1"], 0);
    let out = check("sync hub", fr(station, &["sync", "--to", &url], 0));
    assert!(
        out.contains(&format!("Synchronisation avec {url}")),
        "{out}"
    );
    assert!(out.contains("2 paquets copiés"), "{out}");
    assert!(out.contains("enregistré  accusé de réception"), "{out}");

    // A request for another station: the hub refuses it with its code, said in French.
    let (stranger_key, _) = stranger.run(&["keys", "export"], 0);
    let stranger_key = station.write("autre.pub", &stranger_key);
    station.run(
        &["keys", "trust", &stranger_key, "--name", "Autre poste"],
        0,
    );
    peers.request(item, &["--to", "Autre poste"]);
    station.json(&["trace", "export", "2"], 0);
    let out = check("sync refused", fr(station, &["sync", "--to", &url], 3));
    assert!(
        out.contains("wrong-recipient : le paquet est adressé à un autre poste"),
        "{out}"
    );
    assert!(out.contains("1 en échec"), "{out}");
    let out = check("quarantine", hub(npc, &["quarantine"], 0));
    assert!(
        out.contains("wrong-recipient")
            && out.contains(" : le paquet est adressé à un autre poste"),
        "{out}"
    );
    let refused = npc.json(&["hub", "quarantine"], 0);
    assert_eq!(refused[0]["reason"], "wrong-recipient", "{refused}");
    assert!(
        refused[0]["detail"]
            .as_str()
            .unwrap()
            .contains("not this station"),
        "the hub keeps the English sentence: {refused}"
    );

    // The station the hub does not know: the hub's reason code, the sentence in French.
    let out = check("stranger", fr(&stranger, &["sync", "--to", &url], 1));
    assert!(
        out.contains(
            "le concentrateur a répondu 401 refusé : unenrolled : \
             la clé de ce poste n'est pas inscrite au concentrateur"
        ),
        "the code stays, the sentence is French: {out}"
    );
    // A station that does not trust the hub's key.
    let wary = TestEnv::new();
    wary.init();
    wary.run(&["keys", "init", "--no-input"], 0);
    let out = check("wary", fr(&wary, &["sync", "--to", &url], 2));
    assert!(
        out.contains("à laquelle ce poste ne fait pas confiance"),
        "{out}"
    );
    assert!(
        out.contains("faites d'abord confiance à la clé du PCN"),
        "{out}"
    );
    let out = check(
        "unreachable",
        fr(station, &["sync", "--to", "http://127.0.0.1:9"], 1),
    );
    assert!(
        out.contains("impossible de joindre le concentrateur"),
        "{out}"
    );
    assert!(out.contains("vérifiez l'adresse"), "{out}");

    let out = check("status", hub(npc, &["status"], 0));
    assert!(
        out.contains("1 poste, 2 paquets enregistrés, 1 refusé"),
        "{out}"
    );
    assert!(out.contains("Intégrité : intacte"), "{out}");
    let status: Value = npc.json(&["hub", "status"], 0);
    assert_eq!(status["integrity"], "clean", "{status}");
    let out = check("trace list", hub(npc, &["trace", "list"], 0));
    assert!(out.contains("de Post 3"), "{out}");
    assert!(out.contains("1 objet(s), reçue le"), "{out}");
    let out = check(
        "trace overdue",
        hub(npc, &["trace", "list", "--overdue"], 0),
    );
    assert!(
        out.contains("Aucune demande n'attend au-delà de son délai"),
        "{out}"
    );
    let out = check(
        "trace respond",
        hub(
            npc,
            &words("trace respond 1 --outcome tracée --note exportée"),
            0,
        ),
    );
    assert!(out.contains("réponse « tracée »"), "{out}");
    let out = check(
        "respond to nothing",
        hub(
            npc,
            &words("trace respond 99 --outcome tracée --note rien"),
            2,
        ),
    );
    assert!(out.contains("montre les demandes reçues"), "{out}");
    let out = check("sdg", hub(npc, &words(&format!("report sdg {PERIOD}")), 0));
    assert!(
        out.contains("tous les postes : 0 arme tracée sur 1 récupérée"),
        "{out}"
    );
    let out = check(
        "summary",
        hub(npc, &words(&format!("report summary {PERIOD}")), 0),
    );
    assert!(out.contains("Par poste"), "{out}");
    assert!(out.contains("Par pays de fabrication"), "{out}");
    assert!(out.contains("fusil d'assaut"), "{out}");
    let out = check(
        "listen taken",
        hub(npc, &["serve", "--listen", &served.address], 2),
    );
    assert!(out.contains("impossible d'écouter sur"), "{out}");
    assert!(out.contains("donnez une autre adresse --listen"), "{out}");
    let said = first_line_of_serve(npc);
    assert!(
        said.starts_with("Concentrateur à l'écoute sur http://127.0.0.1:"),
        "{said}"
    );
    assert!(said.contains("arrêtez-le avec Ctrl-C"), "{said}");
    check("serve", said);

    let out = check("revoke", hub(npc, &["revoke", "Post 3"], 0));
    assert!(out.contains("Poste « Post 3 » révoqué"), "{out}");
    let out = check(
        "revoked station syncs",
        fr(station, &["sync", "--to", &url], 1),
    );
    assert!(out.contains("la clé de ce poste a été révoquée"), "{out}");
}
