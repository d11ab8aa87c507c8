"""The central system of the conformance suite, written on the PyPI package `ocpp`
(mobilityhouse) over the `websockets` server: an independent peer, sharing no code with
the station. It answers the station's calls as a test case configures it, sends calls
of its own (typed, through the library; or raw, for malformed input), and records and
validates every frame in both directions."""

import asyncio
import base64
import itertools
import json
import ssl
import time
import uuid
from http import HTTPStatus
from datetime import datetime, timedelta, timezone

from ocpp.exceptions import InternalError
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call_result
from ocpp.v16.enums import Action
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

from .schemas import FrameValidator


def now_iso(skew_s=0.0):
    """The central system's clock, `skew_s` seconds off real time."""
    time = datetime.now(timezone.utc) + timedelta(seconds=skew_s)
    return time.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Frame:
    """One WebSocket message: `sender` is "station" or "csms"."""

    def __init__(self, sender, raw, connection):
        self.sender = sender
        self.raw = raw
        self.connection = connection
        self.time = time.monotonic()
        try:
            self.json = json.loads(raw)
        except ValueError:
            self.json = None

    @property
    def kind(self):
        return self.json[0] if isinstance(self.json, list) and self.json else None

    @property
    def message_id(self):
        return self.json[1] if isinstance(self.json, list) and len(self.json) > 1 else None

    @property
    def action(self):
        return self.json[2] if self.kind == 2 and len(self.json) > 2 else None

    @property
    def payload(self):
        if self.kind == 2 and len(self.json) > 3:
            return self.json[3]
        if self.kind == 3 and len(self.json) > 2:
            return self.json[2]
        return None

    def __repr__(self):
        return f"{self.sender}: {self.raw}"


class CallRefused(Exception):
    """The station answered a call of the central system with a CALLERROR."""

    def __init__(self, code, description):
        super().__init__(f"{code}: {description}")
        self.code = code


class StationLink(ChargePoint):
    """The `ocpp` library's view of one connected station, with every frame recorded."""

    def __init__(self, station_id, connection, central, index):
        super().__init__(station_id, connection, response_timeout=15)
        self.central = central
        self.index = index

    async def start(self):
        """The library's receive loop, except that an answer that cannot go out because
        the station has just closed does not end it: what the station sent before its
        close frame (a Reset's answer, typically) is still read and recorded."""
        while True:
            message = await self._connection.recv()
            try:
                await self.route_message(message)
            except ConnectionClosed:
                continue

    async def route_message(self, raw_msg):
        self.central.record("station", raw_msg, self.index)
        await super().route_message(raw_msg)

    async def _send(self, message):
        self.central.record("csms", message, self.index)
        await self._connection.send(message)

    # The station's calls, answered as the test case set up the central system.

    @on(Action.boot_notification)
    def on_boot(self, **_):
        status, interval = self.central.next_boot_answer()
        return call_result.BootNotification(
            current_time=now_iso(self.central.clock_skew_s), interval=interval, status=status)

    @on(Action.heartbeat)
    def on_heartbeat(self):
        return call_result.Heartbeat(current_time=now_iso(self.central.clock_skew_s))

    @on(Action.status_notification)
    def on_status(self, **_):
        return call_result.StatusNotification()

    @on(Action.authorize)
    def on_authorize(self, id_tag):
        return call_result.Authorize(id_tag_info=self.central.id_tag_info(id_tag))

    @on(Action.start_transaction)
    def on_start(self, id_tag, **_):
        transaction_id = next(self.central.transaction_ids)
        return call_result.StartTransaction(transaction_id=transaction_id, id_tag_info=self.central.id_tag_info(id_tag))

    @on(Action.stop_transaction)
    def on_stop(self, id_tag=None, **_):
        if self.central.stop_transaction_failures > 0:
            self.central.stop_transaction_failures -= 1
            raise InternalError(description="the central system failed to process this StopTransaction")
        return call_result.StopTransaction(id_tag_info=self.central.id_tag_info(id_tag) if id_tag else None)

    @on(Action.meter_values)
    def on_meter_values(self, **_):
        return call_result.MeterValues()

    @on(Action.data_transfer)
    def on_data_transfer(self, vendor_id, message_id=None, data=None):
        if self.central.data_transfer_failures > 0:
            self.central.data_transfer_failures -= 1
            raise InternalError(description="the central system failed to process this DataTransfer")
        return call_result.DataTransfer(status="Accepted", data=f"echo:{data}" if data is not None else None)

    @on(Action.diagnostics_status_notification)
    def on_diagnostics_status(self, **_):
        return call_result.DiagnosticsStatusNotification()

    @on(Action.firmware_status_notification)
    def on_firmware_status(self, **_):
        return call_result.FirmwareStatusNotification()

    @on(Action.security_event_notification, skip_schema_validation=True)
    def on_security_event(self, **_):
        return call_result.SecurityEventNotification()

    @on(Action.log_status_notification, skip_schema_validation=True)
    def on_log_status(self, **_):
        return call_result.LogStatusNotification()

    @on(Action.signed_firmware_status_notification, skip_schema_validation=True)
    def on_signed_firmware_status(self, **_):
        return call_result.SignedFirmwareStatusNotification()

    @on(Action.sign_certificate, skip_schema_validation=True)
    def on_sign_certificate(self, **_):
        return call_result.SignCertificate(status="Accepted")


