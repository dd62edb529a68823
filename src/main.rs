use std::process::ExitCode;

use clap::Parser;
use sockkit::cli::Cli;
use sockkit::error::{exit, report};

#[global_allocator]
static ALLOCATOR: sockkit::memory::ExitOnOutOfMemory = sockkit::memory::ExitOnOutOfMemory;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match sockkit::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let r = report(&err);
            for line in &r.lines {
                eprintln!("{line}");
            }
            if r.code == exit::SIGINT || r.code == exit::SIGTERM {
                sockkit::signals::reraise();
            }
            ExitCode::from(r.code)
        }
    }
}

/// clap's own errors, as one `sockkit: ...` line (exit 2); --help and --version as clap prints them.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind::*;
    if matches!(
        e.kind(),
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
            exit::USAGE
        } else {
            exit::OK
        });
    }
    // clap's first paragraph says what is wrong (a missing argument is on its own line).
    let text = e.render().to_string();
    let what: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let what = what.join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    eprintln!("sockkit: {what}");
    eprintln!("  hint: see 'sockkit --help' or 'sockkit <command> --help'");
    ExitCode::from(exit::USAGE)
}
