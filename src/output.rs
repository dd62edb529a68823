//! The one output layer: records on stdout (plain or JSON Lines), events on stderr
//! (`-v`, `-vv`), colour decided once.
//!
//! Subcommands hand it both forms of a record and never look at `--json` or `--color`
//! themselves. Byte streams (the relay's payload) bypass it and go straight to fd 1.

use crate::text::escape_control;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use owo_colors::OwoColorize;

use crate::cli::ColorWhen;
use crate::schema::{self, Event};

/// The role of a piece of text; the output layer picks the colour.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    /// open, success, a matched value
    Good,
    /// closed, refused, an error
    Bad,
    /// timeout, something worth a look
    Warn,
    /// column headers
    Header,
    /// secondary detail (latency, process)
    Dim,
}

#[derive(Debug, Clone)]
pub struct Output {
    json: bool,
    verbosity: u8,
    color_out: bool,
    color_err: bool,
    progress: bool,
}

/// `--color auto`: a terminal, `NO_COLOR` unset or empty, and `TERM` not `dumb`.
fn wants_color(when: ColorWhen, is_terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

impl Output {
    pub fn new(json: bool, verbosity: u8, color: ColorWhen) -> Self {
        Output {
            json,
            verbosity,
            color_out: !json && wants_color(color, io::stdout().is_terminal()),
            color_err: !json && wants_color(color, io::stderr().is_terminal()),
            // As curl does: a live line on the terminal while the data goes to a file or
            // a pipe, never when the data itself is on the terminal.
            progress: !json && io::stderr().is_terminal() && !io::stdout().is_terminal(),
        }
    }

    /// Whether a live progress line may be drawn on stderr ([`Output::progress`]).
    pub fn progress_allowed(&self) -> bool {
        self.progress
    }

    /// Redraw the progress line in place: `text` with no newline, over what was there.
    pub fn progress(&self, text: &str) {
        if self.progress {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K{text}");
            let _ = err.flush();
        }
    }

    /// Erase the progress line, so what follows starts on a clean line.
    pub fn progress_clear(&self) {
        self.progress("");
    }

    pub fn json(&self) -> bool {
        self.json
    }

    pub fn verbosity(&self) -> u8 {
        self.verbosity
    }

    /// Whether `-vv` syscall tracing is on.
    pub fn tracing(&self) -> bool {
        self.verbosity >= 2
    }

    /// Colour `text` for stdout.
    pub fn paint(&self, text: &str, style: Style) -> String {
        paint(text, style, self.color_out)
    }

    /// Colour `text` for stderr.
    pub fn paint_err(&self, text: &str, style: Style) -> String {
        paint(text, style, self.color_err)
    }

    /// One record on stdout: `plain` as a text line, or `json` (a record of
    /// [`crate::schema`]) as a JSON line.
    pub fn record<J: serde::Serialize>(
        &self,
        plain: impl FnOnce() -> String,
        json: impl FnOnce() -> J,
    ) -> anyhow::Result<()> {
        if self.json {
            self.write_stdout(&schema::to_json(&json()))
        } else {
            self.write_stdout(&plain())
        }
    }

    /// A record that has no plain line of its own, as a JSON line on stdout (the caller
    /// writes its plain form some other way).
    pub fn json_record(&self, record: &impl serde::Serialize) -> anyhow::Result<()> {
        self.write_stdout(&schema::to_json(record))
    }

    /// A plain text line on stdout, whatever `--json` says (for output that has no record form).
    pub fn line(&self, text: &str) -> anyhow::Result<()> {
        self.write_stdout(text)
    }

    fn write_stdout(&self, text: &str) -> anyhow::Result<()> {
        let mut line = Vec::with_capacity(text.len() + 1);
        line.extend_from_slice(text.as_bytes());
        line.push(b'\n');
        crate::fdio::write_all(crate::fdio::STDOUT, &line).map_err(stdout_error)
    }

    /// An event, when its level ([`schema::EVENTS`]) is reached: `plain` on stderr, or
    /// its JSON line with `--json`.
    pub fn emit(&self, event: &Event, plain: impl FnOnce() -> String) {
        if self.verbosity < event.doc().level.verbosity() {
            return;
        }
        if self.json {
            write_stderr(&event.to_json());
        } else {
            write_stderr(&escape_control(&plain()));
        }
    }

    /// One system call at `-vv`, strace-style: `connect(3, 127.0.0.1:80) = 0`.
    pub fn trace(&self, call: impl FnOnce() -> String) {
        if self.tracing() {
            let call = call();
            self.emit(&Event::Syscall { call: &call }, || call.clone());
        }
    }

    /// A note on stderr, always shown, about a wait that could surprise:
    /// `sockkit: <message>` and `  hint: <hint>`.
    pub fn notice(&self, message: &str, hint: &str) {
        if self.json {
            write_stderr(&Event::Notice { message, hint }.to_json());
        } else {
            write_stderr(&format!("sockkit: {message}\n  hint: {hint}"));
        }
    }

    /// A warning on stderr, always shown: `sockkit: warning: ...`.
    pub fn warn(&self, message: &str) {
        if self.json {
            write_stderr(&Event::Warning { message }.to_json());
        } else {
            let prefix = self.paint_err("warning", Style::Warn);
            write_stderr(&format!("sockkit: {prefix}: {}", escape_control(message)));
        }
    }
}

fn paint(text: &str, style: Style, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    match style {
        Style::Good => text.green().to_string(),
        Style::Bad => text.red().to_string(),
        Style::Warn => text.yellow().to_string(),
        Style::Header => text.bold().to_string(),
        Style::Dim => text.dimmed().to_string(),
    }
}

/// Records gathered in memory and written with one write(2) per [`RecordBatch::flush`]:
/// for commands that produce many records (a record per datagram, a table of 20,000
/// sockets, a scan of 65,535 ports), where a flush per line would cost more than the
/// work behind it. The caller flushes after each batch it handles, so nothing waits in
/// memory while the command blocks.
pub struct RecordBatch<'a> {
    out: &'a Output,
    buf: Vec<u8>,
}

