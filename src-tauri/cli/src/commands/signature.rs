//! `sign` and `verify`: core's signature [`Scheme`]s (the lab's) on stdin, over the exact bytes
//! read (nothing is trimmed or re-encoded), so a script can sign what it is about to send or
//! check what it got. `--scheme` maps onto a core scheme in one place (`scheme_for`).

use std::io::Read;

use textgate_core::clock::now_secs;
use textgate_core::generate::generate_secret;
use textgate_core::signature::{Scheme, Verdict};
use textgate_core::ErrorCode;
use textgate_core::Sensitive;

use crate::args::{SchemeArg, SecretArgs, SignArgs, VerifyArgs};
use crate::error::{CliError, CliResult};
use crate::output::Output;
use crate::secret_input::SecretSource;

pub fn sign(args: SignArgs, out: &Output) -> CliResult {
    let secret = read_secret(&args.secret)?;
    let body = read_body()?;
    let scheme = scheme_for(&args.secret, || {
        let id = args.secret.id.clone();
        Ok((
            id.unwrap_or_else(|| format!("msg_{}", generate_secret())),
            args.secret.timestamp.unwrap_or_else(now_secs),
        ))
    })?;
    let signed = scheme
        .sign(secret.expose(), &body)
        .map_err(|error| CliError::new(ErrorCode::Usage, error.0))?;
    match signed.headers.as_slice() {
        // A one-header scheme prints its signature (JSON: the header's name beside it)...
        [(header, signature)] => {
            if out.is_json() {
                out.json(&serde_json::json!({
                    "scheme": scheme.name(),
                    "header": header,
                    "signature": signature,
                }));
            } else {
                out.line(signature);
            }
        }
        // ...a scheme of several headers prints them all, `name: value`.
        headers => {
            if out.is_json() {
                let headers: serde_json::Map<String, serde_json::Value> = headers
                    .iter()
                    .map(|(name, value)| (name.clone(), value.clone().into()))
                    .collect();
                out.json(&serde_json::json!({ "scheme": scheme.name(), "headers": headers }));
            } else {
                for (name, value) in headers {
                    out.line(format!("{name}: {value}"));
                }
            }
        }
    }
    Ok(())
}

pub fn verify(args: VerifyArgs, out: &Output) -> CliResult {
    let secret = read_secret(&args.secret)?;
    let body = read_body()?;
    let scheme = scheme_for(&args.secret, || {
        // A secret the scheme cannot use is the first thing to say.
        Scheme::Standard {
            id: String::new(),
            timestamp: 0,
        }
        .check_secret(secret.expose())
        .map_err(|error| CliError::new(ErrorCode::Usage, error.0))?;
        match (&args.secret.id, args.secret.timestamp) {
            (Some(id), Some(timestamp)) => Ok((id.clone(), timestamp)),
            _ => Err(CliError::new(
                ErrorCode::Usage,
                "--scheme standard needs --id and --timestamp (the webhook-id and webhook-timestamp headers)",
            )),
        }
    })?;
    let now = args.at.unwrap_or_else(now_secs);
    let verdict = scheme
        .verify(secret.expose(), &body, Some(args.signature.as_str()), now)
        .map_err(|error| CliError::new(ErrorCode::Usage, error.0))?;
    match verdict {
        Verdict::Valid => {
            if out.is_json() {
                out.json(&serde_json::json!({ "verdict": "valid" }));
            } else {
                out.line("valid");
            }
            Ok(())
        }
        Verdict::Missing => Err(CliError::new(
            ErrorCode::SignatureMissing,
            "invalid: no signature given",
        )),
        Verdict::Invalid(reason) => Err(CliError::new(
            ErrorCode::SignatureInvalid,
            format!("invalid: {reason}"),
        )),
    }
}

/// The registration of `--scheme`: each value and the core [`Scheme`] it names. `standard`
/// gives Standard Webhooks' message id and timestamp (`sign` defaults them, `verify` needs them).
fn scheme_for(
    args: &SecretArgs,
    standard: impl FnOnce() -> CliResult<(String, i64)>,
) -> CliResult<Scheme> {
    Ok(match args.scheme {
        SchemeArg::Webitel => Scheme::Webitel,
        SchemeArg::Sha1 => Scheme::Sha1 {
            header: args.header.clone(),
        },
        SchemeArg::Standard => {
            let (id, timestamp) = standard()?;
            Scheme::Standard { id, timestamp }
        }
    })
}

/// The secret from `--secret` or the file (one line, read as every secret input is); never
/// echoed in errors.
fn read_secret(args: &SecretArgs) -> CliResult<Sensitive<String>> {
    match (&args.secret, &args.secret_stdin_file) {
        (Some(secret), _) if secret.is_empty() => {
            Err(CliError::new(ErrorCode::Usage, "the secret is empty"))
        }
        (Some(secret), _) => Ok(Sensitive::new(secret.clone())),
        (None, Some(path)) => SecretSource {
            what: "secret",
            flag: "--secret-stdin-file",
            example: "textgate-cli sign --secret-stdin-file <(printf '%s' \"$SECRET\") < body.json",
        }
        .read_file(path),
        (None, None) => Err(CliError::new(
            ErrorCode::Usage,
            "give --secret or --secret-stdin-file",
        )),
    }
}

fn read_body() -> CliResult<Vec<u8>> {
    let mut body = Vec::new();
    std::io::stdin().read_to_end(&mut body).map_err(|e| {
        CliError::new(
            ErrorCode::Io,
            format!("Cannot read the body from stdin: {e}"),
        )
    })?;
    Ok(body)
}
