//! Go `text/template`, as Webitel's server runs it for the Templates tab, so that Textgate can
//! show while the admin types exactly what a customer will see and exactly what the server will
//! refuse (issue C). Its own crate (issue G): it depends on nothing of Textgate's core, and core
//! re-exports it as `textgate_core::template`. What it covers and how it is checked against Go:
//! `README.md` beside this crate's `Cargo.toml`.
//!
//! Why not a crate: `gtmpl` (the maintained port, 0.7) was evaluated first. Its README lists
//! `html` and `js` as unimplemented and `printf` as "not fully stable", its values are JSON
//! values (no Go `int`/`int64`/`uint8`, so `%T`, `%d` and comparisons differ), its `urlquery`
//! and `eq` differ from Go's in its source, and we found no missingkey=error option. Since the
//! whole point is Go-identical output and refusals, this engine is a port of Go 1.19's
//! `text/template`, `fmt` and the `strconv` bits they use (down to the lexer quirk that makes
//! `)` end a `$(` action, so parenthesised arguments never close), checked byte for byte
//! against Go itself by `tests/template_vs_go.rs`.
//!
//! ```
//! use textgate_gotemplate::{parse, Account, Delims, MissingKey};
//! let text = "$(.FirstName)$(if .LastName) $(.LastName)$(end) joined";
//! let t = parse("join", text, &Delims::webitel()).unwrap();
//! let out = t.render(&Account::sample().to_value(), MissingKey::Error).unwrap();
//! assert_eq!(out, "Ann Smith joined");
//! ```

mod ast;
mod ast_display;
mod atoi;
mod budget;
mod compare;
mod error;
mod escape;
mod eval;
mod eval_call;
mod exec;
mod fmt_float;
mod format;
mod ftoa;
mod funcs;
mod item;
mod lex_action;
mod lexer;
mod number;
mod parse;
mod parse_control;
mod parse_pipe;
mod printf;
mod printf_verbs;
mod quote;
mod rv;
mod set;
mod stack;
mod unicode;
mod unicode_tables;
mod value;
mod walk;

#[cfg(test)]
mod proptests;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_go_rules;
#[cfg(test)]
mod tests_limits;

use std::collections::HashMap;

pub use budget::{Limit, MAX_DATA, MAX_OUTPUT, MAX_STEPS};
pub use error::{ExecContext, Phase, TemplateError};
pub use set::TemplateSet;
pub use value::{Account, StructValue, Value};

/// The template keys of a custom gateway's Templates tab.
pub const KEYS: [&str; 5] = ["title", "close", "join", "left", "file_policy_fail"];

/// Action delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delims {
    pub left: String,
    pub right: String,
}

impl Delims {
    /// `$(` `)`: Webitel's custom (and most) chat gateways.
    pub fn webitel() -> Self {
        Delims::new("$(", ")")
    }

    /// `{{` `}}`: Go's default, used by the newer Webitel gateway generation.
    pub fn go() -> Self {
        Delims::new("{{", "}}")
    }

    /// Empty delimiters mean Go's defaults, as in Go's `Template.Delims`.
    pub fn new(left: &str, right: &str) -> Self {
        let pick = |s: &str, default: &str| {
            if s.is_empty() {
                default.to_string()
            } else {
                s.to_string()
            }
        };
        Delims {
            left: pick(left, "{{"),
            right: pick(right, "}}"),
        }
    }
}

/// Go's `missingkey` option: what a missing map key yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingKey {
    /// `missingkey=default` (or `invalid`): prints `<no value>`.
    Default,
    /// `missingkey=zero`: the map's zero value (for `interface{}` maps, also `<no value>`).
    Zero,
    /// `missingkey=error`: rendering fails, as on Webitel's server.
    #[default]
    Error,
}

impl std::str::FromStr for MissingKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "default" | "invalid" => Ok(MissingKey::Default),
            "zero" => Ok(MissingKey::Zero),
            "error" => Ok(MissingKey::Error),
            _ => Err(format!(
                "unrecognized missingkey {s:?} (use error, zero or default)"
            )),
        }
    }
}

/// A parsed template (with the templates it `define`s).
#[derive(Debug, Clone)]
pub struct Template {
    name: String,
    text: String,
    trees: HashMap<String, ast::List>,
}

/// Parses `text` as Go's `template.New(name).Delims(..).Parse(text)` does.
pub fn parse(name: &str, text: &str, delims: &Delims) -> Result<Template, TemplateError> {
    let delims = Delims::new(&delims.left, &delims.right);
    let items = lexer::lex(text, &delims.left, &delims.right);
    let mut parser = parse::Parser::new(name, items);
    match parser.parse() {
        Ok(()) => Ok(Template {
            name: name.to_string(),
            text: text.to_string(),
            trees: parser.trees,
        }),
        Err(e) => {
            let mut err =
                TemplateError::at(name, Phase::Parse, text, e.pos, Some(e.line), e.message);
            err.limit = e.limit;
            Err(err)
        }
    }
}

impl Template {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text this template was parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Renders over `data` (Go's `Execute`), returning Go's exact output bytes.
    pub fn render_bytes(
        &self,
        data: &Value,
        missing: MissingKey,
    ) -> Result<Vec<u8>, TemplateError> {
        // Every template of a single parse comes from this text.
        let origin = |_: &str| (self.name.clone(), self.text.clone());
        exec::execute(&self.trees, &self.name, &origin, missing, data)
    }

    /// Renders over `data`. Go's output is bytes; the rare invalid UTF-8 (from `"\xff"`-style
    /// escapes) is shown as U+FFFD here; use [`Template::render_bytes`] for the exact bytes.
    pub fn render(&self, data: &Value, missing: MissingKey) -> Result<String, TemplateError> {
        let bytes = self.render_bytes(data, missing)?;
        Ok(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })
    }
}

/// Go's `strings.TrimSpace`, which Webitel applies to every template before parsing it.
pub fn trim_space(text: &str) -> &str {
    text.trim_matches(|c: char| unicode::is_space(u32::from(c)))
}

/// The data Webitel's server renders `key` with: nothing for `close`, otherwise `account`.
pub fn context_for(key: &str, account: &Account) -> Value {
    if key == "close" {
        Value::Nil
    } else {
        account.to_value()
    }
}

/// Renders a Templates-tab entry as the server does for a customer: the text is trimmed,
/// parsed with `$(` `)` and rendered with missingkey=error (`close` gets no context).
pub fn render_webitel(key: &str, text: &str, account: &Account) -> Result<String, TemplateError> {
    let text = trim_space(text);
    let t = parse(key, text, &Delims::webitel())?;
    t.render(&context_for(key, account), MissingKey::Error)
}

/// What Webitel's server checks before accepting a template (a 400 otherwise): the trimmed text
/// parses with `$(` `)`, and a test render with missingkey=error over the server's own test
/// peer succeeds (`close` is rendered with no context). An empty template is accepted.
pub fn check(key: &str, text: &str) -> Result<(), TemplateError> {
    let text = trim_space(text);
    if text.is_empty() {
        return Ok(());
    }
    let t = parse(key, text, &Delims::webitel())?;
    t.render_bytes(
        &context_for(key, &Account::server_test_peer()),
        MissingKey::Error,
    )
    .map(|_| ())
}
