//! `profiles resolve --take FIELD=local|server`: one field's side in a per-field resolution,
//! spelt with the field names `profiles compare` prints (or the app's, e.g. `templateJoin`).

use textgate_core::profile_field::ProfileField;
use textgate_core::{FieldChoice, KeepVersion};

/// The names `--take` accepts for each field the server holds, the first as `compare` prints it.
const NAMES: [(&[&str], ProfileField); 11] = [
    (&["name"], ProfileField::Name),
    (&["uri"], ProfileField::Uri),
    (&["callback"], ProfileField::Callback),
    (&["flow"], ProfileField::Flow),
    (&["enabled"], ProfileField::Enabled),
    (&["title", "templateTitle"], ProfileField::TemplateTitle),
    (&["close", "templateClose"], ProfileField::TemplateClose),
    (&["join", "templateJoin"], ProfileField::TemplateJoin),
    (&["left", "templateLeft"], ProfileField::TemplateLeft),
    (
        &["file_policy_fail", "templateFilePolicyFail"],
        ProfileField::TemplateFilePolicyFail,
    ),
    (&["secret"], ProfileField::Secret),
];

/// The name `compare` prints for `field`.
pub fn field_name(field: ProfileField) -> &'static str {
    NAMES
        .iter()
        .find(|(_, f)| *f == field)
        .map_or("?", |(names, _)| names[0])
}

/// Parses `FIELD=local|server` (clap's value parser).
pub fn parse_take(value: &str) -> Result<FieldChoice, String> {
    let known = || {
        NAMES
            .iter()
            .map(|(names, _)| names[0])
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (name, side) = value.split_once('=').ok_or_else(|| {
        format!(
            "expected FIELD=local|server, e.g. enabled=server (fields: {})",
            known()
        )
    })?;
    let field = NAMES
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(name.trim())))
        .map(|(_, field)| *field)
        .ok_or_else(|| {
            format!(
                "\u{201c}{name}\u{201d} is not a field the server holds (fields: {})",
                known()
            )
        })?;
    let keep = match side.trim().to_ascii_lowercase().as_str() {
        "local" => KeepVersion::Local,
        "server" => KeepVersion::Remote,
        _ => {
            return Err(format!(
                "\u{201c}{side}\u{201d} is not a side: use local or server"
            ))
        }
    };
    Ok(FieldChoice { field, keep })
}
