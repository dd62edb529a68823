//! Every example in README.md and doc/GUIDE.md is run, and its output compared, so the
//! documentation cannot drift from what sockkit does.
//!
//! The format (written for readers first, see "About the examples" in doc/GUIDE.md):
//!
//! - A fenced ```` ```console ```` block is an example that runs; ```` ```sh ```` and
//!   ```` ```text ```` blocks are not run (set-up commands, grammar).
//! - `$ COMMAND` is run by bash; the lines after it, up to the next `$ `, are what it
//!   prints, stdout and stderr as a terminal shows them.
//! - In those lines `[..]` stands for any text within the line (a port the kernel picked, a
//!   time), and a line `...` for any number of lines.
//! - The output of a background job (`COMMAND &`) is not compared: an example that wants
//!   it shown redirects it and shows it with a later command.
//! - The blocks of a file run in order as one shell session (a server started in one
//!   block still serves the next), in a fresh network namespace (only its own loopback,
//!   so fixed ports never meet another program's; see `namespace_runner`) and a fresh
//!   working directory, with `sockkit` on PATH; background jobs are killed at the end
//!   of the file.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Marks the start of each command's output in a block's combined output.
const MARK: &str = "\u{1e}sockkit-docs-command ";

#[derive(Debug)]
struct Example {
    file: String,
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The console blocks of a Markdown file, each a list of examples.
fn blocks(path: &Path) -> Vec<Vec<Example>> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let file = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let mut blocks = Vec::new();
    let mut current: Option<Vec<Example>> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_end();
        match &mut current {
            None if trimmed == "```console" => current = Some(Vec::new()),
            None => {}
            Some(_) if trimmed == "```" => blocks.push(current.take().unwrap_or_default()),
            Some(examples) => {
                if let Some(cmd) = trimmed.strip_prefix("$ ") {
                    examples.push(Example {
                        file: file.clone(),
                        line: i + 1,
                        command: cmd.to_string(),
                        expected: Vec::new(),
                    });
                } else if let Some(last) = examples.last_mut() {
                    last.expected.push(trimmed.to_string());
                } else {
                    panic!("{file}:{}: output before any `$ ` command", i + 1);
                }
            }
        }
    }
    assert!(current.is_none(), "{file}: a console block is not closed");
    blocks
}

/// The bash script that runs the examples: each command's output after a mark line.
fn script(examples: &[Example]) -> String {
    let mut s = String::from("exec 2>&1\n");
    for (i, ex) in examples.iter().enumerate() {
        s += &format!("printf '%s%d\\n' '{MARK}' {i}\n");
        let cmd = ex.command.trim_end();
        match cmd.strip_suffix('&') {
            Some(job) if !job.ends_with('&') => {
                s += &format!("{{ {job} ; }} >/dev/null 2>&1 &\n");
            }
            _ => s += &format!("{cmd}\n"),
        }
    }
    s += &format!("printf '%s%s\\n' '{MARK}' end\n");
    s += "kill $(jobs -p) 2>/dev/null\nwait 2>/dev/null\nexit 0\n";
    s
}

/// Run a file's examples as one session; returns each command's output lines.
fn run_block(examples: &[Example]) -> Vec<Vec<String>> {
    let bin_dir = Path::new(common::BIN).parent().unwrap().to_path_buf();
    let dir = work_dir();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let (runner, runner_args) = namespace_runner();
    let child = Command::new(runner)
        .args(runner_args)
        .arg("bash")
        .arg("-c")
        .arg(script(examples))
        .current_dir(&dir)
        .env_clear()
        .env("PATH", path)
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("HOME", &dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start bash for the documentation examples");
    let first = &examples[0];
    let out = common::wait_bounded(
        child,
        Duration::from_secs(180),
        &format!("the examples of {}", first.file),
    );
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        stdout.contains(&format!("{MARK}end")),
        "the examples of {} did not run to their end (is `unshare -rn` allowed?)\n{stdout}{}",
        first.file,
        String::from_utf8_lossy(&out.stderr)
    );
    let mut outputs: Vec<Vec<String>> = vec![Vec::new(); examples.len()];
    let mut at: Option<usize> = None;
    for line in stdout.lines() {
        if let Some(mark) = line.strip_prefix(MARK) {
            at = mark.parse().ok();
            continue;
        }
        if let Some(i) = at {
            outputs[i].push(line.trim_end().to_string());
        }
    }
    outputs
}

