"""Configuration, cache, data transfer and local list version: OCTT TC_019_1, TC_019_2,
TC_021, TC_040_1, TC_040_2, TC_042_1, TC_061, TC_062, TC_064 (OCPP 1.6 §5.4, §5.5, §5.6,
§5.8, §4.3, §9)."""

import time

from ocpp.v16 import call

from ..csms import CallRefused
from ..harness import case

# OCPP 1.6 §9.1: the Core keys every charge point reports.
REQUIRED_CORE_KEYS = {
    "AuthorizeRemoteTxRequests", "ClockAlignedDataInterval", "ConnectionTimeOut", "GetConfigurationMaxKeys",
    "HeartbeatInterval", "LocalAuthorizeOffline", "LocalPreAuthorize", "MeterValuesAlignedData",
    "MeterValuesSampledData", "MeterValueSampleInterval", "NumberOfConnectors", "ResetRetries",
    "ConnectorPhaseRotation", "StopTransactionOnEVSideDisconnect", "StopTransactionOnInvalidId",
    "StopTxnAlignedData", "StopTxnSampledData", "SupportedFeatureProfiles", "TransactionMessageAttempts",
    "TransactionMessageRetryInterval", "UnlockConnectorOnEVSideDisconnect",
}

@case("get_configuration_all", octt="TC_019_1")
async def get_configuration_all(ctx):
    """Every supported key, with readonly flags; a write-only key's value never shown."""
    await ctx.boot()
    result = await ctx.csms.call(call.GetConfiguration())
    keys = {entry["key"]: entry for entry in result.configuration_key}
    missing = REQUIRED_CORE_KEYS - keys.keys()
    assert not missing, f"required Core keys missing: {sorted(missing)}"
    assert not result.unknown_key, result.unknown_key
    assert all(isinstance(entry["readonly"], bool) for entry in keys.values())
    assert keys["NumberOfConnectors"]["value"] == str(len(ctx.connectors))
    assert keys["NumberOfConnectors"]["readonly"] is True
    # The interval of the BootNotification.conf replaces the profile's (§4.2).
    assert keys["HeartbeatInterval"]["value"] == str(ctx.csms.heartbeat_interval), keys["HeartbeatInterval"]
    assert "value" not in keys.get("AuthorizationKey", {}), "AuthorizationKey is write-only"


@case("get_configuration_key", octt="TC_019_2")
async def get_configuration_key(ctx):
    """One key asked for, one key answered; an unknown key is listed as unknown."""
    await ctx.boot()
    result = await ctx.csms.call(call.GetConfiguration(key=["HeartbeatInterval"]))
    assert [e["key"] for e in result.configuration_key] == ["HeartbeatInterval"], result
    assert result.configuration_key[0]["value"] == str(ctx.csms.heartbeat_interval), result
    result = await ctx.csms.call(call.GetConfiguration(key=["NoSuchKeyAnywhere"]))
    assert not result.configuration_key and result.unknown_key == ["NoSuchKeyAnywhere"], result


@case("change_configuration", octt="TC_021")
async def change_configuration(ctx):
    """An accepted change is read back and takes effect at once: a shorter
    HeartbeatInterval brings the next Heartbeat sooner."""
    await ctx.boot()
    await ctx.configure("MeterValueSampleInterval", 17)
    result = await ctx.csms.call(call.GetConfiguration(key=["MeterValueSampleInterval"]))
    assert result.configuration_key[0]["value"] == "17", result
    await ctx.configure("ClockAlignedDataInterval", 0)  # no other traffic to defer the Heartbeat
    mark = ctx.csms.mark()
    started = time.monotonic()
    await ctx.configure("HeartbeatInterval", 2)
    await ctx.csms.wait_call("Heartbeat", after=mark, timeout=6)
    assert time.monotonic() - started < 4, "the new HeartbeatInterval did not take effect"


@case("change_configuration_unknown", octt="TC_040_1")
async def change_configuration_unknown(ctx):
    await ctx.boot()
    await ctx.configure("NoSuchKeyAnywhere", "1", expect="NotSupported")


@case("change_configuration_invalid", octt="TC_040_2")
async def change_configuration_invalid(ctx):
    """Values out of range or of the wrong kind, and read-only keys: Rejected, and
    nothing changes."""
    await ctx.boot()
    await ctx.configure("MeterValueSampleInterval", "-1", expect="Rejected")
    await ctx.configure("MeterValueSampleInterval", "often", expect="Rejected")
    await ctx.configure("MeterValuesSampledData", "Energy.Bogus.Measurand", expect="Rejected")
    await ctx.configure("NumberOfConnectors", "5", expect="Rejected")
    result = await ctx.csms.call(call.GetConfiguration(key=["NumberOfConnectors"]))
    assert result.configuration_key[0]["value"] == str(len(ctx.connectors))


@case("clear_cache", octt="TC_061")
async def clear_cache(ctx):
    """Accepted with an authorization cache (default); Rejected without one (the JST)."""
    await ctx.boot()
    result = await ctx.csms.call(call.ClearCache())
    expected = "Accepted" if ctx.profile == "default" else "Rejected"
    assert result.status == expected, result


@case("data_transfer_to_cp", octt="TC_062")
async def data_transfer_to_cp(ctx):
    """A vendor the station does not know: UnknownVendorId."""
    await ctx.boot()
    result = await ctx.csms.call(call.DataTransfer(vendor_id="com.example.unknown", message_id="Probe", data="x"))
    assert result.status == "UnknownVendorId", result


@case("data_transfer_to_cs", octt="TC_064")
async def data_transfer_to_cs(ctx):
    """The operator's DataTransfer reaches the central system as typed; its answer is
    shown."""
    mark = await ctx.boot()
    ctx.station.command("datatransfer com.example.console Greeting 'hello world'")
    transfer = await ctx.csms.wait_call("DataTransfer", after=mark)
    assert transfer.payload == {"vendorId": "com.example.console", "messageId": "Greeting", "data": "hello world"}, \
        transfer.payload
    await ctx.station.wait_event(lambda e: e["type"] == "notice" and "echo:hello world" in e["message"],
                                 what="the DataTransfer answer")


@case("local_list_version", octt="TC_042_1")
async def local_list_version(ctx):
    """GetLocalListVersion: NotSupported where LocalAuthListManagement is not (the
    JST); version 0 on a fresh default station."""
    await ctx.boot()
    try:
        result = await ctx.csms.call(call.GetLocalListVersion())
    except CallRefused as refusal:
        assert ctx.profile == "jst-con-03" and refusal.code == "NotSupported", refusal
        return
    assert ctx.profile == "default" and result.list_version == 0, result
