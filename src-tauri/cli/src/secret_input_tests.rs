//! Unit tests of `secret_input.rs`.

use super::*;

const SOURCE: SecretSource<'static> = SecretSource {
    what: "token",
    flag: "--token-stdin",
    example: "printf '%s' \"$TOKEN\" | textgate-cli … --token-stdin",
};

fn read(input: &[u8]) -> CliResult<String> {
    SOURCE
        .read_from(input, &Place::Stdin)
        .map(|secret| secret.expose().clone())
}

#[test]
fn one_line_is_read_without_its_line_break() {
    assert_eq!(read(b"abc").unwrap(), "abc");
    assert_eq!(read(b"abc\n").unwrap(), "abc");
    assert_eq!(read(b"abc\r\n").unwrap(), "abc");
    assert_eq!(read(b"abc\n\n").unwrap(), "abc");
    assert_eq!(
        read(b" a b \n").unwrap(),
        " a b ",
        "the line is kept as typed"
    );
}

#[test]
fn empty_and_multi_line_input_is_refused_without_repeating_it() {
    for input in [&b""[..], b"\n", b"\r\n", b"   \n"] {
        let error = read(input).unwrap_err();
        assert_eq!(error.code, Some(ErrorCode::Usage));
        assert!(
            error
                .message
                .starts_with("No token on standard input (the line is empty)"),
            "{}",
            error.message
        );
    }
    let error = read(b"first-Secret\nsecond-Secret\n").unwrap_err();
    assert!(
        error.message.contains("more than one line"),
        "{}",
        error.message
    );
    assert!(!error.message.contains("Secret"), "{}", error.message);
    let error = read(b"caf\xff\n").unwrap_err();
    assert!(error.message.contains("not UTF-8"), "{}", error.message);
}

#[test]
fn endless_input_stops_at_the_cap() {
    let error = SOURCE
        .read_from(std::io::repeat(b'a'), &Place::Stdin)
        .unwrap_err();
    assert!(
        error.message.contains("more than 64 KiB"),
        "{}",
        error.message
    );
}
