//! Unit tests of `faults.rs`.

use super::*;

#[test]
fn every_kind_parses_from_its_name_and_nothing_else_does() {
    for kind in FaultKind::ALL {
        assert_eq!(kind.as_str().parse::<FaultKind>(), Ok(kind));
    }
    let error = "melt".parse::<FaultKind>().unwrap_err();
    assert!(
        error.contains("500-garbage") && error.contains("reset-after"),
        "{error}"
    );
}

#[test]
fn a_rule_hits_gateway_requests_of_its_method_only() {
    let rule = FaultRule::every(FaultKind::Reset).on("post");
    assert!(rule.hits("POST", "/chat/bots"));
    assert!(!rule.hits("GET", "/chat/bots"));
    assert!(!FaultRule::every(FaultKind::Reset).hits("GET", "/userinfo"));
}
