//! The command line's arguments: clap derive types, validated into library types as they are
//! parsed (hours, days, dates, sessions), so nothing downstream sees a raw value.

use super::values;
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand, ValueEnum};
use learnpath::memory::Retention;
use learnpath::plan::settings::Week;
use learnpath::plan::{SessionMinutes, WeeklyMinutes};
use learnpath::profile::Key;
use learnpath::progress::Grade;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "learnpath",
    version,
    about = "Plan your way through a Markdown curriculum"
)]
pub(super) struct Cli {
    /// Curriculum folder to read instead of the embedded datacenter curriculum.
    #[arg(long, global = true, env = "LEARNPATH_CURRICULUM", value_name = "DIR")]
    pub(super) curriculum: Option<PathBuf>,

    /// Progress file [default: $XDG_DATA_HOME/learnpath/<curriculum id>/progress.yaml].
    #[arg(long, global = true, env = "LEARNPATH_PROGRESS", value_name = "FILE")]
    pub(super) progress: Option<PathBuf>,

    /// Ignore the progress file (plan, check, next, why, export, status; refused by done and undo).
    #[arg(long, global = true)]
    pub(super) no_progress: bool,

    /// Profile file [default: $XDG_CONFIG_HOME/learnpath/<curriculum id>/profile.yaml].
    #[arg(long, global = true, env = "LEARNPATH_PROFILE", value_name = "FILE")]
    pub(super) profile: Option<PathBuf>,

    /// Ignore the saved profile (see `learnpath profile`; refused by profile set, unset and reset).
    #[arg(long, global = true)]
    pub(super) no_profile: bool,

    /// When to use color: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(super) color: ColorChoice,

    /// Print no warnings or notes (errors still go to stderr).
    #[arg(short, long, global = true)]
    pub(super) quiet: bool,

    // The second paragraph makes a long help: `-h` hides this option, and for such options
    // the man page shows only a long help.
    /// Take this date as today (YYYY-MM-DD), for reproducible output.
    ///
    /// It is the default --start of a plan, the default --on of `done` and the date stamp of an
    /// exported calendar.
    #[arg(long, global = true, env = "LEARNPATH_TODAY", value_parser = values::date, value_name = "DATE", hide_short_help = true)]
    pub(super) today: Option<NaiveDate>,

    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Color for a stream: `--color always|never` decide; `auto` means a terminal and no
    /// NO_COLOR (set and not empty), as no-color.org asks.
    pub(super) fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum GraphFormat {
    /// A picture, laid out in process (no Graphviz needed).
    Svg,
    /// Graphviz DOT, for `dot -Tpng` and friends.
    Dot,
    /// A Mermaid flowchart, which GitHub and GitLab render in Markdown.
    Mermaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(super) enum Format {
    /// Human-readable tables.
    #[default]
    Table,
    /// Stable JSON for scripts (documented in docs/json.md).
    Json,
}

#[derive(Debug, Clone, Copy, Args)]
pub(super) struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(super) enum PlanFormat {
    /// A table of sessions and a summary.
    #[default]
    Table,
    /// The plan as JSON (schema_version 1, documented in docs/json.md).
    Json,
    /// A checklist grouped by week, each document linked to its source, and a gantt chart.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ExportFormat {
    /// iCalendar (RFC 5545), one event per sitting, updating and cancelling the events of
    /// the last export.
    Ics,
    /// CSV with the columns Google Calendar imports.
    Csv,
    /// A tracking sheet (CSV): a row a document in plan order, with path, title, minutes,
    /// planned date, done date and actual minutes.
    Sheet,
    /// The plan's JSON.
    Json,
    /// The Markdown checklist with a Mermaid gantt chart.
    Markdown,
}

/// Who the learner is: a role, or one or two specializations; or what to learn: targets.
#[derive(Debug, Clone, Default, Args)]
pub(super) struct Choice {
    /// A role, e.g. "storage engineer" (see `learnpath list roles`).
    #[arg(long, conflicts_with = "spec")]
    pub(super) role: Option<String>,
    /// A specialization: "3.2", its folder or a word of its title. Give one or two (repeat
    /// or separate with commas).
    #[arg(long, value_delimiter = ',')]
    pub(super) spec: Vec<String>,
    /// Documents or folders to plan toward, with all they require, in any curriculum (repeat
    /// or separate with commas), e.g. --target basics.
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["role", "spec"], value_name = "DOC|FOLDER")]
    pub(super) target: Vec<String>,
}

