//! Unit tests of the template engine's own promises: where errors point, what Webitel's server
//! check refuses, and the Go formatting rules admins rely on. Every expected output here was
//! confirmed with Go 1.19 (the differential test re-checks hundreds more against Go itself).

use super::*;

/// The sample account as template data (shared with `tests_go_rules`).
pub(super) fn sample() -> Value {
    Account::sample().to_value()
}

pub(super) fn render(text: &str) -> Result<String, TemplateError> {
    parse("t", text, &Delims::webitel())?.render(&sample(), MissingKey::Error)
}

pub(super) fn ok(text: &str) -> String {
    match render(text) {
        Ok(s) => s,
        Err(e) => panic!("{text:?} failed: {e}"),
    }
}

fn err(text: &str) -> TemplateError {
    match render(text) {
        Ok(s) => panic!("{text:?} rendered {s:?}, expected an error"),
        Err(e) => e,
    }
}

#[test]
fn renders_the_idiomatic_join_template() {
    let t = "$(.FirstName)$(if .LastName) $(.LastName)$(end) joined the chat";
    assert_eq!(ok(t), "Ann Smith joined the chat");
    let no_last = Account {
        last_name: String::new(),
        ..Account::sample()
    };
    let out = parse("join", t, &Delims::webitel())
        .unwrap()
        .render(&no_last.to_value(), MissingKey::Error);
    assert_eq!(out.unwrap(), "Ann joined the chat");
}

#[test]
fn parse_errors_carry_key_line_and_column() {
    let e = parse("join", "Hello\n  $(md2 .FirstName)", &Delims::webitel()).unwrap_err();
    assert_eq!(
        (e.name.as_str(), e.phase, e.line, e.column, e.offset),
        ("join", Phase::Parse, 2, 5, 10)
    );
    assert_eq!(e.message, "function \"md2\" not defined");
    assert_eq!(
        e.to_string(),
        "template: join:2:5: function \"md2\" not defined"
    );
    assert_eq!(
        e.go_message(),
        "template: join:2: function \"md2\" not defined"
    );
}

#[test]
fn exec_errors_carry_location_and_gos_wording() {
    let e = err("$(.FirstName) $(.Nope)");
    assert_eq!(
        (e.phase, e.line, e.column, e.offset),
        (Phase::Exec, 1, 17, 16)
    );
    assert_eq!(e.message, "can't evaluate field Nope in type *chat.Account");
    assert_eq!(
        e.go_message(),
        "template: t:1:16: executing \"t\" at <.Nope>: can't evaluate field Nope in type *chat.Account"
    );
    let multiline = err("line1\nline2 é $(.Id.X)");
    assert_eq!((multiline.line, multiline.column), (2, 14));
    assert_eq!(multiline.go_location("line1\nline2 é $(.Id.X)"), "t:2:14");
    assert_eq!(multiline.message, "can't evaluate field X in type int64");
    // Go counts the column in bytes and reports a builtin's failure at its whole command.
    let e = err("é $(index .Id 1)");
    assert_eq!((e.line, e.column, e.offset), (1, 5, 5));
    assert_eq!(
        e.go_message(),
        "template: t:1:5: executing \"t\" at <index .Id 1>: error calling index: can't index item of type int64"
    );
}

#[test]
fn md2_is_refused_at_parse_time_even_where_never_executed() {
    let e = parse(
        "left",
        "$(if false)$(md2 .FirstName)$(end)",
        &Delims::webitel(),
    )
    .unwrap_err();
    assert_eq!(e.phase, Phase::Parse);
    assert!(check("left", "$(.FirstName | md2)").is_err());
}

#[test]
fn check_follows_the_servers_rules() {
    assert!(check("join", "$(.FirstName) joined").is_ok());
    assert!(
        check("title", "   \n ").is_ok(),
        "an empty template is not checked"
    );
    assert!(check("close", "Chat closed, thank you!").is_ok());
    let e = check("close", "Bye $(.FirstName)").unwrap_err();
    assert_eq!(e.phase, Phase::Exec);
    assert_eq!(e.message, "nil data; no entry for key \"FirstName\"");
    assert!(check("join", "$(.Nope)").is_err(), "unknown struct field");
    assert!(
        check("join", "$(printf \"%s\" (.FirstName))").is_err(),
        "`)` closes the action"
    );
    // The server test-renders with its own peer (Id 0), so this passes there.
    assert!(check("join", "$(if .Id)$(.Nope)$(end)").is_ok());
    // Leading and trailing whitespace is trimmed before parsing, as Webitel does.
    assert_eq!(
        render_webitel("join", "\n  $(.FirstName) \t\n", &Account::sample()).unwrap(),
        "Ann"
    );
}

#[test]
fn close_has_no_context() {
    let t = parse("close", "[$(.)] $(print .)", &Delims::webitel()).unwrap();
    assert_eq!(
        t.render(&Value::Nil, MissingKey::Error).unwrap(),
        "[<no value>] <nil>"
    );
    let field = parse("close", "$(.FirstName)", &Delims::webitel()).unwrap();
    assert!(field.render(&Value::Nil, MissingKey::Error).is_err());
    assert_eq!(
        field.render(&Value::Nil, MissingKey::Zero).unwrap(),
        "<no value>"
    );
}