impl Output {
    pub fn batch(&self) -> RecordBatch<'_> {
        RecordBatch {
            out: self,
            buf: Vec::with_capacity(64 * 1024),
        }
    }
}

impl RecordBatch<'_> {
    /// One record, as [`Output::record`]: `plain` gives the text line, or `json` the JSON
    /// form (a struct keeps its field order, and no intermediate tree is built).
    pub fn record<J: serde::Serialize>(
        &mut self,
        plain: impl FnOnce() -> String,
        json: impl FnOnce() -> J,
    ) {
        self.record_bytes(|buf| buf.extend_from_slice(plain().as_bytes()), json);
    }

    /// A plain line whatever `--json` says (a table header, a total).
    pub fn line(&mut self, text: &str) {
        self.buf.extend_from_slice(text.as_bytes());
        self.buf.push(b'\n');
    }

    /// One record whose plain form is bytes that need not be UTF-8 (a datagram's payload).
    /// The newline is added here.
    pub fn record_bytes<J: serde::Serialize>(
        &mut self,
        plain: impl FnOnce(&mut Vec<u8>),
        json: impl FnOnce() -> J,
    ) {
        if self.out.json {
            // Writing JSON into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut self.buf, &json());
        } else {
            plain(&mut self.buf);
        }
        self.buf.push(b'\n');
    }

    /// Bytes for stdout exactly as given (`--raw` payloads), in order with the records.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Drop what is gathered (its reader is gone).
    pub fn discard(&mut self) {
        self.buf.clear();
    }

    pub fn flush(&mut self) -> anyhow::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let res = crate::fdio::write_all(crate::fdio::STDOUT, &self.buf);
        self.buf.clear();
        res.map_err(stdout_error)
    }
}

/// A duration in milliseconds for JSON, to the microsecond (`0.091`, not `0.09131600000000001`).
pub fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// An elapsed time in the events and --stats: `0.21ms`, `12.3ms`, `1.52s`.
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2}ms")
    } else if ms < 1000.0 {
        format!("{ms:.1}ms")
    } else {
        format!("{:.2}s", d.as_secs_f64())
    }
}

/// A measured time to the hundredth of a millisecond, as `-v` shows a lookup or a TLS
/// handshake: `0.21ms`, `1520.00ms`.
pub fn millis_text(ms: f64) -> String {
    format!("{ms:.2}ms")
}

/// A round trip in scan's latency column: `0.12 ms`, `12.3 ms`, `1000 ms`, three
/// significant digits or so.
pub fn latency_text(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// stderr is best effort: a closed stderr must not turn into a failure of its own.
fn write_stderr(text: &str) {
    // One write: a line on stderr is never split by records going to the same terminal
    // or pipe on stdout (`close(3) = 0127.0.0.1  8080/tcp ...`).
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// A write to stdout failed: a closed pipe ends the program quietly, a write given up for
/// SIGINT/SIGTERM ends it as the signal asks, anything else is an error.
pub fn stdout_error(err: io::Error) -> anyhow::Error {
    if err.kind() == io::ErrorKind::BrokenPipe {
        crate::error::stdout_closed().into()
    } else if let Some(code) = crate::signals::caught() {
        crate::error::quiet(code).into()
    } else {
        anyhow::Error::new(crate::error::io_failed("standard output", &err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_keep_small_values_readable() {
        assert_eq!(human_duration(Duration::from_micros(210)), "0.21ms");
        assert_eq!(human_duration(Duration::from_millis(1520)), "1.52s");
        assert_eq!(millis_text(0.2131), "0.21ms");
        assert_eq!(millis_text(1520.0), "1520.00ms");
    }

    #[test]
    fn latency_reads_well() {
        assert_eq!(latency_text(Duration::from_micros(120)), "0.12 ms");
        assert_eq!(latency_text(Duration::from_micros(12_340)), "12.3 ms");
        assert_eq!(latency_text(Duration::from_secs(1)), "1000 ms");
        assert_eq!(millis(Duration::from_micros(1234)), 1.234);
    }

    #[test]
    fn never_and_always_are_absolute() {
        assert!(!wants_color(ColorWhen::Never, true));
        assert!(wants_color(ColorWhen::Always, false));
        assert!(!wants_color(ColorWhen::Auto, false));
    }
}
