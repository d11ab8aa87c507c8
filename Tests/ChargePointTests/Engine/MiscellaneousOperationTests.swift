import ChargePoint
import Testing

/// ClearCache, DataTransfer, actions outside the station's profiles, malformed calls
/// (OCPP 1.6 §5.4, §4.3, §5.6; OCPP-J §4.2.3; OCTT TC_061, TC_062, TC_064).
@Suite("Other operations")
struct MiscellaneousOperationTests {
    @Test func clearCache_forgetsCachedIdTags() throws {
        var station = try StationHarness.booted(configuration: ["LocalPreAuthorize": "true"])
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.snapshot.cachedIdTags == 1)
        #expect(station.csmsRequest(ClearCacheRequest())?.status == .accepted)
        #expect(station.snapshot.cachedIdTags == 0)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.sentCalls(.authorize).count == 2)
    }

    @Test func clearCache_withoutACache_isRejected() throws {
        var profile = TestProfiles.oneSocket
        profile.configuration["AuthorizationCacheEnabled"] = nil
        var station = try StationHarness.booted(profile: profile)
        #expect(station.csmsRequest(ClearCacheRequest())?.status == .rejected)
    }

    @Test func cachedIdTag_withLocalPreAuthorize_startsWithoutAuthorize() throws {
        var station = try StationHarness.booted(configuration: ["LocalPreAuthorize": "true"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.sentCalls(.authorize).count == 1)
        #expect(station.sentCalls(.startTransaction).count == 2)
    }

    @Test func dataTransfer_fromTheCentralSystem() throws {
        var station = try StationHarness.booted()
        let echo = station.csmsRequest(DataTransferRequest(vendorId: "ocpp-console", messageId: "Echo", data: "hi"))
        #expect(echo == DataTransferResponse(status: .accepted, data: "hi"))
        let wrongMessage = station.csmsRequest(DataTransferRequest(vendorId: "ocpp-console", messageId: "Other"))
        #expect(wrongMessage?.status == .unknownMessageId)
        let unknown = station.csmsRequest(DataTransferRequest(vendorId: "com.example", data: "x"))
        #expect(unknown == DataTransferResponse(status: .unknownVendorId))
    }

    @Test func dataTransfer_fromTheOperator() throws {
        var station = try StationHarness.booted()
        station.command(.dataTransfer(vendorId: "com.example", messageId: "Ping", data: "{}"))
        #expect(
            station.lastRequest(DataTransferRequest.self)
                == DataTransferRequest(vendorId: "com.example", messageId: "Ping", data: "{}"))
        #expect(station.notices.last == #"DataTransfer answered {"status":"Accepted","data":"pong"}"#)
        #expect(station.core.operatorCallsOutstanding == 0, "answered")
    }

    @Test(arguments: [
        #"[2,"x1","ReserveNow",{"connectorId":1,"expiryDate":"2030-01-01T00:00:00Z","idTag":"A","reservationId":1}]"#,
        #"[2,"x1","SendLocalList",{"listVersion":1,"updateType":"Full"}]"#,
        #"[2,"x1","TriggerMessage",{"requestedMessage":"Heartbeat"}]"#,
        #"[2,"x1","GetDiagnostics",{"location":"http://example.com/up"}]"#,
        #"[2,"x1","SetChargingProfile",{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6}]}}}]"#,
    ])
    func actionOfAnUnsupportedProfile_isNotSupported(_ frame: String) throws {
        var station = try StationHarness.booted()
        station.receive(frame)
        #expect(station.sent.last?.hasPrefix(#"[4,"x1","NotSupported","#) == true)
    }

    @Test func unknownAction_isNotImplemented_andAChargePointAction_too() throws {
        var station = try StationHarness.booted()
        station.receive(#"[2,"x1","SetDisplayMessage",{}]"#)
        #expect(station.sent.last?.hasPrefix(#"[4,"x1","NotImplemented","#) == true)
        station.receive(#"[2,"x2","BootNotification",{"chargePointVendor":"a","chargePointModel":"b"}]"#)
        #expect(station.sent.last?.hasPrefix(#"[4,"x2","NotImplemented","#) == true)
    }

    @Test(arguments: [
        (#"[2,"m1","Reset",{"type":"Hard""#, "FormationViolation"),
        (#"[2,"m2","Reset",{}]"#, "OccurenceConstraintViolation"),
        (#"[2,"m3","Reset",{"type":7}]"#, "TypeConstraintViolation"),
        (#"[2,"m4","Reset",{"type":"Later"}]"#, "PropertyConstraintViolation"),
        (#"[2,"m5","RemoteStartTransaction",{"idTag":"ABCDEFGHIJKLMNOPQRSTU"}]"#, "PropertyConstraintViolation"),
        (#"[2,"m6","Reset",{"type":"Hard","extra":1}]"#, "FormationViolation"),
        (#"[2,"m7","Reset"]"#, "ProtocolError"),
    ])
    func malformedCall_isAnsweredWithItsErrorCode_andTheStationCarriesOn(_ frame: String, _ code: String) throws {
        var station = try StationHarness.booted()
        station.receive(frame)
        let answer = try #require(station.sent.last)
        #expect(answer.hasPrefix("[4,"))
        #expect(answer.contains("\"\(code)\""))
        #expect(station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval"])) != nil)
        #expect(station.snapshot.registration == .accepted)
    }

    @Test func responseWithUnknownMessageId_isReportedAndIgnored() throws {
        var station = try StationHarness.booted()
        station.receive(#"[3,"nobody-asked",{}]"#)
        #expect(station.errors.last?.contains("no such request") == true)
    }
}
