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
mod tests {
    use super::*;

    #[test]
    fn builds_the_chat_url_from_a_server_base() {
        let cases = [
            (
                "https://cloud.example.com",
                "/abc",
                "https://cloud.example.com/chat/abc",
            ),
            (
                "https://cloud.example.com/",
                "/abc",
                "https://cloud.example.com/chat/abc",
            ),
            ("https://host:8443//", "abc", "https://host:8443/chat/abc"),
            ("https://host", "/a/b", "https://host/chat/a/b"),
        ];
        for (base, uri, expected) in cases {
            assert_eq!(webhook_url(Some(base), uri), expected, "{base} + {uri}");
        }
    }

    #[test]
    fn without_a_server_the_uri_is_returned() {
        assert_eq!(
            webhook_url(None, "/oprzxtblgubhixwsvewqupzjpgalsrl"),
            "/oprzxtblgubhixwsvewqupzjpgalsrl"
        );
    }
}
