//! `completions/` and `man/` are generated from the one CLI definition (src/cli.rs), for
//! every subcommand there is.
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
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;
use sockkit::cli::Cli;
use sockkit::schema::Level;
use sockkit::sockopt::REGISTRY;

/// `conns --state` names and groups, as ss spells them.
const STATES: &[&str] = &[
    "established",
    "syn-sent",
    "syn-recv",
    "fin-wait-1",
    "fin-wait-2",
    "time-wait",
    "closed",
    "close-wait",
    "last-ack",
    "listening",
    "closing",
    "connected",
    "synchronized",
    "bucket",
    "big",
    "all",
];

/// Every generated file, by path relative to the crate root.
fn generate() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();

    let mut cmd = with_candidates(Cli::command());
    // Build first so global options reach every subcommand's page and completion.
    cmd.build();
    for (shell, name) in [
        (Shell::Bash, "sockkit.bash"),
        (Shell::Zsh, "_sockkit"),
        (Shell::Fish, "sockkit.fish"),
        (Shell::Elvish, "sockkit.elv"),
        (Shell::PowerShell, "_sockkit.ps1"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "sockkit", &mut buf);
        if shell == Shell::Bash {
            buf = bash_without_space_after_equals(buf);
        }
        files.insert(Path::new("completions").join(name), buf);
    }

    // The pages name no `help` subcommand: there is no page for it to point to.
    let mut cmd = without_help_subcommand(Cli::command());
    cmd.build();
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    files.insert(
        Path::new("man").join("sockkit.1"),
        man_page(cmd.clone(), &subcommands),
    );
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
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

/// Completion candidates the shells cannot learn from clap's types, for every subcommand
/// (those added later too): socket option names wherever a `NAME=VALUE` setting or a
/// `sockopt get` NAME is asked for, ss's state names wherever a STATE is.
fn with_candidates(cmd: clap::Command) -> clap::Command {
    let settable: Vec<String> = REGISTRY
        .iter()
        .filter(|o| o.access.can_set())
        .map(|o| format!("{}=", o.name))
        .collect();
    let readable: Vec<&str> = REGISTRY
        .iter()
        .filter(|o| o.access.can_get())
        .map(|o| o.name)
        .collect();
    fn walk(
        mut cmd: clap::Command,
        path: &str,
        settable: &[String],
        readable: &[&str],
    ) -> clap::Command {
        let path = format!("{path} {}", cmd.get_name());
        let ids: Vec<(String, String)> = cmd
            .get_arguments()
            .map(|a| {
                let value_name = a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                (a.get_id().to_string(), value_name)
            })
            .collect();
        for (id, value_name) in ids {
            let values: Option<Vec<String>> = match value_name.as_str() {
                "NAME=VALUE" => Some(settable.to_vec()),
                "STATE" => Some(STATES.iter().map(|s| s.to_string()).collect()),
                "NAME" if path.ends_with("sockopt get") => {
                    Some(readable.iter().map(|s| s.to_string()).collect())
                }
                _ => None,
            };
            if let Some(values) = values {
                // clap takes static strings; these live for the test's run.
                let values: Vec<&'static str> = values
                    .into_iter()
                    .map(|v| &*Box::leak(v.into_boxed_str()))
                    .collect();
                cmd = cmd.mut_arg(id, |a| a.value_parser(PossibleValuesParser::new(values)));
            }
        }
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(name, |s| walk(s, &path, settable, readable));
        }
        cmd
    }
    walk(cmd, "", &settable, &readable)
}

