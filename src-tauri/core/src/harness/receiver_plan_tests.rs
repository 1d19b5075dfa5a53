//! The plans' decisions, request by request: fail-first counts, a seed's fixed pattern (pinned,
//! so a change of generator shows), and the checks' refusals.

use super::*;

fn decide(plan: &AnswerPlan, requests: usize) -> Vec<Answered> {
    let mut planner = Planner::new(plan);
    (0..requests).map(|_| planner.next(200)).collect()
}

fn statuses(answers: &[Answered]) -> Vec<u16> {
    answers.iter().map(|a| a.status().unwrap_or(0)).collect()
}

#[test]
fn fail_first_fails_exactly_n_then_answers_normally() {
    let plan = AnswerPlan::FailFirst {
        count: 2,
        status: 503,
    };
    assert_eq!(statuses(&decide(&plan, 4)), [503, 503, 200, 200]);
    assert_eq!(
        statuses(&decide(&AnswerPlan::Normal, 2)),
        [200, 200],
        "a normal plan answers as configured"
    );
}

#[test]
fn a_seed_gives_the_same_pattern_every_time_and_another_seed_another() {
    let plan = AnswerPlan::FailRate {
        percent: 50,
        seed: 7,
    };
    let first = statuses(&decide(&plan, 40));
    assert_eq!(first, statuses(&decide(&plan, 40)));
    let other = AnswerPlan::FailRate {
        percent: 50,
        seed: 8,
    };
    assert_ne!(first, statuses(&decide(&other, 40)));
    // PCG-64's output is fixed by its specification: pinned, so a change of generator shows.
    assert_eq!(
        statuses(&decide(&plan, 12)),
        [500, 500, 200, 200, 500, 200, 500, 500, 200, 200, 500, 200]
    );
    let failed = first.iter().filter(|&&s| s == 500).count();
    assert!((8..=32).contains(&failed), "{failed} of 40 failed at 50 %");
}

#[test]
fn a_share_of_100_fails_all_and_1_fails_few() {
    let all = AnswerPlan::FailRate {
        percent: 100,
        seed: 1,
    };
    assert!(statuses(&decide(&all, 50)).iter().all(|&s| s == 500));
    let few = AnswerPlan::FailRate {
        percent: 1,
        seed: 1,
    };
    let failed = statuses(&decide(&few, 1000))
        .iter()
        .filter(|&&s| s == 500)
        .count();
    assert!(failed < 50, "{failed} of 1000 failed at 1 %");
}

#[test]
fn drop_and_hang_give_no_status() {
    assert_eq!(decide(&AnswerPlan::Drop, 2), [Answered::Dropped; 2]);
    assert_eq!(decide(&AnswerPlan::Hang, 1), [Answered::Hung]);
    assert_eq!(Answered::Dropped.status(), None);
    assert_eq!(
        [
            Answered::Status(500).kind(),
            Answered::Dropped.kind(),
            Answered::Hung.kind()
        ],
        ["status", "dropped", "hung"]
    );
}

#[test]
fn nonsense_plans_are_refused_with_why() {
    let refused = [
        (
            AnswerPlan::FailFirst {
                count: 0,
                status: 500,
            },
            "0 requests",
        ),
        (
            AnswerPlan::FailFirst {
                count: 1,
                status: 200,
            },
            "200 is not a failing status",
        ),
        (
            AnswerPlan::FailFirst {
                count: 1,
                status: 99,
            },
            "99 is not a failing status",
        ),
        (
            AnswerPlan::FailFirst {
                count: 1,
                status: 600,
            },
            "600 is not",
        ),
        (
            AnswerPlan::FailRate {
                percent: 101,
                seed: 1,
            },
            "101 % is more",
        ),
        (
            AnswerPlan::FailRate {
                percent: 0,
                seed: 1,
            },
            "0 % fails none",
        ),
    ];
    for (plan, why) in refused {
        let error = check_plan(&plan).unwrap_err();
        assert!(error.contains(why), "{plan:?}: {error}");
    }
    for plan in [
        AnswerPlan::Normal,
        AnswerPlan::FailFirst {
            count: 1,
            status: 302,
        },
        AnswerPlan::FailRate {
            percent: 100,
            seed: u64::MAX,
        },
        AnswerPlan::Drop,
        AnswerPlan::Hang,
    ] {
        assert_eq!(check_plan(&plan), Ok(()), "{plan:?}");
    }
}
