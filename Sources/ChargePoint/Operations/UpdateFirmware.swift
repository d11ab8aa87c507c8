/// UpdateFirmware.req (OCPP 1.6 §5.19, §6.55): accepted at once; the download begins at
/// `retrieveDate` (`FileTransferSteps`).
extension StationCore {
    mutating func updateFirmware(_ request: UpdateFirmwareRequest) -> UpdateFirmwareResponse {
        _ = beginFirmwareUpdate(FirmwareUpdate(request), action: "UpdateFirmware")
        return UpdateFirmwareResponse()
    }

    /// Replaces the update under way, unless it is past the point of no return
    /// (installing); whether it was taken, and whether it canceled one.
    mutating func beginFirmwareUpdate(_ update: FirmwareUpdate, action: String) -> (taken: Bool, canceled: Bool) {
        var canceled = false
        if let current = firmware {
            switch current.phase {
            case .installing, .installed:
                reportError("\(action) ignored: the firmware \(current.fileName) is being installed")
                return (false, false)
            default:
                abandonTransfer(.firmware)
                canceled = true
                notice("\(action) replaces the update of \(current.fileName)")
            }
        }
        let request = update
        transfers.firmware = update
        transfers.firmwareStatusSent = nil
        transfers.waitSaid = false
        persist(.firmwareUpdate(update))
        notice(
            "\(action): downloads \(TransferLocation.redacted(request.location)) from \(request.retrieveDate.rfc3339)"
        )
        scheduleFirmwareTry()
        return (true, canceled)
    }
}
