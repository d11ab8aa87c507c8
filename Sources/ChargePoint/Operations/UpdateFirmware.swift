/// UpdateFirmware.req (OCPP 1.6 §5.19, §6.55): accepted at once; the download begins at
/// `retrieveDate` (`FileTransferSteps`).
extension StationCore {
    mutating func updateFirmware(_ request: UpdateFirmwareRequest) -> UpdateFirmwareResponse {
        if let current = firmware {
            switch current.phase {
            case .installing, .installed:
                // The station is past the point of no return: the request is answered
                // (UpdateFirmware.conf has no status) and the operator told why nothing
                // follows.
                reportError("UpdateFirmware ignored: the firmware \(current.fileName) is being installed")
                return UpdateFirmwareResponse()
            default:
                abandonTransfer(.firmware)
                notice("UpdateFirmware replaces the update of \(current.fileName)")
            }
        }
        let update = FirmwareUpdate(request)
        transfers.firmware = update
        transfers.firmwareStatusSent = nil
        transfers.waitSaid = false
        persist(.firmwareUpdate(update))
        notice(
            "UpdateFirmware: downloads \(TransferLocation.redacted(request.location)) from \(request.retrieveDate.rfc3339)"
        )
        scheduleFirmwareTry()
        return UpdateFirmwareResponse()
    }
}
