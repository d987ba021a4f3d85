//! `report`: one self-contained HTML page of the plan and the progress. Its embedded data is
//! snapshotted (not its markup); a real browser opens it with the network blocked.

mod common;

use base64::Engine as _;
use common::{Run, browse, chromium, learnpath};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::Path;

const STORAGE: [&str; 9] = [
    "report",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-04",
];

/// The JSON the page embeds.
fn embedded(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"lp-data\">";
    let start = html.find(open).expect("the data element") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

/// The text of the first element `<tag>` (exactly that opening tag) of the page.
fn element_text<'a>(html: &'a str, open: &str) -> &'a str {
    let start = html.find(open).expect("the element") + open.len();
    let close = format!("</{}", &open[1..open.find([' ', '>']).unwrap()]);
    &html[start..start + html[start..].find(&close).unwrap()]
}

/// The page's Content-Security-Policy, as its `<meta>` says it.
fn policy(html: &str) -> &str {
    let open = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(open).expect("a policy") + open.len();
    &html[start..start + html[start..].find('"').unwrap()]
}

/// A CSP hash source of `text`.
fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A progress file with three documents done (one with its time) and a followed plan, in a
/// folder of its own; and the report made with them.
fn with_progress(dir: &Path, extra: &[&str]) -> String {
    let progress = dir.join("progress.yaml").display().to_string();
    let env = [("LEARNPATH_PROGRESS", progress.as_str())];
    let run = |args: &[&str]| Run::with_env(args, &env).code(0);
    run(&[
        "done",
        "01_the_ring0_problem",
        "--on",
        "2027-01-02",
        "--took",
        "25m",
        "--today",
        "2027-01-02",
    ]);
    run(&[
        "done",
        "01_modern_topology",
        "--on",
        "2027-01-03",
        "--today",
        "2027-01-03",
    ]);
    run(&[
        "follow",
        "--role",
        "storage engineer",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
    ]);
    run(&[
        "done",
        "02_hardware_solution",
        "--on",
        "2027-01-06",
        "--today",
        "2027-01-06",
    ]);
    let mut args = vec![
        "report",
        "--role",
        "storage engineer",
        "--hours",
        "5",
        "--start",
        "2027-01-09",
        "--today",
        "2027-01-08",
        "--skip",
        "2027-01-13",
    ];
    args.extend_from_slice(extra);
    run(&args).stdout
}

#[test]
fn report_data_snapshot() {
    let html = learnpath(&STORAGE).code(0).stdout;
    let data = embedded(&html);
    insta::assert_snapshot!(
        "report_data_storage",
        serde_json::to_string_pretty(&data).unwrap()
    );
}

#[test]
fn report_data_snapshot_with_progress_and_a_followed_plan() {
    let dir = tempfile::tempdir().unwrap();
    let data = embedded(&with_progress(dir.path(), &[]));
    assert_eq!(data["summary"]["done_documents"], 3);
    assert!(data["progress"]["baseline"]["finish"].is_string());
    assert_eq!(data["blocked"][0]["date"], "2027-01-13");
    assert!(data["forecast"]["p90"].is_string());
    insta::assert_snapshot!(
        "report_data_storage_followed",
        serde_json::to_string_pretty(&data).unwrap()
    );
}

