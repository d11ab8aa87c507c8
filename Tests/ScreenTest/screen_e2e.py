#!/usr/bin/env python3
"""End-to-end test of the screen, as a person would use it: `ocpp-console --demo` in a
real terminal (tmux), keys typed with send-keys, the screen read with capture-pane.

Charges an EV with three keys (s, Enter, p), sees Charging and the StartTransaction
in the log, edits a configuration key, quits, and checks the terminal is intact. Then,
at 80x24 with LANG=C, runs a --script on the screen: its progress and its end on the
feedback line, drawn in ASCII; and --kiosk, whose q waits for a confirmation. At 80x24,
against the conformance suite's central system: an HTTP 401's reason in the header, then
the smart-charging limit and its profile on the connector row; and the frames:
response times, `/!`, a frame copied and saved, `:save-log`, `Q`.

    screen_e2e.py --binary .build/debug/ocpp-console
"""

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone


class Terminal:
    def __init__(self, columns, rows, name="main"):
        self.name = f"ocpp-e2e-{os.getpid()}-{name}"
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


@contextlib.contextmanager
def demo(binary, columns, rows):
    """A terminal of that size running `ocpp-console --demo` on a fresh data directory,
    its boot accepted; (terminal, data directory). Both go away after."""
    # The UTF-8 screen (a locale that is not UTF-8 gets ASCII: `run_script_ascii`).
    command = f"export LC_ALL=C.UTF-8; {binary} --demo --data-dir {{data}}; echo EXIT=$?"
    with console(columns, rows, "main", command) as (terminal, data):
        terminal.wait_for("boot Accepted", "Available")
        yield terminal, data


def run(binary):
    steps = []
    with demo(binary, 100, 30) as (terminal, data):
        steps.append("started on the demo central system, boot accepted")

        terminal.keys("s")
        terminal.wait_for("Swipe a card at connector 1", "Alice")
        terminal.keys("Enter")
        terminal.keys("p")
        # The demo's transaction ids start from the wall clock (README: they increase across
        # restarts); eight digits leave no room for "tx <id>" on a 100-column row.
        screen = terminal.wait_for("Charging", "StartTransaction", "Alice")
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
    return steps


def run_feedback_80x24(binary):
    """At 80x24: `:help` lists the commands; after a power cut with a session running the
    history (h) still has the stop that later messages pushed off the feedback line; a
    late arrow is never the `[` key (issue 12 §4, §5, §11)."""
    steps = []
    with demo(binary, 80, 24) as (terminal, _):
        terminal.keys(":")
        terminal.type("help")
        terminal.keys("Enter")
        screen = terminal.wait_for("Commands", "plug <c>", "swipe <idTag> [c]")
        assert "swipe an RFID card" not in screen, screen
        terminal.keys("q")
        terminal.wait_gone("plug <c>")
        steps.append("80x24 :help lists the commands (not the keys)")

        terminal.keys("s")
        terminal.wait_for("Swipe a card at connector 1")
        terminal.keys("Enter")
        terminal.keys("p")
        terminal.wait_for("Charging", "Alice")
        terminal.keys(":")
        terminal.type("powercut")
        terminal.keys("Enter")
        terminal.wait_for("accepted the boot")
        terminal.keys("h")
        screen = terminal.wait_for("Feedback history", "stopped: power loss")
        assert re.search(r"transaction \d+ stopped \(PowerLoss\)", screen), screen
        terminal.keys("q")
        terminal.wait_gone("Feedback history")
        steps.append("80x24 :powercut with a session, then h: the history says the transaction stopped")

        # An arrow whose bytes come apart (Esc, then "[A" 150 ms later) is not `[`,
        # which would select connector 1.
        terminal.keys("2")
        terminal.wait_for_line("connector 2 selected", lambda line: line.startswith("│>2 "))
        terminal.keys("Escape")
        time.sleep(0.15)
        terminal.type("[A")
        time.sleep(1.5)
        screen = terminal.screen()
        assert any(line.startswith("│>2 ") for line in screen.splitlines()), screen
        steps.append("80x24 a late arrow after Esc leaves the selection alone")

        # The same late arrow in the `:` prompt: its Esc must not close the prompt and
        # lose what was typed (the Esc is held until its `[` can no longer come).
        terminal.keys(":")
        terminal.type("plug 2")
        terminal.keys("Escape")
        time.sleep(0.15)
        terminal.type("[D")
        time.sleep(1.5)
        screen = terminal.screen()
        assert ":plug 2" in screen, screen
        terminal.keys("Escape")
        terminal.wait_gone(":plug 2")
        steps.append("80x24 a late arrow in the : prompt keeps the prompt; Esc alone closes it")

        terminal.keys("q")
        terminal.wait_for("EXIT=0", timeout=20)
    return steps


