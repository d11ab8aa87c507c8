"""No connector above its rating: whatever the EV asks (`ev power`) and whatever a
charging profile allows, the current per phase stays within the connector's maximum
current and the power within its maximum power. The ratings are the station profiles'
(Assets/stations: default 1 = 32 A / 22 kW AC three-phase, 2 = 125 A / 50 kW DC;
jst-con-03 1 = 32 A / 7.4 kW AC single-phase). Checked where OCPP shows them: the
sampled Current.Import, Current.Offered, Power.Offered (§3.16, §7.31: current per phase),
and the composite schedule in A, "the amount of Ampere per phase" (§5.7, §7.12)."""

from ocpp.v16 import call

from ..harness import case, status_is

RATINGS = {  # profile -> connector -> (A per phase, W)
    "default": {1: (32, 22_000), 2: (125, 50_000)},
    "jst-con-03": {1: (32, 7_400)},
}
SAMPLED = {
    "default": "Current.Import,Current.Offered,Power.Offered,Power.Active.Import",
    "jst-con-03": "Current.Import,Power.Active.Import",
}


def sampled_values(frames, connector):
    """(measurand, value) of every sampled value of `connector` in MeterValues frames."""
    values = []
    for frame in frames:
        if frame.payload["connectorId"] != connector:
            continue
        for meter_value in frame.payload["meterValue"]:
            for sampled in meter_value["sampledValue"]:
                values.append((sampled.get("measurand", "Energy.Active.Import.Register"), float(sampled["value"])))
    return values


@case("rating_sampled_values", octt="§3.16, §7.31 (rating)", timeout=60)
async def rating_sampled_values(ctx):
    """EVs asking for 1000 kW on every connector: `ev power` is accepted, and every
    sampled current and power stays within the connector's rating."""
    await ctx.boot()
    await ctx.configure("MeterValuesSampledData", SAMPLED[ctx.profile])
    await ctx.configure("MeterValueSampleInterval", 1)
    mark = ctx.csms.mark()
    errors_mark = ctx.station.mark()
    for connector in ctx.connectors:
        ctx.station.command(f"plug {connector}")
        ctx.station.command(f"ev power {connector} 1000")
        ctx.swipe("VALID1" if connector == 1 else "VALID2", connector)
        await ctx.csms.wait_call("StatusNotification", status_is(connector, "Charging"), after=mark)
    for connector in ctx.connectors:
        await ctx.csms.wait_call(
            "MeterValues", lambda p, c=connector: p["connectorId"] == c and "transactionId" in p, after=mark)
    await ctx.csms.wait_calls("MeterValues", 3 * len(ctx.connectors), after=mark)
    assert not ctx.station.errors(errors_mark), ctx.station.errors(errors_mark)
    frames = ctx.csms.calls("MeterValues", after=mark)
    for connector in ctx.connectors:
        amperes, watts = RATINGS[ctx.profile][connector]
        values = sampled_values(frames, connector)
        currents = [v for m, v in values if m in ("Current.Import", "Current.Offered")]
        powers = [v for m, v in values if m in ("Power.Active.Import", "Power.Offered")]
        assert currents and powers, f"connector {connector}: no current or power sampled: {values}"
        assert all(v <= amperes for v in currents), f"connector {connector}: {currents} A over {amperes} A"
        assert all(v <= watts for v in powers), f"connector {connector}: {powers} W over {watts} W"
        assert max(powers) > 0, f"connector {connector} delivers nothing"
    snapshot = await ctx.station.snapshot()
    for entry in snapshot["connectors"]:
        assert entry["powerW"] <= RATINGS[ctx.profile][entry["connector"]][1], entry


@case("rating_composite_amperes", octt="§5.7, §7.12 (rating)", profiles=("default",))
async def rating_composite_amperes(ctx):
    """GetCompositeSchedule in A for a charging DC connector, with and without a
    TxDefaultProfile above its rating: every limit at or below its 125 A; the AC
    connector's at or below 32 A."""
    await ctx.boot()
    await ctx.start_session(connector=2, id_tag="VALID2")

    async def limits(connector, unit):
        result = await ctx.csms.call(
            call.GetCompositeSchedule(connector_id=connector, duration=3600, charging_rate_unit=unit))
        assert result.status == "Accepted", result
        return [p["limit"] for p in result.charging_schedule["charging_schedule_period"]]

    assert all(v <= 125 for v in await limits(2, "A")), await limits(2, "A")
    assert all(v <= 50_000 for v in await limits(2, "W")), await limits(2, "W")
    assert all(v <= 32 for v in await limits(1, "A")), await limits(1, "A")
    above = {
        "chargingProfileId": 71, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
        "chargingProfileKind": "Relative",
        "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 300}]},
    }
    result = await ctx.csms.call(call.SetChargingProfile(connector_id=2, cs_charging_profiles=above))
    assert result.status == "Accepted", result
    assert all(v <= 125 for v in await limits(2, "A")), await limits(2, "A")
    snapshot = await ctx.station.snapshot()
    assert snapshot["connectors"][1]["powerW"] <= 50_000, snapshot["connectors"][1]
