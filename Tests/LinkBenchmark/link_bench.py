#!/usr/bin/env python3
"""The link benchmark of `make bench` (figures, not pass/fail).

One measuring central system (a plain `websockets` server) sends CALLs to a charge
point over loopback and times each answer from just before its send to just after the
answer is read. The same server measures three charge points in the same run:

  floor       a bare WebSocket client (Python) answering every CALL with a canned reply
  python      a charge point on the PyPI `ocpp` package doing the same work
  compiled    the same bare client in C on libwebsockets (floor_client.c): the floor
  console     the ocpp-console binary, headless (release build)

The console and the compiled floor are measured in alternating rounds, each by a
central system of the same code in the same process, so that load on the machine
falls on both alike.

Then, for the console alone: CPU of a connected idle station over 60 s, time from
process start to its BootNotification, and resident memory.

    link_bench.py --binary .build/release/ocpp-console --floor-binary .build/floor_client
                  [--calls 3000] [--rounds 6] [--idle 60]
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone

import websockets
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve

KINDS = [
    ("GetConfiguration", {"key": ["HeartbeatInterval"]}),
    ("ChangeConfiguration", {"key": "MeterValueSampleInterval", "value": "60"}),
    ("RemoteStartTransaction", {"connectorId": 1, "idTag": "BENCH"}),
]
CANNED = {
    "GetConfiguration": {"configurationKey": [{"key": "HeartbeatInterval", "readonly": False, "value": "300"}]},
    "ChangeConfiguration": {"status": "Accepted"},
    "RemoteStartTransaction": {"status": "Accepted"},
}


def compact(value):
    """JSON as OCPP-J implementations write it, without spaces."""
    return json.dumps(value, separators=(",", ":"))


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class MeasuringCentralSystem:
    """Answers the charge point's own calls at once and measures its answers to ours."""

    def __init__(self):
        self.connected = asyncio.Event()
        self.connection = None
        self.waiting = {}  # message id -> future
        # Message ids run on across measure() calls: an id used twice on one connection
        # is refused as a replay (OCPP-J §4.1.4), not answered as the call.
        self.sent = 0
        self.boot_seen_at = None
        self.server = None

    async def start(self):
        self.server = await serve(self.accept, "127.0.0.1", 0, subprotocols=["ocpp1.6"], ping_interval=None,
                                  compression=None)
        return f"ws://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/ocpp"

    async def stop(self):
        self.server.close()
        await self.server.wait_closed()

    async def accept(self, connection):
        self.connection = connection
        self.connected.set()
        try:
            async for text in connection:
                frame = json.loads(text)
                if frame[0] == 2:
                    await connection.send(compact([3, frame[1], self.answer(frame[2])]))
                elif frame[1] in self.waiting:
                    self.waiting.pop(frame[1]).set_result(time.perf_counter_ns())
        except websockets.ConnectionClosed:
            pass
        finally:
            self.connected.clear()

    def answer(self, action):
        if action == "BootNotification":
            self.boot_seen_at = self.boot_seen_at or time.perf_counter()
            return {"status": "Accepted", "currentTime": now_iso(), "interval": 300}
        if action == "Heartbeat":
            return {"currentTime": now_iso()}
        if action in ("Authorize", "StartTransaction", "StopTransaction"):
            info = {"idTagInfo": {"status": "Accepted"}}
            return {**info, "transactionId": 1} if action == "StartTransaction" else info
        return {}

    async def measure(self, calls):
        """Sends `calls` CALLs, one at a time; the response times in µs, per action."""
        times = {action: [] for action, _ in KINDS}
        for number in range(calls):
            action, payload = KINDS[number % len(KINDS)]
            message_id = f"bench-{self.sent}"
            self.sent += 1
            answered = asyncio.get_running_loop().create_future()
            self.waiting[message_id] = answered
            text = compact([2, message_id, action, payload])
            started = time.perf_counter_ns()
            await self.connection.send(text)
            finished = await asyncio.wait_for(answered, 10)
            times[action].append((finished - started) / 1000)
        return times


async def bare_client(url, ready):
    """The floor: reads a CALL, answers it with a canned CALLRESULT; nothing else."""
    async with connect(url + "/FLOOR", subprotocols=["ocpp1.6"], ping_interval=None, compression=None) as ws:
        ready.set()
        async for text in ws:
            if text.startswith("[2,"):
                message_id = text[4:text.index('"', 4)]
                action = text.split('"')[3]
                await ws.send(f'[3,"{message_id}",{compact(CANNED[action])}]')


async def python_charge_point(url, ready):
    """A charge point on the PyPI `ocpp` package doing the same work."""
    from ocpp.routing import on
    from ocpp.v16 import ChargePoint, call_result
    from ocpp.v16.enums import Action

    class BenchChargePoint(ChargePoint):
        @on(Action.get_configuration)
        def on_get_configuration(self, key=None):
            return call_result.GetConfiguration(configuration_key=CANNED["GetConfiguration"]["configurationKey"])

        @on(Action.change_configuration)
        def on_change_configuration(self, key, value):
            return call_result.ChangeConfiguration(status="Accepted")

        @on(Action.remote_start_transaction)
        def on_remote_start(self, id_tag, connector_id=None, charging_profile=None):
            return call_result.RemoteStartTransaction(status="Accepted")

    import logging
    logging.getLogger("ocpp").setLevel(logging.WARNING)
    async with connect(url + "/PYTHON", subprotocols=["ocpp1.6"], ping_interval=None, compression=None) as ws:
        ready.set()
        await BenchChargePoint("PYTHON", ws).start()


