use crate::cli::UdpRecvArgs;
use crate::options::Ctx;

pub fn run(_ctx: &Ctx, _args: &UdpRecvArgs) -> anyhow::Result<()> {
    super::not_built("udp-recv")
}
