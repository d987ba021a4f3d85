//! The report's data: everything its page shows, as the JSON it embeds. Plain values in plan
//! order; the page's script draws them. The same inputs give the same bytes.

use crate::curriculum::{Curriculum, DocId};
use crate::diagram::{Diagram, State};
use crate::follow::Baseline;
use crate::plan::{BlockedDay, LabelMet, Plan, Session, Settings};
use crate::progress::Progress;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of the data's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub schema_version: u32,
    pub curriculum: String,
    /// The role, specializations or targets, in words.
    pub selection: String,
    /// The day the report is made for: "today" on the page.
    pub today: NaiveDate,
    pub settings: Settings,
    pub summary: Totals,
    /// The sittings, in order.
    pub sessions: Vec<Sitting>,
    /// Study days the plan passed over (skipped, or busy).
    pub blocked: Vec<BlockedDay>,
    /// Documents of the selection already done, in the order they were done.
    pub done: Vec<Done>,
    pub milestones: Vec<LabelMet>,
    pub progress: Burnup,
    /// Likely finish dates (P10, P50, P90), when there is a forecast.
    pub forecast: Option<Finish>,
    pub graph: Graph,
    pub notes: Vec<String>,
}

/// Totals of the plan and of what is done.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub documents: usize,
    pub planned_minutes: u32,
    pub sessions: usize,
    pub weeks: usize,
    pub first_date: Option<NaiveDate>,
    pub finish_date: Option<NaiveDate>,
    pub done_documents: usize,
    pub done_minutes: u32,
    /// Reviews in the sittings, and their minutes (part of `planned_minutes`); left out when
    /// none.
    #[serde(skip_serializing_if = "is_zero")]
    pub reviews: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub review_minutes: u32,
}

/// One sitting.
#[derive(Debug, Clone, Serialize)]
pub struct Sitting {
    pub number: usize,
    pub date: NaiveDate,
    pub weekday: String,
    pub iso_week: String,
    pub minutes: u32,
    pub items: Vec<Entry>,
}

/// A document (or a part of one) in a sitting.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub path: String,
    pub title: String,
    pub minutes: u32,
    /// "1/2" for the first of two parts.
    pub part: Option<String>,
    pub link: Option<String>,
    /// Its box in the graph.
    pub node: Option<usize>,
    /// How much of a partly done document is done; left out for one not started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partly: Option<Partly>,
    /// A review of a document studied before, not new material (left out when false).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
}

/// A partly done document: "25 of 55 min done".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Partly {
    /// Minutes done (partial progress).
    pub done_minutes: u32,
    /// The whole document's estimate.
    pub document_minutes: u32,
}

/// A document done.
#[derive(Debug, Clone, Serialize)]
pub struct Done {
    pub path: String,
    pub title: String,
    pub minutes: u32,
    /// The day it was done, when the progress file says (not for `--done`).
    pub date: Option<NaiveDate>,
    pub link: Option<String>,
    pub node: Option<usize>,
}

/// Minutes of the selection by date: done so far, as planned, as followed.
#[derive(Debug, Clone, Serialize)]
pub struct Burnup {
    /// Done and planned minutes together: the top of the chart.
    pub total_minutes: u32,
    /// Done minutes by day, cumulative.
    pub done: Vec<Point>,
    /// What is done, then each sitting of the plan, cumulative.
    pub planned: Vec<Point>,
    /// The followed baseline's sittings, cumulative, and its finish; none when no plan is
    /// followed for this selection.
    pub baseline: Option<Followed>,
}

/// Cumulative minutes on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    pub date: NaiveDate,
    pub minutes: u32,
}

/// The followed plan.
#[derive(Debug, Clone, Serialize)]
pub struct Followed {
    pub made: NaiveDate,
    pub finish: Option<NaiveDate>,
    pub points: Vec<Point>,
}

/// The forecast's finish band.
#[derive(Debug, Clone, Serialize)]
pub struct Finish {
    pub p10: NaiveDate,
    pub p50: NaiveDate,
    pub p90: NaiveDate,
}

