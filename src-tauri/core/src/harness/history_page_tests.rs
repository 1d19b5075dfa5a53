//! Round trips: a sent entry pairs with the arrival of its very bytes and signature, inside its
//! time window, one to one and closest first.

use super::*;
use crate::harness::history::Channel;

fn entry(id: i64, channel: Channel, time: i64, body: &str, sign: Option<&str>) -> HistoryEntry {
    let name = if channel == Channel::Receive {
        "x-webitel-sign"
    } else {
        "X-Webitel-Sign"
    };
    HistoryEntry {
        id,
        time,
        profile_id: Some("p1".into()),
        channel,
        replay_of: None,
        method: "POST".into(),
        url: "http://127.0.0.1:8790/hook".into(),
        request_headers: sign
            .map(|s| vec![(name.to_string(), s.to_string())])
            .unwrap_or_default(),
        body: body.into(),
        status: Some(200),
        response_headers: vec![],
        response: String::new(),
        elapsed_micros: (channel != Channel::Receive).then_some(40_000),
        signing: None,
        verdict: None,
        failure: None,
        chat_id: Some("c-1".into()),
        text: None,
    }
}

const HI: &str = "{\"message\":{\"chatId\":\"c-1\",\"date\":1,\"text\":\"Hi\"}}\n";

#[test]
fn a_sent_entry_pairs_with_the_arrival_of_its_bytes_and_signature() {
    let sent = entry(2, Channel::Emulate, 10_000, HI, Some("ab"));
    let arrived = entry(1, Channel::Receive, 9_970, HI, Some("ab"));
    let pairs = pair(std::slice::from_ref(&sent), std::slice::from_ref(&arrived));
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].sent, 2);
    assert_eq!(pairs[0].received, arrived);
}

#[test]
fn another_body_signature_direction_or_time_is_not_a_round_trip() {
    let sent = entry(10, Channel::Emulate, 100_000, HI, Some("ab"));
    let other_body = entry(1, Channel::Receive, 100_000, "{}", Some("ab"));
    let other_sign = entry(2, Channel::Receive, 100_000, HI, Some("cd"));
    let unsigned = entry(3, Channel::Receive, 100_000, HI, None);
    let too_early = entry(
        4,
        Channel::Receive,
        100_000 - 40 - PAIR_SLACK_MILLIS - 1,
        HI,
        Some("ab"),
    );
    let too_late = entry(
        5,
        Channel::Receive,
        100_000 + PAIR_SLACK_MILLIS + 1,
        HI,
        Some("ab"),
    );
    let also_sent = entry(6, Channel::Send, 100_000, HI, Some("ab"));
    let arrivals = [
        other_body, other_sign, unsigned, too_early, too_late, also_sent,
    ];
    assert_eq!(pair(std::slice::from_ref(&sent), &arrivals), []);
    let earliest = entry(
        7,
        Channel::Receive,
        100_000 - 40 - PAIR_SLACK_MILLIS,
        HI,
        Some("ab"),
    );
    assert_eq!(
        pair(&[sent], &[earliest]).len(),
        1,
        "the window is inclusive"
    );
}

#[test]
fn a_replay_of_the_same_bytes_a_moment_later_is_its_own_round_trip() {
    let first = entry(2, Channel::Emulate, 10_000, HI, Some("ab"));
    let replay = entry(4, Channel::Emulate, 11_000, HI, Some("ab"));
    let first_arrival = entry(1, Channel::Receive, 9_990, HI, Some("ab"));
    let replay_arrival = entry(3, Channel::Receive, 10_990, HI, Some("ab"));
    let pairs = pair(
        &[replay.clone(), first.clone()],
        &[first_arrival.clone(), replay_arrival.clone()],
    );
    let ids: Vec<(i64, i64)> = pairs.iter().map(|p| (p.sent, p.received.id)).collect();
    assert_eq!(
        ids,
        [(4, 3), (2, 1)],
        "in the sent entries' order, closest first"
    );
    let once = pair(&[replay, first], &[first_arrival]);
    assert_eq!(once.len(), 1, "an arrival pairs once");
    assert_eq!(once[0].sent, 2);
}
