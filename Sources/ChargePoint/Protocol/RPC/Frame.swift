/// One OCPP-J message on the WebSocket (OCPP-J 1.6 §4.1): a CALL (type 2), a
/// CALLRESULT (type 3) or a CALLERROR (type 4).
///
/// The payload stays a `JSONValue` here; typing it is the job of the operation that
/// handles the action (see `PayloadDecoder`), so that framing and payload errors are
/// answered by different layers, as libocpp's `Call<T>`/`CallResult<T>` split them.
public enum Frame: Sendable, Equatable {
    case call(Call)
    case callResult(CallResult)
    case callError(CallError)

    public struct Call: Sendable, Equatable {
        public var messageId: String
        public var action: String
        public var payload: JSONValue

        public init(messageId: String, action: String, payload: JSONValue) {
            self.messageId = messageId
            self.action = action
            self.payload = payload
        }
    }

    public struct CallResult: Sendable, Equatable {
        public var messageId: String
        public var payload: JSONValue

        public init(messageId: String, payload: JSONValue) {
            self.messageId = messageId
            self.payload = payload
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
        JSONSerializer.serialize(json)
    }

    public var json: JSONValue {
        switch self {
        case .call(let call):
            [2, .string(call.messageId), .string(call.action), call.payload]
        case .callResult(let result):
            [3, .string(result.messageId), result.payload]
        case .callError(let error):
            [
                4, .string(error.messageId), .string(error.code.rawValue), .string(error.description),
                .object(error.details),
            ]
        }
    }
}

extension Frame {
    /// A CALL for a typed request.
    public static func call<R: OCPPRequest>(_ messageId: String, _ request: R) throws(PayloadViolation) -> Frame {
        .call(Call(messageId: messageId, action: R.action.rawValue, payload: try PayloadEncoder.encode(request)))
    }

    /// A CALLRESULT for a typed response.
    public static func result<R: OCPPResponse>(_ messageId: String, _ response: R) throws(PayloadViolation) -> Frame {
        .callResult(CallResult(messageId: messageId, payload: try PayloadEncoder.encode(response)))
    }
}