/// `SO_RCVBUF=` is half a word: bash must not add a space after it. A wrapper around
/// clap's completion function says so (compopt -o nospace) when every candidate ends in `=`.
fn bash_without_space_after_equals(script: Vec<u8>) -> Vec<u8> {
    let script = String::from_utf8(script).expect("bash completion is UTF-8");
    let wrapper = r#"
_sockkit_settings() {
    _sockkit "$@"
    local c
    for c in "${COMPREPLY[@]}"; do
        [[ "$c" == *= ]] || return 0
    done
    [[ ${#COMPREPLY[@]} -gt 0 ]] && compopt -o nospace 2>/dev/null
    return 0
}
"#;
    let registered = script.replace("complete -F _sockkit ", "complete -F _sockkit_settings ");
    assert_ne!(registered, script, "clap's bash script registers _sockkit");
    let at = registered
        .find("\nif [[ \"${BASH_VERSINFO[0]}\"")
        .expect("clap's bash script ends with the registration");
    let mut out = registered;
    out.insert_str(at, wrapper);
    out.into_bytes()
}

fn without_help_subcommand(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd.disable_help_subcommand(true);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, without_help_subcommand);
    }
    cmd
}

/// The roff preamble every clap_mangen fragment starts with; a page has it once, on top.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// One section as clap_mangen renders it, without the preamble.
fn render(f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).expect("render man page");
    String::from_utf8(buf)
        .expect("man page is UTF-8")
        .replace(PREAMBLE, "")
}

/// clap_mangen's sections, with: a subcommand's own subcommands (`sockopt get`) written out
/// on its page instead of pointing to pages that do not exist; the after-help text under a
/// real heading; EXIT STATUS made from the command's own "Exit status:" list; SEE ALSO.
fn man_page(cmd: clap::Command, subcommands: &[String]) -> Vec<u8> {
    let own = cmd.get_name().to_string();
    let top = own == "sockkit";
    let man = clap_mangen::Man::new(cmd.clone());
    let mut text = String::from(PREAMBLE);
    text += &render(|w| man.render_title(w));
    text += &render(|w| man.render_name_section(w));
    text += &render(|w| man.render_synopsis_section(w));
    text += &render(|w| man.render_description_section(w));
    text += &render(|w| man.render_options_section(w));
    if top {
        text += &render(|w| man.render_subcommands_section(w));
    } else if cmd.has_subcommands() {
        text += ".SH COMMANDS\n";
        for nested in cmd.get_subcommands() {
            text += &nested_section(nested);
        }
    }
    let after = cmd
        .get_after_long_help()
        .or(cmd.get_after_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let (notes, exit_status) = match after.find("Exit status:\n") {
        Some(at) => (after[..at].trim_end().to_string(), &after[at..]),
        None => (after.trim_end().to_string(), ""),
    };
    if !notes.is_empty() {
        // clap_mangen's own rendering of the text, under NOTES.
        let man =
            clap_mangen::Man::new(cmd.clone().after_help(notes.clone()).after_long_help(notes));
        text += &render(|w| man.render_extra_section(w)).replace(".SH EXTRA", ".SH NOTES");
    }
    text += &render(|w| man.render_version_section(w));
    // A subcommand whose help has no list of its own gets the whole tool's.
    let exit_status = if exit_status.is_empty() {
        let top = Cli::command().get_after_help().map(|h| h.to_string());
        top.unwrap_or_default()
    } else {
        exit_status.to_string()
    };
    text += &exit_status_section(&exit_status);
    if top {
        text += &events_section();
    }
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

/// `sockopt get` on the sockopt page: its usage, what it does, and its own options.
fn nested_section(nested: &clap::Command) -> String {
    let globals: Vec<String> = nested
        .get_arguments()
        .filter(|a| a.is_global_set() || a.get_help_heading() == Some("Global options"))
        .map(|a| a.get_id().to_string())
        .collect();
    let mut own = nested.clone();
    for id in globals {
        own = own.mut_arg(id, |a| a.hide(true));
    }
    let man = clap_mangen::Man::new(own);
    let title = nested
        .get_bin_name()
        .map_or_else(|| nested.get_name().to_string(), str::to_string);
    let mut text = format!(".SS \"{title}\"\n");
    text += &render(|w| man.render_synopsis_section(w)).replace(".SH SYNOPSIS\n", "");
    text += &render(|w| man.render_description_section(w)).replace(".SH DESCRIPTION\n", ".PP\n");
    text += &render(|w| man.render_options_section(w)).replace(".SH OPTIONS\n", ".PP\n");
    text
}

/// The "Exit status:" list of a command's help (`  0  success`, continuation lines
/// indented further) as an EXIT STATUS section, so each page says what its command means.
fn exit_status_section(list: &str) -> String {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in list.lines().skip(1) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            break;
        }
        let code_end = trimmed
            .find("  ")
            .filter(|_| line.starts_with("  ") && !line.starts_with("   "));
        match code_end {
            Some(at) => entries.push((trimmed[..at].to_string(), trimmed[at..].trim().to_string())),
            None => {
                if let Some(last) = entries.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(trimmed);
                }
            }
        }
    }
    assert!(
        !entries.is_empty(),
        "a command's help lacks its exit status list"
    );
    let escape = |s: &str| s.replace('\\', "\\\\").replace('-', "\\-");
    let mut text = String::from(".SH \"EXIT STATUS\"\n");
    for (codes, meaning) in entries {
        let codes: Vec<String> = codes.split(", ").map(|c| format!("\\fB{c}\\fR")).collect();
        text += &format!(".TP\n{}\n{}\n", codes.join(", "), escape(&meaning));
    }
    text
}

