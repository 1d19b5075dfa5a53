//! The Templates tab's Rust side over a pipe, for the browser UI tests: each stdin line is a
//! request (`{"kind":"preview","templates":{..},"sample":{..}}`, `{"kind":"issues",
//! "templates":{..}}` or `{"kind":"defaultSample"}`) answered by one stdout line `{"ok": ..}`
//! holding exactly what the app's IPC commands return, so those tests see the real engine
//! without a Tauri window. Not shipped; built by `make test-ui`.

use std::io::{BufRead, Write};

use serde::Deserialize;
use textgate_core::gateway_templates::{push_refusal, template_issues};
use textgate_core::template_preview::{preview_templates, SampleAccount};
use textgate_core::Templates;

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Request {
    Preview {
        templates: Templates,
        sample: SampleAccount,
    },
    Issues {
        templates: Templates,
    },
    DefaultSample,
}

fn answer(request: Request) -> serde_json::Value {
    match request {
        Request::Preview { templates, sample } => {
            serde_json::json!(preview_templates(&templates, &sample))
        }
        Request::Issues { templates } => {
            let refusal = push_refusal(&templates);
            serde_json::json!({
                "issues": template_issues(&templates),
                "refused": refusal.is_some(),
                // The field issue a push gets (`template_invalid`), as core builds it.
                "refusal": refusal.map(|refusal| refusal.field_issue()),
            })
        }
        Request::DefaultSample => serde_json::json!(SampleAccount::default()),
    }
}

fn main() {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(request) => serde_json::json!({ "ok": answer(request) }),
            Err(error) => serde_json::json!({ "error": error.to_string() }),
        };
        if writeln!(stdout, "{answer}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
    }
}
