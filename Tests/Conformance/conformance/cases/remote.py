"""Remote start and stop: OCTT TC_010, TC_011_1, TC_011_2, TC_012, TC_026, TC_027, TC_028
(OCPP 1.6 §5.11, §5.12)."""

from ocpp.v16 import call

from ..harness import case, status_is


async def remote_start(ctx, connector=1, id_tag="VALID1", expect="Accepted"):
    result = await ctx.csms.call(call.RemoteStartTransaction(id_tag=id_tag, connector_id=connector))
    assert result.status == expect, f"RemoteStartTransaction on {connector}: {result.status}, expected {expect}"


@case("remote_start_plugged", octt="TC_010")
async def remote_start_plugged(ctx):
    """Cable first, then RemoteStartTransaction: the transaction starts with that idTag,
    without an Authorize.req while AuthorizeRemoteTxRequests is false."""
    mark = await ctx.boot()
    await ctx.configure("AuthorizeRemoteTxRequests", "false")
    ctx.station.command("plug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    await remote_start(ctx)
    start = await ctx.csms.wait_call("StartTransaction", after=mark)
    assert start.payload["idTag"] == "VALID1" and start.payload["connectorId"] == 1, start.payload
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    assert not ctx.csms.calls("Authorize", after=mark), "Authorize.req although AuthorizeRemoteTxRequests is false"


@case("remote_start_first", octt="TC_011_1")
async def remote_start_first(ctx):
    """RemoteStartTransaction first (Preparing), then the cable: the transaction starts."""
    mark = await ctx.boot()
    await remote_start(ctx)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    ctx.station.command("plug 1")
    start = await ctx.csms.wait_call("StartTransaction", after=mark)
    assert start.payload["idTag"] == "VALID1", start.payload
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)


@case("remote_start_timeout", octt="TC_011_2")
async def remote_start_timeout(ctx):
    """RemoteStartTransaction, but no cable within ConnectionTimeOut: back to Available."""
    mark = await ctx.boot()
    await ctx.configure("ConnectionTimeOut", 2)
    await remote_start(ctx)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Available"), after=mark, timeout=6)
    assert not ctx.csms.calls("StartTransaction", after=mark)


@case("remote_stop", octt="TC_012")
async def remote_stop(ctx):
    """RemoteStopTransaction: Accepted, StopTransaction with reason Remote, Finishing."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    result = await ctx.csms.call(call.RemoteStopTransaction(transaction_id=transaction_id))
    assert result.status == "Accepted", result
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload["reason"] == "Remote", stop.payload
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Finishing"), after=mark)


@case("remote_start_busy", octt="TC_026")
async def remote_start_busy(ctx):
    """RemoteStartTransaction on a connector with a transaction: Rejected."""
    await ctx.boot()
    await ctx.start_session()
    mark = ctx.csms.mark()
    await remote_start(ctx, id_tag="VALID2", expect="Rejected")
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StartTransaction", after=mark)


@case("remote_start_connector_zero", octt="TC_027")
async def remote_start_connector_zero(ctx):
    """RemoteStartTransaction on connector 0 (the station itself): Rejected (§5.11)."""
    mark = await ctx.boot()
    await remote_start(ctx, connector=0, expect="Rejected")
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StatusNotification", after=mark), "the rejected start changed a status"


@case("remote_stop_unknown", octt="TC_028")
async def remote_stop_unknown(ctx):
    """RemoteStopTransaction for a transaction the station does not have: Rejected."""
    await ctx.boot()
    result = await ctx.csms.call(call.RemoteStopTransaction(transaction_id=424242))
    assert result.status == "Rejected", result
