import ChargePoint
import DemoCentralSystem
import Testing

/// The demo central system as a state machine (issue 14): text and time in, outputs out.
/// Every CALL it builds is checked against the official request schema; its answers to
/// the station, its records and its matching of answers are checked input by input.
@Suite("Demo central system")
struct DemoCentralSystemTests {
    static let now = Timestamp(millisecondsSince1970: 1_790_000_000_000)
    static let cards = [
        DemoCard(idTag: "04A1B2C3D4E5F6", label: "Alice", status: .accepted),
        DemoCard(idTag: "04DEADBEEF0001", label: "Mallory", status: .blocked),
    ]

    static func demo() -> DemoCentralSystem {
        DemoCentralSystem(cards: cards, fileServer: "http://127.0.0.1:8080")
    }

    /// The CALL frame's action and payload.
    static func call(_ text: String) throws -> (id: String, action: String, payload: JSONValue) {
        guard case .success(.call(let call)) = Frame.parse(text) else { throw Unexpected(text) }
        return (call.messageId, call.action, call.payload)
    }

    static func number(_ value: JSONValue?) -> Double? {
        guard case .number(let number)? = value else { return nil }
        return number.doubleValue
    }

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The station starts a transaction on `connector`: the id the demo gave.
    static func start(_ demo: inout DemoCentralSystem, connector: Int, idTag: String = "04A1B2C3D4E5F6") throws -> Int {
        let outputs = demo.receive(
            #"[2,"s\#(connector)","StartTransaction",{"connectorId":\#(connector),"idTag":"\#(idTag)","meterStart":100,"timestamp":"2026-09-21T10:00:00Z"}]"#,
            from: "CP1", at: now)
        guard case .send(let text)? = outputs.first, case .success(.callResult(let result)) = Frame.parse(text),
            let id = result.payload["transactionId"]?.intValue
        else { throw Unexpected("\(outputs)") }
        return id
    }

    static let everyCommand: [CentralSystemCommand] = [
        .reset(.soft), .availability(connector: 0, .inoperative), .unlock(connector: 1),
        .getConfiguration(keys: []), .getConfiguration(keys: ["HeartbeatInterval"]),
        .setConfiguration(key: "HeartbeatInterval", value: "60"), .clearCache, .trigger(.meterValues, connector: 1),
        .remoteStart(idTag: "04A1B2C3D4E5F6", connector: 1, limit: PowerOrCurrent(7.4, .watts)),
        .remoteStart(idTag: "04A1B2C3D4E5F6", connector: nil, limit: nil), .remoteStop(connectorOrTransaction: 1),
        .limit(connector: 1, PowerOrCurrent(16, .amperes), seconds: 600),
        .limit(connector: 2, PowerOrCurrent(11, .watts), seconds: nil),
        .stationLimit(kilowatts: 22), .clearLimits, .composite(connector: 1, seconds: 3600),
        .reserve(connector: 2, idTag: "04A1B2C3D4E5F6", seconds: 600), .cancelReservation(id: 1),
        .localList(.full, entries: []), .localList(.differential, entries: ["A", "B:Blocked", "-C"]),
        .dataTransfer(vendorId: "com.example", messageId: "Ping", data: "hello"), .updateFirmware(version: "2.0.1"),
        .getDiagnostics, .send(action: "getlocallistversion", payload: "{}"),
    ]

