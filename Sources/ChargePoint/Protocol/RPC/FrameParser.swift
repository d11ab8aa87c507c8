/// What became of a text that did not parse as a valid frame.
///
/// OCPP-J 1.6 does not say how to answer a frame that cannot be read. The rule here is
/// the one a central system can rely on: whenever the text identifies a CALL and its
/// message id, the station answers with a CALLERROR carrying that id; a broken
/// CALLRESULT or CALLERROR, or text with no recognisable id, cannot be answered and is
/// dropped (and reported to the operator).
///
/// | input                                              | outcome                           |
/// |----------------------------------------------------|-----------------------------------|
/// | not JSON, but starts like `[2,"id"`                | CALLERROR FormationViolation      |
/// | not JSON otherwise, not an array, no string id     | dropped                           |
/// | message id longer than 36 characters (CALL)        | CALLERROR FormationViolation      |
/// | message type other than 2, 3, 4                    | CALLERROR FormationViolation      |
/// | CALL with fewer than 4 elements                    | CALLERROR ProtocolError           |
/// | CALL with more than 4 elements, action not string  | CALLERROR FormationViolation      |
/// | CALLRESULT / CALLERROR malformed                   | dropped                           |
public enum FrameRejection: Error, Sendable, Equatable {
    /// Send this CALLERROR back.
    case reply(Frame.CallError)
    /// Nothing can be answered; the reason is for the operator.
    case drop(reason: String)
}

extension Frame {
    /// Reads one WebSocket text message as an OCPP-J frame.
    public static func parse(_ text: String) -> Result<Frame, FrameRejection> {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            if let messageId = salvageCallMessageId(text) {
                return .failure(
                    .reply(CallError(messageId: messageId, code: .formationViolation, description: "\(error)")))
            }
            return .failure(.drop(reason: "\(error)"))
        }
        guard case .array(let elements) = json else {
            return .failure(.drop(reason: "a frame must be a JSON array, found \(json.typeName)"))
        }
        guard elements.count >= 2, case .string(let messageId) = elements[1] else {
            return .failure(.drop(reason: "a frame must start with a message type and a message id string"))
        }
        guard let type = elements[0].intValue else {
            return .failure(reply(messageId, .formationViolation, "the message type must be an integer"))
        }
        switch type {
        case 2: return parseCall(elements, messageId)
        case 3: return parseCallResult(elements, messageId)
        case 4: return parseCallError(elements, messageId)
        default: return .failure(reply(messageId, .formationViolation, "unknown message type \(type)"))
        }
    }

    private static func reply(_ messageId: String, _ code: RPCErrorCode, _ description: String) -> FrameRejection {
        .reply(CallError(messageId: messageId, code: code, description: description))
    }

    private static func parseCall(_ elements: [JSONValue], _ messageId: String) -> Result<Frame, FrameRejection> {
        guard messageId.count <= maximumMessageIdLength else {
            return .failure(
                reply(messageId, .formationViolation, "message id longer than \(maximumMessageIdLength) characters"))
        }
        guard elements.count >= 4 else {
            return .failure(reply(messageId, .protocolError, "a CALL needs a message id, an action and a payload"))
        }
        guard elements.count == 4 else {
            return .failure(reply(messageId, .formationViolation, "a CALL has exactly four elements"))
        }
        guard case .string(let action) = elements[2] else {
            return .failure(reply(messageId, .formationViolation, "the action must be a string"))
        }
        return .success(.call(Call(messageId: messageId, action: action, payload: elements[3])))
    }

    private static func parseCallResult(_ elements: [JSONValue], _ messageId: String) -> Result<Frame, FrameRejection> {
        guard elements.count == 3 else {
            return .failure(.drop(reason: "a CALLRESULT has exactly three elements (message id \(messageId))"))
        }
        return .success(.callResult(CallResult(messageId: messageId, payload: elements[2])))
    }

    /// Lenient on purpose: a CALLERROR whose description or details are missing or of the
    /// wrong type still ends the call it answers (with the code it names, or
    /// GenericError), rather than leaving that call to time out.
    private static func parseCallError(_ elements: [JSONValue], _ messageId: String) -> Result<Frame, FrameRejection> {
        let code = elements.count > 2 ? elements[2].stringValue.map(RPCErrorCode.init(rawValue:)) : nil
        let description = elements.count > 3 ? elements[3].stringValue : nil
        let details = elements.count > 4 ? elements[4].objectValue : nil
        return .success(
            .callError(
                CallError(
                    messageId: messageId, code: code ?? .genericError, description: description ?? "",
                    details: details ?? JSONObject())))
    }

    /// The message id of text that starts like a CALL (`[2, "id", …`) even though the
    /// whole is not valid JSON, so that the sender can be told which message failed.
    static func salvageCallMessageId(_ text: String) -> String? {
        var rest = Substring(text)
        func skipSpace() { rest = rest.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) }
        func take(_ character: Character) -> Bool {
            skipSpace()
            guard rest.first == character else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard take("["), take("2"), take(","), take("\"") else { return nil }
        guard let end = rest.firstIndex(where: { $0 == "\"" || $0 == "\\" }), rest[end] == "\"" else { return nil }
        let messageId = String(rest[..<end])
        guard !messageId.isEmpty, messageId.count <= maximumMessageIdLength else { return nil }
        return messageId
    }
}
