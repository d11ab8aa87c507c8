"""The embedded demo central system, driven (issue 14): every `csms …` command sends its
CALL to the station and ends in a `result` whose `data` is the station's answer. Both
sides are checked: in the station's `frame` events the CALL that came in (valid against
the request schema, numbered by the demo) and the CALLRESULT that went out (valid
against the response schema, and the very payload of the result); on the demo's side
the notice it gives when it matched the answer to its CALL (`csms: <station> answered
<Action> <payload>`), which must name the station and carry that same payload."""

import json
import tomllib
from decimal import Decimal
from pathlib import Path

from ..harness import case
from ..schemas import FrameValidator
from ..station import Station

VALIDATOR = None
# The station every `csms` command of these cases goes to (`launch_demo` sets it).
CSMS_STATION = None


def frames(station, after, direction):
    # Decimals, as the schema validator reads them (multipleOf 0.1).
    return [json.loads(e["raw"], parse_float=Decimal) for e in station.events[after:]
            if e["type"] == "frame" and e["dir"] == direction]


async def csms(station, command_id, line, action, ok=True, timeout=40):
    """Types `@id csms …`, waits for its result; checks the CALL that reached the station
    and the answer it sent. Returns (result, the CALL's payload)."""
    global VALIDATOR
    VALIDATOR = VALIDATOR or FrameValidator()
    mark = station.mark()
    station.command(f"@{command_id} csms {line}")
    result = await station.wait_event(lambda e: e["type"] == "result" and e["id"] == command_id, mark, timeout,
                                      f"the result of csms {line}")
    calls = [f for f in frames(station, mark, "in") if f[0] == 2 and f[2] == action]
    if not ok:
        assert not result["ok"] and result["error"], result
        return result, calls[0][3] if calls else None
    assert result["ok"], f"csms {line}: {result}"
    assert calls, f"csms {line}: no {action} CALL reached the station"
    message_id, payload = calls[0][1], calls[0][3]
    problems = VALIDATOR.payload_problems(action, payload)
    assert not problems, f"csms {line}: the CALL breaks its schema: {problems}"
    answers = [f for f in frames(station, mark, "out") if f[0] in (3, 4) and f[1] == message_id]
    assert answers and answers[0][0] == 3, f"csms {line}: the station's answer: {answers}"
    problems = VALIDATOR.payload_problems(action + "Response", answers[0][2])
    assert not problems, f"csms {line}: the answer breaks its schema: {problems}"
    answered = json.loads(json.dumps(answers[0][2], default=float))
    assert result["data"] == answered, f"csms {line}: data {result['data']}, answered {answered}"
    # The demo's side: its CALL's id, and the answer it matched to it, as it recorded it.
    assert str(message_id).startswith("cs-"), f"csms {line}: {message_id} is no CALL of the demo's"
    said = f"csms: {CSMS_STATION} answered {action} "
    notices = [e["message"] for e in station.events[mark:] if e["type"] == "notice" and e["message"].startswith(said)]
    assert notices, f"csms {line}: the demo gave no notice of the answer it matched"
    assert json.loads(notices[0][len(said):]) == answered, f"csms {line}: the demo recorded {notices[0]}"
    return result, payload


def unlock_answer(profile, connector):
    """UnlockConnector's answer by the station profile (§5.18): Unlocked for a connector
    with a lock, NotSupported for a fixed cable or no such connector."""
    path = Path(__file__).resolve().parents[4] / "Assets" / "stations" / f"{profile}.toml"
    connectors = tomllib.loads(path.read_text()).get("connectors", [])
    if not 1 <= connector <= len(connectors):
        return "NotSupported"
    return "Unlocked" if connectors[connector - 1].get("lock") else "NotSupported"


def status_of(result):
    return result["data"].get("status")


async def launch_demo(ctx):
    global CSMS_STATION
    CSMS_STATION = ctx.station_id
    ctx.station = Station(ctx.binary, profile=ctx.profile, url=None, station_id=ctx.station_id, data_dir=ctx.workdir)
    ctx.stations.append(ctx.station)
    await ctx.station.start()
    mark = ctx.station.mark()
    ctx.station.command("@online wait online 20s")
    result = await ctx.station.wait_event(lambda e: e["type"] == "result" and e["id"] == "online", mark, 30)
    assert result["ok"], result
    return ctx.station