    @Test func everyCommand_makesACallValidAgainstItsSchema() throws {
        var demo = Self.demo()
        _ = try Self.start(&demo, connector: 1)
        for command in Self.everyCommand {
            let made = try demo.call(command, to: "CP1", at: Self.now)
            let (id, action, payload) = try Self.call(made.frame)
            #expect(id == made.messageId)
            #expect(command.action?.rawValue == action)
            let schema = try OfficialSchemas.request(try #require(Action(rawValue: action)))
            #expect(SchemaValidator.validate(payload, against: schema) == [], "\(command): \(made.frame)")
        }
    }

    /// OCPP 1.6 §5.12: `remote-stop <c>` names the transaction running there; the
    /// central system numbers transactions upwards (§4.8).
    @Test func remoteStop_ofAConnector_namesItsRunningTransaction() throws {
        var demo = Self.demo()
        let first = try Self.start(&demo, connector: 1)
        let second = try Self.start(&demo, connector: 2)
        #expect(second > first)
        let stop = try Self.call(try demo.call(.remoteStop(connectorOrTransaction: 2), to: "CP1", at: Self.now).frame)
        #expect(stop.payload == ["transactionId": .number(JSONNumber(second))])
        // A number that is no connector with a transaction is a transaction id.
        let byId = try Self.call(try demo.call(.remoteStop(connectorOrTransaction: 9), to: "CP1", at: Self.now).frame)
        #expect(byId.payload == ["transactionId": 9])
    }

    /// §3.13.2: a limit on a connector with a transaction is a TxProfile for it; without
    /// one, the connector's TxDefaultProfile. kW are sent in W.
    @Test func limit_isATxProfileOnATransaction_elseTxDefault() throws {
        var demo = Self.demo()
        let transaction = try Self.start(&demo, connector: 1)
        let onTransaction = try Self.call(
            try demo.call(.limit(connector: 1, PowerOrCurrent(7.4, .watts), seconds: 60), to: "CP1", at: Self.now).frame
        )
        let profile = onTransaction.payload["csChargingProfiles"]
        #expect(profile?["chargingProfilePurpose"] == "TxProfile")
        #expect(profile?["transactionId"]?.intValue == transaction)
        #expect(profile?["chargingSchedule"]?["duration"] == 60)
        #expect(
            Self.number(profile?["chargingSchedule"]?["chargingSchedulePeriod"]?.arrayValue?.first?["limit"]) == 7400)
        let idle = try Self.call(
            try demo.call(.limit(connector: 2, PowerOrCurrent(16, .amperes), seconds: nil), to: "CP1", at: Self.now)
                .frame)
        #expect(idle.payload["csChargingProfiles"]?["chargingProfilePurpose"] == "TxDefaultProfile")
        #expect(idle.payload["csChargingProfiles"]?["chargingSchedule"]?["chargingRateUnit"] == "A")
        let station = try Self.call(try demo.call(.stationLimit(kilowatts: 11), to: "CP1", at: Self.now).frame)
        #expect(station.payload["connectorId"] == 0)
        #expect(station.payload["csChargingProfiles"]?["chargingProfilePurpose"] == "ChargePointMaxProfile")
    }

