"""Meter registers across a power cut (issue "Nothing lost at a power cut" §1; OCPP 1.6
§4.10 meterStop, §3.16; OCTT TC_032): the StopTransaction(PowerLoss) carries a meterStop
at or above every register value the station had reported or shown, up to the
persistence period of one second (docs/persistence.md), is stamped within that period
of the cut, and the next transaction's meterStart continues from it."""

import datetime
import asyncio

from ..harness import case

PERSISTENCE_PERIOD_S = 1.0


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


async def cut_and_check(ctx, how):
    await ctx.boot()
    transaction_id = await ctx.start_session()
    # Let energy flow a few seconds, past any whole checkpoint, then look at the meter.
    await ctx.station.wait_event(lambda e: e["type"] == "meter" and e["energyWh"] > 0, timeout=15)
    await asyncio.sleep(2.4)
    snapshot = await ctx.station.snapshot()
    shown = snapshot["connectors"][0]
    reported = max(e["energyWh"] for e in ctx.station.events if e["type"] == "meter" and e["connector"] == 1)
    cut_at = datetime.datetime.now(datetime.timezone.utc)
    if how == "powercut":
        mark = ctx.csms.mark()
        ctx.station.command("powercut")
    else:
        await ctx.power_cut()
        mark = ctx.csms.mark()
        await ctx.launch()
    stop = await ctx.csms.wait_call(
        "StopTransaction", lambda p: p["transactionId"] == transaction_id, after=mark, timeout=20)
    assert stop.payload["reason"] == "PowerLoss", stop.payload
    meter_stop = stop.payload["meterStop"]
    assert meter_stop >= int(reported), f"meterStop {meter_stop} Wh below the reported {reported} Wh"
    # What `status` showed (to 0.1 Wh) is saved with it: never more than the register sent.
    assert meter_stop >= int(shown["meterWh"] - 0.05), f"meterStop {meter_stop} Wh, but `status` showed {shown['meterWh']:.1f} Wh"
    stamped = parse_time(stop.payload["timestamp"])
    lag = (cut_at - stamped).total_seconds()
    # The stamp is the last saved moment: at most a second before the cut (plus the
    # time the `status` round trip took).
    assert -0.5 <= lag <= PERSISTENCE_PERIOD_S + 0.5, f"stamped {stamped}, {lag:.3f} s before the cut"
    return meter_stop


@case("register_after_powercut", octt="TC_032_2")
async def register_after_powercut(ctx):
    """`powercut` a few seconds into a session: meterStop at the register of the last
    second, stamped at the cut; the next session starts from it."""
    meter_stop = await cut_and_check(ctx, "powercut")
    await ctx.csms.wait_call("BootNotification")
    await ctx.station.snapshot()
    mark = ctx.csms.mark()
    ctx.station.command("unplug 1")
    await ctx.station.snapshot()
    await ctx.start_session()
    start = ctx.csms.calls("StartTransaction", after=mark)[0]
    assert start.payload["meterStart"] >= meter_stop, (start.payload, meter_stop)


@case("register_after_kill9", octt="TC_032_2")
async def register_after_kill9(ctx):
    """kill -9 a few seconds into a session: the same guarantees after the restart."""
    await cut_and_check(ctx, "kill9")
