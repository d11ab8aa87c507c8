/// The crypto the security extension needs (whitepaper A02/A03, M03–M05): reading
/// certificates, a key pair and its CSR, checking a signed certificate. The engine holds
/// no crypto; the driver gives it a toolkit (StationSecurity in production, a fake in
/// unit tests).
public protocol CertificateToolkit: Sendable {
    /// The certificate in `pem` as the station keeps it, valid at `time`; or why it is
    /// not one the station installs (one line: unreadable, expired, not a CA, …).
    /// `issuers`: the installed certificates' PEMs, for the hash data of one that is not
    /// self-signed (a new root signed by the old one, M05.FR.09).
    func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal>
    /// Why `pem` does not chain to one of `roots` at `time` (unknown CA, expired, …);
    /// nil when it does (M05.FR.09: a new root signed by the old one; L01.FR.02: a
    /// firmware signer from a manufacturer root).
    func chainProblem(_ pem: String, roots: [String], at time: Timestamp) -> CertificateRefusal?
    /// A new key pair and a PEM PKCS#10 request for it, subject O = `organization`,
    /// CN = `commonName` (A02.FR.02–03). The private key stays with the station.
    func newKeyAndCSR(organization: String, commonName: String) -> Result<ChargePointKey, CertificateRefusal>
    /// The charge point certificate of CertificateSigned.req (A02.FR.05–07): `chainPEM`
    /// (leaf first) for `key`, valid at `time`, chained to one of `roots` when there are
    /// any; or why not. The leaf's subject and CA flag come back for the engine to hold
    /// against its request (A02.FR.06 "the properties in Certificate Properties").
    func chargePointCertificate(
        chainPEM: String, key: ChargePointKey, roots: [String], at time: Timestamp
    ) -> Result<SignedChargePointCertificate, CertificateRefusal>
}

/// A charge point certificate that verified (key, validity, chain), with the properties
/// of its leaf that whitepaper §2.6.1 (Certificate Properties) fixes and the engine
/// checks against what it asked for: O = the CpoName of the request (A00.FR.509,
/// A02.FR.13), CN = the serial number (A00.FR.511), and no CA (a charge point
/// certificate is an end entity: §2.6.2, the CA certificates are the hierarchy's).
public struct SignedChargePointCertificate: Sendable, Equatable {
    public var certificate: ChargePointCertificate
    /// The values of the leaf subject's O (organizationName) RDNs, in order.
    public var organizationNames: [String]
    /// The values of the leaf subject's CN (commonName) RDNs, in order.
    public var commonNames: [String]
    /// basicConstraints CA:TRUE.
    public var isCertificateAuthority: Bool

    public init(
        certificate: ChargePointCertificate, organizationNames: [String], commonNames: [String],
        isCertificateAuthority: Bool
    ) {
        (self.certificate, self.organizationNames, self.commonNames) = (certificate, organizationNames, commonNames)
        self.isCertificateAuthority = isCertificateAuthority
    }
}

/// The station's own key pair and the request it sent for it. `privateKeyPEM` is a
/// secret: stored in the station's database (its owner's alone), never shown.
public struct ChargePointKey: Sendable, Codable, Equatable {
    public var privateKeyPEM: String
    public var csrPEM: String
    /// The subject the request asked for, O and CN (A02.FR.13, A00.FR.511): the signed
    /// certificate must bear them. nil in a key stored before they were kept.
    public var organization: String?
    public var commonName: String?

    public init(privateKeyPEM: String, csrPEM: String, organization: String? = nil, commonName: String? = nil) {
        (self.privateKeyPEM, self.csrPEM) = (privateKeyPEM, csrPEM)
        (self.organization, self.commonName) = (organization, commonName)
    }
}

/// The charge point certificate in use (security profile 3): the chain the central
/// system signed and the key it is for.
public struct ChargePointCertificate: Sendable, Codable, Equatable {
    public var chainPEM: String
    public var key: ChargePointKey
    public var subject: String
    /// The leaf's validity; `notBefore` is nil in a record stored before it was kept.
    public var notBefore: Timestamp?
    public var notAfter: Timestamp

    public init(
        chainPEM: String, key: ChargePointKey, subject: String, notBefore: Timestamp? = nil, notAfter: Timestamp
    ) {
        (self.chainPEM, self.key, self.subject) = (chainPEM, key, subject)
        (self.notBefore, self.notAfter) = (notBefore, notAfter)
    }
}

/// Why a certificate is not installed: one line for the operator.
public struct CertificateRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A station without a certificate reader (a driver that gives none): every
/// certificate is refused, with that reason.
public struct NoCertificateToolkit: CertificateToolkit {
    public init() {}

    public func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal> {
        .failure(CertificateRefusal("this station reads no certificates"))
    }

    public func chainProblem(_ pem: String, roots: [String], at time: Timestamp) -> CertificateRefusal? {
        CertificateRefusal("this station reads no certificates")
    }

    public func newKeyAndCSR(organization: String, commonName: String) -> Result<ChargePointKey, CertificateRefusal> {
        .failure(CertificateRefusal("this station makes no keys"))
    }

    public func chargePointCertificate(
        chainPEM: String, key: ChargePointKey, roots: [String], at time: Timestamp
    ) -> Result<SignedChargePointCertificate, CertificateRefusal> {
        .failure(CertificateRefusal("this station reads no certificates"))
    }
}

/// A certificate in the station's store (M05): what it is for, the PEM, and what the
/// operator and GetInstalledCertificateIds see of it.
public struct InstalledCertificate: Sendable, Codable, Equatable {
    public var use: CertificateUse
    public var pem: String
    public var subject: String
    public var issuer: String
    /// The validity period; `notBefore` is nil in a record stored before it was kept
    /// (the store's records are Codable documents, and an absent optional decodes as nil).
    public var notBefore: Timestamp?
    public var notAfter: Timestamp
    /// SHA-256 over the DER, hex: the certificate's identity in the store.
    public var fingerprint: String
    /// SHA-256 hash data (whitepaper §6.1, the OCSP CertID convention).
    public var hashData: CertificateHashData
    /// Kept only as the fallback of the root that replaced it (M05.FR.11).
    public var fallback = false

    public init(
        use: CertificateUse, pem: String, subject: String, issuer: String, notBefore: Timestamp? = nil,
        notAfter: Timestamp, fingerprint: String, hashData: CertificateHashData
    ) {
        (self.use, self.pem, self.subject, self.issuer) = (use, pem, subject, issuer)
        (self.notBefore, self.notAfter, self.fingerprint, self.hashData) = (notBefore, notAfter, fingerprint, hashData)
    }
}
