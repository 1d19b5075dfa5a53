//! A seeded generator of Go templates for the differential and property tests: random mixes of
//! text (with unicode), field accesses (valid and unknown), conditionals, `with`/`range`,
//! variables, builtin calls, pipelines, printf verbs, trim markers, comments, and deliberately
//! malformed variants. Deterministic for a seed, so a failure reproduces.

mod chaos;
pub mod corpus;
pub use chaos::{chaos, printf_soup};

/// SplitMix64: tiny, seedable, good enough to pick template pieces.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub struct Generated {
    pub text: String,
    pub go_delims: bool,
    /// "account", "nil" or "map" (the differential test's JSON sample).
    pub data: &'static str,
}

#[rustfmt::skip]
const TEXTS: &[&str] = &[
    "Hello", " ", "  ", "\n", "\t", "joined the chat", "Привіт, ", "日本語", "🙂", "é", "a-b", "%",
    "$", "(", ")", "-", "x)y", ".", "'", "\"", "`", "<b>", "&", "\r\n", " - ", "Agent ", ": ", "Ⅻ",
    "\u{200b}",
];

#[rustfmt::skip]
const OPERANDS: &[&str] = &[
    ".Id", ".Channel", ".Contact", ".FirstName", ".LastName", ".Username", ".", "$", "$.FirstName",
    "$.Id", "\"str\"", "\"\"", "\"Ann\"", "`raw`", "\"a\\tb\"", "\"日本\"", "\"\\u00e9\"", "42", "0",
    "-7", "3.5", "1e3", "0x1F", "'a'", "'\\n'", "true", "false", "1_000", "2.0", "-0",
];

/// Operands for the map sample (see MAP_DATA in template_vs_go.rs).
#[rustfmt::skip]
const MAP_OPERANDS: &[&str] = &[
    ".A", ".A.B", ".A.C.D", ".List", ".Empty", ".Map", ".Map.a", ".Name", ".N", ".Num", ".Int", ".Big",
    ".T", ".F", ".Nested", "$.List", ".Missing",
];

/// Operands that make Go refuse the template (at parse or render time).
#[rustfmt::skip]
const BAD_OPERANDS: &[&str] = &[
    ".Nope", ".firstName", ".FirstName.X", "nil", "07", "1e100", "$.Nope", "08",
];

#[rustfmt::skip]
const FUNCS1: &[&str] = &[
    "len", "not", "html", "js", "urlquery", "print", "println", "call",
];
#[rustfmt::skip]
const FUNCS2: &[&str] = &[
    "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "index", "slice", "print",
];
#[rustfmt::skip]
const FORMATS: &[&str] = &[
    "%s", "%d", "%5d", "%-5s|", "%05d", "%.2f", "%x", "%X", "%q", "%v", "%+v", "%#v", "%T", "%%",
    "%c", "%U", "%08.3f", "%e", "%g", "%t", "%o", "%b", "%!", "%[2]v %[1]v", "%*d", "%", "%z",
    "%.3s", "% x", "%#x", "%+d", "%6.2f", "%-8q|", "%s and %s", "%d%%", "%#q", "%+q", "%x-%X",
    "%10.4v|", "%-010d|", "%#o",
];

pub struct Gen<'r> {
    r: &'r mut Rng,
    map_data: bool,
    left: &'static str,
    right: &'static str,
}

