"""The demo central system across a console restart (issue 14 §4, review): nothing is
stored, yet transaction ids keep increasing — a resumed session and a new one never
share an id — and the demo learns the resumed transaction from the MeterValues that
name it, so `csms limit` sends its TxProfile (§3.13.2) and `csms remote-stop <c>` stops
it (§5.12)."""

from ..harness import case
from .demo_csms import csms, launch_demo, status_of


async def charging(station, mark, what, besides=None):
    """The transaction id of the session that runs on connector 1 (not `besides`)."""
    started = await station.wait_event(
        lambda e: e["type"] == "transaction" and e["event"] in ("started", "updated")
        and e.get("transactionId") not in (None, besides), mark, 30, what)
    return started["transactionId"]


@case("demo_csms_resumed_session", octt="issue 14 §4: a resumed session and the demo (§4.7, §5.12, §5.16)",
      profiles=["default"], timeout=180)
async def demo_csms_resumed_session(ctx):
    station = await launch_demo(ctx)
    mark = station.mark()
    station.command("plug 1")
    result, _ = await csms(station, "rs", "remote-start 04A1B2C3D4E5F6 1", "RemoteStartTransaction")
    assert status_of(result) == "Accepted", result
    resumed = await charging(station, mark, "the first session")
    assert resumed > 1000, f"transaction id {resumed}: not from the wall clock"
    assert await station.quit() == 0

    station = await launch_demo(ctx)  # the same data directory: the session resumes
    mark = station.mark()
    await station.wait_event(
        lambda e: e["type"] == "frame" and e["dir"] == "out" and '"MeterValues"' in e["raw"]
        and f'"transactionId":{resumed}' in e["raw"].replace(" ", ""), mark, 60,
        "the resumed transaction's MeterValues")
    result, payload = await csms(station, "lim", "limit 1 7", "SetChargingProfile")
    profile = payload["csChargingProfiles"]
    assert profile["chargingProfilePurpose"] == "TxProfile" and profile["transactionId"] == resumed, payload
    mark = station.mark()
    result, payload = await csms(station, "stop", "remote-stop 1", "RemoteStopTransaction")
    assert payload == {"transactionId": resumed} and status_of(result) == "Accepted", (payload, result)
    await station.wait_event(lambda e: e["type"] == "transaction" and e["event"] == "stopped", mark, 30,
                             "the resumed session stopped")
    station.command("unplug 1")
    station.command("plug 1")
    mark = station.mark()
    result, _ = await csms(station, "rs2", "remote-start 04A1B2C3D4E5F6 1", "RemoteStartTransaction")
    assert status_of(result) == "Accepted", result
    fresh = await charging(station, mark, "the new session", besides=resumed)
    assert fresh > resumed, f"the new session's id {fresh} is not above the resumed one's {resumed}"
