use super::*;
use crate::error::CoreError;
use crate::template_preview::{preview_templates, SampleAccount};
use crate::validation::Severity;

fn templates(edit: impl FnOnce(&mut Templates)) -> Templates {
    let mut t = Templates::default();
    edit(&mut t);
    t
}

#[test]
fn valid_and_empty_templates_are_accepted() {
    assert_eq!(server_refusal(&Templates::default()), None);
    let t = templates(|t| {
        t.title = "$(.FirstName)$(if .LastName) $(.LastName)$(end)".into();
        t.close = "  Thanks for chatting!\n".into();
        t.join = "$(.FirstName) joined the chat".into();
        t.left = "$(printf \"%s (%d)\" .Username .Id) left".into();
        t.file_policy_fail = "This file type is not allowed".into();
    });
    assert_eq!(server_refusal(&t), None);
    assert!(template_issues(&t).is_empty());
}

#[test]
fn a_parse_error_is_refused_with_gos_message_on_the_right_field() {
    let t = templates(|t| t.join = "$(md2 .FirstName) joined".into());
    let refusal = server_refusal(&t).expect("refused");
    assert_eq!(refusal.key, TemplateKey::Join);
    assert_eq!(
        refusal.detail,
        r#"template: join:1: function "md2" not defined"#
    );
    let issue = refusal.field_issue();
    assert_eq!(issue.field, ProfileField::TemplateJoin);
    assert_eq!(issue.severity, Severity::Error);
}

#[test]
fn a_failed_test_render_names_the_key_as_the_server_does() {
    let t = templates(|t| t.title = "$(.Nope)".into());
    assert_eq!(
        server_refusal(&t).expect("refused").detail,
        r#"updates.title: template: title:1:2: executing "title" at <.Nope>: can't evaluate field Nope in type *chat.Account"#
    );
    // `close` is rendered with no context at all.
    let t = templates(|t| t.close = "Bye $(.FirstName)".into());
    assert_eq!(
        server_refusal(&t).expect("refused").detail,
        r#"updates.close: template: close:1:6: executing "close" at <.FirstName>: nil data; no entry for key "FirstName""#
    );
}

#[test]
fn the_first_key_in_the_servers_parse_order_is_reported() {
    let t = templates(|t| {
        t.left = "$(md2 .)".into();
        t.close = "$(".into();
    });
    let refusal = server_refusal(&t).expect("refused");
    assert_eq!(refusal.key, TemplateKey::Close);
    assert_eq!(refusal.detail, "template: close:1: unclosed action");
    // The form still gets one warning per broken key, saving stays possible.
    let issues = template_issues(&t);
    let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
    assert_eq!(
        fields,
        [ProfileField::TemplateClose, ProfileField::TemplateLeft]
    );
    assert!(issues.iter().all(|i| i.severity == Severity::Warning));
}

#[test]
fn file_policy_fail_is_only_parsed_by_the_server_but_has_no_variables_when_sent() {
    let t = templates(|t| t.file_policy_fail = "Sorry $(.FirstName)".into());
    assert_eq!(server_refusal(&t), None);
    let issues = template_issues(&t);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].field, ProfileField::TemplateFilePolicyFail);
    assert!(
        issues[0]
            .message
            .starts_with("Webitel accepts this template but cannot send it"),
        "{}",
        issues[0].message
    );
}

#[test]
fn keys_share_one_namespace_like_the_servers_associated_templates() {
    let t = templates(|t| {
        t.title = r#"$(define "agent")$(.FirstName)$(end)$(template "agent" .)"#.into();
        t.join = r#"$(template "agent" .) joined"#.into();
    });
    assert_eq!(server_refusal(&t), None);
    let previews = preview_templates(&t, &SampleAccount::default());
    let join = previews
        .iter()
        .find(|p| p.key == TemplateKey::Join)
        .unwrap();
    assert_eq!(join.output.as_deref(), Some("Ann joined"));
}

#[test]
fn the_preview_renders_each_key_over_the_sample_and_close_without_context() {
    let t = templates(|t| {
        t.title = "  $(.FirstName)$(if .LastName) $(.LastName)$(end)\n".into();
        t.close = "Chat closed".into();
        t.join = "$(.FirstName) (id $(.Id)) joined".into();
    });
    let sample = SampleAccount {
        first_name: "Олена".into(),
        last_name: String::new(),
        ..SampleAccount::default()
    };
    let previews = preview_templates(&t, &sample);
    let keys: Vec<_> = previews.iter().map(|p| p.key).collect();
    assert_eq!(
        keys,
        [
            TemplateKey::Title,
            TemplateKey::Close,
            TemplateKey::Join,
            TemplateKey::Left,
            TemplateKey::FilePolicyFail
        ]
    );
    assert_eq!(previews[0].output.as_deref(), Some("Олена"));
    assert_eq!(previews[1].output.as_deref(), Some("Chat closed"));
    assert!(!previews[1].uses_context);
    assert_eq!(previews[2].output.as_deref(), Some("Олена (id 42) joined"));
    assert_eq!(previews[3].output.as_deref(), Some(""));
    assert!(previews.iter().all(|p| p.problem.is_none()));
}