/// Documents studied besides those in the progress file.
#[derive(Debug, Clone, Args)]
pub(super) struct Done {
    /// Documents already studied (names as for `show`; repeat or separate with commas).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    pub(super) done: Vec<String>,
}

/// Reviews in a plan's sittings: each its flag, else the profile's (else the followed plan's,
/// for `replan`), else on (see `settings::plan::REVIEW_BY_DEFAULT`).
#[derive(Debug, Clone, Copy, Default, Args)]
pub(super) struct ReviewOptions {
    /// Place reviews of done documents (and of those the plan studies) in the sittings, before
    /// new material, when their estimated recall falls to the target retention [default: the
    /// profile's review, else on].
    #[arg(long, overrides_with = "no_review")]
    pub(super) review: bool,
    /// Plan new material only, without reviews, whatever the profile says.
    #[arg(long, overrides_with = "review")]
    pub(super) no_review: bool,
    /// With reviews: the recall at which a review falls due, 0.70 to 0.97 [default: the
    /// profile's retention, else 0.9].
    #[arg(
        long,
        value_parser = values::retention,
        value_name = "R",
        conflicts_with = "no_review"
    )]
    pub(super) retention: Option<learnpath::memory::Retention>,
    /// With reviews: minutes of each review, e.g. 10m (1 to 60 min; at most the longest
    /// sitting) [default: the profile's review-minutes, else a tenth of the document's time, 5
    /// to 15 min].
    #[arg(
        long,
        value_parser = values::review_minutes,
        value_name = "DURATION",
        conflicts_with = "no_review"
    )]
    pub(super) review_minutes: Option<u32>,
}

/// The study window: when sittings start, in which zone. Shared by every command that plans,
/// so that the same values give the same sittings in all of them.
#[derive(Debug, Clone, Copy, Default, Args)]
pub(super) struct Window {
    /// Local time sittings start (HH:MM) [default: the profile's at, else 19:00; replan and
    /// status: the followed plan's].
    ///
    /// The study window opens then: timed busy events (--busy) that overlap it shorten that
    /// day's sitting or block the day, and export and sync start their events then. `replan`
    /// and `status` keep the time the followed plan was made with unless given (`replan` saves
    /// the new one); `next` lists the same documents whatever it is.
    #[arg(long, value_parser = values::time, value_name = "HH:MM")]
    pub(super) at: Option<NaiveTime>,
    /// IANA time zone of --at, e.g. Europe/Berlin [default: the profile's tz, else $TZ, else
    /// the system's; replan and status: the followed plan's].
    ///
    /// Busy calendars are read in it, and calendars written with it.
    #[arg(long, value_parser = values::tz, value_name = "ZONE")]
    pub(super) tz: Option<Tz>,
}

