//! Go's view of characters and UTF-8, which the lexer (identifiers), `%q`, `js` and padding rely
//! on. Go decodes bytes leniently (a bad byte is U+FFFD of width 1) and classifies characters by
//! its own Unicode tables; both are reproduced here so output matches byte for byte.

use super::unicode_tables::{DIGIT, LETTER, PRINT, SPACE};

/// Go's `utf8.RuneError`.
pub(crate) const RUNE_ERROR: u32 = 0xFFFD;

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `unicode.IsLetter`.
pub(crate) fn is_letter(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_table(&LETTER, c)
}

/// `unicode.IsDigit`.
pub(crate) fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_table(&DIGIT, c)
}

/// `strconv.IsPrint` / `unicode.IsPrint`.
pub(crate) fn is_print(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7f).contains(&c);
    }
    in_table(&PRINT, c)
}

/// `unicode.IsSpace`.
pub(crate) fn is_space(c: u32) -> bool {
    in_table(&SPACE, c)
}

/// `utf8.DecodeRune`: the rune at the start of `b` and its width; (U+FFFD, 1) for a bad byte,
/// (U+FFFD, 0) for empty input.
pub(crate) fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&lead) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    let width = match lead {
        0x00..=0x7f => return (u32::from(lead), 1),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (RUNE_ERROR, 1),
    };
    match b.get(..width).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().map_or(RUNE_ERROR, u32::from), width),
        None => (RUNE_ERROR, 1),
    }
}

/// `utf8.RuneCount`: a bad byte counts as one rune.
pub(crate) fn rune_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        i += decode_rune(&b[i..]).1.max(1);
        n += 1;
    }
    n
}

/// `utf8.EncodeRune`: invalid runes (surrogates, out of range) encode as U+FFFD.
pub(crate) fn encode_rune(c: u32, out: &mut Vec<u8>) {
    let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
}

/// `utf8.ValidRune`.
pub(crate) fn valid_rune(c: i64) -> bool {
    (0..=0x10FFFF).contains(&c) && !(0xD800..=0xDFFF).contains(&c)
}

/// Go's bytes as text, each byte of a bad sequence becoming U+FFFD: how Go's JSON encoding
/// (and so the server's reply) shows an error message built from non-UTF-8 template data.
pub(crate) fn lossy_per_byte(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (r, size) = decode_rune(&b[i..]);
        out.push(char::from_u32(r).unwrap_or('\u{FFFD}'));
        i += size.max(1);
    }
    out
}
