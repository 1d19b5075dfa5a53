//! Copy as cURL byte for byte: the rendered command run by real bash and curl reaches core's
//! receiver with the very bytes and a valid signature; render → parse gives the request back
//! for every byte; pasted commands in the shapes people copy them (browsers, docs, `$'...'`,
//! `printf |`, `echo |`) are read; what cannot be read says why; odd input never panics.

use super::*;
use crate::harness::receiver::{start, ReceiverConfig};
use crate::signature::{webitel_sign, Verdict, WEBITEL_HEADER};

const SECRET: &str = "curlSecret0123";

fn request(body: &[u8]) -> CurlRequest {
    CurlRequest {
        method: "POST".into(),
        url: "http://127.0.0.1:1/hook?x=1&y='2'".into(),
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            (WEBITEL_HEADER.into(), webitel_sign(SECRET.as_bytes(), body)),
            ("Host".into(), "127.0.0.1:1".into()),
            ("Content-Length".into(), body.len().to_string()),
            ("X-Custom".into(), "it's $HOME \\ `x`".into()),
        ],
        body: body.to_vec(),
    }
}

fn awkward_bodies() -> Vec<Vec<u8>> {
    let every_byte: Vec<u8> = (0..=255u8).rev().collect();
    vec![
        b"{\"message\":{\"text\":\"hi\"}}\n".to_vec(),
        b"{\"text\":\"it's $HOME \\\\ `date` %s %% \\n \\u0000\"}".to_vec(),
        b"-n starts like a flag\n\n".to_vec(),
        b"\xff\xfe not UTF-8 \x00 NUL \r\n'\"$\\".to_vec(),
        "Привіт & <b>\t".as_bytes().to_vec(),
        every_byte,
        Vec::new(),
    ]
}

#[test]
fn render_then_parse_gives_every_body_back_with_the_headers_that_matter() {
    for body in awkward_bodies() {
        let original = request(&body);
        let read = parse(&render(&original)).unwrap_or_else(|e| panic!("{e}: {body:?}"));
        assert_eq!(read.body, body);
        assert_eq!(read.method, "POST");
        assert_eq!(read.url, original.url);
        let names: Vec<&str> = read.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Content-Type", WEBITEL_HEADER, "X-Custom"],
            "{body:?}"
        );
        assert_eq!(read.headers[2].1, "it's $HOME \\ `x`");
    }
}

