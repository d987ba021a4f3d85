use super::*;

fn scalar_text(value: &str) -> Value {
    Value::Text(value.to_string())
}

#[test]
fn nodes_keep_their_lines_and_scalars_as_written() {
    let document = parse("a: 01\nb:\n  - x: true\n    y: ~\n  - 'null'\nc: [d, {e: f}]\n").unwrap();
    assert_eq!(document.line, 1);
    assert_eq!(document.get("a").unwrap().value, scalar_text("01"));
    let items = document.get("b").unwrap().items().unwrap();
    assert_eq!((items[0].line, items[1].line), (3, 5));
    assert!(items[0].get("x").unwrap().is_true());
    assert_eq!(items[0].get("y").unwrap().value, Value::Null);
    assert_eq!(items[0].field("y"), None);
    assert_eq!(items[1].value, scalar_text("null"));
    let flow = document.get("c").unwrap().items().unwrap();
    assert_eq!(flow[1].get("e").unwrap().value, scalar_text("f"));
    assert_eq!(flow[1].line, 6);
}

#[test]
fn tags_are_kept_and_do_not_fail_the_read() {
    let text = "emoji: !!python/name:material.extensions.emoji.twemoji\nsocial: !ENV [CI, false]\nmode: !relative $config_dir\n";
    let document = parse(text).unwrap();
    let emoji = document.get("emoji").unwrap();
    assert_eq!(
        emoji.tag.as_deref(),
        Some("tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji")
    );
    let social = document.get("social").unwrap();
    assert_eq!(social.tag.as_deref(), Some("!ENV"));
    assert_eq!(social.items().unwrap()[1].value, scalar_text("false"));
    assert_eq!(
        document.get("mode").unwrap().value,
        scalar_text("$config_dir")
    );
}

#[test]
fn a_repeated_key_reads_as_its_last_value_and_aliases_are_not_followed() {
    let document = parse("a: &x 1\na: 2\nb: *x\n? [c]\n: d\n").unwrap();
    assert_eq!(document.get("a").unwrap().value, scalar_text("2"));
    assert_eq!(document.get("b").unwrap().value, Value::Alias);
    assert_eq!(document.text_of("b").unwrap_err().line, Some(3));
}

#[test]
fn empty_broken_and_deep_documents() {
    assert_eq!(parse("").unwrap().value, Value::Null);
    assert_eq!(parse("# only a comment\n").unwrap().value, Value::Null);
    assert_eq!(
        parse("a: 1\n---\n: : [\n").unwrap().get("a").unwrap().value,
        scalar_text("1")
    );
    let broken = parse("a: 1\nb: [c,\n").unwrap_err();
    assert!(broken.message.starts_with("not YAML"), "{broken:?}");
    assert!(broken.line.is_some());
    let deep_flow = parse(&"[".repeat(100_000)).unwrap_err();
    assert!(deep_flow.line.is_some());
    let deep_block: String = (0..10_000)
        .map(|i| format!("{}- \n", " ".repeat(2 * i)))
        .collect();
    let error = parse(&deep_block).unwrap_err();
    assert!(error.message.contains("nested deeper"), "{error:?}");
}

#[test]
fn pages_and_external_links() {
    assert_eq!(page(" ./intro/index "), "intro/index");
    for link in [
        "https://example.org",
        "mailto:a@b.c",
        "//cdn.example.org/x",
        "HTTP://X",
    ] {
        assert!(is_external(link), "{link}");
    }
    for local in [
        "intro.md",
        "chapter1/1",
        "C:/x.md",
        "a b:c.md",
        "#anchor",
        "../up.md",
    ] {
        assert!(!is_external(local), "{local}");
    }
}
