/// DataTransfer (OCPP 1.6 §4.3, §5.6), both ways.
///
/// Received: the station knows one vendor extension, under its own vendor id (the
/// profile's chargePointVendor) or "ocpp-console": messageId "Echo" (or none) is
/// Accepted and the data sent back; any other messageId is UnknownMessageId; any other
/// vendor UnknownVendorId, without data (§4.3). vendorId and messageId are CiStrings
/// (§6.15, §7.17, §7.18), compared without regard to case.
/// Sent: `datatransfer <vendorId> [messageId] [data]` from the operator; the answer is
/// shown to them.
extension StationCore {
    static let consoleVendorId = "ocpp-console"

    mutating func dataTransfer(_ request: DataTransferRequest) -> DataTransferResponse {
        let vendors = [Self.consoleVendorId, profile.identity.vendor.value]
        guard CaseInsensitive.match(request.vendorId.value, in: vendors) != nil else {
            return DataTransferResponse(status: .unknownVendorId)
        }
        guard request.messageId.map({ CaseInsensitive.equal($0.value, "Echo") }) ?? true else {
            return DataTransferResponse(status: .unknownMessageId)
        }
        return DataTransferResponse(status: .accepted, data: request.data)
    }

    mutating func sendDataTransfer(vendorId: String, messageId: String?, data: String?) {
        guard let vendor = CiString255(vendorId) else {
            reportError("the vendorId is longer than 255 characters")
            return
        }
        var message: CiString50?
        if let messageId {
            guard let bounded = CiString50(messageId) else {
                reportError("the messageId is longer than 50 characters")
                return
            }
            message = bounded
        }
        guard isOnline else {
            reportError("DataTransfer needs the central system, and the station is not online")
            return
        }
        enqueueCall(DataTransferRequest(vendorId: vendor, messageId: message, data: data), purpose: .dataTransfer)
    }

    mutating func dataTransferAnswered(_ outcome: CallOutcome) {
        if case .result(let payload) = outcome, decodeResponse(DataTransferResponse.self, payload) == nil { return }
        operatorCallAnswered(.dataTransfer, outcome)
    }
}
