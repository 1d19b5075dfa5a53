//! Property tests: the engine never panics, whatever the admin types (arbitrary Unicode, or a
//! soup of template tokens that reaches deep into the lexer and parser), with either delimiter
//! set, any missingkey option and any of the contexts Webitel uses; and text without delimiters
//! renders as itself.

use proptest::prelude::*;

use super::*;

#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "$(", ")", "{{", "}}", "$(- ", " -)", "{{- ", " -}}", "(", " ", "\n", "\t", "|", ":=", "=",
    ",", "if ", "else ", "else if ", "end", "range ", "with ", "define ", "template ", "block ",
    "break", "continue", "nil", ".", ".FirstName", ".Id", ".A.B", "$", "$x", "$x := ",
    "$i, $v := ", "\"s\"", "\"\\xff\"", "`r`", "'c'", "'\\n'", "42", "-1", "1.5", "0x1F", "1e3",
    "1+2i", "08", "1_0", "0x", "+", "-", "/*", "*/", "len ", "printf ",
    "\"%d %s %5.2f %q %x %v %T %!\" ", "print ", "println ", "index ", "slice ", "eq ", "lt ",
    "and ", "or ", "not ", "html ", "js ", "urlquery ", "call ", "md2 ", "é", "日", "🙂", "\u{0}",
    "!", "#", "\\", "\"", "'", "`", ";", "x", "_",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.concat())
}

fn contexts() -> Vec<Value> {
    let map = serde_json::json!({"A": {"B": "x"}, "L": [1, "two", null], "N": null});
    vec![
        Account::sample().to_value(),
        Value::Nil,
        Value::from_json(&map),
    ]
}

fn exercise(text: &str) {
    for delims in [Delims::webitel(), Delims::go()] {
        if let Ok(t) = parse("p", text, &delims) {
            for data in contexts() {
                for missing in [MissingKey::Error, MissingKey::Zero, MissingKey::Default] {
                    let _ = t.render_bytes(&data, missing);
                }
            }
        }
    }
    let _ = check("join", text);
    let _ = check("close", text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,80}") {
        exercise(&text);
    }

    #[test]
    fn never_panics_on_template_token_soup(text in token_soup()) {
        exercise(&text);
    }

    #[test]
    fn never_panics_on_any_chars(text in prop::collection::vec(any::<char>(), 0..60)) {
        exercise(&text.into_iter().collect::<String>());
    }

    #[test]
    fn text_without_delimiters_renders_verbatim(text in "[^$({}]{0,60}") {
        for delims in [Delims::webitel(), Delims::go()] {
            let t = parse("p", &text, &delims).expect("plain text parses");
            prop_assert_eq!(t.render(&Value::Nil, MissingKey::Error).expect("renders"), text.clone());
        }
    }
}
