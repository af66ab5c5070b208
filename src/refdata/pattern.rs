//! Marking patterns: regular expressions over the whole normalised input, case-insensitive.
//!
//! Shared with `build.rs`. A pattern written in ASCII is compiled without Unicode classes
//! (`\d`, `\w`, `\s` mean ASCII digits, word characters and spaces): that compiles fifty times
//! faster, which matters when every `decode` compiles every pattern. A pattern that contains
//! other characters (Cyrillic `г`, `[а-я]`) is compiled with full Unicode.

use regex::bytes;

#[derive(Debug, Clone)]
pub enum Pattern {
    Ascii(bytes::Regex),
    Unicode(regex::Regex),
}

/// A successful match: the year a `(?P<year>...)` group captured, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternMatch {
    pub year: Option<i32>,
}

impl Pattern {
    pub fn compile(pattern: &str) -> Result<Pattern, regex::Error> {
        let anchored = format!("^(?:{pattern})$");
        if pattern.is_ascii() {
            bytes::RegexBuilder::new(&anchored)
                .case_insensitive(true)
                .unicode(false)
                .build()
                .map(Pattern::Ascii)
        } else {
            regex::RegexBuilder::new(&anchored)
                .case_insensitive(true)
                .build()
                .map(Pattern::Unicode)
        }
    }

    pub fn matches(&self, text: &str) -> Option<PatternMatch> {
        let year = |digits: Option<&[u8]>| {
            digits
                .and_then(|d| std::str::from_utf8(d).ok())
                .and_then(|d| d.parse::<i32>().ok())
        };
        match self {
            Pattern::Ascii(re) => re.captures(text.as_bytes()).map(|c| PatternMatch {
                year: year(c.name("year").map(|m| m.as_bytes())),
            }),
            Pattern::Unicode(re) => re.captures(text).map(|c| PatternMatch {
                year: year(c.name("year").map(|m| m.as_str().as_bytes())),
            }),
        }
    }
}