@contextlib.contextmanager
def console(columns, rows, name, command):
    """A terminal of its own running `command` (formatted with `data`, a fresh data
    directory); closed and removed at the end."""
    data = tempfile.mkdtemp(prefix="ocpp-screen-e2e-")
    terminal = Terminal(columns, rows, name)
    try:
        terminal.type(command.format(data=data))
        terminal.keys("Enter")
        yield terminal, data
    finally:
        terminal.close()
        shutil.rmtree(data, ignore_errors=True)


def run_script_ascii(binary):
    """--script on the screen, at 80x24, in a terminal whose locale is not UTF-8."""
    steps = []
    script = os.path.join(tempfile.mkdtemp(prefix="ocpp-screen-e2e-script-"), "session.txt")
    with open(script, "w") as file:
        file.write("# a scripted start\nwait online 10s\nplug 1\nplgu 1\nwait 4s\nsave-log\n")
    command = f"export LC_ALL=C LANG=C; {binary} --demo --data-dir {{data}} --script {script}; echo EXIT=$?"
    with console(80, 24, "script", command) as (terminal, data):
        screen = terminal.wait_for("script: line 5 of 6: wait 4s", "Preparing")
        assert "─" not in screen and "│" not in screen and "+- Connectors" in screen, screen
        steps.append("80x24, LANG=C: the --script runs on the screen, its progress on the feedback line, ASCII boxes")
        terminal.wait_for("script session.txt done, 1 line refused")
        steps.append("the script's end (and its refused line) on the feedback line")
        saved = [name for name in os.listdir(data) if name.startswith("log-") and name.endswith(".jsonl")]
        assert len(saved) == 1, os.listdir(data)
        steps.append("save-log in a --script on the screen: the log saved in the data directory")
        terminal.keys("q")
        terminal.wait_for("EXIT=0", timeout=20)
    shutil.rmtree(os.path.dirname(script), ignore_errors=True)
    return steps


def run_kiosk(binary):
    """--kiosk at 80x24: Ctrl-C is a key, q asks for y, any other key cancels."""
    steps = []
    command = f"export LC_ALL=C.UTF-8; {binary} --demo --demo-loop --kiosk --data-dir {{data}}; echo EXIT=$?"
    with console(80, 24, "kiosk", command) as (terminal, _):
        terminal.wait_for("boot Accepted")
        terminal.keys("C-c", "q")
        terminal.wait_for("kiosk: y to quit, other keys cancel")
        terminal.keys("n")
        terminal.wait_for("kiosk: cancelled; nothing changed")
        assert "EXIT=" not in terminal.screen()
        steps.append("--kiosk: Ctrl-C does not end it; q asks for y, another key cancels")
        terminal.keys("q", "y")
        terminal.wait_for("EXIT=0", timeout=20)
        steps.append("--kiosk: q, y quits (exit status 0)")
    return steps


