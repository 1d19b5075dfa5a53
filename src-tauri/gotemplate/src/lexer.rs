//! A line-by-line port of Go's `text/template/parse/lex.go`. The lexer decides most of what the
//! server accepts: with Webitel's `$(`/`)` delimiters a `)` ends the action before it can close
//! a parenthesis, trim markers need a space, numbers follow Go's literal rules. Keeping the state
//! machine identical (down to its line counting) is what makes the accept/refuse set identical.

pub(crate) use super::item::{Item, ItemType};
use super::unicode::{is_digit, is_letter};

pub(super) fn is_space(r: Option<char>) -> bool {
    matches!(r, Some(' ' | '\t' | '\r' | '\n'))
}

fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

pub(crate) fn is_alphanumeric(r: Option<char>) -> bool {
    r.is_some_and(|c| c == '_' || is_letter(u32::from(c)) || is_digit(u32::from(c)))
}

fn has_left_trim_marker(s: &[u8]) -> bool {
    s.len() >= 2 && s[0] == b'-' && is_space_byte(s[1])
}

pub(super) fn has_right_trim_marker(s: &[u8]) -> bool {
    s.len() >= 2 && is_space_byte(s[0]) && s[1] == b'-'
}

fn trim_len(s: &str, from_right: bool) -> usize {
    let set: &[char] = &[' ', '\t', '\r', '\n'];
    let trimmed = if from_right {
        s.trim_end_matches(set)
    } else {
        s.trim_start_matches(set)
    };
    s.len() - trimmed.len()
}

#[derive(Clone, Copy)]
pub(super) enum State {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Identifier,
    Field,
    Variable,
    Char,
    Number,
    Quote,
    RawQuote,
}

pub(super) struct Lexer<'a> {
    pub(super) input: &'a str,
    pub(super) left: &'a str,
    pub(super) right: &'a str,
    pub(super) pos: usize,
    pub(super) start: usize,
    pub(super) at_eof: bool,
    pub(super) paren_depth: i64,
    pub(super) line: usize,
    pub(super) start_line: usize,
    pub(super) items: Vec<Item>,
}

/// Lexes the whole input; the list ends with an EOF or an error item, as Go's channel does.
pub(crate) fn lex(input: &str, left: &str, right: &str) -> Vec<Item> {
    let mut l = Lexer {
        input,
        left,
        right,
        pos: 0,
        start: 0,
        at_eof: false,
        paren_depth: 0,
        line: 1,
        start_line: 1,
        items: Vec::new(),
    };
    let mut state = Some(State::Text);
    while let Some(s) = state {
        state = l.step(s);
    }
    l.items
}

