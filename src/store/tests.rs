use super::*;

/// A small kind of file to try the store with: a note of one word, tied to a curriculum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Note;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteFile {
    #[allow(dead_code)]
    schema_version: u32,
    #[allow(dead_code)]
    curriculum: String,
    #[serde(default)]
    text: String,
}

impl Kind for Note {
    const FILE: KeptFile = KeptFile::CalendarRecord;
    const VERSIONS: &'static [u32] = &[1, 2];
    const MAX_BYTES: usize = 200;
    const TIED: bool = true;
    const KEEP_EDITED: bool = true;
    type Value = String;

    fn parse(text: &str, curriculum: &str) -> Result<String, Broken> {
        probe::<Note>(text, curriculum)?;
        let file: NoteFile = yaml::decode(text).map_err(|error| {
            (
                error.line,
                Problem::Invalid(crate::error::Invalid::Parser(error.message)),
            )
        })?;
        Ok(file.text)
    }

    fn render(text: &String, curriculum: &str) -> Result<String, Broken> {
        Ok(format!(
            "# a note\nschema_version: 2\ncurriculum: {curriculum}\ntext: {text}\n"
        ))
    }
}

fn store(folder: &Path) -> Store<Note> {
    Store::new(folder.join("note.yaml"), "course")
}

/// The line and the problem of a file that cannot be used.
fn broken(error: Error) -> (Option<usize>, Problem) {
    match error {
        Error::Kept {
            line,
            file: KeptFile::CalendarRecord,
            problem,
            ..
        } => (line, problem),
        other => panic!("{other}"),
    }
}

/// Writes `bytes` as the note; then neither an update nor a save changes it.
fn refused(bytes: &[u8]) -> (Option<usize>, Problem) {
    let folder = tempfile::tempdir().unwrap();
    let store = store(folder.path());
    std::fs::write(store.path(), bytes).unwrap();
    let updated = store.update(|text| {
        *text = "changed".to_string();
        Ok(())
    });
    assert!(updated.is_err());
    assert!(store.save(&"changed".to_string()).is_err());
    assert_eq!(
        std::fs::read(store.path()).unwrap(),
        bytes,
        "left untouched"
    );
    broken(store.load().unwrap_err())
}

#[test]
fn a_note_is_written_read_and_left_alone_when_unchanged() {
    let folder = tempfile::tempdir().unwrap();
    let store = store(folder.path());
    assert!(store.load().unwrap().is_none());
    let updated = store
        .update(|text| {
            *text = "hello".to_string();
            Ok(())
        })
        .unwrap();
    assert!(updated.written && updated.kept_copy.is_none());
    assert_eq!(store.load().unwrap().unwrap().value, "hello");
    let again = store.update(|_| Ok(())).unwrap();
    assert!(!again.written);
}

#[test]
fn a_file_of_another_version_is_named_so() {
    let (line, problem) = refused(b"# mine\nschema_version: 3\ncurriculum: course\n");
    assert_eq!(line, Some(2));
    assert_eq!(
        problem,
        Problem::OtherVersion {
            found: 3,
            reads: &[1, 2]
        }
    );
    assert!(
        problem
            .in_file(KeptFile::CalendarRecord)
            .to_string()
            .contains("(it reads 1 and 2)")
    );
}

#[test]
fn a_file_past_the_limit_is_neither_read_nor_written() {
    let (line, problem) = refused(&[b'#'; 300]);
    assert_eq!(line, None);
    assert_eq!(
        problem,
        Problem::TooLarge {
            bytes: 300,
            limit: 200,
            writing: false
        }
    );
    let folder = tempfile::tempdir().unwrap();
    let store = store(folder.path());
    let error = store
        .update(|text| {
            *text = "a".repeat(200);
            Ok(())
        })
        .unwrap_err();
    assert!(matches!(
        broken(error).1,
        Problem::TooLarge { writing: true, .. }
    ));
    assert!(!store.path().exists(), "nothing was written");
}

#[test]
fn a_file_that_is_not_utf8_names_the_line_and_the_byte() {
    let (line, problem) = refused(b"schema_version: 2\ncurriculum: \xff\n");
    assert_eq!(line, Some(2));
    assert_eq!(problem, Problem::NotUtf8 { offset: 30 });
}

#[test]
fn another_curriculums_file_is_refused() {
    let (line, problem) = refused(b"schema_version: 2\ncurriculum: other\ntext: hi\n");
    assert_eq!(line, Some(2));
    assert_eq!(
        problem,
        Problem::Foreign {
            found: "other".into(),
            expected: "course".into()
        }
    );
}

#[test]
fn a_killed_writers_temporaries_are_removed_and_nothing_else() {
    let folder = tempfile::tempdir().unwrap();
    let store = store(folder.path());
    let left = folder.path().join(".note.yaml.a1b2c3");
    let empty = folder.path().join(".note.yaml.zzzzzz");
    let someones = folder.path().join(".note.yaml.x9y8z7");
    let other_name = folder.path().join(".note.yaml.bak123x");
    std::fs::write(&left, "# a note\nschema_version: 2\ncur").unwrap();
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&someones, "my own notes\n").unwrap();
    std::fs::write(&other_name, "# a note\n").unwrap();
    store
        .update(|text| {
            *text = "hello".to_string();
            Ok(())
        })
        .unwrap();
    assert!(!left.exists() && !empty.exists());
    assert!(someones.exists() && other_name.exists());
    assert_eq!(store.load().unwrap().unwrap().value, "hello");
}