#[test]
fn a_problem_is_located_in_the_text_as_typed() {
    // Two lines of leading blanks are trimmed by the server; the marker must still land on
    // `.Nope` in the editor, counted in UTF-16 units (the emoji is two).
    let typed = "\n  \n😀 $(.Nope)";
    let t = templates(|t| t.join = typed.into());
    let preview = preview_templates(&t, &SampleAccount::default())
        .into_iter()
        .find(|p| p.key == TemplateKey::Join)
        .unwrap();
    assert_eq!(preview.output, None);
    let problem = preview.problem.expect("a problem");
    assert_eq!((problem.line, problem.column), (3, 5));
    let marked: String = typed
        .encode_utf16()
        .skip(problem.offset as usize)
        .map(|u| char::from_u32(u32::from(u)).unwrap_or('?'))
        .take(5)
        .collect();
    assert_eq!(marked, ".Nope");
    assert_eq!(
        problem.message,
        r#"template: join:1:7: executing "join" at <.Nope>: can't evaluate field Nope in type *chat.Account"#
    );
}

#[test]
fn a_parse_problem_points_at_its_line() {
    let typed = "Hello\n$(if .FirstName)x";
    let t = templates(|t| t.title = typed.into());
    let problem = preview_templates(&t, &SampleAccount::default())[0]
        .problem
        .clone()
        .expect("a problem");
    assert_eq!(problem.phase, crate::template::Phase::Parse);
    assert_eq!(problem.line, 2);
    assert!(
        problem.message.starts_with("template: title:2:"),
        "{}",
        problem.message
    );
}

#[test]
fn a_failure_inside_another_keys_define_is_reported_with_that_texts_location() {
    let t = templates(|t| {
        t.title = "$(define \"who\")\n$(.Nope)$(end)Agent".into();
        t.join = "   $(template \"who\" .) joined".into();
    });
    let previews = preview_templates(&t, &SampleAccount::default());
    let join = previews
        .iter()
        .find(|p| p.key == TemplateKey::Join)
        .and_then(|p| p.problem.clone())
        .expect("join fails inside title's define");
    assert!(
        join.message.starts_with("template: title:2:"),
        "{}",
        join.message
    );
    // The marker stays inside the join text (at its start), not at title's offset.
    assert_eq!((join.line, join.column, join.offset), (1, 4, 3));
}

#[test]
fn a_never_ending_template_is_previewed_and_refused_within_the_budget() {
    use crate::template::test_support::DOUBLING;
    let t = templates(|t| {
        t.title = "$(.FirstName)".into();
        t.join = DOUBLING.into();
    });
    let previews = preview_templates(&t, &SampleAccount::default());
    assert_eq!(previews[0].output.as_deref(), Some("Ann"));
    let join = previews
        .iter()
        .find(|p| p.key == TemplateKey::Join)
        .unwrap();
    let problem = join.problem.as_ref().expect("a problem");
    assert!(problem.message.contains("work limit"), "{problem:?}");
    assert_eq!(join.output, None);

    let refusal = server_refusal(&t).expect("refused");
    assert_eq!(refusal.key, TemplateKey::Join);
    assert!(refusal.is_over_budget());
    assert_eq!(CoreError::from(refusal).code(), "template_budget");
    let (issues, refused) = judge_templates(&t);
    assert!(refused);
    assert_eq!(issues.len(), 1);
    assert!(issues[0]
        .message
        .starts_with("Textgate will not push this template"));
}

#[test]
fn a_push_refuses_a_file_policy_fail_the_server_would_take_but_cannot_send() {
    let t = templates(|t| t.file_policy_fail = "Sorry $(.FirstName)".into());
    // The server itself takes it (see above); a push does not.
    assert_eq!(server_refusal(&t), None);
    let refusal = push_refusal(&t).expect("refused at push");
    assert_eq!(refusal.key, TemplateKey::FilePolicyFail);
    assert!(refusal.unsendable);
    assert_eq!(refusal.field_issue().issue.code(), "template_unsendable");
    assert!(judge_templates(&t).1, "judged a template problem");
    // One the server refuses is the server's refusal, whatever file_policy_fail holds.
    let both = templates(|t| {
        t.join = "$(md2 .FirstName)".into();
        t.file_policy_fail = "Sorry $(.FirstName)".into();
    });
    assert!(!push_refusal(&both).unwrap().unsendable);
    assert_eq!(push_refusal(&Templates::default()), None);
}
