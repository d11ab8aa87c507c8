"""Case-insensitive identifiers (OCPP 1.6 §7.15–§7.19 CiString, §7.28 IdToken with
errata 3.74/3.75): configuration keys (GetConfiguration.req/.conf §6.23/§6.24,
ChangeConfiguration.req §6.9, KeyValue §7.29: CiString50Type), DataTransfer vendorId
(CiString255Type) and messageId (CiString50Type, §6.15), idTags (CiString20Type). A
CiString "is case insensitive": another spelling is the same identifier. Answers use
the specification's spelling of a key (§9); unknownKey lists what was asked."""

from ocpp.v16 import call

from ..harness import case, status_is


def entries(result):
    return [(entry["key"], entry.get("value")) for entry in result.configuration_key or []]


@case("configuration_key_any_case", octt="§6.9, §6.23, §7.17")
async def configuration_key_any_case(ctx):
    """GetConfiguration and ChangeConfiguration of a key in lower or upper case act on
    that key and answer in its canonical spelling; an unknown key stays unknown, echoed
    as asked. One key per request: the JST answers at most GetConfigurationMaxKeys = 1."""
    await ctx.boot()
    result = await ctx.csms.call(call.GetConfiguration(key=["heartbeatinterval"]))
    assert entries(result) == [("HeartbeatInterval", str(ctx.csms.heartbeat_interval))], result
    assert not result.unknown_key, result

    result = await ctx.csms.call(call.ChangeConfiguration(key="heartbeatinterval", value="123"))
    assert result.status == "Accepted", result
    result = await ctx.csms.call(call.GetConfiguration(key=["HEARTBEATINTERVAL"]))
    assert entries(result) == [("HeartbeatInterval", "123")], result

    result = await ctx.csms.call(call.ChangeConfiguration(key="METERVALUESAMPLEINTERVAL", value="17"))
    assert result.status == "Accepted", result
    result = await ctx.csms.call(call.GetConfiguration(key=["MeterValueSampleInterval"]))
    assert entries(result) == [("MeterValueSampleInterval", "17")], result

    result = await ctx.csms.call(call.ChangeConfiguration(key="numberofconnectors", value="5"))
    assert result.status == "Rejected", f"a read-only key in lower case: {result.status}, expected Rejected"

    result = await ctx.csms.call(call.GetConfiguration(key=["nosuchkeyanywhere"]))
    assert not result.configuration_key and result.unknown_key == ["nosuchkeyanywhere"], result
    result = await ctx.csms.call(call.ChangeConfiguration(key="nosuchkeyanywhere", value="1"))
    assert result.status == "NotSupported", result


@case("data_transfer_vendor_any_case", octt="§4.3, §5.6, §6.15, §7.18")
async def data_transfer_vendor_any_case(ctx):
    """The station's own vendor ids in another case are known (Accepted, the data echoed,
    messageId "Echo" in any case); a vendor it does not know is still UnknownVendorId."""
    await ctx.boot()
    vendor = "OCPP Console" if ctx.profile == "default" else "JS Tech"
    for vendor_id, message_id in [("OCPP-CONSOLE", "ECHO"), ("Ocpp-Console", "echo"), (vendor.upper(), None)]:
        result = await ctx.csms.call(call.DataTransfer(vendor_id=vendor_id, message_id=message_id, data="x"))
        assert result.status == "Accepted" and result.data == "x", f"{vendor_id}/{message_id}: {result}"
    result = await ctx.csms.call(call.DataTransfer(vendor_id="OCPP-CONSOLE", message_id="NoSuchMessage"))
    assert result.status == "UnknownMessageId", result
    result = await ctx.csms.call(call.DataTransfer(vendor_id="COM.EXAMPLE.UNKNOWN", message_id="Echo"))
    assert result.status == "UnknownVendorId" and result.data is None, result


@case("same_card_any_case_stops", octt="§3.4, §7.28")
async def same_card_any_case_stops(ctx):
    """The card that started a transaction, presented in another spelling, is the same
    card: it stops the transaction at once (reason Local), without an Authorize.req."""
    await ctx.boot()
    transaction_id = await ctx.start_session(id_tag="VALID1")
    mark = ctx.csms.mark()
    ctx.swipe("valid1")
    stop = await ctx.csms.wait_call("StopTransaction", after=mark)
    assert stop.payload["transactionId"] == transaction_id, stop.payload
    assert stop.payload.get("reason", "Local") == "Local", stop.payload
    assert not ctx.csms.calls("Authorize", after=mark), "the same card was sent to Authorize"
    await ctx.csms.wait_call("StatusNotification", status_is(1, "Finishing"), after=mark)
