/// What a file transfer is for: the two of OCPP 1.6 chapter 8.
public enum TransferPurpose: String, Sendable, Codable, Equatable {
    /// UpdateFirmware.req (§5.19): a download.
    case firmware
    /// GetDiagnostics.req (§5.9): an upload.
    case diagnostics
    /// GetLog.req (security whitepaper N01): an upload of the diagnostics or the
    /// security log.
    case log
}

/// A transfer the core asks its driver to carry out (`StationEffects.transfers`). The
/// driver reports back with `StationInput.transfer` and the same `id`.
public struct TransferJob: Sendable, Equatable {
    /// Unique while the station runs; reports for another id are stale and ignored.
    public var id: Int
    public var purpose: TransferPurpose
    /// The URL from the request (`http`, `https`, `ftp`; user and password may be in it).
    public var location: String
    /// Firmware: the file name of the image (the location's last path component).
    /// Diagnostics: the name of the file to upload, as GetDiagnostics.conf gave it.
    public var fileName: String
    /// Diagnostics: the period the message log in the file covers (§6.25), wall clock.
    public var startTime: Timestamp?
    public var stopTime: Timestamp?
    /// A log upload: which log.
    public var logType: LogType?
    /// A signed firmware download: what the image's signature is checked with.
    public var signature: SignedFirmware?

    /// Whether `time` is in the period the upload covers (either end open).
    func covers(_ time: Timestamp) -> Bool {
        (startTime.map { time >= $0 } ?? true) && (stopTime.map { time <= $0 } ?? true)
    }
}

/// What the core asks of the driver's transfer agent.
public enum TransferCommand: Sendable, Equatable {
    /// Download `job.location` (firmware) or upload a diagnostics file built now
    /// (diagnostics).
    case start(TransferJob)
    /// Stop transfer `id`: a newer request replaced it. Its report may still come; it
    /// is ignored.
    case cancel(id: Int)
}

/// What the firmware image says about itself (DESIGN.md "Connection details"): read by
/// the driver from the downloaded file.
public struct FirmwareImage: Sendable, Equatable {
    /// The value of a `firmwareVersion=X` line, if the file has one.
    public var version: String?
    /// False when the file has a line `installation=failed` or
    /// `installation=verification-failed`: the simulator's stand-in for an image that
    /// does not install.
    public var installs: Bool
    /// True for `installation=verification-failed`: the image is installed, but the check
    /// of the installed image fails. A signed update reports InstallVerificationFailed
    /// (L01, FirmwareStatusEnumType); an unsigned one InstallationFailed (OCPP 1.6 §7.25
    /// has no other).
    public var verificationFails: Bool
    /// For a signed update: whether the signature over the image holds (L01.FR.04);
    /// nil when not checked.
    public var signatureValid: Bool?

    public init(
        version: String? = nil, installs: Bool = true, verificationFails: Bool = false, signatureValid: Bool? = nil
    ) {
        self.version = version
        self.installs = installs && !verificationFails
        self.verificationFails = verificationFails
        self.signatureValid = signatureValid
    }
}

/// The driver's report on a transfer (`StationInput.transfer`).
public enum TransferReport: Sendable, Equatable {
    /// Bytes moved so far; `total` when the server said (or the upload's size).
    case progress(id: Int, bytes: Int64, total: Int64?)
    /// A firmware image is downloaded and read.
    case downloaded(id: Int, FirmwareImage)
    /// A diagnostics file is uploaded.
    case uploaded(id: Int)
    /// The attempt failed: one line an operator can act on, with no password in it.
    case failed(id: Int, reason: String)

    public var id: Int {
        switch self {
        case .progress(let id, _, _), .downloaded(let id, _), .uploaded(let id), .failed(let id, _): id
        }
    }
}
