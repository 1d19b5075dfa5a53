//! "Copy as cURL" and its reverse (issue J): a request (method, URL, headers, exact body) as one
//! command that, pasted in bash or zsh, sends the same bytes, and a pasted cURL command read
//! back into a request. Every argument is single-quoted; a body that is not plain printable
//! text (a trailing newline, control bytes, NUL, bytes that are not UTF-8) goes through
//! `printf` with octal escapes into `curl --data-binary @-`, which both shells' builtins print
//! byte for byte. Reading is the shell's own word rules (`words`, with `$'...'`, which
//! `shell-words` lacks) and curl's options (`parse`); anything else is a specific error.

#[path = "curl_feed.rs"]
mod feed;
#[path = "curl_parse.rs"]
mod parse;
#[path = "curl_words.rs"]
mod words;

pub use parse::parse;

use super::history::without_credentials;

/// A request as a cURL command carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurlRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// A pasted command as the Send form loads it: its body as text, and whether that text is
/// the exact bytes (false: the command makes bytes that are not UTF-8).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PastedRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub exact: bool,
}

/// Reads a pasted command for the Send form.
pub fn paste(command: &str) -> Result<PastedRequest, CurlError> {
    let request = parse(command)?;
    let exact = std::str::from_utf8(&request.body).is_ok();
    Ok(PastedRequest {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: String::from_utf8_lossy(&request.body).into_owned(),
        exact,
    })
}

/// Why a pasted command cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CurlError(pub String);

/// The transport's own headers: curl (or the harness's client) sets them itself, and a copied
/// `Host` or `Content-Length` would lie about the request being sent.
const TRANSPORT_HEADERS: [&str; 13] = [
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "expect",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
    "accept-encoding",
    "user-agent",
    "accept",
];

/// The headers worth sending again: everything but the transport's own and credentials
/// (Content-Type, X-Webitel-Sign, webhook-*, any custom header).
pub fn relevant_headers(headers: &[(String, String)]) -> Vec<(String, String)> {
    without_credentials(headers.to_vec())
        .into_iter()
        .filter(|(name, _)| !TRANSPORT_HEADERS.contains(&name.to_ascii_lowercase().as_str()))
        .collect()
}

/// `text` as one single-quoted shell word (`'` becomes `'\''`).
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The command that sends `request` byte for byte from bash or zsh.
pub fn render(request: &CurlRequest) -> String {
    let headers = relevant_headers(&request.headers);
    let mut parts = vec![format!(
        "curl -X {} {}",
        quote(&request.method),
        quote(&request.url)
    )];
    for (name, value) in &headers {
        parts.push(format!("-H {}", quote(&format!("{name}: {value}"))));
    }
    let typed = headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
    let body = &request.body;
    let bodyless = body.is_empty() && matches!(request.method.as_str(), "GET" | "HEAD");
    if !typed && !bodyless {
        // Else curl adds its own form content type, which the original did not carry.
        parts.push("-H 'Content-Type:'".into());
    }
    let curl = |data: String| {
        let mut all = parts.clone();
        all.push(data);
        all.join(" \\\n  ")
    };
    if bodyless {
        return parts.join(" \\\n  ");
    }
    match plain_text(body) {
        Some(text) => curl(format!("--data-raw {}", quote(text))),
        None => format!(
            "printf {} |\n  {}",
            printf_format(body),
            curl("--data-binary @-".into())
        ),
    }
}

/// The body as text when single quotes carry it safely: UTF-8 with no control character.
fn plain_text(body: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(body).ok()?;
    let safe = !text.chars().any(char::is_control);
    safe.then_some(text)
}

/// `printf`'s single-quoted format that prints exactly `body`: `%` doubled, `\` doubled, a
/// quote closed and reopened, and every other byte outside printable ASCII (and a leading `-`,
/// which printf would read as an option) as a three-digit octal escape.
fn printf_format(body: &[u8]) -> String {
    let mut format = String::with_capacity(body.len() + 2);
    format.push('\'');
    for (at, &byte) in body.iter().enumerate() {
        match byte {
            b'%' => format.push_str("%%"),
            b'\\' => format.push_str(r"\\"),
            b'\'' => format.push_str(r"'\''"),
            b'\n' => format.push_str(r"\n"),
            b'-' if at == 0 => format.push_str(r"\055"),
            0x20..=0x7e => format.push(char::from(byte)),
            _ => format.push_str(&format!("\\{byte:03o}")),
        }
    }
    format.push('\'');
    format
}

impl From<CurlError> for crate::error::CoreError {
    fn from(error: CurlError) -> Self {
        crate::error::CoreError::InvalidCurl(error.0)
    }
}

#[cfg(test)]
#[path = "curl_tests.rs"]
mod tests;
