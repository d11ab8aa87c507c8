"""Malformed input from the central system (OCPP-J 1.6 §4.2.3): each is answered with
the right CALLERROR where it can be answered at all, and the station stays connected
and keeps answering."""

import json

from ocpp.v16 import call

from ..csms import new_message_id
from ..harness import case


async def still_fine(ctx):
    """No disconnection, and a well-formed call still gets its answer."""
    result = await ctx.csms.call(call.GetConfiguration(key=["HeartbeatInterval"]))
    assert result.configuration_key, result
    assert ctx.csms.disconnections == 0 and ctx.csms.connections == 1, "the station dropped the connection"


async def expect_error(ctx, text, message_id, code):
    mark = ctx.csms.mark()
    await ctx.csms.send_raw(text, message_id=message_id)
    answer = await ctx.csms.wait_answer(message_id, after=mark)
    assert answer.kind == 4, f"answered {answer.raw}, expected a CALLERROR"
    assert answer.json[2] == code, f"CALLERROR {answer.json[2]}, expected {code}: {answer.raw}"
    await still_fine(ctx)


@case("malformed_json", octt="OCPP-J §4.2.3")
async def malformed_json(ctx):
    """Text that starts like a CALL but is not JSON: FormationViolation for that id.
    Text with no id at all cannot be answered: it is reported and dropped."""
    await ctx.boot()
    message_id = new_message_id()
    await expect_error(ctx, f'[2,"{message_id}","Heartbeat",{{', message_id, "FormationViolation")
    mark = ctx.station.mark()
    await ctx.csms.send_raw("this is not JSON at all")
    await ctx.station.wait_event(lambda e: e["type"] == "error", after=mark, what="an error event for the text")
    await still_fine(ctx)


@case("malformed_unknown_action", octt="OCPP-J §4.2.3")
async def malformed_unknown_action(ctx):
    await ctx.boot()
    message_id = new_message_id()
    await expect_error(ctx, json.dumps([2, message_id, "FlyToTheMoon", {}]), message_id, "NotImplemented")


@case("malformed_missing_field", octt="OCPP-J §4.2.3")
async def malformed_missing_field(ctx):
    await ctx.boot()
    message_id = new_message_id()
    await expect_error(ctx, json.dumps([2, message_id, "RemoteStopTransaction", {}]), message_id,
                       "OccurenceConstraintViolation")


@case("malformed_wrong_type", octt="OCPP-J §4.2.3")
async def malformed_wrong_type(ctx):
    await ctx.boot()
    message_id = new_message_id()
    await expect_error(ctx, json.dumps([2, message_id, "RemoteStopTransaction", {"transactionId": "seven"}]),
                       message_id, "TypeConstraintViolation")


@case("malformed_long_idtag", octt="OCPP-J §4.2.3")
async def malformed_long_idtag(ctx):
    """An idTag of 21 characters (IdToken is CiString20): PropertyConstraintViolation,
    and no session is prepared."""
    mark = await ctx.boot()
    message_id = new_message_id()
    frame = [2, message_id, "RemoteStartTransaction", {"connectorId": 1, "idTag": "X" * 21}]
    await expect_error(ctx, json.dumps(frame), message_id, "PropertyConstraintViolation")
    assert not ctx.csms.calls("StatusNotification", after=mark), "the refused start changed a status"


@case("malformed_unexpected_result", octt="OCPP-J §4.1.1")
async def malformed_unexpected_result(ctx):
    """A CALLRESULT nobody asked for is reported and ignored."""
    await ctx.boot()
    mark = ctx.station.mark()
    await ctx.csms.send_raw(json.dumps([3, "nobody-asked-for-this", {}]))
    await ctx.station.wait_event(lambda e: e["type"] == "error", after=mark, what="an error event")
    await still_fine(ctx)