@case("demo_csms_commands", octt="issue 14: csms commands (OCPP 1.6 chapter 5)", profiles=["default"], timeout=150)
async def demo_csms_commands(ctx):
    """Every `csms` command against the station, through the embedded central system."""
    ctx.exit_status = 3  # `csms send` with a payload against its schema fails, as it must
    station = await launch_demo(ctx)

    result, payload = await csms(station, "a1", "availability 2 inoperative", "ChangeAvailability")
    assert payload == {"connectorId": 2, "type": "Inoperative"} and status_of(result) == "Accepted", (payload, result)
    await station.wait_status(2, "Unavailable")
    result, _ = await csms(station, "a2", "availability 2 operative", "ChangeAvailability")
    assert status_of(result) == "Accepted", result
    for connector in (1, 2):
        result, payload = await csms(station, f"u{connector}", f"unlock {connector}", "UnlockConnector")
        expected = unlock_answer(ctx.profile, connector)
        assert payload == {"connectorId": connector} and status_of(result) == expected, (result, expected)
    result, payload = await csms(station, "g", "get-config HeartbeatInterval", "GetConfiguration")
    assert payload == {"key": ["HeartbeatInterval"]}, payload
    assert [k["key"] for k in result["data"]["configurationKey"]] == ["HeartbeatInterval"], result
    result, payload = await csms(station, "s", "set-config HeartbeatInterval 120", "ChangeConfiguration")
    assert payload == {"key": "HeartbeatInterval", "value": "120"} and status_of(result) == "Accepted", result
    result, _ = await csms(station, "c", "clear-cache", "ClearCache")
    assert status_of(result) == "Accepted", result
    mark = station.mark()
    result, payload = await csms(station, "t", "trigger StatusNotification 1", "TriggerMessage")
    assert payload == {"requestedMessage": "StatusNotification", "connectorId": 1}, payload
    assert status_of(result) == "Accepted", result
    await station.wait_event(lambda e: e["type"] == "frame" and e["dir"] == "out" and '"StatusNotification"' in e["raw"],
                             mark, what="the triggered StatusNotification")
    mark = station.mark()
    result, payload = await csms(station, "hb", "trigger Heartbeat", "TriggerMessage")
    assert payload == {"requestedMessage": "Heartbeat"} and status_of(result) == "Accepted", (payload, result)
    await station.wait_event(lambda e: e["type"] == "frame" and e["dir"] == "out" and '"Heartbeat"' in e["raw"],
                             mark, what="the triggered Heartbeat")

    # The local list (§5.15): versions counted by the central system.
    result, payload = await csms(station, "l1", "local-list full 04A1B2C3D4E5F6 CAFE0001:Blocked", "SendLocalList")
    assert payload["listVersion"] == 1 and payload["updateType"] == "Full", payload
    assert {e["idTag"]: e["idTagInfo"]["status"] for e in payload["localAuthorizationList"]} == {
        "04A1B2C3D4E5F6": "Accepted", "CAFE0001": "Blocked"}, payload
    assert status_of(result) == "Accepted", result
    result, payload = await csms(station, "l2", "local-list diff -CAFE0001 CAFE0002", "SendLocalList")
    assert payload["listVersion"] == 2 and payload["localAuthorizationList"] == [
        {"idTag": "CAFE0001"}, {"idTag": "CAFE0002", "idTagInfo": {"status": "Accepted"}}], payload
    assert status_of(result) == "Accepted", result
    result, _ = await csms(station, "v", "send GetLocalListVersion '{}'", "GetLocalListVersion")
    assert result["data"] == {"listVersion": 2}, result

    # Reservations (§5.13, §5.1): ids from the central system.
    result, payload = await csms(station, "r1", "reserve 2 04A1B2C3D4E5F6 10m", "ReserveNow")
    assert payload["reservationId"] == 1 and payload["connectorId"] == 2 and status_of(result) == "Accepted", result
    result, payload = await csms(station, "r2", "cancel-reservation 1", "CancelReservation")
    assert payload == {"reservationId": 1} and status_of(result) == "Accepted", result

    # A remote session with limits (§5.11, §5.16, §5.7, §5.5, §5.12).
    station.command("plug 1")
    mark = station.mark()
    result, payload = await csms(station, "rs", "remote-start 04A1B2C3D4E5F6 1 --limit 16A", "RemoteStartTransaction")
    profile = payload["chargingProfile"]
    assert profile["chargingProfilePurpose"] == "TxProfile" and "transactionId" not in profile, payload
    assert profile["chargingSchedule"]["chargingRateUnit"] == "A", payload
    assert profile["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] == 16, payload
    assert status_of(result) == "Accepted", result
    started = await station.wait_event(
        lambda e: e["type"] == "transaction" and e["event"] in ("started", "updated") and e["transactionId"],
        mark, what="the remote-started transaction")
    transaction = started["transactionId"]
    result, payload = await csms(station, "lim", "limit 1 11 for 10m", "SetChargingProfile")
    profile = payload["csChargingProfiles"]
    assert profile["chargingProfilePurpose"] == "TxProfile" and profile["transactionId"] == transaction, payload
    assert profile["chargingSchedule"]["duration"] == 600, payload
    assert profile["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] == 11000, payload
    assert status_of(result) == "Accepted", result
    result, payload = await csms(station, "cmp", "composite 1 1m", "GetCompositeSchedule")
    assert payload == {"connectorId": 1, "duration": 60} and status_of(result) == "Accepted", result
    result, payload = await csms(station, "sl", "station-limit 7", "SetChargingProfile")
    assert payload["connectorId"] == 0, payload
    assert payload["csChargingProfiles"]["chargingProfilePurpose"] == "ChargePointMaxProfile", payload
    assert status_of(result) == "Accepted", result
    result, _ = await csms(station, "cl", "clear-limits", "ClearChargingProfile")
    assert status_of(result) == "Accepted", result
    mark = station.mark()
    result, payload = await csms(station, "tmv", "trigger MeterValues 1", "TriggerMessage")
    assert payload == {"requestedMessage": "MeterValues", "connectorId": 1} and status_of(result) == "Accepted", result
    await station.wait_event(lambda e: e["type"] == "frame" and e["dir"] == "out" and '"MeterValues"' in e["raw"],
                             mark, what="the triggered MeterValues")
    # §5.12: a connector's number stops that connector's transaction only (connector 2 is
    # idle: nothing is sent); any other number is a transaction id.
    result, payload = await csms(station, "stop2", "remote-stop 2", "RemoteStopTransaction", ok=False)
    assert payload is None and "no transaction runs on connector 2" in result["error"], result
    mark = station.mark()
    result, payload = await csms(station, "stop", f"remote-stop {transaction}", "RemoteStopTransaction")
    assert payload == {"transactionId": transaction} and status_of(result) == "Accepted", (payload, result)
    await station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "stopped", mark,
                             what="the remote-stopped transaction")
    result, payload = await csms(station, "def", "limit 2 10A", "SetChargingProfile")
    assert payload["csChargingProfiles"]["chargingProfilePurpose"] == "TxDefaultProfile", payload
    assert status_of(result) == "Accepted", result

    result, payload = await csms(station, "dt", "data-transfer com.example Ping hello", "DataTransfer")
    assert payload == {"vendorId": "com.example", "messageId": "Ping", "data": "hello"}, payload
    # A payload against its schema is refused before it leaves (issue 14: schema-validated).
    result, payload = await csms(station, "bad", """send Reset '{"type": "Warm"}'""", "Reset", ok=False)
    assert payload is None and "Warm" in result["error"], result

    # The transfers, served and received by the demo itself over loopback HTTP (§5.9, §5.19).
    mark = station.mark()
    result, payload = await csms(station, "diag", "get-diagnostics", "GetDiagnostics")
    assert payload["location"].startswith("http://127.0.0.1:"), payload
    assert result["data"]["fileName"].startswith("diagnostics-"), result
    await station.wait_event(lambda e: e["type"] == "diagnostics" and e["status"] == "Uploaded", mark, 30,
                             "the diagnostics uploaded to the demo")
    await station.wait_event(lambda e: e["type"] == "notice" and result["data"]["fileName"] + " received" in e["message"],
                             mark, 10, "the demo's word that the file arrived")
    mark = station.mark()
    result, payload = await csms(station, "fw", "update-firmware 2.0.1", "UpdateFirmware")
    assert payload["location"].startswith("http://127.0.0.1:") and result["data"] == {}, (payload, result)
    await station.wait_event(lambda e: e["type"] == "firmware" and e["status"] == "Installed", mark, 60,
                             "the firmware installed")
    snapshot = await station.snapshot()
    assert snapshot["firmwareVersion"] == "2.0.1", snapshot

    # Reset (§5.14), soft then hard: each ends in the BootNotification of the reboot.
    for kind in ("Soft", "Hard"):
        mark = station.mark()
        result, payload = await csms(station, f"rst{kind}", f"reset {kind.lower()}", "Reset")
        assert payload == {"type": kind} and status_of(result) == "Accepted", result
        await station.wait_event(
            lambda e: e["type"] == "frame" and e["dir"] == "out" and '"BootNotification"' in e["raw"], mark, 30,
            f"the BootNotification after the {kind.lower()} reset")
        station.command(f"@online{kind} wait online 30s")
        online = await station.wait_event(lambda e: e["type"] == "result" and e["id"] == f"online{kind}", mark, 40)
        assert online["ok"], online
    unexpected = [error for error in station.errors() if "Warm" not in error and "connector 2" not in error]
    assert not unexpected, unexpected[:3]


@case("demo_csms_needs_demo", octt="issue 14: csms without --demo", profiles=["default"])
async def demo_csms_needs_demo(ctx):
    """Without `--demo` a `csms` command fails at once with one clear line."""
    ctx.exit_status = 3
    await ctx.boot()
    mark = ctx.station.mark()
    ctx.station.command("@x csms clear-cache")
    result = await ctx.station.wait_event(lambda e: e["type"] == "result" and e["id"] == "x", mark)
    assert not result["ok"] and result["error"] == "csms commands need the embedded central system: start with --demo"
    assert not [f for f in frames(ctx.station, mark, "in") if f[0] == 2], "a CALL reached the station"


@case("demo_csms_checks_schemas", octt="issue 14 §4: the demo validates what stations send", profiles=["default"])
async def demo_csms_checks_schemas(ctx):
    """A station that sends the demo central system a payload against its schema gets the
    CALLERROR OCPP-J asks for, and the operator sees an error naming it."""
    import re

    import websockets

    station = await launch_demo(ctx)
    notice = await station.wait_event(
        lambda e: e["type"] == "notice" and "demo central system listens on" in e["message"],
        what="the notice of the demo's address")
    url = re.search(r"ws://127\.0\.0\.1:\d+/ocpp", notice["message"]).group(0)
    # It listens on loopback only (not every interface: lws 4.1 with IPv6, #2290).
    port = int(re.search(r":(\d+)/ocpp", url).group(1))
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as file:
            for row in file.readlines()[1:]:
                local, state = row.split()[1], row.split()[3]
                if state == "0A" and int(local.split(":")[1], 16) == port:
                    listening.append(local.split(":")[0])
    assert listening == ["0100007F"], f"the demo listens on {listening}, not 127.0.0.1 alone"
    mark = station.mark()
    async with websockets.connect(url + "/ROGUE", subprotocols=["ocpp1.6"]) as rogue:
        await rogue.send('[2,"r1","StatusNotification",{"connectorId":1}]')
        answer = json.loads(await rogue.recv())
    assert answer[:3] == [4, "r1", "OccurenceConstraintViolation"], answer
    await station.wait_event(
        lambda e: e["type"] == "error" and "ROGUE: StatusNotification breaks its schema" in e["message"], mark,
        what="the error naming the violation")

    # The upload server takes only what the demo asked for (a GetDiagnostics or GetLog to
    # it), up to 64 MiB: a PUT out of the blue is 403, one declaring more is 413 at once.
    import http.client
    for length, expected in ((5, 403), (300 << 20, 413)):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("PUT", "/diagnostics/unasked.txt")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        if length == 5:
            connection.send(b"hello")
        status = connection.getresponse().status
        connection.close()
        assert status == expected, f"a PUT of {length} bytes nobody asked for: {status}, not {expected}"
