use crate::cli::ConnectArgs;
use crate::options::Ctx;

pub fn run(ctx: &Ctx, args: &ConnectArgs) -> anyhow::Result<()> {
    if args.scan {
        return super::scan::run(ctx, args);
    }
    super::not_built("connect")
}