/// Everything that shapes a plan; shared by `plan`, `export`, `report`, `follow` and `sync`.
#[derive(Debug, Args)]
pub(super) struct PlanOptions {
    #[command(flatten)]
    pub(super) choice: Choice,
    /// Study hours per week, e.g. 5 or 7.5 (required unless --by or saved in the profile).
    #[arg(
        long,
        value_parser = values::hours,
        allow_negative_numbers = true,
        conflicts_with = "by"
    )]
    pub(super) hours: Option<WeeklyMinutes>,
    /// Find the fewest weekly hours (in half hours) that finish by this date.
    #[arg(long, value_parser = values::date, value_name = "DATE")]
    pub(super) by: Option<NaiveDate>,
    /// First day of the plan (YYYY-MM-DD); default today.
    #[arg(long, value_parser = values::date, value_name = "DATE")]
    pub(super) start: Option<NaiveDate>,
    /// Study days, e.g. mon,wed,sat, weekdays or weekend, or each with its longest sitting,
    /// e.g. mon=30m,wed=30m,sat=2h or weekdays=45m,sun=2h; default spread for the hours.
    #[arg(long, value_parser = values::days)]
    pub(super) days: Option<Week>,
    /// Longest sitting, e.g. 90min or 1h30m (15 min to 8 h); default from hours and days, at most 2 h.
    #[arg(long, value_parser = values::session, value_name = "DURATION")]
    pub(super) session: Option<SessionMinutes>,
    /// Days off: a date or an inclusive range, 2027-02-10..2027-02-20 (repeat or separate with
    /// commas); added to the profile's.
    #[arg(long, value_parser = values::skip, value_delimiter = ',', value_name = "DATES")]
    pub(super) skip: Vec<(NaiveDate, NaiveDate)>,
    /// A calendar (.ics) of busy times to plan around (repeat for more); added to the profile's.
    #[arg(long, value_parser = values::busy, value_name = "FILE")]
    pub(super) busy: Vec<PathBuf>,
    /// Whole documents only: one that fits in a sitting is never split, it waits for a sitting
    /// with room for it (default: sittings are filled, with parts of 15 min or more).
    #[arg(long)]
    pub(super) whole: bool,
    #[command(flatten)]
    pub(super) window: Window,
    #[command(flatten)]
    pub(super) done: Done,
    #[command(flatten)]
    pub(super) review: ReviewOptions,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Plan study sessions for a role or 1-2 specializations: what, in which order, on which days.
    #[command(
        after_help = "Examples:\n  learnpath plan --role \"storage engineer\" --hours 5\n  learnpath plan --spec 3.3 --spec 3.4 --hours 8 --days mon,tue,thu --start 2027-01-04\n  learnpath plan --spec overlay --by 2027-03-01 --format markdown\n  learnpath plan --spec 3.2 --hours 4 --busy ~/work.ics --at 07:30 --tz Europe/Berlin"
    )]
    Plan {
        #[command(flatten)]
        options: PlanOptions,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: PlanFormat,
        /// After the table, each study day before the finish that has no sitting, and why
        /// (the JSON has them in `blocked` and `idle`).
        #[arg(long)]
        explain: bool,
    },

    /// Write the plan to a calendar (.ics), a spreadsheet (.csv), JSON or Markdown.
    #[command(
        after_help = "Examples:\n  learnpath export --role \"storage engineer\" --hours 5 --format ics -o plan.ics\n  learnpath export --spec 3.2 --hours 4 --format csv --at 07:30 --tz Europe/Berlin -o plan.csv\n  learnpath export --spec 3.4 --hours 3 --format markdown"
    )]
    Export {
        #[command(flatten)]
        options: PlanOptions,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// File to write (atomically); `-` or none for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A reminder before each sitting (iCalendar), e.g. 15m or 1h; repeat for more
        /// [default: the profile's].
        #[arg(long, value_parser = values::remind, value_name = "DURATION")]
        remind: Vec<learnpath::calendar::Reminder>,
    },

    /// Write the plan and the progress on it as one self-contained HTML page: a calendar, a
    /// burn-up chart, the prerequisite graph and the checklist.
    #[command(
        after_help = "The page needs no network: open it from a file, offline, or print it.\n\nExamples:\n  learnpath report -o plan.html && xdg-open plan.html\n  learnpath report --role \"storage engineer\" --hours 5 -o storage.html"
    )]
    Report {
        #[command(flatten)]
        options: PlanOptions,
        /// File to write (atomically); `-` or none for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Put the plan into a CalDAV calendar (Nextcloud, Fastmail, Radicale, ...): create, update
    /// and delete its events, and no one else's.
    #[command(
        after_help = "The password comes from LEARNPATH_CALDAV_PASSWORD, else from ~/.netrc (machine HOST login NAME password ...); it is never printed or saved. Plain http:// is refused except to this machine. Events that started before now stay. Running it again changes only what the plan changed, and finishes a sync that stopped halfway.\n\nExit codes: 74 when the server cannot be reached or fails, 77 when it refuses the login.\n\nExamples:\n  learnpath sync --role \"storage engineer\" --hours 5 --caldav https://cloud.example.org/remote.php/dav/calendars/me/study/ --user me\n  learnpath profile set --caldav https://caldav.fastmail.com/dav/calendars/user/me@fastmail.com/STUDY-ID/ --user me@fastmail.com\n  learnpath sync --remind 15m"
    )]
    Sync {
        #[command(flatten)]
        options: PlanOptions,
        /// The calendar collection's URL [default: the profile's caldav].
        // Checked by the command, not by clap, whose error would repeat a password in it.
        #[arg(long, value_name = "URL")]
        caldav: Option<String>,
        /// The user to log in as [default: the profile's user, else the login ~/.netrc gives].
        #[arg(long, value_parser = values::user, value_name = "NAME")]
        user: Option<String>,
        /// A reminder before each sitting, e.g. 15m or 1h; repeat for more [default: the
        /// profile's].
        #[arg(long, value_parser = values::remind, value_name = "DURATION")]
        remind: Vec<learnpath::calendar::Reminder>,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Follow a plan: save it as the baseline that `status` measures you against.
    #[command(
        after_help = "Following again replaces the baseline and says what changed.\n\nExamples:\n  learnpath follow --role \"storage engineer\" --hours 5\n  learnpath follow                  # with the profile's choices\n  learnpath follow --show"
    )]
    Follow {
        #[command(flatten)]
        options: PlanOptions,
        /// Print the followed plan instead of saving a new one.
        #[arg(long)]
        show: bool,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Re-plan what is left from today, keeping the past sittings as they happened.
    #[command(
        after_help = "Examples:\n  learnpath replan\n  learnpath replan --keep-finish     # the weekly time that still meets the finish"
    )]
    Replan {
        /// Keep the baseline's finish date: find the weekly time that meets it (or say how
        /// much is missing).
        #[arg(long)]
        keep_finish: bool,
        #[command(flatten)]
        window: Window,
        // Reviews as the followed plan places them unless given; the new baseline keeps them.
        #[command(flatten)]
        review: ReviewOptions,
    },

    /// Mark documents as studied (today, or --on DATE), with the time one took, or record part
    /// of one.
    #[command(
        after_help = "--took, --part and --minutes are for one document. --part N uses the split your plans make with the profile's hours (without hours in the profile, sittings of 2 h); recording the last part marks the document done. --minutes never marks it done: plans schedule what is left.\n\nExamples:\n  learnpath done 01_modern_topology 02_server_hierarchy\n  learnpath done 01_rdma_fundamentals --on 2027-01-06\n  learnpath done 01_modern_topology --took 50m\n  learnpath done quick_start_containers --part 1 --took 1h20m\n  learnpath done 01_pfc_dcb_storage --minutes 30m"
    )]
    Done {
        /// Documents (names as for `show`; separate with spaces or commas).
        #[arg(required_unless_present = "through", value_delimiter = ',')]
        docs: Vec<String>,
        /// Mark this entry and every one before it as done: in a book or course, everything
        /// up to it in the table of contents; elsewhere, everything it requires.
        #[arg(long, value_name = "DOC", conflicts_with_all = ["part", "minutes", "took"])]
        through: Option<String>,
        /// The day they were done (YYYY-MM-DD); default today.
        #[arg(long, value_parser = values::date, value_name = "DATE")]
        on: Option<NaiveDate>,
        /// How long it really took, e.g. 50m, 1h30m or 90min (1 min to 24 h); with --part or
        /// --minutes, that sitting's time; after partial progress, the time of what was left
        /// (the parts' times are added). Given for a document already done, it replaces the
        /// time recorded.
        #[arg(long, value_parser = values::spent, value_name = "DURATION")]
        took: Option<u32>,
        /// Record part N (from 1) of a document your plans split into parts.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "minutes")]
        part: Option<u32>,
        /// Record this much of a document's estimated time as studied, e.g. 30m (1 min to 24 h;
        /// at most what is left of the estimate); plans schedule what is left.
        #[arg(long, value_parser = values::spent, value_name = "DURATION")]
        minutes: Option<u32>,
        /// How well it went: again, hard, good or easy (default good). It is the document's
        /// first review: `review` brings it back sooner after a poor grade.
        #[arg(long, value_parser = values::grade, value_name = "GRADE", conflicts_with_all = ["part", "minutes"])]
        grade: Option<Grade>,
    },

    /// Reviews due today or overdue, with their estimated recall; or record a review; or fit
    /// your own memory parameters to your reviews.
    #[command(
        after_help = "A done document is due for review when its estimated recall (FSRS, with its default parameters, or your own once `review --fit` has saved them) falls to the target retention.\n\nExamples:\n  learnpath review\n  learnpath review 01_modern_topology --grade good\n  learnpath review 01_modern_topology --grade again --on 2027-02-01 --took 8m\n  learnpath review --fit"
    )]
    Review {
        /// The document reviewed (names as for `show`); without one, list the reviews due.
        #[arg(requires = "grade")]
        doc: Option<String>,
        /// How well it was remembered: again, hard, good or easy.
        #[arg(long, value_parser = values::grade, value_name = "GRADE", requires = "doc")]
        grade: Option<Grade>,
        /// The day of the review (YYYY-MM-DD); default today.
        #[arg(long, value_parser = values::date, value_name = "DATE", requires = "doc")]
        on: Option<NaiveDate>,
        /// How long the review took, e.g. 8m (1 min to 24 h).
        #[arg(long, value_parser = values::spent, value_name = "DURATION", requires = "doc")]
        took: Option<u32>,
        /// The recall at which a review falls due, 0.70 to 0.97 [default: the profile's, else the
        /// followed plan's, else 0.9].
        #[arg(long, value_parser = values::retention, value_name = "R")]
        retention: Option<Retention>,
        /// Fit your own memory parameters to your reviews (400 or more) and save them beside
        /// the progress file when they predict your reviews better than the defaults.
        #[arg(long, conflicts_with_all = ["doc", "grade", "retention"])]
        fit: bool,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Unmark documents.
    #[command(after_help = "Examples:\n  learnpath undo 01_modern_topology")]
    Undo {
        /// Documents (names as for `show`; separate with spaces or commas).
        #[arg(required = true, value_delimiter = ',')]
        docs: Vec<String>,
    },

    /// How far along each specialization is, and what to study next.
    #[command(
        after_help = "Examples:\n  learnpath status\n  learnpath status --role \"storage engineer\" --format json"
    )]
    Status {
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        window: Window,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Are the prerequisites of these documents or specializations met? (exit 1 when not)
    #[command(
        after_help = "Examples:\n  learnpath check 3.1 --done 01_modern_topology,02_server_hierarchy\n  learnpath check 01_tlb_ept_explained --format json"
    )]
    Check {
        /// Documents or specializations, separated by spaces or commas [default: the profile's
        /// specializations].
        #[arg(value_delimiter = ',')]
        targets: Vec<String>,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        format: FormatArg,
    },

    /// The documents you can start now, optionally only those toward a role or specializations.
    #[command(
        after_help = "Examples:\n  learnpath next --role \"network engineer\" --done 01_modern_topology\n  learnpath next --spec 3.4 --format json"
    )]
    Next {
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        window: Window,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Why a document is in the plan: the chain of prerequisites from a target down to it.
    #[command(
        after_help = "Examples:\n  learnpath why 01_modern_topology --role \"storage engineer\"\n  learnpath why 02_hardware_solution --spec 3.4 --format json"
    )]
    Why {
        /// The document.
        doc: String,
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Draw the prerequisite graph of a choice (or the whole curriculum) as SVG, DOT or Mermaid.
    #[command(
        after_help = "Examples:\n  learnpath graph --spec 3.4 -o cpu.svg\n  learnpath graph --role \"storage engineer\" --format dot | dot -Tpng > storage.png\n  learnpath graph 01_tlb_ept_explained --format mermaid"
    )]
    Graph {
        /// Documents to draw with all they require (instead of --role/--spec; separate with
        /// spaces or commas).
        #[arg(conflicts_with_all = ["role", "spec"], value_delimiter = ',')]
        docs: Vec<String>,
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Svg)]
        format: GraphFormat,
        /// File to write (atomically); `-` or none for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Save your usual choices for this curriculum, so that plain `learnpath plan` plans.
    #[command(
        after_help = "Examples:\n  learnpath profile set --role \"storage engineer\" --hours 5 --days mon,wed,sat\n  learnpath profile set --skip 2027-02-10..2027-02-20 --busy ~/work.ics\n  learnpath profile show\n  learnpath profile unset skip 2027-02-10..2027-02-20\n  learnpath profile reset"
    )]
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },

    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  learnpath completions bash > ~/.local/share/bash-completion/completions/learnpath\n  learnpath completions zsh > ~/.zfunc/_learnpath\n  learnpath completions fish > ~/.config/fish/completions/learnpath.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), or write a page for every command into a folder.
    #[command(
        after_help = "Examples:\n  learnpath man --out ~/.local/share/man/man1\n  learnpath man | man -l -"
    )]
    Man {
        /// Write learnpath.1 and a page per subcommand (learnpath-plan.1, ...) into this folder,
        /// creating it if need be, instead of printing the main page.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },

    /// Write a starter learnpath.yaml for a curriculum folder that has none, from what learnpath
    /// detects in it (sections from folders, the fields its pages use), for you to edit.
    #[command(
        after_help = "Examples:\n  learnpath init ~/courses/web\n  learnpath init --force   # replace the learnpath.yaml of the current folder"
    )]
    Init {
        /// The curriculum folder [default: --curriculum, else the current folder].
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replace an existing learnpath.yaml.
        #[arg(long)]
        force: bool,
    },

    /// Check a curriculum: errors, warnings and counts (exit 65 when it has errors).
    #[command(
        after_help = "Examples:\n  learnpath validate\n  learnpath validate --curriculum ~/notes/course --format json"
    )]
    Validate(FormatArg),

    /// List specializations (the default), documents or roles.
    #[command(
        after_help = "Examples:\n  learnpath list\n  learnpath list docs --spec 3.1\n  learnpath list roles --format json"
    )]
    List(ListArgs),

    /// Show one document: metadata, prerequisites, what needs it, and its source link.
    #[command(
        after_help = "Examples:\n  learnpath show 01_pfc_dcb_storage\n  learnpath show 05_specialized/04_cpu_memory/01_tlb_ept_explained.md --format json"
    )]
    Show {
        /// A path, a path without .md, a unique file name or a unique end of a path.
        doc: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
pub(super) struct ListArgs {
    #[command(subcommand)]
    pub(super) what: Option<ListWhat>,
    /// Output format.
    #[arg(long, value_enum, default_value_t, global = true)]
    pub(super) format: Format,
}

#[derive(Debug, Subcommand)]
pub(super) enum ListWhat {
    /// The specializations a learner chooses 1-2 of (the default; the sections when the
    /// curriculum has no specializations).
    Specializations,
    /// Study documents, optionally of one specialization.
    Docs {
        /// Only the documents of this specialization ("3.1", its folder or a word of its title).
        #[arg(long)]
        spec: Option<String>,
    },
    /// Roles and the specializations they lead to.
    Roles,
    /// Sections: the manifest's, or for a curriculum without one, its folders of study pages.
    Sections,
}

#[derive(Debug, Subcommand)]
pub(super) enum ProfileAction {
    /// Save choices that the commands that plan fall back on, checked as their flags are.
    #[command(
        after_help = "--role replaces the saved --spec and --spec the saved --role; --skip and --busy add to what is saved; --remind replaces the saved reminders.\n\nExamples:\n  learnpath profile set --role \"storage engineer\" --hours 5\n  learnpath profile set --spec 3.3,3.4 --days mon,tue,thu --session 90min\n  learnpath profile set --at 07:30 --tz Europe/Berlin --skip 2027-02-10..2027-02-20\n  learnpath profile set --caldav https://dav.example.org/calendars/me/study/ --user me --remind 15m"
    )]
    Set(Box<ProfileSet>),
    /// Show the saved profile and where it is kept.
    Show(FormatArg),
    /// Remove a saved value: a key, or one value of spec, skip, busy or remind.
    #[command(
        after_help = "Examples:\n  learnpath profile unset hours\n  learnpath profile unset skip 2027-02-10..2027-02-20\n  learnpath profile unset busy ~/work.ics"
    )]
    Unset {
        /// What to remove.
        key: ProfileKey,
        /// One value of spec, skip, busy or remind to remove (without it, all of them).
        value: Option<String>,
    },
    /// Remove the profile file.
    Reset,
}

