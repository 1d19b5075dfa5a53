//! Go `text/template` as Webitel runs it: lexer, parser and executor over any text, with the
//! delimiters and missing-key mode the first byte picks. Inputs past `MAX_TEMPLATE` bytes are
//! skipped: a template that costs too much is the render budget's job (issue E, section 1);
//! run with `-timeout` so one that never ends is reported as a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textgate_gotemplate::{self as template, Account, Delims, MissingKey};

const MAX_TEMPLATE: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if rest.len() > MAX_TEMPLATE {
        return;
    }
    let text = String::from_utf8_lossy(rest);
    let delims = match mode % 3 {
        0 => Delims::webitel(),
        1 => Delims::go(),
        _ => Delims::new("<<", ">>"),
    };
    let missing = match (mode / 3) % 3 {
        0 => MissingKey::Error,
        1 => MissingKey::Zero,
        _ => MissingKey::Default,
    };
    if let Ok(parsed) = template::parse("fuzz", &text, &delims) {
        let _ = parsed.render_bytes(&Account::sample().to_value(), missing);
        let _ = parsed.render_bytes(&template::Value::Nil, missing);
    }
    // What the Templates tab and a push check: trimmed, `$(` `)`, the server's test account.
    let key = template::KEYS[usize::from(mode) % template::KEYS.len()];
    let _ = template::check(key, &text);
});
