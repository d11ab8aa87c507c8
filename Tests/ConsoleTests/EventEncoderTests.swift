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

    /// `certs`: every root with its use, names, validity, fingerprint and fallback mark;
    /// the charge point certificate in use; a notBefore the store did not keep is null.
    @Test func certificatesEvent_hasTheDocumentedMembers() {
        let until = Timestamp(millisecondsSince1970: 1_900_000_000_000)
        let report = CertificateReport(
            roots: [
                CertificateReport.Root(
                    use: .centralSystemRootCertificate, subject: "CN=Root-2", issuer: "CN=Root-1", notBefore: time,
                    notAfter: until, fingerprint: "ab12", fallback: false),
                CertificateReport.Root(
                    use: .centralSystemRootCertificate, subject: "CN=Root-1", issuer: "CN=Root-1", notBefore: nil,
                    notAfter: until, fingerprint: "cd34", fallback: true),
            ],
            ownCertificate: CertificateReport.OwnCertificate(subject: "CN=CP-1", notBefore: time, notAfter: until))
        #expect(
            EventEncoder.line(.certificates(report), at: time)
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"certificates","certificates":["#
                + #"{"use":"CentralSystemRootCertificate","subject":"CN=Root-2","issuer":"CN=Root-1","#
                + #""notBefore":"2026-11-18T11:06:40.123Z","notAfter":"2030-03-17T17:46:40.000Z","sha256":"ab12","fallback":false},"#
                + #"{"use":"CentralSystemRootCertificate","subject":"CN=Root-1","issuer":"CN=Root-1","#
                + #""notBefore":null,"notAfter":"2030-03-17T17:46:40.000Z","sha256":"cd34","fallback":true}],"#
                + #""chargePointCertificate":{"subject":"CN=CP-1","notBefore":"2026-11-18T11:06:40.123Z","#
                + #""notAfter":"2030-03-17T17:46:40.000Z","provisioned":false}}"#)
    }

    @Test func noCertificates_isAnEmptyListAndNull() {
        let line = EventEncoder.line(.certificates(CertificateReport(roots: [], ownCertificate: nil)), at: time)
        #expect(line.hasSuffix(#""type":"certificates","certificates":[],"chargePointCertificate":null}"#))
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
        #expect(line.hasSuffix(#""type":"meter","connector":1,"energyWh":1234.6,"powerW":7400.0,"sampledValue":[]}"#))
    }

    /// Issue 13 §5: every sampled measurand, as MeterValues carries it.
    @Test func meterEvent_carriesEverySampledMeasurand() {
        let readings = [
            SampledValue(value: "1234", measurand: .energyActiveImportRegister, unit: .wattHours),
            SampledValue(value: "16.0", measurand: .currentImport, phase: .l1, unit: .amperes),
        ]
        let line = EventEncoder.line(.meter(connector: 1, energyWh: 1234, powerW: 0, readings: readings), at: time)
        #expect(
            line.hasSuffix(
                #""sampledValue":[{"value":"1234","measurand":"Energy.Active.Import.Register","unit":"Wh"},"#
                    + #"{"value":"16.0","measurand":"Current.Import","phase":"L1","unit":"A"}]}"#), "\(line)")
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
