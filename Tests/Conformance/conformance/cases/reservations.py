"""Reservations for a group (OCPP 1.6 §5.13, §3.11; issue "Nothing lost at a power cut"
§6): a connector reserved for an idTag with a parentIdTag takes another idTag of that
group by RemoteStartTransaction as by card, with the reservationId in its
StartTransaction; an idTag of another group does not start there. Only the default
profile has the Reservation feature profile."""

import datetime

from ocpp.v16 import call

from ..harness import case, status_is


async def reserve_for_group(ctx):
    expiry = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)).isoformat()
    result = await ctx.csms.call(
        call.ReserveNow(connector_id=1, expiry_date=expiry, id_tag="VALID1", parent_id_tag="GROUP1", reservation_id=41))
    assert result.status == "Accepted", result
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Reserved"))


@case("reservation_group_remote_start", octt="§5.13", profiles=("default",))
async def reservation_group_remote_start(ctx):
    """RemoteStartTransaction for VALID2 (group GROUP1) on the connector reserved for
    VALID1 of GROUP1: started, with reservationId 41."""
    await ctx.boot()
    await reserve_for_group(ctx)
    mark = ctx.csms.mark()
    result = await ctx.csms.call(call.RemoteStartTransaction(id_tag="VALID2", connector_id=1))
    assert result.status == "Accepted", result
    ctx.station.command("plug 1")
    start = await ctx.csms.wait_call("StartTransaction", after=mark)
    assert start.payload["idTag"] == "VALID2", start.payload
    assert start.payload.get("reservationId") == 41, start.payload


@case("reservation_other_group_remote_start", octt="§5.13", profiles=("default",))
async def reservation_other_group_remote_start(ctx):
    """RemoteStartTransaction for OTHER (group GROUP2) on that connector: no transaction,
    and the reservation still holds it (Reserved once the cable is gone)."""
    await ctx.boot()
    await reserve_for_group(ctx)
    mark = ctx.csms.mark()
    await ctx.csms.call(call.RemoteStartTransaction(id_tag="OTHER", connector_id=1))
    ctx.station.command("plug 1")
    await ctx.station.snapshot()
    await ctx.csms.wait_call("Authorize", after=mark)
    await ctx.station.snapshot()
    assert not ctx.csms.calls("StartTransaction", after=mark), "OTHER started on a connector reserved for GROUP1"
    ctx.station.command("unplug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Reserved"), after=mark)
