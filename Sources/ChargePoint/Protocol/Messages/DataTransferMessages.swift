/// DataTransfer (OCPP 1.6 §4.3 and §5.6; messages §6.15 and §6.16).

/// The DataTransfer.req payload.
public struct DataTransferRequest: OCPPRequest {
    public var vendorId: CiString255
    public var messageId: CiString50?
    public var data: String?

    public init(vendorId: CiString255, messageId: CiString50? = nil, data: String? = nil) {
        self.vendorId = vendorId
        self.messageId = messageId
        self.data = data
    }
}

extension DataTransferRequest {
    public typealias Response = DataTransferResponse
    public static let action = Action.dataTransfer
}

/// The DataTransfer.conf payload.
public struct DataTransferResponse: OCPPResponse {
    public var status: DataTransferStatus
    public var data: String?

    public init(status: DataTransferStatus, data: String? = nil) {
        self.status = status
        self.data = data
    }
}

/// OCPP 1.6 §7.23.
public enum DataTransferStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case unknownMessageId = "UnknownMessageId"
    case unknownVendorId = "UnknownVendorId"
}
