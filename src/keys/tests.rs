use super::*;
use crate::packet::test_support::sample_manifest_for;
use crate::packet::{VerifyOptions, build, encrypt, verify::verify};

fn passphrase() -> SecretString {
    SecretString::from("correct horse battery staple".to_owned())
}

fn store(dir: &Path) -> KeyStore {
    KeyStore::new(dir.join("keys")).with_age_work_factor(10)
}

#[test]
fn init_writes_protected_keys_that_unlock_with_the_passphrase_only() {
    let home = tempfile::tempdir().unwrap();
    let keys = store(home.path());
    assert!(matches!(keys.public(), Err(KeyError::NotInitialised(_))));
    let station = keys.init(&passphrase()).unwrap();
    assert!(keys.is_initialised());
    let again = keys.public().unwrap();
    assert_eq!(again.key_id, station.key_id);
    assert_eq!(
        again.age_recipient.to_string(),
        station.age_recipient.to_string()
    );
    assert!(
        station
            .signing_public_file()
            .contains(&station.key_id.to_string())
    );

    let signing = keys.unlock_signing_key(&passphrase()).unwrap();
    assert_eq!(signing.key_id(), station.key_id);
    let identity = keys.unlock_identity(&passphrase()).unwrap();
    assert_eq!(
        identity.to_public().to_string(),
        station.age_recipient.to_string()
    );

    let wrong = SecretString::from("wrong".to_owned());
    assert!(matches!(
        keys.unlock_signing_key(&wrong),
        Err(KeyError::WrongPassphrase(_))
    ));
    assert!(matches!(
        keys.unlock_identity(&wrong),
        Err(KeyError::WrongPassphrase(_))
    ));
    assert!(matches!(
        keys.init(&passphrase()),
        Err(KeyError::AlreadyInitialised(_))
    ));
}

