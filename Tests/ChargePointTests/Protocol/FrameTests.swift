import ChargePoint
import Testing

@Suite("OCPP-J frames")
struct FrameTests {
    private func parse(_ text: String) -> Result<Frame, FrameRejection> { Frame.parse(text) }

    private func reply(_ text: String) -> Frame.CallError? {
        if case .failure(.reply(let error)) = parse(text) { return error }
        return nil
    }

    /// The error the request of the CALL `text` fails to decode with; nil, with an issue
    /// recorded (`accepted` where the request decodes), where there is none.
    private func requestError(
        _ text: String, accepted: Comment, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Frame.CallError? {
        guard case .call(let call) = try parse(text).get() else {
            Issue.record("not a CALL", sourceLocation: sourceLocation)
            return nil
        }
        guard case .failure(let error) = call.decodeRequest() else {
            Issue.record(accepted, sourceLocation: sourceLocation)
            return nil
        }
        return error
    }

    private func isDropped(_ text: String) -> Bool {
        if case .failure(.drop) = parse(text) { return true }
        return false
    }

    @Test func parsesAndWritesTheThreeMessageTypes() throws {
        let call =
            #"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]"#
        let result = #"[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]"#
        let error = #"[4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{}]"#
        for text in [call, result, error] {
            let frame = try parse(text).get()
            #expect(frame.text == text)
        }
        #expect(try parse(call).get().messageId == "19223201")
    }

    @Test func typedRequestsBecomeCalls() throws {
        let frame = try Frame.call("m1", HeartbeatRequest())
        #expect(frame.text == #"[2,"m1","Heartbeat",{}]"#)
        let result = try Frame.result("m1", HeartbeatResponse(currentTime: Timestamp(millisecondsSince1970: 0)))
        #expect(result.text == #"[3,"m1",{"currentTime":"1970-01-01T00:00:00.000Z"}]"#)
    }

    @Test func aCallWithoutPayloadIsAProtocolError() {
        #expect(reply(#"[2,"a1","Heartbeat"]"#)?.code == .protocolError)
        #expect(reply(#"[2,"a1"]"#)?.code == .protocolError)
        #expect(reply(#"[2,"a1"]"#)?.messageId == "a1")
    }

    @Test func structuralErrorsInACallAreFormationViolations() {
        #expect(reply(#"[2,"a1","Heartbeat",{},{}]"#)?.code == .formationViolation)
        #expect(reply(#"[2,"a1",7,{}]"#)?.code == .formationViolation)
        #expect(reply(#"[9,"a1","Heartbeat",{}]"#)?.code == .formationViolation)
        #expect(reply(#"["2","a1","Heartbeat",{}]"#)?.code == .formationViolation)
        let longId = String(repeating: "x", count: 37)
        #expect(reply("[2,\"\(longId)\",\"Heartbeat\",{}]")?.messageId == longId)
        #expect(reply("[2,\"\(String(repeating: "x", count: 36))\",\"Heartbeat\",{}]") == nil)
    }

    @Test func invalidJSONIsAnsweredWhenTheCallCanBeIdentified() {
        let error = reply(#"[2, "abc-1", "Heartbeat", {"#)
        #expect(error?.code == .formationViolation)
        #expect(error?.messageId == "abc-1")
        #expect(isDropped("not json at all"))
        #expect(isDropped(#"[3,"abc-1",{"#))
    }

    @Test func unanswerableInputIsDropped() {
        #expect(isDropped(#"{"not":"an array"}"#))
        #expect(isDropped(#"[2]"#))
        #expect(isDropped(#"[2,17,"Heartbeat",{}]"#))
        #expect(isDropped(#"[3,"id"]"#))
        #expect(isDropped(#"[3,"id",{},{}]"#))
    }

    @Test func aSloppyCallErrorStillAnswersItsCall() throws {
        guard case .callError(let error) = try parse(#"[4,"m7","InternalError"]"#).get() else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(error.messageId == "m7")
        #expect(error.code == .internalError)
        #expect(error.description == "")
        guard case .callError(let unknown) = try parse(#"[4,"m8",5,"x",[]]"#).get() else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(unknown.code == .genericError)
    }

    @Test func unknownActionsAreNotImplemented() throws {
        guard let error = try requestError(#"[2,"q","SetDisplayMessage",{}]"#, accepted: "accepted an unknown action") else { return }
        #expect(error.code == .notImplemented)
        #expect(error.messageId == "q")
    }

    @Test func payloadViolationsAreAnsweredWithTheirCode() throws {
        guard let error = try requestError(#"[2,"q","Reset",{"type":"Warm"}]"#, accepted: "accepted a bad payload") else { return }
        #expect(error.code == .propertyConstraintViolation)
        #expect(error.description.contains("type"))
        let answer = Frame.callError(error)
        #expect(answer.text.hasPrefix(#"[4,"q","PropertyConstraintViolation","#))
    }

    @Test func theErrorCodesAreSpelledAsOCPPJ16Sends() {
        #expect(
            RPCErrorCode.allDefined.map(\.rawValue) == [
                "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError",
                "FormationViolation",
                "PropertyConstraintViolation", "OccurenceConstraintViolation", "TypeConstraintViolation",
                "GenericError",
            ])
    }
}
