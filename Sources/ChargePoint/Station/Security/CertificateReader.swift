/// What the station can tell of a PEM certificate (security whitepaper M03–M05): the
/// engine holds no crypto, the driver gives it a reader (StationSecurity's X.509 in
/// production, a fake in unit tests).
public protocol CertificateReader: Sendable {
    /// The certificate in `pem` as the station keeps it, valid at `time`; or why it is
    /// not one the station installs (one line: unreadable, expired, not a CA, …).
    /// `issuers`: the installed certificates' PEMs, for the hash data of one that is not
    /// self-signed (a new root signed by the old one, M05.FR.09).
    func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal>
    /// Whether `pem` chains to `rootPEM` at `time` (M05.FR.09: a new Central System root
    /// must be signed by the one it replaces).
    func isSigned(_ pem: String, by rootPEM: String, at time: Timestamp) -> Bool
}

/// Why a certificate is not installed: one line for the operator.
public struct CertificateRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A station without a certificate reader (a driver that gives none): every
/// certificate is refused, with that reason.
public struct NoCertificateReader: CertificateReader {
    public init() {}

    public func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal> {
        .failure(CertificateRefusal("this station reads no certificates"))
    }

    public func isSigned(_ pem: String, by rootPEM: String, at time: Timestamp) -> Bool { false }
}

/// A certificate in the station's store (M05): what it is for, the PEM, and what the
/// operator and GetInstalledCertificateIds see of it.
public struct InstalledCertificate: Sendable, Codable, Equatable {
    public var use: CertificateUse
    public var pem: String
    public var subject: String
    public var issuer: String
    public var notAfter: Timestamp
    /// SHA-256 over the DER, hex: the certificate's identity in the store.
    public var fingerprint: String
    /// SHA-256 hash data (whitepaper §6.1, the OCSP CertID convention).
    public var hashData: CertificateHashData
    /// Kept only as the fallback of the root that replaced it (M05.FR.11).
    public var fallback = false

    public init(
        use: CertificateUse, pem: String, subject: String, issuer: String, notAfter: Timestamp, fingerprint: String,
        hashData: CertificateHashData
    ) {
        self.use = use
        self.pem = pem
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
        self.fingerprint = fingerprint
        self.hashData = hashData
    }
}
