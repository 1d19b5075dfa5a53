//! `template render` and `template check`: core's Go `text/template` engine on stdin, so a
//! template can be tried in a terminal or checked in CI exactly as Webitel's server would.
//! `render` prints the bytes Go would produce and nothing else; `check` applies the server's
//! rules (trimmed text, parsed with the delimiters, test-rendered with missingkey=error over
//! the server's test account, or no context for `close`).

use std::io::Read;

use textgate_core::gateway_templates::TemplateKey;
use textgate_core::template::{parse, trim_space, Account, Delims, MissingKey, TemplateError};
use textgate_core::ErrorCode;

use crate::args::{DelimsArg, TemplateCheck, TemplateCommand, TemplateRender};
use crate::error::{CliError, CliResult};
use crate::output::Output;

/// The name errors carry for a template read from stdin (`template: template:1: …`).
const STDIN_NAME: &str = "template";

pub fn run(command: TemplateCommand, out: &Output) -> CliResult {
    match command {
        TemplateCommand::Render(args) => render(args, out),
        TemplateCommand::Check(args) => check(args, out),
    }
}

fn render(args: TemplateRender, out: &Output) -> CliResult {
    let missing: MissingKey = args
        .missingkey
        .parse()
        .map_err(|message: String| CliError::new(ErrorCode::Usage, message))?;
    let account = match &args.context {
        Some(path) => read_context(path)?,
        None => Account::sample(),
    };
    let text = read_stdin()?;
    let template = parse(STDIN_NAME, &text, &delims(&args.delims)).map_err(template_error)?;
    let bytes = template
        .render_bytes(&account.to_value(), missing)
        .map_err(template_error)?;
    if out.is_json() {
        out.json(&serde_json::json!({ "output": String::from_utf8_lossy(&bytes) }));
    } else {
        out.raw(&bytes);
    }
    Ok(())
}

fn check(args: TemplateCheck, out: &Output) -> CliResult {
    let key = TemplateKey::from_wire_name(&args.key).ok_or_else(|| {
        CliError::new(
            ErrorCode::Usage,
            format!(
                "unknown template key {:?}: use title, close, join, left or file_policy_fail",
                args.key
            ),
        )
    })?;
    let text = read_stdin()?;
    let text = trim_space(&text);
    if !text.is_empty() {
        let template =
            parse(key.wire_name(), text, &delims(&args.delims)).map_err(template_error)?;
        if key != TemplateKey::FilePolicyFail {
            let data = key.context(&Account::server_test_peer());
            template
                .render_bytes(&data, MissingKey::Error)
                .map_err(template_error)?;
        }
    }
    if out.is_json() {
        out.json(&serde_json::json!({ "valid": true }));
    }
    Ok(())
}

fn delims(arg: &DelimsArg) -> Delims {
    match arg.delims.as_deref() {
        Some([left, right]) => Delims::new(left, right),
        _ => Delims::webitel(),
    }
}

/// Go's refusal (`template_invalid`), or one of Textgate's limits (`template_budget`: the
/// template would never finish or fill the memory).
fn template_error(error: TemplateError) -> CliError {
    let code = if error.limit.is_some() {
        ErrorCode::TemplateBudget
    } else {
        ErrorCode::TemplateInvalid
    };
    CliError::new(code, error.go_message())
}

fn read_stdin() -> CliResult<String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
        CliError::new(
            ErrorCode::Io,
            format!("Cannot read the template from stdin: {e}"),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        CliError::new(
            ErrorCode::Usage,
            format!(
                "The template on stdin is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn read_context(path: &std::path::Path) -> CliResult<Account> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::new(
            ErrorCode::Io,
            format!("Cannot read the context file {shown}: {e}"),
        )
    })?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        CliError::new(
            ErrorCode::Usage,
            format!("The context file {shown} is not JSON: {e}"),
        )
    })?;
    Account::from_json(&json).map_err(|message| {
        CliError::new(
            ErrorCode::Usage,
            format!("The context file {shown} does not fit chat.Account: {message}"),
        )
    })
}
