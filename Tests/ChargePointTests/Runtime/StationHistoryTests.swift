import Testing

@testable import ChargePoint
@testable import ChargePointRuntime

/// What a diagnostics file holds of the past is bounded; a fleet (issue 15) bounds it
/// tighter, so that a soak of thousands of stations does not grow by gigabytes.
@Suite("Station history")
struct StationHistoryTests {
    @Test func keepsTheLastFramesUpToItsCapacity() {
        let history = StationHistory(frameCapacity: 3)
        let frames = (1...5).map { number in
            StationEvent.frame(
                FrameEvent(
                    direction: .outgoing, text: "[2,\"\(number)\",\"Heartbeat\",{}]", kind: .call,
                    messageId: "\(number)", action: "Heartbeat", time: Timestamp(millisecondsSince1970: 0)))
        }
        history.record(frames, at: Timestamp(millisecondsSince1970: 0))
        #expect(history.frames.map(\.messageId) == ["3", "4", "5"])
    }

    @Test func oneStationKeepsTwentyThousandFrames_aFleetStationOneThousand() {
        #expect(StationRunner.Configuration.oneStationHistory == 20_000)
        #expect(StationRunner.Configuration.fleetStationHistory == 1_000)
    }
}
