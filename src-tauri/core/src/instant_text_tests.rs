use super::*;

#[test]
fn rfc3339_in_utc_and_with_offsets_reads_as_unix_millis() {
    assert_eq!(parse_instant("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(
        parse_instant("2026-12-01T10:00:00Z"),
        Some(1_796_119_200_000)
    );
    assert_eq!(
        parse_instant("2026-12-01T12:00:00.25+02:00"),
        Some(1_796_119_200_250)
    );
    assert_eq!(
        parse_instant("2024-02-29T23:59:59.999-00:30"),
        parse_instant("2024-03-01T00:29:59.999Z")
    );
    assert_eq!(parse_instant(" 1796119200000 "), Some(1_796_119_200_000));
}

#[test]
fn what_is_not_an_instant_is_none_not_a_panic() {
    for text in [
        "",
        "yesterday",
        "2026-12-01",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T10:00:00",
        "2026-12-01T10:00:00.Z",
        "2026-12-01T10:00:00+2:00",
        "2026-12-01T10:00:00Zjunk",
        "-5",
        "1.5",
        "99999999999999999999999",
        "2026-12-01T10:00:00+ä:00",
        "２０２６-12-01T10:00:00Z",
    ] {
        assert_eq!(parse_instant(text), None, "{text}");
    }
}

#[test]
fn millis_format_as_rfc3339_utc_and_read_back() {
    assert_eq!(format_rfc3339_millis(0), "1970-01-01T00:00:00.000Z");
    assert_eq!(
        format_rfc3339_millis(1_796_119_200_250),
        "2026-12-01T10:00:00.250Z"
    );
    for ms in [0, 1, 951_782_400_000, 1_796_119_200_250, 4_102_444_799_999] {
        assert_eq!(parse_instant(&format_rfc3339_millis(ms)), Some(ms));
    }
}
