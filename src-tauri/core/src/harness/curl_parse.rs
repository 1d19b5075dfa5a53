//! A pasted cURL command read into a request: `curl` with -X/--request, -H/--header,
//! -d/--data/--data-ascii/--data-raw/--data-binary/--json, --url or the URL itself, and the
//! harmless display flags (-s, -S, -i, -v, -k, -L, ...); a `printf ... |` or `echo ... |` in
//! front feeds `@-`. Each option it cannot honour (a file to read, a form, credentials) is an
//! error that names it, never a request quietly different from the one pasted.

use super::feed::feed;
use super::words::{split, Token};
use super::{CurlError, CurlRequest};

/// Longest command read (a pasted body of several megabytes is still fine).
const MAX_COMMAND: usize = 16 * 1024 * 1024;

/// Flags that change only what curl shows or how it connects, not the request.
const QUIET_FLAGS: [&str; 24] = [
    "-s",
    "--silent",
    "-S",
    "--show-error",
    "-i",
    "--include",
    "-v",
    "--verbose",
    "-k",
    "--insecure",
    "-L",
    "--location",
    "--compressed",
    "-f",
    "--fail",
    "--fail-with-body",
    "-g",
    "--globoff",
    "--http1.1",
    "--http2",
    "-N",
    "--no-buffer",
    "-#",
    "--progress-bar",
];
/// Options with a value that change only where the answer goes or how long curl waits.
const QUIET_OPTIONS: [&str; 10] = [
    "-o",
    "--output",
    "-m",
    "--max-time",
    "--connect-timeout",
    "-w",
    "--write-out",
    "--retry",
    "--retry-delay",
    "--max-redirs",
];
/// Options whose request Textgate cannot reproduce from the command alone.
const REFUSED: [(&str, &str); 14] = [
    ("-F", "a multipart form"),
    ("--form", "a multipart form"),
    ("--data-urlencode", "URL-encoded data"),
    ("-T", "a file to upload"),
    ("--upload-file", "a file to upload"),
    ("-G", "data moved into the URL"),
    ("--get", "data moved into the URL"),
    ("-u", "credentials"),
    ("--user", "credentials"),
    ("-b", "cookies"),
    ("--cookie", "cookies"),
    ("-K", "a config file"),
    ("--config", "a config file"),
    ("-I", "a HEAD request"),
];

fn text(bytes: Vec<u8>, what: &str) -> Result<String, CurlError> {
    String::from_utf8(bytes).map_err(|_| CurlError(format!("The {what} is not UTF-8 text")))
}

/// Reads a pasted cURL command.
pub fn parse(command: &str) -> Result<CurlRequest, CurlError> {
    if command.len() > MAX_COMMAND {
        return Err(CurlError(format!(
            "The command is longer than {} MiB",
            MAX_COMMAND / 1024 / 1024
        )));
    }
    let tokens = split(command)?;
    let mut segments: Vec<Vec<Vec<u8>>> = vec![Vec::new()];
    for token in tokens {
        match token {
            Token::Word(word) => segments.last_mut().map(|s| s.push(word)).unwrap_or(()),
            Token::Pipe => segments.push(Vec::new()),
        }
    }
    if segments.iter().all(Vec::is_empty) {
        return Err(CurlError(
            "There is no command: paste a cURL command".into(),
        ));
    }
    if segments.iter().any(Vec::is_empty) {
        return Err(CurlError("A | has no command on one side".into()));
    }
    let (stdin, curl) = match segments.as_slice() {
        [curl] => (None, curl),
        [feeder, curl] => (Some(feed(feeder)?), curl),
        _ => {
            return Err(CurlError(
                "Only one command may feed curl (printf ... | curl ...)".into(),
            ))
        }
    };
    read_curl(curl, stdin)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DataKind {
    /// `-d`, `--data`, `--data-ascii`: `@file` read with CR and LF removed.
    Ascii,
    /// `--data-binary`, `--json`: `@file` read exactly.
    Binary,
    /// `--data-raw`: no `@` at all.
    Raw,
}

fn read_curl(words: &[Vec<u8>], stdin: Option<Vec<u8>>) -> Result<CurlRequest, CurlError> {
    let program = String::from_utf8_lossy(&words[0]).into_owned();
    let base = program.rsplit(['/', '\\']).next().unwrap_or_default();
    if base != "curl" && base != "curl.exe" {
        return Err(CurlError(format!(
            "This is not a cURL command: it starts with \u{201c}{}\u{201d}",
            crate::error_text::shown(&program)
        )));
    }
    let mut method: Option<String> = None;
    let mut url: Option<String> = None;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut data: Option<Vec<u8>> = None;
    let mut json = false;
    let mut stdin = stdin;
    let mut args = words[1..].iter();
    let mut positional_only = false;
    while let Some(arg) = args.next() {
        let flag = String::from_utf8_lossy(arg).into_owned();
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| CurlError(format!("{name} has no value after it")))
        };
        if positional_only || !flag.starts_with('-') || flag == "-" {
            set_url(&mut url, text(arg.clone(), "URL")?)?;
            continue;
        }
        let kind = match flag.as_str() {
            "--" => {
                positional_only = true;
                continue;
            }
            "-X" | "--request" => {
                method = Some(text(value(&flag)?, "method")?);
                continue;
            }
            "-H" | "--header" => {
                header(&mut headers, text(value(&flag)?, "header")?)?;
                continue;
            }
            "--url" => {
                set_url(&mut url, text(value(&flag)?, "URL")?)?;
                continue;
            }
            "-A" | "--user-agent" => {
                headers.push(("User-Agent".into(), text(value(&flag)?, "user agent")?));
                continue;
            }
            "-d" | "--data" | "--data-ascii" => DataKind::Ascii,
            "--data-binary" => DataKind::Binary,
            "--json" => {
                json = true;
                DataKind::Binary
            }
            "--data-raw" => DataKind::Raw,
            _ if QUIET_FLAGS.contains(&flag.as_str()) => continue,
            _ if QUIET_OPTIONS.contains(&flag.as_str()) => {
                value(&flag)?;
                continue;
            }
            _ if flag.starts_with("-X") => {
                method = Some(flag[2..].to_string());
                continue;
            }
            _ if flag.starts_with("-H") => {
                header(&mut headers, flag[2..].to_string())?;
                continue;
            }
            _ if flag.starts_with("-d") => {
                let piece = arg[2..].to_vec();
                add_data(&mut data, piece, DataKind::Ascii, &mut stdin)?;
                continue;
            }
            _ if is_quiet_cluster(&flag) => continue,
            _ => return Err(unknown(&flag)),
        };
        let piece = value(&flag)?;
        add_data(&mut data, piece, kind, &mut stdin)?;
    }
    let url = url.ok_or_else(|| CurlError("The command has no URL".into()))?;
    let url = if url.contains("://") {
        url
    } else {
        format!("http://{url}")
    };
    if json {
        for (name, default) in [
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
        ] {
            if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                headers.push((name.into(), default.into()));
            }
        }
    }
    let method = method.unwrap_or_else(|| if data.is_some() { "POST" } else { "GET" }.into());
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(CurlError(format!(
            "\u{201c}{}\u{201d} is not an HTTP method",
            crate::error_text::shown(&method)
        )));
    }
    Ok(CurlRequest {
        method,
        url,
        headers,
        body: data.unwrap_or_default(),
    })
}

