//! Textgate's limits on a render (issue E): the work budget, the output and data caps, Go's
//! depths (100,000 nested `template` calls; nesting as deep as Go 1.19 renders it), and deep
//! input that is an error or a render, never a stack overflow. Expected outputs and messages
//! are Go 1.19.8's for the same templates (`tests/go-template`).

use super::test_support::{DOUBLING, DOUBLING_PRINTF};
use super::*;

fn sample() -> Value {
    Account::sample().to_value()
}

fn render_go(text: &str) -> Result<String, TemplateError> {
    parse("t", text, &Delims::go())?.render(&sample(), MissingKey::Error)
}

fn render_webitel(text: &str) -> Result<String, TemplateError> {
    parse("t", text, &Delims::webitel())?.render(&sample(), MissingKey::Error)
}

#[test]
fn the_doubling_recursion_stops_at_the_work_budget() {
    let e = render_webitel(DOUBLING).unwrap_err();
    assert_eq!(e.limit, Some(Limit::Steps), "{e}");
    assert_eq!(e.phase, Phase::Exec);
    assert!(e.message.contains("2000000 steps"), "{}", e.message);
    assert!(
        e.go_message().starts_with("template: t:1:"),
        "{}",
        e.go_message()
    );
}

#[test]
fn a_million_byte_leaf_stops_at_the_output_cap() {
    let e = render_webitel(DOUBLING_PRINTF).unwrap_err();
    assert_eq!(e.limit, Some(Limit::Output), "{e}");
    assert!(
        e.message.contains("1048576 bytes of output"),
        "{}",
        e.message
    );
}

#[test]
fn nested_ifs_and_else_if_chains_render_as_in_go() {
    for n in [150, 1000, 100_000] {
        let text = format!("{}x{}", "$(if 1)".repeat(n), "$(end)".repeat(n));
        assert_eq!(render_webitel(&text).unwrap(), "x", "{n} nested ifs");
    }
    let chain = format!("$(if 0)a{}$(else)z$(end)", "$(else if 0)b".repeat(300));
    assert_eq!(render_webitel(&chain).unwrap(), "z");
}

#[test]
fn deep_parentheses_render_as_in_go() {
    let n = 100_000;
    let text = format!("{{{{{}1{}}}}}", "(".repeat(n), ")".repeat(n));
    assert_eq!(render_go(&text).unwrap(), "1");
}

#[test]
fn nesting_past_the_limit_is_an_error_not_a_crash() {
    let n = budget::MAX_NESTING + 50_000;
    let ifs = format!("{}x{}", "$(if 1)".repeat(n), "$(end)".repeat(n));
    let e = render_webitel(&ifs).unwrap_err();
    assert_eq!((e.phase, e.limit), (Phase::Parse, Some(Limit::Nesting)));
    assert!(e.message.contains("nesting deeper than"), "{}", e.message);
    let parens = format!("{{{{{}1{}}}}}", "(".repeat(n), ")".repeat(n));
    let e = render_go(&parens).unwrap_err();
    assert_eq!(e.limit, Some(Limit::Nesting));
    // Unclosed: Webitel's `)` delimiter ends the action, so this is Go's lexer error.
    let open = format!("$(print {}", "(".repeat(n));
    assert!(render_webitel(&open).is_err());
}

#[test]
fn recursion_deeper_than_300_calls_renders_as_in_go() {
    let text = format!(
        r#"$(define "a")$(if .)-$(template "a" slice . 1)$(end)$(end)$(template "a" "{}")"#,
        "y".repeat(1000)
    );
    assert_eq!(render_webitel(&text).unwrap(), "-".repeat(1000));
}

#[test]
fn endless_recursion_fails_at_go_depth_with_go_message() {
    let e = render_webitel(r#"$(define "r")$(template "r")$(end)$(template "r")"#).unwrap_err();
    assert_eq!(e.limit, None);
    assert_eq!(
        e.go_message(),
        r#"template: t:1:24: executing "r" at <{{template "r"}}>: exceeded maximum template depth (100000)"#
    );
    let text =
        r#"$(define "r")$(if true)$(with .)$(template "r" .)$(end)$(end)$(end)$(template "r" .)"#;
    assert_eq!(
        render_webitel(text).unwrap_err().go_message(),
        r#"template: t:1:43: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)"#
    );
}

#[test]
fn values_doubled_in_variables_stop_at_the_data_cap() {
    // No output at all: each variable holds twice the last (Go would allocate terabytes).
    let mut text = String::from(r#"$($a := printf "%999999d" 1)"#);
    for _ in 0..30 {
        text.push_str(r#"$($a = printf "%s%s" $a $a)"#);
    }
    let e = render_webitel(&text).unwrap_err();
    assert_eq!(e.limit, Some(Limit::Data), "{e}");
}

#[test]
fn one_printf_with_many_wide_verbs_stops_at_the_data_cap() {
    // Ten thousand verbs of a million bytes each: the call stops soon past the cap.
    let text = format!(
        r#"{{{{len (printf "{}" {})}}}}"#,
        "%999999d".repeat(10_000),
        "1 ".repeat(10_000)
    );
    let e = render_go(&text).unwrap_err();
    assert_eq!(e.limit, Some(Limit::Data), "{e}");
}