#[test]
fn secret_files_hold_no_plain_secret_and_are_private() {
    let home = tempfile::tempdir().unwrap();
    let keys = store(home.path());
    keys.init(&passphrase()).unwrap();
    let identity = keys.unlock_identity(&passphrase()).unwrap();
    let secret_text = identity.to_string().expose_secret().to_owned();
    for name in [
        IDENTITY_FILE,
        SIGNING_KEY_FILE,
        RECIPIENT_FILE,
        SIGNING_PUB_FILE,
    ] {
        let bytes = std::fs::read(keys.dir().join(name)).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&secret_text),
            "{name}"
        );
    }
    let signing = keys.unlock_signing_key(&passphrase()).unwrap();
    assert!(!format!("{signing:?}").contains(&format!("{:?}", signing.secret_key())));
    assert!(!format!("{keys:?}").contains("AGE-SECRET"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in [IDENTITY_FILE, SIGNING_KEY_FILE] {
            let mode = std::fs::metadata(keys.dir().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
        let mode = std::fs::metadata(keys.dir()).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the key directory is private");
    }
}

#[test]
fn empty_passphrases_are_refused_and_an_interrupted_init_can_finish() {
    let home = tempfile::tempdir().unwrap();
    let keys = store(home.path());
    let empty = SecretString::from(String::new());
    assert!(matches!(keys.init(&empty), Err(KeyError::EmptyPassphrase)));
    std::fs::create_dir_all(keys.dir()).unwrap();
    std::fs::write(keys.dir().join(IDENTITY_FILE), b"half-written").unwrap();
    keys.init(&passphrase()).unwrap();
    keys.unlock_identity(&passphrase()).unwrap();
}

#[test]
fn stored_keys_sign_and_decrypt_packets_with_the_trust_list() {
    let home = tempfile::tempdir().unwrap();
    let sender = KeyStore::new(home.path().join("sender")).with_age_work_factor(10);
    let npc = KeyStore::new(home.path().join("npc")).with_age_work_factor(10);
    sender.init(&passphrase()).unwrap();
    let npc_keys = npc.init(&passphrase()).unwrap();
    let sender_keys = sender.public().unwrap();

    let mut sender_trust = sender.trust_list().unwrap();
    sender_trust
        .add(
            Peer::new(
                "ML NPC",
                &npc_keys.signing_public_file(),
                Some(&npc_keys.age_recipient.to_string()),
            )
            .unwrap(),
        )
        .unwrap();
    sender.save_trust_list(&sender_trust).unwrap();
    let mut npc_trust = npc.trust_list().unwrap();
    npc_trust
        .add(Peer::new("Bamako CP-3", &sender_keys.signing_public_file(), None).unwrap())
        .unwrap();
    npc.save_trust_list(&npc_trust).unwrap();

    let signing = sender.unlock_signing_key(&passphrase()).unwrap();
    let mut manifest = sample_manifest_for(&signing, serde_json::json!({"n": 1}));
    manifest.recipient.key_id = npc_keys.key_id;
    let packet = build(&manifest, &[], &signing).unwrap();
    let to = sender.trust_list().unwrap();
    let recipient = to
        .by_name("ML NPC")
        .unwrap()
        .age_recipient()
        .unwrap()
        .unwrap();
    let sealed = encrypt::encrypt(&packet.archive, &[recipient]).unwrap();

    let identity = npc.unlock_identity(&passphrase()).unwrap();
    let opened = encrypt::decrypt(&sealed, &identity, &encrypt::AgeLimits::default()).unwrap();
    let signers = npc.trust_list().unwrap().known_signers();
    let report = verify(
        &opened,
        &VerifyOptions::new(&signers, Some(npc_keys.key_id)),
    );
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(report.signer.name.as_deref(), Some("Bamako CP-3"));

    let mut revoked = npc.trust_list().unwrap();
    revoked.revoke("Bamako CP-3").unwrap();
    npc.save_trust_list(&revoked).unwrap();
    let signers = npc.trust_list().unwrap().known_signers();
    let report = verify(
        &opened,
        &VerifyOptions::new(&signers, Some(npc_keys.key_id)),
    );
    assert_eq!(
        report.first_reason(),
        Some(crate::packet::Reason::RevokedKey)
    );
}

#[test]
fn the_trust_list_refuses_duplicates_and_bad_keys_and_round_trips() {
    let a = crate::packet::SigningKey::generate().unwrap();
    let b = crate::packet::SigningKey::generate().unwrap();
    let a_pub = crate::packet::sign::public_key_file(a.public_key()).unwrap();
    let b_line = b.public_key().to_base64();
    let mut list = TrustList::default();
    list.add(Peer::new("A", &a_pub, None).unwrap()).unwrap();
    list.add(Peer::new("B", &b_line, None).unwrap()).unwrap();
    assert!(matches!(
        list.add(Peer::new("A", &b_line, None).unwrap()),
        Err(KeyError::DuplicatePeerName(_))
    ));
    assert!(matches!(
        list.add(Peer::new("A2", &a_pub, None).unwrap()),
        Err(KeyError::DuplicatePeerKey { .. })
    ));
    assert!(Peer::new("C", "not a key", None).is_err());
    assert!(Peer::new("C", &b_line, Some("age1nope")).is_err());
    list.revoke("B").unwrap();
    assert!(matches!(list.revoke("Z"), Err(KeyError::UnknownPeer(_))));

    let text = list.to_toml().unwrap();
    let back = TrustList::from_toml(&text).unwrap();
    assert_eq!(back, list);
    assert_eq!(back.by_key_id(a.key_id()).unwrap().name, "A");
    assert!(back.by_name("B").unwrap().revoked);
    assert!(TrustList::from_toml("[[peer]]\nname = \"x\"\nminisign = \"bad\"\n").is_err());
    assert!(TrustList::from_toml("[[peer]]\nname = \"x\"\nsecret = 1\n").is_err());
}
