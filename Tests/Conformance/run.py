#!/usr/bin/env python3
"""The conformance suite: the built ocpp-console binary, headless, against a central
system written on the PyPI package `ocpp`, for every OCTT Core case that applies to the
`default` and `jst-con-03` profiles, plus malformed input. Every frame the station
sends is validated against the official OCPP 1.6 schemas.

    run.py --binary .build/debug/ocpp-console [-k substring] [--jobs N] [--list]

Prints one line per case and profile, then `N passed, M failed`; exit status 1 when
anything failed."""

import argparse
import asyncio
import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conformance import cases  # noqa: E402,F401  (registers the cases)
from conformance.harness import CASES, run_case  # noqa: E402


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the ocpp-console executable")
    parser.add_argument("-k", dest="filter", default="", help="run only cases whose name contains this")
    parser.add_argument("--profile", choices=["default", "jst-con-03"], help="run only this profile")
    parser.add_argument("--jobs", type=int, default=4, help="cases run at once (default 4)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the frames and events of failed cases")
    options = parser.parse_args()

    # The library logs every CALLERROR it receives; the cases judge those themselves.
    logging.getLogger("ocpp").setLevel(logging.INFO if options.verbose else logging.CRITICAL)

    selected = [(c, p) for c in CASES for p in c.profiles
                if options.filter in c.name and (options.profile is None or p == options.profile)]
    if options.list:
        for test_case, profile in selected:
            print(f"{test_case.name:34} {profile:11} {test_case.octt}")
        return 0
    if not os.access(options.binary, os.X_OK):
        print(f"run.py: {options.binary} is not an executable; build it first", file=sys.stderr)
        return 2

    gate = asyncio.Semaphore(max(1, options.jobs))
    failures = []

    async def one(test_case, profile):
        async with gate:
            started = time.monotonic()
            problems = await run_case(options.binary, test_case, profile, options.verbose)
            elapsed = time.monotonic() - started
            label = f"{test_case.name} [{profile}]"
            if problems:
                failures.append(label)
                print(f"FAIL  {label:48} {elapsed:5.1f} s  {test_case.octt}", flush=True)
                for problem in problems:
                    print(f"      - {problem}", flush=True)
            else:
                print(f"pass  {label:48} {elapsed:5.1f} s  {test_case.octt}", flush=True)

    await asyncio.gather(*(one(c, p) for c, p in selected))
    print(f"{len(selected) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
