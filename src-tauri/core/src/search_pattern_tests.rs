//! Unit tests of `search_pattern.rs`: the shared case table (the UI's matcher runs the same
//! file) and what the table cannot say (several fields, a blank pattern over none).

use std::path::PathBuf;

use super::*;

#[derive(serde::Deserialize)]
struct Case {
    pattern: String,
    text: String,
    matches: bool,
}

fn cases() -> Vec<Case> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/search-patterns.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_case_of_the_shared_table_holds() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let failed: Vec<String> = cases
        .iter()
        .filter(|case| SearchPattern::parse(&case.pattern).matches(&case.text) != case.matches)
        .map(|case| {
            format!(
                "{:?} on {:?} should be {}",
                case.pattern, case.text, case.matches
            )
        })
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_table_covers_both_answers_and_every_kind_of_pattern() {
    let cases = cases();
    assert!(cases.iter().any(|case| case.matches));
    assert!(cases.iter().any(|case| !case.matches));
    assert!(cases.iter().any(|case| case.pattern.trim().is_empty()));
    assert!(cases.iter().any(|case| !case.pattern.contains('*')));
    assert!(cases.iter().any(|case| case.pattern.contains("**")));
    assert!(cases.iter().any(|case| case.pattern == "*"));
    assert!(cases.iter().any(|case| case.pattern.contains('%')));
}

#[test]
fn a_profile_matches_when_any_field_does() {
    let pattern = SearchPattern::parse("*example.com*");
    assert!(pattern.matches_any(["Sales", "/sales", "https://bot.example.com/hook", ""]));
    assert!(!pattern.matches_any(["Sales", "/sales", "https://bot.test/hook", "a note"]));
    assert!(SearchPattern::parse("note").matches_any(["Sales", "/s", "", "a NOTE here"]));
}

#[test]
fn a_blank_pattern_matches_everything_even_no_fields() {
    for blank in ["", "  ", "\t\n", "*", "***"] {
        let pattern = SearchPattern::parse(blank);
        assert!(pattern.is_everything(), "{blank:?}");
        assert!(pattern.matches_any(std::iter::empty()), "{blank:?}");
    }
    assert!(!SearchPattern::parse("a").is_everything());
    assert!(!SearchPattern::parse("a*").matches_any(std::iter::empty()));
}