    @Test func theStationsAnswer_endsItsCall() throws {
        var demo = Self.demo()
        let made = try demo.call(.reset(.hard), to: "CP1", at: Self.now)
        #expect(demo.hasCallsInFlight)
        let outputs = demo.receive(#"[3,"\#(made.messageId)",{"status":"Accepted"}]"#, from: "CP1", at: Self.now)
        #expect(outputs == [.answered(messageId: made.messageId, .result(.reset, ["status": "Accepted"]))])
        #expect(!demo.hasCallsInFlight)
        // Answered twice: the second matches nothing.
        #expect(demo.receive(#"[3,"\#(made.messageId)",{"status":"Accepted"}]"#, from: "CP1", at: Self.now) == [])
    }

    /// Issue 14 §4: an answer against its response schema fails the command and is shown.
    @Test func anAnswerAgainstItsSchema_isShownAsAnError() throws {
        var demo = Self.demo()
        let made = try demo.call(.unlock(connector: 1), to: "CP1", at: Self.now)
        let outputs = demo.receive(#"[3,"\#(made.messageId)",{"status":"Open"}]"#, from: "CP1", at: Self.now)
        #expect(outputs.count == 2)
        guard case .error(let shown) = outputs.first, case .answered(_, let answer) = outputs.last else {
            Issue.record("\(outputs)")
            return
        }
        #expect(shown.contains("UnlockConnector") && shown.contains("PropertyConstraintViolation"))
        #expect(answer.error?.contains("breaks its schema") == true)
        #expect(answer.payload == ["status": "Open"])
    }

    /// OCPP-J 1.6 §4.2.3 and issue 14 §4: a CALL of the station against its schema is
    /// answered with the violation's CALLERROR, and the operator sees it.
    @Test func aStationCallAgainstItsSchema_isAnsweredCallErrorAndShown() throws {
        var demo = Self.demo()
        let outputs = demo.receive(#"[2,"m1","StatusNotification",{"connectorId":1}]"#, from: "CP1", at: Self.now)
        guard case .error(let shown) = outputs.first, case .send(let text) = outputs.last,
            case .success(.callError(let error)) = Frame.parse(text)
        else {
            Issue.record("\(outputs)")
            return
        }
        #expect(shown.contains("StatusNotification") && shown.contains("OccurenceConstraintViolation"))
        #expect(error.messageId == "m1" && error.code == .occurenceConstraintViolation)
    }

    @Test func aCallError_noAnswer_orADisconnection_endTheCall() throws {
        var demo = Self.demo()
        let refused = try demo.call(.clearCache, to: "CP1", at: Self.now)
        #expect(
            demo.receive(#"[4,"\#(refused.messageId)","NotSupported","no cache",{}]"#, from: "CP1", at: Self.now) == [
                .answered(
                    messageId: refused.messageId, .callError(.clearCache, code: .notSupported, description: "no cache"))
            ])
        let silent = try demo.call(.clearCache, to: "CP1", at: Self.now)
        #expect(demo.expire(at: Self.now.adding(milliseconds: DemoCentralSystem.answerTimeout - 1)) == [])
        #expect(
            demo.expire(at: Self.now.adding(milliseconds: DemoCentralSystem.answerTimeout)) == [
                .answered(messageId: silent.messageId, .noAnswer(.clearCache, why: "no answer within 30 s"))
            ])
        let lost = try demo.call(.clearCache, to: "CP2", at: Self.now)
        #expect(demo.disconnected("CP1") == [])
        #expect(
            demo.disconnected("CP2") == [
                .answered(
                    messageId: lost.messageId, .noAnswer(.clearCache, why: "the station disconnected before answering"))
            ])
    }

