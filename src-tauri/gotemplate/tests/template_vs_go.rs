//! Differential test of the template engine against Go itself (issue C): every template of the
//! hand-written corpus (`template_corpus.txt`) and of a seeded random corpus is rendered by Go's
//! `text/template` (tests/go-template, set up as Webitel's server sets it up) and by
//! `textgate_gotemplate`; outputs must be byte-identical and the same templates must fail,
//! in the same phase, with Go's exact error message (`TemplateError::go_message`). Go must be installed (`make deps` installs Debian's golang-go): without it
//! this test fails rather than skips, because it is the proof the engine matches the server.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::json;
use textgate_gotemplate::{parse, Account, Delims, MissingKey, Value};

#[path = "template_gen/mod.rs"]
mod template_gen;

use template_gen::corpus::{hand_written, Case};

/// The JSON behind `data=map`: nested maps, lists, nulls and float64 numbers, as Go decodes it.
const MAP_DATA: &str = r#"{"A":{"B":"deep","C":{"D":1}},"List":["x","y",null,3],"Empty":[],
"Map":{"b":2,"a":1,"c":null,"é":"e"},"Name":"Ann","N":null,"Num":1.5,"Int":42,"Big":1e21,
"Neg":-0.5,"T":true,"F":false,"Nested":[[1,2],{"k":"v"}]}"#;

/// Deep templates (issue E), made here rather than written out: Go 1.19 renders 150 and 1,000
/// nested `if`s, a chain of 300 `else if`s, 10,000 nested parentheses and a recursion 1,000
/// calls deep, and fails endless recursion at its 100,000th call; so must the engine.
fn deep_cases() -> Vec<Case> {
    let case = |name: &str, text: String, go_delims: bool| Case {
        name: name.to_string(),
        text,
        go_delims,
        data: "account",
        missing: "error",
    };
    let ifs = |n: usize| format!("{}x{}", "$(if 1)".repeat(n), "$(end)".repeat(n));
    vec![
        case("deep_if_150", ifs(150), false),
        case("deep_if_1000", ifs(1000), false),
        case(
            "else_if_300",
            format!("$(if 0)a{}$(else)z$(end)", "$(else if 0)b".repeat(300)),
            false,
        ),
        case(
            "parens_10000",
            format!("{{{{print {}1{}}}}}", "(".repeat(10_000), ")".repeat(10_000)),
            true,
        ),
        case(
            "recursion_1000",
            format!(
                r#"$(define "a")$(if .)-$(template "a" slice . 1)$(end)$(end)$(template "a" "{}")"#,
                "y".repeat(1000)
            ),
            false,
        ),
        case(
            "recursion_endless",
            r#"$(define "r")$(if true)$(with .)$(template "r" .)$(end)$(end)$(end)$(template "r" .)"#
                .to_string(),
            false,
        ),
    ]
}

fn corpus() -> Vec<Case> {
    let mut cases = hand_written();
    cases.extend(deep_cases());
    // TEMPLATE_GEN_SEED / TEMPLATE_GEN_COUNT widen the random corpus for a deeper local run.
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seed = env("TEMPLATE_GEN_SEED").unwrap_or(0x7e47_6a7e);
    let count = env("TEMPLATE_GEN_COUNT").unwrap_or(600) as usize;
    let generated = template_gen::generate(seed, count)
        .into_iter()
        .chain(template_gen::chaos(seed, count / 3))
        .chain(template_gen::printf_soup(seed, count / 3));
    for (i, g) in generated.enumerate() {
        cases.push(Case {
            name: format!("gen{i:04}"),
            text: g.text,
            go_delims: g.go_delims,
            data: g.data,
            missing: "error",
        });
    }
    cases
}

/// What one engine did with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Ok(Vec<u8>),
    Failed { phase: String, message: String },
}

