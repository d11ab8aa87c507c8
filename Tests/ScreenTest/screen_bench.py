#!/usr/bin/env python3
"""The screen's benchmark in `make bench` (figures, not pass/fail): the release
console in a real terminal (tmux), against a central system that floods it with
250 GetConfiguration calls a second (500 frames a second in the log).

  - keystroke to updated screen: send-keys until capture-pane shows the change
    (an upper bound: it includes tmux drawing and the capture itself);
  - CPU of the console while the log takes 500 frames/s;
  - CPU of the console idle, connected, over 60 s; resident memory.

    screen_bench.py --binary .build/release/ocpp-console [--idle 60]
"""

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

from websockets.asyncio.server import serve

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screen_e2e import Terminal  # noqa: E402


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class FloodingCentralSystem:
    """Answers the station and, while `flooding`, sends it GetConfiguration calls."""

    def __init__(self):
        self.flooding = False
        self.sent = 0

    async def start(self):
        self.server = await serve(self.accept, "127.0.0.1", 0, subprotocols=["ocpp1.6"], ping_interval=None)
        return f"ws://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/ocpp"

    async def accept(self, connection):
        sender = asyncio.create_task(self.flood(connection))
        try:
            async for text in connection:
                frame = json.loads(text)
                if frame[0] == 2:
                    payload = {"status": "Accepted", "currentTime": now_iso(), "interval": 300} \
                        if frame[2] == "BootNotification" else {}
                    await connection.send(json.dumps([3, frame[1], payload], separators=(",", ":")))
        finally:
            sender.cancel()

    async def flood(self, connection):
        while True:
            if self.flooding:
                started = time.monotonic()
                for _ in range(25):
                    self.sent += 1
                    await connection.send(f'[2,"f{self.sent}","GetConfiguration",{{"key":["HeartbeatInterval"]}}]')
                await asyncio.sleep(max(0, 0.1 - (time.monotonic() - started)))
            else:
                await asyncio.sleep(0.05)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def console_pid(terminal):
    shell = subprocess.run(["tmux", "list-panes", "-t", terminal.name, "-F", "#{pane_pid}"], capture_output=True,
                           text=True).stdout.split()[0]
    children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
    return int(children[0])


async def cpu_percent(pid, seconds):
    before, started = cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(seconds)
    return (cpu_seconds(pid) - before) / (time.monotonic() - started) * 100


def keystroke_latencies(terminal, count):
    """ms from send-keys to capture-pane showing the other view (c toggles it)."""
    samples = []
    for number in range(count):
        target = "Configuration ·" if number % 2 == 0 else "Connectors"
        started = time.perf_counter()
        terminal.keys("c")
        while target not in terminal.screen():
            pass
        samples.append((time.perf_counter() - started) * 1000)
    return samples


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--idle", type=int, default=60, help="seconds of idle CPU measurement (default 60)")
    options = parser.parse_args()
    if shutil.which("tmux") is None:
        print("screen bench: tmux is not installed", file=sys.stderr)
        return 2
    central = FloodingCentralSystem()
    url = await central.start()
    data = tempfile.mkdtemp(prefix="ocpp-screen-bench-")
    terminal = Terminal(120, 40)
    try:
        terminal.type(f"{os.path.abspath(options.binary)} --url {url} --id BENCH --data-dir {data}")
        terminal.keys("Enter")
        await asyncio.to_thread(terminal.wait_for, "boot Accepted")
        pid = console_pid(terminal)
        print(f"screen benchmark: release console in tmux 120x40, {os.cpu_count()} cores")

        quiet = await asyncio.to_thread(keystroke_latencies, terminal, 40)
        central.flooding = True
        await asyncio.sleep(1)
        sent = central.sent
        loaded_cpu_task = asyncio.create_task(cpu_percent(pid, 8))
        loaded = await asyncio.to_thread(keystroke_latencies, terminal, 40)
        loaded_cpu = await loaded_cpu_task
        rate = (central.sent - sent) / 8
        central.flooding = False
        await asyncio.sleep(2)
        memory = resident_mib(pid)
        idle = await cpu_percent(pid, options.idle)

        def show(name, samples):
            ordered = sorted(samples)
            print(f"  {name:58} p50 {statistics.median(ordered):5.1f} ms  p99 {ordered[int(len(ordered) * 0.99)]:5.1f} ms")

        show("keystroke to updated screen (includes tmux), quiet", quiet)
        show(f"keystroke to updated screen, log taking {2 * rate:.0f} frames/s", loaded)
        print(f"  {'CPU while the log takes ' + f'{2 * rate:.0f} frames/s':58} {loaded_cpu:.1f} % of a core")
        print(f"  {'CPU idle, connected, over ' + str(options.idle) + ' s':58} {idle:.3f} % of a core (goal < 0.5 %)")
        print(f"  {'resident memory after the flood':58} {memory:.1f} MiB")
        terminal.keys("q")
        deadline = time.monotonic() + 20
        while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    finally:
        terminal.close()
        central.server.close()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