/// The choices `profile set` saves, checked as the flags of plan and export check them and
/// kept as typed.
#[derive(Debug, Args)]
pub(super) struct ProfileSet {
    #[command(flatten)]
    pub(super) choice: Choice,
    /// Study hours per week, e.g. 5 or 7.5.
    #[arg(long, value_parser = values::text(values::hours), allow_negative_numbers = true)]
    pub(super) hours: Option<String>,
    /// Study days, e.g. mon,wed,sat, weekdays or weekend.
    #[arg(long, value_parser = values::text(values::days))]
    pub(super) days: Option<String>,
    /// Longest sitting, e.g. 90min or 1h30m (15 min to 8 h).
    #[arg(long, value_parser = values::text(values::session), value_name = "DURATION")]
    pub(super) session: Option<String>,
    /// Local time sittings start (HH:MM), for the commands that plan.
    #[arg(long, value_parser = values::text(values::time), value_name = "HH:MM")]
    pub(super) at: Option<String>,
    /// IANA time zone of --at, e.g. Europe/Berlin, for the commands that plan.
    #[arg(long, value_parser = values::text(values::tz), value_name = "ZONE")]
    pub(super) tz: Option<String>,
    /// Plan whole documents only (as plan --whole); --whole=false fills sittings again.
    #[arg(
        long,
        value_parser = values::text(values::yes_no),
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        require_equals = true
    )]
    pub(super) whole: Option<String>,
    /// Place reviews in the sittings of every plan (as --review); --review=false plans new
    /// material only again.
    #[arg(
        long,
        value_parser = values::text(values::yes_no),
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        require_equals = true
    )]
    pub(super) review: Option<String>,
    /// The recall at which a review falls due, 0.70 to 0.97 (as --retention).
    #[arg(long, value_parser = values::text(values::retention), value_name = "R")]
    pub(super) retention: Option<String>,
    /// Minutes of each review, e.g. 10m, 1 to 60 min (as --review-minutes).
    #[arg(long, value_parser = values::text(values::review_minutes), value_name = "DURATION")]
    pub(super) review_minutes: Option<String>,
    /// First day of plans (YYYY-MM-DD).
    #[arg(long, value_parser = values::text(values::date), value_name = "DATE")]
    pub(super) start: Option<String>,
    /// Days off to add: a date or an inclusive range, 2027-02-10..2027-02-20 (repeat or
    /// separate with commas).
    #[arg(long, value_parser = values::skip, value_delimiter = ',', value_name = "DATES")]
    pub(super) skip: Vec<(NaiveDate, NaiveDate)>,
    /// A calendar (.ics) of busy times to add (repeat for more); kept as an absolute path.
    #[arg(long, value_parser = values::busy, value_name = "FILE")]
    pub(super) busy: Vec<PathBuf>,
    /// Reminders before each sitting, for export --format ics and sync, e.g. 15m (repeat for
    /// more); they replace the saved ones.
    #[arg(long, value_parser = values::text(values::remind), value_name = "DURATION")]
    pub(super) remind: Vec<String>,
    /// The CalDAV calendar collection that `learnpath sync` writes to (https, or http to this
    /// machine).
    // Checked by the command, not by clap, whose error would repeat a password in it.
    #[arg(long, value_name = "URL")]
    pub(super) caldav: Option<String>,
    /// The CalDAV user name for sync (the password comes from LEARNPATH_CALDAV_PASSWORD or
    /// ~/.netrc, never from the profile).
    #[arg(long, value_parser = values::user, value_name = "NAME")]
    pub(super) user: Option<String>,
}

/// What `profile unset` removes: a key of the profile, as clap reads it (by its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ProfileKey(pub(super) Key);

/// Every key, in the profile's order.
const PROFILE_KEYS: [ProfileKey; Key::ALL.len()] = {
    let mut keys = [ProfileKey(Key::Role); Key::ALL.len()];
    let mut at = 0;
    while at < keys.len() {
        keys[at] = ProfileKey(Key::ALL[at]);
        at += 1;
    }
    keys
};

impl ValueEnum for ProfileKey {
    fn value_variants<'a>() -> &'a [Self] {
        &PROFILE_KEYS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()))
    }
}

impl From<ProfileKey> for Key {
    fn from(key: ProfileKey) -> Key {
        key.0
    }
}
