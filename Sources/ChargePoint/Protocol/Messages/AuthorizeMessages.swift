/// Authorize (OCPP 1.6 §4.1; messages §6.1 and §6.2).

/// The Authorize.req payload.
public struct AuthorizeRequest: OCPPRequest {
    public var idTag: CiString20

    public init(idTag: CiString20) {
        self.idTag = idTag
    }
}

extension AuthorizeRequest {
    public typealias Response = AuthorizeResponse
    public static let action = Action.authorize
}

/// The Authorize.conf payload.
public struct AuthorizeResponse: OCPPResponse {
    public var idTagInfo: IdTagInfo

    public init(idTagInfo: IdTagInfo) {
        self.idTagInfo = idTagInfo
    }
}
