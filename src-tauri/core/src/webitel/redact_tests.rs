//! Quoting replies: credential fields redacted in JSON and in other text, then a real server
//! whose unparsable answers carry a token and a gateway secret, through the Webitel client.

use super::*;

const TOKEN: &str = "tok-4f1c9a77e2";
const SECRET: &str = "gw-Secret-0d1e";

fn assert_hidden(quoted: &str) {
    assert!(!quoted.contains(TOKEN), "{quoted}");
    assert!(!quoted.contains(SECRET), "{quoted}");
    assert!(!quoted.contains("hunter2"), "{quoted}");
}

#[test]
fn json_credential_fields_are_redacted_at_any_depth() {
    let reply = format!(
        r#"{{"access_token":"{TOKEN}","items":[{{"name":"Support","metadata":{{"secret":"{SECRET}","webhook":"https://x"}}}}],"X-Webitel-Access":"{TOKEN}","password":{{"v":"hunter2"}}}}"#
    );
    let quoted = quote_reply(reply.as_bytes());
    assert_hidden(&quoted);
    assert!(
        quoted.contains(r#""access_token":"<redacted>""#),
        "{quoted}"
    );
    assert!(quoted.chars().count() <= QUOTE_CHARS);
    let short = format!(r#"{{"name":"Support","metadata":{{"secret":"{SECRET}"}}}}"#);
    assert_eq!(
        quote_reply(short.as_bytes()),
        r#"{"metadata":{"secret":"<redacted>"},"name":"Support"}"#
    );
}

#[test]
fn pairs_in_text_that_is_not_json_are_redacted() {
    let cases = [
        format!("access_token={TOKEN}&expires_in=3600"),
        format!("<html>token: {TOKEN}</html>"),
        format!(r#"{{"access_token": "{TOKEN}", "cut short"#),
        format!(r#"{{"access_token": "{TOKEN}"#),
        format!("Authorization: Bearer {TOKEN}\nmetadata.secret = '{SECRET}'"),
        format!(r#"error: bad "X-Webitel-Access":"{TOKEN}" password=hunter2"#),
    ];
    for case in &cases {
        let quoted = quote_reply(case.as_bytes());
        assert_hidden(&quoted);
        assert!(quoted.contains(REDACTED), "{case} -> {quoted}");
    }
    assert_eq!(
        quote_reply(format!("access_token={TOKEN}&expires_in=3600").as_bytes()),
        "access_token=<redacted>&expires_in=3600"
    );
    assert_eq!(
        quote_reply(b"<html>502 Bad Gateway</html>"),
        "<html>502 Bad Gateway</html>",
        "a reply without credentials is quoted as it came"
    );
    assert_eq!(quote_reply(b"  \n"), "empty body");
}

#[test]
fn a_credential_past_the_quoted_length_is_redacted_before_cutting() {
    let reply = format!("{}token={TOKEN}", "x".repeat(QUOTE_CHARS - 8));
    let quoted = quote_reply(reply.as_bytes());
    assert!(!quoted.contains("tok-"), "{quoted}");
    assert_eq!(quoted.chars().count(), QUOTE_CHARS);
}

#[test]
fn parse_errors_name_the_type_not_the_value() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Login {
        access_token: u64,
    }
    let error =
        serde_json::from_str::<Login>(&format!(r#"{{"access_token":"{TOKEN}"}}"#)).unwrap_err();
    assert!(
        error.to_string().contains(TOKEN),
        "serde quotes it: {error}"
    );
    let described = describe_parse_error(&error);
    assert_hidden(&described);
    assert!(
        described.starts_with("invalid type: string, expected u64"),
        "{described}"
    );
    let missing = serde_json::from_str::<Login>("{}").unwrap_err();
    assert_eq!(describe_parse_error(&missing), missing.to_string());
}

#[test]
fn credential_keys() {
    for key in [
        "access_token",
        "accessToken",
        "token",
        "refresh_token",
        "secret",
        "metadata.secret",
        "password",
        "X-Webitel-Access",
        "Authorization",
        "apiKey",
        "key",
    ] {
        assert!(is_credential_key(key), "{key}");
    }
    for key in [
        "name", "uri", "webhook", "detail", "id", "keyboard", "username",
    ] {
        assert!(!is_credential_key(key), "{key}");
    }
}

/// A server that answers every request with `status` and `body`.
async fn answering(status: u16, body: String) -> String {
    use axum::http::StatusCode;
    let status = StatusCode::from_u16(status).unwrap();
    let app = axum::Router::new().fallback(move || {
        let body = body.clone();
        async move { (status, body) }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

#[tokio::test]
async fn client_errors_about_unparsable_replies_never_quote_credentials() {
    use crate::sensitive::Sensitive;
    use crate::webitel::client::{ClientConfig, WebitelClient};

    // A login answer whose token came as the wrong type, then one that is not JSON at all.
    let wrong_type = answering(200, format!(r#"{{"access_token":["{TOKEN}"]}}"#)).await;
    let not_json = answering(200, format!("access_token={TOKEN}&secret={SECRET}")).await;
    // A refusal that is no micro error but echoes the gateway it was sent.
    let echoed = answering(
        418,
        format!(r#"{{"bot":{{"metadata":{{"secret":"{SECRET}"}}}},"X-Webitel-Access":"{TOKEN}"}}"#),
    )
    .await;
    for base in [wrong_type, not_json, echoed] {
        let client = WebitelClient::new(&ClientConfig::new(&base), None).unwrap();
        let error = client
            .login("admin", &Sensitive::new("hunter2".into()), "")
            .await
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "not_webitel", "{error}");
        let message = error.to_string();
        assert_hidden(&message);
        assert!(message.contains(REDACTED), "{message}");
    }
}