/// Every event sockkit writes on stderr, from the one table of them (`sockkit::schema`).
fn events_section() -> String {
    let escape = |s: &str| {
        let s = s.replace('\\', "\\\\").replace('-', "\\-");
        // `name` in the table's words is bold on the page.
        s.split('`')
            .enumerate()
            .map(|(i, part)| {
                if i % 2 == 1 {
                    format!("\\fB{part}\\fR")
                } else {
                    part.to_string()
                }
            })
            .collect::<String>()
    };
    let mut text = String::from(".SH EVENTS\n");
    text += "With \\fB\\-v\\fR (\\fB\\-vv\\fR for the starred ones) sockkit says on stderr what \
             happens; with \\fB\\-\\-json\\fR each event is one JSON object on its own line, \
             the \\fBevent\\fR field first, then the fields below in this order. Events marked \
             \\fBalways\\fR are shown whatever \\fB\\-v\\fR says; \\fBstats\\fR with \
             \\fB\\-\\-stats\\fR. A name listed more than once is the same happening, told with the \
             fields of the command that emits it.\n";
    for e in sockkit::schema::EVENTS {
        let level = match e.level {
            Level::Verbose => String::new(),
            Level::Trace => "*".to_string(),
            other => format!(" ({})", other.shown().trim_start_matches('-')),
        };
        let fields: Vec<String> = e
            .fields
            .iter()
            .map(|f| format!("\\fI{}\\fR", escape(f)))
            .collect();
        text += &format!(
            ".TP\n\\fB{}\\fR{level} {}\n{}: {}\n",
            escape(e.name),
            fields.join(", "),
            escape(e.from),
            escape(e.meaning()),
        );
    }
    text
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

fn page(files: &BTreeMap<PathBuf, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[&Path::new("man").join(name)].clone()).unwrap()
}

