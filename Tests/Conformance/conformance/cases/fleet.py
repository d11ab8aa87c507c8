"""A fleet in one process (issue 15): 200 stations of the `default` profile on one
`--url`, driven with `on <station> <command>`, through an offline period and a central
system restart; every transaction of every station reaches the central system exactly
once: one StartTransaction per session, one StopTransaction per transaction id."""

import asyncio
import collections
import os
import resource

from ocpp.v16 import call

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
        # Each station its own serial numbers: its identity's.
        for name, boot in csms.calls("BootNotification"):
            payload = boot.json[3]
            assert payload["chargePointSerialNumber"] == name, payload
            assert payload["meterSerialNumber"] == "M-" + name, payload
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
        # An `on all` result comes after every station's refusal of the line (a script that
        # reads up to the result has them all).
        mark = station.mark()
        station.command("@g on all plug 9")
        result = await station.wait_event(lambda e: e["type"] == "result" and e["id"] == "g", mark,
                                          what="the result of on all plug 9")
        assert not result["ok"], result
        await asyncio.sleep(0.5)
        refusals = [i for i, e in enumerate(station.events[mark:]) if e["type"] == "error" and "chargePointId" in e]
        position = next(i for i, e in enumerate(station.events[mark:]) if e.get("id") == "g" and e["type"] == "result")
        assert len(refusals) == 3 and max(refusals) < position, (refusals, position, station.events[mark:])
        ctx.exit_status = 3  # lines a, b, c and g failed
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


# An accelerated day (issue 15 §2): at each station an EV every 5 s or so, staying 5 to 9 s;
# half the drivers start from an app; a fault every 20 s and an offline period every 30 s.
BEHAVIOUR = """
[arrivals]
per-hour = 720
[session]
stay-minutes = { distribution = "uniform", min = 0.08, max = 0.15 }
energy-kwh = { distribution = "uniform", min = 0.005, max = 0.02 }
swipe-delay-seconds = { distribution = "uniform", min = 0.2, max = 1 }
leave-delay-seconds = { distribution = "uniform", min = 0.2, max = 1 }
[start]
remote-share = 0.5
remote-timeout-seconds = 2
id-tags = ["VALID1", "VALID2", "OTHER"]
[faults]
per-day = 4320
minutes = 0.05
codes = ["GroundFailure", "HighTemperature"]
[offline]
per-day = 2880
minutes = 0.05
"""
BEHAVIOUR_FLEET = 50


class AppCentralSystem(FleetCentralSystem):
    """A central system behind a driver's app: a connector of an even-numbered station
    that reports Preparing and still is 0.3 s later gets a RemoteStartTransaction for
    `APP1`; odd-numbered stations never get one."""

    def __init__(self):
        super().__init__()
        self.statuses = {}  # (identity, connector) -> last status
        self.remote_answers = collections.Counter()
        self.app = True  # the app is in use

    def record(self, sender, raw, index):
        super().record(sender, raw, index)
        frame = self.frames[self.identity_of[index]][-1]
        if sender != "station" or frame.kind != 2 or frame.action != "StatusNotification":
            return
        identity = self.identity_of[index]
        key = (identity, frame.payload["connectorId"])
        self.statuses[key] = frame.payload["status"]
        if self.app and frame.payload["status"] == "Preparing" and int(identity.rsplit("-", 1)[1]) % 2 == 0:
            asyncio.get_running_loop().create_task(self.remote_start(*key))

    async def remote_start(self, identity, connector):
        await asyncio.sleep(0.3)
        link = self.links.get(identity)
        if not self.app or link is None or self.statuses.get((identity, connector)) != "Preparing":
            return
        try:
            answer = await link.call(call.RemoteStartTransaction(id_tag="APP1", connector_id=connector))
            self.remote_answers[answer.status] += 1
        except Exception:  # the link dropped (an offline period): the app gives up
            self.remote_answers["no answer"] += 1


