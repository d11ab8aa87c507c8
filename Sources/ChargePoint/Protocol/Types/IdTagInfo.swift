/// OCPP 1.6 §7.2: the status of an idTag in an IdTagInfo.
public enum AuthorizationStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case blocked = "Blocked"
    case expired = "Expired"
    case invalid = "Invalid"
    case concurrentTx = "ConcurrentTx"
}

/// OCPP 1.6 §7.27: what the central system knows of an idTag.
public struct IdTagInfo: Codable, Sendable, Hashable {
    public var expiryDate: Timestamp?
    public var parentIdTag: CiString20?
    public var status: AuthorizationStatus

    public init(expiryDate: Timestamp? = nil, parentIdTag: CiString20? = nil, status: AuthorizationStatus) {
        self.expiryDate = expiryDate
        self.parentIdTag = parentIdTag
        self.status = status
    }
}