#[test]
fn man_pages_point_only_to_pages_that_exist() {
    let files = generate();
    let pages: Vec<String> = files
        .keys()
        .filter(|p| p.starts_with("man"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for (path, content) in files.iter().filter(|(p, _)| p.starts_with("man")) {
        // Every `name(1)`, in plain (sockkit\-udp\-send(1)) or bold (\fBsockkit-conns\fR(1)) form.
        let text = String::from_utf8_lossy(content)
            .replace("\\-", "-")
            .replace("\\fB", " ")
            .replace("\\fR", "");
        for (at, _) in text.match_indices("(1)") {
            let name: String = text[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert!(
                pages.contains(&name),
                "{} names {name}(1), which is not generated",
                path.display()
            );
        }
    }
}

#[test]
fn each_page_fits_its_subcommand() {
    let files = generate();
    // sockopt's own subcommands are written out on its page, with their options.
    let sockopt = page(&files, "sockkit-sockopt.1");
    for needle in [
        "sockkit sockopt get",
        "sockkit sockopt set",
        "\\-\\-pid",
        "\\-\\-fd",
        "\\-\\-type",
    ] {
        assert!(sockopt.contains(needle), "sockopt page lacks {needle}");
    }
    let byteorder = page(&files, "sockkit-byteorder.1");
    assert!(byteorder.contains("sockkit byteorder inet_pton"));
    // Exit status fits the command: no --expect or scans where there are none.
    for name in [
        "sockkit-udp-send.1",
        "sockkit-resolve.1",
        "sockkit-sockopt.1",
    ] {
        let text = page(&files, name);
        let status = &text[text.find("EXIT STATUS").unwrap()..];
        assert!(!status.contains("expect"), "{name}: {status}");
        assert!(!status.contains("scan"), "{name}: {status}");
    }
    let connect = page(&files, "sockkit-connect.1");
    let status = &connect[connect.find("EXIT STATUS").unwrap()..];
    assert!(status.contains("\\-\\-expect not matched"), "{status}");
    // Defaults are shown; --exec says it comes last, on the page and in --help.
    let listen = page(&files, "sockkit-listen.1");
    assert!(listen.contains("\\fB\\-\\-backlog\\fR \\fI<N>\\fR [default: 128]"));
    for name in ["sockkit-listen.1", "sockkit-udp-recv.1"] {
        assert!(page(&files, name).contains("put it last"), "{name}");
    }
}

/// The candidates bash's completion offers for the command line `words` (the last one is
/// the word being completed), from the generated script (the committed one is the same,
/// as `completions_and_man_pages_are_current` checks).
fn bash_candidates(words: &[&str]) -> Vec<String> {
    static SCRIPT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sockkit.bash");
        std::fs::write(&path, &generate()[Path::new("completions/sockkit.bash")]).unwrap();
        path
    });
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(
            r#"source "$0" || exit 9
fn=$(complete -p sockkit | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[ -n "$fn" ] || exit 8
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
"$fn" sockkit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#,
        )
        .arg(script)
        .args(words)
        .output()
        .expect("run bash");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_option_names_states_and_choices() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["sockkit", "conn"], &["connect", "conns"]),
        (
            &["sockkit", "sockopt", "get", "SO_RC"],
            &["SO_RCVBUF", "SO_RCVLOWAT", "SO_RCVTIMEO"],
        ),
        (
            &["sockkit", "sockopt", "get", "SO_RCVBUF", "TCP_NOD"],
            &["TCP_NODELAY"],
        ),
        (
            &["sockkit", "sockopt", "set", "SO_RCVB"],
            &["SO_RCVBUF=", "SO_RCVBUFFORCE="],
        ),
        (
            &["sockkit", "-O", "TCP_NO"],
            &["TCP_NODELAY=", "TCP_NOTSENT_LOWAT="],
        ),
        (
            &["sockkit", "listen", "-O", "SO_REUSEP"],
            &["SO_REUSEPORT="],
        ),
        (
            &["sockkit", "conns", "--state", "fin"],
            &["fin-wait-1", "fin-wait-2"],
        ),
        (
            &["sockkit", "conns", "-a", "--state", "time"],
            &["time-wait"],
        ),
        (
            &["sockkit", "sockopt", "get", "--type", "unix"],
            &["unix-stream", "unix-dgram"],
        ),
        (&["sockkit", "resolve", "--type", "d"], &["dgram"]),
        (&["sockkit", "connect", "--color", "a"], &["auto", "always"]),
    ];
    for (words, want) in cases {
        let mut got = bash_candidates(words);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "completing {words:?}");
    }
    // Every option in the registry that can be read is offered to sockopt get.
    let all = bash_candidates(&["sockkit", "sockopt", "get", ""]);
    for o in REGISTRY.iter().filter(|o| o.access.can_get()) {
        assert!(all.iter().any(|c| c == o.name), "{} not offered", o.name);
    }
}
