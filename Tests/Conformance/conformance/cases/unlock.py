"""UnlockConnector: OCTT TC_017_1/2, TC_018_1/2, TC_030, TC_031 (OCPP 1.6 §5.18)."""

from ocpp.v16 import call

from ..harness import case, status_is


async def unlock(ctx, connector=1):
    return (await ctx.csms.call(call.UnlockConnector(connector_id=connector))).status


@case("unlock_idle", octt="TC_017_1", profiles=["default"])
async def unlock_idle(ctx):
    """A socket without a session: Unlocked."""
    await ctx.boot()
    assert await unlock(ctx) == "Unlocked"


@case("unlock_fixed_cable", octt="TC_017_2, TC_018_2", profiles=["jst-con-03", "default"])
async def unlock_fixed_cable(ctx):
    """A fixed cable has no lock to release: NotSupported, idle or charging (the JST's
    connector 1, the default profile's connector 2)."""
    await ctx.boot()
    connector = 2 if ctx.profile == "default" else 1
    assert await unlock(ctx, connector) == "NotSupported"
    await ctx.start_session(connector=connector)
    mark = ctx.csms.mark()
    assert await unlock(ctx, connector) == "NotSupported"
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StopTransaction", after=mark), "a refused unlock stopped the transaction"


@case("unlock_session", octt="TC_018_1", profiles=["default"])
async def unlock_session(ctx):
    """Unlock during a transaction: the transaction stops (reason UnlockCommand), then
    the cable is released."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    assert await unlock(ctx) == "Unlocked"
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload["reason"] == "UnlockCommand", stop.payload


@case("unlock_failure", octt="TC_030", profiles=["default"])
async def unlock_failure(ctx):
    """A lock that does not open (`lock jam`): UnlockFailed."""
    await ctx.boot()
    ctx.station.command("lock jam 1")
    await ctx.station.snapshot()
    assert await unlock(ctx) == "UnlockFailed"


@case("unlock_unknown_connector", octt="TC_031")
async def unlock_unknown_connector(ctx):
    """A connector the station does not have: NotSupported."""
    await ctx.boot()
    assert await unlock(ctx, 7) == "NotSupported"
