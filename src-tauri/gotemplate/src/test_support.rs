//! What other crates' tests need from the engine (the `test-support` feature, which core turns
//! on for its dev-dependency only): the costly templates the budget is proven with, and the
//! probe telling which threads are inside a render (core proves with it that a costly render
//! holds no lock).

pub use crate::budget::probe;

/// The issue's template: a recursion that doubles 40 times (about 2^41 calls).
pub const DOUBLING: &str = r#"$(define "a")$(if .)$(template "a" slice . 1)$(template "a" slice . 1)$(else)x$(end)$(end)$(template "a" "0123456789012345678901234567890123456789")"#;

/// The same with a leaf that prints a million bytes.
pub const DOUBLING_PRINTF: &str = r#"$(define "a")$(if .)$(template "a" slice . 1)$(template "a" slice . 1)$(else)$(printf "%999999d" 1)$(end)$(end)$(template "a" "0123456789012345678901234567890123456789")"#;
