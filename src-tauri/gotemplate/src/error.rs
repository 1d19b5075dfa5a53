//! The one error a template can produce, parse or render, carrying what the editor needs to put
//! a marker at the failing spot (template key, line, column, byte offset) and a message worded
//! like Go's `text/template`, so the admin reads in Textgate what the Webitel server would say.

use std::fmt;

use super::budget::Limit;
use super::quote::go_quote;

/// Which half of Go's pipeline refused the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// `Template.Parse` failed: the server refuses the template outright.
    Parse,
    /// `Template.Execute` failed on the context it was given.
    Exec,
}

/// A parse or render failure, located in the template text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TemplateError {
    /// The template's name (its key, such as `join`).
    pub name: String,
    pub phase: Phase,
    /// 1-based line of the failing spot.
    pub line: usize,
    /// 1-based column of the failing spot, counted in characters (for an editor marker).
    pub column: usize,
    /// Byte offset of the failing spot in the template text.
    pub offset: usize,
    /// Go's message without the `template: name:line:` prefix, e.g. `function "md2" not defined`.
    pub message: String,
    /// For render errors, where Go says it was: `executing "name" at <node>`.
    pub context: Option<Box<ExecContext>>,
    /// Go's column: bytes from the start of the line, 0-based (what `name:line:col` shows).
    #[serde(skip)]
    pub byte_column: usize,
    /// Set when Textgate stopped the template at one of its own limits (work, output, data,
    /// nesting), where Go would go on for ever, fill the memory or crash: not Go's refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

/// The template being executed (a `define`d one may differ from the key) and Go's text of the
/// failing node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExecContext {
    pub template: String,
    pub node: String,
}

impl TemplateError {
    /// Locates `offset` in `text` (Go counts the column in bytes from 0; we keep both).
    pub(crate) fn at(
        name: &str,
        phase: Phase,
        text: &str,
        offset: usize,
        line: Option<usize>,
        message: String,
    ) -> Self {
        let offset = offset.min(text.len());
        let mut cut = offset;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &text[..cut];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let counted_line = 1 + before.matches('\n').count();
        TemplateError {
            name: name.to_string(),
            phase,
            line: line.filter(|&l| l > 0).unwrap_or(counted_line),
            column: 1 + before[line_start..].chars().count(),
            offset,
            message,
            context: None,
            byte_column: cut - line_start,
            limit: None,
        }
    }

    /// Go's byte column (0-based), as Go prints it in `name:line:col`.
    fn go_column(&self, text_hint: Option<&str>) -> usize {
        match text_hint {
            Some(text) => {
                let cut = self.offset.min(text.len());
                let start = text.as_bytes()[..cut]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                cut - start
            }
            None => self.byte_column,
        }
    }

    /// The error exactly as Go's `err.Error()` words it. Parse errors carry no column in Go;
    /// a render error with no node to point at (an empty template) carries no line either.
    pub fn go_message(&self) -> String {
        match (&self.phase, &self.context) {
            (Phase::Exec, Some(ctx)) => format!(
                "template: {}:{}:{}: executing {} at <{}>: {}",
                self.name,
                self.line,
                self.go_column(None),
                go_quote(&ctx.template),
                ctx.node,
                self.message
            ),
            (Phase::Exec, None) => format!("template: {}: {}", self.name, self.message),
            (Phase::Parse, _) => format!("template: {}:{}: {}", self.name, self.line, self.message),
        }
    }

    /// Recomputes the Go byte column once the template text is known (the UI reports chars).
    pub fn go_location(&self, text: &str) -> String {
        format!("{}:{}:{}", self.name, self.line, self.go_column(Some(text)))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "template: {}:{}:{}: ", self.name, self.line, self.column)?;
        if let Some(ctx) = &self.context {
            write!(
                f,
                "executing {} at <{}>: ",
                go_quote(&ctx.template),
                ctx.node
            )?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for TemplateError {}
