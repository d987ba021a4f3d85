//! The planner: known answers on the embedded curriculum and invariants on random curricula.

use chrono::{Datelike, NaiveDate};
use learnpath::curriculum::{
    Curriculum, Doc, DocId, Level, OtherPages, Section, SectionId, SpecId, Specialization,
};
use learnpath::plan::ready::{self, Target};
use learnpath::plan::{
    DoneSet, Plan, Planner, Selection, SessionMinutes, Settings, StudyDays, WeeklyMinutes,
};
use learnpath::{PrereqGraph, Source, open};
use proptest::prelude::*;
use std::collections::HashMap;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Plans the given specializations of the embedded curriculum with `done` documents.
fn embedded_plan(specs: &[&str], done: &[&str]) -> Plan {
    let opened = open(&Source::Embedded).unwrap();
    let curriculum = &opened.curriculum;
    let specs = specs
        .iter()
        .map(|s| curriculum.find_specialization(s).unwrap())
        .collect();
    let selection = Selection::specializations(curriculum, specs).unwrap();
    let done = DoneSet::of(
        curriculum,
        done.iter().map(|name| curriculum.find_doc(name).unwrap()),
    );
    let planner = Planner::new(curriculum, &opened.graph, selection, &done);
    let settings = Settings::new(
        date("2027-01-04"),
        WeeklyMinutes::from_hours(5.0).unwrap(),
        None,
        None,
    );
    planner.plan(&settings).unwrap()
}

#[test]
fn known_answers_on_the_embedded_curriculum() {
    for (specs, documents, minutes) in [
        (&["3.1"][..], 9, 375),
        (&["3.2"][..], 13, 595),
        (&["3.3", "3.4"][..], 10, 545),
    ] {
        let plan = embedded_plan(specs, &[]);
        assert_eq!(
            (plan.summary.documents, plan.summary.total_minutes),
            (documents, minutes),
            "{specs:?}"
        );
    }
}

#[test]
fn with_every_prerequisite_of_3_1_done_only_3_1_is_left() {
    let opened = open(&Source::Embedded).unwrap();
    let curriculum = &opened.curriculum;
    let spec = curriculum.find_specialization("3.1").unwrap();
    let section_docs = &curriculum.specialization_section(spec).docs;
    let prerequisites: Vec<String> = opened
        .graph
        .ancestors(section_docs.iter().copied())
        .into_iter()
        .map(|id| curriculum.doc(id).path.clone())
        .collect();
    let names: Vec<&str> = prerequisites.iter().map(String::as_str).collect();
    let plan = embedded_plan(&["3.1"], &names);
    assert_eq!(
        (plan.summary.documents, plan.summary.total_minutes),
        (1, 55)
    );
    assert_eq!(plan.done.len(), 8);
    assert_eq!(plan.summary.labels[0].label, "RDMA complete");
    assert_eq!(plan.summary.labels[0].session, None, "met before the start");
}

#[test]
fn a_second_specialization_starts_after_the_first_is_finished() {
    // The virtualization engineer's order is 3.4 then 3.3, against path order.
    let plan = embedded_plan(&["3.4", "3.3"], &[]);
    let paths: Vec<&str> = plan
        .sessions
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.path.as_str())
        .collect();
    let last_34 = paths
        .iter()
        .rposition(|p| p.contains("04_cpu_memory"))
        .unwrap();
    let first_33 = paths
        .iter()
        .position(|p| p.contains("03_serverless"))
        .unwrap();
    assert!(last_34 < first_33, "{paths:#?}");
}

#[test]
fn rdma_complete_is_reached_when_the_last_rdma_document_is_studied() {
    let plan = embedded_plan(&["3.1"], &[]);
    let label = plan
        .summary
        .labels
        .iter()
        .find(|l| l.label == "RDMA complete")
        .unwrap();
    // The session that finishes it (it may be split over more than one).
    let numa_session = plan
        .sessions
        .iter()
        .rfind(|s| {
            s.items
                .iter()
                .any(|i| i.path.ends_with("04_numa_considerations.md"))
        })
        .unwrap();
    assert_eq!(label.session, Some(numa_session.number));
}

