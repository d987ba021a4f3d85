//! The library on its own: the embedded curriculum, the manifest, and the loader on fixtures.

use learnpath::curriculum::{Source, load};
use learnpath::{Severity, open, validate::validate};
use std::path::PathBuf;

fn fixture(name: &str) -> Source {
    Source::Dir(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}

#[test]
fn embedded_curriculum_has_65_study_documents_and_no_cycle() {
    let opened = open(&Source::Embedded).expect("the embedded curriculum loads");
    assert_eq!(opened.curriculum.docs.len(), 65);
    assert_eq!(opened.graph.len(), 65);
    let paths: Vec<&str> = opened
        .curriculum
        .docs
        .iter()
        .map(|d| d.path.as_str())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "documents load in path order");
}

#[test]
fn part_3_section_totals_match_the_catalog() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    let totals: Vec<(String, u32)> = (0..curriculum.specializations.len())
        .map(|spec| {
            let section = curriculum.specializations[spec].section;
            (
                curriculum.section(section).id.clone(),
                curriculum.section_minutes(section),
            )
        })
        .collect();
    let expected = [
        ("3.1", 55),
        ("3.2", 350),
        ("3.3", 200),
        ("3.4", 140),
        ("3.5", 160),
    ];
    let expected: Vec<(String, u32)> = expected
        .iter()
        .map(|(id, m)| (id.to_string(), *m))
        .collect();
    assert_eq!(totals, expected);
}

#[test]
fn every_document_has_a_title_and_a_summary() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    for doc in &curriculum.docs {
        let stem = learnpath::curriculum::page::file_stem(&doc.path);
        assert!(
            !doc.title.is_empty() && doc.title != stem,
            "{}: no heading",
            doc.path
        );
    }
    // The summaries are our own words: 2-4 sentences after the heading of each file.
    for entry in walk(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("curriculum")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        let body = text.rsplit("---\n").next().unwrap();
        let summary: String = body
            .lines()
            .skip_while(|l| !l.starts_with("# "))
            .skip(1)
            .collect();
        let sentences =
            summary.matches(". ").count() + usize::from(summary.trim_end().ends_with('.'));
        assert!(
            (2..=4).contains(&sentences),
            "{}: {sentences} sentences",
            entry.display()
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    found
}

/// The "When to specialize" phrases and the start page's learning paths of the curriculum,
/// with the specialization each must lead to.
#[test]
fn every_audience_phrase_resolves_to_a_role_of_its_specialization() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    let cases = [
        ("Storage engineers", "3.1"),
        ("distributed systems", "3.1"),
        ("SDN engineers", "3.2"),
        ("Kubernetes networking", "3.2"),
        ("Serverless platforms", "3.3"),
        ("AWS Lambda understanding", "3.3"),
        ("Performance tuning", "3.4"),
        ("low-level optimization", "3.4"),
        ("Kernel development", "3.5"),
        ("legacy support", "3.5"),
        ("Container Platform Engineer", "3.2"),
        ("Virtualization Engineer", "3.4"),
        ("Network Engineer", "3.2"),
        ("Storage Engineer", "3.1"),
        ("Full Stack Platform Engineer", "3.2"),
    ];
    for (phrase, spec) in cases {
        let role = curriculum
            .find_role(phrase)
            .unwrap_or_else(|e| panic!("{phrase}: {e}"));
        let specs: Vec<&str> = curriculum
            .role(role)
            .specializations
            .iter()
            .map(|&s| curriculum.specialization_section(s).id.as_str())
            .collect();
        assert!(
            specs.contains(&spec),
            "{phrase} leads to {specs:?}, not {spec}"
        );
        assert!((1..=2).contains(&specs.len()), "{phrase}: {specs:?}");
    }
    // The start page's virtualization path: 3.4 then 3.3.
    let role = curriculum.find_role("virtualization engineers").unwrap();
    let specs: Vec<&str> = curriculum
        .role(role)
        .specializations
        .iter()
        .map(|&s| curriculum.specialization_section(s).id.as_str())
        .collect();
    assert_eq!(specs, ["3.4", "3.3"]);
}

