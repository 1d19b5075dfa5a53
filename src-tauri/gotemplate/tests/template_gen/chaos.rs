//! Token soup for the differential test: templates made of random runs of delimiters, keywords,
//! operands and punctuation, which reach the lexer's and parser's error paths.

use super::{Generated, Rng};

/// Token soup: random runs of delimiters, keywords, operands and punctuation. Mostly malformed,
/// it drives the lexer and parser through their error paths (and Go's odd corners).
pub fn chaos(seed: u64, count: usize) -> Vec<Generated> {
    #[rustfmt::skip]
    const TOKENS: &[&str] = &[
        "$(", ")", "{{", "}}", "$(- ", " -)", "{{- ", " -}}", "(", ")", " ", "  ", "\n", "\t", "|",
        ":=", "=", ",", "if ", "else", "end", "range ", "with ", "define ", "template ", "block ",
        "break", "continue", "nil", ".", ".FirstName", ".Id", ".A", "$", "$x", "$x := ", "\"s\"",
        "`r`", "'c'", "42", "-1", "1.5", "0x", "1e", "+", "-", "/*", "*/", "len ", "printf ",
        "\"%d\" ", "print ", "index ", "eq ", "and ", "or ", "not ", "md2 ", "é", "日", "🙂", "!",
        "#", "\\", "\"", "'", "`", ";", "@", "x", "_", "\u{0}",
    ];
    let mut r = Rng::new(seed);
    (0..count)
        .map(|_| {
            let go_delims = r.chance(30);
            let data = if r.chance(10) { "nil" } else { "account" };
            let n = 1 + r.below(14);
            let text = (0..n).map(|_| r.pick(TOKENS)).collect::<String>();
            Generated {
                text,
                go_delims,
                data,
            }
        })
        .collect()
}

/// Random `printf` format strings (flags, widths, precisions, `*`, `[n]`, every verb letter) over
/// random arguments of every Go type a template can hold: Go's fmt rules, corner by corner.
pub fn printf_soup(seed: u64, count: usize) -> Vec<Generated> {
    const FMT: &[&str] = &[
        "%", "%", "%", "-", "+", "#", " ", "0", "1", "5", "12", ".", ".", "*", "[1]", "[2]", "[9]",
        "v", "d", "s", "q", "x", "X", "f", "F", "e", "E", "g", "G", "t", "c", "U", "o", "O", "b",
        "T", "z", "é", "|",
    ];
    const ARGS: &[&str] = &[
        ".Id",
        ".FirstName",
        ".",
        "42",
        "-7",
        "0",
        "3.25",
        "-0.5",
        "1e21",
        "1e-7",
        "'x'",
        "\"日本\"",
        "\"\"",
        "true",
        "nil",
        "1+2i",
        "(index \"a\" 0)",
        "\"a\\tb\"",
        "255",
        "123456.789",
        "-3",
    ];
    let mut r = Rng::new(seed ^ 0x5eed);
    (0..count)
        .map(|_| {
            let fmt: String = (0..1 + r.below(10)).map(|_| r.pick(FMT)).collect();
            let args: Vec<&str> = (0..r.below(4)).map(|_| r.pick(ARGS)).collect();
            let text = format!("{{{{printf {:?} {}}}}}", fmt, args.join(" "));
            Generated {
                text,
                go_delims: true,
                data: "account",
            }
        })
        .collect()
}
