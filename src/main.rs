use std::ffi::OsString;
use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;
use sockkit::cli::Cli;
use sockkit::error::{exit, reason, report};
use sockkit::habits;

#[global_allocator]
static ALLOCATOR: sockkit::memory::ExitOnOutOfMemory = sockkit::memory::ExitOnOutOfMemory;

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let json = habits::json_requested(&argv);
    let result = match Cli::try_parse_from(&argv) {
        Ok(cli) => habits::check(&cli)
            .map_err(anyhow::Error::from)
            .and_then(|()| sockkit::cmd::run(cli)),
        Err(e) if is_display(&e) => return display(&e),
        Err(e) => Err(habits::usage_failure(&e, &argv).into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let r = report(&err);
            for line in r.lines(json) {
                eprintln!("{line}");
            }
            if r.code == exit::SIGINT || r.code == exit::SIGTERM {
                sockkit::signals::reraise();
            }
            ExitCode::from(r.code)
        }
    }
}

/// --help and --version (and help shown for a bare `sockkit`): not errors.
fn is_display(e: &clap::Error) -> bool {
    use clap::error::ErrorKind::*;
    matches!(
        e.kind(),
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// Print help or version as clap does. A closed pipe is fine (`| head`); any other write
/// error (`> /dev/full`) is a failure.
fn display(e: &clap::Error) -> ExitCode {
    if let Err(err) = e.print()
        && err.kind() != ErrorKind::BrokenPipe
    {
        eprintln!("sockkit: standard output: {}", reason(&err));
        return ExitCode::from(exit::FAILED);
    }
    ExitCode::from(match e.kind() {
        clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => exit::USAGE,
        _ => exit::OK,
    })
}
