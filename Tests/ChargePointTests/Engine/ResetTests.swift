import ChargePoint
import Testing

/// Reset (OCPP 1.6 §5.14, errata 3.36; OCTT TC_013 to TC_016).
@Suite("Reset")
struct ResetTests {
    @Test(arguments: [ResetType.soft, .hard])
    func reset_withoutTransaction_rebootsWithANewBoot(_ type: ResetType) throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(ResetRequest(type: type))?.status == .accepted)
        #expect(station.linkRequests.contains { if case .disconnect = $0 { true } else { false } })
        // A reboot takes the profile's reboot-seconds: dark until then (issue 8 §7).
        #expect(station.snapshot.rebootingIn == 3000)
        #expect(station.snapshot.connection == .disconnected)
        station.expectSent(.bootNotification, count: 1, afterAdvancing: 2.999)
        station.advance(seconds: 0.001)
        #expect(station.snapshot.rebootingIn == nil)
        #expect(station.sentCalls(.bootNotification).count == 2)
        #expect(station.snapshot.registration == .accepted)
        #expect(station.sentCalls(.statusNotification).count == 6)
    }

    /// A Reset that arrives while the station awaits the answer to its own call is
    /// still answered before the reboot closes the connection.
    @Test(arguments: [ResetType.soft, .hard])
    func reset_whileOwnCallInFlight_isAnsweredBeforeTheReboot(_ type: ResetType) throws {
        var station = try StationHarness.booted()
        station.csms.behaviour[.statusNotification] = .hold
        station.command(.plug(connector: 1))
        #expect(station.csms.held.count == 1)
        #expect(station.csmsRequest(ResetRequest(type: type))?.status == .accepted)
        station.releaseHeld(.statusNotification)
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 3)
        // The late answer reached a station already rebooting: ignored, not an error.
        #expect(station.errors.isEmpty, "\(station.errors)")
    }

    @Test(arguments: [(ResetType.soft, Reason.softReset), (.hard, .hardReset)])
    func reset_withTransaction_stopsItFirst(_ type: ResetType, _ reason: Reason) throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        _ = station.csmsRequest(ResetRequest(type: type))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == reason)
        station.expectSent(.bootNotification, count: 2, afterAdvancing: 3)
        // Stopped before the new boot went out.
        let order = station.sent.compactMap { text -> String? in
            guard case .success(.call(let call)) = Frame.parse(text) else { return nil }
            return call.action
        }
        let stopIndex = try #require(order.firstIndex(of: "StopTransaction"))
        let bootIndex = try #require(order.lastIndex(of: "BootNotification"))
        #expect(stopIndex < bootIndex)
        // The EV is still plugged in: the connector says Finishing after the reboot.
        #expect(station.status(1) == .finishing)
    }

    @Test func softReset_offline_queuesTheStopForAfterTheReboot() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.dropLink()
        station.command(.reset(.soft))
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        #expect(station.snapshot.queuedTransactionMessages == 1)
        station.restoreNetwork()
        station.advance(seconds: 5)
        let boots = station.sent.firstIndex { $0.contains("\"BootNotification\"") && $0 != station.sent[0] }
        let stop = station.sent.firstIndex { $0.contains("\"StopTransaction\"") }
        #expect(boots != nil && stop != nil && boots! < stop!)
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .softReset)
    }

    @Test func reboot_refusesCardsAndCommands_butTakesCables_whileDark() throws {
        var station = try StationHarness.booted()
        station.command(.reset(.soft))
        #expect(station.snapshot.rebootingIn != nil)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.online)
        #expect(station.errors.last?.contains("rebooting") == true)
        #expect(station.snapshot.connection == .disconnected)
        station.command(.plug(connector: 1))
        station.advance(seconds: 3)
        // Found at the boot: Preparing reported with the rest.
        #expect(station.snapshot.registration == .accepted)
        #expect(station.reportedStatuses(1).last == .preparing)
    }

    @Test func rebootSeconds_zero_rebootsAtOnce() throws {
        var profile = TestProfiles.twoConnectors
        profile.rebootSeconds = 0
        var station = try StationHarness.booted(profile: profile)
        _ = station.csmsRequest(ResetRequest(type: .soft))
        #expect(station.sentCalls(.bootNotification).count == 2)
    }
}
