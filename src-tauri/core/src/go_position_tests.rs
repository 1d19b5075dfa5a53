use super::*;

#[test]
fn an_exec_error_gives_line_and_a_one_based_column() {
    let go = "updates.join: template: join:1:2: executing \"join\" at <.Nope>: can't evaluate field Nope in type *chat.Account";
    let at = go_position(go).unwrap();
    assert_eq!(
        (at.template.as_str(), at.line, at.byte_column),
        ("join", 1, Some(2))
    );
    // Go's 2 is two bytes before `.Nope` in `{{.Nope}}`: the third character.
    assert_eq!(at.column(Some("{{.Nope}}")), Some(3));
    assert_eq!(at.column(None), Some(3));
}

#[test]
fn the_column_counts_characters_not_bytes() {
    let text = "Привет\n{{- \"é\" }}{{.Nope}}";
    // Go's offset on line 2: `{{- "é" }}` is 11 bytes (é is two), 10 characters.
    let at = go_position("template: join:2:11: executing \"join\" at <.Nope>: x").unwrap();
    assert_eq!(at.column(Some(text)), Some(11));
}

#[test]
fn a_parse_error_has_a_line_only() {
    let at = go_position("template: title:3: function \"md2\" not defined").unwrap();
    assert_eq!(
        (at.template.as_str(), at.line, at.byte_column),
        ("title", 3, None)
    );
    assert_eq!(at.column(Some("a\nb\nc")), None);
}

#[test]
fn text_without_a_position_gives_none() {
    assert_eq!(go_position("no template here"), None);
    assert_eq!(go_position("template: : oops"), None);
    assert_eq!(go_position("template: join: unexpected"), None);
}
