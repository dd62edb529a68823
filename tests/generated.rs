//! `completions/` and `man/` are generated from the one CLI definition (src/cli.rs).
//!
//! Check mode (the default, what `cargo test` runs) fails when a committed file is stale
//! or missing. Write mode regenerates them:
//!
//! ```sh
//! SOCKKIT_REGENERATE=1 cargo test --test generated
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use sockkit::cli::Cli;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
success
.TP
\fB1\fR
the operation failed: refused, unreachable, reset, name not found, timed out, \fB\-\-expect\fR not matched, scan found nothing open
.TP
\fB2\fR
bad usage or invalid input: port 70000, 1.2.3.999, an unknown option name
.TP
\fB130\fR, \fB143\fR
interrupted by SIGINT or SIGTERM; data already received is written out first
"#;

/// Every generated file, by path relative to the crate root.
fn generate() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut cmd = Cli::command();
    // Build first so global options reach every subcommand's page and completion.
    cmd.build();
    let mut files = BTreeMap::new();

    for (shell, name) in [
        (Shell::Bash, "sockkit.bash"),
        (Shell::Zsh, "_sockkit"),
        (Shell::Fish, "sockkit.fish"),
        (Shell::Elvish, "sockkit.elv"),
        (Shell::PowerShell, "_sockkit.ps1"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "sockkit", &mut buf);
        files.insert(Path::new("completions").join(name), buf);
    }

    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .map(|s| s.get_name().to_string())
        .collect();
    files.insert(
        Path::new("man").join("sockkit.1"),
        man_page(cmd.clone(), &subcommands),
    );
    for sub in cmd
        .get_subcommands()
        .filter(|s| subcommands.iter().any(|n| n == s.get_name()))
    {
        let page_name = format!("sockkit-{}", sub.get_name());
        // clap takes static names; these few strings live for the test's run.
        let name: &'static str = Box::leak(page_name.clone().into_boxed_str());
        let page = sub
            .clone()
            .name(name)
            .bin_name(format!("sockkit {}", sub.get_name()));
        files.insert(
            Path::new("man").join(format!("{page_name}.1")),
            man_page(page, &subcommands),
        );
    }
    files
}

/// clap_mangen's page, with the after-help text under a real heading, an EXIT STATUS
/// section and SEE ALSO.
fn man_page(cmd: clap::Command, subcommands: &[String]) -> Vec<u8> {
    let own = cmd.get_name().to_string();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .expect("render man page");
    let mut text = String::from_utf8(buf).expect("man page is UTF-8");
    text = text.replace(".SH EXTRA", ".SH NOTES");
    // The after-help ends with the exit codes; the page has its own EXIT STATUS section.
    if let Some(start) = text.find("Exit status:\n") {
        let end = text[start..]
            .find("\n.SH")
            .map_or(text.len(), |e| start + e + 1);
        text.replace_range(start..end, "");
        // A NOTES section left empty (the top page has only the exit codes) goes too.
        text = text.replace(".SH NOTES\n.SH", ".SH");
    }
    text.push_str(EXIT_STATUS);
    let see_also: Vec<String> = std::iter::once("sockkit".to_string())
        .chain(subcommands.iter().map(|s| format!("sockkit-{s}")))
        .filter(|p| *p != own)
        .map(|p| format!("\\fB{p}\\fR(1)"))
        .collect();
    text.push_str(".SH \"SEE ALSO\"\n");
    text.push_str(&see_also.join(", "));
    text.push('\n');
    text.into_bytes()
}

#[test]
fn completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = generate();
    if std::env::var_os("SOCKKIT_REGENERATE").is_some() {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(dir));
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for (path, content) in &files {
            std::fs::write(root.join(path), content).unwrap();
        }
        return;
    }
    let mut stale = Vec::new();
    for (path, content) in &files {
        match std::fs::read(root.join(path)) {
            Ok(committed) if committed == *content => {}
            Ok(_) => stale.push(format!("{} is stale", path.display())),
            Err(_) => stale.push(format!("{} is missing", path.display())),
        }
    }
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let rel = Path::new(dir).join(entry.file_name());
            if !files.contains_key(&rel) {
                stale.push(format!("{} is not generated any more", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nregenerate with: SOCKKIT_REGENERATE=1 cargo test --test generated",
        stale.join("\n")
    );
}

#[test]
fn every_subcommand_has_a_man_page_and_completions_name_it() {
    let files = generate();
    let bash = String::from_utf8(files[Path::new("completions/sockkit.bash")].clone()).unwrap();
    for sub in [
        "listen",
        "connect",
        "udp-send",
        "udp-recv",
        "resolve",
        "sockopt",
        "conns",
        "byteorder",
    ] {
        let page = Path::new("man").join(format!("sockkit-{sub}.1"));
        let text = String::from_utf8(files[&page].clone()).unwrap();
        assert!(text.contains("EXIT STATUS"), "{sub} page lacks exit status");
        // Global options reach every page.
        assert!(text.contains("\\-\\-json"), "{sub} page lacks --json");
        assert!(bash.contains(sub), "bash completion lacks {sub}");
    }
}