/// How to run the examples in a network namespace of their own with its loopback up: as
/// any user through a user namespace, or as root where user namespaces are not allowed
/// (some containers). Where neither works the examples run on this host's loopback, said
/// on stderr: their fixed ports may then meet other programs'.
fn namespace_runner() -> (&'static str, Vec<&'static str>) {
    let works = |args: &[&str]| {
        Command::new("unshare")
            .args(args)
            .args(["ip", "link", "set", "lo", "up"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    // A pid namespace of its own too: when the session's shell ends, the kernel ends
    // every process the examples left running (a server started in a subshell is not a
    // job the script can kill).
    for args in [
        &[
            "--user",
            "--map-root-user",
            "--net",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc",
        ][..],
        &["--net", "--pid", "--fork", "--kill-child", "--mount-proc"],
    ] {
        if works(args) {
            let mut with_lo = args.to_vec();
            // The namespace's loopback starts down: bring it up, then run the examples.
            with_lo.extend(["sh", "-c", "ip link set lo up && exec \"$@\"", "sh"]);
            return ("unshare", with_lo);
        }
    }
    eprintln!(
        "no network namespace here (unshare, iproute2): the examples use this host's loopback"
    );
    ("env", Vec::new())
}

fn work_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "docs-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One line against its pattern: `[..]` is any text within the line.
fn line_matches(pattern: &str, line: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[..]").collect();
    if parts.len() == 1 {
        return pattern == line;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !line.starts_with(first) || line.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &line[first.len()..];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// All lines against the patterns: a pattern line `...` is any number of lines.
fn lines_match(patterns: &[String], lines: &[String]) -> bool {
    match patterns.split_first() {
        None => lines.is_empty(),
        Some((p, rest)) if p == "..." => {
            (0..=lines.len()).any(|skip| lines_match(rest, &lines[skip..]))
        }
        Some((p, rest)) => {
            !lines.is_empty() && line_matches(p, &lines[0]) && lines_match(rest, &lines[1..])
        }
    }
}

fn check_file(relative: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let blocks = blocks(&path);
    assert!(!blocks.is_empty(), "{relative} has no console examples");
    let examples: Vec<Example> = blocks.into_iter().flatten().collect();
    let outputs = run_block(&examples);
    let mut drift = Vec::new();
    {
        for (ex, got) in examples.iter().zip(&outputs) {
            // Blank lines at the end are a block's layout, not output.
            let mut want = ex.expected.clone();
            while want.last().is_some_and(|l| l.is_empty()) {
                want.pop();
            }
            let mut got = got.clone();
            while got.last().is_some_and(|l| l.is_empty()) {
                got.pop();
            }
            if !lines_match(&want, &got) {
                drift.push(format!(
                    "{}:{}: $ {}\n--- documented\n{}\n--- printed\n{}\n",
                    ex.file,
                    ex.line,
                    ex.command,
                    want.join("\n"),
                    got.join("\n")
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "{} example(s) differ from what sockkit prints:\n\n{}",
        drift.len(),
        drift.join("\n")
    );
}

#[test]
fn readme_examples_print_what_they_show() {
    check_file("README.md");
}

#[test]
fn guide_examples_print_what_they_show() {
    check_file("doc/GUIDE.md");
}

#[test]
fn the_matcher_takes_placeholders_and_nothing_else() {
    let l = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(line_matches(
        "connected to 127.0.0.1:[..] in [..]ms",
        "connected to 127.0.0.1:4000 in 0.12ms"
    ));
    assert!(!line_matches(
        "connected to 127.0.0.1:[..] in [..]ms",
        "connected to ::1:4000 in 0.12ms"
    ));
    assert!(!line_matches("exit 0", "exit 1"));
    assert!(line_matches("[..]", ""));
    assert!(lines_match(
        &l(&["a", "...", "z"]),
        &l(&["a", "b", "c", "z"])
    ));
    assert!(lines_match(&l(&["a", "...", "z"]), &l(&["a", "z"])));
    assert!(!lines_match(&l(&["a", "...", "z"]), &l(&["a", "b"])));
    assert!(!lines_match(&l(&["a"]), &l(&["a", "b"])));
}
