"""Reset: OCTT TC_013 to TC_016 (OCPP 1.6 §5.14)."""

from ocpp.v16 import call

from ..harness import case, status_is


async def reset_and_reboot(ctx, kind):
    """Reset of `kind`; asserts Accepted, then the reboot: a new connection and a
    BootNotification on it. The mark before the reset."""
    mark = ctx.csms.mark()
    connections = ctx.csms.connections
    result = await ctx.csms.call(call.Reset(type=kind))
    assert result.status == "Accepted", result
    await ctx.csms.wait_connected(connections + 1, timeout=15)
    boot = await ctx.csms.wait_call("BootNotification", after=mark, timeout=10)
    assert boot.connection == connections + 1, "BootNotification on the old connection"
    await ctx.csms.wait_call("StatusNotification", lambda p: p["connectorId"] == 0, after=mark)
    return mark


@case("hard_reset_idle", octt="TC_013")
async def hard_reset_idle(ctx):
    """Hard reset without a transaction; a connector made Inoperative stays Unavailable
    through the reboot (§5.3 "persistent")."""
    await ctx.boot()
    mark = ctx.csms.mark()
    result = await ctx.csms.call(call.ChangeAvailability(connector_id=1, type="Inoperative"))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Unavailable"), after=mark)
    mark = await reset_and_reboot(ctx, "Hard")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Unavailable"), after=mark)
    result = await ctx.csms.call(call.ChangeAvailability(connector_id=1, type="Operative"))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


@case("soft_reset_idle", octt="TC_014")
async def soft_reset_idle(ctx):
    await ctx.boot()
    mark = await reset_and_reboot(ctx, "Soft")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


async def reset_with_session(ctx, kind):
    """The transaction is stopped (reason HardReset / SoftReset) before the reboot."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    mark = await reset_and_reboot(ctx, kind)
    stop = next(iter(ctx.csms.calls("StopTransaction", after=mark)), None)
    assert stop is not None, "no StopTransaction before the reboot"
    assert stop.payload["transactionId"] == transaction_id, stop.payload
    assert stop.payload["reason"] == f"{kind}Reset", stop.payload
    boot = ctx.csms.calls("BootNotification", after=mark)[0]
    assert ctx.csms.frames.index(stop) < ctx.csms.frames.index(boot), "StopTransaction after the reboot"


@case("hard_reset_session", octt="TC_015")
async def hard_reset_session(ctx):
    await reset_with_session(ctx, "Hard")


@case("soft_reset_session", octt="TC_016")
async def soft_reset_session(ctx):
    await reset_with_session(ctx, "Soft")
