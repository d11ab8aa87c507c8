import ChargePoint
import Testing

@Suite("BootNotification and Heartbeat (OCPP 1.6 §4.2, §4.6)")
struct BootNotificationTests {
    /// A station powered on against a central system that answers its BootNotification
    /// with `status` and `interval`.
    static func poweredOn(bootAnswer status: RegistrationStatus, interval: Int) throws -> StationHarness {
        var station = try StationHarness()
        station.csms.bootStatus = status
        station.csms.bootInterval = interval
        station.powerOn()
        return station
    }

    @Test func coldBoot_sendsBootThenStatusOfStationAndEveryConnector() throws {
        let station = try StationHarness.booted()
        #expect(station.sent.count == 4)
        #expect(
            station.sent[0]
                == #"[2,"cp-1","BootNotification",{"chargePointVendor":"TestVendor","chargePointModel":"TestModel","chargePointSerialNumber":"SN-1","firmwareVersion":"1.0"}]"#
        )
        #expect(
            station.sent[1]
                == #"[2,"cp-2","StatusNotification",{"connectorId":0,"errorCode":"NoError","status":"Available","timestamp":"2026-11-24T10:00:00.000Z"}]"#
        )
        #expect(station.sentRequests(StatusNotificationRequest.self).map(\.connectorId) == [0, 1, 2])
        #expect(station.sentRequests(StatusNotificationRequest.self).allSatisfy { $0.status == .available })
        station.expectNoInternalErrors()
    }

    @Test func boot_isTheOnlyRequestUntilAnswered() throws {
        var station = try StationHarness(profile: TestProfiles.twoConnectors)
        station.csms.behaviour[.bootNotification] = .hold
        station.powerOn()
        station.command(.plug(connector: 1))
        #expect(station.sent.count == 1)
        #expect(station.sentCalls(.bootNotification).count == 1)
        station.releaseHeld(.bootNotification)
        #expect(station.reportedStatuses(1) == [.preparing])
    }

    @Test func boot_pending_answersCallsSendsNothingUnasked_andBootsAgainAfterInterval() throws {
        var station = try Self.poweredOn(bootAnswer: .pending, interval: 40)
        #expect(station.sent.count == 1)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval"]))
        #expect(answer?.configurationKey?.first?.value == "300")
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "60"))?.status == .accepted)
        #expect(station.csmsRequest(RemoteStartTransactionRequest(idTag: "TAG1"))?.status == .rejected)
        station.command(.plug(connector: 1))
        #expect(station.sentCalls(.statusNotification).isEmpty)
        station.expectSent(.bootNotification, count: 1, afterAdvancing: 39)
        station.csms.bootStatus = .accepted
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 1)
        #expect(station.reportedStatuses(1) == [.preparing])
    }

    @Test func boot_rejected_staysSilentAndAnswersNothing_untilTheInterval() throws {
        var station = try Self.poweredOn(bootAnswer: .rejected, interval: 120)
        let sentBefore = station.sent.count
        #expect(station.csmsCall(GetConfigurationRequest()) == nil)
        station.advance(seconds: 119)
        #expect(station.sent.count == sentBefore)
        station.csms.bootStatus = .accepted
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 1)
        #expect(station.sentCalls(.statusNotification).count == 3)
    }

    @Test func boot_withIntervalZero_retriesAfterTheStationsOwnDelay() throws {
        var station = try Self.poweredOn(bootAnswer: .pending, interval: 0)
        station.expectSent(.bootNotification, count: 1, afterAdvancing: 59)
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 1)
    }

    @Test func bootAccepted_adoptsHeartbeatInterval_andHeartbeatsAfterSilence() throws {
        var station = try Self.poweredOn(bootAnswer: .accepted, interval: 20)
        #expect(station.snapshot.heartbeatInterval == 20)
        station.advance(seconds: 19)
        #expect(station.sentCalls(.heartbeat).isEmpty)
        station.expectSent(.heartbeat, count: 1, afterAdvancing: 1)
        station.expectSent(.heartbeat, count: 2, afterAdvancing: 20)
        // Any other request restarts the countdown.
        station.advance(seconds: 10)
        station.command(.plug(connector: 1))
        station.expectSent(.heartbeat, count: 2, afterAdvancing: 19)
        station.expectSent(.heartbeat, count: 3, afterAdvancing: 1)
    }

    @Test func bootAccepted_takesTheCentralSystemsClock() throws {
        var station = try StationHarness()
        station.csms.clockSkew = 3_600_000
        station.powerOn()
        station.command(.plug(connector: 1))
        let status = station.lastRequest(StatusNotificationRequest.self)
        #expect(status?.timestamp?.rfc3339 == "2026-11-24T11:00:00.000Z")
    }

    @Test func reconnectionAfterAcceptance_sendsNoBootNotification_butTheStatusesThatChanged() throws {
        var station = try StationHarness.booted()
        station.dropLink()
        station.command(.plug(connector: 1))
        #expect(station.sentCalls(.statusNotification).count == 3)
        station.restoreNetwork()
        station.expectSent(.bootNotification, count: 1, afterAdvancing: 5)
        #expect(station.reportedStatuses(1) == [.available, .preparing])
        #expect(station.reportedStatuses(2) == [.available])
    }

    @Test func linkLostDuringBoot_bootsAgainOnReconnection() throws {
        var station = try StationHarness()
        station.csms.behaviour[.bootNotification] = .silent
        station.powerOn()
        station.dropLink()
        station.csms.behaviour[.bootNotification] = .answer
        station.restoreNetwork()
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 10)
        #expect(station.snapshot.registration == .accepted)
    }

    @Test func unansweredBoot_isRetried() throws {
        var station = try StationHarness()
        station.csms.behaviourCounts[.bootNotification] = 1
        station.csms.behaviour[.bootNotification] = .silent
        station.powerOn()
        station.advance(seconds: 30)  // MessageTimeout
        station.csms.behaviour[.bootNotification] = .answer
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 60)
        #expect(station.snapshot.registration == .accepted)
    }
}