#[test]
fn check_next_and_why_on_the_embedded_curriculum() {
    let opened = open(&Source::Embedded).unwrap();
    let (curriculum, graph) = (&opened.curriculum, &opened.graph);
    let mut done = DoneSet::none(curriculum);
    let target = Target::find(curriculum, "3.1").unwrap();
    let report = ready::check(curriculum, graph, &[target], &done);
    assert_eq!(
        (report.missing, report.missing_minutes, report.ready),
        (8, 320, false)
    );
    for id in graph.ancestors(
        curriculum
            .specialization_section(SpecId(0))
            .docs
            .iter()
            .copied(),
    ) {
        done.insert(id);
    }
    assert!(ready::check(curriculum, graph, &[target], &done).ready);

    let selection = Selection::specializations(curriculum, vec![SpecId(0)]).unwrap();
    let next = ready::next(curriculum, graph, Some(&selection), &done);
    assert_eq!(
        next.iter()
            .map(|&id| curriculum.doc(id).path.as_str())
            .collect::<Vec<_>>(),
        ["05_specialized/01_storage/01_pfc_dcb_storage.md"]
    );

    let topology = curriculum.find_doc("01_modern_topology").unwrap();
    let why = ready::why(
        curriculum,
        graph,
        &selection,
        topology,
        &DoneSet::none(curriculum),
    );
    assert_eq!(
        why.chain.first().unwrap(),
        "05_specialized/01_storage/01_pfc_dcb_storage.md"
    );
    assert_eq!(
        why.chain.last().unwrap(),
        "01_foundations/02_datacenter_topology/01_modern_topology.md"
    );
    assert_eq!(why.chain.len(), 8);
}

/// A random curriculum: `minutes[i]` per document, prerequisites only on earlier documents,
/// three sections of which the last two are specializations.
fn random_curriculum(minutes: &[u32], links: &[Vec<usize>]) -> Curriculum {
    let n = minutes.len();
    let bounds = [0, n / 3, 2 * n / 3, n];
    let section_of = |i: usize| (0..3).find(|&s| i < bounds[s + 1]).unwrap();
    let prerequisites = |i: usize| {
        let mut p: Vec<DocId> = links[i]
            .iter()
            .filter(|&&j| j < i)
            .map(|&j| DocId(j))
            .collect();
        p.sort();
        p.dedup();
        p
    };
    let docs = (0..n)
        .map(|i| Doc {
            path: format!("s{}/d{i:03}.md", section_of(i)),
            title: format!("Document {i}"),
            level: Level::Intermediate,
            minutes: minutes[i],
            prerequisites: prerequisites(i),
            prerequisite_lines: vec![None; prerequisites(i).len()],
            soft_prerequisites: Vec::new(),
            next_recommended: Vec::new(),
            estimated: false,
            tags: Vec::new(),
            section: Some(SectionId(section_of(i))),
        })
        .collect();
    let sections = (0..3)
        .map(|s| Section {
            id: format!("{}", s + 1),
            title: format!("Section {s}"),
            part: "Part".to_string(),
            folders: vec![format!("s{s}")],
            claimed_time: None,
            claimed_minutes: None,
            prerequisite_label: Some(format!("label {s}")),
            docs: (bounds[s]..bounds[s + 1]).map(DocId).collect(),
            defined_at: None,
        })
        .collect();
    Curriculum {
        name: "random".to_string(),
        id: None,
        manifest_text: None,
        source_url: None,
        origin: "random".to_string(),
        docs,
        sections,
        specializations: vec![
            Specialization {
                section: SectionId(1),
                when: vec![],
            },
            Specialization {
                section: SectionId(2),
                when: vec![],
            },
        ],
        roles: Vec::new(),
        other_pages: OtherPages::default(),
        table: None,
    }
}

