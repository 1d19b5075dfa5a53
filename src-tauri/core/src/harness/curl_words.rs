//! A pasted command split into words as bash and zsh split it: blanks, `\` escapes and line
//! continuations, single quotes, double quotes, ANSI-C `$'...'` quotes (whose `\xHH` and
//! `\NNN` may make bytes that are not UTF-8, hence words of bytes) and `|`. What a shell would
//! expand or run (`$VAR`, `$(...)`, backticks, `;`, `&&`, redirections) is refused by name:
//! the command's meaning would depend on a shell that is not here.

use super::CurlError;

/// A word, or the pipe between two commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    Word(Vec<u8>),
    Pipe,
}

fn refuse(what: &str) -> CurlError {
    CurlError(format!(
        "The command uses {what}, which only a shell can work out: paste the command with the values written out"
    ))
}

fn push_char(word: &mut Vec<u8>, c: char) {
    let mut buffer = [0u8; 4];
    word.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// `$` followed by something a shell expands.
fn expands(next: Option<&char>) -> bool {
    next.is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?!$-".contains(*c))
}

pub(super) fn split(input: &str) -> Result<Vec<Token>, CurlError> {
    let mut tokens = Vec::new();
    let mut word: Option<Vec<u8>> = None;
    let mut chars = input.chars().peekable();
    let end = |word: &mut Option<Vec<u8>>, tokens: &mut Vec<Token>| {
        if let Some(done) = word.take() {
            tokens.push(Token::Word(done));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => end(&mut word, &mut tokens),
            '\\' => match chars.next() {
                Some('\n') => {}
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                }
                Some(escaped) => push_char(word.get_or_insert_with(Vec::new), escaped),
                None => return Err(CurlError("The command ends with a lone backslash".into())),
            },
            '\'' => {
                let current = word.get_or_insert_with(Vec::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(inner) => push_char(current, inner),
                        None => return Err(unclosed("'")),
                    }
                }
            }
            '"' => double_quoted(&mut chars, word.get_or_insert_with(Vec::new))?,
            '$' if chars.peek() == Some(&'\'') => {
                chars.next();
                ansi_c(&mut chars, word.get_or_insert_with(Vec::new))?;
            }
            '$' if expands(chars.peek()) => {
                return Err(refuse("a shell variable or substitution ($...)"))
            }
            '`' => return Err(refuse("command substitution (`...`)")),
            '|' => {
                if chars.peek() == Some(&'|') {
                    return Err(refuse("||"));
                }
                end(&mut word, &mut tokens);
                tokens.push(Token::Pipe);
            }
            ';' | '&' | '<' | '>' | '(' | ')' => {
                return Err(refuse(&format!("\u{201c}{c}\u{201d}")));
            }
            '#' if word.is_none() => {
                // A comment, to the end of the line.
                for skipped in chars.by_ref() {
                    if skipped == '\n' {
                        break;
                    }
                }
            }
            other => push_char(word.get_or_insert_with(Vec::new), other),
        }
    }
    end(&mut word, &mut tokens);
    Ok(tokens)
}

fn unclosed(quote: &str) -> CurlError {
    CurlError(format!(
        "A {quote} quote is never closed: the command was cut off when it was copied"
    ))
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn double_quoted(chars: &mut Chars<'_>, word: &mut Vec<u8>) -> Result<(), CurlError> {
    loop {
        match chars.next() {
            Some('"') => return Ok(()),
            Some('\\') => match chars.next() {
                Some('\n') => {}
                Some(c @ ('$' | '`' | '"' | '\\')) => push_char(word, c),
                Some(c) => {
                    word.push(b'\\');
                    push_char(word, c);
                }
                None => return Err(unclosed("\"")),
            },
            Some('$') if expands(chars.peek()) => {
                return Err(refuse("a shell variable or substitution ($...)"))
            }
            Some('`') => return Err(refuse("command substitution (`...`)")),
            Some(c) => push_char(word, c),
            None => return Err(unclosed("\"")),
        }
    }
}

/// Up to `max` digits of `radix` from `chars`, as a number (None when there is none).
fn digits(chars: &mut Chars<'_>, radix: u32, max: usize) -> Option<u32> {
    let mut value: Option<u32> = None;
    for _ in 0..max {
        let Some(digit) = chars.peek().and_then(|c| c.to_digit(radix)) else {
            break;
        };
        chars.next();
        value = Some(value.unwrap_or(0) * radix + digit);
    }
    value
}

/// The rest of a `$'...'` word, with bash's escapes.
fn ansi_c(chars: &mut Chars<'_>, word: &mut Vec<u8>) -> Result<(), CurlError> {
    loop {
        let c = chars.next().ok_or_else(|| unclosed("$'"))?;
        if c == '\'' {
            return Ok(());
        }
        if c != '\\' {
            push_char(word, c);
            continue;
        }
        let escaped = chars.next().ok_or_else(|| unclosed("$'"))?;
        let simple = match escaped {
            'a' => Some(0x07),
            'b' => Some(0x08),
            'e' | 'E' => Some(0x1b),
            'f' => Some(0x0c),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(0x0b),
            '\\' | '\'' | '"' | '?' => u8::try_from(escaped).ok(),
            _ => None,
        };
        if let Some(byte) = simple {
            word.push(byte);
            continue;
        }
        match escaped {
            '0'..='7' => {
                let first = escaped.to_digit(8).unwrap_or(0);
                let rest = digits_after(chars, first, 8, 2);
                // bash keeps the low eight bits of \400 and above.
                word.push((rest & 0xff) as u8);
            }
            'x' => match digits(chars, 16, 2) {
                Some(value) => word.push((value & 0xff) as u8),
                None => word.extend_from_slice(b"\\x"),
            },
            'u' | 'U' => {
                let max = if escaped == 'u' { 4 } else { 8 };
                match digits(chars, 16, max).and_then(char::from_u32) {
                    Some(unicode) => push_char(word, unicode),
                    None => {
                        return Err(CurlError(format!(
                            "\\{escaped} in a $'...' quote names no character"
                        )))
                    }
                }
            }
            other => {
                word.push(b'\\');
                push_char(word, other);
            }
        }
    }
}

/// `first` followed by up to `max` more digits of `radix`.
fn digits_after(chars: &mut Chars<'_>, first: u32, radix: u32, max: usize) -> u32 {
    let mut value = first;
    for _ in 0..max {
        let Some(digit) = chars.peek().and_then(|c| c.to_digit(radix)) else {
            break;
        };
        chars.next();
        value = value * radix + digit;
    }
    value
}
