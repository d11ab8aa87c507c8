/// GetLocalListVersion (OCPP 1.6 §5.10; messages §6.27 and §6.28).

/// The GetLocalListVersion.req payload.
public struct GetLocalListVersionRequest: OCPPRequest {
    public init() {
    }
}

extension GetLocalListVersionRequest {
    public typealias Response = GetLocalListVersionResponse
    public static let action = Action.getLocalListVersion
}

/// The GetLocalListVersion.conf payload.
public struct GetLocalListVersionResponse: OCPPResponse {
    public var listVersion: Int

    public init(listVersion: Int) {
        self.listVersion = listVersion
    }
}
