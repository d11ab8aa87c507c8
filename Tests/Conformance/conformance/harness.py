"""Test cases and the context each one runs in: a fresh central system, a fresh data
directory, and the station binary started (and restarted) on them."""

import asyncio
import shutil
import tempfile
import urllib.parse
from dataclasses import dataclass, field

from .csms import CentralSystem
from .station import Station

PROFILES = ("default", "jst-con-03")


@dataclass
class Case:
    name: str
    run: object
    profiles: tuple
    octt: str
    timeout: float


CASES = []


def case(name, *, octt="", profiles=PROFILES, timeout=60):
    """Registers a conformance case; `octt` names the OCTT test case(s) it implements."""

    def register(function):
        CASES.append(Case(name, function, tuple(profiles), octt, timeout))
        return function

    return register


# The central system's idTags (OCPP 1.6 §7.26 IdTagInfo). Anything else is Invalid.
ID_TAGS = {
    "VALID1": {"status": "Accepted", "parentIdTag": "GROUP1"},
    "VALID2": {"status": "Accepted", "parentIdTag": "GROUP1"},
    "OTHER": {"status": "Accepted", "parentIdTag": "GROUP2"},
    "EXPIRED": {"status": "Expired"},
    "BLOCKED": {"status": "Blocked"},
}


@dataclass
class Context:
    binary: str
    profile: str
    station_id: str = "CP_CONFORMANCE"
    csms: CentralSystem = None
    station: Station = None
    stations: list = field(default_factory=list)
    workdir: str = None
    extra_args: tuple = ()
    killed_connections: set = field(default_factory=set)
    # Connections of another client than the station (`ocpp-console replay`): not its frames.
    foreign_connections: set = field(default_factory=set)
    # Called when the case ends, last added first (servers a case started).
    cleanups: list = field(default_factory=list)
    # What `quit` at the end must exit with: 3 after a command the case made fail (issue 13).
    exit_status: int = 0

    def __post_init__(self):
        self.workdir = tempfile.mkdtemp(prefix="ocpp-conformance-")
        self.csms = CentralSystem(urllib.parse.quote(self.station_id, safe=""))
        self.csms.id_tags = dict(ID_TAGS)

    @property
    def connectors(self):
        return [1, 2] if self.profile == "default" else [1]

    @property
    def has_lock(self):
        """Connector 1 of the default profile is a socket with a cable lock; the JST's
        is a fixed cable."""
        return self.profile == "default"

    def rename(self, station_id):
        """Another station identity (before the first launch)."""
        self.station_id = station_id
        self.csms.expected_station_id = urllib.parse.quote(station_id, safe="")

    # Station lifecycle

    async def launch(self, extra_args=None, read_stdout=True):
        """Starts the station binary (again) on the same data directory; `read_stdout`
        False leaves its standard output unread (`Station`)."""
        if self.csms.url is None:
            await self.csms.start()
        self.station = Station(
            self.binary, profile=self.profile, url=self.csms.url, station_id=self.station_id,
            data_dir=self.workdir, extra_args=extra_args if extra_args is not None else self.extra_args,
            read_stdout=read_stdout)
        self.stations.append(self.station)
        await self.station.start()
        return self.station

    async def boot(self, extra_args=None, read_stdout=True):
        """Launches the station and waits until it is booted and has reported every
        connector: the starting point of most cases. Returns the frame mark after it."""
        mark = self.csms.mark()
        await self.launch(extra_args, read_stdout)
        await self.csms.wait_call("BootNotification", after=mark)
        for connector in [0, *self.connectors]:
            await self.csms.wait_call("StatusNotification", lambda p, c=connector: p["connectorId"] == c, after=mark)
        return self.csms.mark()

    async def finish(self):
        """Ends the case: `quit` must exit 0; then every recorded problem fails it."""
        problems = []
        if self.station and self.station.process.returncode is None:
            code = await self.station.quit()
            if code != self.exit_status:
                problems.append(f"quit ended with exit status {code}, expected {self.exit_status}")
        for station in self.stations:
            await station.ensure_stopped()
            problems.extend(station.violations)
            problems.extend(station.result_problems())
        problems.extend(self.csms.violations)
        problems.extend(self.check_event_stream())
        await self.csms.stop()
        while self.cleanups:
            self.cleanups.pop()()
        shutil.rmtree(self.workdir, ignore_errors=True)
        return problems

    async def power_cut(self):
        """SIGKILL: the station dies at once, as when the power goes."""
        self.killed_connections.add(self.csms.connections)
        await self.station.kill9()

    def check_event_stream(self):
        """DESIGN.md: every frame appears in the event stream exactly as on the wire. A
        process killed with SIGKILL may have put a frame on the wire and died before
        its event line: there, the frames shown must be a prefix of those sent."""
        shown = set()
        for station in self.stations:
            shown.update(station.frames_out())
        problems = []
        for connection in sorted({f.connection for f in self.csms.frames} - self.foreign_connections):
            sent = [f for f in self.csms.frames if f.sender == "station" and f.connection == connection]
            missing = [f for f in sent if f.raw not in shown]
            if connection in self.killed_connections and missing:
                first_missing = sent.index(missing[0])
                missing = [f for f in sent[first_missing:] if f.raw in shown]
            problems += [f"frame sent but not shown as an 'out' event: {f.raw[:200]}" for f in missing]
        return problems

    # Operator actions and central-system shortcuts

    def swipe(self, id_tag, connector=1):
        self.station.command(f"swipe {id_tag} {connector}" if len(self.connectors) > 1 else f"swipe {id_tag}")

    async def configure(self, key, value, expect="Accepted", optional=False):
        """ChangeConfiguration, asserting the answer. `optional`: a key this profile may
        not have (NotSupported is fine then)."""
        from ocpp.v16 import call

        result = await self.csms.call(call.ChangeConfiguration(key=key, value=str(value)))
        if optional and result.status == "NotSupported":
            return
        assert result.status == expect, f"ChangeConfiguration {key}={value}: {result.status}, expected {expect}"

    async def start_session(self, connector=1, id_tag="VALID1"):
        """Plug, swipe, and wait until the transaction runs; its transactionId."""
        mark = self.csms.mark()
        self.station.command(f"plug {connector}")
        self.swipe(id_tag, connector)
        start = await self.csms.wait_call("StartTransaction", lambda p: p["connectorId"] == connector, after=mark)
        await self.csms.wait_call(
            "StatusNotification", lambda p: p["connectorId"] == connector and p["status"] == "Charging", after=mark)
        answer = await self.csms.wait_answer_to(start)
        return answer.json[2]["transactionId"]


