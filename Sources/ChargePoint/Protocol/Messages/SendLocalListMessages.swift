/// SendLocalList (OCPP 1.6 §5.15; messages §6.41 and §6.42).

/// The SendLocalList.req payload.
public struct SendLocalListRequest: OCPPRequest {
    public var listVersion: Int
    public var localAuthorizationList: [AuthorizationData]?
    public var updateType: UpdateType

    public init(listVersion: Int, localAuthorizationList: [AuthorizationData]? = nil, updateType: UpdateType) {
        self.listVersion = listVersion
        self.localAuthorizationList = localAuthorizationList
        self.updateType = updateType
    }
}

extension SendLocalListRequest {
    public typealias Response = SendLocalListResponse
    public static let action = Action.sendLocalList
}

/// The SendLocalList.conf payload.
public struct SendLocalListResponse: OCPPResponse {
    public var status: UpdateStatus

    public init(status: UpdateStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.1: one entry of a local authorization list.
public struct AuthorizationData: Codable, Sendable, Hashable {
    public var idTag: CiString20
    public var idTagInfo: IdTagInfo?

    public init(idTag: CiString20, idTagInfo: IdTagInfo? = nil) {
        self.idTag = idTag
        self.idTagInfo = idTagInfo
    }
}

/// OCPP 1.6 §7.47: the answer to SendLocalList.
public enum UpdateStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case failed = "Failed"
    case notSupported = "NotSupported"
    case versionMismatch = "VersionMismatch"
}

/// OCPP 1.6 §7.48.
public enum UpdateType: String, OCPPEnumeration {
    case differential = "Differential"
    case full = "Full"
}