    /// §5.15: the list the station accepted is the central system's too — versions count
    /// up, its idTags are authorized as listed (the demo cards first).
    @Test func anAcceptedLocalList_authorizesItsIdTags() throws {
        var demo = Self.demo()
        let made = try demo.call(
            .localList(.full, entries: ["CAFE0001:Blocked", "CAFE0002", "04DEADBEEF0001"]), to: "CP1", at: Self.now)
        let sent = try Self.call(made.frame)
        #expect(sent.payload["listVersion"] == 1)
        // A demo card goes with its own status.
        #expect(sent.payload["localAuthorizationList"]?.arrayValue?.last?["idTagInfo"]?["status"] == "Blocked")
        _ = demo.receive(#"[3,"\#(made.messageId)",{"status":"Accepted"}]"#, from: "CP1", at: Self.now)
        #expect(demo.records.localLists["CP1"]?.version == 1)
        func authorize(_ idTag: String) -> String? {
            let outputs = demo.receive(#"[2,"a","Authorize",{"idTag":"\#(idTag)"}]"#, from: "CP1", at: Self.now)
            guard case .send(let text)? = outputs.first, case .success(.callResult(let result)) = Frame.parse(text)
            else {
                return nil
            }
            return result.payload["idTagInfo"]?["status"]?.stringValue
        }
        #expect(authorize("cafe0001") == "Blocked")
        #expect(authorize("CAFE0002") == "Accepted")
        #expect(authorize("04A1B2C3D4E5F6") == "Accepted")
        #expect(authorize("UNKNOWN") == "Invalid")
        let next = try Self.call(
            try demo.call(.localList(.differential, entries: ["-CAFE0001"]), to: "CP1", at: Self.now).frame)
        #expect(next.payload["listVersion"] == 2)
        #expect(next.payload["localAuthorizationList"] == [["idTag": "CAFE0001"]])
        // Refused by the station: nothing changes.
        _ = demo.receive(#"[3,"cs-2",{"status":"Failed"}]"#, from: "CP1", at: Self.now)
        #expect(demo.records.localLists["CP1"]?.entries.count == 3)
    }

    @Test func badEntries_orValues_areRefusedBeforeAnythingIsSent() {
        var demo = Self.demo()
        #expect(throws: CentralSystemRefusal("'-A': only a diff removes an idTag")) {
            try demo.call(.localList(.full, entries: ["-A"]), to: "CP1", at: Self.now)
        }
        #expect(throws: CentralSystemRefusal.self) {
            try demo.call(.localList(.full, entries: ["A:Maybe"]), to: "CP1", at: Self.now)
        }
        #expect(throws: CentralSystemRefusal("idTag is 21 characters, longer than the 20 allowed")) {
            try demo.call(.reserve(connector: 1, idTag: "ABCDEFGHIJKLMNOPQRSTU", seconds: 60), to: "CP1", at: Self.now)
        }
        #expect(throws: CentralSystemRefusal.self) {
            try demo.call(.updateFirmware(version: "../x"), to: "CP1", at: Self.now)
        }
        #expect(throws: CentralSystemRefusal("send: BootNotification is sent by the station, not the central system")) {
            try demo.call(.send(action: "BootNotification", payload: "{}"), to: "CP1", at: Self.now)
        }
        #expect(throws: CentralSystemRefusal.self) {
            try demo.call(.send(action: "Reset", payload: #"{"type":"Warm"}"#), to: "CP1", at: Self.now)
        }
        #expect(!demo.hasCallsInFlight)
    }

    /// Issue 14 §4: transactions and their meter values stay with the central system.
    @Test func transactions_andMeterValues_areKept() throws {
        var demo = Self.demo()
        let id = try Self.start(&demo, connector: 1)
        _ = demo.receive(
            #"[2,"m","MeterValues",{"connectorId":1,"transactionId":\#(id),"meterValue":[{"timestamp":"2026-09-21T10:01:00Z","sampledValue":[{"value":"250"}]}]}]"#,
            from: "CP1", at: Self.now)
        _ = demo.receive(
            #"[2,"e","StopTransaction",{"meterStop":900,"timestamp":"2026-09-21T10:02:00Z","transactionId":\#(id),"reason":"Remote"}]"#,
            from: "CP1", at: Self.now)
        let transaction = try #require(demo.records.transactions[id])
        #expect(transaction.meterStart == 100 && transaction.meterStop == 900 && transaction.reason == "Remote")
        #expect(transaction.meterValues.count == 1)
        #expect(demo.records.lastMeterValues["CP1"]?[1]?.sampledValue.first.value == "250")
        #expect(demo.records.running(on: 1, of: "CP1") == nil)
        // A blocked card starts nothing the central system would count.
        let blocked = try Self.start(&demo, connector: 2, idTag: "04DEADBEEF0001")
        #expect(demo.records.transactions[blocked] == nil && blocked > id)
    }

    /// §5.19 and §5.9 with zero set-up: the demo serves the image it names (one line,
    /// `firmwareVersion=`, README "Firmware and diagnostics") and takes the upload.
    @Test func theFirmwareImage_andTheDiagnosticsUpload_areTheDemosOwn() throws {
        var demo = Self.demo()
        let update = try Self.call(try demo.call(.updateFirmware(version: "2.0.1"), to: "CP1", at: Self.now).frame)
        #expect(update.payload["location"] == "http://127.0.0.1:8080/firmware/2.0.1.bin")
        #expect(demo.files.image(at: "/firmware/2.0.1.bin") == Array("firmwareVersion=2.0.1\n".utf8))
        #expect(demo.files.image(at: "/firmware/9.bin") == nil)
        let diagnostics = try Self.call(try demo.call(.getDiagnostics, to: "CP1", at: Self.now).frame)
        #expect(diagnostics.payload["location"] == "http://127.0.0.1:8080/diagnostics/")
        #expect(demo.takesUpload(at: "/diagnostics/diagnostics-1.txt"))
        #expect(!demo.takesUpload(at: "/diagnostics/"))
        #expect(!demo.takesUpload(at: "/firmware/x.bin"))
    }
}
