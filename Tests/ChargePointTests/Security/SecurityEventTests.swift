import ChargePoint
import Testing

@testable import ChargePoint

/// Security events (security whitepaper A04, §8): every one in the security log, the
/// critical ones delivered to the central system through the durable queue.
@Suite("Security events (whitepaper A04)")
struct SecurityEventTests {
    static func station() throws -> StationHarness { try StationHarness.booted(profile: TestProfiles.everything) }

    static func notified(_ station: StationHarness) -> [String] {
        station.sentRequests(SecurityEventNotificationRequest.self).map(\.type.value)
    }

    static func logged(_ station: StationHarness) -> [SecurityEventKind] { station.store.securityLog.map(\.kind) }

    @Test("A04.FR.01, §8: the start of the device is critical: notified after the boot, and logged")
    func startup_isNotified() throws {
        let station = try Self.station()
        #expect(Self.notified(station) == ["StartupOfTheDevice"])
        #expect(Self.logged(station) == [.startupOfTheDevice])
        let actions = station.sentActions
        #expect(actions.firstIndex(of: "BootNotification")! < actions.firstIndex(of: "SecurityEventNotification")!)
    }

    @Test(
        "A04.FR.02: a critical event while offline waits in the durable queue, survives a power cut, and is delivered once"
    )
    func criticalOffline_isQueuedDurably() throws {
        var station = try Self.station()
        station.command(.offline)
        station.command(.tamper)
        #expect(Self.notified(station) == ["StartupOfTheDevice"])
        #expect(station.store.messageQueue.contains { $0.action == .securityEventNotification })
        try station.powerCut()
        station.command(.online)
        let notified = Self.notified(station)
        #expect(notified.filter { $0 == "TamperDetectionActivated" }.count == 1, "\(notified)")
        #expect(!station.store.messageQueue.contains { $0.action == .securityEventNotification })
        #expect(Self.logged(station).contains(.tamperDetectionActivated))
    }

    @Test("§8: a non-critical event is logged, and notified when online")
    func nonCritical_isLoggedAndNotifiedOnline() throws {
        var station = try Self.station()
        #expect(station.changeConfiguration("AuthorizationKey", to: "0011223344556677889900AABBCCDDEE") == .accepted)
        #expect(Self.logged(station).contains(.reconfigurationOfSecurityParameters))
        #expect(Self.notified(station).contains("ReconfigurationOfSecurityParameters"))
    }

    @Test("a station without the security extension logs its events and sends none")
    func withoutTheExtension_logsOnly() throws {
        var station = try StationHarness.booted()
        station.command(.tamper)
        #expect(Self.notified(station).isEmpty)
        #expect(Self.logged(station) == [.startupOfTheDevice, .tamperDetectionActivated])
    }

    @Test("A04.FR.04: the security log rolls: the last 1000 events are kept")
    func securityLog_rolls() throws {
        var station = try StationHarness.booted()
        for _ in 0..<1005 { station.command(.tamper) }
        #expect(station.store.securityLog.count == SecurityLog.capacity)
        #expect(station.store.securityLog.first?.sequence == 7)
        #expect(station.core.durableState.securityLog == station.store.securityLog)
    }

    @Test("§8 SecurityLogWasCleared: `securitylog clear` empties the log, whose first line is then that critical event")
    func clearingTheLog_isACriticalEvent() throws {
        var station = try Self.station()
        station.command(.tamper)
        station.command(.clearSecurityLog)
        #expect(Self.logged(station) == [.securityLogWasCleared])
        #expect(station.core.durableState.securityLog == station.store.securityLog)
        #expect(Self.notified(station).last == "SecurityLogWasCleared")
        station.command(.tamper)
        #expect(Self.logged(station) == [.securityLogWasCleared, .tamperDetectionActivated])
    }

    @Test("§8: a reset, a firmware update and a clock that moves are security events")
    func resetFirmwareClock_areEvents() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(ResetRequest(type: .soft))
        station.advance(seconds: 60)
        #expect(Self.logged(station).contains(.resetOrReboot))
        _ = station.csmsRequest(FirmwareUpdateTests.request(in: 0))
        station.reportTransfer(.downloaded(id: station.runningTransfers[0].id, FirmwareImage(version: "9")))
        station.advance(seconds: 60)
        #expect(Self.notified(station).contains("FirmwareUpdated"))
        station.csms.clockSkew = 3_600_000
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .heartbeat))
        #expect(Self.logged(station).contains(.settingSystemTime))
    }

    @Test("§8: credentials refused are one FailedToAuthentication event per outage, not one per retry")
    func refusedCredentials_oneEventPerOutage() throws {
        var station = try Self.station()
        for _ in 0..<3 {
            station.dropLink(
                reason: "the central system refused the credentials (HTTP 401; check --password)",
                failure: .credentialsRefused)
        }
        #expect(Self.logged(station).filter { $0 == .failedToAuthenticateAtCentralSystem }.count == 1)
    }

    @Test("§8 InvalidMessages: frames that are not OCPP are one security event per connection")
    func invalidFrames_oneEventPerConnection() throws {
        var station = try Self.station()
        station.receive("not json")
        station.receive("[2,\"x\"]")
        #expect(Self.logged(station).filter { $0 == .invalidMessages }.count == 1)
        #expect(Self.notified(station).contains("InvalidMessages"))
    }
}
