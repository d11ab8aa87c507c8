/// The station's file transfers (OCPP 1.6 chapter 8): the firmware update and the
/// diagnostics upload under way, the transfers the driver runs for them, and what
/// observers are shown. Owned by `StationCore`; the steps are in `FileTransferSteps`.
struct FileTransferBook: Sendable {
    /// Durable: the update in progress, nil when none.
    var firmware: FirmwareUpdate?
    /// Durable: the uploads in progress (diagnostics, log), at most one of each.
    var uploads: [TransferPurpose: FileUpload] = [:]
    /// The transfer running for each purpose (`TransferJob.id`).
    var running: [TransferPurpose: Int] = [:]
    private var nextId = 1
    /// What the operator sees of each purpose's last transfer.
    var shown: [TransferPurpose: TransferState] = [:]
    /// The last FirmwareStatusNotification status sent since the station started:
    /// each status is reported once, not once per try.
    var firmwareStatusSent: FirmwareStatus?
    /// The last SignedFirmwareStatusNotification sent, what a trigger repeats (L01).
    var lastSignedStatus: SignedFirmwareStatusNotificationRequest?
    /// Whether the operator has been told the installation waits for transactions.
    var waitSaid = false

    init(firmware: FirmwareUpdate?, diagnostics: FileUpload?, log: FileUpload?) {
        self.firmware = firmware
        uploads[.diagnostics] = diagnostics
        uploads[.log] = log
    }

    mutating func begin(_ purpose: TransferPurpose) -> Int {
        let id = nextId
        nextId += 1
        running[purpose] = id
        return id
    }

    /// The purpose of a report's transfer, if it is the one running for it.
    func purpose(of id: Int) -> TransferPurpose? {
        running.first { $0.value == id }?.key
    }
}