class CentralSystem:
    def __init__(self, expected_station_id):
        self.expected_station_id = expected_station_id
        self.validator = FrameValidator()
        self.frames = []
        self.violations = []
        self.changed = asyncio.Condition()
        self.link = None
        self.connections = 0
        self.disconnections = 0
        self.authorization_headers = []
        self.refusing = False
        self.refused = 0
        self.password = None  # required Basic auth password, if any
        self.certificate = None  # (certfile, keyfile): serve wss://
        self.client_ca = None  # a CA file: require client certificates it issued (profile 3)
        self.subprotocols = ["ocpp1.6"]
        self.frozen = []
        self.server = None
        self.url = None
        # What the central system answers; test cases change these.
        self.boot_answers = []  # (status, interval) for the next boots, then Accepted
        self.heartbeat_interval = 300
        self.clock_skew_s = 0.0  # the currentTime it gives, seconds off real time
        self.id_tags = {}  # idTag -> {"status": ..., "parentIdTag": ...}
        self.stop_transaction_failures = 0
        self.data_transfer_failures = 0
        self.transaction_ids = itertools.count(1001)
        self.pending = {}  # message id -> action of the central system's own calls
        self.awaited = None  # the station's CALL the central system has not answered yet

    # Server

    async def start(self, port=0):
        """Serves on `port` (0: any free one), over TLS when `certificate` is set."""
        tls = None
        if self.certificate:
            tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            tls.load_cert_chain(*self.certificate)
            if self.client_ca:  # security profile 3: the station must present a certificate
                tls.verify_mode = ssl.CERT_REQUIRED
                tls.load_verify_locations(self.client_ca)
        self.server = await serve(self.accept, "127.0.0.1", port, subprotocols=self.subprotocols, ping_interval=None,
                                  process_request=self.screen, ssl=tls)
        port = self.server.sockets[0].getsockname()[1]
        self.url = f"{'wss' if tls else 'ws'}://127.0.0.1:{port}/ocpp"
        return self.url

    async def restart(self, certificate):
        """The same port, now over TLS with `certificate` (or plain with None): a central
        system that moved its station to another security profile."""
        port = self.server.sockets[0].getsockname()[1]
        await self.drop_connection()
        await self.stop()
        self.certificate = certificate
        return await self.start(port)

    async def stop(self):
        for connection in self.frozen:
            connection.transport.abort()  # a frozen peer would hold up the server's close
        if self.server:
            self.server.close()
            await self.server.wait_closed()

    def screen(self, connection, request):
        """While `refusing`, the central system is down: handshakes get HTTP 503. With a
        `password`, a handshake without the right Basic auth gets HTTP 401."""
        if self.refusing:
            self.refused += 1
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "central system down for a test\n")
        if self.password is not None:
            if request.headers.get("Authorization") != basic_auth(self.expected_station_id, self.password):
                self.refused += 1
                return connection.respond(HTTPStatus.UNAUTHORIZED, "wrong credentials\n")
        return None

    def freeze(self):
        """The central system hangs without closing: it stops reading the connection, so
        it answers neither messages nor WebSocket pings (a dead peer)."""
        self.frozen.append(self.link._connection)
        self.link._connection.transport.pause_reading()

    async def go_down(self):
        """The central system becomes unreachable: the connection drops, new ones are refused."""
        self.refusing = True
        await self.drop_connection()

    def come_back(self):
        self.refusing = False

    async def accept(self, connection):
        path = connection.request.path
        expected = "/ocpp/" + self.expected_station_id
        if path != expected:
            self.violations.append(f"the station connected to {path}, not {expected}")
        if connection.subprotocol != "ocpp1.6":
            self.violations.append(f"the station did not agree on ocpp1.6 (got {connection.subprotocol!r})")
        self.authorization_headers.append(connection.request.headers.get("Authorization"))
        host = connection.request.headers.get("Host")
        port = self.server.sockets[0].getsockname()[1]
        if host != f"127.0.0.1:{port}":  # RFC 7230 §5.4: the port, as it is not the default
            self.violations.append(f"the handshake's Host header is {host!r}, not 127.0.0.1:{port}")
        self.connections += 1
        link = StationLink(self.expected_station_id, connection, self, self.connections)
        self.link = link
        # `pending` is kept: the answer to a call made on the previous connection may be
        # read after this one is accepted (a station that answers, then reconnects).
        await self.notify()
        try:
            await link.start()
        except ConnectionClosed:
            pass
        finally:
            if self.link is link:
                self.link = None
            self.disconnections += 1
            await self.notify()

    async def drop_connection(self):
        """Closes the station's WebSocket from the central system's side."""
        if self.link:
            await self.link._connection.close()

    # Recording and validation

    def record(self, sender, raw, connection):
        frame = Frame(sender, raw, connection)
        self.frames.append(frame)
        if sender == "station":
            for problem in self.validator.problems(raw, self.pending):
                self.violations.append(f"{problem} in {raw[:300]}")
            if frame.kind in (3, 4):
                self.pending.pop(frame.message_id, None)
            if frame.kind == 2:
                self.check_one_call_at_a_time(frame)
        elif frame.kind == 2:
            self.pending[frame.message_id] = frame.action
        elif frame.kind in (3, 4) and self.awaited and self.awaited.message_id == frame.message_id:
            self.awaited = None
        asyncio.get_running_loop().create_task(self.notify())

    def check_one_call_at_a_time(self, frame):
        """OCPP-J 1.6 §4.1.1: a station sends no CALL before its previous one was answered
        (or timed out, MessageTimeout, which the cases keep above 10 s)."""
        earlier = self.awaited
        if earlier and earlier.connection == frame.connection and frame.time - earlier.time < 10:
            self.violations.append(f"{frame.action} sent while {earlier.action} still awaited its answer")
        self.awaited = frame

    async def notify(self):
        async with self.changed:
            self.changed.notify_all()

    # Behaviour

    def next_boot_answer(self):
        if self.boot_answers:
            return self.boot_answers.pop(0)
        return "Accepted", self.heartbeat_interval

    def id_tag_info(self, id_tag):
        info = self.id_tags.get(id_tag, {"status": "Invalid"})
        return {key: value for key, value in info.items() if value is not None}

    # Waiting

    def mark(self):
        return len(self.frames)

    async def wait_until(self, condition, timeout, what):
        async def check():
            async with self.changed:
                while True:
                    result = condition()
                    if result:
                        return result
                    await self.changed.wait()

        try:
            return await asyncio.wait_for(check(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"central system: no {what} within {timeout} s") from None

    async def wait_call(self, action, where=lambda payload: True, after=0, timeout=10):
        """The first CALL `action` from the station, recorded at or after `after`, whose
        payload satisfies `where`."""

        def find():
            for frame in self.frames[after:]:
                if frame.sender == "station" and frame.action == action and where(frame.payload):
                    return frame
            return None

        return await self.wait_until(find, timeout, f"{action}.req")

    async def wait_calls(self, action, count, after=0, timeout=10):
        """At least `count` CALLs `action` since `after`; all of them."""
        return await self.wait_until(
            lambda: len(self.calls(action, after)) >= count and self.calls(action, after), timeout,
            f"{count} × {action}.req")

    def calls(self, action, after=0):
        return [f for f in self.frames[after:] if f.sender == "station" and f.action == action]

    async def wait_connected(self, count, timeout=10):
        await self.wait_until(lambda: self.connections >= count and self.link is not None, timeout,
                              f"connection number {count}")

    async def wait_disconnected(self, count, timeout=10):
        await self.wait_until(lambda: self.disconnections >= count, timeout, f"disconnection number {count}")

    async def wait_answer_to(self, call, timeout=10):
        """The central system's own answer to the station's CALL `call`."""

        def find():
            for frame in self.frames:
                if frame.sender == "csms" and frame.kind in (3, 4) and frame.message_id == call.message_id:
                    return frame
            return None

        return await self.wait_until(find, timeout, f"answer to {call.action}")

    # Calls of the central system

    async def call(self, payload, timeout=10):
        """A typed call through the `ocpp` library; the response as the library parsed
        and validated it, or CallRefused."""
        if self.link is None:
            raise AssertionError("central system: no station connected")
        self.link._response_timeout = timeout
        try:
            return await self.link.call(payload, suppress=False)
        except asyncio.TimeoutError:
            raise AssertionError(f"central system: no answer to {type(payload).__name__} within {timeout} s") from None
        except Exception as error:
            code = getattr(error, "code", None)
            if code is None:
                raise
            raise CallRefused(code, getattr(error, "description", "")) from None

    async def send_raw(self, text, message_id=None, action="Malformed"):
        """Sends `text` as it is. `message_id` is the id the station should answer, so that
        the answer is validated against `action`'s response schema (a malformed call has
        none: only a CALLERROR is a valid answer)."""
        if self.link is None:
            raise AssertionError("central system: no station connected")
        if message_id is not None:
            self.pending[message_id] = action
        self.frames.append(Frame("csms", text, self.link.index))
        await self.link._connection.send(text)

    async def wait_answer(self, message_id, after=0, timeout=10):
        def find():
            for frame in self.frames[after:]:
                if frame.sender == "station" and frame.kind in (3, 4) and frame.message_id == message_id:
                    return frame
            return None

        return await self.wait_until(find, timeout, f"answer to message {message_id}")


def basic_auth(user, password):
    """The Authorization header of `user` and `password`: a password as text (its UTF-8
    bytes), or as bytes (an AuthorizationKey decoded, security whitepaper A00.FR.205)."""
    secret = password if isinstance(password, bytes) else password.encode()
    return "Basic " + base64.b64encode(user.encode() + b":" + secret).decode()


def new_message_id():
    return str(uuid.uuid4())
