/// What the operator provisioned the station's TLS with on the command line (security
/// whitepaper §2): `--ca-file` roots, trusted beside the installed Central System roots,
/// and a `--client-cert` the station presents (profile 3). The driver reads the files;
/// the core keeps what it needs of them for its rules (A05.FR.03–04, A02.FR.06) and for
/// `certs`. The client certificate's key never reaches the core.
public struct ProvisionedCredentials: Sendable, Equatable {
    /// The certificates of `--ca-file`, PEM.
    public var rootsPEM: [String]
    /// `--client-cert`: its leaf's subject and validity.
    public var clientCertificate: CertificateReport.OwnCertificate?

    public init(rootsPEM: [String] = [], clientCertificate: CertificateReport.OwnCertificate? = nil) {
        (self.rootsPEM, self.clientCertificate) = (rootsPEM, clientCertificate)
    }
}