impl<'a> Lexer<'a> {
    pub(super) fn rest(&self) -> &'a [u8] {
        self.input.as_bytes().get(self.pos..).unwrap_or(&[])
    }

    pub(super) fn next(&mut self) -> Option<char> {
        let Some(c) = self.input.get(self.pos..).and_then(|s| s.chars().next()) else {
            self.at_eof = true;
            return None;
        };
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    pub(super) fn backup(&mut self) {
        if self.at_eof || self.pos == 0 {
            return;
        }
        if let Some(c) = self
            .input
            .get(..self.pos)
            .and_then(|s| s.chars().next_back())
        {
            self.pos -= c.len_utf8();
            if c == '\n' {
                self.line -= 1;
            }
        }
    }

    pub(super) fn peek(&mut self) -> Option<char> {
        let r = self.next();
        self.backup();
        r
    }

    pub(super) fn emit(&mut self, typ: ItemType) {
        let val = self
            .input
            .get(self.start..self.pos)
            .unwrap_or("")
            .to_string();
        self.items.push(Item {
            typ,
            pos: self.start,
            val,
            line: self.start_line,
        });
        self.start = self.pos;
        self.start_line = self.line;
    }

    pub(super) fn ignore(&mut self) {
        let skipped = self.input.get(self.start..self.pos).unwrap_or("");
        self.line += skipped.matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }

    pub(super) fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(c) if valid.contains(c) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    pub(super) fn accept_run(&mut self, valid: &str) {
        while let Some(c) = self.next() {
            if !valid.contains(c) {
                break;
            }
        }
        self.backup();
    }

    pub(super) fn errorf(&mut self, msg: String) -> Option<State> {
        self.items.push(Item {
            typ: ItemType::Error,
            pos: self.start,
            val: msg,
            line: self.start_line,
        });
        None
    }

    pub(super) fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        let right = self.right.as_bytes();
        if has_right_trim_marker(rest) && rest[2..].starts_with(right) {
            return (true, true);
        }
        (rest.starts_with(right), false)
    }

    pub(super) fn at_terminator(&mut self) -> bool {
        let r = self.peek();
        if is_space(r) {
            return true;
        }
        match r {
            None | Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(self.right.as_bytes()),
        }
    }

    fn step(&mut self, state: State) -> Option<State> {
        match state {
            State::Text => self.lex_text(),
            State::LeftDelim => self.lex_left_delim(),
            State::Comment => self.lex_comment(),
            State::RightDelim => self.lex_right_delim(),
            State::InsideAction => self.lex_inside_action(),
            State::Space => self.lex_space(),
            State::Identifier => self.lex_identifier(),
            State::Field => self.lex_field_or_variable(ItemType::Field),
            State::Variable => {
                if self.at_terminator() {
                    self.emit(ItemType::Variable);
                    return Some(State::InsideAction);
                }
                self.lex_field_or_variable(ItemType::Variable)
            }
            State::Char => self.lex_quoted(
                '\'',
                "unterminated character constant",
                ItemType::CharConstant,
            ),
            State::Quote => self.lex_quoted('"', "unterminated quoted string", ItemType::String),
            State::RawQuote => self.lex_raw_quote(),
            State::Number => self.lex_number(),
        }
    }

    fn lex_text(&mut self) -> Option<State> {
        let Some(x) = self.input[self.pos..].find(self.left) else {
            self.pos = self.input.len();
            if self.pos > self.start {
                self.line += self.input[self.start..self.pos].matches('\n').count();
                self.emit(ItemType::Text);
            }
            self.emit(ItemType::Eof);
            return None;
        };
        self.pos += x;
        let mut trim = 0;
        if has_left_trim_marker(&self.input.as_bytes()[self.pos + self.left.len()..]) {
            trim = trim_len(&self.input[self.start..self.pos], true);
        }
        self.pos -= trim;
        if self.pos > self.start {
            self.line += self.input[self.start..self.pos].matches('\n').count();
            self.emit(ItemType::Text);
        }
        self.pos += trim;
        self.ignore();
        Some(State::LeftDelim)
    }

    fn lex_left_delim(&mut self) -> Option<State> {
        self.pos += self.left.len();
        let after_marker = if has_left_trim_marker(self.rest()) {
            2
        } else {
            0
        };
        if self.rest()[after_marker..].starts_with(b"/*") {
            self.pos += after_marker;
            self.ignore();
            return Some(State::Comment);
        }
        self.emit(ItemType::LeftDelim);
        self.pos += after_marker;
        self.ignore();
        self.paren_depth = 0;
        Some(State::InsideAction)
    }

    fn lex_comment(&mut self) -> Option<State> {
        self.pos += 2;
        let Some(i) = self.input[self.pos..].find("*/") else {
            return self.errorf("unclosed comment".into());
        };
        self.pos += i + 2;
        let (delim, trim) = self.at_right_delim();
        if !delim {
            return self.errorf("comment ends before closing delimiter".into());
        }
        if trim {
            self.pos += 2;
        }
        self.pos += self.right.len();
        if trim {
            self.pos += trim_len(&self.input[self.pos..], false);
        }
        self.ignore();
        Some(State::Text)
    }

    fn lex_right_delim(&mut self) -> Option<State> {
        let trim = has_right_trim_marker(self.rest());
        if trim {
            self.pos += 2;
            self.ignore();
        }
        self.pos += self.right.len();
        self.emit(ItemType::RightDelim);
        if trim {
            self.pos += trim_len(&self.input[self.pos..], false);
            self.ignore();
        }
        Some(State::Text)
    }
}
