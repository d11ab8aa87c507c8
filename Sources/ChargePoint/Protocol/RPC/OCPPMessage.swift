/// A payload of an OCPP 1.6 message: a request (`.req`) or its response (`.conf`).
public protocol OCPPPayload: Codable, Sendable, Equatable {}

/// A request payload, tied to its action and its response type, so that a CALL and the
/// CALLRESULT answering it are typed together (the `Call<T>` / `CallResult<T>` envelope
/// of libocpp, see STYLE.md).
public protocol OCPPRequest: OCPPPayload {
    associatedtype Response: OCPPResponse
    static var action: Action { get }
}

/// A response payload.
public protocol OCPPResponse: OCPPPayload {}