#[test]
fn the_report_is_the_same_bytes_every_time() {
    let first = learnpath(&STORAGE).code(0).stdout;
    assert_eq!(learnpath(&STORAGE).code(0).stdout, first);
    assert!(first.starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_report_is_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.html");
    let mut args = STORAGE.to_vec();
    let file = path.display().to_string();
    args.extend(["-o", &file]);
    learnpath(&args)
        .code(0)
        // Reviews take part of each sitting: a sixth holds the last part of the new material.
        .stderr_has(&["wrote the report of 6 sittings to"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        learnpath(&STORAGE).stdout
    );
}

/// Every reference that would make a browser fetch something: none may leave the page.
#[test]
fn the_report_refers_to_nothing_outside_itself() {
    let html = learnpath(&STORAGE).code(0).stdout;
    let lower = html.to_lowercase();
    for fetching in [
        " src=",
        "<link",
        "url(http",
        "url(//",
        "@import",
        "fetch(",
        "xmlhttprequest",
        "import(",
        "<iframe",
        "<img",
        "sendbeacon",
        "websocket",
    ] {
        assert!(!lower.contains(fetching), "{fetching}");
    }
    assert!(
        html.contains("default-src 'none'"),
        "the page forbids itself requests"
    );
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
}

/// The policy lets run only the page's own script and apply only its own style, each named by
/// the SHA-256 of its exact text: no `'unsafe-inline'`, no inline `style=` or `on...=`.
#[test]
fn the_report_allows_only_its_own_script_and_style_by_hash() {
    let html = learnpath(&STORAGE).code(0).stdout;
    let policy = policy(&html);
    assert!(!policy.contains("unsafe"), "{policy}");
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(name))
            .unwrap_or_else(|| panic!("{name} in {policy}"))
            .trim()
            .to_string()
    };
    assert_eq!(
        directive("script-src "),
        hash_source(element_text(&html, "<script>"))
    );
    assert_eq!(
        directive("style-src "),
        hash_source(element_text(&html, "<style>"))
    );
    assert_eq!(directive("default-src "), "'none'");
    assert_eq!(html.matches("<script>").count(), 1, "one script that runs");
    let lower = html.to_lowercase();
    assert!(!lower.contains(" style=") && !lower.contains(" onclick="));
}

/// A manifest whose `source:` is a `javascript:` URL is an error naming its line, and no plan
/// or report is made from it.
#[test]
fn a_javascript_source_is_refused_with_its_line() {
    let manifest =
        &common::one_section_manifest("name: Notes\nsource: javascript:alert(1)//", "One");
    let folder = common::folder(&[
        (
            "one/a.md",
            "---\nestimated_time: \"30 min\"\ntitle: A\n---\n",
        ),
        ("learnpath.yaml", manifest),
    ]);
    let run = learnpath(&["validate", "--curriculum", &folder.root]);
    assert_ne!(run.code, 0);
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(
        said.contains("learnpath.yaml:2") && said.contains("is not an http or https URL"),
        "{said}"
    );
    let report = learnpath(&[
        "report",
        "--curriculum",
        &folder.root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--start",
        "2027-01-04",
    ]);
    assert_ne!(report.code, 0);
    assert!(!report.stdout.contains("javascript:"));
}

#[test]
fn the_whole_curriculum_report_stays_under_a_megabyte() {
    let html = learnpath(&[
        "report",
        "--target",
        "01_foundations,02_intermediate,04_containers,05_specialized,06_reference",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
    ])
    .code(0)
    .stdout;
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    assert!(embedded(&html)["graph"]["nodes"].as_array().unwrap().len() > 50);
}

#[test]
fn the_report_takes_the_profile_and_refuses_a_missed_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().display().to_string();
    let env = [("XDG_CONFIG_HOME", config.as_str())];
    Run::with_env(&["profile", "set", "--spec", "3.4", "--hours", "3"], &env).code(0);
    let html = Run::with_env(
        &["report", "--start", "2027-01-04", "--today", "2027-01-04"],
        &env,
    )
    .code(0)
    .stdout;
    assert!(
        embedded(&html)["selection"]
            .as_str()
            .unwrap()
            .contains("3.4")
    );
    learnpath(&[
        "report",
        "--spec",
        "3.4",
        "--by",
        "2027-01-05",
        "--start",
        "2027-01-04",
    ])
    .code(1)
    .stderr_has(&["No weekly hours are enough"]);
}

