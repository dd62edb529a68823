use crate::cli::UdpSendArgs;
use crate::options::Ctx;

pub fn run(_ctx: &Ctx, _args: &UdpSendArgs) -> anyhow::Result<()> {
    super::not_built("udp-send")
}
