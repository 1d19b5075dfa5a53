//! The Templates tab's live preview: each key rendered as a customer would receive it, over an
//! editable sample account, with any failure located in the text as the admin typed it (the
//! server trims the text first, so positions are shifted back, and the editor counts UTF-16
//! units).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::gateway_templates::{parse_templates, TemplateKey};
use crate::profile::Templates;
use crate::template::{trim_space, Account, MissingKey, Phase, TemplateError};

/// The sample account a preview renders with (Webitel's `chat.Account`, field names as the
/// template sees them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "PascalCase")]
pub struct SampleAccount {
    #[ts(type = "number")]
    pub id: i64,
    pub channel: String,
    pub contact: String,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
}

impl Default for SampleAccount {
    fn default() -> Self {
        Account::sample().into()
    }
}

impl From<Account> for SampleAccount {
    fn from(a: Account) -> Self {
        SampleAccount {
            id: a.id,
            channel: a.channel,
            contact: a.contact,
            first_name: a.first_name,
            last_name: a.last_name,
            username: a.username,
        }
    }
}

impl From<&SampleAccount> for Account {
    fn from(s: &SampleAccount) -> Self {
        Account {
            id: s.id,
            channel: s.channel.clone(),
            contact: s.contact.clone(),
            first_name: s.first_name.clone(),
            last_name: s.last_name.clone(),
            username: s.username.clone(),
        }
    }
}

/// Where and why a template failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateProblem {
    /// `parse`: the server refuses the text; `exec`: rendering failed.
    #[ts(type = "'parse' | 'exec'")]
    pub phase: Phase,
    /// Go's own wording, e.g. `template: join:1: function "md2" not defined`.
    pub message: String,
    /// 1-based line and column (in characters) in the text as typed.
    pub line: u32,
    pub column: u32,
    /// The failing spot as a UTF-16 offset into the text as typed (an editor selection index).
    pub offset: u32,
    /// Textgate stopped the template at one of its limits (work, output, nesting): the text is
    /// valid Go, but too costly to render.
    pub over_budget: bool,
}

/// One key's preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub key: TemplateKey,
    /// The text the customer receives; `null` when the template fails.
    pub output: Option<String>,
    pub problem: Option<TemplateProblem>,
    /// Whether the key is rendered over the account (`close`, `file_policy_fail`: no context).
    pub uses_context: bool,
}

/// Renders every key as Webitel would, over `sample`.
pub fn preview_templates(templates: &Templates, sample: &SampleAccount) -> Vec<TemplatePreview> {
    let parsed = parse_templates(templates);
    let account = Account::from(sample);
    let form_order = [
        TemplateKey::Title,
        TemplateKey::Close,
        TemplateKey::Join,
        TemplateKey::Left,
        TemplateKey::FilePolicyFail,
    ];
    form_order
        .into_iter()
        .map(|key| {
            let typed = key.text(templates);
            let result = match parsed.parse_errors.iter().find(|(k, _)| *k == key) {
                Some((_, error)) => Err(error.clone()),
                None if !parsed.set.contains(key.wire_name()) => Ok(String::new()),
                None => parsed
                    .set
                    .render_bytes(key.wire_name(), &key.context(&account), MissingKey::Error)
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            };
            let (output, problem) = match result {
                Ok(text) => (Some(text), None),
                Err(error) if error.name == key.wire_name() || error.name.is_empty() => {
                    (None, Some(locate(typed, &error)))
                }
                // The failing action sits in another key's text (a `define` called from here):
                // Go's message names that text; mark the start of this one.
                Err(error) => (
                    None,
                    Some(locate(typed, &TemplateError { offset: 0, ..error })),
                ),
            };
            TemplatePreview {
                key,
                output,
                problem,
                uses_context: key.has_context(),
            }
        })
        .collect()
}

/// Maps an error in the trimmed text back onto the text as typed.
pub fn locate(typed: &str, error: &TemplateError) -> TemplateProblem {
    let lead = typed.len() - typed.trim_start_matches(is_go_space).len();
    let mut at = (lead + error.offset).min(typed.len());
    while !typed.is_char_boundary(at) {
        at -= 1;
    }
    let before = &typed[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    TemplateProblem {
        phase: error.phase,
        message: error.go_message(),
        line: count(1 + before.matches('\n').count()),
        column: count(1 + before[line_start..].chars().count()),
        offset: count(before.encode_utf16().count()),
        over_budget: error.limit.is_some(),
    }
}

/// Go's `unicode.IsSpace`, which `strings.TrimSpace` trims by.
fn is_go_space(c: char) -> bool {
    let mut buf = [0; 4];
    trim_space(c.encode_utf8(&mut buf)).is_empty()
}
