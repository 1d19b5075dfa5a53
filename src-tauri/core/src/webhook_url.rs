//! The address a client's chat service posts to: Webitel serves every custom gateway at
//! `<server base>/chat/<uri without the leading slash>`. Without a server the URI alone is
//! what the user can copy.

/// The full webhook URL when the profile belongs to a server, else the URI itself.
pub fn webhook_url(server_base: Option<&str>, uri: &str) -> String {
    match server_base {
        Some(base) => {
            let base = base.trim().trim_end_matches('/');
            let path = uri.trim().trim_start_matches('/');
            format!("{base}/chat/{path}")
        }
        None => uri.trim().to_string(),
    }
}

#[cfg(test)]
#[path = "webhook_url_tests.rs"]
mod tests;
