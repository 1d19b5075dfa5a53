//! The paths a Rust source file names: the leaves of its `use` trees and every inline
//! `crate::…`/`super::…` path, with comments and `#[cfg(test)]` items taken out first.
//! A reader, not a parser: it knows just enough of Rust's grammar for module references.

/// The code without comments and without the items marked `#[cfg(test)]`.
pub fn strip_comments_and_tests(text: &str) -> String {
    let code = strip_comments(text);
    let mut out = String::with_capacity(code.len());
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        rest = skip_item(&rest[at + "#[cfg(test)]".len()..]);
    }
    out.push_str(rest);
    out
}

/// The text with comments removed and string and character literals emptied, so that neither
/// a `//` inside a string nor a quote inside a comment misleads what follows.
fn strip_comments(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == 'r' && !after_ident && (at(i + 1) == '#' || at(i + 1) == '"') {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if at(i + 1 + hashes) == '"' {
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let body: String = chars[i + 2 + hashes..].iter().collect();
                let len = body
                    .find(&close)
                    .map_or(body.chars().count(), |n| body[..n].chars().count());
                out.push_str("\"\"");
                i += 2 + hashes + len + close.chars().count();
                continue;
            }
        }
        if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
            continue;
        }
        if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("' '");
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// What follows the item after an attribute: further attributes, then up to its `;` or the
/// brace closing its body, whichever comes first.
fn skip_item(text: &str) -> &str {
    let mut depth = 0usize;
    let mut bracket = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '[' => bracket += 1,
            ']' => bracket = bracket.saturating_sub(1),
            ';' if depth == 0 && bracket == 0 => return &text[at + 1..],
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return &text[at + 1..];
                }
            }
            _ => {}
        }
    }
    ""
}

/// Every path the code names: `(is a pub use, segments)`.
pub fn referenced_paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let tokens = tokenize(code);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let is_pub = i > 0 && (tokens[i - 1] == "pub" || tokens[i - 1] == ")");
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |n| i + n);
            let mut leaves = Vec::new();
            use_tree(&tokens[i + 1..end], &[], &mut leaves);
            found.extend(leaves.into_iter().map(|leaf| (is_pub, leaf)));
            i = end;
        } else if matches!(tokens[i].as_str(), "crate" | "super")
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || tokens[i - 1] != "::")
        {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).map(String::as_str) == Some("::") && is_ident(tokens.get(j + 1)) {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            found.push((false, path));
            i = j;
        }
        i += 1;
    }
    found
}

/// The leaves of a `use` tree: `a::{b, c::{d as e, *}}` → `a::b`, `a::c::d` (an alias is
/// dropped: the path is what matters; a glob names its module, `a::c`).
fn use_tree(tokens: &[String], prefix: &[String], leaves: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "::" => {}
            "{" => {
                let close = matching_brace(tokens, i);
                for item in split_top_level(&tokens[i + 1..close]) {
                    use_tree(item, &path, leaves);
                }
                return;
            }
            "as" => {
                leaves.push(path);
                return;
            }
            "*" => {
                leaves.push(path);
                return;
            }
            token => path.push(token.to_string()),
        }
        i += 1;
    }
    if path.len() > prefix.len() {
        leaves.push(path);
    }
}

fn matching_brace(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (at, token) in tokens.iter().enumerate().skip(open) {
        match token.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

fn split_top_level(tokens: &[String]) -> Vec<&[String]> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, token) in tokens.iter().enumerate() {
        match token.as_str() {
            "{" => depth += 1,
            "}" => depth -= 1,
            "," if depth == 0 => {
                items.push(&tokens[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&tokens[start..]);
    items.into_iter().filter(|item| !item.is_empty()).collect()
}

fn is_ident(token: Option<&String>) -> bool {
    token.is_some_and(|t| {
        t.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    })
}

/// Identifiers, `::`, and single punctuation characters (literals are empty by now).
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".into());
            i += 1;
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
        i += 1;
    }
    tokens
}
