//! Unit tests of `output.rs`.

use super::*;

#[test]
fn a_line_is_one_line_and_a_huge_one_is_cut() {
    assert_eq!(one_line("a\nb\tc"), "a b c");
    let cut = one_line(&"\u{e9}".repeat(10_000));
    assert!(cut.starts_with(&"\u{e9}".repeat(400)));
    assert!(cut.ends_with("\u{2026} (9600 more characters)"), "{cut}");
}

#[test]
fn table_pads_columns_and_trims_line_ends() {
    let mut table = Table::new(&["ID", "NAME"]);
    table.row(vec!["1".into(), "Support".into()]);
    table.row(vec!["1234".into(), "x\ny".into()]);
    assert_eq!(table.render(), "ID    NAME\n1     Support\n1234  x y");
}

#[test]
fn timestamps_render_in_utc() {
    assert_eq!(timestamp(Some(1_710_348_821_000)), "2024-03-13 16:53 UTC");
    assert_eq!(timestamp(Some(1_710_348_821)), "2024-03-13 16:53 UTC");
    assert_eq!(timestamp(None), "-");
}
