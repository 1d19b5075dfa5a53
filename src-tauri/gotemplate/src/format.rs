//! Go's `fmt/format.go`: padding, integer, string, quoting and float layout under the flags of
//! one verb. `printf "%05d"`, `"%-5s"`, `"%x"`, `"%q"` in a template must produce Go's bytes, so
//! the flag interplay (zero padding only to the left, precision on integers, `%x` on strings,
//! ...) is ported as is.

use super::quote::{can_backquote, quote, quote_rune};
use super::unicode::{encode_rune, is_print, rune_count};

pub(crate) const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub(crate) const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flags {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
    pub wid: i64,
    pub prec: i64,
}

/// Go's `fmt` plus its output buffer.
#[derive(Default)]
pub(crate) struct Fmt {
    pub buf: Vec<u8>,
    pub f: Flags,
}

impl Fmt {
    pub fn clear_flags(&mut self) {
        self.f = Flags::default();
    }

    pub(crate) fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let b = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(b, n as usize));
    }

    pub fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.f.wid - rune_count(b) as i64;
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    pub fn fmt_unicode(&mut self, u: u64) {
        let mut prec = 4;
        if self.f.prec_present && self.f.prec > 4 {
            prec = self.f.prec as usize;
        }
        let mut s = format!("{u:X}");
        while s.len() < prec {
            s.insert(0, '0');
        }
        let mut out = format!("U+{s}").into_bytes();
        if self.f.sharp && u <= 0x10FFFF && is_print(u as u32) {
            out.extend_from_slice(b" '");
            encode_rune(u as u32, &mut out);
            out.push(b'\'');
        }
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&out);
        self.f.zero = old_zero;
    }

    pub fn fmt_integer(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec: i64 = 0;
        if self.f.prec_present {
            prec = self.f.prec;
            if prec == 0 && u == 0 {
                let old_zero = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid);
                self.f.zero = old_zero;
                return;
            }
        } else if self.f.zero && self.f.wid_present {
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1;
            }
        }
        let mut rev: Vec<u8> = Vec::new();
        while u >= base {
            rev.push(digits[(u % base) as usize]);
            u /= base;
        }
        rev.push(digits[u as usize]);
        while (rev.len() as i64) < prec {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(digits[16]);
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&rev);
        self.f.zero = old_zero;
    }

    fn truncate<'b>(&self, s: &'b [u8]) -> &'b [u8] {
        if self.f.prec_present {
            let mut n = self.f.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += super::unicode::decode_rune(&s[i..]).1.max(1);
            }
        }
        s
    }

    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `fmtSbx`: `%x`/`%X` of a string.
    pub fn fmt_sx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.f.prec_present && self.f.prec < length {
            length = self.f.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.f.wid);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s.iter().take(length as usize).enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            self.buf
                .extend_from_slice(&[digits[(c >> 4) as usize], digits[(c & 0xf) as usize]]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        if self.f.sharp && can_backquote(&s) {
            let mut q = vec![b'`'];
            q.extend_from_slice(&s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let q = quote(&s, self.f.plus);
        self.pad(&q);
    }

    pub fn fmt_c(&mut self, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as u32 };
        let mut out = Vec::new();
        encode_rune(r, &mut out);
        self.pad(&out);
    }

    pub fn fmt_qc(&mut self, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as u32 };
        let q = quote_rune(r, self.f.plus);
        self.pad(&q);
    }
}