@case("fleet_behaviour", octt="issue 15", profiles=("default",), timeout=150)
async def fleet_behaviour(ctx):
    """50 stations with an accelerated --fleet-behaviour for 20 s: EVs arrive and charge,
    by a card or by a remote start (the app's central system starts the even-numbered
    stations' sessions; at the odd ones the driver swipes after 2 s), connectors fault and
    recover, stations go offline and back. Then the fleet quits, starts again without the
    behaviour and quits with --stop: every transaction reached the central system exactly
    once, started and stopped."""
    csms = AppCentralSystem()
    csms.id_tags = dict(ID_TAGS, APP1={"status": "Accepted"})
    await csms.start()
    try:
        behaviour = os.path.join(ctx.workdir, "behaviour.toml")
        with open(behaviour, "w", encoding="utf-8") as file:
            file.write(BEHAVIOUR)
        arguments = ("--fleet", str(BEHAVIOUR_FLEET), "--ramp", "100", "--seed", "15")
        station = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id=PREFIX, data_dir=ctx.workdir,
                          extra_args=arguments + ("--fleet-behaviour", behaviour))
        ctx.station = station
        ctx.stations.append(station)
        await station.start()
        await csms.wait_until(lambda: len({n for n, _ in csms.calls("BootNotification")}) >= BEHAVIOUR_FLEET, 30,
                              f"{BEHAVIOUR_FLEET} boots")
        await asyncio.sleep(20)
        assert await station.quit(timeout=30) == 0, station.stderr

        # What the behaviour did, by its notices.
        notices = [e["message"] for e in station.events if e["type"] == "notice"
                   and e["message"].startswith("behaviour: ")]
        def count(text):
            return sum(text in n for n in notices)
        assert count("behaviour: plug ") >= 100, f"{count('behaviour: plug ')} arrivals"
        assert count("(the driver swipes a card)") >= 20, notices[:20]
        assert count("(no remote start came: the driver swipes a card)") >= 10, notices[:20]
        assert count("behaviour: fault ") >= 10 and count("behaviour: clear ") >= 10, notices[:20]
        assert count("behaviour: offline ") >= 10 and count("behaviour: online ") >= 10, notices[:20]
        assert count("behaviour: ev suspend ") >= 10 and count("behaviour: unplug ") >= 50, notices[:20]
        errors = [e["message"] for e in station.events if e["type"] == "error"]
        assert not errors, errors[:5]
        # Both ways to start, as the central system saw them.
        tags = collections.Counter(f.payload["idTag"] for _, f in csms.calls("StartTransaction"))
        assert tags["APP1"] >= 10, tags
        assert sum(tags[t] for t in ("VALID1", "VALID2", "OTHER")) >= 30, tags
        assert csms.remote_answers["Accepted"] >= 10, csms.remote_answers
        starts_by_path = collections.Counter(int(n.rsplit("-", 1)[1]) % 2 for n, f in csms.calls("StartTransaction")
                                             if f.payload["idTag"] == "APP1")
        assert set(starts_by_path) == {0}, "a remote start on an odd-numbered station"
        faulted = [f for _, f in csms.calls("StatusNotification") if f.payload["status"] == "Faulted"]
        assert len(faulted) >= 10, len(faulted)
        assert sum(csms.connections.values()) >= BEHAVIOUR_FLEET + 10, "no offline period reconnected"

        # Then the same fleet again, without the behaviour (nor the app): what was queued
        # is delivered and every session still running is stopped.
        csms.app = False
        again = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id=PREFIX, data_dir=ctx.workdir,
                        extra_args=arguments)
        ctx.station = again
        ctx.stations.append(again)
        await again.start()
        again.command("wait online")
        again.command("quit --stop")
        assert await again.wait_exit(60) == 0, again.stderr
        await quiet(csms)

        # Exactly once: one StartTransaction and one StopTransaction per transaction. A
        # message on the wire as the link went (an offline period, the quit) may have been
        # read and answered without the station seeing the answer: it rightly comes again,
        # the same, on a later connection; the transaction is the one of the last answer.
        def copies(action, key):
            groups = collections.defaultdict(list)
            for name, frame in csms.calls(action):
                groups[(name, *key(frame.payload))].append(frame)
            for group, frames in groups.items():
                connections = [f.connection for f in frames]
                assert connections == sorted(set(connections)), f"{action} {group} twice on one connection"
            return groups

        starts = copies("StartTransaction", lambda p: (p["connectorId"], p["idTag"], p["meterStart"], p["timestamp"]))
        ids = collections.Counter()
        for (name, *_), frames in starts.items():
            answer = csms.answer_to(name, frames[-1])
            assert answer is not None, f"{name}: StartTransaction {frames[-1].raw[:120]} unanswered"
            ids[(name, answer.json[2]["transactionId"])] += 1
        stop_copies = copies("StopTransaction", lambda p: (p["transactionId"], p["meterStop"], p["timestamp"]))
        stops = collections.Counter((name, transaction) for name, transaction, *_ in stop_copies)
        again_sent = sum(len(f) - 1 for f in starts.values()) + sum(len(f) - 1 for f in stop_copies.values())
        print(f"fleet_behaviour: {len(ids)} transactions, {again_sent} transaction messages sent again after a link loss")
        if stops != ids:
            (name, _), = list((stops - ids) or (ids - stops))[:1]
            story = [f"{'>' if f.sender == 'station' else '<'} {f.raw[:160]}" for f in csms.frames[name]
                     if f.action in ("StartTransaction", "StopTransaction") or f.kind in (3, 4)][-12:]
            notes = [e["message"] for e in again.events + station.events if e.get("chargePointId") == name
                     and e["type"] in ("notice", "error")][-12:]
            raise AssertionError(f"StopTransactions {dict(stops - ids)} more, {dict(ids - stops)} missing; "
                                 f"{name}: {story} {notes}")
        assert len(ids) >= 50, f"{len(ids)} transactions"
        assert not csms.violations, csms.violations[:3]
    finally:
        await csms.stop()


