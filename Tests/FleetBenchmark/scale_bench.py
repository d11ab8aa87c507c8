#!/usr/bin/env python3
"""The fleet's scale figures of `make bench` (issue 15, item 5) — figures, not pass/fail.

Runs `ocpp-console --headless --fleet N` against the bench's own central system on
loopback (bench_csms.py: template answers, HeartbeatInterval 60) at a few sizes, one
fresh process and fresh data directories each, and prints:

  boot       time from the process's start to every station's BootNotification answered
  memory     private memory (smaps_rollup) per added station, between two fleet sizes
  CPU        the station process's CPU over a steady-state window, % of one core
  latency    CSMS-observed reply latency p50/p99 over that window: GetConfiguration
             sent to random stations at a fixed rate, timed to its CALLRESULT
  largest    the largest fleet whose p99 stays under 1 s: the size grows by half from
             the main run until p99 reaches 1 s, a station fails to boot, or the loopback
             port range, the open-file limit, memory or the time budget would be passed

The stations run the default behaviour (Assets/fleet/default.toml: sessions, faults,
offline periods), or the one FLEET_BEHAVIOUR names; FLEET_BEHAVIOUR=none has them idle
(boot, status, a heartbeat every 60 s).
The machine's other load over each window (CPU busy outside the bench's two processes)
is printed next to the figures: CPU and latency figures are only honest on a quiet
machine.

Environment (or the options of the same names in lower case):
  FLEET_QUICK=1        small sizes and short windows (about a minute in all)
  FLEET_MAX=N          no fleet larger than N stations
  FLEET_BEHAVIOUR=FILE the behaviour (default: default; none: idle stations)
  FLEET_RAMP=R         --ramp of the runs (default 1000 connections a second)
  FLEET_BUDGET=S       seconds the search for the largest fleet may take (default 180)
  FLEET_HEARTBEAT=S    the HeartbeatInterval the central system gives (default 60)
  FLEET_JOURNAL=J      the stations' --fleet-journal (wal, the default, or rollback)
"""

import argparse
import asyncio
import os
import shutil
import subprocess
import tempfile
import time

import machine
from bench_csms import HEARTBEAT_INTERVAL, BenchCentralSystem
from report import print_report

P99_LIMIT_MS = 1000.0
PER_STATION_FILES = 4  # FileDescriptorLimit.perStation: lock, database, WAL, socket
RESERVE_FILES = 64


def settings():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    env = os.environ.get
    parser.add_argument("--quick", action="store_true", default=env("FLEET_QUICK", "") not in ("", "0"))
    parser.add_argument("--max", type=int, default=int(env("FLEET_MAX") or 0))
    # Sessions per the default behaviour (Assets/fleet/default.toml) unless told
    # otherwise; FLEET_BEHAVIOUR=none for idle stations.
    chosen = env("FLEET_BEHAVIOUR") or "default"
    parser.add_argument("--behaviour", default=None if chosen in ("none", "idle") else chosen)
    parser.add_argument("--ramp", type=int, default=int(env("FLEET_RAMP") or 1000))
    parser.add_argument("--budget", type=float, default=float(env("FLEET_BUDGET") or 180))
    parser.add_argument("--probes", type=int, default=50, help="latency probes a second")
    parser.add_argument("--journal", default=env("FLEET_JOURNAL") or None, choices=("wal", "rollback"))
    options = parser.parse_args()
    if options.quick:
        options.sizes, options.window, options.search_window = (200, 1000), 15.0, 10.0
        options.budget = min(options.budget, 60.0)
    else:
        options.sizes, options.window, options.search_window = (1000, 5000), 60.0, 30.0
    if options.max:
        options.sizes = tuple(sorted({min(size, options.max) for size in options.sizes}))
    return options


