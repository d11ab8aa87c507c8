#!/usr/bin/env python3
"""End-to-end test of the screen, as a person would use it: `ocpp-console --demo` in a
real terminal (tmux), keys typed with send-keys, the screen read with capture-pane.

Charges an EV with three keys (s, Enter, p), sees Charging and the StartTransaction
in the log, edits a configuration key, quits, and checks the terminal is intact. At
80x24, against the conformance suite's central system: an HTTP 401's reason in the
header, then the smart-charging limit and its profile on the connector row.

    screen_e2e.py --binary .build/debug/ocpp-console
"""

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone


class Terminal:
    def __init__(self, columns, rows):
        self.name = f"ocpp-e2e-{os.getpid()}"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(columns), "-y", str(rows),
                        "bash --norc --noprofile"], check=True)

    def keys(self, *keys):
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text):
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def screen(self):
        return subprocess.run(["tmux", "capture-pane", "-t", self.name, "-p"], check=True, capture_output=True,
                              text=True).stdout

    def wait_for(self, *texts, timeout=15):
        """Returns the screen once it shows every text; fails with the screen otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed {texts!r}; it shows:\n{screen}")
            time.sleep(0.05)

    def wait_gone(self, text, timeout=15):
        """Returns the screen once it no longer shows `text`."""
        return self.wait_for_line(f"the screen without {text!r}", lambda _: text not in self.screen(), timeout)

    def wait_for_line(self, description, predicate, timeout=15):
        """Returns the screen once one of its lines satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if any(predicate(line) for line in screen.splitlines()):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed {description}; it shows:\n{screen}")
            time.sleep(0.05)

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def run(binary):
    data = tempfile.mkdtemp(prefix="ocpp-screen-e2e-")
    terminal = Terminal(100, 30)
    steps = []
    try:
        terminal.type(f"{binary} --demo --data-dir {data}; echo EXIT=$?")
        terminal.keys("Enter")
        terminal.wait_for("boot Accepted", "Available")
        steps.append("started on the demo central system, boot accepted")

        terminal.keys("s")
        terminal.wait_for("Swipe a card at connector 1", "Alice")
        terminal.keys("Enter")
        terminal.keys("p")
        screen = terminal.wait_for("Charging", "StartTransaction", "tx 1")
        assert "CALL   StartTransaction" in screen and "RESULT StartTransaction" in screen, screen
        steps.append("s, Enter, p: Charging, StartTransaction sent and answered")

        terminal.keys("c")
        terminal.wait_for("Configuration ·")
        terminal.keys("/")
        terminal.type("HeartbeatInterval")
        terminal.keys("Enter", "Enter")
        terminal.wait_for("HeartbeatInterval = 300")
        terminal.keys("BSpace", "BSpace", "BSpace")
        terminal.type("120")
        terminal.keys("Enter")
        terminal.wait_for_line("the new value in the key list",
                               lambda line: line.startswith("│HeartbeatInterval") and " 120 " in line)
        terminal.keys("Escape", "c")
        terminal.wait_for("heartbeat every 120 s")
        steps.append("configuration key edited in place: HeartbeatInterval 120, in effect")

        terminal.keys(":")
        terminal.type("cer")
        terminal.keys("Tab")
        terminal.wait_for(":certs")
        terminal.keys("Enter")
        terminal.wait_for("Certificates (0)", "No certificate installed")
        terminal.keys("q")
        terminal.wait_gone("No certificate installed")
        steps.append(":cer, Tab, Enter: the certificates (none installed); q closes them")

        terminal.keys("q")
        terminal.wait_for("EXIT=0", timeout=20)
        terminal.type("echo MODES $(stty -a | tr -s ' ;' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo) END")
        terminal.keys("Enter")
        screen = terminal.wait_for_line("the terminal modes", lambda line: line.startswith("MODES ") and "END" in line)
        modes = next(line for line in screen.splitlines() if line.startswith("MODES ")).split()
        assert "icanon" in modes and "echo" in modes and "-icanon" not in modes, screen
        steps.append("q: exit status 0, terminal back in canonical mode with echo")

        terminal.keys("C-l")
        terminal.type(f"clear; {binary} --demo --data-dir {data}; echo EXIT2=$?")
        terminal.keys("Enter")
        terminal.wait_for("boot Accepted", "Charging")  # the session resumed after quit
        terminal.keys("C-c")
        terminal.wait_for("EXIT2=0", timeout=20)
        steps.append("the session resumed at the next start; Ctrl-C leaves cleanly too")
    finally:
        terminal.close()
        shutil.rmtree(data, ignore_errors=True)
    return steps


