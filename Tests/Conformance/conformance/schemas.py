"""Checks every frame the station sends against OCPP-J 1.6 (§4 message structure) and
the official OCPP 1.6 JSON schemas, loaded from the `ocpp` package (which ships the
same files as the OCA)."""

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import ocpp

SCHEMA_DIR = Path(ocpp.__file__).parent / "v16" / "schemas"

# OCPP-J 1.6 §4.2.3 and errata: the RPC framework's error codes (with the
# specification's spellings).
RPC_ERROR_CODES = {
    "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError",
    "FormationViolation", "PropertyConstraintViolation", "OccurenceConstraintViolation",
    "TypeConstraintViolation", "GenericError",
}

# Actions a charge point may initiate (OCPP 1.6 §4, security whitepaper).
STATION_ACTIONS = {
    "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification",
    "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StartTransaction",
    "StatusNotification", "StopTransaction", "LogStatusNotification",
    "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification",
}


class FrameValidator:
    def __init__(self):
        self.validators = {}
        for path in SCHEMA_DIR.glob("*.json"):
            # Decimals, not floats: "multipleOf": 0.1 on a float rejects a third of the
            # valid tenths (130.2 / 0.1 = 1301.9999999999998).
            schema = json.loads(path.read_text(), parse_float=Decimal)
            self.validators[path.stem] = jsonschema.Draft4Validator(schema)
        if "BootNotification" not in self.validators:
            raise RuntimeError(f"no OCPP 1.6 schemas in {SCHEMA_DIR}")

    def payload_problems(self, schema_name, payload):
        validator = self.validators.get(schema_name)
        if validator is None:
            return [f"no schema named {schema_name}"]
        return [f"{schema_name}: {error.message} at /{'/'.join(map(str, error.path))}"
                for error in validator.iter_errors(payload)]

    def problems(self, raw, pending_actions):
        """What is wrong with `raw`, a frame from the station. `pending_actions` maps the
        message ids of the central system's own CALLs (still unanswered) to their
        actions, so that a CALLRESULT is checked against the right response schema."""
        try:
            frame = json.loads(raw, parse_float=Decimal)
        except ValueError as error:
            return [f"not JSON: {error}"]
        if not isinstance(frame, list) or len(frame) < 3:
            return ["a frame is a JSON array of at least three elements"]
        kind, message_id = frame[0], frame[1]
        if not isinstance(message_id, str) or not 0 < len(message_id) <= 36:
            return [f"message id must be a string of 1 to 36 characters: {message_id!r}"]
        if kind == 2:
            if len(frame) != 4 or not isinstance(frame[2], str) or not isinstance(frame[3], dict):
                return ["a CALL is [2, id, action, {payload}]"]
            if frame[2] not in STATION_ACTIONS:
                return [f"a charge point does not send {frame[2]}"]
            return self.payload_problems(frame[2], frame[3])
        if kind == 3:
            if len(frame) != 3 or not isinstance(frame[2], dict):
                return ["a CALLRESULT is [3, id, {payload}]"]
            action = pending_actions.get(message_id)
            if action is None:
                return [f"CALLRESULT for an id the central system is not waiting on: {message_id}"]
            return self.payload_problems(action + "Response", frame[2])
        if kind == 4:
            if len(frame) != 5:
                return ["a CALLERROR is [4, id, code, description, {details}]"]
            problems = []
            if frame[2] not in RPC_ERROR_CODES:
                problems.append(f"unknown CALLERROR code {frame[2]!r}")
            if not isinstance(frame[3], str):
                problems.append("CALLERROR description must be a string")
            if not isinstance(frame[4], dict):
                problems.append("CALLERROR details must be an object")
            if message_id not in pending_actions:
                problems.append(f"CALLERROR for an id the central system is not waiting on: {message_id}")
            return problems
        return [f"unknown message type {kind!r}"]
