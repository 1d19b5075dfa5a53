//! How an error message quotes what it is about: user input cut to a readable length, and an
//! error's chain of causes on one line. A leaf every module may use, so that saying an error
//! well never makes a module depend on the error enum that gathers them all (`error`).

/// At most this many characters of what the user typed are quoted back in a message.
pub const SHOWN_CHARS: usize = 80;

/// User input as a message quotes it: whole when short, else its start and an ellipsis, so a
/// 10 MB argument gives a one-line error, not a 10 MB one.
pub fn shown(input: &str) -> std::borrow::Cow<'_, str> {
    match input.char_indices().nth(SHOWN_CHARS) {
        None => input.into(),
        Some((end, _)) => format!("{}\u{2026}", &input[..end]).into(),
    }
}

/// An error and its sources as one line (`a: b: c`, a newline inside a cause becomes a space),
/// each cause said once; for transport errors whose outer message alone ("error sending
/// request") explains nothing.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        source = inner.source();
    }
    parts.join(": ").replace('\n', " ")
}
