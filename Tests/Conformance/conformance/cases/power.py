"""Power loss: the process killed with SIGKILL (nothing flushed beyond what SQLite had
made durable) and started again on the same data directory. OCTT TC_032_2, TC_034;
and the guarantee behind them: no transaction message lost or sent twice."""

from ocpp.v16 import call

from ..harness import case, status_is
from .connectivity import outage


@case("power_loss", octt="TC_032_2")
async def power_loss(ctx):
    """A transaction running at the power cut is stopped after the restart with reason
    PowerLoss, once; it is not started again."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    await ctx.power_cut()
    mark = ctx.csms.mark()
    await ctx.boot()
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload["reason"] == "PowerLoss", stop.payload
    boot = ctx.csms.calls("BootNotification", after=mark)[0]
    assert ctx.csms.frames.index(boot) < ctx.csms.frames.index(stop)
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StartTransaction", after=mark), "the transaction was started again"


@case("power_loss_unavailable", octt="TC_034")
async def power_loss_unavailable(ctx):
    """A connector made Inoperative is still Unavailable after the power comes back."""
    await ctx.boot()
    result = await ctx.csms.call(call.ChangeAvailability(connector_id=1, type="Inoperative"))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Unavailable"))
    await ctx.power_cut()
    mark = ctx.csms.mark()
    await ctx.boot()
    reported = ctx.csms.calls("StatusNotification", after=mark)
    assert any(s.payload["connectorId"] == 1 and s.payload["status"] == "Unavailable" for s in reported), \
        [s.payload for s in reported]


@case("power_loss_offline_queue", octt="§3.7", timeout=90)
async def power_loss_offline_queue(ctx):
    """A StopTransaction queued while offline survives a power cut and is delivered
    exactly once after the restart."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    await outage(ctx)
    mark = ctx.station.mark()
    ctx.swipe("VALID1")
    await ctx.station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "stopped", after=mark)
    await ctx.station.snapshot()  # the stop was handled, so it is durable
    await ctx.power_cut()
    ctx.csms.come_back()
    await ctx.boot()
    stops = await ctx.csms.wait_calls("StopTransaction", 1)
    await ctx.station.snapshot()
    stops = [s for s in ctx.csms.calls("StopTransaction") if s.payload["transactionId"] == transaction_id]
    assert len(stops) == 1, f"{len(stops)} StopTransactions for the transaction"
    assert stops[0].payload.get("reason", "Local") == "Local", stops[0].payload


@case("powercut_command", octt="TC_032_2 (operator)")
async def powercut_command(ctx):
    """The operator's `powercut` does in-process what SIGKILL does: the station boots
    again and stops the transaction with reason PowerLoss."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    mark = ctx.csms.mark()
    connections = ctx.csms.connections
    ctx.station.command("powercut")
    await ctx.csms.wait_connected(connections + 1)
    await ctx.csms.wait_call("BootNotification", after=mark)
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload["reason"] == "PowerLoss", stop.payload


@case("quit_resumes_session", octt="DESIGN.md quit")
async def quit_resumes_session(ctx):
    """`quit` leaves a running transaction running: the next start resumes it (no
    PowerLoss stop), and it ends later with its own transactionId."""
    await ctx.boot()
    transaction_id = await ctx.start_session()
    code = await ctx.station.quit()
    assert code == 0, f"quit ended with exit status {code}"
    mark = ctx.csms.mark()
    await ctx.boot()
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][0].get("transactionId") == transaction_id, snapshot["connectors"][0]
    assert not ctx.csms.calls("StopTransaction", after=mark), "the transaction was stopped by the restart"
    ctx.swipe("VALID1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id and stop.payload.get("reason", "Local") == "Local"
