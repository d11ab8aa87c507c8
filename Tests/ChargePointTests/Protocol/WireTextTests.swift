import Testing

@testable import ChargePoint

/// What the schemas cannot generate: escapes, numbers with a fraction, frames around
/// payloads. The expected texts are what the station wrote before its encoder became one
/// streaming path (issue 9), kept literally so that the wire format cannot drift.
@Suite("Wire text")
struct WireTextTests {
    @Test func stringsAreEscaped_onlyWhereJSONRequires() throws {
        let call = try Frame.call(
            "a\"b", DataTransferRequest(vendorId: "v\\x", messageId: "m", data: "a\"b\\c\n\t\u{1}\u{7f}é/€😀"))
        #expect(call.text == #"[2,"a\"b","DataTransfer",{"vendorId":"v\\x","messageId":"m","data":"a\"b\\c\n\t\u0001\#u{7f}é/€😀"}]"#)
        let result = try Frame.result("r", DataTransferResponse(status: .accepted, data: "\u{0}\r\u{8}\u{c}"))
        #expect(result.text == #"[3,"r",{"status":"Accepted","data":"\u0000\r\b\f"}]"#)
    }

    @Test func decimalsKeepTheirShortestForm() throws {
        let schedule = ChargingSchedule(
            duration: 7, startSchedule: nil, chargingRateUnit: .amperes,
            chargingSchedulePeriod: [
                ChargingSchedulePeriod(startPeriod: 0, limit: ChargingRate(tenths: 161), numberPhases: 3),
                ChargingSchedulePeriod(startPeriod: 60, limit: ChargingRate(tenths: 50_000)),
            ],
            minChargingRate: ChargingRate(tenths: 25))
        let response = GetCompositeScheduleResponse(
            status: .accepted, connectorId: 1, scheduleStart: Timestamp(millisecondsSince1970: 0),
            chargingSchedule: schedule)
        #expect(
            try PayloadEncoder.encodeText(response)
                == #"{"status":"Accepted","connectorId":1,"scheduleStart":"1970-01-01T00:00:00.000Z","chargingSchedule":{"duration":7,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.1,"numberPhases":3},{"startPeriod":60,"limit":5000.0}],"minChargingRate":2.5}}"#
        )
    }

    @Test func aPayloadWithNothingInItIsAnEmptyObject() throws {
        #expect(try PayloadEncoder.encodeText(HeartbeatRequest()) == "{}")
        #expect(try PayloadEncoder.encodeText(GetConfigurationRequest()) == "{}")
        #expect(try Frame.result("x", ClearCacheResponse(status: .accepted)).text == #"[3,"x",{"status":"Accepted"}]"#)
    }

    /// MeterValues writes itself (`SelfWritingPayload`): exactly as its conformance would.
    @Test func meterValues_writesWhatItsConformanceWrites() throws {
        let instances = SchemaInstances(schema: try OfficialSchemas.request(.meterValues))
        for payload in [instances.maximal, instances.minimal] + instances.enumVariants().map(\.1) {
            let request = try PayloadDecoder.decode(MeterValuesRequest.self, from: payload)
            var direct = JSONWriter()
            request.write(to: &direct)
            var general = JSONWriter()
            try PayloadEncoder.writeThroughConformance(request, to: &general)
            #expect(direct.text == general.text)
            #expect(try PayloadEncoder.encodeText(request) == direct.text)
        }
    }

    @Test func theTreeOfAPayloadIsItsTextReadBack() throws {
        let request = StatusNotificationRequest(
            connectorId: 1, errorCode: .noError, status: .available, timestamp: Timestamp(millisecondsSince1970: 0))
        let text = try PayloadEncoder.encodeText(request)
        #expect(try PayloadEncoder.encode(request) == JSONParser.parse(text))
        let parsed = Frame.Call(messageId: "s", action: "StatusNotification", payload: try JSONParser.parse(text))
        guard case .call(let made) = try Frame.call("s", request) else {
            Issue.record("not a CALL")
            return
        }
        #expect(made.payload == parsed.payload)
        #expect(made == parsed)
    }
}