class ThirdPartyCentralSystem:
    """The conformance suite's central system (the PyPI package `ocpp`), on an event
    loop of its own thread, so the screen can be driven meanwhile."""

    def __init__(self, station_id, password):
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Conformance"))
        from conformance.csms import CentralSystem  # noqa: E402

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.csms = CentralSystem(station_id)
        self.csms.password = password
        self.url = self.run(self.csms.start())

    def run(self, coroutine, timeout=20):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self):
        self.run(self.csms.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def run_at_80x24(binary):
    """Issue 12 at 80x24: why the link is down (an HTTP 401) in the header, then, once
    the credentials are accepted, the smart-charging limit and its profile on the
    connector row."""
    from ocpp.v16 import call

    data = tempfile.mkdtemp(prefix="ocpp-screen-e2e-")
    terminal = Terminal(80, 24)
    central = ThirdPartyCentralSystem("E2E-80", password="the-right-one")
    steps = []
    try:
        terminal.type(f"{binary} --url {central.url} --id E2E-80 --password wrong-password --data-dir {data};"
                      " echo EXIT=$?")
        terminal.keys("Enter")
        screen = terminal.wait_for("refused the credentials (HTTP 401", "disconnected")
        header = screen.splitlines()[:4]
        assert any("refused the credentials (HTTP 401" in line for line in header), screen
        steps.append("80x24: an HTTP 401 shows its reason in the header")

        central.csms.password = None  # the central system takes the station now
        central.csms.id_tags["04A1B2C3D4E5F6"] = {"status": "Accepted"}
        terminal.wait_for("boot Accepted", timeout=90)
        start = (datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat(timespec="seconds")
        limit = {
            "chargingProfileId": 7, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
            "chargingProfileKind": "Absolute",
            "chargingSchedule": {"startSchedule": start.replace("+00:00", "Z"), "chargingRateUnit": "W",
                                 "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6900}]},
        }
        result = central.run(central.csms.call(call.SetChargingProfile(connector_id=1, cs_charging_profiles=limit)))
        assert result.status == "Accepted", result
        terminal.keys("s")
        terminal.wait_for("Alice")
        terminal.keys("Enter")
        terminal.keys("p")
        screen = terminal.wait_for_line(
            "the limit and its profile on connector 1's row",
            lambda line: line.startswith("│   Alice") and "limit 6.9 kW #7 TxDefault" in line, timeout=30)
        steps.append("80x24: the smart-charging limit and its profile on the connector row (limit 6.9 kW #7 TxDefault)")
        terminal.keys("q")
        terminal.wait_for("EXIT=0", timeout=20)
    finally:
        terminal.close()
        central.close()
        shutil.rmtree(data, ignore_errors=True)
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    options = parser.parse_args()
    if shutil.which("tmux") is None:
        print("screen e2e: tmux is not installed (scripts/install-deps installs it)", file=sys.stderr)
        return 2
    try:
        for step in run(os.path.abspath(options.binary)) + run_at_80x24(os.path.abspath(options.binary)):
            print(f"pass  screen: {step}")
    except AssertionError as failure:
        print(f"FAIL  screen: {failure}")
        return 1
    print("screen end-to-end test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
