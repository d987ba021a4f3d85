use super::*;
use crate::availability::{Availability, Busy, DateRange, DayBusy};
use crate::curriculum::DocId;
use crate::plan::schedule::{self, Piece};
use crate::plan::settings::{SessionMinutes, Settings, Studied, StudyDays, WeeklyMinutes};
use chrono::{Datelike, Days, NaiveTime, Weekday};
use std::collections::BTreeMap;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// `hours` a week on Mon, Wed and Sat, sittings of up to 100 min, from Mon 2027-01-04.
fn settings(hours: f64) -> Settings {
    Settings::new(
        date("2027-01-04"),
        WeeklyMinutes::from_hours(hours).unwrap(),
        StudyDays::from_weekdays([Weekday::Mon, Weekday::Wed, Weekday::Sat]),
        Some(SessionMinutes::new(100).unwrap()),
    )
}

/// A skipped week, a day busy all day, and a Monday with a meeting in its study window.
fn availability() -> Availability {
    let busy_day = |all_day, intervals: Vec<(NaiveTime, NaiveTime)>| DayBusy {
        all_day,
        intervals,
        sources: vec!["work.ics".to_string()],
    };
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    Availability {
        skip: vec![DateRange::new(date("2027-01-18"), date("2027-01-24")).unwrap()],
        busy: Some(Busy {
            at: time(19, 0),
            days: BTreeMap::from([
                (date("2027-02-03"), busy_day(true, Vec::new())),
                (
                    date("2027-02-08"),
                    busy_day(false, vec![(time(19, 0), time(19, 40))]),
                ),
            ]),
        }),
    }
}

fn pieces(minutes: &[u32]) -> Vec<Piece> {
    minutes
        .iter()
        .enumerate()
        .map(|(index, &minutes)| Piece {
            doc: DocId(index),
            minutes,
            part: None,
            part_of_rest: false,
        })
        .collect()
}

/// 40 pieces of 20 to 95 minutes.
fn some_pieces() -> Vec<Piece> {
    pieces(&(0..40u32).map(|i| 20 + (i * 37) % 76).collect::<Vec<_>>())
}

fn on(capacity: &mut Capacity, day: NaiveDate) -> u64 {
    capacity.minutes_through(day) - capacity.minutes_through(day.pred_opt().unwrap())
}

/// A start and what was studied before it, and whether the weekly cap can bind.
fn cases() -> [(f64, NaiveDate, Studied, bool); 3] {
    let earlier = Studied {
        week_minutes: 150,
        on_start_day: true,
    };
    [
        // 5 h: the days hold exactly the week.
        (5.0, date("2027-01-04"), Studied::default(), false),
        (4.0, date("2027-01-04"), Studied::default(), true),
        // A start day that had its sitting, with 150 minutes studied that week.
        (5.0, date("2027-01-11"), earlier, true),
    ]
}

