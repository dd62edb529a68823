use crate::cli::ListenArgs;
use crate::options::Ctx;

pub fn run(_ctx: &Ctx, _args: &ListenArgs) -> anyhow::Result<()> {
    super::not_built("listen")
}
