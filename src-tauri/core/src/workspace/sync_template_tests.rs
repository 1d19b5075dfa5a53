//! A template Webitel would refuse: saved with a warning, refused locally before any request
//! with the server's own message, and refused by the emulator with that same message.

use crate::error::CoreError;
use crate::gateway_templates::REFUSAL_ID;
use crate::validation::{ProfileField, Severity};
use crate::workspace::test_support::{draft, fixture};

#[tokio::test]
async fn a_broken_template_is_saved_but_push_is_refused_with_the_servers_message() {
    let f = fixture().await;
    let mut broken = draft(&f.server_id, "Support");
    broken.templates.join = "$(md2 .FirstName) joined".into();
    let outcome = f.workspace.profiles().save(broken.clone()).unwrap();
    let warning = outcome
        .warnings
        .iter()
        .find(|w| w.field == ProfileField::TemplateJoin)
        .expect("a warning on the join template");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(outcome.profile.templates_refused);

    let requests_before = f.emulator().requests().len();
    let error = f
        .workspace
        .sync()
        .push(&outcome.profile.id, false)
        .await
        .unwrap_err();
    let CoreError::TemplateRefused(issue) = &error else {
        panic!("expected a template refusal, got {error:?}");
    };
    assert_eq!(error.code(), "template_invalid");
    assert_eq!(issue.field, ProfileField::TemplateJoin);
    let local_message = error.to_string();
    assert_eq!(
        local_message,
        r#"template: join:1: function "md2" not defined"#
    );
    assert_eq!(
        f.emulator().requests().len(),
        requests_before,
        "refused before any request"
    );

    // The emulator, strict like the server, refuses the same body with the same words.
    let body = crate::webitel::mapping::bot_body(
        &f.workspace
            .store()
            .find_profile(&outcome.profile.id)
            .unwrap()
            .unwrap(),
        "Secret",
    );
    let response = reqwest::Client::new()
        .post(format!("{}/api/chat/bots", f.running.base_url()))
        .header("X-Webitel-Access", "tok")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert_eq!(answer["id"], REFUSAL_ID);
    assert_eq!(answer["detail"], local_message.as_str());
    assert!(f.emulator().bots().is_empty());

    // Fixed, it goes through.
    broken.id = Some(outcome.profile.id.clone());
    broken.uri = outcome.profile.uri.clone();
    broken.templates.join = "$(.FirstName) joined".into();
    let fixed = f.workspace.profiles().save(broken).unwrap();
    assert!(!fixed.profile.templates_refused);
    f.workspace
        .sync()
        .push(&fixed.profile.id, false)
        .await
        .unwrap();
    assert_eq!(f.emulator().bots().len(), 1);
}

/// Issue I.11: Webitel takes a `file_policy_fail` it cannot render (it only parses it), then fails
/// to start the chat of every customer who sends a refused file. The Templates tab said "cannot
/// send" while the list showed no problem and the push went through: now it is a template
/// problem like the others, on the list and at push.
#[tokio::test]
async fn a_file_policy_fail_webitel_cannot_send_is_a_template_problem_and_is_not_pushed() {
    let f = fixture().await;
    let mut broken = draft(&f.server_id, "Support");
    broken.templates.file_policy_fail = "Sorry $(.FirstName), no such files".into();
    let outcome = f.workspace.profiles().save(broken).unwrap();
    assert!(outcome.profile.templates_refused, "the editor's verdict");
    let listed = f.workspace.profiles().list().unwrap();
    assert!(listed[0].templates_refused, "the list's verdict");

    let requests_before = f.emulator().requests().len();
    let error = f
        .workspace
        .sync()
        .push(&outcome.profile.id, false)
        .await
        .unwrap_err();
    let CoreError::TemplateRefused(issue) = &error else {
        panic!("expected a template refusal, got {error:?}");
    };
    assert_eq!(issue.field, ProfileField::TemplateFilePolicyFail);
    assert_eq!(issue.severity, Severity::Error);
    assert!(
        error
            .to_string()
            .starts_with("Webitel accepts this template but cannot send it"),
        "{error}"
    );
    assert_eq!(f.emulator().requests().len(), requests_before);

    // Fixed: the verdict follows the texts, and the push goes through.
    let mut fixed = crate::ProfileDraft::from_profile(
        f.workspace
            .store()
            .find_profile(&outcome.profile.id)
            .unwrap()
            .unwrap(),
    );
    fixed.id = Some(outcome.profile.id.clone());
    fixed.secret = crate::Sensitive::new("LocalSecretLocalSecret0000000000".into());
    fixed.templates.file_policy_fail = "Sorry, no such files".into();
    let saved = f.workspace.profiles().save(fixed).unwrap();
    assert!(!saved.profile.templates_refused);
    assert!(!f.workspace.profiles().list().unwrap()[0].templates_refused);
    f.workspace
        .sync()
        .push(&outcome.profile.id, false)
        .await
        .unwrap();
}
