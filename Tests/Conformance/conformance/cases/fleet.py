"""A fleet in one process (issue 15): 200 stations of the `default` profile on one
`--url`, driven with `on <station> <command>`, through an offline period and a central
system restart; every transaction of every station reaches the central system exactly
once: one StartTransaction per session, one StopTransaction per transaction id."""

import asyncio
import collections
import os
import resource

from ..fleet_csms import FleetCentralSystem
from ..harness import ID_TAGS, case
from ..station import Station

FLEET = 200
PREFIX = "FLEET"
SESSIONS = 24  # stations 1…24 charge; 1…6 stop while offline, 7…12 while the central system is down


def identity(number):
    return f"{PREFIX}-{number:04d}"


def started(csms, count):
    return lambda: len(csms.calls("StartTransaction")) >= count


def stopped(csms, count):
    return lambda: len(csms.calls("StopTransaction")) >= count


def transaction_id(csms, name):
    """The transaction id the central system gave the station's (only) StartTransaction."""
    (_, start), = csms.calls("StartTransaction", name)
    return csms.answer_to(name, start).json[2]["transactionId"]


async def quiet(csms, timeout=10):
    """No call of any station awaits its answer (the central system answers at once)."""
    def none_awaited():
        for name, frames in csms.frames.items():
            answered = {f.message_id for f in frames if f.sender == "csms" and f.kind in (3, 4)}
            if any(f.sender == "station" and f.kind == 2 and f.message_id not in answered for f in frames):
                return False
        return True

    await csms.wait_until(none_awaited, timeout, "quiet moment")


@case("fleet_exactly_once", octt="issue 15", profiles=("default",), timeout=150)
async def fleet_exactly_once(ctx):
    """200 stations boot on one hub at --ramp 100/s; 24 sessions; 6 stop offline, 6 while
    the central system restarts (every station reconnects, spread by the jitter and the
    ramp); every StartTransaction and StopTransaction arrives once, every frame sent is an
    `out` event of its station, and the fleet summary counts them."""
    csms = FleetCentralSystem()
    csms.id_tags = dict(ID_TAGS)
    await csms.start()
    try:
        station = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id=PREFIX, data_dir=ctx.workdir,
                          extra_args=("--fleet", str(FLEET), "--ramp", "100", "--seed", "15"))
        ctx.station = station
        ctx.stations.append(station)
        await station.start()
        names = [identity(n) for n in range(1, FLEET + 1)]

        # Every station boots and reports its connectors (0, 1 and 2).
        await csms.wait_until(lambda: len(csms.calls("BootNotification")) >= FLEET, 40, f"{FLEET} boots")
        await csms.wait_until(lambda: len(csms.calls("StatusNotification")) >= 3 * FLEET, 20, "every status")
        boots = collections.Counter(name for name, _ in csms.calls("BootNotification"))
        assert set(boots) == set(names), f"boots from {sorted(set(boots) ^ set(names))[:5]}…"

        # Sessions on stations 1…24.
        for n in range(1, SESSIONS + 1):
            station.command(f"on {identity(n)} plug 1")
            station.command(f"on {identity(n)} swipe VALID1 1")
        await csms.wait_until(started(csms, SESSIONS), 20, f"{SESSIONS} StartTransactions")
        await quiet(csms)

        # An offline period: stations 1…6 stop their sessions while offline.
        for n in range(1, 7):
            station.command(f"on {identity(n)} offline")
            station.command(f"on {identity(n)} stop 1")
            station.command(f"on {identity(n)} unplug 1")
        await station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "stopped"
                                 and e.get("chargePointId") == identity(6), what="the offline stop")
        for n in range(1, 7):
            station.command(f"on {identity(n)} online")
        await csms.wait_until(stopped(csms, 6), 20, "the offline StopTransactions")
        await quiet(csms)

        # The central system restarts: every connection drops; stations 7…12 stop their
        # sessions while it is down; every station reconnects.
        connections_before = sum(csms.connections.values())
        restart = asyncio.get_running_loop().create_task(csms.restart(down_s=2.0))
        for n in range(7, 13):
            # Stopped once the station knows the central system is gone: a call on the
            # wire as it went could be read and left unanswered, and rightly sent again.
            await station.wait_event(lambda e, n=n: e["type"] == "connection" and e["state"] == "disconnected"
                                     and e.get("chargePointId") == identity(n), what=f"{identity(n)} seeing the restart")
            station.command(f"on {identity(n)} stop 1")
        await restart
        await csms.wait_until(lambda: len(csms.connected()) == FLEET
                              and sum(csms.connections.values()) >= connections_before + FLEET, 40,
                              "every station reconnected")
        await csms.wait_until(stopped(csms, 12), 20, "the StopTransactions queued during the restart")

        # The other sessions end after the restart.
        for n in range(13, SESSIONS + 1):
            station.command(f"on {identity(n)} stop 1")
        await csms.wait_until(stopped(csms, SESSIONS), 20, f"{SESSIONS} StopTransactions")
        await quiet(csms)
        summary_mark = station.mark()
        await station.wait_event(lambda e: e["type"] == "fleet", after=summary_mark, timeout=8, what="a fleet summary")

        # Exactly once.
        starts = collections.Counter(name for name, _ in csms.calls("StartTransaction"))
        assert all(starts[identity(n)] == 1 for n in range(1, SESSIONS + 1)) and len(starts) == SESSIONS, \
            f"StartTransactions by station: {dict(starts)}"
        ids = {identity(n): transaction_id(csms, identity(n)) for n in range(1, SESSIONS + 1)}
        stops = collections.Counter((name, f.payload["transactionId"]) for name, f in csms.calls("StopTransaction"))
        expected = collections.Counter((name, tid) for name, tid in ids.items())
        assert stops == expected, f"StopTransactions {dict(stops - expected)} more, {dict(expected - stops)} missing"

        # Every frame a station sent is an `out` event of that station.
        shown = collections.defaultdict(set)
        for event in station.events:
            if event["type"] == "frame" and event["dir"] == "out":
                shown[event.get("chargePointId")].add(event["raw"])
        for name, frames in csms.frames.items():
            missing = [f.raw for f in frames if f.sender == "station" and f.raw not in shown[name]]
            assert not missing, f"{name} sent {missing[0][:120]} without an out event of its own"

        summary = next(e for e in station.events[summary_mark:] if e["type"] == "fleet")
        assert summary["stations"] == FLEET and summary["connected"] == FLEET and summary["booted"] == FLEET, summary
        assert summary["charging"] == 0, summary
        assert not csms.violations, csms.violations[:3]
        assert all("chargePointId" in e for e in station.events if e["type"] == "frame"), "a frame event without chargePointId"
    finally:
        await csms.stop()


