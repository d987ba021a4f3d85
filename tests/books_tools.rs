//! The fixture courses of issue 24 (tests/fixtures/books/NAME, what a loader must make of each
//! in NAME.expected.yaml), checked against the formats' own tools, so that the expected files say
//! what the tools themselves do: `mdbook build`, `mkdocs build` and `jupyter-book build` build
//! each fixture (copied to a scratch folder) and the order, titles, sections and parts of the
//! expected file must be those of the sidebar or navigation the tool wrote. Those tests are
//! `#[ignore]`d: .ci/run installs the tools and runs them with `--include-ignored`, where a
//! missing tool fails them. Without a tool of their own (the Hugging Face doc-builder, Docusaurus,
//! numbered folders, Hugo), the fixtures are checked against their own files here instead.

mod common;

use common::books::{Entry, Expected};

use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &[&str] = &[
    "mdbook",
    "jupyter-book",
    "hf-course",
    "mkdocs",
    "mkdocs-content",
    "docusaurus",
    "numbered",
    "hugo",
];

fn books() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/books")
}

fn expected(name: &str) -> Expected {
    let file = books().join(format!("{name}.expected.yaml"));
    let text = std::fs::read_to_string(&file).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", file.display()))
}

/// The tool `variable` names (as .ci/run exports it), else `name` on the PATH; a failure when
/// it does not run.
fn tool(variable: &str, name: &str) -> PathBuf {
    let Some(path) = std::env::var_os(variable) else {
        return common::program(&[name], &["--version"]);
    };
    let runs = Command::new(&path)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(runs, "{variable}={} does not run", path.to_string_lossy());
    PathBuf::from(path)
}

