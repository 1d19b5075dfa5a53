//! `send` against the emulator's chat webhook: a text message and a close accepted with
//! `{"success":true}`, a spoiled signature answered 403 (the expected answer, so exit 0), a
//! body file sent byte for byte, and the clear errors (no server, nothing listening).

use textgate_core::emulator::Direction;

use crate::support::{create_local, create_on_prod, dead_url, id_of, DataDir, WebitelServer};

fn pushed_and_enabled(dir: &DataDir, server: &WebitelServer) -> String {
    dir.add_server("prod", server);
    let profile = create_on_prod(dir, "Support");
    dir.run(&["profiles", "push", "Support"]).ok();
    dir.run(&["profiles", "enable", "Support"]).ok();
    id_of(&profile)
}

#[test]
fn send_a_text_a_close_and_a_wrong_signature() {
    let server = WebitelServer::start();
    let dir = DataDir::new();
    pushed_and_enabled(&dir, &server);
    let text = dir.run(&[
        "send",
        "Support",
        "--text",
        "Hi <there>",
        "--chat-id",
        "c-1",
        "--sender-id",
        "u-1",
        "--sender-type",
        "viber",
    ]);
    let out = text.ok();
    assert!(out.contains("-> 200 OK in "), "{out}");
    assert!(out.contains("{\"success\":true}"), "{out}");
    let close = dir
        .run(&["--json", "send", "Support", "--close", "c-1"])
        .json();
    assert_eq!(close["status"], 200);
    assert_eq!(close["chatId"], "c-1");
    assert_eq!(close["signing"], "correct");

    let inbound: Vec<_> = server
        .emulator()
        .chat_log()
        .into_iter()
        .filter(|entry| entry.direction == Direction::Inbound)
        .collect();
    assert_eq!(inbound.len(), 2);
    assert_eq!(
        String::from_utf8(inbound[0].body.clone()).unwrap(),
        r#"{"message":{"chatId":"c-1","sender":{"id":"u-1","type":"viber"},"text":"Hi <there>"}}"#
    );
    assert_eq!(inbound[1].body, br#"{"close":{"chatId":"c-1"}}"#);

    let refused = dir.run(&["send", "Support", "--close", "c-1", "--bad-signature"]);
    assert!(refused.ok().contains("-> 403 Forbidden"), "{refused:#?}");
    assert_eq!(server.emulator().chat_log().len(), 2, "nothing accepted");
}

#[test]
fn a_body_file_goes_out_byte_for_byte_and_a_malformed_event_fails_with_exit_1() {
    let server = WebitelServer::start();
    let dir = DataDir::new();
    pushed_and_enabled(&dir, &server);
    let body =
        "{\"message\": {\"chatId\":\"c-9\", \"sender\":{\"id\":\"u\"}, \"text\":\"caf\u{e9}\"}}\n";
    let file = dir.path().join("event.json");
    std::fs::write(&file, body).unwrap();
    dir.run(&["send", "Support", "--body-file", file.to_str().unwrap()])
        .ok();
    let last = server.emulator().chat_log().pop().unwrap();
    assert_eq!(last.body, body.as_bytes());

    let no_text = dir.run_stdin(
        &["send", "Support", "--body-file", "-"],
        r#"{"message":{"chatId":"c-9","sender":{"id":"u"}}}"#,
    );
    assert_eq!(no_text.code, 1, "{no_text:#?}");
    assert!(
        no_text.stdout.contains("-> 500 Internal Server Error"),
        "{no_text:#?}"
    );
    assert!(no_text.stdout.contains("custom: "), "{no_text:#?}");
}

#[test]
fn clear_errors_without_a_server_or_a_listener() {
    let dir = DataDir::new();
    create_local(&dir, "Local");
    let (code, message) = dir
        .run(&["--json", "send", "Local", "--close", "c-1"])
        .json_error();
    assert_eq!(code, "no_target");
    assert!(message.contains("has no server"), "{message}");

    let url = dead_url("/chat/x");
    let line = dir
        .run(&["send", "Local", "--close", "c-1", "--url", &url])
        .failure_line()
        .to_string();
    assert!(line.starts_with("error: Cannot connect to"), "{line}");
    let usage = dir.run(&["send", "Local", "--text", "hi"]);
    assert_eq!(
        usage.code, 2,
        "--text needs --chat-id and --sender-id: {usage:#?}"
    );
}
