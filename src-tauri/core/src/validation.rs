//! Field rules for a gateway profile, in one place so the app, the CLI and the server push all
//! agree. Each rule returns an [`Issue`] (a code and parameters, rendered to an English
//! sentence here and to the admin's language in the UI), attached to the field it is about.
//! Issues never echo the secret.

pub use crate::field_issue::{FieldIssue, ProfileField, Severity};
use crate::issue::count;
pub use crate::issue::Issue;
use crate::profile::{Profile, ProfileDraft};

pub const NAME_MAX_CHARS: usize = 100;
pub const URI_MAX_CHARS: usize = 255;
pub const CALLBACK_MAX_CHARS: usize = 2048;
pub const SECRET_MAX_CHARS: usize = 256;
pub const NOTES_MAX_CHARS: usize = 2000;

/// Checks the name and returns it trimmed.
pub fn check_name(name: &str) -> Result<String, Issue> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        return Err(Issue::NameRequired);
    }
    if chars > NAME_MAX_CHARS {
        return Err(Issue::NameTooLong {
            chars: count(chars),
            max: count(NAME_MAX_CHARS),
        });
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Issue::NameControl);
    }
    Ok(trimmed.to_string())
}

/// Checks a gateway URI (`/path`, URL-safe, no query or fragment) and returns it trimmed.
pub fn check_uri(uri: &str) -> Result<String, Issue> {
    let uri = uri.trim();
    if uri.is_empty() {
        return Err(Issue::UriRequired);
    }
    if !uri.starts_with('/') {
        return Err(Issue::UriNoSlash);
    }
    if uri.len() == 1 {
        return Err(Issue::UriNoPath);
    }
    if uri.contains('?') {
        return Err(Issue::UriQuery);
    }
    if uri.contains('#') {
        return Err(Issue::UriFragment);
    }
    if let Some(bad) = uri.chars().find(|&c| !is_url_safe(c)) {
        return Err(if bad.is_whitespace() {
            Issue::UriSpace
        } else {
            Issue::UriBadChar {
                char: bad.to_string(),
            }
        });
    }
    if uri
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return Err(Issue::UriDotSegment);
    }
    if uri.len() > URI_MAX_CHARS {
        return Err(Issue::UriTooLong {
            max: count(URI_MAX_CHARS),
        });
    }
    Ok(uri.to_string())
}

fn is_url_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '/')
}

/// What a valid callback URL may still deserve a word about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCallback {
    pub url: String,
    pub warning: Option<Issue>,
}

/// Checks the callback: an absolute http(s) URL with a host and no user info.
pub fn check_callback(callback: &str) -> Result<CheckedCallback, Issue> {
    let callback = callback.trim();
    if callback.is_empty() {
        return Err(Issue::CallbackRequired);
    }
    if callback.len() > CALLBACK_MAX_CHARS {
        return Err(Issue::CallbackTooLong {
            max: count(CALLBACK_MAX_CHARS),
        });
    }
    let parsed = url::Url::parse(callback).map_err(|err| match err {
        url::ParseError::RelativeUrlWithoutBase => Issue::CallbackNotAbsolute,
        other => Issue::CallbackInvalid {
            reason: other.to_string(),
        },
    })?;
    let scheme = parsed.scheme();
    if scheme != "http" && scheme != "https" {
        return Err(Issue::CallbackScheme {
            scheme: scheme.to_string(),
        });
    }
    let host = match parsed.host_str() {
        Some(host) if !host.is_empty() => host.to_string(),
        _ => return Err(Issue::CallbackNoHost),
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Issue::CallbackUserInfo);
    }
    let warning = (scheme == "http" && !is_local_host(&host)).then_some(Issue::CallbackPlainHttp);
    Ok(CheckedCallback {
        url: callback.to_string(),
        warning,
    })
}

