//! Unit tests of `error.rs`.

use super::*;
use crate::error_text::SHOWN_CHARS;

#[test]
fn long_input_is_quoted_short_and_short_input_whole() {
    let huge = "x".repeat(120_000);
    let message = CoreError::NotFound(huge).to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.ends_with("x\u{2026}"), "{message}");
    assert_eq!(
        CoreError::ServerNotFound("prod".into()).to_string(),
        "No server named or with id prod"
    );
    let wide = "\u{e9}".repeat(100);
    assert_eq!(
        CoreError::InvalidHistoryStatus(wide)
            .to_string()
            .chars()
            .filter(|c| *c == '\u{e9}')
            .count(),
        SHOWN_CHARS
    );
}

#[test]
fn error_chain_is_one_line_and_says_each_cause_once() {
    let inner = std::io::Error::other("line one\nline two");
    assert_eq!(
        error_chain(&ChainedError(inner)),
        "outer: line one line two"
    );
}

#[derive(Debug)]
struct ChainedError(std::io::Error);

impl std::fmt::Display for ChainedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("outer")
    }
}

impl std::error::Error for ChainedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}