/// The prerequisite graph of the selection, for highlighting paths (the picture is drawn
/// beside the data, with the same node numbers).
#[derive(Debug, Clone, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    /// (prerequisite, dependent).
    pub edges: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    pub path: String,
    pub title: String,
    pub state: State,
    pub target: bool,
    pub section: String,
}

/// What the data is made from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub plan: &'a Plan,
    pub curriculum: &'a Curriculum,
    pub diagram: &'a Diagram,
    pub progress: &'a Progress,
    /// The followed plan, when it is for this selection.
    pub baseline: Option<&'a Baseline>,
    pub today: NaiveDate,
}

/// The report's data.
pub fn data(inputs: Inputs<'_>) -> Data {
    let plan = inputs.plan;
    let node_of = node_index(inputs.diagram);
    let node = |path: &str| node_of.get(path).copied();
    let sessions = sittings(inputs, &node);
    let done = done_docs(inputs, &node);
    let studied = studied(inputs);
    let done_minutes = studied.iter().map(|&(_, minutes)| minutes).sum::<u32>();
    Data {
        schema_version: SCHEMA_VERSION,
        curriculum: plan.curriculum.clone(),
        selection: plan.selection.clone(),
        today: inputs.today,
        settings: plan.settings,
        summary: Totals {
            documents: plan.summary.documents,
            planned_minutes: plan.summary.total_minutes,
            sessions: plan.summary.sessions,
            weeks: plan.summary.weeks,
            first_date: plan.summary.first_date,
            finish_date: plan.summary.finish_date,
            done_documents: done.len(),
            done_minutes,
            reviews: plan.summary.reviews,
            review_minutes: plan.summary.review_minutes,
        },
        sessions,
        blocked: plan.blocked.clone(),
        done,
        milestones: plan.summary.labels.clone(),
        progress: burnup(inputs, &studied, done_minutes),
        forecast: plan.forecast.as_ref().map(|f| Finish {
            p10: f.p10,
            p50: f.p50,
            p90: f.p90,
        }),
        graph: graph(inputs.diagram),
        notes: super::super::notes::texts(&plan.notes),
    }
}

fn is_zero<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A link the page may make: http(s) or relative only (see [`crate::weblink`]).
fn web_link(link: Option<&str>) -> Option<String> {
    crate::weblink::safe_link(link).map(str::to_string)
}

fn node_index(diagram: &Diagram) -> BTreeMap<&str, usize> {
    diagram
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| (node.doc.path.as_str(), index))
        .collect()
}

/// The plan's sittings, each with its documents, their links and diagram nodes.
fn sittings(inputs: Inputs<'_>, node: &dyn Fn(&str) -> Option<usize>) -> Vec<Sitting> {
    inputs
        .plan
        .sessions
        .iter()
        .map(|session| Sitting {
            number: session.number,
            date: session.date,
            weekday: session.weekday.clone(),
            iso_week: session.iso_week.clone(),
            minutes: session.minutes,
            items: session
                .items
                .iter()
                .map(|item| Entry {
                    path: item.path.clone(),
                    title: item.title.clone(),
                    minutes: item.minutes,
                    part: item.part.map(|p| format!("{}/{}", p.index, p.count)),
                    link: web_link(item.link.as_deref()),
                    node: node(&item.path),
                    partly: (item.done_minutes > 0).then(|| Partly {
                        done_minutes: item.done_minutes,
                        document_minutes: inputs.curriculum.doc(item.doc).minutes,
                    }),
                    review: item.is_review(),
                })
                .collect(),
        })
        .collect()
}

/// The selection's documents done, by the day they were done (undated ones first).
fn done_docs(inputs: Inputs<'_>, node: &dyn Fn(&str) -> Option<usize>) -> Vec<Done> {
    let mut done: Vec<Done> = inputs
        .plan
        .done
        .iter()
        .map(|doc| Done {
            path: doc.doc.path.clone(),
            title: doc.doc.title.clone(),
            minutes: doc.doc.minutes,
            date: inputs.progress.date(&doc.doc.path),
            link: web_link(doc.link.as_deref()),
            node: node(&doc.doc.path),
        })
        .collect();
    done.sort_by_key(|doc| doc.date);
    done
}

