/// StopTransaction (OCPP 1.6 §4.10; messages §6.49 and §6.50).

/// The StopTransaction.req payload.
///
/// One schema quirk is enforced here: the StopTransaction schema's unit list lacks
/// "Hertz", which the MeterValues schema has. A Frequency sample in transactionData is
/// therefore sent without a unit (Hz is implied by the measurand, OCPP 1.6 §7.31), and a
/// received one carrying "Hertz" is a PropertyConstraintViolation.
public struct StopTransactionRequest: OCPPRequest {
    public var idTag: CiString20?
    public var meterStop: Int
    public var timestamp: Timestamp
    public var transactionId: Int
    public var reason: Reason?
    public private(set) var transactionData: [MeterValue]?

    public init(
        idTag: CiString20? = nil, meterStop: Int, timestamp: Timestamp, transactionId: Int, reason: Reason? = nil,
        transactionData: [MeterValue]? = nil
    ) {
        self.idTag = idTag
        self.meterStop = meterStop
        self.timestamp = timestamp
        self.transactionId = transactionId
        self.reason = reason
        self.transactionData = transactionData.map(Self.removingHertz)
    }

    private enum CodingKeys: String, CodingKey {
        case idTag, meterStop, timestamp, transactionId, reason, transactionData
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        idTag = try container.decodeIfPresent(CiString20.self, forKey: .idTag)
        meterStop = try container.decode(Int.self, forKey: .meterStop)
        timestamp = try container.decode(Timestamp.self, forKey: .timestamp)
        transactionId = try container.decode(Int.self, forKey: .transactionId)
        reason = try container.decodeIfPresent(Reason.self, forKey: .reason)
        transactionData = try container.decodeIfPresent([MeterValue].self, forKey: .transactionData)
        if let meterValue = transactionData?.firstIndex(where: { $0.sampledValue.contains { $0.unit == .hertz } }) {
            throw PayloadViolation(
                .propertyConstraintViolation, path: "transactionData[\(meterValue)]",
                "unit 'Hertz' is not allowed in StopTransaction")
        }
    }

    private static func removingHertz(_ meterValues: [MeterValue]) -> [MeterValue] {
        meterValues.map { meterValue in
            var meterValue = meterValue
            for index in meterValue.sampledValue.indices where meterValue.sampledValue[index].unit == .hertz {
                meterValue.sampledValue[index].unit = nil
            }
            return meterValue
        }
    }
}

extension StopTransactionRequest {
    public typealias Response = StopTransactionResponse
    public static let action = Action.stopTransaction
}

/// The StopTransaction.conf payload.
public struct StopTransactionResponse: OCPPResponse {
    public var idTagInfo: IdTagInfo?

    public init(idTagInfo: IdTagInfo? = nil) {
        self.idTagInfo = idTagInfo
    }
}

/// OCPP 1.6 §7.36: why a transaction stopped.
public enum Reason: String, OCPPEnumeration {
    case emergencyStop = "EmergencyStop"
    case evDisconnected = "EVDisconnected"
    case hardReset = "HardReset"
    case local = "Local"
    case other = "Other"
    case powerLoss = "PowerLoss"
    case reboot = "Reboot"
    case remote = "Remote"
    case softReset = "SoftReset"
    case unlockCommand = "UnlockCommand"
    case deAuthorized = "DeAuthorized"
}