#[test]
fn unknown_role_suggests_the_closest() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    let error = curriculum.find_role("storge").unwrap_err().to_string();
    assert!(error.contains("did you mean 'storage engineer'"), "{error}");
}

#[test]
fn specializations_are_found_by_id_folder_or_title_word() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    for name in [
        "3.2",
        "05_specialized/02_overlay_networking",
        "02_overlay_networking",
        "overlay",
        "Overlay Networking",
    ] {
        let spec = curriculum
            .find_specialization(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(curriculum.specialization_section(spec).id, "3.2", "{name}");
    }
    let error = curriculum
        .find_specialization("3.9")
        .unwrap_err()
        .to_string();
    assert!(error.contains("3.1 Storage & RDMA Applications"), "{error}");
}

#[test]
fn documents_are_found_by_path_stem_or_suffix() {
    let curriculum = open(&Source::Embedded).unwrap().curriculum;
    let want = "05_specialized/01_storage/01_pfc_dcb_storage.md";
    for name in [
        want,
        "05_specialized/01_storage/01_pfc_dcb_storage",
        "01_pfc_dcb_storage",
        "01_storage/01_pfc_dcb_storage.md",
    ] {
        let id = curriculum
            .find_doc(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(curriculum.doc(id).path, want);
    }
    let by_suffix = curriculum
        .find_doc("01_fundamentals/01_cgroups_namespaces")
        .unwrap();
    assert_eq!(
        curriculum.doc(by_suffix).path,
        "04_containers/01_fundamentals/01_cgroups_namespaces.md"
    );
    let error = curriculum
        .find_doc("01_rdma_fundamentalz")
        .unwrap_err()
        .to_string();
    assert!(error.contains("01_rdma_fundamentals"), "{error}");
}

#[test]
fn ambiguous_document_lists_its_candidates() {
    let curriculum = open(&fixture("ambiguous")).unwrap().curriculum;
    let error = curriculum.find_doc("01_intro").unwrap_err().to_string();
    assert!(error.contains("ambiguous"), "{error}");
    assert!(
        error.contains("part_a/01_intro.md") && error.contains("part_b/01_intro.md"),
        "{error}"
    );
    let id = curriculum.find_doc("part_b/01_intro").unwrap();
    assert_eq!(curriculum.doc(id).path, "part_b/01_intro.md");
}

#[test]
fn messy_folder_loads_with_index_and_reference_pages_counted() {
    let report = validate(&fixture("messy")).unwrap();
    assert!(report.ok, "{:?}", report.errors);
    assert_eq!(report.counts.documents, 3);
    assert_eq!(report.counts.index_pages, 2);
    assert_eq!(report.counts.reference_pages, 1);
    assert_eq!(report.index_pages, ["README.md", "basics/index.md"]);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("reference page")
                && w.file.as_deref().unwrap().ends_with("resources/links.md"))
    );
    let curriculum = load(&fixture("messy")).unwrap().curriculum;
    let titles: Vec<&str> = curriculum.docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Intro", "Windows line endings", "Starts with a BOM"]
    );
    // CRLF and BOM files keep their prerequisites.
    assert_eq!(curriculum.docs[2].prerequisites.len(), 1);
    assert_eq!(curriculum.docs[1].prerequisites.len(), 1);
}

#[test]
fn a_folder_without_manifest_borrows_the_embedded_sections_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let embedded = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("curriculum");
    for folder in [
        "01_foundations/02_datacenter_topology",
        "05_specialized/01_storage",
    ] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for file in std::fs::read_dir(embedded.join(folder)).unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), dir.path().join(folder).join(file.file_name())).unwrap();
        }
    }
    let loaded = load(&Source::Dir(dir.path().to_path_buf())).unwrap();
    let curriculum = &loaded.curriculum;
    let sections: Vec<&str> = curriculum.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["1.2", "3.1"]);
    assert_eq!(curriculum.specializations.len(), 1);
    assert_eq!(curriculum.name, "Datacenter Infrastructure Curriculum");
    // 3.1 requires RDMA documents that are not in this folder: precise errors, no panic.
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0]
            .message
            .contains("02_intermediate/02_rdma/03_converged_ethernet.md")
    );
}
