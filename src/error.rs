//! Exit codes and the one error type that carries them.
//!
//! Every failure reaches `main` as an `anyhow::Error`. A [`Failure`] inside it says which
//! exit code it means; anything else is an operation that failed (exit 1). The message is
//! printed once, as `sockkit: <what>: <why>`, with an optional hint on its own line.

use std::fmt;
use std::io;

/// Process exit codes, documented in the README and every man page.
pub mod exit {
    pub const OK: u8 = 0;
    /// The operation failed: refused, unreachable, reset, not found, timed out, no match.
    pub const FAILED: u8 = 1;
    /// Bad usage or invalid input.
    pub const USAGE: u8 = 2;
    pub const SIGINT: u8 = 130;
    pub const SIGTERM: u8 = 143;
}

/// What kind of failure it is; the exit code is derived from it here and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad usage or invalid input: exit 2.
    Usage,
    /// The operation failed (refused, unreachable, reset, timed out, no match): exit 1.
    Failed,
    /// SIGINT or SIGTERM ended it: 128 + the signal (sockkit then dies by the signal).
    Interrupted(u8),
    /// Standard output went away (`sockkit ... | head`): stop quietly with exit 0, as a
    /// pipeline expects (verdicts that do not depend on stdout keep their own code).
    StdoutClosed,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Usage => exit::USAGE,
            Kind::Failed => exit::FAILED,
            Kind::Interrupted(code) => code,
            Kind::StdoutClosed => exit::OK,
        }
    }
}

/// An error that knows what kind it is, and so its exit code.
#[derive(Debug)]
pub struct Failure {
    pub kind: Kind,
    /// `kind.exit_code()`, kept beside it for the callers that print or compare it.
    pub code: u8,
    pub message: String,
    pub hint: Option<String>,
    /// The system's error number when an I/O call failed (`EADDRINUSE`): callers ask
    /// this, never the message.
    pub os_error: Option<i32>,
}

