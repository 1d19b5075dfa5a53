//! What the history's filter flags (`history list`, `history export`, `history clear
//! --profile`) ask core for: one place that turns them into a [`HistoryQuery`].

use textgate_core::harness::history::{Channel, Direction, HistoryQuery};

use crate::args::{ChannelArg, DirectionArg, HistorySelect};
use crate::context::Context;
use crate::error::CliResult;

/// The id of the profile named by `--profile`, when given.
pub(super) fn profile_id(ctx: &Context, profile: Option<&str>) -> CliResult<Option<String>> {
    Ok(match profile {
        Some(name) => Some(ctx.workspace.profiles().resolve(name)?.id),
        None => None,
    })
}

/// The query `select` stands for, with at most `limit` entries.
pub(super) fn query_of(
    ctx: &Context,
    select: HistorySelect,
    limit: Option<u32>,
) -> CliResult<HistoryQuery> {
    Ok(HistoryQuery {
        profile_id: profile_id(ctx, select.profile.as_deref())?,
        chat_id: select.chat_id,
        text: select.text,
        status: select.status,
        channel: select.channel.map(|channel| match channel {
            ChannelArg::Send => Channel::Send,
            ChannelArg::Emulate => Channel::Emulate,
            ChannelArg::Receive => Channel::Receive,
        }),
        limit,
        direction: select.direction.map(|direction| match direction {
            DirectionArg::In => Direction::Received,
            DirectionArg::Out => Direction::Sent,
        }),
        before: None,
        since: select.since,
        until: select.until,
    })
}