#[test]
fn a_plain_body_is_quoted_and_anything_else_goes_through_printf() {
    let plain = render(&CurlRequest {
        method: "POST".into(),
        url: "http://h/x".into(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: b"{\"a\":\"it's\"}".to_vec(),
    });
    assert_eq!(
        plain,
        "curl -X 'POST' 'http://h/x' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"a\":\"it'\\''s\"}'"
    );
    let piped = render(&CurlRequest {
        method: "POST".into(),
        url: "http://h/x".into(),
        headers: vec![],
        body: b"-a%\\\x00\xff\n".to_vec(),
    });
    assert_eq!(
        piped,
        "printf '\\055a%%\\\\\\000\\377\\n' |\n  curl -X 'POST' 'http://h/x' \\\n  -H 'Content-Type:' \\\n  --data-binary @-"
    );
}

#[tokio::test]
async fn real_bash_and_curl_deliver_the_exact_bytes_with_a_valid_signature() {
    let (running, _feed) = start(ReceiverConfig::new("/hook", SECRET)).await.unwrap();
    let bodies = awkward_bodies();
    for body in &bodies {
        let mut sent = request(body);
        sent.url = running.url();
        let command = render(&sent);
        let output = tokio::task::spawn_blocking(move || {
            std::process::Command::new("bash")
                .args(["-c", &format!("{command} -sS -o /dev/null")])
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        assert!(output.status.success(), "{output:?}");
    }
    let log = running.log();
    assert_eq!(log.len(), bodies.len());
    for (received, body) in log.iter().zip(&bodies) {
        assert_eq!(&received.body, body);
        assert_eq!(received.verdict, Verdict::Valid, "{body:?}");
        let custom = received.headers.iter().find(|(n, _)| n == "x-custom");
        assert_eq!(custom.map(|(_, v)| v.as_str()), Some("it's $HOME \\ `x`"));
    }
}

#[test]
fn commands_as_people_paste_them_are_read() {
    let chrome = "curl 'https://gw.example.com/chat/x' \\\n  -H 'content-type: application/json' \\\n  -H 'x-webitel-sign: ab12' \\\n  --data-raw '{\"a\":1}' \\\n  --compressed";
    let read = parse(chrome).unwrap();
    assert_eq!(read.method, "POST");
    assert_eq!(read.url, "https://gw.example.com/chat/x");
    assert_eq!(read.headers[1], ("x-webitel-sign".into(), "ab12".into()));
    assert_eq!(read.body, b"{\"a\":1}");

    let ansi = parse("curl -XPUT --url localhost:9/h -H\"X-A: \\\"q\\\"\" --data-binary $'a\\nb\\x00\\377\\u00e9'").unwrap();
    assert_eq!(ansi.method, "PUT");
    assert_eq!(ansi.url, "http://localhost:9/h");
    assert_eq!(ansi.headers, [("X-A".to_string(), "\"q\"".to_string())]);
    assert_eq!(ansi.body, b"a\nb\x00\xff\xc3\xa9");

    let echoed = parse("echo '{\"x\":1}' | curl -sS -d @- http://h/").unwrap();
    assert_eq!(echoed.body, b"{\"x\":1}", "-d @- drops newlines");
    let binary = parse("echo -n 'a\\tb' | curl --data-binary @- http://h/").unwrap();
    assert_eq!(binary.body, b"a\\tb");
    let printed = parse("printf '%s\\n' 'it''s' | curl --data-binary @- http://h/").unwrap();
    assert_eq!(printed.body, b"its\n");
    let joined = parse("curl http://h/ -d a=1 -d b=2 -H 'X-Empty;' -H 'Accept:'").unwrap();
    assert_eq!(joined.body, b"a=1&b=2");
    assert_eq!(joined.headers, [("X-Empty".to_string(), String::new())]);
    let get = parse("curl -sSL http://h/x").unwrap();
    assert_eq!((get.method.as_str(), get.body.len()), ("GET", 0));
    let json = parse("curl --json '{}' http://h/").unwrap();
    assert_eq!(
        json.headers[0],
        ("Content-Type".into(), "application/json".into())
    );
}

#[test]
fn what_cannot_be_read_says_why() {
    let cases = [
        ("", "no command"),
        ("   \n", "no command"),
        ("wget http://h/", "not a cURL command"),
        ("curl -d x", "no URL"),
        ("curl http://a/ http://b/", "more than one URL"),
        ("curl -H", "-H has no value"),
        ("curl -H 'no colon' http://h/", "not a header"),
        ("curl -d @body.json http://h/", "the file"),
        ("curl --data-binary @- http://h/", "nothing is piped in"),
        ("curl -F a=b http://h/", "multipart form"),
        ("curl -u me:pw http://h/", "credentials"),
        ("curl --frobnicate http://h/", "--frobnicate"),
        ("curl 'http://h/", "never closed"),
        ("curl \"http://h/", "never closed"),
        ("curl $'abc", "never closed"),
        ("curl http://h/ -d \"$BODY\"", "shell variable"),
        ("curl http://h/ -d `cat x`", "command substitution"),
        ("curl http://h/ && rm -rf /", "only a shell"),
        ("curl http://h/ > out", "only a shell"),
        (
            "cat x | curl --data-binary @- http://h/",
            "only printf or echo",
        ),
        ("a | b | curl http://h/", "Only one command"),
        ("| curl http://h/", "no command on one side"),
        ("curl http://h/ \\", "lone backslash"),
        ("curl -X 'P O' http://h/", "not an HTTP method"),
        (
            "printf '%d' 1 | curl --data-binary @- http://h/",
            "conversion",
        ),
        ("curl --url $'\\xff' -d x", "not UTF-8"),
    ];
    for (command, expected) in cases {
        let error = parse(command).expect_err(command);
        assert!(error.0.contains(expected), "{command}: {error}");
    }
}

#[test]
fn odd_input_never_panics() {
    let sample = render(&request(b"\xff'\"$\\%\n"));
    let extras = "curl -X -H -d --url $'\\u{ffffffff}\\U0011ffff\\x\\777\\c' \"\\\r\n\" # c\n|||";
    for text in [sample.as_str(), extras] {
        for (end, _) in text.char_indices() {
            let _ = parse(&text[..end]);
            let _ = parse(&text[end..]);
        }
    }
    // A fixed pseudo-random stream of shell-ish characters.
    let alphabet: Vec<char> = "curl -XHd@'\"$\\|`;&<>()# \n\r\tabc%:é\u{0}"
        .chars()
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::from("curl ");
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let _ = parse(&text);
        let _ = parse(&format!(
            "printf '{text}' | curl --data-binary @- http://h/"
        ));
    }
    let _ = render(&CurlRequest {
        method: String::new(),
        url: "'\u{0}".into(),
        headers: vec![("'".into(), "\u{0}\n".into())],
        body: vec![0; 3],
    });
}
