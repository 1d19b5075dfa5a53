//! Quoting a server's reply in an error message without the credentials it may carry. When an
//! answer cannot be understood, the first characters of it tell the admin what answered (a
//! proxy's page, another API); but a login answer holds `access_token`, a gateway holds
//! `metadata.secret`, and an error message travels to logs, terminals and bug reports. Every
//! value under a credential-like key is replaced by `<redacted>` before anything is cut or
//! quoted: structurally when the reply is JSON, else wherever a `key: value` or `key=value`
//! pair with such a key appears.

/// The most characters of a reply an error message quotes.
pub const QUOTE_CHARS: usize = 120;

/// What replaces a credential's value.
pub const REDACTED: &str = "<redacted>";

/// Up to [`QUOTE_CHARS`] characters of `bytes`, credentials redacted, for an error message.
pub fn quote_reply(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.is_empty() {
        return "empty body".into();
    }
    let redacted = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(mut value) => {
            redact_json(&mut value);
            value.to_string()
        }
        Err(_) => redact_pairs(text),
    };
    redacted.chars().take(QUOTE_CHARS).collect()
}

/// A JSON decoding error without the value that did not fit (`invalid type: string "…"`
/// would otherwise repeat a token that came as the wrong type).
pub fn describe_parse_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let quotes_a_value = ["invalid type: ", "invalid value: ", "unknown variant "]
        .iter()
        .any(|prefix| message.starts_with(prefix));
    if !quotes_a_value {
        return message;
    }
    let (head, rest) = match message.find(", expected") {
        Some(at) => message.split_at(at),
        None => (message.as_str(), ""),
    };
    let kind = head.split(['`', '"']).next().unwrap_or(head).trim_end();
    format!("{kind}{rest}")
}

/// Whether a field of this name holds a credential (`access_token`, `X-Webitel-Access`,
/// `metadata.secret`, `password`, `apiKey`, ...).
pub fn is_credential_key(key: &str) -> bool {
    let key: String = key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    const PARTS: &[&str] = &[
        "token",
        "secret",
        "password",
        "passwd",
        "authorization",
        "webitelaccess",
        "apikey",
        "accesskey",
        "privatekey",
        "cookie",
        "credential",
        "totp",
    ];
    key == "key" || PARTS.iter().any(|part| key.contains(part))
}

fn redact_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                if is_credential_key(key) {
                    *field = serde_json::Value::String(REDACTED.into());
                } else {
                    redact_json(field);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

/// `text` with the value of every `key: value` / `key=value` / `"key": "value"` pair whose key
/// is a credential replaced, for replies that are not JSON (or JSON cut short).
fn redact_pairs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_key_char(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_key_char(chars[i]) {
            i += 1;
        }
        let key: String = chars[start..i].iter().collect();
        out.push_str(&key);
        if !is_credential_key(&key) {
            continue;
        }
        // The key's closing quote and spaces, then `:` or `=`, then spaces.
        let mut j = i;
        if j < chars.len() && matches!(chars[j], '"' | '\'') {
            j += 1;
        }
        j = skip_spaces(&chars, j);
        if j >= chars.len() || !matches!(chars[j], ':' | '=') {
            continue;
        }
        j = skip_spaces(&chars, j + 1);
        out.extend(&chars[i..j]);
        let end = value_end(&chars, j);
        match chars.get(j) {
            Some(quote @ ('"' | '\'')) => {
                out.push(*quote);
                out.push_str(REDACTED);
                if end > j + 1 && chars.get(end - 1) == Some(quote) {
                    out.push(*quote);
                }
            }
            _ => out.push_str(REDACTED),
        }
        i = end;
    }
    out
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && (chars[at] == ' ' || chars[at] == '\t') {
        at += 1;
    }
    at
}

/// Where the value starting at `at` ends: after its closing quote, or at the next delimiter
/// or line end.
fn value_end(chars: &[char], at: usize) -> usize {
    match chars.get(at) {
        Some(quote @ ('"' | '\'')) => {
            let mut k = at + 1;
            while k < chars.len() {
                match chars[k] {
                    '\\' => k += 2,
                    c if c == *quote => return k + 1,
                    _ => k += 1,
                }
            }
            chars.len()
        }
        _ => {
            let mut k = at;
            // Spaces do not end it: `Authorization: Bearer abc` is one value. Cutting too much
            // only hides more of the reply.
            while k < chars.len()
                && !matches!(
                    chars[k],
                    '\n' | '\r' | ',' | '&' | ';' | '}' | ']' | '<' | '>' | '"' | '\''
                )
            {
                k += 1;
            }
            k
        }
    }
}

#[cfg(test)]
#[path = "redact_tests.rs"]
mod tests;
