//! sockkit: a network diagnostics toolkit in the netcat / ss family.
//!
//! Data flows one way: argv -> [`cli::Cli`] -> checked [`options::Ctx`] -> a subcommand's
//! `run` -> the [`output`] layer. The shared layer (endpoints, durations, socket options,
//! socket creation, output, errors) lives beside `cmd/`.

pub mod acceptor;
pub mod cli;
pub mod cmd;
pub mod datagram;
pub mod diag;
pub mod dump;
pub mod echo;
pub mod endpoint;
pub mod engine;
pub mod error;
pub mod exec;
pub mod fdio;
pub mod habits;
pub mod hub;
pub mod options;
pub mod output;
pub mod parse;
pub mod proxy;
pub mod relay;
pub mod schema;
pub mod signals;
pub mod socket;
pub mod sockopt;
pub mod sys;
pub mod tcp;
pub mod text;
pub mod tls;

pub use sys::memory;
