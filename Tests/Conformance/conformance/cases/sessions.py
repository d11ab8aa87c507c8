"""Charging sessions started and stopped at the station: OCTT TC_003, TC_004_1,
TC_004_2, TC_005_1/2/3, TC_007, TC_024, TC_068, TC_069, TC_070, TC_071."""

from ocpp.v16 import call

from ..harness import case, status_is


def order_of(ctx, after, *wanted):
    """The positions of the first frames matching each (action, predicate) in `wanted`,
    asserting they came in that order."""
    positions = []
    for action, where in wanted:
        frame = next(f for f in ctx.csms.calls(action, after) if where(f.payload))
        positions.append(ctx.csms.frames.index(frame))
    assert positions == sorted(positions), f"messages out of order: {[a for a, _ in wanted]} came as {positions}"


def anything(_):
    return True


@case("session_plug_first", octt="TC_003")
async def session_plug_first(ctx):
    """Plug, card, Authorize, StartTransaction, Charging; the same card again stops with
    reason Local; unplugging makes the connector Available (OCPP 1.6 §4.1, §4.8, §4.10)."""
    mark = await ctx.boot()
    ctx.station.command("plug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    ctx.swipe("VALID1")
    authorize = await ctx.csms.wait_call("Authorize", after=mark)
    assert authorize.payload["idTag"] == "VALID1"
    start = await ctx.csms.wait_call("StartTransaction", after=mark)
    assert start.payload["connectorId"] == 1 and start.payload["idTag"] == "VALID1", start.payload
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    order_of(ctx, mark, ("Authorize", anything), ("StartTransaction", anything),
             ("StatusNotification", status_is(1, "Charging")))
    transaction_id = (await ctx.csms.wait_answer_to(start)).json[2]["transactionId"]
    await ctx.station.wait_event(lambda e: e["type"] == "transaction" and e.get("transactionId") == transaction_id)
    ctx.swipe("VALID1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload.get("reason", "Local") == "Local"
    assert stop.payload["meterStop"] >= start.payload["meterStart"]
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Finishing"), after=mark)
    ctx.station.command("unplug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


@case("session_card_first", octt="TC_004_1")
async def session_card_first(ctx):
    """Card first (Preparing), then the cable: the transaction starts; the stop button
    ends it with reason Local."""
    mark = await ctx.boot()
    ctx.swipe("VALID1")
    await ctx.csms.wait_call("Authorize", after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    assert not ctx.csms.calls("StartTransaction", after=mark), "StartTransaction before the cable was plugged"
    ctx.station.command("plug 1")
    start = await ctx.csms.wait_call("StartTransaction", after=mark)
    assert start.payload["idTag"] == "VALID1"
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    ctx.station.command("stop 1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload.get("reason", "Local") == "Local", stop.payload


@case("connection_timeout", octt="TC_004_2")
async def connection_timeout(ctx):
    """Card accepted but no cable within ConnectionTimeOut: back to Available, no
    transaction (OCPP 1.6 §9.1.6)."""
    mark = await ctx.boot()
    await ctx.configure("ConnectionTimeOut", 2)
    ctx.swipe("VALID1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark, timeout=6)
    assert not ctx.csms.calls("StartTransaction", after=mark)
    plugged = ctx.csms.mark()
    ctx.station.command("plug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=plugged)
    snapshot = await ctx.station.snapshot()
    assert "transactionId" not in snapshot["connectors"][0], "the timed-out card still started a transaction"
    assert not ctx.csms.calls("StartTransaction", after=mark), "the timed-out card still started a transaction"


@case("ev_side_disconnect", octt="TC_005_1")
async def ev_side_disconnect(ctx):
    """Unplugged at the EV during a transaction, StopTransactionOnEVSideDisconnect true:
    StopTransaction with reason EVDisconnected, then Available (errata 3.80, 3.84)."""
    await ctx.boot()
    await ctx.configure("StopTransactionOnEVSideDisconnect", "true")
    if ctx.has_lock:
        await ctx.configure("UnlockConnectorOnEVSideDisconnect", "true")
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    ctx.station.command("unplug 1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload["reason"] == "EVDisconnected", stop.payload
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


@case("ev_side_disconnect_locked", octt="TC_005_2", profiles=["default"])
async def ev_side_disconnect_locked(ctx):
    """UnlockConnectorOnEVSideDisconnect false: the transaction stops but the cable
    stays locked in the socket (Finishing) until UnlockConnector releases it."""
    await ctx.boot()
    await ctx.configure("UnlockConnectorOnEVSideDisconnect", "false")
    await ctx.start_session()
    mark = ctx.csms.mark()
    ctx.station.command("unplug 1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["reason"] == "EVDisconnected"
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Finishing"), after=mark)
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][0]["locked"], "the cable was unlocked"
    result = await ctx.csms.call(call.UnlockConnector(connector_id=1))
    assert result.status == "Unlocked", result
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)


@case("ev_side_disconnect_kept", octt="TC_005_3")
async def ev_side_disconnect_kept(ctx):
    """StopTransactionOnEVSideDisconnect false: the transaction goes on (SuspendedEV)
    until the central system stops it."""
    await ctx.boot()
    await ctx.configure("StopTransactionOnEVSideDisconnect", "false")
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    ctx.station.command("unplug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "SuspendedEV"), after=mark)
    assert not ctx.csms.calls("StopTransaction", after=mark)
    result = await ctx.csms.call(call.RemoteStopTransaction(transaction_id=transaction_id))
    assert result.status == "Accepted", result
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["reason"] == "Remote", stop.payload


@case("cached_id", octt="TC_007", profiles=["default"])  # the JST has no authorization cache
async def cached_id(ctx):
    """With LocalPreAuthorize, a card the cache knows starts at once, without an
    Authorize.req (OCPP 1.6 §3.5.1)."""
    mark = await ctx.boot()
    await ctx.configure("LocalPreAuthorize", "true")
    await ctx.configure("AuthorizationCacheEnabled", "true", optional=True)
    # The cache learns VALID1 from an Authorize.conf.
    ctx.swipe("VALID1")
    await ctx.csms.wait_call("Authorize", after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    ctx.swipe("VALID1")  # the same card again cancels the prepared session
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark)
    mark = ctx.csms.mark()
    ctx.station.command("plug 1")
    ctx.swipe("VALID1")
    await ctx.csms.wait_call("StartTransaction", after=mark)
    assert not ctx.csms.calls("Authorize", after=mark), "a cached card was authorized again"


@case("lock_failure", octt="TC_024", profiles=["default"])
async def lock_failure(ctx):
    """The cable lock is jammed (`lock jam`) when the session would start: Faulted with
    ConnectorLockFailure, and no transaction."""
    await jammed_session(ctx)


async def jammed_session(ctx):
    """Boots, jams connector 1's lock, plugs and swipes: asserts Faulted with
    ConnectorLockFailure and no transaction. The frame mark after the boot."""
    mark = await ctx.boot()
    ctx.station.command("lock jam 1")
    ctx.station.command("plug 1")
    ctx.swipe("VALID1")
    faulted = await ctx.csms.wait_call("StatusNotification", status_is(1, "Faulted"), after=mark)
    assert faulted.payload["errorCode"] == "ConnectorLockFailure", faulted.payload
    assert not ctx.csms.calls("StartTransaction", after=mark)
    return mark


@case("stop_same_card", octt="TC_068")
async def stop_same_card(ctx):
    """The card that started the transaction stops it without an Authorize.req."""
    await ctx.boot()
    await ctx.start_session(id_tag="VALID1")
    mark = ctx.csms.mark()
    ctx.swipe("VALID1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["idTag"] == "VALID1" and stop.payload.get("reason", "Local") == "Local", stop.payload
    assert not ctx.csms.calls("Authorize", after=mark), "the starting card was authorized again to stop"


@case("stop_same_group", octt="TC_069")
async def stop_same_group(ctx):
    """Another card of the same parentIdTag stops the transaction; a card of another
    group does not (OCPP 1.6 §3.5.3)."""
    await ctx.boot()
    await ctx.start_session(id_tag="VALID1")
    mark = ctx.csms.mark()
    ctx.swipe("OTHER")
    await ctx.csms.wait_call("Authorize", lambda p: p["idTag"] == "OTHER", after=mark)
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StopTransaction", after=mark), "a card of another group stopped the transaction"
    ctx.swipe("VALID2")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["idTag"] == "VALID2", stop.payload


@case("sampled_meter_values", octt="TC_070")
async def sampled_meter_values(ctx):
    """MeterValues every MeterValueSampleInterval during a transaction, with the
    configured measurand and context Sample.Periodic (OCPP 1.6 §3.16.1)."""
    await ctx.boot()
    measurand = "Energy.Active.Import.Register"
    await ctx.configure("ClockAlignedDataInterval", 0)
    await ctx.configure("MeterValuesSampledData", measurand)
    await ctx.configure("MeterValueSampleInterval", 2)
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    values = await ctx.csms.wait_calls("MeterValues", 2, after=mark, timeout=8)
    for frame in values[:2]:
        payload = frame.payload
        assert payload["connectorId"] == 1 and payload.get("transactionId") == transaction_id, payload
        sampled = payload["meterValue"][0]["sampledValue"]
        assert all(v.get("measurand", measurand) == measurand for v in sampled), sampled
        assert all(v.get("context") == "Sample.Periodic" for v in sampled), sampled
    gap = values[1].time - values[0].time
    assert 1.0 <= gap <= 3.5, f"{gap:.1f} s between samples, expected 2"


@case("clock_aligned_meter_values", octt="TC_071")
async def clock_aligned_meter_values(ctx):
    """MeterValues at every ClockAlignedDataInterval boundary, context Sample.Clock, with
    timestamps on the boundary (OCPP 1.6 §3.16.2)."""
    await ctx.boot()
    await ctx.configure("MeterValueSampleInterval", 0)
    mark = ctx.csms.mark()
    await ctx.configure("ClockAlignedDataInterval", 2)
    values = await ctx.csms.wait_calls("MeterValues", 2 * len(ctx.connectors), after=mark, timeout=8)
    for frame in values:
        meter_value = frame.payload["meterValue"][0]
        assert all(v.get("context") == "Sample.Clock" for v in meter_value["sampledValue"]), meter_value
        seconds = meter_value["timestamp"][17:23]
        assert seconds in {f"{s:02d}.000" for s in range(0, 60, 2)}, f"timestamp {meter_value['timestamp']} off the 2 s grid"


@case("stop_transaction_retry", octt="§3.7.1")
async def stop_transaction_retry(ctx):
    """The central system fails to process a StopTransaction (CALLERROR): the station
    sends the same message again after TransactionMessageRetryInterval, and stops
    retrying once it is accepted."""
    await ctx.boot()
    await ctx.configure("TransactionMessageAttempts", 3)
    await ctx.configure("TransactionMessageRetryInterval", 1)
    transaction_id = await ctx.start_session()
    ctx.csms.stop_transaction_failures = 1
    mark = ctx.csms.mark()
    ctx.station.command("stop 1")
    first, second = await ctx.csms.wait_calls("StopTransaction", 2, after=mark, timeout=8)
    assert (await ctx.csms.wait_answer_to(first)).kind == 4, "the first attempt was not refused"
    assert first.payload == second.payload, "the retry is not the same message"
    assert first.payload["transactionId"] == transaction_id
    assert second.time - first.time >= 0.8, f"retried after {second.time - first.time:.2f} s, before the interval"
    assert (await ctx.csms.wait_answer_to(second)).kind == 3
    await ctx.station.snapshot()
    assert len(ctx.csms.calls("StopTransaction", after=mark)) == 2, "retried after it was accepted"
