//! The hand-written corpus of the differential test (`template_corpus.txt`): the file is meant
//! to be read and extended by people, so it has its own small format, parsed here.

/// One template to render, with how to render it.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub text: String,
    pub go_delims: bool,
    /// "account" (the sample `*chat.Account`), "nil" or "map" (`MAP_DATA` as Go decodes JSON).
    pub data: &'static str,
    pub missing: &'static str,
}

/// Parses the reviewable corpus file: `=== name [delims=go] [data=nil|map] [missingkey=zero] [esc]`
/// headers, each followed by the template's lines (the newline before the next header is not
/// part of the template; `esc` decodes `\n`, `\t`, `\r`, `\\` and `\u{..}`).
pub fn hand_written() -> Vec<Case> {
    let text = include_str!("../template_corpus.txt");
    let mut cases: Vec<(Case, bool, Vec<&str>)> = Vec::new();
    for line in text.split('\n') {
        if let Some(header) = line.strip_prefix("=== ") {
            let mut words = header.split_whitespace();
            let name = words
                .next()
                .expect("corpus header without a name")
                .to_string();
            let mut case = Case {
                name,
                text: String::new(),
                go_delims: false,
                data: "account",
                missing: "error",
            };
            let mut esc = false;
            for w in words {
                match w {
                    "delims=go" => case.go_delims = true,
                    "data=nil" => case.data = "nil",
                    "data=map" => case.data = "map",
                    "missingkey=zero" => case.missing = "zero",
                    "missingkey=default" => case.missing = "default",
                    "esc" => esc = true,
                    other => panic!("corpus: unknown option {other:?} in {header:?}"),
                }
            }
            cases.push((case, esc, Vec::new()));
        } else if let Some((_, _, lines)) = cases.last_mut() {
            lines.push(line);
        }
    }
    cases
        .into_iter()
        .map(|(mut case, esc, lines)| {
            let raw = lines.join("\n");
            case.text = if esc { unescape(&raw) } else { raw };
            case
        })
        .collect()
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(
                    char::from_u32(u32::from_str_radix(&hex, 16).expect("bad \\u{}"))
                        .expect("bad char"),
                );
            }
            other => panic!("corpus: bad escape \\{other:?}"),
        }
    }
    out
}
