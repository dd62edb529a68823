use std::process::ExitCode;

use clap::Parser;
use sockkit::cli::Cli;
use sockkit::error::{exit, report};

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
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("invalid usage");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    eprintln!("sockkit: {first}");
    eprintln!("  hint: see 'sockkit --help' or 'sockkit <command> --help'");
    ExitCode::from(exit::USAGE)
}
