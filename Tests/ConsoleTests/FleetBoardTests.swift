import ChargePoint
import Testing

@testable import Console
@testable import ConsoleScreen

/// Issue 15 §4: what the fleet view's board does with the stations' events on the hub's
/// thread — each station's line changed in place, the notices and errors of stations not
/// being viewed named by their identity for the fleet's feedback (bounded), and nothing
/// in the screen's inbox until a station is opened.
@Suite("Fleet board")
struct FleetBoardTests {
    @Test func otherStationsNotices_goToTheFleetsFeedback_namedAndBounded() {
        let inbox = EventInbox()
        let board = FleetBoard(identities: ["CP-2", "CP-1"], connectors: 2, inbox: inbox)
        board.publish(
            [
                .notice("connector 1: EV plugged in"),
                .connector(id: 1, status: .preparing, errorCode: .noError, info: nil),
            ], station: 1)
        let (changed, feedback) = board.take()
        #expect(changed)
        #expect(feedback == [.notice("CP-1: connector 1: EV plugged in")])
        #expect(inbox.take().events.isEmpty)
        board.read { rows, counts in
            #expect(rows.rows[1].connectors[0].status == .preparing)
            #expect(rows.matching("prep") == [1])
            #expect(counts.stations == 2 && counts.connected == 0)
        }
        #expect(board.take().changed == false)
        for number in 0..<600 { board.publish([.error("e\(number)")], station: 0) }
        let kept = board.take().feedback
        #expect(kept.count == FleetBoard.feedbackCapacity)
        #expect(kept.last == .error("CP-2: e599"))
    }
}
