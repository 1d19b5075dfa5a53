//! Where Go's `text/template` says an error is, read from its own words, so every error about a
//! template names the spot the same way ("line 1, column 3") while Go's text stays verbatim in
//! the details. Go writes `template: join:1:2: executing …` (exec errors: the template's name,
//! the 1-based line, and the column as a 0-based byte offset into that line, from
//! `parse.Tree.ErrorContext`) or `template: join:1: …` (parse errors: the line only). A leaf:
//! it only reads text.

/// A spot in a template as Go reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoPosition {
    /// The template's name (`join`, `title`...).
    pub template: String,
    /// 1-based line.
    pub line: u32,
    /// Go's column: bytes before the spot on its line (0-based); absent in parse errors.
    pub byte_column: Option<u32>,
}

impl GoPosition {
    /// The 1-based column in characters, as the preview counts: the characters of `text`'s
    /// line before Go's byte offset, plus one. Without the text (an error from the server),
    /// each byte is counted as a character, which is exact for ASCII.
    pub fn column(&self, text: Option<&str>) -> Option<u32> {
        let bytes = self.byte_column? as usize;
        let Some(text) = text else {
            return Some(self.byte_column? + 1);
        };
        let line = text.split('\n').nth(self.line.saturating_sub(1) as usize)?;
        let mut end = bytes.min(line.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        u32::try_from(line[..end].chars().count() + 1).ok()
    }
}

/// The position in Go's message (`… template: join:1:2: …`), if it names one.
pub fn go_position(go: &str) -> Option<GoPosition> {
    let start = go.find("template: ")? + "template: ".len();
    let rest = &go[start..];
    let location = &rest[..rest.find(": ")?];
    let mut parts = location.rsplitn(3, ':');
    let last = parts.next()?;
    let middle = parts.next()?;
    match (parts.next(), middle.parse::<u32>(), last.parse::<u32>()) {
        (Some(name), Ok(line), Ok(column)) if !name.is_empty() => Some(GoPosition {
            template: name.to_string(),
            line,
            byte_column: Some(column),
        }),
        (_, _, Ok(line)) => {
            let name = location.rsplit_once(':')?.0;
            (!name.is_empty()).then(|| GoPosition {
                template: name.to_string(),
                line,
                byte_column: None,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "go_position_tests.rs"]
mod tests;
