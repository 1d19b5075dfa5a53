//! The lexer's tokens (Go's `item` and `itemType`) and how Go names them in parse errors
//! (`unexpected "x" in command`, `unexpected <end> in ...`).

use super::quote::quote;
use super::unicode::is_print;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemType {
    Error,
    Bool,
    Char,
    CharConstant,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    // Keywords (Go's `item > itemKeyword`).
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl ItemType {
    fn is_keyword(self) -> bool {
        matches!(
            self,
            ItemType::Block
                | ItemType::Break
                | ItemType::Continue
                | ItemType::Dot
                | ItemType::Define
                | ItemType::Else
                | ItemType::End
                | ItemType::If
                | ItemType::Nil
                | ItemType::Range
                | ItemType::Template
                | ItemType::With
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub typ: ItemType,
    /// Byte offset of the item in the input.
    pub pos: usize,
    pub val: String,
    /// Line of the start of the item (1-based; 0 for the zero item read past the end).
    pub line: usize,
}

impl Item {
    /// What Go reads from the closed channel once the lexer has stopped.
    pub fn zero() -> Item {
        Item {
            typ: ItemType::Error,
            pos: 0,
            val: String::new(),
            line: 0,
        }
    }

    /// Go's `item.String()`, used in "unexpected ..." messages.
    pub fn describe(&self) -> String {
        match self.typ {
            ItemType::Eof => "EOF".into(),
            ItemType::Error => self.val.clone(),
            t if t.is_keyword() => format!("<{}>", self.val),
            _ if self.val.len() > 10 => {
                let cut: String = self.val.chars().take(10).collect();
                format!(
                    "{}...",
                    String::from_utf8_lossy(&quote(cut.as_bytes(), false))
                )
            }
            _ => String::from_utf8_lossy(&quote(self.val.as_bytes(), false)).into_owned(),
        }
    }
}

/// Go's `%#U`: `U+0021 '!'`.
pub(crate) fn sharp_u(r: char) -> String {
    let u = u32::from(r);
    if is_print(u) {
        format!("U+{u:04X} '{r}'")
    } else {
        format!("U+{u:04X}")
    }
}
