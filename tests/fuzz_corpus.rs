//! Replays the committed fuzz corpus (fuzz/corpus/<target>/) through the same checks the
//! `cargo fuzz` targets run, so every `cargo test` proves the parsers still survive every
//! input the fuzzer ever kept. Long fuzzing runs: see fuzz/README.md.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

#[test]
fn parsers_survive_the_committed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0;
    for (name, check) in checks::TARGETS {
        let dir = root.join(name);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let mut count = 0;
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            // libFuzzer hands `&str` targets only valid UTF-8; do the same.
            if let Ok(text) = std::str::from_utf8(&bytes) {
                check(text);
                count += 1;
            }
        }
        assert!(count > 0, "the corpus of {name} is empty");
        replayed += count;
    }
    eprintln!("replayed {replayed} corpus inputs");
}
