import Testing

@testable import ChargePoint

/// Random and mutated frames thrown at the frame and payload layers: nothing may crash,
/// and every input must end in exactly one of the documented outcomes.
@Suite("Frame fuzzing")
struct FrameFuzzTests {
    enum Outcome {
        case request(any OCPPRequest)
        case response(Frame)
        case reply(Frame.CallError)
        case drop(String)
    }

    /// What the station's receive path does with one text message.
    static func receive(_ text: String) -> Outcome {
        switch Frame.parse(text) {
        case .failure(.reply(let error)): return .reply(error)
        case .failure(.drop(let reason)): return .drop(reason)
        case .success(.call(let call)):
            switch call.decodeRequest() {
            case .success(let request): return .request(request)
            case .failure(let error): return .reply(error)
            }
        case .success(let frame): return .response(frame)
        }
    }

    static let seeds: [String] = [
        #"[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#,
        #"[2,"2","RemoteStartTransaction",{"connectorId":1,"idTag":"TAG1","chargingProfile":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.1}]}}}]"#,
        #"[2,"3","ChangeConfiguration",{"key":"HeartbeatInterval","value":"60"}]"#,
        #"[2,"4","GetConfiguration",{"key":["HeartbeatInterval","Unknown"]}]"#,
        #"[2,"5","SendLocalList",{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}]}]"#,
        #"[3,"6",{"status":"Accepted","currentTime":"2026-11-24T15:32:53.120Z","interval":30}]"#,
        #"[4,"7","GenericError","x",{}]"#,
        #"[2,"8","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T15:32:53Z","sampledValue":[{"value":"1"}]}]}]"#,
    ]

    static let alphabet: [Character] = Array("[]{}\",:0123456789.-eE+ \\/abcnrtuxTZ\u{00}\u{1F}ä😀")

    @Test func randomAndMutatedInputsNeverCrashAndAlwaysEndInAnOutcome() {
        var random = SplitMix(seed: 0x0CC9_1600)
        var counts = (request: 0, response: 0, reply: 0, drop: 0)
        for iteration in 0..<30_000 {
            let text: String
            if iteration % 5 == 0 {
                text = String(
                    (0..<Int(random.next() % 64)).map { _ in
                        Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                    })
            } else {
                var characters = Array(Self.seeds[Int(random.next() % UInt64(Self.seeds.count))])
                for _ in 0..<(1 + random.next() % 4) {
                    let position = Int(random.next() % UInt64(characters.count + 1))
                    switch random.next() % 3 {
                    case 0 where position < characters.count: characters.remove(at: position)
                    case 1:
                        characters.insert(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))], at: position)
                    default:
                        if position < characters.count {
                            characters[position] = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                        }
                    }
                }
                text = String(characters)
            }
            switch Self.receive(text) {
            case .request: counts.request += 1
            case .response: counts.response += 1
            case .reply(let error):
                counts.reply += 1
                #expect(!error.messageId.isEmpty || text.contains(#""""#), "reply without id for \(text)")
                // The answer itself must be a well-formed frame.
                #expect((try? JSONParser.parse(Frame.callError(error).text)) != nil)
            case .drop: counts.drop += 1
            }
        }
        // The mutations must reach every outcome, or the test is not exercising much.
        #expect(counts.request > 100 && counts.response > 100 && counts.reply > 1000 && counts.drop > 1000)
    }
}
