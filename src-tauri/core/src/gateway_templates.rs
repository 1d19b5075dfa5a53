//! The Templates tab as Webitel's server treats it (chat_manager `bot/templates.go`): every key
//! is trimmed and parsed with `$(` `)` into one namespace (close, title, join, left,
//! file_policy_fail, stopping at the first parse error), then `close` is test-rendered with no
//! context and `title`, `join`, `left` over a test peer with `missingkey=error`. A failure is a
//! 400 `chat.bot.custom.updates.invalid` whose detail this module reproduces word for word, so a
//! push can be refused locally with the server's own message. At runtime `close` and
//! `file_policy_fail` get no context; the others get the agent's account.
//!
//! `file_policy_fail` is only parsed by the server, yet rendered without context when a
//! customer sends a file the policy refuses (chat_manager `bot/channel.go`,
//! `startWithFilePolicyFallback`): one that cannot render makes that chat fail to start. So a
//! push refuses it too ([`push_refusal`]), as Textgate's refusal beside the server's.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_issue::{FieldIssue, ProfileField};
use crate::profile::Templates;
use crate::template::{trim_space, Account, Delims, MissingKey, TemplateError, TemplateSet, Value};

/// The server's error id for a template it refuses.
pub const REFUSAL_ID: &str = "chat.bot.custom.updates.invalid";

/// One entry of the Templates tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TemplateKey {
    Title,
    Close,
    Join,
    Left,
    FilePolicyFail,
}

impl TemplateKey {
    /// In the order the server parses them.
    pub const PARSE_ORDER: [TemplateKey; 5] = [
        TemplateKey::Close,
        TemplateKey::Title,
        TemplateKey::Join,
        TemplateKey::Left,
        TemplateKey::FilePolicyFail,
    ];

    /// The key on the wire and in Go's messages (`file_policy_fail`).
    pub fn wire_name(self) -> &'static str {
        match self {
            TemplateKey::Title => "title",
            TemplateKey::Close => "close",
            TemplateKey::Join => "join",
            TemplateKey::Left => "left",
            TemplateKey::FilePolicyFail => "file_policy_fail",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<Self> {
        Self::PARSE_ORDER
            .into_iter()
            .find(|key| key.wire_name() == name)
    }

    /// The form field the key is edited in.
    pub fn field(self) -> ProfileField {
        match self {
            TemplateKey::Title => ProfileField::TemplateTitle,
            TemplateKey::Close => ProfileField::TemplateClose,
            TemplateKey::Join => ProfileField::TemplateJoin,
            TemplateKey::Left => ProfileField::TemplateLeft,
            TemplateKey::FilePolicyFail => ProfileField::TemplateFilePolicyFail,
        }
    }

    pub fn text(self, templates: &Templates) -> &str {
        match self {
            TemplateKey::Title => &templates.title,
            TemplateKey::Close => &templates.close,
            TemplateKey::Join => &templates.join,
            TemplateKey::Left => &templates.left,
            TemplateKey::FilePolicyFail => &templates.file_policy_fail,
        }
    }

    /// The text of this key, to edit.
    pub fn text_mut(self, templates: &mut Templates) -> &mut String {
        match self {
            TemplateKey::Title => &mut templates.title,
            TemplateKey::Close => &mut templates.close,
            TemplateKey::Join => &mut templates.join,
            TemplateKey::Left => &mut templates.left,
            TemplateKey::FilePolicyFail => &mut templates.file_policy_fail,
        }
    }

    /// Whether Webitel renders this key over the agent's account (`close` and
    /// `file_policy_fail` get no context at all).
    pub fn has_context(self) -> bool {
        !matches!(self, TemplateKey::Close | TemplateKey::FilePolicyFail)
    }

    /// The data Webitel renders the key with.
    pub fn context(self, account: &Account) -> Value {
        if self.has_context() {
            account.to_value()
        } else {
            Value::Nil
        }
    }

    /// Whether the server test-renders the key before accepting it.
    fn server_tests(self) -> bool {
        self != TemplateKey::FilePolicyFail
    }
}

/// Why the server would refuse a gateway's templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRefusal {
    pub key: TemplateKey,
    /// The 400's detail, as the server words it.
    pub detail: String,
    pub error: TemplateError,
    /// The server would accept it, but cannot send it (`file_policy_fail` that fails to
    /// render): refused by Textgate, not by Webitel.
    pub unsendable: bool,
}

impl TemplateRefusal {
    pub fn field_issue(&self) -> FieldIssue {
        let issue = if self.unsendable {
            crate::issue::Issue::TemplateUnsendable {
                go: self.error.go_message(),
            }
        } else {
            crate::issue::Issue::ServerDetail {
                detail: self.detail.clone(),
            }
        };
        FieldIssue::error(self.key.field(), issue)
    }

    /// Whether Textgate stopped the template at one of its limits (work, output, nesting)
    /// rather than Go refusing it.
    pub fn is_over_budget(&self) -> bool {
        self.error.limit.is_some()
    }
}

