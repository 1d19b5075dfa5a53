//! Unit tests of `client_error.rs`.

use super::*;

fn api(id: &str, detail: &str) -> ClientError {
    ClientError::Api {
        status: 400,
        error: MicroError {
            id: id.into(),
            code: Some(400),
            detail: detail.into(),
            status: "Bad Request".into(),
        },
    }
}

#[test]
fn server_errors_map_to_form_fields() {
    let cases = [
        (
            api(
                "chat.bot.custom.webhook.invalid",
                "custom: webhook required",
            ),
            Some(ProfileField::Callback),
        ),
        (
            api("chat.bot.custom.secret.required", "custom: secret required"),
            Some(ProfileField::Secret),
        ),
        (
            api("chat.bot.update.valid", "uri: attribute is readonly"),
            Some(ProfileField::Uri),
        ),
        (
            api("chat.bot.name.required", "name: required"),
            Some(ProfileField::Name),
        ),
        (
            api(
                "chat.bot.flow.required",
                "flow: required to enable the gateway",
            ),
            Some(ProfileField::Flow),
        ),
        (
            api(
                "chat.bot.custom.updates.invalid",
                "updates.join: template: join:1:2: executing \"join\" at <.Nope>: can't evaluate field Nope in type *chat.Account",
            ),
            Some(ProfileField::TemplateJoin),
        ),
        (
            api(
                "chat.bot.custom.updates.invalid",
                "template: file_policy_fail:1: function \"md2\" not defined",
            ),
            Some(ProfileField::TemplateFilePolicyFail),
        ),
        (api("chat.bot.delete.not_found", "not found"), None),
    ];
    for (error, field) in cases {
        assert_eq!(error.field(), field, "{error}");
    }
}

#[test]
fn messages_use_the_server_detail() {
    assert_eq!(
        api("x", "custom: webhook required").to_string(),
        "custom: webhook required"
    );
    assert_eq!(api("chat.bot.x", "").to_string(), "chat.bot.x (HTTP 400)");
}
