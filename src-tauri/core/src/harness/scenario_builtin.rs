//! The built-in scenarios: one for every event of the custom gateway's webhook (the protocol's
//! §2), in both directions. The client's (`send`) are wire events; Webitel's (`emulate`) are the
//! agent's actions that `outbound::compose` turns into the bytes Webitel posts.

use serde_json::{json, Value};

use super::scenarios::{Scenario, ScenarioDirection};

fn scenario(name: &str, direction: ScenarioDirection, description: &str, body: Value) -> Scenario {
    Scenario {
        name: name.to_string(),
        direction,
        description: description.to_string(),
        body,
        builtin: true,
    }
}

/// Every built-in scenario, the client's first.
pub fn builtins() -> Vec<Scenario> {
    use ScenarioDirection::{Emulate, Send};
    vec![
        scenario(
            "client.text",
            Send,
            "The customer writes a text message (a new chat's first message starts the flow)",
            json!({"message": {
                "chatId": "${chat_id}",
                "sender": {"id": "${sender_id}", "type": "telegram", "name": "Test Customer"},
                "text": "Hello from a Textgate scenario"
            }}),
        ),
        scenario(
            "client.file",
            Send,
            "The customer sends a file (an image by URL, with its type, size and name)",
            json!({"message": {
                "chatId": "${chat_id}",
                "sender": {"id": "${sender_id}", "type": "telegram", "name": "Test Customer"},
                "file": {
                    "url": "https://example.com/files/photo.png",
                    "mime": "image/png",
                    "size": 179491,
                    "name": "photo.png"
                }
            }}),
        ),
        scenario(
            "client.close",
            Send,
            "The customer's side closes the chat",
            json!({"close": {"chatId": "${chat_id}"}}),
        ),
        scenario(
            "client.broadcast-failure",
            Send,
            "The client reports a recipient a broadcast could not reach",
            json!({"broadcast": {
                "eventId": "${event_id}",
                "recipients": [{"id": "${sender_id}", "type": "telegram", "error": "blocked by the user"}]
            }}),
        ),
        scenario(
            "agent.text",
            Emulate,
            "An agent (or the flow) writes to the customer",
            json!({"kind": "text", "chatId": "${chat_id}", "text": "Hello, I am Ann. How can I help?"}),
        ),
        scenario(
            "agent.file",
            Emulate,
            "An agent sends a file (Webitel forwards the file, never a caption)",
            json!({"kind": "file", "chatId": "${chat_id}", "text": "", "file": {
                "url": "https://example.com/files/invoice.pdf",
                "mime": "application/pdf",
                "size": 48213,
                "name": "invoice.pdf"
            }}),
        ),
        scenario(
            "agent.join",
            Emulate,
            "An agent joins the chat: the profile's join template over the agent's account",
            json!({"kind": "join", "chatId": "${chat_id}", "agent": agent()}),
        ),
        scenario(
            "agent.left",
            Emulate,
            "An agent leaves the chat: the profile's left template over the agent's account",
            json!({"kind": "left", "chatId": "${chat_id}", "agent": agent()}),
        ),
        scenario(
            "agent.close",
            Emulate,
            "The agent closes the chat: the close template's notice, then the close event",
            json!({"kind": "close", "chatId": "${chat_id}"}),
        ),
        scenario(
            "agent.broadcast",
            Emulate,
            "A flow starts a broadcast to one recipient",
            json!({
                "kind": "broadcast",
                "eventId": "${event_id}",
                "recipients": [{"id": "${sender_id}", "type": "telegram"}],
                "text": "Our office is closed on Monday",
                "metadata": {"campaign": "textgate-scenario"}
            }),
        ),
    ]
}

/// The built-in called `name`.
pub fn builtin(name: &str) -> Option<Scenario> {
    builtins().into_iter().find(|s| s.name == name)
}

/// The agent the join and left scenarios render their template over (Webitel's account).
fn agent() -> Value {
    json!({
        "Id": 42,
        "Channel": "chat",
        "Contact": "ann@example.com",
        "FirstName": "Ann",
        "LastName": "Agent",
        "Username": "ann"
    })
}
