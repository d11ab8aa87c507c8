/// The virtual RFID cards of `Assets/cards.toml`: the console's swipe picker lists them,
/// and the demo central system answers for them as their `status` says.
public struct DemoCard: Sendable, Equatable {
    public var idTag: IdToken
    public var label: String
    public var status: AuthorizationStatus
    public var parentIdTag: IdToken?
    public var expiryDate: Timestamp?

    public init(
        idTag: IdToken, label: String, status: AuthorizationStatus, parentIdTag: IdToken? = nil,
        expiryDate: Timestamp? = nil
    ) {
        self.idTag = idTag
        self.label = label
        self.status = status
        self.parentIdTag = parentIdTag
        self.expiryDate = expiryDate
    }

    public var idTagInfo: IdTagInfo {
        IdTagInfo(expiryDate: expiryDate, parentIdTag: parentIdTag, status: status)
    }
}
