/// One OCPP-J message on the WebSocket (OCPP-J 1.6 §4.1): a CALL (type 2), a
/// CALLRESULT (type 3) or a CALLERROR (type 4).
///
/// The payload of a received frame stays a `JSONValue` here; typing it is the job of the
/// operation that handles the action (see `PayloadDecoder`), so that framing and payload
/// errors are answered by different layers, as libocpp's `Call<T>`/`CallResult<T>` split
/// them. A frame the station makes from a typed payload (`Frame.call`, `Frame.result`)
/// keeps the text `PayloadEncoder` wrote, and `text` writes the envelope around it.
public enum Frame: Sendable, Equatable {
    case call(Call)
    case callResult(CallResult)
    case callError(CallError)

    public struct Call: Sendable, Equatable {
        public var messageId: String
        public var action: String
        var body: FramePayload

        public var payload: JSONValue {
            get { body.value }
            set { body = .value(newValue) }
        }

        public init(messageId: String, action: String, payload: JSONValue) {
            self.init(messageId: messageId, action: action, body: .value(payload))
        }

        init(messageId: String, action: String, body: FramePayload) {
            self.messageId = messageId
            self.action = action
            self.body = body
        }
    }

    public struct CallResult: Sendable, Equatable {
        public var messageId: String
        var body: FramePayload

        public var payload: JSONValue {
            get { body.value }
            set { body = .value(newValue) }
        }

        public init(messageId: String, payload: JSONValue) {
            self.init(messageId: messageId, body: .value(payload))
        }

        init(messageId: String, body: FramePayload) {
            self.messageId = messageId
            self.body = body
        }
    }

    public struct CallError: Error, Sendable, Equatable {
        public var messageId: String
        public var code: RPCErrorCode
        public var description: String
        /// Always an object on the wire (`{}` when there is nothing to add).
        public var details: JSONObject

        public init(messageId: String, code: RPCErrorCode, description: String, details: JSONObject = JSONObject()) {
            self.messageId = messageId
            self.code = code
            self.description = description
            self.details = details
        }
    }

    /// OCPP-J 1.6 §4.1.4: a message id is at most 36 characters (a UUID fits).
    public static let maximumMessageIdLength = 36

    public var messageId: String {
        switch self {
        case .call(let call): call.messageId
        case .callResult(let result): result.messageId
        case .callError(let error): error.messageId
        }
    }

    /// The frame as wire text: `[2,"id","Action",{…}]`, `[3,"id",{…}]` or
    /// `[4,"id","Code","description",{…}]`.
    public var text: String {
        var writer = JSONWriter(capacity: 64 + encodedLength)
        switch self {
        case .call(let call):
            writer.raw("[2,")
            writer.string(call.messageId)
            writer.mark(",")
            writer.string(call.action)
            writer.mark(",")
            call.body.write(to: &writer)
        case .callResult(let result):
            writer.raw("[3,")
            writer.string(result.messageId)
            writer.mark(",")
            result.body.write(to: &writer)
        case .callError(let error):
            writer.raw("[4,")
            writer.string(error.messageId)
            writer.mark(",")
            writer.string(error.code.rawValue)
            writer.mark(",")
            writer.string(error.description)
            writer.mark(",")
            writer.value(.object(error.details))
        }
        writer.mark("]")
        return writer.text
    }

    /// The length of a payload already written, to size the frame's buffer once.
    private var encodedLength: Int {
        let body: FramePayload
        switch self {
        case .call(let call): body = call.body
        case .callResult(let result): body = result.body
        case .callError: return 0
        }
        guard case .text(let text) = body else { return 0 }
        return text.utf8.count
    }
}

extension Frame {
    /// A CALL for a typed request.
    public static func call<R: OCPPRequest>(_ messageId: String, _ request: R) throws(PayloadViolation) -> Frame {
        .call(Call(messageId: messageId, action: R.action.rawValue, body: .text(try PayloadEncoder.encodeText(request))))
    }

    /// A CALLRESULT for a typed response.
    public static func result<R: OCPPResponse>(_ messageId: String, _ response: R) throws(PayloadViolation) -> Frame {
        .callResult(CallResult(messageId: messageId, body: .text(try PayloadEncoder.encodeText(response))))
    }
}
