//! The parser's expressions (Go's `pipeline`, `command`, `operand`, `term`): declarations
//! (`$x :=`, `$i, $v :=`), commands joined by `|`, parenthesised pipelines, field chains, and
//! the parse-time checks Go makes on them (unknown function, undefined variable).

use super::ast::{Arg, Command, Number, Pipe};
use super::funcs::is_builtin;
use super::lexer::ItemType as T;
use super::parse::{PResult, Parser};
use super::quote::{go_quote as go_q, unquote};

impl Parser {
    pub(super) fn pipeline(&mut self, context: &str, end: T) -> PResult<Pipe> {
        super::stack::deep(|| self.pipeline_here(context, end))
    }

    fn pipeline_here(&mut self, context: &str, end: T) -> PResult<Pipe> {
        self.nest()?;
        let pos = self.peek_non_space().pos;
        let mut pipe = Pipe {
            pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        loop {
            let v = self.peek_non_space();
            if v.typ != T::Variable {
                break;
            }
            self.next();
            let after = self.peek();
            let next = self.peek_non_space();
            if next.typ == T::Assign || next.typ == T::Declare {
                pipe.is_assign = next.typ == T::Assign;
                self.next_non_space();
                pipe.decl.push((v.pos, v.val.clone()));
                self.st.vars.push(v.val);
            } else if next.typ == T::Char && next.val == "," {
                self.next_non_space();
                pipe.decl.push((v.pos, v.val.clone()));
                self.st.vars.push(v.val);
                if context == "range" && pipe.decl.len() < 2 {
                    match self.peek_non_space().typ {
                        T::Variable | T::RightDelim | T::RightParen => continue,
                        _ => return self.errorf("range can only initialize variables".into()),
                    }
                }
                return self.errorf(format!("too many declarations in {context}"));
            } else if after.typ == T::Space {
                self.backup3(v, after);
            } else {
                self.backup2(v);
            }
            break;
        }
        loop {
            let token = self.next_non_space();
            match token.typ {
                t if t == end => {
                    self.check_pipeline(&pipe, context)?;
                    self.depth -= 1;
                    return Ok(pipe);
                }
                T::Bool
                | T::CharConstant
                | T::Complex
                | T::Dot
                | T::Field
                | T::Identifier
                | T::Number
                | T::Nil
                | T::RawString
                | T::String
                | T::Variable
                | T::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
                _ => return self.unexpected(&token, context),
            }
        }
    }

    pub(super) fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return self.errorf(format!("missing value for {context}"));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args.first(),
                Some(
                    Arg::Bool { .. }
                        | Arg::Dot { .. }
                        | Arg::Nil { .. }
                        | Arg::Number(_)
                        | Arg::String { .. }
                )
            ) {
                return self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                ));
            }
        }
        Ok(())
    }

    pub(super) fn command(&mut self) -> PResult<Command> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command {
            pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(op) = self.operand()? {
                cmd.args.push(op);
            }
            let token = self.next();
            match token.typ {
                T::Space => continue,
                T::RightDelim | T::RightParen => self.backup(),
                T::Pipe => {}
                _ => return self.unexpected(&token, "operand"),
            }
            break;
        }
        if cmd.args.is_empty() {
            return self.errorf("empty command".into());
        }
        Ok(cmd)
    }

    pub(super) fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ != T::Field {
            return Ok(Some(node));
        }
        let pos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().typ == T::Field {
            fields.push(self.next().val[1..].to_string());
        }
        Ok(Some(match node {
            Arg::Field { mut ident, .. } => {
                ident.extend(fields);
                Arg::Field { pos, ident }
            }
            Arg::Variable { mut ident, .. } => {
                ident.extend(fields);
                Arg::Variable { pos, ident }
            }
            Arg::Bool { .. }
            | Arg::String { .. }
            | Arg::Number(_)
            | Arg::Nil { .. }
            | Arg::Dot { .. } => {
                return self.errorf(format!(
                    "unexpected . after term {}",
                    go_q(&node.to_string())
                ));
            }
            other => Arg::Chain {
                pos,
                node: Box::new(other),
                fields,
            },
        }))
    }

    pub(super) fn term(&mut self) -> PResult<Option<Arg>> {
        let token = self.next_non_space();
        let pos = token.pos;
        let arg = match token.typ {
            T::Identifier => {
                if !is_builtin(&token.val) {
                    return self.errorf(format!("function {} not defined", go_q(&token.val)));
                }
                Arg::Identifier {
                    pos,
                    name: token.val,
                }
            }
            T::Dot => Arg::Dot { pos },
            T::Nil => Arg::Nil { pos },
            T::Variable => {
                let ident: Vec<String> = token.val.split('.').map(str::to_string).collect();
                if !self.st.vars.iter().any(|v| *v == ident[0]) {
                    return self.errorf(format!("undefined variable {}", go_q(&ident[0])));
                }
                Arg::Variable { pos, ident }
            }
            T::Field => Arg::Field {
                pos,
                ident: token.val[1..].split('.').map(str::to_string).collect(),
            },
            T::Bool => Arg::Bool {
                pos,
                val: token.val == "true",
            },
            T::CharConstant | T::Complex | T::Number => {
                let n = match token.typ {
                    T::CharConstant => Number::from_char(pos, &token.val),
                    T::Complex => Number::from_complex(pos, &token.val),
                    _ => Number::from_text(pos, &token.val),
                };
                match n {
                    Ok(n) => Arg::Number(Box::new(n)),
                    Err(e) => return self.errorf(e),
                }
            }
            T::LeftParen => Arg::Pipe(Box::new(
                self.pipeline("parenthesized pipeline", T::RightParen)?,
            )),
            T::String | T::RawString => match unquote(&token.val) {
                Ok(text) => Arg::String {
                    pos,
                    quoted: token.val,
                    text: text.into(),
                },
                Err(e) => return self.errorf(e.to_string()),
            },
            _ => {
                self.backup();
                return Ok(None);
            }
        };
        Ok(Some(arg))
    }
}
