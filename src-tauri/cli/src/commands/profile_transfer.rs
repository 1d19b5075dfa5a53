//! `profiles export` and `profiles import`: profiles to and from a `textgate.profiles/1` file.
//! The passphrase of the secrets comes from standard input only; an import prints what it
//! would add, update, leave and refuse before it changes anything (and with --dry-run stops
//! there).

use textgate_core::transfer::file::{read_export, write_export};
use textgate_core::transfer::{Document, ImportAction, ImportItem, ImportPreview};
use textgate_core::{ErrorCode, SearchPattern};

use super::profile_select::named;
use crate::args::{ProfileExport, ProfileImport};
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::secret_input::SecretSource;

const EXPORT_PASSPHRASE: SecretSource<'static> = SecretSource {
    what: "passphrase",
    flag: "--with-secrets",
    example: "printf '%s\\n' \"$PASSPHRASE\" | textgate-cli profiles export --out gateways.json --with-secrets",
};

const IMPORT_PASSPHRASE: SecretSource<'static> = SecretSource {
    what: "passphrase",
    flag: "profiles import",
    example: "printf '%s\\n' \"$PASSPHRASE\" | textgate-cli profiles import gateways.json",
};

pub fn export(ctx: &Context, args: &ProfileExport) -> CliResult {
    let ids: Vec<String> = if !args.ids_or_names.is_empty() {
        named(ctx, &args.ids_or_names)?
            .into_iter()
            .map(|target| target.id)
            .collect()
    } else {
        let pattern = SearchPattern::parse(args.pattern.as_deref().unwrap_or_default());
        let picked: Vec<String> = ctx
            .workspace
            .profiles()
            .matching(&pattern)?
            .into_iter()
            .map(|profile| profile.id)
            .collect();
        if picked.is_empty() {
            return Err(CliError::new(
                ErrorCode::NotFound,
                if args.pattern.is_some() {
                    "No profiles match: nothing was exported"
                } else {
                    "No profiles yet: nothing was exported"
                },
            ));
        }
        picked
    };
    let passphrase = match args.with_secrets {
        true => Some(EXPORT_PASSPHRASE.read_stdin()?),
        false => None,
    };
    let outcome =
        ctx.workspace
            .transfer()
            .export(&ids, passphrase.as_ref(), env!("CARGO_PKG_VERSION"))?;
    write_export(&args.out, &outcome.text, outcome.with_secrets)?;
    for name in &outcome.secrets_missing {
        ctx.out.warn(format!(
            "\u{201c}{name}\u{201d} has no app secret in the keychain: exported without it"
        ));
    }
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "file": args.out.display().to_string(),
            "profiles": outcome.count,
            "withSecrets": outcome.with_secrets,
            "secretsMissing": outcome.secrets_missing,
        }));
        return Ok(());
    }
    let what = if outcome.with_secrets {
        "with their secrets, encrypted"
    } else {
        "without secrets"
    };
    ctx.out.line(format!(
        "Exported {} {} {what} to {}",
        outcome.count,
        plural(outcome.count, "profile", "profiles"),
        args.out.display()
    ));
    Ok(())
}

pub fn import(ctx: &Context, args: &ProfileImport) -> CliResult {
    let text = read_export(&args.file)?;
    let passphrase = match Document::parse(&text)?.secrets.is_some() {
        true => Some(IMPORT_PASSPHRASE.read_stdin()?),
        false => None,
    };
    let transfer = ctx.workspace.transfer();
    let file = transfer.read(&text, passphrase.as_ref())?;
    if args.dry_run {
        let preview = transfer.preview(&file)?;
        if ctx.out.is_json() {
            ctx.out
                .json(&serde_json::json!({ "applied": false, "preview": preview }));
        } else {
            print_preview(ctx, &preview, false);
        }
        return Ok(());
    }
    let report = transfer.apply(&file)?;
    for name in &report.secrets_not_saved {
        ctx.out.warn(format!(
            "\u{201c}{name}\u{201d} was imported, but its app secret could not be put in the keychain"
        ));
    }
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "applied": true,
            "preview": report.preview,
            "secretsNotSaved": report.secrets_not_saved,
        }));
    } else {
        print_preview(ctx, &report.preview, true);
    }
    Ok(())
}

fn print_preview(ctx: &Context, preview: &ImportPreview, applied: bool) {
    for server in &preview.missing_servers {
        ctx.out.line(format!(
            "Server \u{201c}{}\u{201d} ({}) is not here: its profiles come in as local only",
            server.name, server.url
        ));
    }
    let groups = [
        (
            ImportAction::Add,
            if applied { "Added" } else { "Would add" },
        ),
        (
            ImportAction::Update,
            if applied { "Updated" } else { "Would update" },
        ),
        (
            ImportAction::Conflict,
            "In conflict (kept as they are here)",
        ),
        (ImportAction::Invalid, "Refused (not imported)"),
        (ImportAction::Unchanged, "Unchanged"),
    ];
    for (action, heading) in groups {
        let items: Vec<&ImportItem> = preview
            .items
            .iter()
            .filter(|i| i.action == action)
            .collect();
        if items.is_empty() {
            continue;
        }
        ctx.out.line(format!("{heading}: {}", items.len()));
        for item in items {
            ctx.out.line(format!("  {}", describe(item)));
        }
    }
    if preview.items.is_empty() {
        ctx.out.line("The file holds no profiles");
    } else if !applied {
        ctx.out.line("Dry run: nothing was changed");
    }
}

fn describe(item: &ImportItem) -> String {
    let mut line = format!("{} ({})", item.name, item.uri);
    if !item.changed.is_empty() {
        let fields: Vec<&str> = item.changed.iter().map(|f| f.label().english).collect();
        line.push_str(&format!(": {}", fields.join(", ")));
    }
    match item.conflict {
        Some(textgate_core::transfer::ConflictReason::LocalEdits) => line.push_str(
            " \u{2014} edited here and not pushed yet: push or undo those edits, then import again",
        ),
        Some(textgate_core::transfer::ConflictReason::OtherServer) => line.push_str(&format!(
            " \u{2014} the URI is used here by \u{201c}{}\u{201d} on another server",
            item.local_name.as_deref().unwrap_or("?")
        )),
        None => {}
    }
    for issue in &item.issues {
        line.push_str(&format!(
            " \u{2014} {}: {}",
            issue.field.label().english,
            issue.message
        ));
    }
    if item.server_missing {
        line.push_str(" (local only: its server is not here)");
    }
    if item.action == ImportAction::Add && !item.has_secret {
        line.push_str(" (no app secret in the file: set one before pushing)");
    }
    line
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}
