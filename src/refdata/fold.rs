//! Folding what an officer types into the form the library is matched in.
//!
//! Marks reach us typed on any keyboard: full-width `５６式` from a Chinese input method,
//! `五四式` in Chinese numerals, Arabic-Indic or Persian digits, Turkish `İ` and `ş`, French
//! accents. Matching must not depend on any of that, so both the input and the library's own
//! spellings go through [`fold`] before they are compared.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Compatibility forms unfolded (NFKD: full-width digits and letters, ligatures), accents and
/// other combining marks dropped, Arabic-Indic and Persian digits and Chinese numerals written
/// as ASCII digits. Letter case is kept.
pub fn fold(text: &str) -> String {
    // Plain ASCII has nothing to unfold: the common case, and on every name of the library.
    if text.is_ascii() {
        return text.to_owned();
    }
    let plain: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            // Arabic-Indic (U+0660..) and extended Arabic-Indic / Persian (U+06F0..) digits.
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            // Both mean "Type" before a designation: 五四型 and 五四式 are one mark typed two ways.
            '型' => '式',
            'ı' => 'i',
            'ß' => 's',
            'Ø' => 'O',
            'ø' => 'o',
            'Ł' => 'L',
            'ł' => 'l',
            other => other,
        })
        .collect();
    chinese_numerals(&plain)
}

/// A word as typed, for comparing with a catalogue's words: [`fold`]ed, lower case, one
/// apostrophe, `-` between words (`Remise volontaire` and `remise-volontaire` are one word).
/// The build folds the catalogues' words with it (the typed-word table of `i18n::find_word`).
pub fn fold_word(text: &str) -> String {
    fold(text.trim())
        .to_lowercase()
        .replace(['’', '\''], "'")
        .replace([' ', '_'], "-")
}

/// Cyrillic written in Latin letters (BGN/PCGN, as English-language sources spell Russian
/// makers: `ИЖМЕХ` = `IZHMEKH`, `Тула` = `TULA`), or `None` when the text has no Cyrillic.
pub fn transliterate_cyrillic(text: &str) -> Option<String> {
    if !text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return None;
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' | 'ы' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(latin);
    }
    Some(out)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numerals standing before a designation (`五四式`, `八一式`, `六九型`, `五六-1式`) as
/// digits. Model designations read digit by digit (五四 = 54); `十` is read as a place value
/// (`十` = 10, `二十` = 20, `十五` = 15). Numerals elsewhere in a text are left alone: `一`
/// alone is a common character.
fn chinese_numerals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (chinese_digit(chars[i]).is_some() || chars[i] == '十') {
            i += 1;
        }
        if i == start {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = &chars[start..i];
        // A designation: the numerals are followed by 式 or 型, or by -1式 and the like.
        let next = chars.get(i).copied();
        let designation = matches!(next, Some('式' | '-' | '—'));
        if designation && let Some(number) = read_numerals(run) {
            out.push_str(&number);
        } else {
            out.extend(run);
        }
    }
    out
}

fn read_numerals(run: &[char]) -> Option<String> {
    if !run.contains(&'十') {
        return run
            .iter()
            .map(|c| chinese_digit(*c).and_then(|d| char::from_digit(d, 10)))
            .collect();
    }
    // Place value: [tens]十[units]
    let (tens, units) = match run {
        ['十'] => (1, 0),
        ['十', u] => (1, chinese_digit(*u)?),
        [t, '十'] => (chinese_digit(*t)?, 0),
        [t, '十', u] => (chinese_digit(*t)?, chinese_digit(*u)?),
        _ => return None,
    };
    Some((tens * 10 + units).to_string())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn cyrillic_reads_as_english_sources_spell_it() {
        assert_eq!(transliterate_cyrillic("ИЖМЕХ").as_deref(), Some("izhmekh"));
        assert_eq!(
            transliterate_cyrillic("Тульский").as_deref(),
            Some("tulskiy")
        );
        assert_eq!(transliterate_cyrillic("МР-27").as_deref(), Some("mr-27"));
        assert_eq!(transliterate_cyrillic("GLOCK 17"), None);
    }

    #[test]
    fn full_width_and_chinese_numerals_read_as_ascii_designations() {
        assert_eq!(fold("５６式"), "56式");
        assert_eq!(fold("五四式"), "54式");
        assert_eq!(fold("六九式"), "69式");
        assert_eq!(fold("八一式"), "81式");
        assert_eq!(fold("五六-1式"), "56-1式");
        assert_eq!(fold("六三型"), "63式");
        assert_eq!(fold("十五式"), "15式");
        // Not before a designation: left as written.
        assert_eq!(fold("一二三"), "一二三");
    }

    #[test]
    fn accents_and_other_scripts_digits_fold() {
        assert_eq!(fold("Sévaré"), "Sevare");
        assert_eq!(fold("İŞ"), "IS");
        assert_eq!(fold("étoile"), "etoile");
        assert_eq!(fold("٥٦"), "56");
        assert_eq!(fold("۱۳۶۵"), "1365");
        assert_eq!(fold("ИЖ"), "ИЖ");
        assert_eq!(fold("Łucznik"), "Lucznik");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,30}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }
    }
}
