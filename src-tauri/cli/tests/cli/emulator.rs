//! `textgate-cli emulator --auto-reply` as a script would use it: started in the background, a
//! custom gateway created through its admin API with the callback pointing at a local receiver,
//! a signed client message sent to the gateway URI, and the signed auto-reply heard back.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::Duration;

use textgate_core::harness::delivery::{client, deliver, post, Signing};
use textgate_core::harness::receiver::{start, ReceiverConfig};
use textgate_core::signature::Verdict;

const TOKEN: &str = "emulatorToken-auto";
const SECRET: &str = "autoReplySecret0123";

#[test]
fn auto_reply_answers_a_signed_client_message_on_the_callback() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (receiver, mut heard) = runtime
        .block_on(start(ReceiverConfig::new("/hook", SECRET)))
        .unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .args(["emulator", "--port", "0", "--token", TOKEN, "--auto-reply"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base = first
        .trim()
        .strip_prefix("Webitel emulator on ")
        .and_then(|rest| rest.strip_suffix(" (admin API at /api)"))
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .to_string();

    let outcome = runtime.block_on(async {
        let http = client().unwrap();
        let gateway = serde_json::json!({
            "name": "Auto", "uri": "/autoreplygateway", "provider": "custom", "enabled": true,
            "flow": {"id": 1},
            "metadata": {"secret": SECRET, "webhook": receiver.url()},
        });
        let created = post(
            &http,
            &format!("{base}/api/chat/bots"),
            serde_json::to_vec(&gateway).unwrap(),
            vec![
                ("Content-Type".into(), "application/json".into()),
                ("X-Webitel-Access".into(), TOKEN.into()),
            ],
        )
        .await;
        assert_eq!(created.status, Some(200), "{created:?}");

        let body = br#"{"message":{"chatId":"c-42","sender":{"id":"u-1","type":"web"},"text":"Is anyone there?"}}"#;
        let sent = deliver(
            &http,
            &format!("{base}/chat/autoreplygateway"),
            body,
            SECRET.as_bytes(),
            Signing::Correct,
        )
        .await;
        assert_eq!(sent.status, Some(200), "{sent:?}");
        tokio::time::timeout(Duration::from_secs(10), heard.recv()).await
    });
    let _ = child.kill();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = child.wait();

    let reply = outcome
        .expect("the auto-reply arrives in time")
        .expect("the receiver is running");
    assert_eq!(reply.verdict, Verdict::Valid);
    let event: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(event["message"]["chatId"], "c-42");
    assert_eq!(event["message"]["text"], "Auto-reply: Is anyone there?");
    assert!(
        reply.body.ends_with(b"}}\n"),
        "Go's encoder ends with a newline"
    );
    assert!(stderr.contains("auto-reply is on"), "{stderr}");
}