/// The form's words for a failing template: Go's refusal, or Textgate's limit.
fn refusal_message(error: &TemplateError) -> crate::issue::Issue {
    let go = error.go_message();
    if error.limit.is_some() {
        crate::issue::Issue::TemplateOverBudget { go }
    } else {
        crate::issue::Issue::TemplateRefused { go }
    }
}

/// The gateway's templates parsed as the server parses them: the set, and the keys that failed.
pub struct ParsedTemplates {
    pub set: TemplateSet,
    pub parse_errors: Vec<(TemplateKey, TemplateError)>,
}

/// Parses every non-empty key (trimmed) into one set, in the server's order. Unlike the server,
/// goes on after a failure so each key can be judged on its own.
pub fn parse_templates(templates: &Templates) -> ParsedTemplates {
    let mut set = TemplateSet::new();
    let mut parse_errors = Vec::new();
    let delims = Delims::webitel();
    for key in TemplateKey::PARSE_ORDER {
        let text = trim_space(key.text(templates));
        if text.is_empty() && !set.contains(key.wire_name()) {
            continue;
        }
        if let Err(error) = set.add(key.wire_name(), text, &delims) {
            parse_errors.push((key, error));
        }
    }
    ParsedTemplates { set, parse_errors }
}

/// The server's test render of one key: `Ok` when it is not tested or renders.
fn test_render(set: &TemplateSet, key: TemplateKey) -> Result<(), TemplateError> {
    if !key.server_tests() || !set.contains(key.wire_name()) {
        return Ok(());
    }
    let data = key.context(&Account::server_test_peer());
    set.render_bytes(key.wire_name(), &data, MissingKey::Error)
        .map(|_| ())
}

/// What the server answers to these templates: `None` when it accepts them.
pub fn server_refusal(templates: &Templates) -> Option<TemplateRefusal> {
    let parsed = parse_templates(templates);
    if let Some((key, error)) = parsed.parse_errors.into_iter().next() {
        return Some(TemplateRefusal {
            key,
            detail: error.go_message(),
            error,
            unsendable: false,
        });
    }
    TemplateKey::PARSE_ORDER.into_iter().find_map(|key| {
        test_render(&parsed.set, key)
            .err()
            .map(|error| TemplateRefusal {
                key,
                detail: format!("updates.{}: {}", key.wire_name(), error.go_message()),
                error,
                unsendable: false,
            })
    })
}

/// Whether `file_policy_fail` fails to render as Webitel sends it (no context).
fn unsendable(set: &TemplateSet) -> Option<TemplateError> {
    let key = TemplateKey::FilePolicyFail;
    if !set.contains(key.wire_name()) {
        return None;
    }
    set.render_bytes(key.wire_name(), &Value::Nil, MissingKey::Error)
        .err()
}

/// What a push refuses: the server's refusal, else a `file_policy_fail` the server would take
/// but never manage to send. `None`: the templates can be pushed.
pub fn push_refusal(templates: &Templates) -> Option<TemplateRefusal> {
    if let Some(refusal) = server_refusal(templates) {
        return Some(refusal);
    }
    let parsed = parse_templates(templates);
    let key = TemplateKey::FilePolicyFail;
    unsendable(&parsed.set).map(|error| TemplateRefusal {
        key,
        detail: format!("updates.{}: {}", key.wire_name(), error.go_message()),
        error,
        unsendable: true,
    })
}

/// Form warnings, one per broken key: saving is allowed (the admin may be mid-edit), pushing
/// is not. `file_policy_fail` is not tested by the server but fails when Webitel sends it, so
/// it is a template problem like the others.
pub fn template_issues(templates: &Templates) -> Vec<FieldIssue> {
    judge_templates(templates).0
}

/// [`template_issues`] and whether a push would refuse the templates
/// (`push_refusal(..).is_some()`), from one parse and one render of each key.
pub fn judge_templates(templates: &Templates) -> (Vec<FieldIssue>, bool) {
    let parsed = parse_templates(templates);
    let mut issues = Vec::new();
    let mut refused = false;
    for key in TemplateKey::PARSE_ORDER {
        let message = if let Some((_, error)) = parsed.parse_errors.iter().find(|(k, _)| *k == key)
        {
            refused = true;
            refusal_message(error)
        } else if let Err(error) = test_render(&parsed.set, key) {
            refused = true;
            refusal_message(&error)
        } else if key == TemplateKey::FilePolicyFail {
            match unsendable(&parsed.set) {
                None => continue,
                Some(error) => {
                    refused = true;
                    crate::issue::Issue::TemplateUnsendable {
                        go: error.go_message(),
                    }
                }
            }
        } else {
            continue;
        };
        issues.push(FieldIssue::warning(key.field(), message));
    }
    (issues, refused)
}

#[cfg(test)]
#[path = "gateway_templates_tests.rs"]
mod tests;
