import ChargePoint
import Testing

@testable import ChargePoint

/// AttemptedReplayAttacks (security whitepaper §8): a CALL whose message id the central
/// system already used on this connection (OCPP-J 1.6 §4.1.4).
@Suite("AttemptedReplayAttacks (whitepaper §8, OCPP-J §4.1.4)")
struct ReplayedCallTests {
    /// A TriggerMessage for a Heartbeat: each one carried out sends a Heartbeat.
    static let trigger = #"[2,"r-1","TriggerMessage",{"requestedMessage":"Heartbeat"}]"#

    /// The station's answers to message id `id`, as frame kinds and error codes.
    static func answers(_ station: StationHarness, _ id: String) -> [String] {
        station.sent.compactMap { text in
            switch Frame.parse(text) {
            case .success(.callResult(let result)) where result.messageId == id: "result"
            case .success(.callError(let error)) where error.messageId == id: error.code.rawValue
            default: nil
            }
        }
    }

    static func replays(_ station: StationHarness) -> Int {
        station.store.securityLog.filter { $0.kind == .attemptedReplayAttacks }.count
    }

    @Test("§8 AttemptedReplayAttacks: a CALL whose id was used on this connection is refused and not carried out again")
    func replayedCall_isRefusedAndNotCarriedOut() throws {
        var station = try SecurityEventTests.station()
        let heartbeats = station.sentCalls(.heartbeat).count
        station.receive(Self.trigger)
        station.receive(Self.trigger)
        station.receive(Self.trigger)
        #expect(Self.answers(station, "r-1") == ["result", "SecurityError", "SecurityError"])
        #expect(station.sentCalls(.heartbeat).count == heartbeats + 1, "carried out once")
        #expect(Self.replays(station) == 1, "one event per connection")
        #expect(SecurityEventTests.notified(station).contains("AttemptedReplayAttacks"))
        #expect(station.errors.contains { $0.contains("r-1") }, "\(station.errors)")
    }

    @Test("§8: the same id after a reconnection is a resend, not a replay: carried out")
    func resendAfterReconnection_isCarriedOut() throws {
        var station = try SecurityEventTests.station()
        station.receive(Self.trigger)
        station.dropLink()
        station.restoreNetwork()
        station.advance(seconds: 5)
        #expect(station.core.isOnline)
        station.receive(Self.trigger)
        #expect(Self.answers(station, "r-1") == ["result", "result"])
        #expect(Self.replays(station) == 0)
    }

    @Test("OCPP-J §4.1.4: ids are remembered per connection, the last 256")
    func memory_isBounded() throws {
        var station = try SecurityEventTests.station()
        station.receive(Self.trigger)
        for n in 0..<256 {
            station.receive(#"[2,"other-\#(n)","TriggerMessage",{"requestedMessage":"Heartbeat"}]"#)
        }
        station.receive(Self.trigger)
        #expect(Self.answers(station, "r-1") == ["result", "result"], "forgotten after 256 others")
        #expect(Self.replays(station) == 0)
        station.receive(#"[2,"other-255","TriggerMessage",{"requestedMessage":"Heartbeat"}]"#)
        #expect(Self.answers(station, "other-255") == ["result", "SecurityError"], "the last 256 are remembered")
    }
}