#[test]
fn capacity_has_minutes_where_pack_can_sit_and_finishes_no_later() {
    for (hours, start, studied, cap_binds) in cases() {
        let settings = Settings {
            start,
            ..settings(hours)
        }
        .with_studied(studied);
        let availability = availability();
        let packed = schedule::pack(&some_pieces(), &settings, &availability).unwrap();
        let mut capacity = Capacity::new(&settings, &availability);
        let last = packed.sittings.last().unwrap().date;
        let mut day = settings.start;
        while day <= last {
            let minutes = on(&mut capacity, day);
            if let Some(sitting) = packed.sittings.iter().find(|s| s.date == day) {
                assert!(minutes > 0, "{day}: pack sits, the capacity has nothing");
                let sat: u32 = sitting.pieces.iter().map(|piece| piece.minutes).sum();
                assert!(
                    cap_binds || u64::from(sat) <= minutes,
                    "{day}: {sat} > {minutes}"
                );
            }
            let blocked = packed.blocked.iter().any(|(blocked, _)| *blocked == day);
            let off = !settings.days.contains(day.weekday());
            let had_its_sitting = studied.on_start_day && day == start;
            if blocked || off || had_its_sitting {
                assert_eq!(minutes, 0, "{day}");
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(on(&mut capacity, date("2027-01-20")), 0, "skipped");
        assert_eq!(on(&mut capacity, date("2027-02-03")), 0, "busy all day");
        assert_eq!(
            on(&mut capacity, date("2027-02-08")),
            60,
            "a 40-min meeting"
        );
        let total: u32 = some_pieces().iter().map(|piece| piece.minutes).sum();
        let fluid = capacity.finish_after(f64::from(total)).unwrap();
        assert!(fluid <= last, "{hours} h: fluid {fluid}, plan {last}");
    }
}

#[test]
fn capacity_never_exceeds_a_week() {
    for hours in [2.0, 4.0, 5.0, 9.0] {
        let studied = Studied {
            week_minutes: 70,
            on_start_day: false,
        };
        let settings = settings(hours).with_studied(studied);
        let weekly = u64::from(settings.weekly_minutes.get());
        let mut capacity = Capacity::new(&settings, &availability());
        let mut monday = settings.start;
        let mut first = true;
        for _ in 0..30 {
            let sunday = monday + Days::new(6);
            let week = capacity.minutes_through(sunday)
                - capacity.minutes_through(monday.pred_opt().unwrap());
            let allowed = if first { weekly - 70 } else { weekly };
            assert!(week <= allowed, "{hours} h, week of {monday}: {week}");
            (monday, first) = (sunday + Days::new(1), false);
        }
    }
}

#[test]
fn capacity_gives_up_where_pack_does() {
    let settings = settings(5.0);
    let skip = vec![DateRange::new(date("2027-01-10"), date("2032-01-01")).unwrap()];
    let availability = Availability { skip, busy: None };
    let planned = schedule::pack(&pieces(&[100; 5]), &settings, &availability);
    let mut capacity = Capacity::new(&settings, &availability);
    let fluid = capacity.finish_after(500.0);
    match (planned, fluid) {
        (Err(Error::NothingFits { since: a }), Err(Error::NothingFits { since: b })) => {
            assert_eq!(a, b);
            assert_eq!(b, date("2027-01-09"));
        }
        other => panic!("{other:?}"),
    }
    // What it held before it gave up still counts; nothing after.
    assert_eq!(capacity.finish_after(300.0).unwrap(), date("2027-01-09"));
    assert_eq!(capacity.minutes_through(date("2040-01-01")), 300);
}

#[test]
fn capacity_ends_with_the_year_9999() {
    let mut settings = settings(5.0);
    settings.start = date("9999-12-20");
    let mut capacity = Capacity::new(&settings, &Availability::default());
    assert!(matches!(
        capacity.finish_after(1e9),
        Err(Error::PastYear9999)
    ));
    assert!(matches!(
        capacity.finish_after(1e9),
        Err(Error::PastYear9999)
    ));
    assert_eq!(capacity.finish_after(150.0).unwrap(), date("9999-12-22"));
    let planned = schedule::pack(&pieces(&[100; 10]), &settings, &Availability::default());
    assert!(matches!(planned, Err(Error::PastYear9999)));
    // Odd amounts ask for the first usable day; before the start there is nothing.
    assert_eq!(capacity.finish_after(f64::NAN).unwrap(), date("9999-12-20"));
    assert_eq!(capacity.finish_after(-5.0).unwrap(), date("9999-12-20"));
    assert_eq!(capacity.minutes_through(date("2027-01-01")), 0);
}

#[test]
fn the_prior_has_median_one_and_mean_1_8() {
    let model = Model::prior();
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut ratios: Vec<f64> = (0..200_000).map(|_| model.sample_ratio(&mut rng)).collect();
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    ratios.sort_unstable_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    assert!((0.97..=1.03).contains(&median), "median {median}");
    assert!((1.72..=1.88).contains(&mean), "mean {mean}");
}

/// 60 documents of 30 to 70 minutes.
fn remaining() -> Vec<u32> {
    (0..60u32).map(|i| 30 + (i * 7) % 41).collect()
}

/// Documents of 40 to 60 minutes that each took `ratio` times that.
fn logs(count: usize, ratio: f64) -> Vec<Logged> {
    (0..count)
        .map(|i| {
            let estimated = 40 + 10 * (i as u32 % 3);
            let actual = (f64::from(estimated) * ratio).round() as u32;
            Logged { estimated, actual }
        })
        .collect()
}

fn forecast_for(remaining: &[u32], logged: &[Logged], by: Option<NaiveDate>) -> Forecast {
    let mut capacity = Capacity::new(&settings(5.0), &availability());
    forecast(remaining, logged, &mut capacity, by)
        .unwrap()
        .unwrap()
}

#[test]
fn the_same_inputs_give_the_same_forecast() {
    let by = Some(date("2027-04-01"));
    let first = serde_json::to_string(&forecast_for(&remaining(), &logs(4, 1.3), by)).unwrap();
    let again = serde_json::to_string(&forecast_for(&remaining(), &logs(4, 1.3), by)).unwrap();
    assert_eq!(first, again);
    assert!(first.contains(r#""method":"history""#), "{first}");
    assert!(first.contains(r#""pace":1.3"#), "{first}");
    let prior = serde_json::to_string(&forecast_for(&remaining(), &[], None)).unwrap();
    assert!(prior.contains(r#""pace":null"#), "{prior}");
    assert!(prior.contains(r#""method":"prior""#), "{prior}");
    assert!(
        !prior.contains("chance_by") && !prior.contains(r#""by""#),
        "{prior}"
    );
}

#[test]
fn slow_logs_move_the_finish_later_and_fast_ones_earlier() {
    let p50 = |count, ratio| forecast_for(&remaining(), &logs(count, ratio), None).p50;
    let on_time = p50(5, 1.0);
    assert!(p50(2, 1.6) < p50(10, 1.6), "more slow documents");
    assert!(on_time < p50(5, 1.6));
    assert!(p50(10, 0.6) < p50(2, 0.6), "more fast documents");
    assert!(p50(5, 0.6) < on_time);
}

#[test]
fn the_percentiles_are_in_order() {
    let long: Vec<u32> = (0..3000u32).map(|i| 10 + i % 111).collect();
    for (remaining, logged) in [
        (remaining(), Vec::new()),
        (remaining(), logs(7, 0.8)),
        (vec![45], logs(1, 2.0)),
        (long.clone(), Vec::new()),
        (long, logs(3, 1.1)),
    ] {
        let forecast = forecast_for(&remaining, &logged, None);
        assert!(forecast.p10 <= forecast.p50 && forecast.p50 <= forecast.p90);
        assert!(forecast.p10 >= date("2027-01-04"));
        assert_eq!(forecast.runs, RUNS);
        assert_eq!(forecast.logged_documents, logged.len());
    }
}

#[test]
fn the_chance_by_a_date_counts_the_runs_finished_by_it() {
    let chance = |by: &str| {
        let forecast = forecast_for(&remaining(), &logs(5, 1.2), Some(date(by)));
        assert_eq!(forecast.by, Some(date(by)));
        forecast.chance_by.unwrap()
    };
    assert_eq!(chance("2027-01-03"), 0.0, "before the start");
    assert_eq!(chance("2027-01-05"), 0.0, "before anyone could finish");
    assert_eq!(chance("2100-01-01"), 1.0);
    let forecast = forecast_for(&remaining(), &logs(5, 1.2), None);
    let day_before = |day: NaiveDate| day.pred_opt().unwrap().to_string();
    // Nearest ranks: at least half the runs are done on the P50, at most half the day
    // before (to 2 decimals).
    assert!(chance(&forecast.p50.to_string()) >= 0.5);
    assert!(chance(&day_before(forecast.p50)) <= 0.5);
    assert!(chance(&forecast.p90.to_string()) >= 0.9);
    assert!(chance(&day_before(forecast.p90)) <= 0.9);
    assert!(chance(&forecast.p10.to_string()) >= 0.1);
    assert!(chance(&day_before(forecast.p10)) <= 0.1);
}

#[test]
fn nothing_remaining_is_no_forecast() {
    let mut capacity = Capacity::new(&settings(5.0), &availability());
    let none = forecast(&[], &logs(3, 1.0), &mut capacity, Some(date("2027-03-01")));
    assert!(none.unwrap().is_none());
    // Documents of no minutes still need a sitting: the first usable day.
    let zero = forecast(&[0, 0], &[], &mut capacity, None)
        .unwrap()
        .unwrap();
    assert_eq!(
        (zero.p10, zero.p90),
        (date("2027-01-04"), date("2027-01-04"))
    );
}

#[test]
fn odd_logs_and_huge_documents_do_not_panic() {
    let odd = [
        Logged {
            estimated: 0,
            actual: 90,
        },
        Logged {
            estimated: 30,
            actual: 0,
        },
        Logged {
            estimated: u32::MAX,
            actual: u32::MAX,
        },
        Logged {
            estimated: 1,
            actual: u32::MAX,
        },
    ];
    let model = Model::from_logged(&odd);
    assert_eq!(
        model.logged_documents(),
        3,
        "the one without an estimate is skipped"
    );
    assert!(model.spread().is_finite() && model.spread() > 0.0);
    let mut capacity = Capacity::new(&settings(5.0), &Availability::default());
    match forecast(&[u32::MAX; 3], &odd, &mut capacity, None) {
        Ok(Some(_)) | Err(Error::PastYear9999) => {}
        other => panic!("{other:?}"),
    }
    let only_unestimated = [Logged {
        estimated: 0,
        actual: 10,
    }];
    let forecast = forecast_for(&remaining(), &only_unestimated, None);
    assert_eq!(forecast.method, Method::Prior);
    assert_eq!(forecast.pace, None);
}

#[test]
fn the_pace_is_total_actual_over_total_estimated() {
    let logged = [
        Logged {
            estimated: 30,
            actual: 45,
        },
        Logged {
            estimated: 60,
            actual: 60,
        },
        Logged {
            estimated: 0,
            actual: 100,
        },
    ];
    assert_eq!(pace(&logged), Some(1.17));
    assert_eq!(pace(&logged[2..]), None);
    assert_eq!(pace(&[]), None);
}

#[test]
fn the_normal_approximation_keeps_the_mean() {
    // A learner known to be on pace on average, and erratic: the mean total is
    // Σ est · E[exp(m)] · E[exp(e)], with E[exp(e)] well above 1.
    let erratic: Vec<Logged> = [logs(20, 0.5), logs(20, 2.0)].concat();
    let model = Model::from_logged(&erratic);
    assert!(model.spread() > 0.5, "{}", model.spread());
    let expected_ratio = {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        (0..400_000)
            .map(|_| model.sample_ratio(&mut rng))
            .sum::<f64>()
            / 400_000.0
    };
    for count in [DRAWN_ONE_BY_ONE / 2, DRAWN_ONE_BY_ONE * 5] {
        let estimates: Vec<u32> = (0..count as u32).map(|i| 10 + i % 111).collect();
        let sum: f64 = estimates.iter().map(|&e| f64::from(e)).sum();
        let documents = Remaining::new(&estimates, &model);
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let mean = (0..400)
            .map(|_| documents.draw_total(&model, &mut rng))
            .sum::<f64>()
            / 400.0;
        let relative = mean / (sum * expected_ratio);
        assert!((0.98..=1.02).contains(&relative), "{count}: {relative}");
    }
}