impl Failure {
    fn new(kind: Kind, message: String) -> Failure {
        Failure {
            kind,
            code: kind.exit_code(),
            message,
            hint: None,
            os_error: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether the system call behind it failed with `errno`.
    pub fn is_os_error(&self, errno: i32) -> bool {
        self.os_error == Some(errno)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Bad input: exit 2. `what` names the value, `why` says what is wrong with it.
pub fn usage(what: impl fmt::Display, why: impl fmt::Display) -> Failure {
    Failure::new(Kind::Usage, format!("{what}: {why}"))
}

/// Bad input said in a message of its own (clap's words): exit 2.
pub fn usage_message(message: String) -> Failure {
    Failure::new(Kind::Usage, message)
}

/// A failed operation: exit 1.
pub fn failed(what: impl fmt::Display, why: impl fmt::Display) -> Failure {
    Failure::new(Kind::Failed, format!("{what}: {why}"))
}

/// Ends the process with a code and nothing printed (the message, if any, was already
/// shown): 130/143 for a signal, or a program's own verdict.
pub fn quiet(code: u8) -> Failure {
    let kind = match code {
        exit::SIGINT | exit::SIGTERM => Kind::Interrupted(code),
        exit::USAGE => Kind::Usage,
        _ => Kind::Failed,
    };
    Failure {
        code,
        ..Failure::new(kind, String::new())
    }
}

/// A usage error in the command line as clap found it (exit 2): its message is clap's,
/// never split into what and why.
#[derive(Debug)]
pub struct CommandLine(pub Failure);

impl fmt::Display for CommandLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for CommandLine {}

/// Standard output went away: [`Kind::StdoutClosed`].
pub fn stdout_closed() -> Failure {
    Failure::new(Kind::StdoutClosed, "standard output closed".to_string())
}

/// Whether `err` is [`Kind::StdoutClosed`] (a reader that left stops the printing, and
/// some commands go on for their verdict).
pub fn is_stdout_closed(err: &anyhow::Error) -> bool {
    err.downcast_ref::<Failure>()
        .is_some_and(|f| f.kind == Kind::StdoutClosed)
}

/// The system's reason for an I/O error, lower-case and without "(os error N)":
/// `connection refused`, `address already in use`.
pub fn reason(err: &io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => lower_first(&crate::sys::strerror(code)),
        None if err.kind() == io::ErrorKind::TimedOut => "timed out".to_string(),
        None => lower_first(&err.to_string()),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An I/O error on `what` as a failed operation (exit 1), with its error number.
pub fn io_failed(what: impl fmt::Display, err: &io::Error) -> Failure {
    Failure {
        os_error: err.raw_os_error(),
        ..failed(what, reason(err))
    }
}

/// What `main` prints and returns for an error.
pub struct Report {
    pub code: u8,
    pub lines: Vec<String>,
    /// The same error as one JSON line, for `--json`: `{"event":"error","what":..,"why":..,
    /// "hint":..,"exit":..}` (`None` when nothing is to be said).
    pub json: Option<String>,
}

impl Report {
    /// The lines to print on stderr: the JSON line under `--json`, else the plain ones.
    pub fn lines(&self, json: bool) -> Vec<String> {
        match (&self.json, json) {
            (Some(line), true) => vec![line.clone()],
            _ => self.lines.clone(),
        }
    }
}

/// `what: why` back apart, at the first `": "` (a message without one is all `why`).
fn what_and_why(message: &str) -> (String, String) {
    match message.split_once(": ") {
        Some((what, why)) => (what.to_string(), why.to_string()),
        None => ("sockkit".to_string(), message.to_string()),
    }
}

pub fn report(err: &anyhow::Error) -> Report {
    if is_stdout_closed(err) {
        return Report {
            code: exit::OK,
            lines: Vec::new(),
            json: None,
        };
    }
    if let Some(io) = err.downcast_ref::<io::Error>()
        && io.kind() == io::ErrorKind::BrokenPipe
    {
        return Report {
            code: exit::OK,
            lines: Vec::new(),
            json: None,
        };
    }
    let command_line = err.downcast_ref::<CommandLine>().map(|c| &c.0);
    let (code, hint) = match command_line.or(err.downcast_ref::<Failure>()) {
        Some(f) if f.message.is_empty() => {
            return Report {
                code: f.code,
                lines: Vec::new(),
                json: None,
            };
        }
        Some(f) => (f.code, f.hint.clone()),
        None => (exit::FAILED, None),
    };
    // `{:#}` joins anyhow's context chain with ": ", giving `what: why`.
    let message = one_line(&crate::text::escape_control(&format!("{err:#}")));
    let (what, why) = match command_line {
        // clap's own words have colons of their own ("[subcommands: listen, ...]").
        Some(_) => ("command line".to_string(), message.clone()),
        None => what_and_why(&message),
    };
    let json = crate::schema::Event::Error {
        what: &what,
        why: &why,
        hint: hint.as_deref(),
        exit: code,
    }
    .to_json();
    let mut lines = vec![format!("sockkit: {message}")];
    if let Some(hint) = hint {
        lines.push(format!("  hint: {}", crate::text::escape_control(&hint)));
    }
    Report {
        code,
        lines,
        json: Some(json),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_lower_case_without_os_error() {
        let e = io::Error::from_raw_os_error(libc::ECONNREFUSED);
        assert_eq!(reason(&e), "connection refused");
    }

    /// The help footer and the man pages (made from it) list the codes this module
    /// returns, for every subcommand.
    #[test]
    fn the_help_footers_list_the_exit_codes_sockkit_returns() {
        use clap::CommandFactory;
        let top = crate::cli::Cli::command();
        let mut commands = vec![top.clone()];
        commands.extend(top.get_subcommands().cloned());
        for cmd in commands {
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let name = cmd.get_name().to_string();
            for code in [exit::OK, exit::FAILED, exit::USAGE] {
                assert!(help.contains(&format!("\n  {code}  ")), "{name}: {help}");
            }
        }
        let help = top
            .get_after_help()
            .map(|h| h.to_string())
            .unwrap_or_default();
        assert!(help.contains(&format!("{}, {}", exit::SIGINT, exit::SIGTERM)));
        assert_eq!(Kind::Usage.exit_code(), exit::USAGE);
        assert_eq!(Kind::Failed.exit_code(), exit::FAILED);
        assert_eq!(Kind::StdoutClosed.exit_code(), exit::OK);
    }

    #[test]
    fn a_closed_stdout_is_a_quiet_exit_0_known_by_its_kind() {
        let e: anyhow::Error = stdout_closed().into();
        assert!(is_stdout_closed(&e));
        let r = report(&e);
        assert_eq!((r.code, r.lines.len()), (exit::OK, 0));
        let other: anyhow::Error = failed("connect", "refused").into();
        assert!(!is_stdout_closed(&other));
    }

    #[test]
    fn usage_errors_exit_2() {
        let e: anyhow::Error = usage("port 70000", "out of range 0-65535").into();
        let r = report(&e);
        assert_eq!(r.code, 2);
        assert_eq!(r.lines, vec!["sockkit: port 70000: out of range 0-65535"]);
        assert_eq!(
            r.lines(true),
            vec![
                r#"{"event":"error","what":"port 70000","why":"out of range 0-65535","hint":null,"exit":2}"#
            ]
        );
    }

    #[test]
    fn context_chains_read_what_then_why() {
        let e = anyhow::Error::new(io::Error::from_raw_os_error(libc::ENOENT)).context("/nope");
        let r = report(&e);
        assert_eq!(r.code, 1);
        assert!(r.lines[0].starts_with("sockkit: /nope: "));
    }
}
