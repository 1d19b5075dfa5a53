//! The chat JSON a client's service POSTs to a gateway, judged as Webitel's custom gateway
//! does (`chat::inbound::accept`), plus what the history indexes of it. An accepted event,
//! encoded again the way Go encodes it, must be accepted again as the same event.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textgate_core::chat::go_json;
use textgate_core::chat::inbound::{accept, Inbound};
use textgate_core::chat::wire::Event;
use textgate_core::harness::history::chat_and_text;

/// A fixed "now" (unix seconds) for messages that carry no date.
const NOW: i64 = 1_764_547_200;

fuzz_target!(|data: &[u8]| {
    let _ = chat_and_text(data);
    let Ok(inbound) = accept(data, NOW) else {
        return;
    };
    let event = match inbound.clone() {
        Inbound::Message(message) => Event {
            message: Some(message),
            ..Event::default()
        },
        Inbound::Close(close) => Event {
            close: Some(close),
            ..Event::default()
        },
        Inbound::BroadcastReport(broadcast) => Event {
            broadcast: Some(broadcast),
            ..Event::default()
        },
    };
    let encoded = go_json::encode(&event).expect("an accepted event encodes");
    assert_eq!(
        accept(&encoded, NOW).as_ref(),
        Ok(&inbound),
        "re-encoded as {}",
        String::from_utf8_lossy(&encoded)
    );
});
