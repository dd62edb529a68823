use crate::cli::ConnsArgs;
use crate::options::Ctx;

pub fn run(_ctx: &Ctx, _args: &ConnsArgs) -> anyhow::Result<()> {
    super::not_built("conns")
}
