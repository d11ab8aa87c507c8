"""Security events of the whitepaper's §8 table that the station raises on its own:
AttemptedReplayAttacks, MemoryExhaustion, SecurityLogWasCleared. Each reaches the central
system as a SecurityEventNotification."""

import json
import os

from ocpp.v16 import call

from ..csms import new_message_id
from ..harness import case

DEFAULT_PROFILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "Assets",
                               "stations", "default.toml")


def security_event(kind):
    return lambda p: p["type"] == kind


async def reconnect(ctx):
    """`offline`, then `online`: a new WebSocket connection."""
    connections = ctx.csms.connections
    ctx.station.command("offline")
    await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "disconnected",
                                 what="the link down")
    ctx.station.command("online")
    await ctx.csms.wait_connected(connections + 1, timeout=15)


@case("replayed_call", octt="Security whitepaper §8 AttemptedReplayAttacks, OCPP-J §4.1.4", profiles=["default"])
async def replayed_call(ctx):
    """A CALL whose message id the central system already used on this connection is
    answered SecurityError and not carried out again, with one AttemptedReplayAttacks
    event; after a reconnection the same id is a resend, carried out."""
    mark = await ctx.boot()
    message_id = new_message_id()
    text = json.dumps([2, message_id, "TriggerMessage", {"requestedMessage": "Heartbeat"}])

    async def send():
        before = ctx.csms.mark()
        await ctx.csms.send_raw(text, message_id=message_id, action="TriggerMessage")
        return await ctx.csms.wait_answer(message_id, after=before)

    first = await send()
    assert first.kind == 3 and first.json[2] == {"status": "Accepted"}, first.raw
    await ctx.csms.wait_call("Heartbeat", after=mark)
    for _ in range(2):
        again = await send()
        assert again.kind == 4 and again.json[2] == "SecurityError", again.raw
    await ctx.csms.wait_call("SecurityEventNotification", security_event("AttemptedReplayAttacks"), after=mark)
    assert len(ctx.csms.calls("Heartbeat", mark)) == 1, "the replayed TriggerMessage was carried out"
    events = [c for c in ctx.csms.calls("SecurityEventNotification", mark)
              if c.payload["type"] == "AttemptedReplayAttacks"]
    assert len(events) == 1, events
    await reconnect(ctx)
    resent = await send()
    assert resent.kind == 3, f"a resend after a reconnection was refused: {resent.raw}"


@case("memory_exhaustion", octt="Security whitepaper §8 MemoryExhaustion", profiles=["default"])
async def memory_exhaustion(ctx):
    """A station whose profile budgets 20 queued transaction messages ([behaviour]
    queue-capacity): offline, 18 tamper events fill 90 % of it, which raises one critical
    MemoryExhaustion event; all of them reach the central system once the link is back."""
    profile = os.path.join(ctx.workdir, "small-queue.toml")
    text = open(DEFAULT_PROFILE, encoding="utf-8").read()
    assert "queue-capacity = 10000" in text, "the default profile no longer says queue-capacity = 10000"
    with open(profile, "w", encoding="utf-8") as target:
        target.write(text.replace("queue-capacity = 10000", "queue-capacity = 20"))
    ctx.profile = profile
    await ctx.boot()
    await ctx.csms.wait_call("StatusNotification", lambda p: p["connectorId"] == 2)
    await ctx.csms.wait_call("SecurityEventNotification", security_event("StartupOfTheDevice"))
    mark = ctx.csms.mark()
    ctx.station.command("offline")
    await ctx.station.wait_event(lambda e: e["type"] == "connection" and e["state"] == "disconnected",
                                 what="the link down")
    for _ in range(18):
        ctx.station.command("tamper")
    await ctx.station.wait_event(
        lambda e: e["type"] == "security" and e["event"] == "MemoryExhaustion" and e["critical"],
        what="the MemoryExhaustion event")
    ctx.station.command("online")
    await ctx.csms.wait_calls("SecurityEventNotification", 19, after=mark, timeout=20)
    types = [c.payload["type"] for c in ctx.csms.calls("SecurityEventNotification", mark)]
    assert types.count("MemoryExhaustion") == 1 and types.count("TamperDetectionActivated") == 18, types


@case("security_log_cleared", octt="Security whitepaper §8 SecurityLogWasCleared, N01", profiles=["default"])
async def security_log_cleared(ctx):
    """`securitylog clear`: the critical SecurityLogWasCleared reaches the central
    system, and the security log GetLog uploads then begins with it: what came before
    is gone."""
    from ..transfers import start_servers
    running = start_servers(os.path.join(ctx.workdir, "servers"))
    ctx.cleanups.append(running.stop)
    mark = await ctx.boot()
    ctx.station.command("tamper")
    await ctx.csms.wait_call("SecurityEventNotification", security_event("TamperDetectionActivated"), after=mark)
    ctx.station.command("securitylog clear")
    await ctx.csms.wait_call("SecurityEventNotification", security_event("SecurityLogWasCleared"), after=mark)
    result = await ctx.csms.call(call.GetLog(
        log={"remoteLocation": f"{running.ftp}/uploads"}, log_type="SecurityLog", request_id=5))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("LogStatusNotification", lambda p: p["status"] == "Uploaded", after=mark)
    text = open(os.path.join(running.uploads, result.filename), encoding="utf-8").read()
    assert "SecurityLogWasCleared (critical)" in text, text
    assert "TamperDetectionActivated" not in text and "StartupOfTheDevice" not in text, text
