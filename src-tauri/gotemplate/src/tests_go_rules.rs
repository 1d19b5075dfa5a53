//! Unit tests of Go's formatting and evaluation rules as admins meet them: `printf` verbs and
//! flags, `print` spacing, builtins, number literals, map ranges and missingkey. Expected
//! outputs were confirmed with Go 1.19.

use super::tests::{ok, render, sample};
use super::*;

#[test]
fn printf_follows_gos_verbs_widths_and_flags() {
    let cases = [
        ("$(printf \"[%5d][%-5d][%05d][%+d][% d]\" .Id .Id .Id .Id .Id)", "[   42][42   ][00042][+42][ 42]"),
        ("$(printf \"[%8s][%-8s][%.2s]\" .FirstName .FirstName .FirstName)", "[     Ann][Ann     ][An]"),
        ("$(printf \"%.2f %e %g %v\" 3.14159 123456.789 1e21 0.1)", "3.14 1.234568e+05 1e+21 0.1"),
        ("$(printf \"%x %X %#x %x\" 255 255 255 \"Ann\")", "ff FF 0xff 416e6e"),
        ("$(printf \"%q %+q %#q\" \"a\\\"b\" \"日本\" \"x\")", "\"a\\\"b\" \"\\u65e5\\u672c\" `x`"),
        ("$(printf \"%v|%+v\" . .)", "&{42 custom +380501234567 Ann Smith ann.smith}|&{Id:42 Channel:custom Contact:+380501234567 FirstName:Ann LastName:Smith Username:ann.smith}"),
        ("$(printf \"%s and %s\" .FirstName)", "Ann and %!s(MISSING)"),
        ("$(printf \"%s\" .FirstName 3)", "Ann%!(EXTRA int=3)"),
        ("$(printf \"%.0f %.0f %.1f\" 0.5 1.5 0.25)", "0 2 0.2"),
        ("$(printf \"%c %U %q\" 97 97 97)", "a U+0061 'a'"),
        ("$(printf \"%5.1f|%-8.3e|\" 2.25 1234.5)", "  2.2|1.234e+03|"),
        ("$(printf \"100%%\")", "100%"),
    ];
    for (t, want) in cases {
        assert_eq!(ok(t), want, "{t}");
    }
}

#[test]
fn print_spaces_operands_only_when_neither_is_a_string() {
    assert_eq!(ok("$(print 1 2 \"a\" 3 \"b\" \"c\")"), "1 2a3bc");
    assert_eq!(ok("$(println 1 \"a\")"), "1 a\n");
    assert_eq!(ok("$(1.0) $(1e6) $(2.5e-5)"), "1 1e+06 2.5e-05");
}

#[test]
fn range_over_maps_is_sorted_by_key_like_go() {
    let data =
        Value::from_json(&serde_json::json!({"b": 2, "a": 1, "c": [1, "x", null], "é": "e"}));
    let t = parse(
        "t",
        "$(range $k, $v := .)$($k)=$($v);$(end)",
        &Delims::webitel(),
    )
    .unwrap();
    assert_eq!(
        t.render(&data, MissingKey::Error).unwrap(),
        "a=1;b=2;c=[1 x <nil>];é=e;"
    );
    let t = parse(
        "t",
        "$(range $i, $v := .c)$($i):$($v) $(end)",
        &Delims::webitel(),
    )
    .unwrap();
    assert_eq!(
        t.render(&data, MissingKey::Error).unwrap(),
        "0:1 1:x 2:<no value> "
    );
    let loop_ctl =
        "$(range .c)$($s := print .)$(if eq $s \"1\")$(continue)$(end)$(.)$(break)$(end)";
    let t = parse("t", loop_ctl, &Delims::webitel()).unwrap();
    assert_eq!(t.render(&data, MissingKey::Error).unwrap(), "x");
    // Go compares a float64 element with a string: an error, not false.
    let t = parse(
        "t",
        "$(range .c)$(if eq . 1.0)y$(end)$(end)",
        &Delims::webitel(),
    )
    .unwrap();
    assert!(t.render(&data, MissingKey::Error).is_err());
}

#[test]
fn missing_map_keys_follow_the_missingkey_option() {
    let data = Value::from_json(&serde_json::json!({"A": {"B": "deep"}}));
    let t = parse("t", "$(.A.B)|$(.A.Missing)", &Delims::webitel()).unwrap();
    assert!(t.render(&data, MissingKey::Error).is_err());
    assert_eq!(
        t.render(&data, MissingKey::Zero).unwrap(),
        "deep|<no value>"
    );
    assert_eq!(
        t.render(&data, MissingKey::Default).unwrap(),
        "deep|<no value>"
    );
    // A struct has no missing keys: an unknown field fails whatever the option.
    let s = parse("t", "$(.Nope)", &Delims::webitel()).unwrap();
    assert!(s.render(&sample(), MissingKey::Zero).is_err());
}

#[test]
fn builtins_match_go() {
    assert_eq!(
        ok("$(len \"日本\") $(index .FirstName 0) $(slice .Username 0 3)"),
        "6 65 ann"
    );
    assert_eq!(
        ok("$(html \"<a href='x'>&\")"),
        "&lt;a href=&#39;x&#39;&gt;&amp;"
    );
    assert_eq!(ok("$(js \"it's <b>\")"), "it\\'s \\u003Cb\\u003E");
    assert_eq!(ok("$(urlquery \"a b&c=é\")"), "a+b%26c%3D%C3%A9");
    assert_eq!(
        ok("$(and 1 0 3) $(or 0 \"\" \"x\") $(not .FirstName)"),
        "0 x false"
    );
    assert_eq!(
        ok("$(eq .Id 42) $(ne 1 2) $(lt \"a\" \"b\") $(ge 1 2) $(eq 1 2 3 1)"),
        "true true true false true"
    );
    assert!(render("$(eq 1 \"1\")").is_err(), "incompatible types");
    assert!(
        render("$(index .FirstName 3)").is_err(),
        "index out of range"
    );
}

#[test]
fn literals_follow_go_number_rules() {
    assert_eq!(
        ok("$(0x1F) $(0o17) $(017) $(1_000) $('a') $(1+2i) $(-0)"),
        "31 15 15 1000 97 (1+2i) 0"
    );
    assert_eq!(
        parse("t", "$(08)", &Delims::webitel()).unwrap_err().message,
        "integer overflow: \"08\""
    );
    assert!(
        render("$(18446744073709551615)").is_err(),
        "overflows int at render time"
    );
    let bytes = parse("t", "$(\"\\xff\")", &Delims::webitel())
        .unwrap()
        .render_bytes(&sample(), MissingKey::Error);
    assert_eq!(bytes.unwrap(), vec![0xff]);
    assert_eq!(ok("$(\"\\xff\")"), "\u{fffd}");
}
