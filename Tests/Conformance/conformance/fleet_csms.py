"""A central system for a fleet (issue 15): any number of stations at once, each at
`/ocpp/<identity>`, answered as `csms.CentralSystem` answers one (its `StationLink`),
with every frame recorded by station and validated against the official schemas. It
counts what matters for a fleet: boots, connections, and every StartTransaction and
StopTransaction by station, so that a case can check that each transaction arrived
exactly once. `restart()` stops listening, drops every connection and listens again on
the same port: a central system restarted under load."""

import asyncio
import itertools
import urllib.parse

from websockets.asyncio.server import serve

from .csms import CentralSystem, Frame, StationLink
from .schemas import FrameValidator


class FleetCentralSystem:
    def __init__(self):
        self.validator = FrameValidator()
        self.frames = {}  # identity -> [Frame]
        self.pending = {}  # identity -> {message id: action} of the central system's calls
        self.violations = []
        self.changed = asyncio.Condition()
        self.server = None
        self.port = 0
        self.url = None
        self.connections = {}  # identity -> connections accepted
        self.links = {}  # identity -> the StationLink of its open connection
        self.identity_of = {}  # connection index -> identity
        self.indices = itertools.count(1)
        # What StationLink reads of its central system.
        self.heartbeat_interval = 300
        self.clock_skew_s = 0.0
        self.id_tags = {}
        self.stop_transaction_failures = 0
        self.data_transfer_failures = 0
        self.transaction_ids = itertools.count(1001)

    # Server

    async def start(self, port=0):
        self.server = await serve(self.accept, "127.0.0.1", port, subprotocols=["ocpp1.6"], ping_interval=None,
                                  max_queue=None)
        self.port = self.server.sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{self.port}/ocpp"
        return self.url

    async def stop(self):
        if self.server:
            self.server.close()
            await self.server.wait_closed()
            self.server = None

    async def restart(self, down_s=0.0):
        """Every connection dropped, nothing listening for `down_s`, then the same port again."""
        await self.stop()
        await asyncio.sleep(down_s)
        await self.start(self.port)

    async def accept(self, connection):
        identity = urllib.parse.unquote(connection.request.path.rsplit("/", 1)[-1])
        if not connection.request.path.startswith("/ocpp/"):
            self.violations.append(f"a station connected to {connection.request.path}")
        index = next(self.indices)
        self.identity_of[index] = identity
        self.connections[identity] = self.connections.get(identity, 0) + 1
        link = StationLink(identity, connection, self, index)
        self.links[identity] = link
        await self.notify()
        try:
            await link.start()
        except Exception:  # the connection closed
            pass
        finally:
            if self.links.get(identity) is link:
                del self.links[identity]
            await self.notify()

    # What StationLink calls

    def record(self, sender, raw, index):
        identity = self.identity_of[index]
        frame = Frame(sender, raw, index)
        self.frames.setdefault(identity, []).append(frame)
        pending = self.pending.setdefault(identity, {})
        if sender == "station":
            for problem in self.validator.problems(raw, pending):
                self.violations.append(f"{identity}: {problem} in {raw[:300]}")
            if frame.kind in (3, 4):
                pending.pop(frame.message_id, None)
        elif frame.kind == 2:
            pending[frame.message_id] = frame.action
        asyncio.get_running_loop().create_task(self.notify())

    def next_boot_answer(self):
        return "Accepted", self.heartbeat_interval

    def id_tag_info(self, id_tag):
        info = self.id_tags.get(id_tag, {"status": "Invalid"})
        return {key: value for key, value in info.items() if value is not None}

    async def notify(self):
        async with self.changed:
            self.changed.notify_all()

    # Reading what came

    def calls(self, action, identity=None):
        """The station CALLs `action` (of one station, or all), as (identity, frame)."""
        found = []
        for name, frames in self.frames.items():
            if identity is None or name == identity:
                found += [(name, f) for f in frames if f.sender == "station" and f.action == action]
        return found

    def answer_to(self, identity, call):
        for frame in self.frames.get(identity, []):
            if frame.sender == "csms" and frame.kind in (3, 4) and frame.message_id == call.message_id:
                return frame
        return None

    async def wait_call_from(self, identity, action, where=lambda payload: True, timeout=10):
        """The first CALL `action` of station `identity` whose payload satisfies `where`."""
        def find():
            return next((f for _, f in self.calls(action, identity) if where(f.payload)), None)

        return await self.wait_until(find, timeout, f"{action}.req of {identity}")

    def connected(self):
        return set(self.links)

    # Waiting: as the one-station central system waits (on `changed`).
    wait_until = CentralSystem.wait_until
