@testable import ChargePoint
import Testing

@testable import Console

/// The headless event lines of DESIGN.md "Headless events", member for member.
@Suite("Headless events")
struct EventEncoderTests {
    let time = Timestamp(millisecondsSince1970: 1_795_000_000_123)

    @Test func transactionEvent_hasTheDocumentedMembers() {
        let event = StationEvent.transaction(
            TransactionEvent(kind: .stopped, connector: 1, transactionId: 42, idTag: "04A1", reason: .evDisconnected))
        #expect(
            EventEncoder.line(event, at: time)
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"transaction","connector":1,"event":"stopped","transactionId":42,"idTag":"04A1","reason":"EVDisconnected"}"#
        )
    }

    @Test func transferEvents_areTypedByPurpose_withTheirProgress() {
        var state = TransferState(
            purpose: .firmware, status: "Downloading", fileName: "fw-2.0.bin", bytes: 512, total: 1024, attempt: 1,
            attempts: 3)
        #expect(
            EventEncoder.line(.transfer(state), at: time)
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"firmware","status":"Downloading","file":"fw-2.0.bin","bytes":512,"total":1024,"attempt":1,"attempts":3}"#
        )
        state.purpose = .diagnostics
        state.total = nil
        state.detail = "HTTP 500"
        #expect(
            EventEncoder.line(.transfer(state), at: time).hasSuffix(
                #""type":"diagnostics","status":"Downloading","file":"fw-2.0.bin","bytes":512,"attempt":1,"attempts":3,"detail":"HTTP 500"}"#
            ))
    }

    @Test func pendingTransactionId_isNull() {
        let event = StationEvent.transaction(
            TransactionEvent(kind: .started, connector: 2, transactionId: nil, idTag: "X"))
        #expect(EventEncoder.line(event, at: time).contains(#""transactionId":null"#))
    }

    @Test func frame_isCarriedVerbatim() {
        let raw = #"[2,"a\"b","Heartbeat",{}]"#
        let line = EventEncoder.line(.frame(FrameEvent.parsed(.outgoing, raw)), at: time)
        #expect(
            line
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"frame","dir":"out","raw":"[2,\"a\\\"b\",\"Heartbeat\",{}]"}"#
        )
    }

    @Test func meterEvent_roundsToATenth() {
        let line = EventEncoder.line(.meter(connector: 1, energyWh: 1234.5678, powerW: 7399.96), at: time)
        #expect(line.hasSuffix(#""type":"meter","connector":1,"energyWh":1234.6,"powerW":7400.0}"#))
    }

    @Test func writeOnlyKey_isMasked_evenIfAValueSlipsThrough() {
        let entry = ConfigurationEntry(
            key: "AuthorizationKey", value: "top-secret-value-1234", access: .writeOnly, profile: .security,
            summary: "", isKnown: true)
        let line = EventEncoder.line(.configuration([entry]), at: time)
        #expect(!line.contains("top-secret"))
        #expect(line.contains(#""value":"********""#))
    }

    @Test func droppedEvent_carriesTheCountOfLostEvents() {
        #expect(
            EventEncoder.droppedLine(count: 42, at: time)
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"dropped","count":42}"#)
    }
}
