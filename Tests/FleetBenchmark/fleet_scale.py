#!/usr/bin/env python3
"""Issue 15: a fleet's footprint. Starts `ocpp-console --headless --fleet N` against the
fleet central system of the conformance suite (on 127.0.0.1), waits until every station
has booted and reported its connectors, and prints how long that took, the process's
open files, resident memory, threads, idle CPU over 10 s, its data on disk and how long
`quit` took.

    fleet_scale.py --binary .build/release/ocpp-console [--stations 1000] [--ramp 1000]
"""

import argparse
import asyncio
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Conformance"))

from conformance.fleet_csms import FleetCentralSystem  # noqa: E402
from conformance.harness import ID_TAGS  # noqa: E402


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as file:
        return sum(int(x) for x in file.read().split()[13:15])


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--stations", type=int, default=1000)
    parser.add_argument("--ramp", default="1000")
    options = parser.parse_args()
    n = options.stations
    csms = FleetCentralSystem()
    csms.id_tags = dict(ID_TAGS)
    csms.validator.problems = lambda raw, pending: []  # the station is measured, not the schema checks
    url = await csms.start()
    data = tempfile.mkdtemp(prefix="fleet-scale-")
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        options.binary, "--headless", "--fleet", str(n), "--url", url, "--id", "SCALE", "--data-dir", data,
        "--ramp", options.ramp, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL)
    await csms.wait_until(lambda: len(csms.calls("StatusNotification")) >= 3 * n, 600, "every station's statuses")
    booted = time.monotonic() - started
    boot_cpu = cpu_ticks(process.pid) / os.sysconf("SC_CLK_TCK")
    files = len(os.listdir(f"/proc/{process.pid}/fd"))
    with open(f"/proc/{process.pid}/status") as file:
        status = dict(line.split(":", 1) for line in file)
    before = cpu_ticks(process.pid)
    await asyncio.sleep(10)
    idle = (cpu_ticks(process.pid) - before) / os.sysconf("SC_CLK_TCK") / 10 * 100
    disk = os.popen(f"du -sk {data}").read().split()[0]
    stopping = time.monotonic()
    process.stdin.write(b"quit\n")
    await process.stdin.drain()
    code = await process.wait()
    print(f"{n} stations at --ramp {options.ramp}: every boot and status in {booted:.1f} s "
          f"({boot_cpu:.1f} s of the station process's CPU); "
          f"{files} open files; {status['VmRSS'].strip()} resident; {status['Threads'].strip()} threads; "
          f"idle CPU {idle:.1f} % of a core; {disk} KiB on disk; quit (exit {code}) in "
          f"{time.monotonic() - stopping:.1f} s")
    await csms.stop()


if __name__ == "__main__":
    asyncio.run(main())