#[test]
fn id_is_an_integer_and_fields_are_typed() {
    assert_eq!(ok("$(printf \"%d\" .Id)"), "42");
    assert_eq!(
        ok("$(printf \"%T %T %T\" . .Id .FirstName)"),
        "*chat.Account int64 string"
    );
    assert_eq!(ok("$(printf \"%s\" .Id)"), "%!s(int64=42)");
    assert_eq!(ok("$(.)"), "{42 custom +380501234567 Ann Smith ann.smith}");
    assert_eq!(
        ok("$(print .)"),
        "&{42 custom +380501234567 Ann Smith ann.smith}"
    );
}

#[test]
fn trim_markers_need_a_space() {
    assert_eq!(ok("a \n $(- .FirstName -) \t b"), "aAnnb");
    assert_eq!(ok("$(- /* note */ -)  x"), "x");
    assert!(
        render("a $(-.FirstName)").is_err(),
        "`-.F` is a bad number, not a trim marker"
    );
    assert_eq!(ok("$(-3)"), "-3");
}

#[test]
fn comments_conditionals_with_and_variables() {
    assert_eq!(ok("a$(/* hidden */)b"), "ab");
    assert_eq!(
        ok("$(if eq .Channel \"tg\")1$(else if eq .Channel \"custom\")2$(else)3$(end)"),
        "2"
    );
    assert_eq!(
        ok("$(with .Username)[$(.)]$(end)$(with \"\")x$(else)y$(end)"),
        "[ann.smith]y"
    );
    assert_eq!(
        ok("$($x := .FirstName)$($x = printf \"%s!\" $x)$($x)"),
        "Ann!"
    );
    assert_eq!(ok("$(.FirstName | printf \"%q\" | len)"), "5");
    assert!(render("$($nope)").is_err(), "undefined variable");
}

#[test]
fn go_delimiters_allow_parenthesised_arguments() {
    let t = parse(
        "t",
        "{{printf \"%s-%d\" (.FirstName) (len .Username)}}",
        &Delims::go(),
    )
    .unwrap();
    assert_eq!(t.render(&sample(), MissingKey::Error).unwrap(), "Ann-9");
    let e = parse("t", "$(len (.FirstName))", &Delims::webitel()).unwrap_err();
    assert_eq!(e.message, "unclosed left paren");
}

#[test]
fn define_template_and_block() {
    assert_eq!(
        ok("$(define \"g\")Hi $(.FirstName)$(end)$(template \"g\" .)!"),
        "Hi Ann!"
    );
    assert_eq!(ok("$(block \"b\" .LastName)<$(.)>$(end)"), "<Smith>");
    let e = err("$(define \"r\")$(template \"r\")$(end)$(template \"r\")");
    assert!(
        e.message.contains("exceeded maximum template depth"),
        "{}",
        e.message
    );
}

#[test]
fn nesting_go_renders_renders_here() {
    // Go 1.19 renders these; Textgate once refused them past 100 levels.
    let deep_if = format!("{}x{}", "$(if true)".repeat(500), "$(end)".repeat(500));
    assert_eq!(ok(&deep_if), "x");
    let deep_parens = format!("{{{{{}1{}}}}}", "(".repeat(5000), ")".repeat(5000));
    let t = parse("t", &deep_parens, &Delims::go()).unwrap();
    assert_eq!(t.render(&sample(), MissingKey::Error).unwrap(), "1");
}

#[test]
fn account_from_json_matches_go_decoding() {
    let json = serde_json::json!({"id": 7, "FIRSTNAME": "Bo", "lastName": null, "extra": 1});
    let acc = Account::from_json(&json).unwrap();
    assert_eq!(
        (acc.id, acc.first_name.as_str(), acc.last_name.as_str()),
        (7, "Bo", "")
    );
    assert!(Account::from_json(&serde_json::json!({"Id": "x"})).is_err());
    assert_eq!("zero".parse::<MissingKey>(), Ok(MissingKey::Zero));
}

#[test]
fn the_deepest_render_allowed_fits_in_a_small_stack() {
    // Deep parentheses inside a template that calls itself, on a 1 MiB thread stack (the
    // recursion continues on heap segments). Go fails it at its 100,000th nested call, after
    // 9.5 million parenthesised pipelines; Textgate's work budget stops it before that.
    let parens = 95;
    let text = format!(
        "{{{{define \"r\"}}}}{{{{if true}}}}{{{{with .}}}}{{{{template \"r\" {}.{}}}}}{{{{end}}}}{{{{end}}}}{{{{end}}}}{{{{template \"r\" .}}}}",
        "(".repeat(parens),
        ")".repeat(parens)
    );
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let t = parse("t", &text, &Delims::go()).expect("parses");
            t.render(&Account::sample().to_value(), MissingKey::Error)
                .map(|_| ())
        });
    let result = worker.expect("spawn").join().expect("no stack overflow");
    let e = result.expect_err("too costly");
    assert_eq!(e.limit, Some(Limit::Steps), "{e}");
    // Three levels a call: the same recursion without the parentheses meets Go's depth.
    let text = r#"{{define "r"}}{{if true}}{{with .}}{{template "r" .}}{{end}}{{end}}{{end}}{{template "r" .}}"#;
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let t = parse("t", text, &Delims::go()).expect("parses");
            t.render(&Account::sample().to_value(), MissingKey::Error)
                .map(|_| ())
        });
    let e = worker.expect("spawn").join().expect("no stack overflow");
    assert!(
        e.unwrap_err()
            .message
            .contains("exceeded maximum template depth (100000)"),
        "Go's depth error"
    );
}