/// The selection's documents: those done and those planned, once each.
fn selection_docs(inputs: Inputs<'_>) -> Vec<DocId> {
    let names = inputs.curriculum.doc_names();
    let mut seen = Vec::new();
    let paths = inputs
        .plan
        .done
        .iter()
        .map(|doc| doc.doc.path.as_str())
        .chain(
            inputs
                .plan
                .sessions
                .iter()
                .flat_map(|s| &s.items)
                .map(|item| item.path.as_str()),
        );
    for path in paths {
        if let Some(id) = names.find(path)
            && !seen.contains(&id)
        {
            seen.push(id);
        }
    }
    seen
}

/// Minutes studied of the selection's documents, by day (`None`: done with no date known):
/// each partial record on its day, a done document's rest on the day it was done.
fn studied(inputs: Inputs<'_>) -> Vec<(Option<NaiveDate>, u32)> {
    let progress = inputs.progress;
    let mut studied = Vec::new();
    for id in selection_docs(inputs) {
        let doc = inputs.curriculum.doc(id);
        let partials = progress.partials(&doc.path);
        studied.extend(partials.iter().map(|p| (Some(p.date), p.minutes)));
        let counted = partials.iter().map(|p| p.minutes).sum::<u32>();
        let done = inputs.plan.done.iter().any(|d| d.doc.path == doc.path);
        if done {
            studied.push((
                progress.date(&doc.path),
                doc.minutes.saturating_sub(counted),
            ));
        }
    }
    studied.sort();
    studied
}

/// The burn-up's lines.
fn burnup(inputs: Inputs<'_>, studied: &[(Option<NaiveDate>, u32)], done_minutes: u32) -> Burnup {
    let plan = inputs.plan;
    let start = plan.settings.start.min(inputs.today);
    let mut done: Vec<Point> = Vec::new();
    let earliest = studied
        .iter()
        .filter_map(|&(date, _)| date)
        .min()
        .map_or(start, |first| first.min(start));
    let mut sum = 0;
    for &(date, minutes) in studied {
        sum += minutes;
        let date = date.unwrap_or(earliest);
        match done.last_mut() {
            Some(last) if last.date == date => last.minutes = sum,
            _ => done.push(Point { date, minutes: sum }),
        }
    }
    // The chart counts documents studied: reviews add no minutes to it.
    let mut planned = vec![Point {
        date: plan.settings.start,
        minutes: done_minutes,
    }];
    let mut sum = done_minutes;
    for session in &plan.sessions {
        sum += study_minutes(session);
        planned.push(Point {
            date: session.date,
            minutes: sum,
        });
    }
    let baseline = inputs.baseline.map(|baseline| followed(baseline, &done));
    Burnup {
        total_minutes: sum,
        done,
        planned,
        baseline,
    }
}

/// The minutes of a sitting's new material, without its reviews.
fn study_minutes(session: &Session) -> u32 {
    let items = session.items.iter().filter(|item| !item.is_review());
    items.map(|item| item.minutes).sum()
}

/// The baseline's sittings (their new material) on top of what was done before it started.
fn followed(baseline: &Baseline, done: &[Point]) -> Followed {
    let first = baseline.first().unwrap_or(baseline.made);
    let before = done
        .iter()
        .take_while(|point| point.date < first)
        .last()
        .map_or(0, |point| point.minutes);
    let mut sum = before;
    let mut points = vec![Point {
        date: first,
        minutes: before,
    }];
    for sitting in &baseline.sessions {
        sum += sitting.study_minutes();
        points.push(Point {
            date: sitting.date,
            minutes: sum,
        });
    }
    Followed {
        made: baseline.made,
        finish: baseline.finish(),
        points,
    }
}

fn graph(diagram: &Diagram) -> Graph {
    let mut section = vec![String::new(); diagram.nodes.len()];
    for group in &diagram.groups {
        for &node in &group.nodes {
            section[node] = group.label.clone();
        }
    }
    Graph {
        nodes: diagram
            .nodes
            .iter()
            .zip(section)
            .map(|(node, section)| GraphNode {
                path: node.doc.path.clone(),
                title: node.doc.title.clone(),
                state: node.state,
                target: node.target,
                section,
            })
            .collect(),
        edges: diagram.edges.clone(),
    }
}
