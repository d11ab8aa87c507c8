"""The central system out of reach: OCTT TC_036 (connection loss during a transaction),
TC_037_1, TC_037_3, TC_038, TC_039 (offline transactions) (OCPP 1.6 §3.7, §4.10)."""

from ..harness import case, status_is


def disconnected(event):
    return event["type"] == "connection" and event["state"] == "disconnected"


async def outage(ctx):
    """The central system goes down; returns once the station has noticed."""
    mark = ctx.station.mark()
    await ctx.csms.go_down()
    await ctx.station.wait_event(disconnected, after=mark, what="the disconnection")


async def recovery(ctx):
    """The central system comes back; returns once the station has reconnected."""
    connections = ctx.csms.connections
    ctx.csms.come_back()
    await ctx.csms.wait_connected(connections + 1, timeout=30)


async def learn_card(ctx, id_tag="VALID1"):
    """The station's authorization cache learns `id_tag` from an Authorize.conf."""
    mark = ctx.csms.mark()
    ctx.swipe(id_tag)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    ctx.swipe(id_tag)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


@case("connection_loss", octt="TC_036", timeout=90)
async def connection_loss(ctx):
    """Meter values sampled while the central system is unreachable are delivered after
    the reconnection, in order, with their own timestamps and the transactionId."""
    await ctx.boot()
    await ctx.configure("ClockAlignedDataInterval", 0)
    await ctx.configure("MeterValueSampleInterval", 1)
    transaction_id = await ctx.start_session()
    await outage(ctx)
    mark = ctx.station.mark()
    for count in range(1, 4):
        await ctx.station.wait_event(
            lambda e, c=count: e["type"] == "meter" and sum(
                1 for x in ctx.station.events[mark:] if x["type"] == "meter") >= c,
            after=mark, timeout=5, what=f"offline sample {count}")
    frames = ctx.csms.mark()
    await recovery(ctx)
    values = await ctx.csms.wait_calls("MeterValues", 3, after=frames, timeout=10)
    assert all(v.payload.get("transactionId") == transaction_id for v in values), [v.payload for v in values]
    stamps = [v.payload["meterValue"][0]["timestamp"] for v in values]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps), f"out of order: {stamps}"
    ctx.swipe("VALID1")
    stop = await ctx.csms.wait_call("StopTransaction", after=frames)
    assert stop.payload["transactionId"] == transaction_id


@case("offline_stop", octt="TC_038", timeout=90)
async def offline_stop(ctx):
    """A transaction started online and stopped while offline: the StopTransaction goes
    out after the reconnection, with the time of the stop."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    await outage(ctx)
    mark = ctx.station.mark()
    ctx.swipe("VALID1")
    stopped = await ctx.station.wait_event(
        lambda e: e["type"] == "transaction" and e["event"] == "stopped", after=mark, what="the local stop")
    ctx.station.command("unplug 1")
    frames = ctx.csms.mark()
    await recovery(ctx)
    stop = await ctx.csms.wait_call("StopTransaction", after=frames, timeout=10)
    assert stop.payload["transactionId"] == transaction_id, stop.payload
    assert stop.payload["timestamp"][:19] <= stopped["ts"][:19], "the stop carries the reconnection time"


@case("offline_transaction", octt="TC_037_1, TC_039", profiles=["default"], timeout=90)
async def offline_transaction(ctx):
    """Offline, a card the cache knows starts and stops a transaction
    (LocalAuthorizeOffline); both messages go out in order after the reconnection, the
    stop with the transactionId the start got."""
    await ctx.boot()
    await learn_card(ctx)
    await outage(ctx)
    mark = ctx.station.mark()
    ctx.station.command("plug 1")
    ctx.swipe("VALID1")
    await ctx.station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "started", after=mark,
                                 what="the offline start")
    ctx.swipe("VALID1")
    await ctx.station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "stopped", after=mark,
                                 what="the offline stop")
    ctx.station.command("unplug 1")
    frames = ctx.csms.mark()
    await recovery(ctx)
    start = await ctx.csms.wait_call("StartTransaction", after=frames, timeout=10)
    stop = await ctx.csms.wait_call("StopTransaction", after=frames, timeout=10)
    transaction_id = (await ctx.csms.wait_answer_to(start)).json[2]["transactionId"]
    assert stop.payload["transactionId"] == transaction_id, (stop.payload, transaction_id)
    assert ctx.csms.frames.index(start) < ctx.csms.frames.index(stop)
    assert start.payload["timestamp"] <= stop.payload["timestamp"]


@case("offline_unknown_card", octt="TC_037_3", profiles=["default"], timeout=60)
async def offline_unknown_card(ctx):
    """Offline, an idTag the station does not know starts nothing while
    AllowOfflineTxForUnknownId is false."""
    await ctx.boot()
    await ctx.configure("AllowOfflineTxForUnknownId", "false")
    await outage(ctx)
    ctx.station.command("plug 1")
    ctx.swipe("NOBODY42")
    snapshot = await ctx.station.snapshot()
    assert "transactionId" not in snapshot["connectors"][0], "an unknown card started a transaction offline"
    frames = ctx.csms.mark()
    await recovery(ctx)
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StartTransaction", after=frames)