def run_frames(binary):
    """The message log at 80x24 (issue 12): response times, `/!` showing a refusal, a
    frame copied (OSC 52) and saved, `:save-log`, and `Q` stopping the session to quit."""
    steps = []
    with demo(binary, 80, 24) as (terminal, data):
        terminal.wait_for_line("a response time", lambda line: "RESULT BootNotification" in line and " ms " in line)
        steps.append("80x24: the log gives each answer its response time (RESULT BootNotification … ms)")

        terminal.keys("s", "Enter", "p")
        terminal.wait_for("Charging", "Alice")
        terminal.keys("s")
        terminal.wait_for("Unknown card (invalid)")
        terminal.keys("6")
        terminal.wait_for("refused: Invalid")
        terminal.keys("/")
        terminal.type("!")
        terminal.keys("Enter")
        screen = terminal.wait_for('filter "!" (errors and refusals): 1')
        assert "RESULT Authorize" in screen and "RESULT StartTransaction" not in screen, screen
        steps.append("/!: only the refusal (Authorize answered Invalid)")

        terminal.keys("Enter")
        terminal.wait_for_line("the frame's response time", lambda line: "CALLRESULT Authorize in " in line)
        terminal.keys("c")
        terminal.wait_for("frame copied to the clipboard (OSC 52")
        terminal.keys("s")
        screen = terminal.wait_for("frame saved to")
        saved = [name for name in os.listdir(data) if name.startswith("frame-") and "Authorize-result" in name]
        assert len(saved) == 1, (os.listdir(data), screen)
        with open(os.path.join(data, saved[0])) as file:
            assert '"Invalid"' in file.read()
        steps.append("in the frame: its response time; c copies it (OSC 52), s saves it in the data directory")

        terminal.keys("Escape", "Escape", ":")
        terminal.type("save-log")
        terminal.keys("Enter")
        terminal.wait_for(f"frames saved to {data}/log-")
        logs = [name for name in os.listdir(data) if name.startswith("log-")]
        with open(os.path.join(data, logs[0])) as file:
            lines = file.read().splitlines()
        assert all('"type":"frame"' in line for line in lines) and any("StartTransaction" in line for line in lines)
        steps.append(f":save-log: {len(lines)} frames written, one JSON line each, where the feedback line says")

        terminal.keys("Q")
        terminal.wait_for("EXIT=0", timeout=30)
        terminal.keys("C-l")
        terminal.type(f"clear; {binary} --demo --data-dir {data}; echo EXIT2=$?")
        terminal.keys("Enter")
        screen = terminal.wait_for("boot Accepted", "Finishing")
        assert "Charging" not in screen and not re.search(r"\btx \d", screen), screen
        terminal.keys("q")
        terminal.wait_for("EXIT2=0", timeout=20)
        steps.append("Q: the session stopped (StopTransaction answered) and the console quit; it does not resume")
    return steps


class ThirdPartyCentralSystem:
    """The conformance suite's central system (the PyPI package `ocpp`), on an event
    loop of its own thread, so the screen can be driven meanwhile."""

    def __init__(self, station_id, password, fleet=False):
        """`fleet`: the suite's central system for any number of stations (issue 15)."""
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Conformance"))
        from conformance.csms import CentralSystem  # noqa: E402
        from conformance.fleet_csms import FleetCentralSystem  # noqa: E402

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.csms = self.run(self.make(FleetCentralSystem)) if fleet else CentralSystem(station_id)
        self.csms.password = password
        self.url = self.run(self.csms.start())

    @staticmethod
    async def make(kind):
        """`kind` made on the event loop (it makes its asyncio objects there)."""
        return kind()

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


def run_csms_80x24(binary):
    """Issue 14 at 80x24: the demo central system driven from the `:` line — its answer on
    the feedback line, the station-wide limit on the connector rows, and the whole
    firmware cycle on the demo's own file server."""

    def power_kw(line):
        """The power on Alice's connector row ("Alice · … tx 58000000 0.06 kWh 11.0 kW", "Alice 7.0 kW
        share …"), or None."""
        found = re.search(r"Alice.*?(\d+\.\d) kW\b", line)
        return float(found.group(1)) if found else None

    steps = []
    with demo(binary, 80, 24) as (terminal, data):
        terminal.keys("p")
        terminal.keys("s")
        terminal.keys("Enter")
        terminal.wait_for_line("a session drawing more than 7 kW", lambda line: (power_kw(line) or 0) > 7.5,
                               timeout=20)
        # C: the picker of the central system's CALLs; station-limit's line to the : line.
        terminal.keys("C")
        terminal.wait_for("The central system sends")
        terminal.keys(*["Down"] * 10)
        terminal.keys("Enter")
        terminal.wait_for(":csms station-limit 7")
        terminal.keys("Enter")
        terminal.wait_for('answered SetChargingProfile {"status":"Accepted"}')
        terminal.wait_for_line("the session cut to 7 kW, CPMax on its row",
                               lambda line: power_kw(line) == 7.0 and "CPMax" in line)
        steps.append("80x24: C, station-limit, Enter, Enter: csms station-limit 7 answered on the feedback line, "
                     "the session's power cut to 7.0 kW with CPMax on its row")
        terminal.keys("x")  # the session ends: firmware installs only when none runs
        terminal.wait_for("Finishing")
        terminal.keys(":")
        terminal.type("csms update-firmware 3.1.4")
        terminal.keys("Enter")
        terminal.wait_for("now running 3.1.4", timeout=30)
        steps.append("80x24: :csms update-firmware 3.1.4: served by the demo, installed, now running 3.1.4")
        terminal.keys("q")
        terminal.wait_for("EXIT=0", timeout=20)
    return steps