/// Document minutes, prerequisite links, done flags, weekly quarter hours, study-day bits,
/// session length, start offset in days, and the specializations chosen.
type Case = (
    Vec<u32>,
    Vec<Vec<usize>>,
    Vec<bool>,
    u32,
    u8,
    Option<u32>,
    i64,
    Vec<usize>,
);

fn arb_case() -> impl Strategy<Value = Case> {
    (3usize..40).prop_flat_map(|n| {
        (
            prop::collection::vec(1u32..=300, n),
            prop::collection::vec(prop::collection::vec(0usize..n, 0..4), n),
            prop::collection::vec(prop::bool::weighted(0.2), n),
            1u32..=448, // weekly quarter hours: 0.25 h to 112 h
            1u8..=127,  // study days bitset
            prop::option::of(15u32..=480),
            0i64..2000, // start, days after 2026-01-01
            prop::sample::select(vec![vec![0usize], vec![1], vec![0, 1], vec![1, 0]]),
        )
    })
}

/// A drawn case made real: the curriculum, its graph, the learner's time and choice.
struct Drawn {
    curriculum: Curriculum,
    graph: PrereqGraph,
    days: StudyDays,
    weekly: WeeklyMinutes,
    start: NaiveDate,
    settings: Settings,
    selection: Selection,
    done: DoneSet,
}

