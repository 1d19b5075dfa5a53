//! The registry's search, as Webitel's own gateway list has it, so an admin's habits carry
//! over: without a `*` the text is a case-insensitive substring; with one, `*` stands for any
//! run of characters and the pattern must cover the whole field (`Part*` starts with "Part",
//! `*bot*` contains "bot", `*bot` ends with it). Every other character is literal (`?`, `%` and
//! `_` too). One matcher for the CLI's `--match` and the app's search box, whose TypeScript twin
//! runs the same cases (`tests/fixtures/search-patterns.json`). A leaf: it knows no profile.

/// A parsed search text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPattern {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A blank pattern (or only stars): every field matches.
    Everything,
    /// No `*`: the lowercased text anywhere in the field.
    Substring(String),
    /// The lowercased pieces between the stars: the first starts the field, the last ends it,
    /// the ones between follow in order.
    Wildcard(Vec<String>),
}

impl SearchPattern {
    /// The pattern typed as `text` (surrounding whitespace is not part of it).
    pub fn parse(text: &str) -> Self {
        let text = text.trim().to_lowercase();
        let kind = if !text.contains('*') {
            if text.is_empty() {
                Kind::Everything
            } else {
                Kind::Substring(text)
            }
        } else if text.chars().all(|c| c == '*') {
            Kind::Everything
        } else {
            Kind::Wildcard(text.split('*').map(str::to_string).collect())
        };
        Self { kind }
    }

    /// Whether the pattern matches everything (nothing was typed).
    pub fn is_everything(&self) -> bool {
        self.kind == Kind::Everything
    }

    /// Whether `field` matches, ignoring case.
    pub fn matches(&self, field: &str) -> bool {
        match &self.kind {
            Kind::Everything => true,
            Kind::Substring(text) => field.to_lowercase().contains(text.as_str()),
            Kind::Wildcard(pieces) => wildcard_matches(pieces, &field.to_lowercase()),
        }
    }

    /// Whether any of `fields` matches (a profile's name, URI, callback and notes).
    pub fn matches_any<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        self.is_everything() || fields.into_iter().any(|field| self.matches(field))
    }
}

/// `pieces` are the pattern split at its stars (at least two, since it had one).
fn wildcard_matches(pieces: &[String], field: &str) -> bool {
    let (Some((first, rest)), Some(last)) = (pieces.split_first(), pieces.last()) else {
        return true;
    };
    let Some(mut rest_of_field) = field.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some(middle) = rest.split_last().map(|(_, middle)| middle) else {
        return true;
    };
    // The last piece must end the field and may not overlap what the others used.
    if rest_of_field.len() < last.len() {
        return false;
    }
    let Some(before_last) = rest_of_field.strip_suffix(last.as_str()) else {
        return false;
    };
    rest_of_field = before_last;
    // Each middle piece as early as possible leaves the most room for the next.
    for piece in middle {
        match rest_of_field.find(piece.as_str()) {
            Some(at) => rest_of_field = &rest_of_field[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
#[path = "search_pattern_tests.rs"]
mod tests;
