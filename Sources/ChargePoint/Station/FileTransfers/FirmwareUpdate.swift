/// The firmware update in progress (OCPP 1.6 §5.19, errata 3.47–3.49), as stored: it
/// survives a power cut in every phase.
public struct FirmwareUpdate: Sendable, Codable, Equatable {
    public enum Phase: Sendable, Codable, Equatable {
        /// Until `retrieveDate`.
        case scheduled
        /// A try is under way (after a power cut: was under way, and is tried again or
        /// reported failed).
        case downloading
        /// A try failed; the next begins after `TransferAttempts.interval`.
        case waitingToRetry
        /// The image is here; it installs once no transaction runs (errata 3.49).
        case downloaded(version: String, installs: Bool)
        /// Installing; the station reboots into `version` when done.
        case installing(version: String, installs: Bool)
        /// Installed: FirmwareStatusNotification Installed follows the boot.
        case installed(version: String)
    }

    public var location: String
    /// Wall clock: not before it (§6.55).
    public var retrieveDate: Timestamp
    public var attempts: TransferAttempts
    public var phase: Phase
    /// The image's file name, from the location.
    public var fileName: String

    /// A signed update (SignedUpdateFirmware.req, whitepaper L01): nil for UpdateFirmware.
    public var signed: SignedFirmware?
    /// The downloaded image installs but its check fails (`FirmwareImage.verificationFails`);
    /// nil before the download, and in a record stored before it was kept.
    public var verificationFails: Bool?

    public init(_ request: SignedUpdateFirmwareRequest) {
        location = request.firmware.location.value
        retrieveDate = request.firmware.retrieveDateTime
        attempts = TransferAttempts(retries: request.retries, retryInterval: request.retryInterval)
        phase = .scheduled
        fileName = TransferLocation.fileName(of: location)
        signed = SignedFirmware(
            requestId: request.requestId, signingCertificate: request.firmware.signingCertificate.value,
            signature: request.firmware.signature.value)
    }

    public init(_ request: UpdateFirmwareRequest) {
        location = request.location
        retrieveDate = request.retrieveDate
        attempts = TransferAttempts(retries: request.retries, retryInterval: request.retryInterval)
        phase = .scheduled
        fileName = TransferLocation.fileName(of: request.location)
    }

    /// The status a triggered FirmwareStatusNotification reports (§4.5, §7.25): Idle
    /// only when no download or installation is under way.
    public var status: FirmwareStatus {
        switch phase {
        case .scheduled: .idle
        case .downloading, .waitingToRetry: .downloading
        case .downloaded: .downloaded
        case .installing: .installing
        case .installed: .installed
        }
    }

    /// Whether connectors without a transaction are kept Unavailable: from the download
    /// until the reboot (errata 3.49 recommends it while sessions end).
    public var holdsConnectors: Bool {
        switch phase {
        case .downloaded, .installing: true
        default: false
        }
    }
}

/// What makes a firmware update signed (security whitepaper L01): the request's id, which
/// every SignedFirmwareStatusNotification carries, and the signature the image must have.
public struct SignedFirmware: Sendable, Codable, Equatable {
    public var requestId: Int
    /// PEM: the certificate whose key signed the image; it must chain to an installed
    /// ManufacturerRootCertificate (L01.FR.02).
    public var signingCertificate: String
    /// Base64: the signature over the image with SHA-256 (L01.FR.04).
    public var signature: String
}
