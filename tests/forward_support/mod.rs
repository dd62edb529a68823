//! A `sockkit forward` started in the background for the forward and dump tests: its
//! port read from its `listening` event, its events read on a thread.
#![allow(dead_code)]

use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::sockkit;
use crate::stream_support::lines_of;

/// A running `sockkit --json -v forward ...`; killed when dropped.
pub struct Forward {
    pub child: Child,
    /// The TCP port it listens on (0 for a Unix listener).
    pub port: u16,
    events: mpsc::Receiver<String>,
}

impl Forward {
    /// Start `sockkit --json -v forward ARGS` and wait for its `listening` event.
    pub fn start(args: &[&str]) -> Forward {
        let mut full = vec!["forward"];
        full.extend_from_slice(args);
        Forward::start_with(&full)
    }

    /// Start `sockkit --json -v ARGS` (global options, then `forward` and its own) and
    /// wait for its `listening` event.
    pub fn start_with(args: &[&str]) -> Forward {
        let mut full = vec!["--json", "-v"];
        full.extend_from_slice(args);
        let mut child = sockkit(&full)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sockkit forward");
        let events = lines_of(child.stderr.take().expect("stderr"));
        let start = Instant::now();
        loop {
            let left = Duration::from_secs(10).saturating_sub(start.elapsed());
            let Ok(line) = events.recv_timeout(left) else {
                let _ = child.kill();
                let _ = child.wait();
                panic!("sockkit {args:?} printed no listening event");
            };
            let Ok(event) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if event["event"] == "listening" {
                let address = event["address"].as_str().unwrap_or_default();
                let port = address
                    .rsplit(':')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                return Forward {
                    child,
                    port,
                    events,
                };
            }
        }
    }

    /// The next event of kind `kind` (JSON), waiting at most `limit`.
    pub fn event(&self, kind: &str, limit: Duration) -> Option<serde_json::Value> {
        let start = Instant::now();
        loop {
            let left = limit.checked_sub(start.elapsed())?;
            let line = self.events.recv_timeout(left).ok()?;
            let Ok(event) = serde_json::from_str::<serde_json::Value>(&line) else {
                panic!("not a JSON event: {line}");
            };
            if event["event"] == kind {
                return Some(event);
            }
        }
    }

    /// The next `n` events of kind `kind`, waiting at most `limit` in all.
    pub fn events(&self, kind: &str, n: usize, limit: Duration) -> Vec<serde_json::Value> {
        let start = Instant::now();
        let mut got = Vec::new();
        while got.len() < n {
            let left = limit.saturating_sub(start.elapsed());
            match self.event(kind, left) {
                Some(e) => got.push(e),
                None => panic!("{} of {n} '{kind}' events came: {got:?}", got.len()),
            }
        }
        got
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the forwarder still runs.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Forward {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