@case("fleet_behaviour_bad_file", octt="issue 15", profiles=("default",), timeout=20)
async def fleet_behaviour_bad_file(ctx):
    """A mistake in the behaviour file is one line naming the file and the key, exit
    status 2, before any station starts."""
    path = os.path.join(ctx.workdir, "busy.toml")
    with open(path, "w", encoding="utf-8") as file:
        file.write('[session]\nstay-minutes = { distribution = "normal", mean = 30 }\n')
    process = await asyncio.create_subprocess_exec(
        ctx.binary, "--headless", "--fleet", "3", "--url", "ws://127.0.0.1:9/ocpp", "--data-dir",
        os.path.join(ctx.workdir, "data"), "--fleet-behaviour", path,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 10)
    text = err.decode(errors="replace")
    assert process.returncode == 2, f"exit status {process.returncode}: {text}"
    assert text == f"ocpp-console: bad fleet behaviour: {path}: session.stay-minutes.spread: missing\n", text
    assert not out, out[:200]
    assert not os.path.exists(os.path.join(ctx.workdir, "data")), "a refused fleet made data directories"


REPEATED = """
[faults]
per-day = 21600
minutes = { distribution = "uniform", min = 0.02, max = 0.06 }
codes = ["GroundFailure", "HighTemperature", "PowerMeterFailure"]
[offline]
per-day = 14400
minutes = { distribution = "lognormal", mean = 0.03, spread = 0.02, min = 0.01, max = 0.1 }
"""


@case("fleet_behaviour_repeats", octt="issue 15", profiles=("default",), timeout=90)
async def fleet_behaviour_repeats(ctx):
    """The same --seed gives the same run: two runs of 10 stations with the same seed
    raise the same faults (connector, code, length) and go offline for the same periods,
    in the same order at each station; another seed does otherwise."""
    path = os.path.join(ctx.workdir, "repeated.toml")
    with open(path, "w", encoding="utf-8") as file:
        file.write(REPEATED)

    async def steps(seed, run):
        csms = FleetCentralSystem()
        csms.id_tags = dict(ID_TAGS)
        await csms.start()
        try:
            station = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id="SEED",
                              data_dir=os.path.join(ctx.workdir, run), extra_args=(
                                  "--fleet", "10", "--seed", str(seed), "--fleet-behaviour", path))
            ctx.station = station
            ctx.stations.append(station)
            await station.start()
            await asyncio.sleep(8)
            assert await station.quit() == 0, station.stderr
        finally:
            await csms.stop()
        by_station = collections.defaultdict(list)
        for event in station.events:
            if event["type"] == "notice" and event["message"].startswith("behaviour: "):
                by_station[event["chargePointId"]].append(event["message"])
        return by_station

    first, second, other = await steps(15, "a"), await steps(15, "b"), await steps(16, "c")
    compared = 0
    for name in first:
        length = min(len(first[name]), len(second[name]))
        assert first[name][:length] == second[name][:length], f"{name}: {first[name]} then {second[name]}"
        compared += length
    assert compared >= 20, f"only {compared} steps compared: {dict(first)}"
    assert any(first[name][:2] != other[name][:2] for name in first), "seed 16 did what seed 15 did"


