"""The simulated hardware (issue "Nothing lost at a power cut" §7): a reboot that takes
time, a cable lock that jams and is freed, an EV set up before it is plugged in."""

import time

from ocpp.v16 import call

from ..harness import case, status_is
from .sessions import jammed_session


@case("reboot_takes_its_time", octt="TC_013")
async def reboot_takes_its_time(ctx):
    """After Reset.conf the station closes the socket at once and sends its new
    BootNotification only after the profile's reboot-seconds (3 s), not within a
    millisecond (a CSMS may then take the Reset as unanswered)."""
    await ctx.boot()
    mark = ctx.csms.mark()
    disconnections = ctx.csms.disconnections
    connections = ctx.csms.connections
    result = await ctx.csms.call(call.Reset(type="Soft"))
    answered = time.monotonic()
    assert result.status == "Accepted", result
    await ctx.csms.wait_disconnected(disconnections + 1, timeout=2)
    closed = time.monotonic() - answered
    snapshot = await ctx.station.snapshot()
    assert snapshot["rebooting"] is True, snapshot
    await ctx.csms.wait_connected(connections + 1, timeout=10)
    await ctx.csms.wait_call("BootNotification", after=mark, timeout=10)
    booted = time.monotonic() - answered
    assert closed < 1.0, f"the socket closed {closed:.2f} s after the Reset.conf"
    assert booted >= 2.5, f"the new BootNotification came {booted:.2f} s after the Reset.conf"


@case("lock_jam_and_free", octt="TC_024", profiles=["default"])
async def lock_jam_and_free(ctx):
    """`lock jam 1`: a session faults with ConnectorLockFailure and no transaction starts;
    `lock free 1`: the fault clears and the next card starts the session."""
    await jammed_session(ctx)
    mark = ctx.csms.mark()
    ctx.station.command("lock free 1")
    cleared = await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    assert cleared.payload["errorCode"] == "NoError", cleared.payload
    ctx.swipe("VALID1")
    await ctx.csms.wait_call("StartTransaction", after=mark)


@case("ev_power_before_plug", octt="")
async def ev_power_before_plug(ctx):
    """`ev power 1 7` before the cable: the next EV draws at most 7 kW."""
    await ctx.boot()
    mark = ctx.station.mark()
    ctx.station.command("ev power 1 7")
    await ctx.station.snapshot()
    assert not ctx.station.errors(after=mark), ctx.station.errors(after=mark)
    await ctx.start_session()
    snapshot = await ctx.station.snapshot()
    assert abs(snapshot["connectors"][0]["powerW"] - 7000) < 1, snapshot["connectors"][0]