impl Gen<'_> {
    fn operand(&mut self) -> String {
        if self.r.chance(8) {
            return self.r.pick(BAD_OPERANDS).to_string();
        }
        if self.map_data && self.r.chance(60) {
            return self.r.pick(MAP_OPERANDS).to_string();
        }
        self.r.pick(OPERANDS).to_string()
    }

    fn expr(&mut self, depth: usize) -> String {
        let paren_chance = if self.left == "{{" { 15 } else { 3 };
        let roll = if depth > 1 {
            self.r.below(3)
        } else {
            self.r.below(8)
        };
        let roll = if depth <= 1 && self.r.chance(paren_chance) {
            8 + self.r.below(2)
        } else {
            roll
        };
        let mut e = match roll {
            0..=2 => self.operand(),
            3 => format!("{} {}", self.r.pick(FUNCS1), self.operand()),
            4 | 5 => format!(
                "{} {} {}",
                self.r.pick(FUNCS2),
                self.operand(),
                self.operand()
            ),
            6 | 7 => {
                let mut call = format!("printf {:?}", self.r.pick(FORMATS));
                for _ in 0..self.r.below(4) {
                    call.push(' ');
                    call.push_str(&self.operand());
                }
                call
            }
            8 => format!("({})", self.expr(depth + 1)),
            _ => format!("{} ({})", self.r.pick(FUNCS1), self.expr(depth + 1)),
        };
        if self.r.chance(15) {
            let stage = self.r.pick(&[
                "len",
                "html",
                "printf \"%q\"",
                "print \"!\"",
                "js",
                "not",
                "urlquery",
                "printf \"%v|%s\" 1",
            ]);
            e = format!("{e} | {stage}");
        }
        e
    }

    fn action(&mut self, inner: &str) -> String {
        let ltrim = if self.r.chance(15) { "- " } else { "" };
        let rtrim = if self.r.chance(15) { " -" } else { "" };
        let pad = if self.r.chance(30) { " " } else { "" };
        format!("{}{ltrim}{pad}{inner}{pad}{rtrim}{}", self.left, self.right)
    }

    fn body(&mut self, depth: usize) -> String {
        let mut out = String::new();
        for _ in 0..1 + self.r.below(if depth == 0 { 3 } else { 2 }) {
            out.push_str(&self.piece(depth));
        }
        out
    }

    fn piece(&mut self, depth: usize) -> String {
        let roll = if depth > 1 {
            self.r.below(3)
        } else {
            self.r.below(12)
        };
        match roll {
            0 => self.r.pick(TEXTS).to_string(),
            1 | 2 => {
                let e = self.expr(0);
                self.action(&e)
            }
            3 | 4 => {
                let cond = self.expr(1);
                let mut s = format!(
                    "{}{}",
                    self.action(&format!("if {cond}")),
                    self.body(depth + 1)
                );
                if self.r.chance(30) {
                    let c2 = self.expr(1);
                    s.push_str(&self.action(&format!("else if {c2}")));
                    s.push_str(&self.body(depth + 1));
                }
                if self.r.chance(50) {
                    s.push_str(&self.action("else"));
                    s.push_str(&self.body(depth + 1));
                }
                s + &self.action("end")
            }
            5 => {
                let e = self.expr(1);
                format!(
                    "{}{}{}",
                    self.action(&format!("with {e}")),
                    self.body(depth + 1),
                    self.action("end")
                )
            }
            6 => {
                let e = self.expr(1);
                let head = self.r.pick(&["range ", "range $v := ", "range $i, $v := "]);
                let mut s = format!(
                    "{}{}",
                    self.action(&format!("{head}{e}")),
                    self.body(depth + 1)
                );
                if self.r.chance(40) {
                    s.push_str(&self.action("else"));
                    s.push_str(&self.body(depth + 1));
                }
                s + &self.action("end")
            }
            7 => {
                let e = self.expr(1);
                let use_it =
                    self.r
                        .pick(&["$x", "printf \"%v|%T\" $x $x", "len $x", "$x.FirstName"]);
                format!(
                    "{}{}",
                    self.action(&format!("$x := {e}")),
                    self.action(use_it)
                )
            }
            8 => format!("{}/* note */{}", self.left, self.right),
            9 => {
                let e = self.expr(1);
                format!(
                    "{}{}{}",
                    self.action("$y := 1"),
                    self.action(&format!("$y = {e}")),
                    self.action("$y")
                )
            }
            _ => {
                let t = self.r.pick(TEXTS);
                let e = self.expr(0);
                format!("{t}{}", self.action(&e))
            }
        }
    }

    /// Breaks a well-formed template in one random place.
    fn mutate(&mut self, s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        if chars.is_empty() {
            return self.left.to_string();
        }
        let at = self.r.below(chars.len());
        match self.r.below(4) {
            0 => {
                chars.remove(at);
            }
            1 => {
                let c = self.r.pick(&[
                    "(", ")", "$", "-", ".", "|", "\"", "`", "'", " ", "{", "}", ":", "=", ",",
                ]);
                chars.insert(at, c.chars().next().unwrap_or(' '));
            }
            2 => chars.truncate(at),
            _ => {
                let extra = self.r.pick(&[
                    "$(end)",
                    "$(else)",
                    "$(md2 .FirstName)",
                    "$(.A.B)",
                    "$($z)",
                    "{{end}}",
                ]);
                let extra: Vec<char> = extra.chars().collect();
                chars.splice(at..at, extra);
            }
        }
        chars.into_iter().collect()
    }
}

/// `count` templates from `seed`: about a fifth use `{{ }}`, a tenth render with no data and a
/// fifth over maps and lists, a quarter are malformed on purpose.
pub fn generate(seed: u64, count: usize) -> Vec<Generated> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let go_delims = r.chance(20);
        let data = match r.below(20) {
            0 | 1 => "nil",
            2..=5 => "map",
            _ => "account",
        };
        let (left, right) = if go_delims { ("{{", "}}") } else { ("$(", ")") };
        let mut g = Gen {
            r: &mut r,
            map_data: data == "map",
            left,
            right,
        };
        let mut text = g.body(0);
        if g.r.chance(25) {
            text = g.mutate(&text);
        }
        out.push(Generated {
            text,
            go_delims,
            data,
        });
    }
    out
}
