//! The lexer's states inside an action (Go's `lexInsideAction` and the states it hands over
//! to): spaces and trim markers, identifiers and keywords, fields and variables, quoted strings,
//! and numbers. This is where a `)` that is also the right delimiter ends the action.

use super::item::{sharp_u, ItemType};
use super::lexer::{has_right_trim_marker, is_alphanumeric, is_space, Lexer, State};
use super::quote::quote;
use super::unicode::is_print;

impl Lexer<'_> {
    pub(super) fn lex_inside_action(&mut self) -> Option<State> {
        if self.at_right_delim().0 {
            if self.paren_depth == 0 {
                return Some(State::RightDelim);
            }
            return self.errorf("unclosed left paren".into());
        }
        let r = self.next();
        let Some(c) = r else {
            return self.errorf("unclosed action".into());
        };
        match c {
            _ if is_space(r) => {
                self.backup();
                return Some(State::Space);
            }
            '=' => self.emit(ItemType::Assign),
            ':' => {
                if self.next() != Some('=') {
                    return self.errorf("expected :=".into());
                }
                self.emit(ItemType::Declare);
            }
            '|' => self.emit(ItemType::Pipe),
            '"' => return Some(State::Quote),
            '`' => return Some(State::RawQuote),
            '$' => return Some(State::Variable),
            '\'' => return Some(State::Char),
            '.' if !self.rest().first().is_none_or(u8::is_ascii_digit) => {
                return Some(State::Field);
            }
            '.' | '+' | '-' | '0'..='9' => {
                self.backup();
                return Some(State::Number);
            }
            _ if is_alphanumeric(r) => {
                self.backup();
                return Some(State::Identifier);
            }
            '(' => {
                self.emit(ItemType::LeftParen);
                self.paren_depth += 1;
            }
            ')' => {
                self.emit(ItemType::RightParen);
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return self.errorf(format!("unexpected right paren {}", sharp_u(c)));
                }
            }
            _ if c.is_ascii() && is_print(u32::from(c)) => self.emit(ItemType::Char),
            _ => return self.errorf(format!("unrecognized character in action: {}", sharp_u(c))),
        }
        Some(State::InsideAction)
    }

    pub(super) fn lex_space(&mut self) -> Option<State> {
        let mut spaces = 0;
        while is_space(self.peek()) {
            self.next();
            spaces += 1;
        }
        let tail = &self.input.as_bytes()[self.pos - 1..];
        if has_right_trim_marker(tail) && tail[2..].starts_with(self.right.as_bytes()) {
            self.backup();
            if spaces == 1 {
                return Some(State::RightDelim);
            }
        }
        self.emit(ItemType::Space);
        Some(State::InsideAction)
    }

    pub(super) fn lex_identifier(&mut self) -> Option<State> {
        loop {
            let r = self.next();
            if is_alphanumeric(r) {
                continue;
            }
            self.backup();
            if !self.at_terminator() {
                return self.bad_character(r);
            }
            let word = &self.input[self.start..self.pos];
            let typ = match word {
                "block" => ItemType::Block,
                "break" => ItemType::Break,
                "continue" => ItemType::Continue,
                "define" => ItemType::Define,
                "else" => ItemType::Else,
                "end" => ItemType::End,
                "if" => ItemType::If,
                "range" => ItemType::Range,
                "nil" => ItemType::Nil,
                "template" => ItemType::Template,
                "with" => ItemType::With,
                "true" | "false" => ItemType::Bool,
                _ => ItemType::Identifier,
            };
            self.emit(typ);
            return Some(State::InsideAction);
        }
    }

    fn bad_character(&mut self, r: Option<char>) -> Option<State> {
        let shown = r.map_or_else(|| "U+FFFFFFFFFFFFFFFF".to_string(), sharp_u);
        self.errorf(format!("bad character {shown}"))
    }

    pub(super) fn lex_field_or_variable(&mut self, typ: ItemType) -> Option<State> {
        if self.at_terminator() {
            self.emit(if typ == ItemType::Variable {
                ItemType::Variable
            } else {
                ItemType::Dot
            });
            return Some(State::InsideAction);
        }
        let mut r;
        loop {
            r = self.next();
            if !is_alphanumeric(r) {
                self.backup();
                break;
            }
        }
        if !self.at_terminator() {
            return self.bad_character(r);
        }
        self.emit(typ);
        Some(State::InsideAction)
    }

    pub(super) fn lex_quoted(
        &mut self,
        quote: char,
        unterminated: &str,
        typ: ItemType,
    ) -> Option<State> {
        loop {
            match self.next() {
                Some('\\') => {
                    let r = self.next();
                    if r.is_some() && r != Some('\n') {
                        continue;
                    }
                    return self.errorf(unterminated.into());
                }
                None | Some('\n') => return self.errorf(unterminated.into()),
                Some(c) if c == quote => break,
                Some(_) => {}
            }
        }
        self.emit(typ);
        Some(State::InsideAction)
    }

    pub(super) fn lex_raw_quote(&mut self) -> Option<State> {
        loop {
            match self.next() {
                None => return self.errorf("unterminated raw quoted string".into()),
                Some('`') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::RawString);
        Some(State::InsideAction)
    }

    pub(super) fn lex_number(&mut self) -> Option<State> {
        if !self.scan_number() {
            return self.bad_number();
        }
        if matches!(self.peek(), Some('+' | '-')) {
            if !self.scan_number() || self.input.as_bytes()[self.pos - 1] != b'i' {
                return self.bad_number();
            }
            self.emit(ItemType::Complex);
        } else {
            self.emit(ItemType::Number);
        }
        Some(State::InsideAction)
    }

    fn bad_number(&mut self) -> Option<State> {
        let text = quote(&self.input.as_bytes()[self.start..self.pos], false);
        self.errorf(format!(
            "bad number syntax: {}",
            String::from_utf8_lossy(&text)
        ))
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if is_alphanumeric(self.peek()) {
            self.next();
            return false;
        }
        true
    }
}