fn rust_outcome(case: &Case) -> Outcome {
    let delims = if case.go_delims {
        Delims::go()
    } else {
        Delims::webitel()
    };
    let data = match case.data {
        "nil" => Value::Nil,
        "map" => Value::from_json(&serde_json::from_str(MAP_DATA).expect("map data")),
        _ => Account::sample().to_value(),
    };
    let missing: MissingKey = case.missing.parse().expect("missingkey");
    match parse(&case.name, &case.text, &delims) {
        Err(e) => Outcome::Failed {
            phase: "parse".into(),
            message: e.go_message(),
        },
        Ok(t) => match t.render_bytes(&data, missing) {
            Ok(out) => Outcome::Ok(out),
            Err(e) => Outcome::Failed {
                phase: "exec".into(),
                message: e.go_message(),
            },
        },
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// Builds tests/go-template offline with the installed Go and returns the binary.
fn build_go_harness() -> PathBuf {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("go-template");
    std::fs::create_dir_all(&work).expect("go work dir");
    let version = Command::new("go").arg("version").output();
    match version {
        Ok(out) if out.status.success() => {}
        _ => panic!(
            "Go is not installed, and the template engine can only be proven against Go itself: \
             install it with `make deps` (Debian's golang-go) and run again"
        ),
    }
    let bin = work.join("gotemplate");
    let status = Command::new("go")
        .args(["build", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(repo_root().join("tests/go-template"))
        .env("GOCACHE", work.join("go-cache"))
        .env("GOPATH", work.join("go-path"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "on")
        .env("GOWORK", "off")
        .env("GOTELEMETRY", "off")
        .status()
        .expect("run go build");
    assert!(status.success(), "go build of tests/go-template failed");
    bin
}

fn go_outcomes(cases: &[Case]) -> Vec<Outcome> {
    let bin = build_go_harness();
    let mut input = Vec::new();
    for c in cases {
        let (left, right) = if c.go_delims {
            ("{{", "}}")
        } else {
            ("$(", ")")
        };
        let job = json!({
            "name": c.name, "text": c.text, "left": left, "right": right,
            "data": if c.data == "map" { "json" } else { c.data }, "json": MAP_DATA,
            "missingkey": c.missing,
        });
        serde_json::to_writer(&mut input, &job).expect("job json");
        input.push(b'\n');
    }
    let mut child = Command::new(&bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run the Go harness");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("Go harness output");
    writer.join().expect("writer thread").expect("write jobs");
    assert!(out.status.success(), "the Go harness failed");
    let text = String::from_utf8(out.stdout).expect("harness output is JSON");
    let results: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("result json"))
        .collect();
    assert_eq!(results.len(), cases.len(), "one result per template");
    results
        .iter()
        .map(|r| {
            if r["ok"].as_bool() == Some(true) {
                Outcome::Ok(hex_decode(r["out"].as_str().unwrap_or("")))
            } else {
                Outcome::Failed {
                    phase: r["phase"].as_str().unwrap_or("").to_string(),
                    message: r["err"].as_str().unwrap_or("").to_string(),
                }
            }
        })
        .collect()
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn same(go: &Outcome, rust: &Outcome) -> bool {
    match (go, rust) {
        (Outcome::Ok(a), Outcome::Ok(b)) => a == b,
        // Go's `err.Error()` and `TemplateError::go_message()` must be the same string.
        (Outcome::Failed { .. }, Outcome::Failed { .. }) => go == rust,
        _ => false,
    }
}

fn show(o: &Outcome) -> String {
    match o {
        Outcome::Ok(b) => format!("ok {:?}", String::from_utf8_lossy(b)),
        Outcome::Failed { phase, message } => format!("{phase} error: {message}"),
    }
}

#[test]
fn template_corpus_is_large_enough() {
    let cases = corpus();
    assert!(
        hand_written().len() >= 150,
        "hand-written corpus: {}",
        hand_written().len()
    );
    assert!(cases.len() >= 300, "corpus has {} templates", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "template names are unique");
}

#[test]
fn template_engine_matches_go_byte_for_byte() {
    let cases = corpus();
    let go = go_outcomes(&cases);
    let mut mismatches = Vec::new();
    let (mut ok, mut failed) = (0, 0);
    for (case, go) in cases.iter().zip(&go) {
        if let Outcome::Failed { phase, .. } = go {
            assert_ne!(phase, "panic", "Go panicked on {}: {:?}", case.name, go);
        }
        let rust = rust_outcome(case);
        match go {
            Outcome::Ok(_) => ok += 1,
            Outcome::Failed { .. } => failed += 1,
        }
        if !same(go, &rust) {
            mismatches.push(format!(
                "{} (delims {}, data {}): {:?}\n    go:   {}\n    rust: {}",
                case.name,
                if case.go_delims { "{{ }}" } else { "$( )" },
                case.data,
                case.text,
                show(go),
                show(&rust)
            ));
        }
    }
    eprintln!(
        "{} templates: Go rendered {ok}, refused {failed}",
        cases.len()
    );
    // TEMPLATE_DUMP=path writes every template with Go's outcome, for reviewing the corpus.
    if let Some(path) = std::env::var_os("TEMPLATE_DUMP") {
        let dump: String = cases
            .iter()
            .zip(&go)
            .map(|(c, g)| format!("=== {} [{}]\n{}\n--> {}\n", c.name, c.data, c.text, show(g)))
            .collect();
        std::fs::write(path, dump).expect("write TEMPLATE_DUMP");
    }
    // TEMPLATE_MISMATCHES=path writes every mismatch (the failure message shows only 40).
    if let Some(path) = std::env::var_os("TEMPLATE_MISMATCHES") {
        std::fs::write(path, mismatches.join("\n")).expect("write TEMPLATE_MISMATCHES");
    }
    assert!(
        ok >= 100 && failed >= 50,
        "the corpus exercises both outcomes ({ok} ok, {failed} failed)"
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} templates differ from Go:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
