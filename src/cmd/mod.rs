//! One module per subcommand, one match to dispatch.

use crate::cli::{Cli, Command};
use crate::options::Ctx;

pub mod byteorder;
pub mod connect;
pub mod conns;
pub mod forward;
pub mod listen;
pub mod ping;
pub mod resolve;
pub mod scan;
pub mod sockopt;
pub mod tls;
pub mod udp_recv;
pub mod udp_send;
pub mod wait;

/// Check the global options, then hand the subcommand its checked context.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = Ctx::from_args(&cli.global)?;
    match &cli.command {
        Command::Listen(a) => listen::run(&ctx, a),
        Command::Connect(a) => connect::run(&ctx, a),
        Command::UdpSend(a) => udp_send::run(&ctx, a),
        Command::UdpRecv(a) => udp_recv::run(&ctx, a),
        Command::Resolve(a) => resolve::run(&ctx, a),
        Command::Sockopt(a) => sockopt::run(&ctx, a),
        Command::Conns(a) => conns::run(&ctx, a),
        Command::Byteorder(a) => byteorder::run(&ctx, a),
        Command::Ping(a) => ping::run(&ctx, a),
        Command::Wait(a) => wait::run(&ctx, a),
        Command::Tls(a) => tls::run(&ctx, a),
        Command::Forward(a) => forward::run(&ctx, a),
    }
}

/// The checked context and the subcommand `argv` (without the program name) parses to:
/// what the plans' unit tests start from.
#[cfg(test)]
pub(crate) fn parsed(argv: &[&str]) -> (Ctx, Command) {
    use clap::Parser;
    let argv = std::iter::once("sockkit").chain(argv.iter().copied());
    let cli = Cli::try_parse_from(argv).expect("the arguments parse");
    let ctx = Ctx::from_args(&cli.global).expect("the global options check");
    (ctx, cli.command)
}