/// Runs a build; a failure, with what it printed, unless it succeeds.
fn build(command: &mut Command) {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A copy of the fixture `name` in a scratch folder (the tools write beside their sources).
fn scratch_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&books().join(name), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every page-like file under `dir` (Markdown, MDX, notebooks), relative to `root`, sorted.
fn page_files(root: &Path, dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(page_files(root, &path));
        } else if path
            .extension()
            .is_some_and(|ext| ext == "md" || ext == "mdx" || ext == "ipynb")
        {
            let relative = path.strip_prefix(root).unwrap();
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    found.sort();
    found
}

/// Every path the expected file names, each once.
fn named_paths(expected: &Expected) -> Vec<String> {
    let mut paths: Vec<String> = expected.order.iter().map(|e| e.path.clone()).collect();
    paths.extend(expected.not_pages.iter().cloned());
    paths.extend(expected.exercises.values().flatten().cloned());
    paths.extend(expected.project.iter().cloned());
    paths.extend(expected.plan_for_project.iter().map(|r| r.path.clone()));
    paths.extend(expected.hubs.iter().cloned());
    paths.extend(expected.not_in_plan.iter().cloned());
    paths
}

#[test]
fn every_page_of_every_fixture_is_accounted_for_once() {
    for name in FIXTURES {
        let expected = expected(name);
        let root = books().join(name);
        let mut named = named_paths(&expected);
        let count = named.len();
        named.sort();
        named.dedup();
        assert_eq!(named.len(), count, "{name}: a path is named twice");
        assert_eq!(named, page_files(&root, &root), "{name}");
        for (lesson, tasks) in &expected.exercises {
            assert!(expected.order.iter().any(|e| &e.path == lesson), "{lesson}");
            for task in tasks {
                let solution = task.replace("task.md", "solution.md");
                assert!(expected.not_pages.contains(&solution), "{solution}");
            }
        }
        for book in &expected.nested_books {
            assert!(root.join(book).join("book.toml").is_file(), "{book}");
        }
        assert!(!expected.kind.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// The built HTML, read as a flat list of tags and texts (enough for the sidebars the tools write).

#[derive(Debug)]
enum Token {
    /// A tag's inside, without `<` and `>`: `a href="x.html"`, `/a`.
    Tag(String),
    Text(String),
}

fn tokens(html: &str) -> Vec<Token> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if !rest[..open].trim().is_empty() {
            found.push(Token::Text(unescape(rest[..open].trim())));
        }
        let close = rest[open..].find('>').map_or(rest.len(), |at| open + at);
        found.push(Token::Tag(rest[open + 1..close].trim().to_string()));
        rest = &rest[(close + 1).min(rest.len())..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value of `attribute` in a tag's inside (`href` in `a href="x.html" class="y"`).
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {attribute}=\""))? + attribute.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The tag's name: `a` for `a href="x"`, `/ol` for `/ol`.
fn name(tag: &str) -> &str {
    tag.split_whitespace().next().unwrap_or_default()
}

/// The text from `tokens[start]` up to the first `close` tag, leaving out what is inside a
/// `strong` (mdBook's chapter numbers); and the index of that close tag.
fn text_until(tokens: &[Token], start: usize, close: &str) -> (String, usize) {
    let mut words = Vec::new();
    let mut in_strong = false;
    for (at, token) in tokens.iter().enumerate().skip(start) {
        match token {
            Token::Tag(tag) if name(tag) == close => return (words.join(" "), at),
            Token::Tag(tag) => match name(tag) {
                "strong" => in_strong = true,
                "/strong" => in_strong = false,
                _ => {}
            },
            Token::Text(text) if !in_strong => words.push(text.clone()),
            Token::Text(_) => {}
        }
    }
    panic!("no <{close}> after token {start}");
}

/// The part of `html` from the first `from` up to the next `to` after it.
fn region<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let end = html[start..].find(to).map_or(html.len(), |at| start + at);
    &html[start..end]
}

/// The source file a page `stem` (a path without extension) of `dir` was built from: the first
/// of `extensions` that exists, relative to `root`.
fn source(root: &Path, dir: &str, stem: &str, extensions: &[&str]) -> String {
    let base = if dir.is_empty() {
        stem.to_string()
    } else {
        format!("{dir}/{stem}")
    };
    for extension in extensions {
        let path = format!("{base}.{extension}");
        if root.join(&path).is_file() {
            return path;
        }
    }
    panic!("no source for {base} in {}", root.display());
}

// ---------------------------------------------------------------------------------------------
// mdBook

/// mdBook's sidebar (`toc.html` since mdBook 0.4.41, else the sidebar of `index.html`): the
/// chapters in order, each with its SUMMARY.md title, its top-level chapter and its part
/// (numbered chapters only: prefix and suffix chapters carry no number and belong to no part);
/// and the draft chapters (no link).
fn mdbook_sidebar(root: &Path, src: &str, out: &Path) -> (Vec<Entry>, Vec<String>) {
    let file = [out.join("toc.html"), out.join("index.html")]
        .into_iter()
        .find(|path| path.is_file())
        .unwrap();
    let html = std::fs::read_to_string(file).unwrap();
    let tokens = tokens(region(&html, "<ol class=\"chapter\">", "</nav>"));
    let (mut entries, mut drafts) = (Vec::new(), Vec::new());
    let (mut depth, mut part, mut section) = (0, String::new(), String::new());
    for (at, token) in tokens.iter().enumerate() {
        let Token::Tag(tag) = token else { continue };
        let numbered = matches!(tokens.get(at + 1), Some(Token::Tag(t)) if name(t) == "strong");
        match name(tag) {
            "ol" => depth += 1,
            "/ol" => depth -= 1,
            "li" if attribute(tag, "class") == Some("part-title") => {
                part = text_until(&tokens, at + 1, "/li").0;
            }
            "a" => {
                let title = text_until(&tokens, at + 1, "/a").0;
                if depth == 1 {
                    section.clone_from(&title);
                }
                let href = attribute(tag, "href").unwrap();
                let stem = href.trim_end_matches(".html");
                let path = match stem {
                    "index" => source(root, src, "README", &["md"]),
                    _ => source(root, src, stem, &["md"]),
                };
                let part = if numbered {
                    part.clone()
                } else {
                    String::new()
                };
                let section = section.clone();
                entries.push(Entry {
                    path,
                    title,
                    section,
                    part,
                });
            }
            // A draft: no link, its title in a bare <span> (a <div> before mdBook 0.4.41).
            "span" | "div" if !tag.contains(' ') => {
                let close = format!("/{tag}");
                drafts.push(text_until(&tokens, at + 1, &close).0);
            }
            _ => {}
        }
    }
    (entries, drafts)
}

#[test]
#[ignore = "needs mdbook (.ci/run installs it)"]
fn mdbook_builds_the_book_in_the_expected_order() {
    let mdbook = tool("LEARNPATH_TEST_MDBOOK", "mdbook");
    let expected = expected("mdbook");
    let copy = scratch_copy("mdbook");
    let out = tempfile::tempdir().unwrap();
    build(
        Command::new(&mdbook)
            .arg("build")
            .arg("-d")
            .arg(out.path())
            .arg(copy.path()),
    );
    let (entries, drafts) = mdbook_sidebar(copy.path(), "src", out.path());
    assert_eq!(entries, expected.order);
    assert_eq!(drafts, expected.drafts);
    // The include was read (it is relative to the page), and a file in src/ that SUMMARY.md
    // does not list was not rendered.
    let server = std::fs::read_to_string(out.path().join("server.html")).unwrap();
    assert!(server.contains("TcpListener::bind"), "{server}");
    assert!(!out.path().join("scratch.html").exists());
    let print = std::fs::read_to_string(out.path().join("print.html")).unwrap();
    for absent in ["Scratch notes", "first draft", "Setting Up the Lab"] {
        assert!(!print.contains(absent), "{absent}");
    }
    // The nested book is a book of its own, which mdBook builds apart.
    for book in &expected.nested_books {
        let nested_out = tempfile::tempdir().unwrap();
        build(
            Command::new(&mdbook)
                .arg("build")
                .arg("-d")
                .arg(nested_out.path())
                .arg(copy.path().join(book)),
        );
        let nested_root = copy.path().join(book);
        let (nested, _) = mdbook_sidebar(&nested_root, "src", nested_out.path());
        assert_eq!(nested.len(), 1, "{nested:?}");
        assert!(!out.path().join(book).exists());
    }
}

// ---------------------------------------------------------------------------------------------
// MkDocs

/// The main navigation of MkDocs's default theme in the built `index.html`: the pages in order,
/// each with its nav title and its top-level nav entry; and the external links.
fn mkdocs_nav(root: &Path, docs_dir: &str, out: &Path) -> (Vec<Entry>, Vec<String>) {
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let tokens = tokens(region(&html, "<!-- Main navigation -->", "ms-md-auto"));
    let (mut entries, mut external) = (Vec::new(), Vec::new());
    let mut section = String::new();
    for (at, token) in tokens.iter().enumerate() {
        let Token::Tag(tag) = token else { continue };
        if name(tag) != "a" {
            continue;
        }
        let title = text_until(&tokens, at + 1, "/a").0;
        let class = attribute(tag, "class").unwrap_or_default();
        let href = attribute(tag, "href").unwrap();
        if class.contains("dropdown-toggle") {
            section = title;
            continue;
        }
        if href == "#" {
            continue; // a nested section's heading
        }
        if href.starts_with("http") {
            external.push(title);
            continue;
        }
        if class.contains("nav-link") {
            section.clone_from(&title);
        }
        let stem = match href.trim_end_matches('/') {
            "." => "index",
            stem => stem,
        };
        let path = source(root, docs_dir, stem, &["md"]);
        let section = section.clone();
        let part = String::new();
        entries.push(Entry {
            path,
            title,
            section,
            part,
        });
    }
    (entries, external)
}

/// The `docs_dir` of the site at `root` (MkDocs's default: `docs`).
fn docs_dir(root: &Path) -> String {
    let config = std::fs::read_to_string(root.join("mkdocs.yml")).unwrap();
    let config: serde_yaml::Value = serde_yaml::from_str(&config).unwrap();
    config["docs_dir"].as_str().unwrap_or("docs").to_string()
}

#[test]
#[ignore = "needs mkdocs (.ci/run installs it)"]
fn mkdocs_builds_the_sites_in_the_expected_order() {
    let mkdocs = tool("LEARNPATH_TEST_MKDOCS", "mkdocs");
    for name in ["mkdocs", "mkdocs-content"] {
        let expected = expected(name);
        let copy = scratch_copy(name);
        let out = tempfile::tempdir().unwrap();
        // --strict: a nav entry or a link that names no page fails the build.
        build(
            Command::new(&mkdocs)
                .args(["build", "--strict", "--site-dir"])
                .arg(out.path())
                .current_dir(copy.path()),
        );
        let docs_dir = docs_dir(copy.path());
        let (entries, external) = mkdocs_nav(copy.path(), &docs_dir, out.path());
        assert_eq!(entries, expected.order, "{name}");
        // Under docs_dir but not in nav: built all the same, never in the navigation.
        for page in &expected.not_pages {
            let Some(inside) = page.strip_prefix(&format!("{docs_dir}/")) else {
                continue;
            };
            let built = out.path().join(inside.trim_end_matches(".md"));
            assert!(built.join("index.html").is_file(), "{name}: {page}");
            assert!(!entries.iter().any(|e| &e.path == page), "{name}: {page}");
        }
        if name == "mkdocs" {
            assert_eq!(external, ["Further reading"]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Jupyter Book

/// The sidebar of the built root page: its pages in order, each with its title, its chapter
/// (a `toctree-l1` entry) and its part (the caption above it).
fn jupyter_book_sidebar(root: &Path, root_page: &str, html: &str) -> Vec<Entry> {
    let tokens = tokens(region(html, "bd-docs-nav", "</nav>"));
    let mut entries = Vec::new();
    let (mut level, mut part, mut section) = (1, String::new(), String::new());
    for (at, token) in tokens.iter().enumerate() {
        let Token::Tag(tag) = token else { continue };
        let class = attribute(tag, "class").unwrap_or_default();
        match name(tag) {
            "span" if class == "caption-text" => part = text_until(&tokens, at + 1, "/span").0,
            "li" if class.starts_with("toctree-l") => {
                level = if class.starts_with("toctree-l1") {
                    1
                } else {
                    2
                };
            }
            "a" if class.contains("reference internal") => {
                let title = text_until(&tokens, at + 1, "/a").0;
                if level == 1 {
                    section.clone_from(&title);
                }
                let stem = match attribute(tag, "href").unwrap() {
                    "#" => root_page,
                    href => href.trim_end_matches(".html"),
                };
                let path = source(root, "", stem, &["md", "ipynb"]);
                let (section, part) = (section.clone(), part.clone());
                entries.push(Entry {
                    path,
                    title,
                    section,
                    part,
                });
            }
            _ => {}
        }
    }
    entries
}

#[test]
#[ignore = "needs jupyter-book 1.x (.ci/run installs it)"]
fn jupyter_book_builds_the_book_in_the_expected_order() {
    let jupyter_book = tool("LEARNPATH_TEST_JUPYTER_BOOK", "jupyter-book");
    let expected = expected("jupyter-book");
    let copy = scratch_copy("jupyter-book");
    let out = tempfile::tempdir().unwrap();
    // -W: a warning (a page the table names that does not exist, a bad role) fails the build.
    build(
        Command::new(&jupyter_book)
            .arg("build")
            .arg(copy.path())
            .args(["-W", "-n", "--keep-going", "--path-output"])
            .arg(out.path()),
    );
    let html_dir = out.path().join("_build/html");
    let toc = std::fs::read_to_string(copy.path().join("_toc.yml")).unwrap();
    let toc: serde_yaml::Value = serde_yaml::from_str(&toc).unwrap();
    let root_page = toc["root"].as_str().unwrap();
    let html = std::fs::read_to_string(html_dir.join(format!("{root_page}.html"))).unwrap();
    assert_eq!(
        jupyter_book_sidebar(copy.path(), root_page, &html),
        expected.order
    );
    for page in &expected.not_pages {
        let built = html_dir.join(page.replace(".md", ".html"));
        assert!(!built.exists(), "{page}");
    }
    // The {index} heading shows its text; the {literalinclude} was read.
    let classes = std::fs::read_to_string(html_dir.join("objects/classes.html")).unwrap();
    assert!(!classes.contains("{index}"));
    assert!(classes.contains("Rectangle"));
}

// ---------------------------------------------------------------------------------------------
// The formats without a tool here: checked against their own files.

/// A page's YAML frontmatter (Null when it has none).
fn frontmatter(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let Some(rest) = text.strip_prefix("---\n") else {
        return serde_yaml::Value::Null;
    };
    let end = rest.find("\n---\n").unwrap();
    serde_yaml::from_str(&rest[..end]).unwrap()
}

#[derive(Deserialize)]
struct TocChapter {
    title: String,
    sections: Vec<TocSection>,
}

#[derive(Deserialize)]
struct TocSection {
    local: String,
    title: String,
}

#[test]
fn the_hf_course_order_is_its_toctree() {
    let root = books().join("hf-course");
    let toc = std::fs::read_to_string(root.join("chapters/en/_toctree.yml")).unwrap();
    let toc: Vec<TocChapter> = serde_yaml::from_str(&toc).unwrap();
    let mut entries = Vec::new();
    for chapter in &toc {
        for page in &chapter.sections {
            entries.push(Entry {
                path: source(&root, "chapters/en", &page.local, &["md", "mdx"]),
                title: page.title.clone(),
                section: chapter.title.clone(),
                part: String::new(),
            });
        }
    }
    assert_eq!(entries, expected("hf-course").order);
}

/// A path's sort key in a numbered tutorial: each part's number prefix as a number (a folder's
/// index.md first), then the rest of its name.
fn numbered_key(path: &str) -> Vec<(u64, String)> {
    path.split('/')
        .map(|part| {
            if part == "index.md" {
                return (0, String::new());
            }
            let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
            let number = digits.parse().unwrap_or(u64::MAX);
            (number, part[digits.len()..].to_string())
        })
        .collect()
}

fn words(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .split_whitespace()
        .count()
}

#[test]
fn the_numbered_order_compares_numbers_as_numbers() {
    let root = books().join("numbered");
    let expected = expected("numbered");
    let paths: Vec<&str> = expected.order.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.is_sorted_by_key(|path| numbered_key(path)),
        "{paths:#?}"
    );
    // Sorted as text, 10-ifelse would come before 2-structure: the fixture tells them apart.
    assert!(!paths.is_sorted());
    for entry in &expected.order {
        assert!(!entry.path.ends_with("index.md") || words(&root.join(&entry.path)) > 200);
    }
    for page in expected
        .not_pages
        .iter()
        .filter(|p| p.ends_with("index.md"))
    {
        assert!(words(&root.join(page)) < 25, "{page}: a short intro");
    }
}

/// A Docusaurus sidebar's sort key for a page under docs/: for each folder, its
/// `_category_.json`/`_category_.yml` position, and for the page its `sidebar_position` (none:
/// after every item with one), then the number prefix of its name.
fn docusaurus_key(docs: &Path, page: &str) -> Vec<(u64, u64, String)> {
    let mut key = Vec::new();
    let mut at = docs.to_path_buf();
    for part in page.split('/') {
        at.push(part);
        let position = if at.is_dir() {
            let json = std::fs::read_to_string(at.join("_category_.json")).ok();
            let yml = std::fs::read_to_string(at.join("_category_.yml")).ok();
            let category: serde_yaml::Value =
                json.or(yml).map_or(serde_yaml::Value::Null, |text| {
                    serde_yaml::from_str(&text).unwrap()
                });
            category["position"].as_u64()
        } else {
            frontmatter(&at)["sidebar_position"].as_u64()
        };
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        let number = digits.parse().unwrap_or(u64::MAX);
        key.push((position.unwrap_or(u64::MAX), number, part.to_string()));
    }
    key
}

#[test]
fn the_docusaurus_order_follows_positions_and_categories() {
    let docs = books().join("docusaurus/docs");
    let expected = expected("docusaurus");
    let paths: Vec<&str> = expected
        .order
        .iter()
        .map(|e| e.path.strip_prefix("docs/").unwrap())
        .collect();
    assert!(
        paths.is_sorted_by_key(|page| docusaurus_key(&docs, page)),
        "{paths:#?}"
    );
    assert!(!paths.is_sorted(), "file names alone would give this order");
    let filtering = frontmatter(&docs.join("querying/filtering.md"));
    assert_eq!(filtering["sidebar_label"].as_str(), Some("Filtering"));
}

/// The page a Hugo prerequisite names (`topics/js-dom/`, `content/topics/js-basics`).
fn hugo_page(root: &Path, link: &str) -> String {
    let name = link.trim_start_matches('/').trim_start_matches("content/");
    let name = name.trim_end_matches('/');
    [
        format!("content/{name}/_index.md"),
        format!("content/{name}.md"),
    ]
    .into_iter()
    .find(|path| root.join(path).is_file())
    .unwrap_or_else(|| panic!("{link} names no page"))
}

/// The pages a Hugo page's `prerequisites` lists under `kind` (hard or soft).
fn hugo_links(root: &Path, page: &str, kind: &str) -> Vec<String> {
    let links = frontmatter(&root.join(page))["prerequisites"][kind].clone();
    let links: Vec<String> = serde_yaml::from_value(links).unwrap_or_default();
    links.iter().map(|link| hugo_page(root, link)).collect()
}

#[test]
fn the_hugo_project_requires_what_the_expected_file_plans() {
    let root = books().join("hugo");
    let expected = expected("hugo");
    let project = expected.project.clone().unwrap();
    assert_eq!(hugo_links(&root, &project, "hard").len(), 10);
    let mut required = BTreeSet::new();
    let mut todo = vec![project.clone()];
    while let Some(page) = todo.pop() {
        for link in hugo_links(&root, &page, "hard") {
            if required.insert(link.clone()) {
                todo.push(link);
            }
        }
    }
    let planned: Vec<&str> = expected
        .plan_for_project
        .iter()
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(
        planned.iter().copied().collect::<BTreeSet<_>>(),
        required.iter().map(String::as_str).collect()
    );
    for (at, page) in expected.plan_for_project.iter().enumerate() {
        for link in hugo_links(&root, &page.path, "hard") {
            assert!(
                planned[..at].contains(&link.as_str()),
                "{} before {}",
                link,
                page.path
            );
        }
        let frontmatter = frontmatter(&root.join(&page.path));
        assert_eq!(frontmatter["title"].as_str(), Some(page.title.as_str()));
        let given = frontmatter["duration"].is_string();
        assert_eq!(
            page.time,
            if given { "given" } else { "estimated" },
            "{}",
            page.path
        );
    }
    let soft = hugo_links(&root, &project, "soft");
    for page in &expected.not_in_plan {
        assert!(soft.contains(page) && !required.contains(page), "{page}");
    }
    for hub in &expected.hubs {
        let text = std::fs::read_to_string(root.join(hub)).unwrap();
        let body = text.rsplit("---\n").next().unwrap();
        assert!(
            body.lines()
                .all(|line| line.is_empty() || line.starts_with("- [")),
            "{hub}"
        );
    }
}