def percentiles(samples):
    ordered = sorted(samples)
    return (statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], ordered[-1])


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


async def run_python_subject(role, calls):
    """Runs the `role` charge point in a process of its own, as the console runs in its."""
    central = MeasuringCentralSystem()
    url = await central.start()
    process = await asyncio.create_subprocess_exec(sys.executable, os.path.abspath(__file__), "--role", role,
                                                   "--url", url)
    await asyncio.wait_for(central.connected.wait(), 10)
    await central.measure(100)  # warm-up
    times = await central.measure(calls)
    process.kill()
    await process.wait()
    await central.stop()
    return times


async def run_console(binary, floor_binary, calls, rounds, idle_seconds):
    """The console and the compiled floor, measured in alternating rounds."""
    central = MeasuringCentralSystem()
    url = await central.start()
    floor_central = MeasuringCentralSystem()
    floor_url = await floor_central.start()
    floor = await asyncio.create_subprocess_exec(floor_binary, floor_url + "/FLOORC")
    data = tempfile.mkdtemp(prefix="ocpp-link-bench-")
    spawned = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        binary, "--headless", "--url", url, "--id", "CONSOLE", "--data-dir", data,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    await asyncio.wait_for(central.connected.wait(), 10)
    await asyncio.wait_for(floor_central.connected.wait(), 10)
    while central.boot_seen_at is None:
        await asyncio.sleep(0.001)
    boot_ms = (central.boot_seen_at - spawned) * 1000
    await asyncio.sleep(1)  # let the boot's StatusNotifications settle
    rss_booted = memory_kib(process.pid, "VmRSS")
    await central.measure(100)
    await floor_central.measure(100)
    times = {action: [] for action, _ in KINDS}
    floor_times = {action: [] for action, _ in KINDS}
    for _ in range(rounds):
        for target, result in ((floor_central, floor_times), (central, times)):
            for action, series in (await target.measure(max(1, calls // rounds))).items():
                result[action] += series
    floor.kill()
    await floor.wait()
    await floor_central.stop()
    rss_after = memory_kib(process.pid, "VmRSS")
    idle = None
    if idle_seconds > 0:
        await asyncio.sleep(2)
        before, started = cpu_seconds(process.pid), time.monotonic()
        await asyncio.sleep(idle_seconds)
        idle = (cpu_seconds(process.pid) - before) / (time.monotonic() - started) * 100
    peak = memory_kib(process.pid, "VmHWM")
    process.stdin.write(b"quit\n")
    await process.stdin.drain()
    await asyncio.wait_for(process.wait(), 15)
    await central.stop()
    return times, floor_times, boot_ms, idle, (rss_booted, rss_after, peak)


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="the ocpp-console executable (release build)")
    parser.add_argument("--floor-binary", help="the compiled floor client (floor_client.c)")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds, console vs compiled floor")
    parser.add_argument("--role", choices=["floor", "python"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--calls", type=int, default=3000, help="measured calls per charge point (default 3000)")
    parser.add_argument("--idle", type=int, default=60, help="seconds of idle CPU measurement (default 60; 0 skips)")
    options = parser.parse_args()
    if options.role:
        client = bare_client if options.role == "floor" else python_charge_point
        await client(options.url, asyncio.Event())
        return
    if not options.binary or not options.floor_binary:
        parser.error("--binary and --floor-binary are required")

    print(f"link benchmark: {options.calls} calls per charge point over loopback, one at a time "
          f"({', '.join(k for k, _ in KINDS)} in turn), after 100 warm-up calls; {os.cpu_count()} cores")
    floor = await run_python_subject("floor", options.calls)
    python = await run_python_subject("python", options.calls)
    console, compiled, boot_ms, idle, memory = await run_console(
        options.binary, options.floor_binary, options.calls, options.rounds, options.idle)

    def row(label, times):
        every = [t for series in times.values() for t in series]
        p50, p99, worst = percentiles(every)
        per_kind = "  ".join(f"{k[:6]} {statistics.median(v):6.0f}" for k, v in times.items())
        print(f"  {label:24} {p50:8.0f} {p99:8.0f} {worst:9.0f}    p50 by action: {per_kind}")
        return p50, p99

    print(f"\n  CSMS-observed response time, µs    p50      p99       max")
    row("bare Python client", floor)
    row("python ocpp charge point", python)
    floor_p50, floor_p99 = row("bare C client (floor)", compiled)
    console_p50, console_p99 = row("ocpp-console", console)
    print(f"\n  goal p50 <= 1.2 x compiled floor: {console_p50:.0f} vs {1.2 * floor_p50:.0f} µs -> "
          f"{'met' if console_p50 <= 1.2 * floor_p50 else 'not met'}")
    print(f"  goal p99 <= 1.3 x compiled floor: {console_p99:.0f} vs {1.3 * floor_p99:.0f} µs -> "
          f"{'met' if console_p99 <= 1.3 * floor_p99 else 'not met'}")
    print(f"  start to BootNotification received: {boot_ms:.0f} ms (goal < 200 ms)")
    if idle is not None:
        print(f"  idle CPU, connected, over {options.idle} s: {idle:.3f} % of a core (goal < 0.5 %)")
    booted, after, peak = memory
    print(f"  resident memory: {booted / 1024:.1f} MiB after boot, {after / 1024:.1f} MiB after the calls, "
          f"peak {peak / 1024:.1f} MiB")


if __name__ == "__main__":
    asyncio.run(main())