async def run_fleet(ctx, *arguments, timeout=10):
    """A fleet that refuses to start or has nothing to do: its exit status, stdout, stderr."""
    process = await asyncio.create_subprocess_exec(
        ctx.binary, "--headless", *arguments, "--data-dir", ctx.workdir,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), timeout)
    return process.returncode, out.decode(errors="replace"), err.decode(errors="replace")


@case("fleet_ramp_and_shards", octt="issue 15", profiles=("default",), timeout=40)
async def fleet_ramp_and_shards(ctx):
    """Issue 15 §3 and §6: stations held back by `--ramp` say `waiting` until their turn,
    then `connecting`; the first, opened at once, never waits. A shard with no station
    exits 0 (a spare pod of a Job does not fail it); an `--ids` line that names no station
    (too long for its directory, a ':' with a password) is refused with its file:line. The
    ramped stations keep rollback journals (`--fleet-journal rollback`)."""
    ids = os.path.join(ctx.workdir, "ids.txt")
    with open(ids, "w", encoding="utf-8") as file:
        file.write("OK-1\n" + "x" * 300 + "\n")
    status, out, err = await run_fleet(ctx, "--ids", ids, "--url", "ws://127.0.0.1:9/ocpp")
    assert status == 2 and f"{ids}:2: the identity is too long" in err and not out, (status, err)
    with open(ids, "w", encoding="utf-8") as file:
        file.write("# a colon\nCP:1\n")
    status, out, err = await run_fleet(ctx, "--ids", ids, "--url", "ws://127.0.0.1:9/ocpp", "--password", "p" * 16)
    assert status == 2 and f"{ids}:2: the identity 'CP:1' contains ':'" in err, (status, err)
    status, out, err = await run_fleet(ctx, "--fleet", "3", "--shard", "1/5", "--url", "ws://127.0.0.1:9/ocpp")
    assert status == 0 and "shard 1/5 holds no station" in err and not out, (status, out, err)
    assert os.listdir(ctx.workdir) == ["ids.txt"], os.listdir(ctx.workdir)

    csms = FleetCentralSystem()
    await csms.start()
    try:
        station = Station(ctx.binary, profile=ctx.profile, url=csms.url, station_id="RAMP", data_dir=ctx.workdir,
                          extra_args=("--fleet", "4", "--ramp", "4", "--fleet-journal", "rollback",
                                      "--password", "fleet-password-0123"))
        ctx.station = station
        ctx.stations.append(station)
        await station.start()
        names = [f"RAMP-{n:04d}" for n in range(1, 5)]
        for name in names:
            await station.wait_event(lambda e, name=name: e["type"] == "connection" and e["state"] == "connected"
                                     and e.get("chargePointId") == name, what=f"{name} connected")
        states = collections.defaultdict(list)
        for event in station.events:
            if event["type"] == "connection":
                states[event["chargePointId"]].append(event["state"])
        assert states["RAMP-0001"] == ["connecting", "connected"], states
        for name in names[1:]:
            assert states[name] == ["connecting", "waiting", "connecting", "connected"], states
        # The same settings, one warning: not one a station.
        warnings = [e for e in station.events if e["type"] == "error" and "plain ws://" in e.get("message", "")]
        assert len(warnings) == 1, warnings
        waiting = next(e for e in station.events if e["type"] == "connection" and e["state"] == "waiting")
        assert waiting["reason"] == "waiting for its turn to connect (4 new connections a second)", waiting
    finally:
        await csms.stop()
