"""Clock adjustments by the central system (issue "Nothing lost at a power cut" §8;
OCPP 1.6 §4.2, §4.6): within a transaction the timestamps the station sends never go
backwards, even when a Heartbeat.conf moves its clock an hour back; the correction is
taken once no transaction runs."""

import datetime

from ..harness import case, status_is


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@case("clock_back_an_hour_during_session", octt="§4.6", timeout=60)
async def clock_back_an_hour_during_session(ctx):
    await ctx.boot()
    await ctx.configure("MeterValueSampleInterval", 2)
    await ctx.configure("HeartbeatInterval", 1)
    mark = ctx.csms.mark()
    transaction_id = await ctx.start_session()
    ctx.csms.clock_skew_s = -3600
    await ctx.csms.wait_calls("Heartbeat", 2, after=mark, timeout=15)
    await ctx.csms.wait_calls("MeterValues", 2, after=mark, timeout=15)
    ctx.station.command("stop 1")
    await ctx.csms.wait_call("StopTransaction", after=mark)
    stamps = []
    for frame in ctx.csms.frames[mark:]:
        if frame.sender != "station" or frame.kind != 2:
            continue
        if frame.action == "StartTransaction":
            stamps.append(("StartTransaction", parse_time(frame.payload["timestamp"])))
        elif frame.action == "MeterValues" and frame.payload.get("transactionId") == transaction_id:
            stamps += [("MeterValues", parse_time(v["timestamp"])) for v in frame.payload["meterValue"]]
        elif frame.action == "StopTransaction":
            stamps.append(("StopTransaction", parse_time(frame.payload["timestamp"])))
    for (earlier, first), (later, second) in zip(stamps, stamps[1:]):
        assert first <= second, f"{later} stamped {second}, before the {earlier} of {first}"
    # No transaction runs any more: the station takes the central system's time.
    later = ctx.csms.mark()
    ctx.station.command("unplug 1")
    status = await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=later)
    behind = datetime.datetime.now(datetime.timezone.utc) - parse_time(status.payload["timestamp"])
    assert 3590 <= behind.total_seconds() <= 3610, f"the status is stamped {behind} behind real time"
