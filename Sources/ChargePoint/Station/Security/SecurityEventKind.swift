/// The security events of the OCPP 1.6 security whitepaper (edition 3, §8 "Security
/// events"), spelled as its table spells them, with their criticality: critical ones are
/// pushed to the central system and queued with guaranteed delivery (A04.FR.01–02),
/// every one is written to the security log (A04.FR.04, N01.FR.05).
public enum SecurityEventKind: String, Sendable, Codable, CaseIterable {
    case firmwareUpdated = "FirmwareUpdated"
    case failedToAuthenticateAtCentralSystem = "FailedToAuthenticationAtCentralSystem"
    case centralSystemFailedToAuthenticate = "CentralSystemFailedToAuthentication"
    case settingSystemTime = "SettingSystemTime"
    case startupOfTheDevice = "StartupOfTheDevice"
    case resetOrReboot = "ResetOrReboot"
    case securityLogWasCleared = "SecurityLogWasCleared"
    case reconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters"
    case memoryExhaustion = "MemoryExhaustion"
    case invalidMessages = "InvalidMessages"
    case attemptedReplayAttacks = "AttemptedReplayAttacks"
    case tamperDetectionActivated = "TamperDetectionActivated"
    case invalidFirmwareSignature = "InvalidFirmwareSignature"
    case invalidFirmwareSigningCertificate = "InvalidFirmwareSigningCertificate"
    case invalidCentralSystemCertificate = "InvalidCentralSystemCertificate"
    case invalidChargePointCertificate = "InvalidChargePointCertificate"
    case invalidTLSVersion = "InvalidTLSVersion"
    case invalidTLSCipherSuite = "InvalidTLSCipherSuite"

    /// The whitepaper's "Critical" column.
    public var isCritical: Bool {
        switch self {
        case .firmwareUpdated, .settingSystemTime, .startupOfTheDevice, .resetOrReboot, .securityLogWasCleared,
            .memoryExhaustion, .tamperDetectionActivated:
            true
        default:
            false
        }
    }
}

/// One line of the security log (A04.FR.04): what happened, when (the station's wall
/// clock), and a word on it. Kept in the station's database, the last
/// `SecurityLog.capacity` of them (the rolling format the whitepaper recommends).
public struct SecurityLogEntry: Sendable, Codable, Equatable {
    public var sequence: Int64
    public var time: Timestamp
    public var kind: SecurityEventKind
    public var info: String?

    public init(sequence: Int64, time: Timestamp, kind: SecurityEventKind, info: String?) {
        (self.sequence, self.time, self.kind, self.info) = (sequence, time, kind, info)
    }
}
