import ChargePoint
import DemoCentralSystem
import Testing

/// The review of issue 14 (README "The demo central system's commands"): `remote-stop`
/// never stops another connector's car, transaction ids keep increasing across restarts
/// and resumed transactions are learned, idTags are case-insensitive, only the uploads
/// the demo asked for are taken, the showcase clears its own limit alone, and the answer
/// names the station that gave it.
@Suite("Demo central system, reviewed")
struct DemoCentralSystemReviewTests {
    typealias Base = DemoCentralSystemTests
    static let now = Base.now

    /// A StatusNotification from CP1: how the demo learns the station's connectors.
    static func status(_ demo: inout DemoCentralSystem, connector: Int) {
        _ = demo.receive(
            #"[2,"n\#(connector)","StatusNotification",{"connectorId":\#(connector),"errorCode":"NoError","status":"Available"}]"#,
            from: "CP1", at: now)
    }

    static func meterValues(_ demo: inout DemoCentralSystem, connector: Int, transaction: Int) {
        _ = demo.receive(
            #"[2,"m","MeterValues",{"connectorId":\#(connector),"transactionId":\#(transaction),"meterValue":[{"timestamp":"2026-09-21T10:01:00Z","sampledValue":[{"value":"250"}]}]}]"#,
            from: "CP1", at: now)
    }

    /// The status an Authorize of `idTag` gets.
    static func authorize(_ demo: inout DemoCentralSystem, _ idTag: String) -> String? {
        let outputs = demo.receive(#"[2,"a","Authorize",{"idTag":"\#(idTag)"}]"#, from: "CP1", at: now)
        guard case .send(let text)? = outputs.first, case .success(.callResult(let result)) = Frame.parse(text) else {
            return nil
        }
        return result.payload["idTagInfo"]?["status"]?.stringValue
    }

    /// OCPP 1.6 §5.12: transaction 1 runs on connector 2 and connector 1 is idle;
    /// `remote-stop 1` names connector 1 and stops nothing, never connector 2's car.
    @Test func remoteStop_ofAnIdleConnector_isRefused_5_12() throws {
        var demo = Base.demo()
        Self.status(&demo, connector: 1)
        Self.status(&demo, connector: 2)
        let transaction = try Base.start(&demo, connector: 2)
        #expect(transaction == 1)
        #expect(throws: CentralSystemRefusal("no transaction runs on connector 1")) {
            try demo.call(.remoteStop(connectorOrTransaction: 1), to: "CP1", at: Self.now)
        }
        let byConnector = try Base.call(
            try demo.call(.remoteStop(connectorOrTransaction: 2), to: "CP1", at: Self.now).frame)
        #expect(byConnector.payload == ["transactionId": .number(JSONNumber(transaction))])
        // Any number that is no connector is a transaction id.
        let byId = try Base.call(try demo.call(.remoteStop(connectorOrTransaction: 77), to: "CP1", at: Self.now).frame)
        #expect(byId.payload == ["transactionId": 77])
    }

    /// §4.8, issue 14 §4: ids start from the wall clock (nothing stored), so a console
    /// started later numbers above an earlier one.
    @Test func transactionIds_increaseAcrossRestarts_4_8() throws {
        let first = DemoCentralSystem.firstTransactionId(at: Self.now)
        let later = DemoCentralSystem.firstTransactionId(at: Self.now.adding(seconds: 60))
        #expect(first > 1 && later == first + 60 && later <= Int(Int32.max))
        var demo = DemoCentralSystem(cards: Base.cards, firstTransactionId: first)
        #expect(try Base.start(&demo, connector: 1) == first)
        #expect(try Base.start(&demo, connector: 2) == first + 1)
    }

    /// §4.7, §5.16, §4.10: a transaction resumed after a restart is learned from the
    /// MeterValues naming it — `limit` is then its TxProfile, `remote-stop` stops it —
    /// and StopTransaction ends it.
    @Test func aResumedTransaction_isLearnedFromMeterValues_4_7() throws {
        var demo = DemoCentralSystem(cards: Base.cards, firstTransactionId: 500)
        Self.meterValues(&demo, connector: 1, transaction: 321)
        #expect(demo.records.running(on: 1, of: "CP1") == 321)
        let limit = try Base.call(
            try demo.call(.limit(connector: 1, PowerOrCurrent(7, .watts), seconds: nil), to: "CP1", at: Self.now).frame)
        #expect(limit.payload["csChargingProfiles"]?["chargingProfilePurpose"] == "TxProfile")
        #expect(limit.payload["csChargingProfiles"]?["transactionId"] == 321)
        let stop = try Base.call(try demo.call(.remoteStop(connectorOrTransaction: 1), to: "CP1", at: Self.now).frame)
        #expect(stop.payload == ["transactionId": 321])
        _ = demo.receive(
            #"[2,"e","StopTransaction",{"meterStop":900,"timestamp":"2026-09-21T10:02:00Z","transactionId":321}]"#,
            from: "CP1", at: Self.now)
        #expect(demo.records.running(on: 1, of: "CP1") == nil)
        #expect(demo.records.transactions[321]?.meterStop == 900)
        // A learned id above its own counter: the next one is higher still.
        Self.meterValues(&demo, connector: 2, transaction: 900)
        #expect(try Base.start(&demo, connector: 1) == 901)
    }

