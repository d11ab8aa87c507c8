"""The fast central system of the fleet scale bench (issue 15, item 5).

A plain asyncio `websockets` server that answers every station CALL from a template —
no `ocpp` package, no schema validation: those cost about a millisecond a message, and
5,000 stations booting would measure them, not the stations. BootNotification is
answered Accepted with a HeartbeatInterval of 60 s.

It measures what the issue asks for, the reply latency the central system observes:
a sampler sends GetConfiguration(HeartbeatInterval) to randomly chosen booted stations
at a fixed rate and times each from just before the send to the moment the CALLRESULT
is read. A loop-lag probe (a timer that should fire every 50 ms) says how much of a
figure this process itself added: a busy central system delays reading the answers.
"""

import asyncio
import itertools
import json
import os
import random
import time
import urllib.parse
from datetime import datetime, timezone

from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

# The HeartbeatInterval of every BootNotification answer; FLEET_HEARTBEAT shortens it to
# age a fleet fast (its diagnostics history filling up) in an experiment.
HEARTBEAT_INTERVAL = int(os.environ.get("FLEET_HEARTBEAT") or 60)
PROBE = ["HeartbeatInterval"]
ACCEPTED = {"status": "Accepted"}


def compact(value):
    return json.dumps(value, separators=(",", ":"))


def percentile(samples, fraction):
    """Nearest rank; None without samples. A lost answer is +inf and sorts last."""
    if not samples:
        return None
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered))) - 1))]


class BenchCentralSystem:
    def __init__(self):
        self.links = {}  # identity -> open connection
        self.booted = set()  # identities whose BootNotification was answered
        self.booted_order = []  # for random choice (a station may leave; checked on use)
        self.last_boot_at = None
        self.calls = {}  # action -> count of station CALLs
        self.transaction_ids = itertools.count(1)
        self.probe_ids = itertools.count(1)
        self.in_flight = {}  # message id -> send time (perf_counter)
        self.latencies = []  # seconds, answered probes of the current window
        self.lag = []  # loop lag samples (seconds) of the current window
        self.sampling = False
        self.server = None
        self.tasks = []
        self._now = (0, "")

    async def start(self):
        # compression=None: no permessage-deflate state per connection on either side.
        self.server = await serve(self.accept, "127.0.0.1", 0, subprotocols=["ocpp1.6"], ping_interval=None,
                                  compression=None, max_queue=None, backlog=4096)
        port = self.server.sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}/ocpp"

    async def stop(self):
        for task in self.tasks:
            task.cancel()
        self.server.close()
        await self.server.wait_closed()

    # Answering

    def now(self):
        second = int(time.time())
        if self._now[0] != second:  # one formatting a second, not one a message
            text = datetime.fromtimestamp(second, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            self._now = (second, text)
        return self._now[1]

    def answer(self, identity, action, payload):
        if action == "BootNotification":
            if identity not in self.booted:
                self.booted.add(identity)
                self.booted_order.append(identity)
                self.last_boot_at = time.monotonic()
            return {"status": "Accepted", "currentTime": self.now(), "interval": HEARTBEAT_INTERVAL}
        if action == "Heartbeat":
            return {"currentTime": self.now()}
        if action in ("Authorize", "StopTransaction"):
            return {"idTagInfo": ACCEPTED}
        if action == "StartTransaction":
            return {"transactionId": next(self.transaction_ids), "idTagInfo": ACCEPTED}
        if action == "DataTransfer":
            return ACCEPTED
        return {}  # StatusNotification, MeterValues, the notifications: an empty CALLRESULT

    async def accept(self, connection):
        identity = urllib.parse.unquote(connection.request.path.rsplit("/", 1)[-1])
        self.links[identity] = connection
        try:
            async for raw in connection:
                message = json.loads(raw)
                if message[0] == 2:
                    action = message[2]
                    self.calls[action] = self.calls.get(action, 0) + 1
                    await connection.send(compact([3, message[1], self.answer(identity, action, message[3])]))
                elif message[0] in (3, 4):
                    sent = self.in_flight.pop(message[1], None)
                    if sent is not None and self.sampling:
                        self.latencies.append(time.perf_counter() - sent)
        except ConnectionClosed:
            pass
        finally:
            if self.links.get(identity) is connection:
                del self.links[identity]

    # Measuring

    def start_sampling(self, probes_per_second):
        self.latencies, self.lag, self.in_flight = [], [], {}
        self.sampling = True
        self.tasks = [asyncio.create_task(self._probe(probes_per_second)), asyncio.create_task(self._watch_lag())]

    async def finish_sampling(self, grace_s=5.0):
        """Stops sending, waits up to `grace_s` for the answers in flight; those still
        missing count as lost (+inf)."""
        for task in self.tasks:
            task.cancel()
        deadline = time.monotonic() + grace_s
        while self.in_flight and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        lost = len(self.in_flight)
        self.sampling = False
        latencies = self.latencies + [float("inf")] * lost
        return {"probes": len(latencies), "lost": lost,
                "p50_ms": _ms(percentile(latencies, 0.50)), "p99_ms": _ms(percentile(latencies, 0.99)),
                "lag_p99_ms": _ms(percentile(self.lag, 0.99))}

    async def _probe(self, per_second):
        loop = asyncio.get_running_loop()
        interval, due = 1.0 / per_second, loop.time()
        while True:
            due += interval
            await asyncio.sleep(max(0.0, due - loop.time()))
            identity = random.choice(self.booted_order) if self.booted_order else None
            connection = self.links.get(identity)
            if connection is None:
                continue
            message_id = f"p{next(self.probe_ids)}"
            self.in_flight[message_id] = time.perf_counter()
            try:
                await connection.send(compact([2, message_id, "GetConfiguration", {"key": PROBE}]))
            except ConnectionClosed:
                self.in_flight.pop(message_id, None)

    async def _watch_lag(self, period=0.05):
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + period
            await asyncio.sleep(period)
            self.lag.append(max(0.0, loop.time() - due))


def _ms(seconds):
    return None if seconds is None else seconds * 1000.0
