/// What the operator's `certs` shows (issue 11): every certificate in the station's store
/// (security whitepaper M03, M05) and the charge point certificate the station presents
/// (A02/A03, security profile 3). No PEM, and never the private key: this goes to the
/// screen and the event stream.
public struct CertificateReport: Sendable, Equatable {
    /// A root in the store (M05).
    public struct Root: Sendable, Equatable {
        public var use: CertificateUse
        /// RFC 4514, as the X.509 reader spells it: `CN=csms.example,O=CPO`.
        public var subject: String
        public var issuer: String
        /// nil for a certificate stored before the station kept it.
        public var notBefore: Timestamp?
        public var notAfter: Timestamp
        /// SHA-256 over the DER, lowercase hexadecimal.
        public var fingerprint: String
        /// Kept only as the fallback of the Central System root that replaced it
        /// (M05.FR.11), not trusted beside it.
        public var fallback: Bool

        public init(
            use: CertificateUse, subject: String, issuer: String, notBefore: Timestamp?, notAfter: Timestamp,
            fingerprint: String, fallback: Bool
        ) {
            (self.use, self.subject, self.issuer) = (use, subject, issuer)
            (self.notBefore, self.notAfter, self.fingerprint, self.fallback) = (
                notBefore, notAfter, fingerprint, fallback
            )
        }
    }

    /// The charge point certificate the station presents: the one the central system
    /// signed (A02.FR.06), or the one given with `--client-cert` (`provisioned`), which
    /// is then the one presented. Its leaf.
    public struct OwnCertificate: Sendable, Equatable {
        public var subject: String
        /// nil for a certificate stored before the station kept it.
        public var notBefore: Timestamp?
        public var notAfter: Timestamp
        /// Given with `--client-cert`, not signed over OCPP.
        public var provisioned = false

        public init(subject: String, notBefore: Timestamp?, notAfter: Timestamp, provisioned: Bool = false) {
            (self.subject, self.notBefore, self.notAfter, self.provisioned) = (
                subject, notBefore, notAfter, provisioned
            )
        }
    }

    /// Central System roots first, then Manufacturer roots; a root in use before its
    /// fallback.
    public var roots: [Root]
    public var ownCertificate: OwnCertificate?

    public init(roots: [Root], ownCertificate: OwnCertificate?) {
        (self.roots, self.ownCertificate) = (roots, ownCertificate)
    }

    /// No root and no certificate of the station's own.
    public var isEmpty: Bool { roots.isEmpty && ownCertificate == nil }
}

extension CertificateReport {
    /// The report of a store and a charge point certificate, in the order `roots` promises
    /// (otherwise as the store holds them).
    init(_ installed: [InstalledCertificate], _ own: ChargePointCertificate?) {
        func place(_ item: (offset: Int, element: InstalledCertificate)) -> (Int, Int, Int) {
            (item.element.use == .centralSystemRootCertificate ? 0 : 1, item.element.fallback ? 1 : 0, item.offset)
        }
        roots = installed.enumerated().sorted { place($0) < place($1) }.map(\.element).map {
            Root(
                use: $0.use, subject: $0.subject, issuer: $0.issuer, notBefore: $0.notBefore, notAfter: $0.notAfter,
                fingerprint: $0.fingerprint, fallback: $0.fallback)
        }
        ownCertificate = own.map { OwnCertificate(subject: $0.subject, notBefore: $0.notBefore, notAfter: $0.notAfter) }
    }
}

extension StationCore {
    /// `certs`: the store and the certificate in use, as they are now.
    var certificateReport: CertificateReport {
        var report = CertificateReport(certificates, chargePointCertificate)
        if let given = linkDescription.provisioned.clientCertificate { report.ownCertificate = given }
        return report
    }
}