def behaviour_arguments(options):
    """--fleet-behaviour FILE when both the binary and the caller have one; and what the
    table says the stations did."""
    help_text = subprocess.run([options.binary, "--help"], capture_output=True, text=True).stdout
    supported = "--fleet-behaviour" in help_text
    if options.behaviour and supported:
        return ["--fleet-behaviour", options.behaviour], f"sessions per {options.behaviour}"
    idle = f"idle (boot, statuses, a heartbeat every {HEARTBEAT_INTERVAL} s)"
    if options.behaviour:
        return [], f"{idle}: this binary has no --fleet-behaviour, FLEET_BEHAVIOUR ignored"
    return [], idle + ("" if not supported else "; FLEET_BEHAVIOUR=FILE for sessions")


def processes_for(size, files):
    """As many station processes as the open-file limit needs (a --shard each): where
    the limit cannot be raised, a fleet larger than one process may hold runs as the
    README's --shard says, on one machine."""
    per_process = (files - RESERVE_FILES) // PER_STATION_FILES
    return -(-size // per_process)


async def run(options, size, window, extra):
    """One fleet of `size` from a fresh start: boot, settle, a steady-state window."""
    csms = BenchCentralSystem()
    url = await csms.start()
    data = tempfile.mkdtemp(prefix="fleet-bench-")
    count = processes_for(size, options.files)
    started = time.monotonic()
    processes = []
    for shard in range(1, count + 1):
        log = open(os.path.join(data, f"shard-{shard}.log"), "wb")
        sharding = ["--shard", f"{shard}/{count}"] if count > 1 else []
        processes.append(await asyncio.create_subprocess_exec(
            options.binary, "--headless", "--fleet", str(size), *sharding, "--url", url, "--id", "BENCH",
            "--data-dir", os.path.join(data, "stations"), "--ramp", str(max(1, options.ramp // count)),
            "--seed", "15", *extra, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL, stderr=log))
        log.close()
    pids = [p.pid for p in processes]
    result = {"size": size, "processes": count}
    try:
        deadline = started + 60 + size * max(3 / options.ramp, 0.015)  # each station made, then booted
        while len(csms.booted) < size and all(p.returncode is None for p in processes) \
                and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        if len(csms.booted) < size:
            result["failure"] = failure(processes, csms, size, data)
            return result
        result["boot_s"] = csms.last_boot_at - started
        result["boot_cpu_s"] = sum(machine.cpu_seconds(pid) for pid in pids)
        await asyncio.sleep(5)  # the statuses after the last boot
        result.update(await steady_state(csms, pids, window, options.probes))
        result["private_kib_each"] = [machine.private_kib(pid) for pid in pids]
        result["private_kib"] = sum(result["private_kib_each"])
        result["sizes_each"] = [size * (k + 1) // count - size * k // count for k in range(count)]
        return result
    finally:
        await asyncio.gather(*(stop(p) for p in processes))
        await csms.stop()
        shutil.rmtree(data, ignore_errors=True)


async def steady_state(csms, pids, window, probes):
    def cpu():
        return sum(machine.cpu_seconds(pid) for pid in pids)

    before, own, busy, at = cpu(), machine.own_cpu_seconds(), machine.machine_busy_seconds(), time.monotonic()
    calls = sum(csms.calls.values())
    csms.start_sampling(probes)
    await asyncio.sleep(window)
    elapsed = time.monotonic() - at
    station_cpu = cpu() - before
    own_cpu = machine.own_cpu_seconds() - own
    other = machine.machine_busy_seconds() - busy - station_cpu - own_cpu
    calls = sum(csms.calls.values()) - calls
    latency = await csms.finish_sampling()
    return {"cpu_pct": station_cpu / elapsed * 100, "csms_cpu_pct": own_cpu / elapsed * 100,
            "other_cores": max(0.0, other / elapsed), "calls_per_s": calls / elapsed, **latency}


def failure(processes, csms, size, data):
    for shard, process in enumerate(processes, 1):
        if process.returncode is not None:
            with open(os.path.join(data, f"shard-{shard}.log"), errors="replace") as file:
                lines = [line.strip() for line in file if line.strip()]
            return f"exit {process.returncode}: {lines[0] if lines else 'no message'}"
    return f"{len(csms.booted)} of {size} booted in time"


async def stop(process):
    if process.returncode is None:
        try:
            process.stdin.write(b"quit\n")
            await process.stdin.drain()
            await asyncio.wait_for(process.wait(), 60)
        except (asyncio.TimeoutError, ConnectionError):
            process.kill()
            await process.wait()


def memory_slope(runs):
    """Private memory per added station: the least-squares slope over every station
    process of the runs (its stations, its private memory), so that a fleet split over
    processes does not count a process's fixed cost as stations'."""
    points = [(n, m) for r in runs for n, m in zip(r["sizes_each"], r["private_kib_each"])]
    if len({n for n, _ in points}) < 2:
        return None
    mean_n = sum(n for n, _ in points) / len(points)
    mean_m = sum(m for _, m in points) / len(points)
    return sum((n - mean_n) * (m - mean_m) for n, m in points) / sum((n - mean_n) ** 2 for n, _ in points)


def passes(result):
    return "failure" not in result and result["lost"] == 0 and result["p99_ms"] < P99_LIMIT_MS


def caps(options, files):
    """The largest size each resource allows: open files, loopback ports, memory."""
    ports = machine.ephemeral_ports() - 1000  # the machine's other connections
    limits = {"loopback port range": ports, "open-file limit of the bench's central system": files - 256}
    if options.max:
        limits["FLEET_MAX"] = options.max
    return limits


async def search(options, main, extra, files, began, memory_per_station):
    """Steps up by half from the main size while p99 < 1 s; the runs, and why it stopped."""
    runs, size = [], main["size"]
    limits = caps(options, files)
    while True:
        size = size * 3 // 2
        reason = next((f"{name} ({limit})" for name, limit in limits.items() if size > limit), None)
        if reason:
            capped = min(limits.values())
            if capped <= (runs[-1]["size"] if runs else main["size"]):
                return runs, reason
            size = capped
        available = machine.status_meminfo("MemAvailable")
        if memory_per_station and size * memory_per_station * 2 > available:
            return runs, f"memory (MemAvailable {available // 1024} MiB)"
        # Boot takes longer than the ramp (each station's database is made first): the
        # main run's pace, plus the settling, the window and the quit.
        expected = size * max(1 / options.ramp, main["boot_s"] / main["size"]) + 30 + options.search_window
        if time.monotonic() - began + expected > options.budget:
            return runs, f"time budget (FLEET_BUDGET={options.budget:.0f} s)"
        result = await run(options, size, options.search_window, extra)
        runs.append(result)
        report_run(result)
        if not passes(result):
            return runs, "p99 ≥ 1 s" if "failure" not in result else result["failure"]
        if reason:
            return runs, reason


def report_run(result):
    if "failure" in result:
        print(f"  {result['size']:>6} stations: {result['failure']}", flush=True)
    else:
        print(f"  {result['size']:>6} stations: booted in {result['boot_s']:.1f} s, "
              f"p99 {result['p99_ms']:.1f} ms, CPU {result['cpu_pct']:.1f} %, "
              f"other load {result['other_cores']:.2f} cores", flush=True)


async def main():
    options = settings()
    largest = min(options.max or machine.ephemeral_ports(), machine.ephemeral_ports())
    wanted = largest * PER_STATION_FILES + RESERVE_FILES + 1024
    files, how = machine.raise_file_limit(wanted)
    options.files = files
    extra, behaviour = behaviour_arguments(options)
    if options.journal:
        extra += ["--fleet-journal", options.journal]
        behaviour += f"; --fleet-journal {options.journal}"
    print(f"fleet scale bench: {behaviour}; --ramp {options.ramp}; open-file limit {files} ({how})", flush=True)
    runs = []
    for size, window in zip(options.sizes, (options.search_window, options.window)):
        result = await run(options, size, window, extra)
        report_run(result)
        runs.append(result)
    main_run = runs[-1]
    base = runs[0] if len(runs) > 1 else None
    per_station = memory_slope([r for r in runs if "failure" not in r])
    began = time.monotonic()
    searched, stopped = ([], "the main run failed")
    if "failure" not in main_run and passes(main_run):
        searched, stopped = await search(options, main_run, extra, files, began, per_station)
    print_report(options, behaviour, files, how, runs + searched, base, main_run, per_station, stopped)


if __name__ == "__main__":
    asyncio.run(main())