/// `localhost`, a `*.localhost` name or a loopback IP: this computer.
pub(crate) fn is_local_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Checks an app secret. The message never repeats the value.
pub fn check_secret(secret: &str) -> Result<(), Issue> {
    if secret.is_empty() {
        return Err(Issue::SecretRequired);
    }
    if secret.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Issue::SecretWhitespace);
    }
    let chars = secret.chars().count();
    if chars > SECRET_MAX_CHARS {
        return Err(Issue::SecretTooLong {
            chars: count(chars),
            max: count(SECRET_MAX_CHARS),
        });
    }
    Ok(())
}

/// Checks the admin's note: any text (line breaks included) up to [`NOTES_MAX_CHARS`].
pub fn check_notes(notes: &str) -> Result<(), Issue> {
    let chars = notes.chars().count();
    if chars > NOTES_MAX_CHARS {
        return Err(Issue::NotesTooLong {
            chars: count(chars),
            max: count(NOTES_MAX_CHARS),
        });
    }
    Ok(())
}

/// A draft that passed every rule, normalised for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    pub name: String,
    pub uri: String,
    pub callback: String,
}

/// Context the rules need beyond the draft itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct DraftContext<'a> {
    /// The saved version of this profile, when it exists.
    pub existing: Option<&'a Profile>,
    /// The name of another local profile that already uses the draft's URI.
    pub uri_used_by: Option<&'a str>,
}

/// Runs every rule; returns the normalised values and warnings, or all issues found.
pub fn validate_draft(
    draft: &ProfileDraft,
    context: DraftContext<'_>,
) -> Result<(ValidDraft, Vec<FieldIssue>), Vec<FieldIssue>> {
    let template_issues = crate::gateway_templates::template_issues(&draft.templates);
    validate_fields(draft, context, template_issues)
}

/// [`validate_draft`] with the templates' issues judged beforehand (rendering may take a
/// full work budget, so the workspace does it before it locks the store).
pub fn validate_fields(
    draft: &ProfileDraft,
    context: DraftContext<'_>,
    template_issues: Vec<FieldIssue>,
) -> Result<(ValidDraft, Vec<FieldIssue>), Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let name = check_name(&draft.name)
        .map_err(|m| issues.push(FieldIssue::error(ProfileField::Name, m)))
        .ok();

    let uri = match context.existing {
        Some(saved) if saved.is_pushed() && draft.uri.trim() != saved.uri => {
            issues.push(FieldIssue::error(ProfileField::Uri, Issue::UriReadOnly));
            None
        }
        _ => check_uri(&draft.uri)
            .map_err(|m| issues.push(FieldIssue::error(ProfileField::Uri, m)))
            .ok(),
    };
    if let (Some(_), Some(other)) = (&uri, context.uri_used_by) {
        issues.push(FieldIssue::error(
            ProfileField::Uri,
            Issue::UriTaken {
                profile: other.to_string(),
            },
        ));
    }

    let callback = match check_callback(&draft.callback) {
        Ok(checked) => {
            if let Some(warning) = checked.warning {
                issues.push(FieldIssue::warning(ProfileField::Callback, warning));
            }
            Some(checked.url)
        }
        Err(message) => {
            issues.push(FieldIssue::error(ProfileField::Callback, message));
            None
        }
    };

    if let Err(message) = check_secret(draft.secret.expose()) {
        issues.push(FieldIssue::error(ProfileField::Secret, message));
    }
    if let Err(message) = check_notes(&draft.notes) {
        issues.push(FieldIssue::error(ProfileField::Notes, message));
    }
    if draft.enabled && draft.flow.is_none() {
        issues.push(FieldIssue::error(
            ProfileField::Enabled,
            Issue::FlowRequired,
        ));
    }

    issues.extend(template_issues);

    match (name, uri, callback) {
        (Some(name), Some(uri), Some(callback)) if !issues.iter().any(FieldIssue::is_error) => {
            Ok((
                ValidDraft {
                    name,
                    uri,
                    callback,
                },
                issues,
            ))
        }
        _ => Err(issues),
    }
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