/// Opens a report in Chromium: the DOM it rendered, after checking that the script ran to
/// the end and no error or blocked request was logged.
fn rendered(chromium: &Path, html: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("plan.html");
    std::fs::write(&page, html).unwrap();
    let browsed = browse(chromium, &page, &[]);
    assert!(
        browsed.dom.contains("<div id=\"lp-ok\" hidden=\"\"></div>"),
        "the script did not finish:\n{}",
        browsed.log
    );
    for problem in [
        "Uncaught",
        "Content Security Policy",
        "ERR_NAME_NOT_RESOLVED",
        "ERR_PROXY",
    ] {
        assert!(
            !browsed.log.contains(problem),
            "{problem}:\n{}",
            browsed.log
        );
    }
    let shot = dir.path().join("shot.png");
    let flags = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1280,2400".to_string(),
    ];
    browse(chromium, &page, &flags);
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    browsed.dom
}

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_browser_shows_every_sitting_and_document_of_the_report() {
    let chromium = chromium();
    let dir = tempfile::tempdir().unwrap();
    let html = with_progress(dir.path(), &[]);
    let data = embedded(&html);
    let dom = rendered(&chromium, &html);
    let text = dom.replace("&amp;", "&");
    for session in data["sessions"].as_array().unwrap() {
        let date = session["date"].as_str().unwrap();
        assert!(
            dom.contains(&format!("data-date=\"{date}\"")),
            "{date} in the calendar"
        );
        assert!(text.contains(&format!("{} {date}", session["weekday"].as_str().unwrap())));
        for item in session["items"].as_array().unwrap() {
            let title = item["title"].as_str().unwrap();
            assert!(
                text.matches(title).count() >= 3,
                "{title}: calendar, graph, checklist"
            );
        }
    }
    for done in data["done"].as_array().unwrap() {
        let title = done["title"].as_str().unwrap();
        assert!(
            text.contains(&format!("✓ {title}")) || text.contains(title),
            "{title}"
        );
    }
    assert!(dom.contains("class=\"day today\""), "today is marked");
    assert!(
        dom.contains("class=\"day blocked\""),
        "the skipped day shows"
    );
    assert!(dom.contains("class=\"band\""), "the forecast band");
    assert!(dom.contains("class=\"baseline\""), "the followed plan");
    assert!(
        dom.contains("class=\"done-doc\""),
        "done documents are marked"
    );
    assert!(!dom.contains("<img") && !dom.contains("<iframe"));
}

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_browser_renders_the_plain_report_without_errors() {
    let chromium = chromium();
    let html = learnpath(&STORAGE).code(0).stdout;
    let dom = rendered(&chromium, &html);
    let sittings = embedded(&html)["sessions"].as_array().unwrap().len();
    assert!(sittings >= 5, "{sittings}");
    assert_eq!(dom.matches("class=\"sitting-row\"").count(), sittings);
}

/// The report of a plan whose every document is done, checked: no sitting, no forecast.
fn nothing_left_report() -> String {
    let plan = learnpath(&[
        "plan",
        "--spec",
        "3.4",
        "--hours",
        "3",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
        "--format",
        "json",
    ])
    .code(0)
    .stdout;
    let plan: Value = serde_json::from_str(&plan).unwrap();
    let paths: Vec<&str> = plan["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .map(|item| item["path"].as_str().unwrap())
        .collect();
    let done = paths.join(",");
    let html = learnpath(&[
        "report",
        "--spec",
        "3.4",
        "--hours",
        "3",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
        "--done",
        &done,
    ])
    .code(0)
    .stdout;
    let data = embedded(&html);
    assert_eq!(data["sessions"].as_array().unwrap().len(), 0);
    assert!(data["forecast"].is_null());
    html
}

#[test]
fn a_report_with_nothing_left_to_study_has_no_sitting_and_no_forecast() {
    nothing_left_report();
}

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_browser_renders_a_report_with_nothing_left_to_study() {
    let html = nothing_left_report();
    let dom = rendered(&chromium(), &html);
    assert!(dom.contains("nothing left"));
}

/// The report of a curriculum whose names and titles hold markup, checked: only the data and
/// the page's script are scripts, and the data holds the titles as they are.
fn odd_titles_report() -> String {
    let manifest = &common::one_section_manifest("name: 'Odd </script> name'", "\"<i>One</i>\"");
    let folder = common::folder(&[
        (
            "one/a.md",
            // In code, so that the tags stay in the plain-text title for the report to escape.
            "---\nestimated_time: \"30 min\"\ntitle: \"`</script><script>alert(1)</script> & <b>`\"\n---\n",
        ),
        ("learnpath.yaml", manifest),
    ]);
    let html = learnpath(&[
        "report",
        "--curriculum",
        &folder.root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
    ])
    .code(0)
    .stdout;
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the data and the page's script"
    );
    assert!(!html.contains("<b>") && !html.contains("<i>"));
    let data = embedded(&html);
    assert_eq!(
        data["sessions"][0]["items"][0]["title"],
        "</script><script>alert(1)</script> & <b>"
    );
    html
}

