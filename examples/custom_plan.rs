//! The library without the command line: load a curriculum, choose specializations, say what
//! is done, and lay out your own plan, here as a plain list of dates and titles.
//!
//! cargo run --example custom_plan [-- CURRICULUM_DIR SPEC HOURS]

use chrono::Weekday;
use learnpath::curriculum::DocId;
use learnpath::curriculum::duration::format_minutes;
use learnpath::plan::{DoneSet, Planner, Selection, Settings, StudyDays, WeeklyMinutes};
use learnpath::{Source, open};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let source = args
        .next()
        .map_or(Source::Embedded, |dir| Source::Dir(dir.into()));
    let spec = args.next().unwrap_or_else(|| "3.4".to_string());
    let hours: f64 = args.next().map_or(Ok(3.0), |text| text.parse())?;

    let opened = open(&source)?;
    let curriculum = &opened.curriculum;
    let selection =
        Selection::specializations(curriculum, vec![curriculum.find_specialization(&spec)?])?;
    // Suppose the first document is already studied.
    let done = DoneSet::of(curriculum, [DocId(0)]);
    let settings = Settings::new(
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a real date"),
        WeeklyMinutes::from_hours(hours)?,
        StudyDays::from_weekdays([Weekday::Tue, Weekday::Thu, Weekday::Sun]),
        None,
    );
    let plan = Planner::new(curriculum, &opened.graph, selection, &done).plan(&settings)?;
    println!(
        "{}: {}",
        plan.selection,
        format_minutes(plan.summary.total_minutes)
    );
    for session in &plan.sessions {
        for item in &session.items {
            println!("{} {}  {}", session.weekday, session.date, item.title);
        }
    }
    Ok(())
}
