//! The global options, checked once before any work: what every subcommand's `run`
//! receives instead of raw arguments.

use std::time::Duration;

use crate::cli::GlobalArgs;
use crate::endpoint::Family;
use crate::error::{Failure, usage};
use crate::output::Output;
use crate::parse;
use crate::sockopt::{Setting, SockKind};

/// Checked global options and the output layer.
#[derive(Debug)]
pub struct Ctx {
    pub family: Family,
    /// `-w/--timeout`: bound on connect, accept and response waits.
    pub timeout: Option<Duration>,
    /// `-O NAME=VALUE`, applied to every socket created (see `socket.rs`).
    pub sockopts: Vec<Setting>,
    pub out: Output,
}

impl Ctx {
    pub fn from_args(g: &GlobalArgs) -> Result<Ctx, Failure> {
        let family = match (g.ipv4, g.ipv6) {
            (true, false) => Family::V4,
            (false, true) => Family::V6,
            _ => Family::Any,
        };
        let timeout = parse::duration_flag("--timeout", g.timeout.as_deref())?;
        let sockopts = g
            .sockopt
            .iter()
            .map(|s| Setting::parse(s).map_err(|e| e.prefixed("-O")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Ctx {
            family,
            timeout,
            sockopts,
            out: Output::new(g.json, g.verbose, g.color),
        })
    }

    /// Called by a subcommand with the socket kinds it creates: a `-O` option that fits none
    /// of them is bad input, not something to drop silently.
    pub fn check_sockopts(&self, kinds: &[SockKind]) -> Result<(), Failure> {
        for s in &self.sockopts {
            if !kinds.iter().any(|k| s.opt.applies_to(*k)) {
                let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                return Err(usage(
                    format!("-O {}", s.text),
                    format!(
                        "{} applies to {} sockets; this command creates {}",
                        s.opt.name,
                        s.opt.type_names(),
                        names.join("/")
                    ),
                ));
            }
        }
        Ok(())
    }
}

impl Failure {
    /// Name the option a bad value came from: `--timeout: duration 'x': ...`.
    pub fn prefixed(mut self, option: &str) -> Failure {
        self.message = format!("{option}: {}", self.message);
        self
    }
}