impl Drawn {
    fn of(case: Case, whole: bool) -> Drawn {
        let (minutes, links, done, quarters, day_bits, session, offset, specs) = case;
        let curriculum = random_curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let days = StudyDays::from_weekdays(
            (0..7u8)
                .filter(|i| day_bits & (1 << i) != 0)
                .map(|i| chrono::Weekday::try_from(i).unwrap()),
        )
        .unwrap();
        let weekly = WeeklyMinutes::from_hours(f64::from(quarters) / 4.0).unwrap();
        let start = date("2026-01-01") + chrono::Days::new(offset as u64);
        let session = session.map(|m| SessionMinutes::new(m).unwrap());
        let settings = Settings::new(start, weekly, Some(days), session).with_whole(whole);
        let specs = specs.into_iter().map(SpecId).collect();
        let selection = Selection::specializations(&curriculum, specs).unwrap();
        let done = DoneSet::of(
            &curriculum,
            done.iter()
                .enumerate()
                .filter(|(_, d)| **d)
                .map(|(i, _)| DocId(i)),
        );
        Drawn {
            curriculum,
            graph,
            days,
            weekly,
            start,
            settings,
            selection,
            done,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn plans_keep_every_invariant((minutes, links, done, quarters, day_bits, session, offset, specs) in arb_case(), whole in any::<bool>()) {
        let Drawn { curriculum, graph, days, weekly, start, settings, selection, done } =
            Drawn::of((minutes, links, done, quarters, day_bits, session, offset, specs), whole);
        let planner = Planner::new(&curriculum, &graph, selection.clone(), &done);
        let plan = planner.plan(&settings).unwrap();

        // Every needed document is covered exactly once, its parts adding up to its minutes.
        let needed = learnpath::plan::needed(&curriculum, &graph, &selection, &done);
        let mut covered: HashMap<String, (u32, Vec<u32>, u32)> = HashMap::new();
        for item in plan.sessions.iter().flat_map(|s| &s.items) {
            let entry = covered.entry(item.path.clone()).or_default();
            entry.0 += item.minutes;
            if let Some(part) = item.part {
                entry.1.push(part.index);
                entry.2 = part.count;
            }
        }
        let expected: Vec<DocId> = needed.ids().collect();
        prop_assert_eq!(covered.len(), expected.len());
        for id in &expected {
            let doc = curriculum.doc(*id);
            let (total, parts, count) = &covered[&doc.path];
            prop_assert_eq!(*total, doc.minutes);
            if !parts.is_empty() {
                prop_assert_eq!(parts.clone(), (1..=*count).collect::<Vec<_>>());
            }
        }

        // No document starts before all its needed prerequisites are complete: each
        // prerequisite's last part comes earlier in the sequence of sessions.
        let sequence: Vec<(usize, &str)> = plan.sessions.iter()
            .flat_map(|s| s.items.iter().map(move |i| (s.number, i.path.as_str()))).collect();
        let position = |path: &str, first: bool| {
            let found = sequence.iter().enumerate().filter(|(_, (_, p))| *p == path).map(|(i, _)| i);
            if first { found.min() } else { found.max() }
        };
        for id in &expected {
            let doc = curriculum.doc(*id);
            let starts = position(&doc.path, true).unwrap();
            for prerequisite in &doc.prerequisites {
                if done.contains(*prerequisite) { continue; }
                let ends = position(&curriculum.doc(*prerequisite).path, false).unwrap();
                prop_assert!(ends < starts, "{} before its prerequisite", doc.path);
            }
        }

        // Sessions: within the session length, on study days, dates strictly rising.
        let mut per_week: HashMap<(i32, u32), u32> = HashMap::new();
        for pair in plan.sessions.windows(2) {
            prop_assert!(pair[0].date < pair[1].date);
        }
        for session in &plan.sessions {
            prop_assert!(session.minutes <= settings.effective_session());
            prop_assert!(session.minutes > 0);
            prop_assert!(days.contains(session.date.weekday()));
            prop_assert!(session.date >= start);
            let week = session.date.iso_week();
            *per_week.entry((week.year(), week.week())).or_default() += session.minutes;
        }
        // No ISO week over the weekly time, the partial first week included.
        for minutes in per_week.values() {
            prop_assert!(*minutes <= weekly.get());
        }

        // Whole documents in strict order: the first specialization's documents (and what
        // they need) all come before any document only the second one needs. Packing that
        // fills the sittings may take a ready document of the second earlier.
        let rank_of = |path: &str| {
            let index: usize = path[4..7].parse().unwrap();
            needed.rank[index]
        };
        let ranks: Vec<u8> = sequence.iter().map(|(_, path)| rank_of(path)).collect();
        if whole {
            prop_assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{ranks:?}");
        }

        // Deterministic: the same inputs give the same JSON.
        let again = Planner::new(&curriculum, &graph, selection, &done).plan(&settings).unwrap();
        prop_assert_eq!(serde_json::to_string(&plan).unwrap(), serde_json::to_string(&again).unwrap());
    }

    /// A document with minutes done is planned for the rest (at least 5 minutes, or all of a
    /// shorter one), every other as before; the totals add up.
    #[test]
    fn partly_done_documents_are_planned_for_what_is_left(
        (minutes, links, done, quarters, day_bits, session, offset, specs) in arb_case(),
        partial in prop::collection::vec(prop::option::weighted(0.3, 1u32..=320), 40),
    ) {
        let curriculum = random_curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let days = StudyDays::from_weekdays(
            (0..7u8).filter(|i| day_bits & (1 << i) != 0).map(|i| chrono::Weekday::try_from(i).unwrap()),
        )
        .unwrap();
        let weekly = WeeklyMinutes::from_hours(f64::from(quarters) / 4.0).unwrap();
        let start = date("2026-01-01") + chrono::Days::new(offset as u64);
        let settings = Settings::new(start, weekly, Some(days), session.map(|m| SessionMinutes::new(m).unwrap()));
        let selection = Selection::specializations(&curriculum, specs.into_iter().map(SpecId).collect()).unwrap();
        let done = DoneSet::of(&curriculum, done.iter().enumerate().filter(|(_, d)| **d).map(|(i, _)| DocId(i)));
        let partly: Vec<(DocId, u32)> = partial
            .iter()
            .take(minutes.len())
            .enumerate()
            .filter_map(|(index, done)| done.map(|done| (DocId(index), done)))
            .collect();
        let plan = Planner::new(&curriculum, &graph, selection.clone(), &done)
            .with_partial(partly.iter().copied())
            .plan(&settings)
            .unwrap();
        let mut covered: HashMap<String, (u32, Vec<u32>, u32, u32)> = HashMap::new();
        for item in plan.sessions.iter().flat_map(|s| &s.items) {
            let entry = covered.entry(item.path.clone()).or_default();
            entry.0 += item.minutes;
            entry.3 = item.done_minutes;
            if let Some(part) = item.part {
                entry.1.push(part.index);
                entry.2 = part.count;
            }
            prop_assert!(item.minutes <= settings.effective_session());
        }
        let needed = learnpath::plan::needed(&curriculum, &graph, &selection, &done);
        for id in needed.ids() {
            let doc = curriculum.doc(id);
            let done_minutes = partly.iter().find(|(doc, _)| *doc == id).map_or(0, |(_, done)| *done);
            let left = if done_minutes == 0 {
                doc.minutes
            } else {
                doc.minutes.saturating_sub(done_minutes).max(doc.minutes.min(5))
            };
            let (total, parts, count, shown_done) = &covered[&doc.path];
            prop_assert_eq!(*total, left, "{}", doc.path);
            prop_assert_eq!(*shown_done, done_minutes);
            if !parts.is_empty() {
                prop_assert_eq!(parts.clone(), (1..=*count).collect::<Vec<_>>());
            }
        }
        let summary = &plan.summary;
        let specialization_minutes: u32 = summary.specializations.iter().map(|spec| spec.minutes).sum();
        prop_assert_eq!(summary.prerequisite_minutes + specialization_minutes, summary.total_minutes);
    }

    #[test]
    /// With `--whole`.
    fn a_document_that_fits_a_session_is_never_split((minutes, links, _done, quarters, day_bits, session, _offset, specs) in arb_case()) {
        let curriculum = random_curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let days = StudyDays::from_weekdays([chrono::Weekday::try_from(day_bits % 7).unwrap()]).unwrap();
        let settings = Settings::new(date("2027-01-04"), WeeklyMinutes::from_hours(f64::from(quarters) / 4.0).unwrap(), Some(days), session.map(|m| SessionMinutes::new(m).unwrap()))
            .with_whole(true);
        let selection = Selection::specializations(&curriculum, specs.into_iter().map(SpecId).collect()).unwrap();
        let plan = Planner::new(&curriculum, &graph, selection, &DoneSet::none(&curriculum)).plan(&settings).unwrap();
        for item in plan.sessions.iter().flat_map(|s| &s.items) {
            let doc_minutes = minutes[item.path[4..7].parse::<usize>().unwrap()];
            prop_assert_eq!(item.part.is_some(), doc_minutes > settings.effective_session());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A forecast's run with every document taking exactly its estimate is the plan: the same
    /// packing on the same calendar. Without logged times, P50 is never before the plan's
    /// finish, and P10 <= P50 <= P90.
    #[test]
    fn the_forecast_agrees_with_the_plan(
        (minutes, links, done, quarters, day_bits, session, offset, specs) in arb_case(),
        whole in any::<bool>(),
    ) {
        use learnpath::availability::Availability;
        use learnpath::plan::forecast::{Placer, Run};
        use learnpath::plan::runs::PlanCurve;
        let Drawn { curriculum, graph, settings, selection, done, .. } =
            Drawn::of((minutes, links, done, quarters, day_bits, session, offset, specs), whole);
        let planner = Planner::new(&curriculum, &graph, selection, &done);
        let plan = planner.plan(&settings).unwrap();
        let Some(finish) = plan.summary.finish_date else {
            return Ok(());
        };
        let reserved = learnpath::plan::review::Reserved::of(&plan);
        let (estimates, mut packing) = planner.packing(&plan.settings, reserved);
        let exact: Vec<f64> = estimates.iter().map(|&m| f64::from(m)).collect();
        let run = Run { total: exact.iter().sum(), each: &exact };
        prop_assert_eq!(packing.finish(run).unwrap(), finish);
        // Longer plans follow their own sittings: the planned total lands on the finish, less
        // on a sitting no later, more past it.
        let mut curve = PlanCurve::new(&plan, &Availability::default());
        prop_assert_eq!(curve.finish(run).unwrap(), finish);
        let half = Run { total: run.total / 2.0, each: &[] };
        prop_assert!(curve.finish(half).unwrap() <= finish);
        let more = Run { total: run.total + 60.0, each: &[] };
        prop_assert!(curve.finish(more).unwrap() > finish);
        if let Some(forecast) = planner.forecast(&plan, &[], None).unwrap() {
            prop_assert!(forecast.p10 <= forecast.p50 && forecast.p50 <= forecast.p90);
            prop_assert!(forecast.p50 >= finish, "P50 {} before the plan's finish {finish}", forecast.p50);
        }
    }
}

/// A plan longer than `PACKED_UP_TO` documents places its forecast's runs along its own
/// sittings: no logged times, and P50 is not before the plan's finish.
#[test]
fn a_long_plan_forecast_follows_its_sittings() {
    use learnpath::plan::runs::{PACKED_UP_TO, Placement};
    let n = PACKED_UP_TO + 50;
    let minutes: Vec<u32> = (0..n as u32).map(|i| 15 + (i * 37) % 106).collect();
    let links: Vec<Vec<usize>> = (0..n).map(|i| vec![i.saturating_sub(1)]).collect();
    let curriculum = random_curriculum(&minutes, &links);
    let graph = PrereqGraph::build(&curriculum).unwrap();
    let selection = Selection::specializations(&curriculum, vec![SpecId(0), SpecId(1)]).unwrap();
    let planner = Planner::new(&curriculum, &graph, selection, &DoneSet::none(&curriculum));
    let settings = Settings::new(
        date("2027-01-04"),
        WeeklyMinutes::from_hours(5.0).unwrap(),
        None,
        None,
    );
    let plan = planner.plan(&settings).unwrap();
    assert!(plan.summary.documents > PACKED_UP_TO);
    assert!(matches!(planner.placement(&plan).1, Placement::Curve(_)));
    let forecast = planner.forecast(&plan, &[], None).unwrap().unwrap();
    let finish = plan.summary.finish_date.unwrap();
    assert!(forecast.p10 <= forecast.p50 && forecast.p50 <= forecast.p90);
    assert!(forecast.p50 >= finish, "{} before {finish}", forecast.p50);
}

/// `--session` is an upper bound: a longer session than any day's minutes still plans (issue
/// 22, item 12), with whole documents cut to the longest sitting a day holds.
#[test]
fn a_session_longer_than_the_days_still_plans() {
    use learnpath::plan::settings::{DayMinutes, Week};
    let opened = open(&Source::Embedded).unwrap();
    let curriculum = &opened.curriculum;
    let spec = curriculum.find_specialization("3.1").unwrap();
    let selection = Selection::specializations(curriculum, vec![spec]).unwrap();
    let planner = Planner::new(
        curriculum,
        &opened.graph,
        selection,
        &DoneSet::none(curriculum),
    );
    let days = DayMinutes::new([(chrono::Weekday::Sat, 45)]).unwrap();
    let settings = Settings::for_week(
        date("2027-01-04"),
        WeeklyMinutes::from_hours(3.0).unwrap(),
        Some(Week::Minutes(days)),
        Some(SessionMinutes::new(90).unwrap()),
    );
    let total: u32 = planner
        .order()
        .iter()
        .map(|&id| curriculum.doc(id).minutes)
        .sum();
    for whole in [false, true] {
        let plan = planner.plan(&settings.with_whole(whole)).unwrap();
        assert!(
            plan.sessions.iter().all(|s| s.minutes <= 45),
            "whole: {whole}"
        );
        assert_eq!(plan.summary.total_minutes, total, "whole: {whole}");
    }
}
