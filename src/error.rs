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

/// An error that knows its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
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
    Failure {
        code: exit::USAGE,
        message: format!("{what}: {why}"),
        hint: None,
    }
}

/// A failed operation: exit 1.
pub fn failed(what: impl fmt::Display, why: impl fmt::Display) -> Failure {
    Failure {
        code: exit::FAILED,
        message: format!("{what}: {why}"),
        hint: None,
    }
}

/// Ends the process with a code and nothing printed (the message, if any, was already shown).
pub fn quiet(code: u8) -> Failure {
    Failure {
        code,
        message: String::new(),
        hint: None,
    }
}

/// Standard output went away (`sockkit ... | head`): stop quietly, as a pipeline expects.
#[derive(Debug)]
pub struct StdoutClosed;

impl fmt::Display for StdoutClosed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("standard output closed")
    }
}

impl std::error::Error for StdoutClosed {}

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

/// An I/O error on `what` as a failed operation (exit 1).
pub fn io_failed(what: impl fmt::Display, err: &io::Error) -> Failure {
    failed(what, reason(err))
}

/// What `main` prints and returns for an error.
pub struct Report {
    pub code: u8,
    pub lines: Vec<String>,
}

pub fn report(err: &anyhow::Error) -> Report {
    if err.downcast_ref::<StdoutClosed>().is_some() {
        return Report {
            code: exit::OK,
            lines: Vec::new(),
        };
    }
    if let Some(io) = err.downcast_ref::<io::Error>()
        && io.kind() == io::ErrorKind::BrokenPipe
    {
        return Report {
            code: exit::OK,
            lines: Vec::new(),
        };
    }
    let (code, hint) = match err.downcast_ref::<Failure>() {
        Some(f) if f.message.is_empty() => {
            return Report {
                code: f.code,
                lines: Vec::new(),
            };
        }
        Some(f) => (f.code, f.hint.clone()),
        None => (exit::FAILED, None),
    };
    // `{:#}` joins anyhow's context chain with ": ", giving `what: why`.
    let message = crate::output::escape_control(&format!("{err:#}")).into_owned();
    let mut lines = vec![format!("sockkit: {}", one_line(&message))];
    if let Some(hint) = hint {
        lines.push(format!("  hint: {}", crate::output::escape_control(&hint)));
    }
    Report { code, lines }
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

    #[test]
    fn usage_errors_exit_2() {
        let e: anyhow::Error = usage("port 70000", "out of range 0-65535").into();
        let r = report(&e);
        assert_eq!(r.code, 2);
        assert_eq!(r.lines, vec!["sockkit: port 70000: out of range 0-65535"]);
    }

    #[test]
    fn context_chains_read_what_then_why() {
        let e = anyhow::Error::new(io::Error::from_raw_os_error(libc::ENOENT)).context("/nope");
        let r = report(&e);
        assert_eq!(r.code, 1);
        assert!(r.lines[0].starts_with("sockkit: /nope: "));
    }
}
