//! Where the harness may send: an http(s) URL without a `user:password@` part. The harness
//! signs its requests and never sends credentials in a URL, where they would also be shown in
//! messages and kept in the history; what is shown or stored always has that part removed.

/// `url` as a target the harness sends to: http(s), and without a `user:password@` part (the
/// harness never sends credentials in a URL, where they would also end up in the history).
/// The message never repeats the password.
pub fn check_target(url: &str) -> Result<reqwest::Url, String> {
    let shown = without_userinfo(url);
    match reqwest::Url::parse(url) {
        Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") => {
            Err(format!("\u{201c}{shown}\u{201d} is not an http(s) URL"))
        }
        Ok(parsed) if !parsed.username().is_empty() || parsed.password().is_some() => Err(format!(
            "\u{201c}{shown}\u{201d} carries a user name or password (user:password@): \
             the harness signs its requests and sends no credentials in URLs; remove that part"
        )),
        Ok(parsed) => Ok(parsed),
        Err(_) => Err(format!("\u{201c}{shown}\u{201d} is not an http(s) URL")),
    }
}

/// `url` with any `user:password@` part removed, for showing and storing; text that does not
/// parse as a URL loses everything between `://` and an `@` before the path.
pub fn without_userinfo(url: &str) -> String {
    if let Ok(mut parsed) = url::Url::parse(url) {
        if parsed.username().is_empty() && parsed.password().is_none() {
            return url.to_string();
        }
        if parsed.set_username("").is_ok() && parsed.set_password(None).is_ok() {
            return parsed.to_string();
        }
    }
    let Some(scheme_end) = url.find("://").map(|at| at + 3) else {
        return url.to_string();
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |at| scheme_end + at);
    match url[scheme_end..authority_end].rfind('@') {
        Some(at) => format!("{}{}", &url[..scheme_end], &url[scheme_end + at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
#[path = "target_tests.rs"]
mod tests;
