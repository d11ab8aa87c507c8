"""The station-wide limit (default profile: two connectors, SmartCharging).

OCPP 1.6 §3.13.3: "In the case the Charge Point is equipped with more than one
Connector, the limit value of ChargePointMaxProfile is the limit for all connectors
combined. The combined energy flow of all connectors SHALL NOT be greater then the
limit set by ChargePointMaxProfile." §5.7 (errata 3.30): for connector 0 the composite
schedule is "the total expected power or current the Charge Point expects to consume
from the grid", so it never exceeds that limit either. §7.12 (errata 3.69): a limit in
A is per phase, with numberPhases phases (3 when absent) at 230 V."""

from datetime import datetime, timedelta, timezone

from ocpp.v16 import call

from ..harness import case, status_is

DEFAULT = ("default",)


def profile(profile_id, purpose, limit, unit="W", phases=None):
    period = {"startPeriod": 0, "limit": limit}
    if phases is not None:
        period["numberPhases"] = phases
    start = (datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {
        "chargingProfileId": profile_id, "stackLevel": 0, "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Absolute",
        "chargingSchedule": {"startSchedule": start, "chargingRateUnit": unit, "chargingSchedulePeriod": [period]},
    }


async def install(ctx, connector, charging_profile):
    result = await ctx.csms.call(call.SetChargingProfile(connector_id=connector, cs_charging_profiles=charging_profile))
    assert result.status == "Accepted", f"SetChargingProfile {charging_profile['chargingProfileId']}: {result.status}"


async def composite(ctx, connector, unit):
    result = await ctx.csms.call(call.GetCompositeSchedule(connector_id=connector, duration=3600, charging_rate_unit=unit))
    assert result.status == "Accepted", result
    return [p["limit"] for p in result.charging_schedule["charging_schedule_period"]]


async def powers(ctx):
    snapshot = await ctx.station.snapshot()
    return [c["powerW"] for c in snapshot["connectors"]]


async def two_sessions(ctx):
    await ctx.start_session(connector=1, id_tag="VALID1")
    await ctx.start_session(connector=2, id_tag="VALID2")


@case("station_limit_combined", octt="§3.13.3, §5.7", profiles=DEFAULT)
async def station_limit_combined(ctx):
    """ChargePointMaxProfile 10 kW, two EVs charging: together they draw at most 10 kW,
    also with an 8 kW TxDefaultProfile for each; the composite schedule of connector 0
    never exceeds 10 kW (in W), nor 10 kW / (230 V × 3) = 14.49 A (in A)."""
    await ctx.boot()
    await install(ctx, 0, profile(81, "ChargePointMaxProfile", 10_000))
    await two_sessions(ctx)
    drawn = await powers(ctx)
    assert sum(drawn) <= 10_000, f"{drawn} W: more than the 10 kW ChargePointMaxProfile together"
    assert all(p > 0 for p in drawn), f"{drawn} W: a connector gets nothing"
    assert all(v <= 10_000 for v in await composite(ctx, 0, "W")), await composite(ctx, 0, "W")
    assert all(v <= 14.49 for v in await composite(ctx, 0, "A")), await composite(ctx, 0, "A")
    await install(ctx, 0, profile(82, "TxDefaultProfile", 8_000))
    drawn = await powers(ctx)
    assert sum(drawn) <= 10_000, f"{drawn} W with TxDefaultProfile 8 kW"
    assert all(v <= 10_000 for v in await composite(ctx, 0, "W")), await composite(ctx, 0, "W")
    # Each connector's own composite is its own limit: min(8 kW, 10 kW) (§3.13.3).
    assert await composite(ctx, 1, "W") == [8_000], await composite(ctx, 1, "W")


@case("station_limit_room_left", octt="§3.13.3", profiles=DEFAULT)
async def station_limit_room_left(ctx):
    """An EV that takes only 3 kW of a 10 kW station limit leaves the rest to the other
    (docs/smart-charging.md); the two never draw more than 10 kW together (§3.13.3)."""
    await ctx.boot()
    await install(ctx, 0, profile(83, "ChargePointMaxProfile", 10_000))
    mark = ctx.csms.mark()
    ctx.station.command("plug 1")
    ctx.station.command("ev power 1 3")
    ctx.swipe("VALID1", 1)
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Charging"), after=mark)
    await ctx.start_session(connector=2, id_tag="VALID2")
    drawn = await powers(ctx)
    assert sum(drawn) <= 10_000, f"{drawn} W: more than 10 kW together"
    assert drawn[0] == 3_000 and drawn[1] == 7_000, f"{drawn} W: the 3 kW EV's room is not used by the other"
    ctx.station.command("ev suspend 1")
    drawn = await powers(ctx)
    assert drawn == [0, 10_000], f"{drawn} W after the 3 kW EV paused"


@case("station_limit_amperes", octt="§3.13.3, §7.12", profiles=DEFAULT)
async def station_limit_amperes(ctx):
    """ChargePointMaxProfile 16 A (numberPhases absent: 3 phases at 230 V, 11 040 W):
    the two EVs draw at most 11 040 W together; connector 0's composite in A is at most
    16 A. With numberPhases 1, at most 3 680 W (errata 3.34: the limit as given, for the
    phases used)."""
    await ctx.boot()
    await install(ctx, 0, profile(84, "ChargePointMaxProfile", 16, unit="A"))
    await two_sessions(ctx)
    drawn = await powers(ctx)
    assert sum(drawn) <= 11_040, f"{drawn} W: more than 16 A × 230 V × 3 together"
    assert all(v <= 16 for v in await composite(ctx, 0, "A")), await composite(ctx, 0, "A")
    assert all(v <= 11_040 for v in await composite(ctx, 0, "W")), await composite(ctx, 0, "W")
    await install(ctx, 0, profile(84, "ChargePointMaxProfile", 16, unit="A", phases=1))
    drawn = await powers(ctx)
    assert sum(drawn) <= 3_680, f"{drawn} W: more than 16 A × 230 V on one phase together"
