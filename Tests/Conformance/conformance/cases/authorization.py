"""Refused idTags: OCTT TC_023_1 (Invalid), TC_023_2 (Expired), TC_023_3 (Blocked)
(OCPP 1.6 §4.1, §7.26)."""

from ..harness import case, status_is


async def refused_card(ctx, id_tag):
    """Plugged in, a refused card: no transaction, the connector stays Preparing."""
    mark = await ctx.boot()
    ctx.station.command("plug 1")
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Preparing"), after=mark)
    ctx.swipe(id_tag)
    authorize = await ctx.csms.wait_call("Authorize", after=mark)
    assert authorize.payload["idTag"] == id_tag
    await ctx.csms.wait_answer_to(authorize)
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][0]["status"] == "Preparing", snapshot["connectors"][0]
    assert not ctx.csms.calls("StartTransaction", after=mark), f"{id_tag} started a transaction"


@case("authorize_invalid", octt="TC_023_1")
async def authorize_invalid(ctx):
    await refused_card(ctx, "NOBODY42")


@case("authorize_expired", octt="TC_023_2")
async def authorize_expired(ctx):
    await refused_card(ctx, "EXPIRED")


@case("authorize_blocked", octt="TC_023_3")
async def authorize_blocked(ctx):
    await refused_card(ctx, "BLOCKED")


@case("swipe_overlong_idtag", octt="§7.23 IdToken")
async def swipe_overlong_idtag(ctx):
    """An idTag longer than 20 characters cannot be an OCPP IdToken: the operator gets
    an error and nothing is sent (and the run's exit status says a command failed)."""
    ctx.exit_status = 3
    mark = await ctx.boot()
    before = ctx.station.mark()
    ctx.swipe("A" * 21)
    await ctx.station.wait_event(lambda e: e["type"] == "error", after=before, what="an error for the idTag")
    await ctx.station.snapshot()
    assert not ctx.csms.calls("Authorize", after=mark)