@case("fleet_identities_and_addressing", octt="issue 15", profiles=("default",), timeout=40)
async def fleet_identities_and_addressing(ctx):
    """`--ids FILE --shard 2/2` drives the second half of the file's identities; a line
    names its station with `on` (quoted when it has blanks; a station not in this process,
    or a station command without `on`, is refused in the fleet's stream); `on all status`
    answers once, each station with its snapshot."""
    csms = FleetCentralSystem()
    csms.id_tags = dict(ID_TAGS)
    await csms.start()
    try:
        ids = os.path.join(ctx.workdir, "ids.txt")
        with open(ids, "w", encoding="utf-8") as file:
            file.write("# five stations\nAMS-1\nAMS-2\n\nRDAM 3\nRDAM 4\nUTR-5\n")
        station = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id="unused", data_dir=ctx.workdir,
                          extra_args=("--ids", ids, "--shard", "2/2"))
        ctx.station = station
        ctx.stations.append(station)
        await station.start()
        mine = {"RDAM 3", "RDAM 4", "UTR-5"}
        await csms.wait_until(lambda: {name for name, _ in csms.calls("BootNotification")} == mine, 20,
                              "the boots of the second shard")
        mark = station.mark()
        station.command("@a on AMS-1 plug 1")
        station.command("@b plug 1")
        station.command("@c on RDAM 3 plug 1")  # "RDAM" is no station here: quote an identity with blanks
        station.command("@d on UTR-5 plug 1")
        station.command("@e on all status")
        station.command('@f on "RDAM 4" plug 2')
        results = {}
        for tag in "abcdef":
            event = await station.wait_event(lambda e, tag=tag: e["type"] == "result" and e["id"] == tag, mark,
                                             what=f"the result of line {tag}")
            results[tag] = event
        assert not results["a"]["ok"] and "no station 'AMS-1'" in results["a"]["error"], results["a"]
        assert "chargePointId" not in results["a"], results["a"]
        assert not results["b"]["ok"] and "on <station|all>" in results["b"]["error"], results["b"]
        assert not results["c"]["ok"], results["c"]
        assert results["d"]["ok"] and results["d"]["chargePointId"] == "UTR-5", results["d"]
        assert results["e"]["ok"] and "chargePointId" not in results["e"], results["e"]
        assert results["f"]["ok"] and results["f"]["chargePointId"] == "RDAM 4", results["f"]
        snapshots = [e for e in station.events[mark:] if e["type"] == "snapshot"]
        assert sorted(e["chargePointId"] for e in snapshots) == sorted(mine), snapshots
        await csms.wait_call_from("UTR-5", "StatusNotification", lambda p: p["connectorId"] == 1
                                  and p["status"] == "Preparing")
        await csms.wait_call_from("RDAM 4", "StatusNotification", lambda p: p["connectorId"] == 2
                                  and p["status"] == "Preparing")
        ctx.exit_status = 3  # lines a, b and c failed
    finally:
        await csms.stop()


@case("fleet_file_limit", octt="issue 15", profiles=("default",), timeout=20)
async def fleet_file_limit(ctx):
    """A fleet that needs more open files than the hard limit allows is refused at once
    (exit status 2) with what to do."""
    process = await asyncio.create_subprocess_exec(
        ctx.binary, "--headless", "--fleet", "500", "--url", "ws://127.0.0.1:9/ocpp", "--data-dir", ctx.workdir,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256)))
    out, err = await asyncio.wait_for(process.communicate(), 10)
    text = err.decode(errors="replace")
    assert process.returncode == 2, f"exit status {process.returncode}: {text}"
    assert "ulimit -n 2064" in text and "--shard" in text, text
    assert not out, out[:200]
    assert not os.listdir(ctx.workdir), "a refused fleet made data directories"
