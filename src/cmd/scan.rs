//! `sockkit connect -z`: port scanning.

use crate::cli::ConnectArgs;
use crate::options::Ctx;

pub fn run(_ctx: &Ctx, _args: &ConnectArgs) -> anyhow::Result<()> {
    super::not_built("connect -z")
}
