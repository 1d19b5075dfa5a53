use super::*;

#[test]
fn a_busy_port_gets_a_free_neighbour() {
    let held = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let busy = held.local_addr().unwrap().port();
    let error = TcpListener::bind((Ipv4Addr::LOCALHOST, busy)).unwrap_err();
    assert!(is_port_in_use(&error), "{error}");
    let suggested = free_port_near(busy).expect("a free port near the busy one");
    assert_ne!(suggested, busy);
    assert!(suggested.abs_diff(busy) <= TRIES);
    // The suggestion can be listened on.
    TcpListener::bind((Ipv4Addr::LOCALHOST, suggested)).unwrap();
}

#[test]
fn the_top_of_the_range_looks_below() {
    let suggested = free_port_near(u16::MAX);
    assert!(suggested.is_none_or(|port| (u16::MAX - TRIES..u16::MAX).contains(&port)));
}