def run_fleet_80x24(binary):
    """Issue 15 §4 at 80x24: a fleet of 20 stations against the suite's fleet central
    system. The fleet view counts them connected and booted; `i 0003 Enter` opens one
    station's own view (its boot in the log), `p` plugs an EV in there, `F` goes back
    to the fleet view, whose line shows it Preparing; the `:` line's `on … swipe` makes
    it Charging, and `/` filters the lines by status."""
    steps = []
    central = ThirdPartyCentralSystem("E2E", password=None, fleet=True)
    central.csms.id_tags["04A1B2C3D4E5F6"] = {"status": "Accepted"}
    command = f"export LC_ALL=C.UTF-8; {binary} --fleet 20 --url {central.url} --id E2E --data-dir {{data}}; echo EXIT=$?"
    try:
        with console(80, 24, "fleet", command) as (terminal, _):
            screen = terminal.wait_for("20 stations", "connected 20", "booted 20", "E2E-0001", timeout=30)
            assert "Stations 20 by identity" in screen, screen
            steps.append("80x24: a fleet of 20: the fleet view, every station connected and booted, a line each")

            terminal.keys("i")
            terminal.type("0003")
            terminal.keys("Enter")
            screen = terminal.wait_for("E2E-0003", "boot Accepted", "BootNotification")
            assert "Connectors" in screen, screen
            terminal.keys("p")
            terminal.wait_for("Preparing")
            steps.append("80x24: i 0003 Enter opens E2E-0003's own view (its boot in the log); p plugs in there")

            terminal.keys("F")
            terminal.wait_for_line("E2E-0003 Preparing in the fleet view",
                                   lambda line: "E2E-0003" in line and "1 Prep" in line)
            terminal.keys(":")
            terminal.type("on E2E-0003 swipe 04A1B2C3D4E5F6 1")
            terminal.keys("Enter")
            terminal.wait_for_line("E2E-0003 Charging in the fleet view",
                                   lambda line: "E2E-0003" in line and "1 Charg" in line, timeout=20)
            terminal.wait_for("charging 1")
            steps.append("80x24: F: back to the fleet view, E2E-0003 Preparing; :on E2E-0003 swipe …: Charging")

            terminal.type("/charg")  # the key, then the text of the filter
            terminal.keys("Enter")
            screen = terminal.wait_for("Stations 1 of 20 matching 'charg'")
            assert "E2E-0003" in screen and "E2E-0001" not in screen, screen
            steps.append("80x24: /charg: the one station charging")

            terminal.keys("q")
            terminal.wait_for("EXIT=0", timeout=30)
            steps.append("80x24: q quits the fleet, exit status 0")
    finally:
        central.close()
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    options = parser.parse_args()
    if shutil.which("tmux") is None:
        print("screen e2e: tmux is not installed (scripts/install-deps installs it)", file=sys.stderr)
        return 2
    try:
        binary = os.path.abspath(options.binary)
        for scenario in (run, run_feedback_80x24, run_script_ascii, run_kiosk, run_at_80x24, run_frames,
                         run_csms_80x24, run_fleet_80x24):
            for step in scenario(binary):
                print(f"pass  screen: {step}")
    except AssertionError as failure:
        print(f"FAIL  screen: {failure}")
        return 1
    print("screen end-to-end test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
