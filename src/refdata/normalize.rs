//! Keys for matching what an officer types against the library.
//!
//! Shared with `build.rs`, which stores these keys in the embedded database.

/// Folds a calibre as written (`7,62 x 39`, `7.62×39mm`, `9 mm Parabellum`) to a comparison key.
pub fn calibre_key(text: &str) -> String {
    let mut key: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            '×' | 'х' | '*' => Some('x'),
            ',' => Some('.'),
            c if c.is_whitespace() || c == '-' || c == '_' => None,
            c => Some(c),
        })
        .collect();
    // "cal." and a trailing "mm" are noise: `7.62x39mm` and `7.62x39` are the same calibre.
    for prefix in ["caliber", "calibre", "cal."] {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest.to_owned();
        }
    }
    if key.len() > 2 && key.ends_with("mm") {
        key.truncate(key.len() - 2);
    }
    key
}

/// Folds a mark's text to a comparison key: upper case, letters and digits only, Cyrillic
/// letters that look Latin folded to Latin (officers type `AKM` for `АКМ`, `CCCP` for `СССР`).
pub fn text_key(text: &str) -> String {
    // Every name in the library is keyed at start-up: plain ASCII takes the short way.
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_uppercase()))
            .collect();
    }
    text.chars()
        .flat_map(char::to_uppercase)
        .filter(|c| c.is_alphanumeric())
        .map(fold_cyrillic_lookalike)
        .collect()
}

fn fold_cyrillic_lookalike(c: char) -> char {
    match c {
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        other => other,
    }
}

/// Collapses runs of white space and trims: the form patterns are matched against.
pub fn squash_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn calibre_spellings_fold_together() {
        assert_eq!(calibre_key("7,62 x 39"), calibre_key("7.62x39mm"));
        assert_eq!(calibre_key("7.62×39"), calibre_key("7.62x39"));
        assert_eq!(calibre_key("Cal. 7.62 x 39 mm"), calibre_key("7.62x39"));
        assert_ne!(calibre_key("7.62x39"), calibre_key("7.62x51"));
    }

    #[test]
    fn cyrillic_lookalikes_fold_to_latin() {
        assert_eq!(text_key("АКМ"), text_key("akm"));
        assert_eq!(text_key("СССР"), "CCCP");
        assert_eq!(text_key("ИЖ"), "ИЖ");
        assert_eq!(text_key("56式"), "56式");
    }

    proptest! {
        #[test]
        fn keys_ignore_spacing_and_case(s in "[a-zA-Z0-9.,x ]{0,20}") {
            let spaced: String = s.chars().flat_map(|c| [c, ' ']).collect();
            prop_assert_eq!(calibre_key(&s), calibre_key(&spaced));
            prop_assert_eq!(text_key(&s.to_uppercase()), text_key(&s.to_lowercase()));
        }

        #[test]
        fn keys_are_idempotent(s in "\\PC{0,30}") {
            let k = text_key(&s);
            prop_assert_eq!(text_key(&k), k.clone());
        }
    }
}
