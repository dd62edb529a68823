//! Meeting nc, ncat, socat and ss users where their fingers already are.
//!
//! clap's usage errors become one `sockkit: ...` line with clap's tips ("a similar
//! argument exists") kept as hints; a flag typed out of habit gets a pointer to
//! sockkit's way; and the parsed command line is checked for what clap cannot see
//! (`--exec` swallowing the endpoint, `-n` given a name).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::{Cli, Command};
use crate::endpoint::{self, HostPort, Proto};
use crate::error::{CommandLine, Failure, usage};

/// Whether `--json` stands anywhere before a `--` (or an `--exec`, whose program takes
/// every word after it): errors are then JSON, usage errors too.
pub fn json_requested(argv: &[OsString]) -> bool {
    argv.iter()
        .skip(1)
        .take_while(|a| *a != "--" && *a != "--exec")
        .any(|a| a == "--json")
}

/// clap's error as a usage failure (exit 2): its first paragraph is the message, its
/// tips and a habit pointer (when one fits) the hint.
pub fn usage_failure(e: &clap::Error, argv: &[OsString]) -> CommandLine {
    let text = e.render().to_string();
    let mut paragraphs = text.split("\n\n");
    let first: Vec<&str> = paragraphs
        .next()
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let what = first.join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what).to_string();
    let mut hints: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip: "))
        .map(str::to_string)
        .collect();
    let words: Vec<String> = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if let Some(pointer) = pointer(e, &words) {
        // The habit pointer replaces clap's "to pass '-l' as a value, use '-- -l'".
        hints.retain(|h| !h.starts_with("to pass "));
        hints.insert(0, pointer);
    }
    if hints.is_empty() {
        hints.push("see 'sockkit --help' or 'sockkit <command> --help'".to_string());
    }
    CommandLine(crate::error::usage_message(what).with_hint(hints.join("; ")))
}

/// The subcommand named on the command line, if any.
fn subcommand(words: &[String]) -> Option<&str> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    words
        .iter()
        .find(|w| cmd.get_subcommands().any(|s| s.get_name() == w.as_str()))
        .map(String::as_str)
}

/// A one-line pointer for what nc, ncat and socat users type out of habit.
fn pointer(e: &clap::Error, words: &[String]) -> Option<String> {
    let invalid = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    if e.kind() == ErrorKind::InvalidSubcommand {
        // clap's "a similar subcommand exists" says it better for a typo (`lisen`).
        if e.get(ContextKind::SuggestedSubcommand).is_some() {
            return None;
        }
        return no_subcommand(words);
    }
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let sub = subcommand(words);
    // `-lp 4000`: clap names the first letter it does not know.
    let flag = invalid.split('=').next().unwrap_or_default();
    let server = matches!(sub, Some("listen" | "udp-recv"));
    // `sockkit -n connect ..`: -n belongs to the subcommand, not before it.
    if flag == "-n"
        && let Some(sub @ ("listen" | "connect" | "udp-send" | "udp-recv" | "conns")) = sub
        && words.first().is_some_and(|w| w != sub)
    {
        return Some(format!(
            "-n goes after the subcommand name: `sockkit {sub} -n ...`"
        ));
    }
    if let (Some(server @ ("listen" | "udp-recv")), "-l" | "-p") = (sub, flag) {
        let usage = format!("`sockkit {server} [ADDR] PORT`");
        return Some(match flag {
            "-l" => format!("no -l needed: `{server}` listens; the port is positional: {usage}"),
            _ => format!("the port is positional: {usage} (no -p)"),
        });
    }
    let text = match flag {
        "-l" => "to listen: `sockkit listen [ADDR] PORT` (UDP: `sockkit udp-recv [ADDR] PORT`)",
        "-u" if server || sub.is_none() => {
            "for UDP: `sockkit udp-recv [ADDR] PORT` (or `sockkit udp-send HOST PORT`)"
        }
        "-u" => "for UDP: `sockkit udp-send HOST PORT [MESSAGE]` (or `sockkit udp-recv PORT`)",
        "-e" => "run a program per connection with `--exec PROG [ARGS..]`, last on the line",
        "-c" => "run a shell command per connection with `--sh-exec 'CMD'`",
        "-C" => "send CRLF line endings with `--crlf`",
        "-N" => {
            "not needed: sockkit half-closes at stdin's EOF by default (`--no-shutdown` keeps it open)"
        }
        "-q" => {
            "sockkit ends at the peer's EOF by itself; bound waits with `-w DUR` (and `--linger DUR`)"
        }
        "-X" | "-x" => "proxies go by `--proxy URL` (socks5://HOST:PORT, http://HOST:PORT)",
        "--ssl" => "TLS is `--tls`",
        "-t" if sub.is_none() => "to see sockets: `sockkit conns` (ss's flags: -t -u -l -n -p)",
        _ => return None,
    };
    Some(text.to_string())
}

