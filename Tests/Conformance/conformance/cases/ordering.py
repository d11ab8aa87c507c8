"""A transaction's start or end reaches the central system before the status it led to
(OCPP 1.6 §4.9, §3.7; issue "Nothing lost at a power cut" §3): after a power cut, after
an offline period, and in normal operation."""

from ..harness import case
from .connectivity import outage, recovery


def first_index(frames, action, where=lambda payload: True):
    for index, frame in enumerate(frames):
        if frame.action == action and where(frame.payload):
            return index
    return None


def of_connector(connector):
    return lambda payload: payload["connectorId"] == connector


async def stop_then_status(ctx, mark):
    """Waits for the StopTransaction and connector 1's StatusNotification after `mark`;
    asserts the stop came first. The station's CALLs after the mark, and the status."""
    await ctx.csms.wait_call("StopTransaction", after=mark, timeout=20)
    await ctx.csms.wait_call("StatusNotification", of_connector(1), after=mark)
    calls = [f for f in ctx.csms.frames[mark:] if f.sender == "station" and f.kind == 2]
    stop = first_index(calls, "StopTransaction")
    status = first_index(calls, "StatusNotification", of_connector(1))
    assert stop < status, [(f.action, f.payload.get("status")) for f in calls]
    return calls, calls[status]


@case("order_stop_before_finishing_after_power_cut", octt="§4.9")
async def order_stop_before_finishing_after_power_cut(ctx):
    """After a power cut during a session: StopTransaction(PowerLoss), then Finishing."""
    await ctx.boot()
    await ctx.start_session()
    await ctx.power_cut()
    mark = ctx.csms.mark()
    await ctx.launch()
    _, status = await stop_then_status(ctx, mark)
    assert status.payload["status"] == "Finishing", status.payload


@case("order_offline_stop_before_available", octt="§4.9", timeout=90)
async def order_offline_stop_before_available(ctx):
    """Offline, stop, unplug, back online: the queued StopTransaction before the
    StatusNotification Available; the historical Finishing is not reported (§4.9 rule 3)."""
    await ctx.boot()
    await ctx.start_session()
    await outage(ctx)
    mark_events = ctx.station.mark()
    ctx.station.command("stop 1")
    ctx.station.command("unplug 1")
    await ctx.station.wait_status(1, "Available", after=mark_events)
    mark = ctx.csms.mark()
    await recovery(ctx)
    calls, _ = await stop_then_status(ctx, mark)
    statuses = [f.payload["status"] for f in calls if f.action == "StatusNotification" and f.payload["connectorId"] == 1]
    assert statuses == ["Available"], statuses