    /// §7.18, §7.28: idTags are CiString20; removing `-NEWTAG01` removes `newtag01`.
    @Test func localListRemoval_isCaseInsensitive_7_18() throws {
        var demo = Base.demo()
        let full = try demo.call(.localList(.full, entries: ["newtag01"]), to: "CP1", at: Self.now)
        _ = demo.receive(#"[3,"\#(full.messageId)",{"status":"Accepted"}]"#, from: "CP1", at: Self.now)
        #expect(Self.authorize(&demo, "NEWTAG01") == "Accepted")
        let diff = try demo.call(.localList(.differential, entries: ["-NEWTAG01"]), to: "CP1", at: Self.now)
        _ = demo.receive(#"[3,"\#(diff.messageId)",{"status":"Accepted"}]"#, from: "CP1", at: Self.now)
        #expect(Self.authorize(&demo, "newtag01") == "Invalid")
        #expect(Self.authorize(&demo, "NEWTAG01") == "Invalid")
        #expect(demo.records.localLists["CP1"]?.entries.isEmpty == true)
    }

    /// §5.9: the demo takes only the upload it asked for, named by the station's answer.
    @Test func onlyAnUploadTheDemoAskedFor_isTaken_5_9() throws {
        var demo = Base.demo()
        #expect(!demo.takesUpload(at: "/diagnostics/diagnostics-1.txt"))
        let made = try demo.call(.getDiagnostics, to: "CP1", at: Self.now)
        #expect(demo.takesUpload(at: "/diagnostics/diagnostics-1.txt"))
        #expect(!demo.takesUpload(at: "/diagnostics/"))
        _ = demo.receive(#"[3,"\#(made.messageId)",{"fileName":"diagnostics-1.txt"}]"#, from: "CP1", at: Self.now)
        #expect(demo.takesUpload(at: "/diagnostics/diagnostics-1.txt"))
        #expect(!demo.takesUpload(at: "/diagnostics/other.txt"))
        var files = demo.files
        _ = files.uploaded(at: "/diagnostics/diagnostics-1.txt", bytes: 10)
        #expect(files.announced.isEmpty)
        #expect(DemoFiles.uploadLimit == 64 * 1024 * 1024)
        // Another location: nothing to take.
        var other = Base.demo()
        _ = try other.call(
            .send(action: "GetDiagnostics", payload: #"{"location":"ftp://example.com/"}"#), to: "CP1", at: Self.now)
        #expect(!other.takesUpload(at: "/diagnostics/diagnostics-1.txt"))
    }

    /// §5.5: the showcase's station limit is its own profile (stack level 1), and it
    /// clears that profile alone, by id — limits the operator set stay.
    @Test func theShowcase_clearsItsOwnProfileOnly_5_5() throws {
        var demo = Base.demo()
        _ = try demo.call(.stationLimit(kilowatts: 11), to: "CP1", at: Self.now)
        let limit = demo.showcaseLimit(kilowatts: 3.7, station: "CP1", at: Self.now)
        let set = try Base.call(try #require(limit).frame)
        let profile = set.payload["csChargingProfiles"]
        #expect(profile?["chargingProfilePurpose"] == "ChargePointMaxProfile" && profile?["stackLevel"] == 1)
        let id = try #require(profile?["chargingProfileId"]?.intValue)
        let cleared = demo.clearShowcaseLimit(station: "CP1", at: Self.now)
        let clear = try Base.call(try #require(cleared).frame)
        #expect(clear.action == "ClearChargingProfile" && clear.payload == ["id": .number(JSONNumber(id))])
        #expect(demo.clearShowcaseLimit(station: "CP1", at: Self.now) == nil)
    }

    /// Issue 14: a command for no station in particular goes to the console's own station
    /// while connected, else to the first that joined; the answer names the station.
    @Test func theConsolesOwnStation_isPreferred_andNamed() {
        let connections = [(key: "a", station: "CP-2", number: 1), (key: "b", station: "CP-1", number: 2)]
        #expect(DemoServer.recipient(of: connections, asked: nil, own: "CP-1") == "b")
        #expect(DemoServer.recipient(of: connections, asked: nil, own: "CP-9") == "a")
        #expect(DemoServer.recipient(of: connections, asked: "CP-2", own: "CP-1") == "a")
        #expect(DemoServer.recipient(of: connections, asked: "CP-3", own: nil) == nil)
        let answer = CentralSystemAnswer.from(station: "CP-2", .result(.reset, ["status": "Accepted"]))
        #expect(answer.summary == #"CP-2 answered Reset {"status":"Accepted"}"#)
        #expect(answer.payload == ["status": "Accepted"] && answer.error == nil)
        let failed = CentralSystemAnswer.from(station: "CP-2", .notSent("no transaction runs on connector 1"))
        #expect(failed.error == "CP-2: no transaction runs on connector 1" && failed.summary == failed.error)
    }
}
