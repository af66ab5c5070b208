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
