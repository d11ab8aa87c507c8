"""Booting: OCTT TC_001 (cold boot, Accepted and Rejected) and TC_002 (Pending)."""

import time

from ocpp.v16 import call

from ..harness import case

IDENTITY = {
    "default": {"chargePointVendor": "OCPP Console", "chargePointModel": "Duo 22/50", "firmwareVersion": "1.0.0"},
    "jst-con-03": {"chargePointVendor": "JS Tech", "chargePointModel": "JST-CON-03", "firmwareVersion": "03.01.01"},
}


@case("cold_boot", octt="TC_001")
async def cold_boot(ctx):
    """BootNotification with the profile's identity, then a StatusNotification Available
    for the station and every connector, then a Heartbeat at the interval the boot answer
    set (OCPP 1.6 §4.2, §4.6, §4.9)."""
    ctx.csms.boot_answers = [("Accepted", 2)]
    mark = ctx.csms.mark()
    await ctx.boot()
    boot = (await ctx.csms.wait_call("BootNotification", after=mark)).payload
    for field, value in IDENTITY[ctx.profile].items():
        assert boot.get(field) == value, f"BootNotification {field} = {boot.get(field)!r}, expected {value!r}"
    statuses = ctx.csms.calls("StatusNotification", after=mark)
    reported = sorted(s.payload["connectorId"] for s in statuses)
    assert reported == [0, *ctx.connectors], f"StatusNotification for connectors {reported}"
    assert all(s.payload["status"] == "Available" and s.payload["errorCode"] == "NoError" for s in statuses)
    started = time.monotonic()
    await ctx.csms.wait_call("Heartbeat", after=mark, timeout=6)
    assert time.monotonic() - started < 4, "the Heartbeat came later than the 2 s interval"
    await ctx.station.wait_event(lambda e: e["type"] == "registration" and e["status"] == "Accepted")


@case("boot_rejected", octt="TC_001")
async def boot_rejected(ctx):
    """Rejected: the station sends nothing until the interval has passed, then boots
    again (OCPP 1.6 §4.2)."""
    ctx.csms.boot_answers = [("Rejected", 3)]
    mark = ctx.csms.mark()
    await ctx.boot()
    boots = ctx.csms.calls("BootNotification", after=mark)
    assert len(boots) == 2, f"{len(boots)} BootNotifications, expected a rejected one and an accepted one"
    between = [f for f in ctx.csms.frames[ctx.csms.frames.index(boots[0]) + 1:ctx.csms.frames.index(boots[1])]
               if f.sender == "station" and f.kind == 2]
    assert not between, f"the station sent {[f.action for f in between]} while Rejected"
    gap = boots[1].time - boots[0].time
    assert gap >= 2.5, f"the second BootNotification came {gap:.1f} s after the rejection, before the 3 s interval"


@case("boot_pending", octt="TC_002")
async def boot_pending(ctx):
    """Pending: the central system may read and change the configuration; the station
    answers but initiates nothing but its next BootNotification (OCPP 1.6 §4.2)."""
    ctx.csms.boot_answers = [("Pending", 4)]
    mark = ctx.csms.mark()
    await ctx.launch()
    await ctx.csms.wait_call("BootNotification", after=mark)
    await ctx.csms.wait_answer_to(ctx.csms.calls("BootNotification", after=mark)[0])
    result = await ctx.csms.call(call.GetConfiguration(key=["HeartbeatInterval"]))
    assert [k["key"] for k in result.configuration_key] == ["HeartbeatInterval"], result
    result = await ctx.csms.call(call.ChangeConfiguration(key="MeterValueSampleInterval", value="15"))
    assert result.status == "Accepted", result
    boots = await ctx.csms.wait_calls("BootNotification", 2, after=mark, timeout=8)
    first, second = ctx.csms.frames.index(boots[0]), ctx.csms.frames.index(boots[1])
    unasked = [f.action for f in ctx.csms.frames[first + 1:second] if f.sender == "station" and f.kind == 2]
    assert not unasked, f"the station sent {unasked} while Pending"
    await ctx.csms.wait_call("StatusNotification", lambda p: p["connectorId"] == 0, after=mark)
    result = await ctx.csms.call(call.GetConfiguration(key=["MeterValueSampleInterval"]))
    assert result.configuration_key[0]["value"] == "15", "the change made while Pending was lost"