def status_is(connector, status):
    return lambda payload: payload["connectorId"] == connector and payload["status"] == status


def transcript(context, limit=60):
    """The last frames and station events of a case, for reading a failure."""
    lines = [f"  csms {f.connection} {f.sender:7} {f.raw[:160]}" for f in context.csms.frames[-limit:]]
    for number, station in enumerate(context.stations, 1):
        lines += [f"  station {number}: {e}" for e in station.events[-limit:]]
        if station.stderr:
            lines.append(f"  station {number} stderr: {station.stderr.decode(errors='replace')[-800:]}")
    return lines


async def run_case(binary, test_case, profile, verbose=False):
    """Runs one case on one profile; the list of problems (empty: passed), followed by
    the transcript when `verbose`."""
    context = Context(binary, profile)
    problems = []
    try:
        await asyncio.wait_for(test_case.run(context), test_case.timeout)
    except AssertionError as error:
        problems.append(str(error))
    except asyncio.TimeoutError:
        problems.append(f"the case did not finish within {test_case.timeout} s")
    except Exception as error:  # a bug in the case or the peer: still a failure, with its name
        problems.append(f"{type(error).__name__}: {error}")
    try:
        problems.extend(await context.finish())
    except Exception as error:
        problems.append(f"while finishing: {type(error).__name__}: {error}")
    if problems and verbose:
        problems.append("transcript:\n" + "\n".join(transcript(context)))
    return problems