/// `-sSL` and the like: short display flags run together.
fn is_quiet_cluster(flag: &str) -> bool {
    flag.len() > 2 && !flag.starts_with("--") && flag[1..].chars().all(|c| "sSikLvfgN#".contains(c))
}

fn unknown(flag: &str) -> CurlError {
    if let Some((_, what)) = REFUSED.iter().find(|(name, _)| *name == flag) {
        return CurlError(format!(
            "{flag} sends {what}, which Textgate cannot load: use -d/--data-binary with the body written out"
        ));
    }
    CurlError(format!(
        "Textgate cannot read the option {}: remove it and paste again",
        crate::error_text::shown(flag)
    ))
}

fn set_url(url: &mut Option<String>, value: String) -> Result<(), CurlError> {
    if url.is_some() {
        return Err(CurlError(
            "The command names more than one URL: Textgate loads one request".into(),
        ));
    }
    *url = Some(value);
    Ok(())
}

/// `Name: value` (`Name;` is an empty value, `Name:` removes curl's own header).
fn header(headers: &mut Vec<(String, String)>, line: String) -> Result<(), CurlError> {
    let (name, value) = match line.split_once(':') {
        Some((name, value)) => (name.trim(), Some(value.trim_start_matches([' ', '\t']))),
        None => match line.trim().strip_suffix(';') {
            Some(name) => (name.trim(), Some("")),
            None => (line.trim(), None),
        },
    };
    let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    let Some(value) = value.filter(|_| valid) else {
        return Err(CurlError(format!(
            "\u{201c}{}\u{201d} is not a header: write it as Name: value",
            crate::error_text::shown(&line)
        )));
    };
    let removal = line.trim_end().ends_with(':') && value.trim().is_empty();
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    if !removal {
        headers.push((
            name.to_string(),
            value.trim_end_matches(['\r', '\n']).to_string(),
        ));
    }
    Ok(())
}

fn add_data(
    data: &mut Option<Vec<u8>>,
    piece: Vec<u8>,
    kind: DataKind,
    stdin: &mut Option<Vec<u8>>,
) -> Result<(), CurlError> {
    let piece = match piece.strip_prefix(b"@") {
        Some(name) if kind != DataKind::Raw => {
            if name != b"-" {
                return Err(CurlError(format!(
                    "The body is read from the file {}, which is not in the command: paste the body itself (--data-raw '...')",
                    crate::error_text::shown(&String::from_utf8_lossy(name))
                )));
            }
            let bytes = stdin.take().ok_or_else(|| {
                CurlError("The body is read from stdin (@-), but nothing is piped in: put printf '...' | in front".into())
            })?;
            if kind == DataKind::Ascii {
                bytes
                    .into_iter()
                    .filter(|b| *b != b'\r' && *b != b'\n')
                    .collect()
            } else {
                bytes
            }
        }
        _ => piece,
    };
    match data {
        Some(existing) => {
            existing.push(b'&');
            existing.extend(piece);
        }
        None => *data = Some(piece),
    }
    Ok(())
}
