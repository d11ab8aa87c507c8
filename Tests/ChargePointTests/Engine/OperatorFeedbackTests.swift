import Testing

@testable import ChargePoint

/// Issue 12 §6: every operator action answers — what happened, or why not — in a notice
/// the screen shows and headless mode prints, whatever stopped a transaction.
@Suite("Operator feedback")
struct OperatorFeedbackTests {
    static func charging(_ configuration: [String: String] = [:]) throws -> StationHarness {
        var station = try StationHarness.booted(configuration: configuration)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 60)
        station.clearHistory()
        return station
    }

    /// "connector 1: transaction 1 stopped (Local), 0.18 kWh".
    static func stopNotice(_ station: StationHarness, _ reason: Reason) -> String? {
        station.notices.first {
            $0.hasPrefix("connector 1: transaction ") && $0.contains("stopped (\(reason.rawValue)), ")
        }
    }

    /// A card, then the cable: the last thing said is that the transaction started.
    @Test func aStart_saysSo() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.notices.last == "connector 1: transaction started for TAG1", "\(station.notices)")
    }

    /// Issue 12 review: `online` on a link that is up says so, and opens no second one;
    /// after `offline` it connects.
    @Test func online_onALinkThatIsUp_saysSo() throws {
        var station = try StationHarness.booted()
        station.command(.online)
        #expect(station.notices.last == "online: the link is up already", "\(station.notices)")
        station.command(.offline)
        station.command(.online)
        #expect(station.notices.last == "online: connecting", "\(station.notices)")
    }

    /// Second review of issue 15: after `quit --stop` stopped every session, the station
    /// starts no new one before it is gone — a remote start is Rejected, a card starts
    /// nothing — so that quitting leaves no transaction open.
    @Test func afterQuitStop_noNewTransactionStarts() throws {
        var station = try Self.charging()
        station.command(.stopAllTransactions)
        let remote = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 2, idTag: "TAG1"))
        #expect(remote?.status == .rejected)
        station.plugAndSwipe(idTag: "TAG2", connector: 2)
        station.advance(seconds: 5)
        #expect(station.csms.calls(.startTransaction).count == 1, "\(station.notices)")
        #expect(station.notices.contains { $0.contains("the station is quitting (quit --stop)") })
    }

    @Test func theStopButton_saysTheTransactionStopped_andTheEnergy() throws {
        var station = try Self.charging()
        station.command(.stop(connector: 1))
        let notice = try #require(Self.stopNotice(station, .local), "\(station.notices)")
        #expect(notice.hasSuffix(" kWh") && !notice.hasSuffix(" 0.00 kWh"))
    }

    @Test func theSameCard_saysTheTransactionStopped() throws {
        var station = try Self.charging()
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(Self.stopNotice(station, .local) != nil, "\(station.notices)")
    }

    @Test func unpluggingMidSession_saysItStoppedWithEVDisconnected() throws {
        var station = try Self.charging()
        station.command(.unplug(connector: 1))
        #expect(Self.stopNotice(station, .evDisconnected) != nil, "\(station.notices)")
    }

    @Test func unpluggingMidSession_whereTheTransactionGoesOn_saysSo() throws {
        var station = try Self.charging(["StopTransactionOnEVSideDisconnect": "false"])
        station.command(.unplug(connector: 1))
        #expect(
            station.notices.contains {
                $0 == "connector 1: the transaction goes on without the EV (StopTransactionOnEVSideDisconnect false)"
            }, "\(station.notices)")
    }

    @Test func faults_raisedAndCleared_saySoAndWhatTheyDo() throws {
        var station = try StationHarness.booted()
        station.command(.fault(connector: 1, code: .groundFailure, info: "RCD tripped"))
        station.command(.clear(connector: 1))
        station.command(.fault(connector: 2, code: .weakSignal, info: nil))
        station.command(.fault(connector: 0, code: .otherError, info: nil))
        station.command(.clear(connector: 0))
        for expected in [
            "connector 1: GroundFailure (RCD tripped) raised: Faulted, no charging until 'clear 1'",
            "connector 1: GroundFailure cleared",
            "connector 2: WeakSignal raised: a warning, it keeps working until 'clear 2'",
            "station: OtherError raised on connector 0; 'clear 0' clears it",
            "station: OtherError cleared",
        ] {
            #expect(station.notices.contains(expected), "\(expected) not in \(station.notices)")
        }
    }

    /// `ev power 1 500` on a 22 kW connector: the cap, and to what, come first.
    @Test func evPowerAboveTheRating_saysItWasCappedAndToWhat() throws {
        var station = try Self.charging()
        station.command(.evPower(connector: 1, kilowatts: 500))
        let notice = try #require(station.notices.last)
        #expect(
            notice.hasPrefix("connector 1: EV max 500.0 kW capped to 22.0 kW by the connector's rating"), "\(notice)")
    }
}
