//! `sign` and `verify`: core's signature lab on stdin, over the exact bytes read (nothing is
//! trimmed or re-encoded), so a script can sign what it is about to send or check what it got.

use std::io::Read;

use textgate_core::clock::now_secs;
use textgate_core::generate::generate_secret;
use textgate_core::signature::{
    sha1_sign, sha1_verify, standard_sign, standard_verify, webitel_sign, webitel_verify,
    StandardSecret, Verdict, WEBITEL_HEADER,
};
use textgate_core::Sensitive;

use crate::args::{SchemeArg, SecretArgs, SignArgs, VerifyArgs};
use crate::error::{CliError, CliResult};
use crate::output::Output;
use crate::secret_input::SecretSource;

pub fn sign(args: SignArgs, out: &Output) -> CliResult {
    let secret = read_secret(&args.secret)?;
    let body = read_body()?;
    match args.secret.scheme {
        SchemeArg::Webitel => print_one(
            out,
            "webitel",
            WEBITEL_HEADER,
            &webitel_sign(secret.expose().as_bytes(), &body),
        ),
        SchemeArg::Sha1 => print_one(
            out,
            "sha1",
            &args.secret.header,
            &sha1_sign(secret.expose().as_bytes(), &body),
        ),
        SchemeArg::Standard => {
            let key = standard_secret(secret.expose())?;
            let id = args
                .secret
                .id
                .clone()
                .unwrap_or_else(|| format!("msg_{}", generate_secret()));
            let timestamp = args.secret.timestamp.unwrap_or_else(now_secs);
            let signed = standard_sign(&key, &id, timestamp, &body);
            if out.is_json() {
                out.json(&serde_json::json!({
                    "scheme": "standard",
                    "headers": {
                        "webhook-id": signed.id,
                        "webhook-timestamp": signed.timestamp.to_string(),
                        "webhook-signature": signed.signature,
                    },
                }));
            } else {
                out.line(format!("webhook-id: {}", signed.id));
                out.line(format!("webhook-timestamp: {}", signed.timestamp));
                out.line(format!("webhook-signature: {}", signed.signature));
            }
        }
    }
    Ok(())
}

pub fn verify(args: VerifyArgs, out: &Output) -> CliResult {
    let secret = read_secret(&args.secret)?;
    let body = read_body()?;
    let given = Some(args.signature.as_str());
    let verdict = match args.secret.scheme {
        SchemeArg::Webitel => webitel_verify(secret.expose().as_bytes(), &body, given),
        SchemeArg::Sha1 => sha1_verify(secret.expose().as_bytes(), &body, given),
        SchemeArg::Standard => {
            let key = standard_secret(secret.expose())?;
            let (Some(id), Some(timestamp)) = (&args.secret.id, args.secret.timestamp) else {
                return Err(CliError::new(
                    "usage",
                    "--scheme standard needs --id and --timestamp (the webhook-id and webhook-timestamp headers)",
                ));
            };
            let now = args.at.unwrap_or_else(now_secs);
            standard_verify(
                &key,
                Some(id),
                Some(&timestamp.to_string()),
                given,
                &body,
                now,
            )
        }
    };
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
            "signature_missing",
            "invalid: no signature given",
        )),
        Verdict::Invalid(reason) => Err(CliError::new(
            "signature_invalid",
            format!("invalid: {reason}"),
        )),
    }
}

fn print_one(out: &Output, scheme: &str, header: &str, signature: &str) {
    if out.is_json() {
        out.json(
            &serde_json::json!({ "scheme": scheme, "header": header, "signature": signature }),
        );
    } else {
        out.line(signature);
    }
}

fn standard_secret(secret: &str) -> CliResult<StandardSecret> {
    StandardSecret::parse(secret).map_err(|message| CliError::new("usage", message))
}

/// The secret from `--secret` or the file (one line, read as every secret input is); never
/// echoed in errors.
fn read_secret(args: &SecretArgs) -> CliResult<Sensitive<String>> {
    match (&args.secret, &args.secret_stdin_file) {
        (Some(secret), _) if secret.is_empty() => {
            Err(CliError::new("usage", "the secret is empty"))
        }
        (Some(secret), _) => Ok(Sensitive::new(secret.clone())),
        (None, Some(path)) => SecretSource {
            what: "secret",
            flag: "--secret-stdin-file",
            example: "textgate-cli sign --secret-stdin-file <(printf '%s' \"$SECRET\") < body.json",
        }
        .read_file(path),
        (None, None) => Err(CliError::new(
            "usage",
            "give --secret or --secret-stdin-file",
        )),
    }
}

fn read_body() -> CliResult<Vec<u8>> {
    let mut body = Vec::new();
    std::io::stdin()
        .read_to_end(&mut body)
        .map_err(|e| CliError::new("io", format!("Cannot read the body from stdin: {e}")))?;
    Ok(body)
}
