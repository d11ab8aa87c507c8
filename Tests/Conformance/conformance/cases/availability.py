"""ChangeAvailability (OCPP 1.6 §5.2, §4.9): the connector and the whole station, idle
and during a transaction (Scheduled)."""

from ocpp.v16 import call

from ..harness import case, status_is


async def change(ctx, connector, kind, expect):
    result = await ctx.csms.call(call.ChangeAvailability(connector_id=connector, type=kind))
    assert result.status == expect, f"ChangeAvailability {connector} {kind}: {result.status}, expected {expect}"


@case("change_availability", octt="TC_013 (part), §5.2")
async def change_availability(ctx):
    mark = await ctx.boot()
    await change(ctx, 1, "Inoperative", "Accepted")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Unavailable"), after=mark)
    await change(ctx, 1, "Inoperative", "Accepted")  # already so: Accepted again
    await change(ctx, 1, "Operative", "Accepted")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)
    # During a transaction: Scheduled, applied when it ends.
    await ctx.start_session()
    mark = ctx.csms.mark()
    await change(ctx, 0, "Inoperative", "Scheduled")
    ctx.station.command("stop 1")
    await ctx.csms.wait_call("StopTransaction", after=mark)
    ctx.station.command("unplug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Unavailable"), after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(0, "Unavailable"), after=mark)
    await change(ctx, 0, "Operative", "Accepted")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)
    await change(ctx, 9, "Inoperative", "Rejected")