#[test]
fn odd_titles_cannot_break_out_of_the_report() {
    odd_titles_report();
}

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_browser_shows_odd_titles_as_text() {
    let html = odd_titles_report();
    let dom = rendered(&chromium(), &html);
    assert!(dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"));
}

/// Clicks a document of the graph from a script added to the page, and reports what the
/// page highlighted: the path from it to the targets.
const CLICK: &str = r#"<script>
const picked = document.querySelector('.lp-graph .doc[data-node="PICK"]');
picked.dispatchEvent(new MouseEvent("click", { bubbles: true }));
const on = [...document.querySelectorAll(".lp-graph .doc.on-path")].map((g) => g.dataset.node);
const edges = document.querySelectorAll(".lp-graph .edge.on-path").length;
const lit = document.querySelector(".lp-graph").classList.contains("highlighting");
const out = document.createElement("pre");
out.id = "clicked";
out.textContent = "nodes " + on.join(",") + "; edges " + edges + "; " + lit;
document.body.append(out);
</script></body>"#;

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_click_in_the_graph_highlights_the_path_to_the_targets() {
    let chromium = chromium();
    let html = learnpath(&STORAGE).code(0).stdout;
    let data = embedded(&html);
    let nodes = data["graph"]["nodes"].as_array().unwrap();
    let target = nodes.iter().position(|n| n["target"] == true).unwrap();
    // The first document with a path to the target: the target's earliest ancestor.
    let edges: Vec<(u64, u64)> = data["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e[0].as_u64().unwrap(), e[1].as_u64().unwrap()))
        .collect();
    let mut ancestors = vec![target as u64];
    while let Some(&(from, _)) = edges
        .iter()
        .find(|(from, to)| ancestors.contains(to) && !ancestors.contains(from))
    {
        ancestors.push(from);
    }
    let pick = *ancestors.iter().min().unwrap();
    assert_ne!(pick, target as u64);
    let click = CLICK.replace("PICK", &pick.to_string());
    // The policy runs only scripts it names: name the test's too.
    let added = hash_source(element_text(&click, "<script>"));
    let html = html.replacen("script-src ", &format!("script-src {added} "), 1);
    let dom = rendered(&chromium, &html.replace("</body>", &click));
    let needle = "<pre id=\"clicked\">nodes ";
    let start = dom.find(needle).expect("the click ran") + needle.len();
    let said = &dom[start..start + dom[start..].find("</pre>").unwrap()];
    let (listed, rest) = said.split_once("; edges ").unwrap();
    let listed: Vec<usize> = listed.split(',').map(|n| n.parse().unwrap()).collect();
    assert!(
        listed.contains(&(pick as usize)) && listed.contains(&target),
        "{said}"
    );
    assert!(listed.len() < nodes.len(), "only the path: {said}");
    let (edges, lit) = rest.split_once("; ").unwrap();
    assert!(
        edges.parse::<usize>().unwrap() >= listed.len() - 1,
        "{said}"
    );
    assert_eq!(lit, "true");
}

/// A report with `done --minutes 10m` recorded for a whole document of the first sitting: its
/// HTML, the document's path and its whole minutes.
fn partly_done_report() -> (String, String, u64) {
    let plain = embedded(&learnpath(&STORAGE).code(0).stdout);
    let item = plain["sessions"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["part"].is_null())
        .expect("a whole document in the first sitting")
        .clone();
    assert!(item.get("partly").is_none(), "no partial progress: {item}");
    let path = item["path"].as_str().unwrap().to_string();
    let whole = item["minutes"].as_u64().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.yaml").display().to_string();
    let env = [("LEARNPATH_PROGRESS", progress.as_str())];
    let args = ["done", &path, "--minutes", "10m", "--today", "2027-01-03"];
    Run::with_env(&args, &env).code(0);
    let html = Run::with_env(&STORAGE, &env).code(0).stdout;
    (html, path, whole)
}

#[test]
fn a_partly_done_document_carries_how_much_of_it_is_done() {
    let (html, path, whole) = partly_done_report();
    let data = embedded(&html);
    let items: Vec<&Value> = data["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        // Its new material; a review of it comes after it is studied, and is whole.
        .filter(|item| item["path"] == path.as_str() && item["review"] != true)
        .collect();
    assert!(!items.is_empty(), "{path} is still planned");
    for item in &items {
        assert_eq!(
            item["partly"],
            serde_json::json!({"done_minutes": 10, "document_minutes": whole}),
            "{item}"
        );
    }
}

#[test]
#[ignore = "needs chromium (installed by .ci/run)"]
fn a_browser_shows_how_much_of_a_partly_done_document_is_done() {
    let (html, _, whole) = partly_done_report();
    let dom = rendered(&chromium(), &html);
    let words = if whole < 60 {
        format!("10 of {whole} min done")
    } else {
        let (h, m) = (whole / 60, whole % 60);
        let whole = if m == 0 {
            format!("{h} h")
        } else {
            format!("{h} h {m} min")
        };
        format!("10 min of {whole} done")
    };
    assert!(dom.contains(&words), "the checklist says {words:?}");
}

/// A report made with reviews: a course of two pages, the first (with a hostile title) done
/// a week before the plan starts.
fn reviewed_report() -> String {
    let manifest = &common::one_section_manifest("name: Reviewed", "One");
    let folder = common::folder(&[
        (
            "one/a.md",
            "---\nestimated_time: \"30 min\"\ntitle: \"`</script><b>A</b> [x](javascript:alert(1))`\"\n---\n",
        ),
        (
            "one/b.md",
            "---\nestimated_time: \"30 min\"\ntitle: B\n---\n",
        ),
        ("learnpath.yaml", manifest),
        (
            "progress.yaml",
            "schema_version: 3\ndone:\n- path: one/a.md\n  date: 2026-12-28\n",
        ),
    ]);
    let progress = format!("{}/progress.yaml", folder.root);
    let args = [
        "report",
        "--curriculum",
        &folder.root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-04",
        "--review",
    ];
    Run::with_env(&args, &[("LEARNPATH_PROGRESS", &progress)])
        .code(0)
        .stdout
}

/// The report's timeline holds a sitting's reviews, marked as reviews, their titles as text
/// like every other: a hostile title adds no element; the burn-up counts documents, not
/// reviews.
#[test]
fn reviews_are_in_the_timeline_as_text() {
    let html = reviewed_report();
    assert_eq!(
        html.matches("<script").count(),
        2,
        "no script but the page's"
    );
    assert!(!html.contains("<b>"), "no markup from a title");
    let data = embedded(&html);
    let items = data["sessions"][0]["items"].as_array().unwrap();
    assert_eq!(items[0]["review"], true, "{items:?}");
    assert_eq!(
        items[0]["title"],
        "</script><b>A</b> [x](javascript:alert(1))"
    );
    assert!(
        items[1].get("review").is_none(),
        "new material is not a review"
    );
    assert_eq!(items[1]["title"], "B");
    assert_eq!(data["summary"]["reviews"], 1);
    let review_minutes = data["summary"]["review_minutes"].as_u64().unwrap();
    assert!(review_minutes >= 5, "{review_minutes}");
    // Done (30 min) and planned (30 min): the reviews' minutes are not documents studied.
    assert_eq!(data["progress"]["total_minutes"], 60);
}