/// `sockkit 127.0.0.1 80` (no subcommand): the one it looks like.
fn no_subcommand(words: &[String]) -> Option<String> {
    let positional: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.starts_with('-'))
        .collect();
    let first = *positional.first()?;
    let looks_like_port = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let looks_like_host = endpoint::parse_ip(first).is_some()
        || first == "localhost"
        || first.contains('.')
        || first.contains(':')
        || positional.get(1).is_some_and(|w| looks_like_port(w));
    let rest = words.join(" ");
    if looks_like_port(first) && positional.len() == 1 {
        Some(format!("did you mean `sockkit listen {rest}`?"))
    } else if looks_like_host {
        Some(format!("did you mean `sockkit connect {rest}`?"))
    } else {
        None
    }
}

/// Checks on the parsed command line that clap cannot make.
pub fn check(cli: &Cli) -> Result<(), Failure> {
    match &cli.command {
        Command::Listen(a) => {
            exec_last(&a.endpoint, &a.exec, a.stream.unix.is_some())?;
            numeric_only(a.stream.numeric, &a.endpoint, true)
        }
        Command::Connect(a) if !a.scan => {
            numeric_only(a.stream.numeric, &a.endpoint, false)?;
            match &a.source {
                Some(s) if a.stream.numeric => numeric_host(s),
                _ => Ok(()),
            }
        }
        Command::UdpRecv(a) => {
            exec_last(&a.endpoint, &a.exec, a.unix.is_some())?;
            numeric_only(a.numeric, &a.endpoint, true)
        }
        Command::UdpSend(a) if a.unix.is_none() => numeric_only(a.numeric, &a.args, false),
        _ => Ok(()),
    }
}

/// `--exec PROG ARGS..` takes every word after it: when the endpoint went with them, say so.
fn exec_last(endpoint: &[String], exec: &[String], unix: bool) -> Result<(), Failure> {
    if !endpoint.is_empty() || unix || exec.len() < 2 {
        return Ok(());
    }
    let last = &exec[exec.len() - 1];
    if endpoint::parse_port(last, Proto::Tcp).is_err() {
        return Ok(());
    }
    // The endpoint is the last one or two words: `4000`, `127.0.0.1 4000` or `HOST:PORT`.
    let pair = exec.len() >= 3 && !exec[exec.len() - 2].starts_with('-');
    let took = if pair && HostPort::from_words(&exec[exec.len() - 2..], Proto::Tcp, false).is_ok() {
        2
    } else {
        1
    };
    let (prog, endpoint) = exec.split_at(exec.len() - took);
    Err(usage(
        format!("--exec {}", exec.join(" ")),
        format!(
            "took '{}' as the program's arguments, so no endpoint is left",
            endpoint.join(" ")
        ),
    )
    .with_hint(format!(
        "--exec comes last, every word after it is the program's: ... {} --exec {}",
        endpoint.join(" "),
        prog.join(" ")
    )))
}

/// `-n`: numeric addresses only, no name lookups (nc's meaning); a name is bad input.
fn numeric_only(numeric: bool, words: &[String], host_optional: bool) -> Result<(), Failure> {
    if !numeric {
        return Ok(());
    }
    let Ok((at, _)) = HostPort::from_words(words, Proto::Tcp, host_optional) else {
        // The command's own check says what is wrong with the endpoint.
        return Ok(());
    };
    match at.host {
        Some(host) => numeric_host(&host),
        None => Ok(()),
    }
}

fn numeric_host(host: &str) -> Result<(), Failure> {
    if endpoint::parse_ip(host).is_some() {
        return Ok(());
    }
    Err(usage(
        format!("'{host}'"),
        "a name, and -n allows numeric addresses only (no lookups)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        std::iter::once("sockkit")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn json_anywhere_before_a_double_dash() {
        assert!(json_requested(&argv(&["conns", "--json"])));
        assert!(json_requested(&argv(&["--json", "conns"])));
        assert!(!json_requested(&argv(&["conns", "--", "--json"])));
        assert!(!json_requested(&argv(&[
            "listen", "0", "--exec", "prog", "--json"
        ])));
        assert!(!json_requested(&argv(&["conns"])));
    }

    #[test]
    fn a_host_and_port_without_a_subcommand_points_to_connect() {
        let w = |ws: &[&str]| ws.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            no_subcommand(&w(&["127.0.0.1", "80"])).as_deref(),
            Some("did you mean `sockkit connect 127.0.0.1 80`?")
        );
        assert_eq!(
            no_subcommand(&w(&["4000"])).as_deref(),
            Some("did you mean `sockkit listen 4000`?")
        );
        assert_eq!(no_subcommand(&w(&["frobnicate"])), None);
    }
}
