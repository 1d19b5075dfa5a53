//! The IPC catalogue's cases for the scenario picker's commands (issue J §5).

use serde_json::{json, Value};

use super::cases::{Case, Expect};

fn case(what: &'static str, args: Value, expect: Expect) -> Case {
    Case { what, args, expect }
}

fn ids() -> Value {
    json!({"chatId": "", "senderId": "", "eventId": ""})
}

/// The bad inputs of one scenario command; `None` when `command` is not one of them.
pub fn cases(command: &str, profile: &str) -> Option<Vec<Case>> {
    use Expect::{Answers, Args, Code};
    let huge = "x".repeat(10 * 1024 * 1024 + 1);
    let render = |name: &str, overrides: Value| json!({"profileId": profile, "name": name, "overrides": overrides, "ids": ids()});
    let send = |name: &str, url: &str| json!({"profileId": profile, "name": name, "overrides": [], "ids": ids(), "url": url});
    let draft = |name: &str, direction: &str, body: Value| json!({"draft": {"name": name, "direction": direction, "description": "", "body": body}});
    let good_body = json!({"close": {"chatId": "c"}});
    Some(match command {
        "list_scenarios" => vec![case("an extra argument", json!({"x": 1}), Answers)],
        "render_scenario" => vec![
            case(
                "an unknown scenario",
                render("nosuch", json!([])),
                Code("scenario_not_found"),
            ),
            case(
                "a huge name",
                render(&huge, json!([])),
                Code("scenario_not_found"),
            ),
            case(
                "a NUL in the name",
                render("client\0text", json!([])),
                Code("scenario_not_found"),
            ),
            case(
                "an override through a string",
                render(
                    "client.text",
                    json!([{"path": "message.text.x", "value": "1"}]),
                ),
                Code("scenario_invalid"),
            ),
            case(
                "an empty override path",
                render("client.text", json!([{"path": "", "value": "1"}])),
                Code("scenario_invalid"),
            ),
            case(
                "an override of no field",
                render("agent.text", json!([{"path": "colour", "value": "red"}])),
                Code("scenario_invalid"),
            ),
            case(
                "overrides of the wrong type",
                render("client.text", json!("a=1")),
                Args,
            ),
            case(
                "an unknown profile for an emulate scenario",
                json!({"profileId": "no-such", "name": "agent.join", "overrides": [], "ids": ids()}),
                Code("not_found"),
            ),
            case(
                "ids missing",
                json!({"profileId": profile, "name": "client.text", "overrides": []}),
                Args,
            ),
        ],
        "send_scenario" => vec![
            case(
                "an emulate scenario",
                send("agent.text", "https://x.example/"),
                Code("scenario_invalid"),
            ),
            case(
                "an unknown scenario",
                send("nosuch", "https://x.example/"),
                Code("scenario_not_found"),
            ),
            case(
                "a javascript: URL",
                send("client.text", "javascript:alert(1)"),
                Code("no_target"),
            ),
            case(
                "a file: URL",
                send("client.text", "file:///etc/passwd"),
                Code("no_target"),
            ),
            case(
                "an ftp: URL",
                send("client.text", "ftp://files.example/x"),
                Code("no_target"),
            ),
        ],
        "emulate_scenario" => vec![
            case(
                "a send scenario",
                send("client.text", "https://x.example/"),
                Code("scenario_invalid"),
            ),
            case(
                "an unknown scenario",
                send("nosuch", "https://x.example/"),
                Code("scenario_not_found"),
            ),
            case(
                "a javascript: URL",
                send("agent.text", "javascript:alert(1)"),
                Code("no_target"),
            ),
            case(
                "a file: URL",
                send("agent.text", "file:///etc/passwd"),
                Code("no_target"),
            ),
        ],
        "save_scenario" => vec![
            case(
                "a built-in's name",
                draft("client.text", "send", good_body.clone()),
                Code("scenario_builtin"),
            ),
            case(
                "a body that is not an object",
                draft("mine", "send", json!([1])),
                Code("scenario_invalid"),
            ),
            case(
                "an emulate body that is no action",
                draft("mine", "emulate", good_body.clone()),
                Code("scenario_invalid"),
            ),
            case(
                "a name with spaces",
                draft("my scenario", "send", good_body.clone()),
                Code("scenario_invalid"),
            ),
            case(
                "a huge name",
                draft(&huge, "send", good_body.clone()),
                Code("scenario_invalid"),
            ),
            case(
                "an empty name",
                draft("", "send", good_body.clone()),
                Code("scenario_invalid"),
            ),
            case(
                "an unknown direction",
                draft("mine", "sideways", good_body.clone()),
                Args,
            ),
            case("no draft", json!({}), Args),
        ],
        "delete_scenario" => vec![
            case(
                "a built-in",
                json!({"name": "agent.join"}),
                Code("scenario_builtin"),
            ),
            case(
                "an unknown scenario",
                json!({"name": "nosuch"}),
                Code("scenario_not_found"),
            ),
            case("a name of the wrong type", json!({"name": 5}), Args),
        ],
        _ => return None,
    })
}
