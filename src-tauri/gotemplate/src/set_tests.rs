//! Unit tests of `set.rs`.

use super::*;
use crate::Account;

fn render(set: &TemplateSet, name: &str) -> String {
    let out = set
        .render_bytes(name, &Account::sample().to_value(), MissingKey::Error)
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn templates_of_one_set_call_each_other() {
    let mut set = TemplateSet::new();
    let webitel = Delims::webitel();
    set.add(
        "title",
        r#"$(define "who")$(.FirstName)$(end)Agent $(template "who" .)"#,
        &webitel,
    )
    .unwrap();
    set.add("join", r#"$(template "who" .) joined"#, &webitel)
        .unwrap();
    assert_eq!(render(&set, "title"), "Agent Ann");
    assert_eq!(render(&set, "join"), "Ann joined");
    assert!(set.contains("who"));
}

#[test]
fn an_empty_redefinition_keeps_the_old_body_and_a_failed_parse_changes_nothing() {
    let mut set = TemplateSet::new();
    let webitel = Delims::webitel();
    set.add("join", "$(.FirstName) joined", &webitel).unwrap();
    set.add("left", r#"$(define "join")  $(end)left"#, &webitel)
        .unwrap();
    assert_eq!(render(&set, "join"), "Ann joined");
    assert!(set.add("close", "$(md2 .)", &webitel).is_err());
    assert!(!set.contains("close"));
}

#[test]
fn a_render_error_is_located_in_the_text_that_defined_the_failing_template() {
    // Expected messages are Go 1.19's for the same set (parsed as the server parses it).
    let mut set = TemplateSet::new();
    let webitel = Delims::webitel();
    let title = "$(define \"who\")\n  $(.Nope)$(end)Agent $(template \"who\" .)";
    set.add("title", title, &webitel).unwrap();
    set.add("join", "$(template \"who\" .) joined", &webitel)
        .unwrap();
    let acc = Account::sample().to_value();
    let e = set
        .render_bytes("join", &acc, MissingKey::Error)
        .unwrap_err();
    assert_eq!(
        e.go_message(),
        "template: title:2:4: executing \"who\" at <.Nope>: can't evaluate field Nope in type *chat.Account"
    );
    assert_eq!((e.name.as_str(), e.line, e.offset), ("title", 2, 20));
    set.add("left", "$(define \"who\")é $(.Id.X)$(end)left", &webitel)
        .unwrap();
    let e = set
        .render_bytes("title", &acc, MissingKey::Error)
        .unwrap_err();
    assert_eq!(
        e.go_message(),
        "template: left:1:23: executing \"who\" at <.Id.X>: can't evaluate field X in type int64"
    );
}

#[test]
fn a_missing_template_is_an_error_not_a_panic() {
    let set = TemplateSet::new();
    let e = set
        .render_bytes("nope", &Value::Nil, MissingKey::Error)
        .unwrap_err();
    assert_eq!(
        e.go_message(),
        "template: nope: \"nope\" is an incomplete or empty template"
    );
}
