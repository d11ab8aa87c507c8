import Crypto
import X509

/// The charge point's own key pair and its certificate signing request (A02/A03).
public enum StationKeys {
    /// A new P-256 (ECDSA) key pair and a PEM PKCS#10 CSR (RFC 2986) for it, signed with it,
    /// with subject O=`organization`, CN=`commonName`: the CpoName configuration key and the
    /// charge point's serial number (A02.FR.02/.03/.13, A00.FR.509/.511). P-256 is the key
    /// EVerest's libocpp makes, and meets A00.FR.503 (at least 224 bits).
    ///
    /// The private key PEM (PKCS#8, "PRIVATE KEY") is returned for the caller to store
    /// until CertificateSigned.req brings the certificate; it must never leave the station
    /// (A02.FR.05) nor be printed or logged.
    public static func newKeyAndCSR(organization: String, commonName: String) throws -> (
        privateKeyPEM: String, csrPEM: String
    ) {
        guard !organization.isEmpty, !commonName.isEmpty else {
            throw CertificateProblem.other(
                "a CSR needs an organization (CpoName) and a common name (the charge point's serial number)")
        }
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName(organization)
            CommonName(commonName)
        }
        let request = try CertificateSigningRequest(
            version: .v1, subject: subject, privateKey: Certificate.PrivateKey(key),
            attributes: CertificateSigningRequest.Attributes(), signatureAlgorithm: .ecdsaWithSHA256)
        return (key.pemRepresentation, try request.serializeAsPEM().pemString)
    }

    /// Whether `privateKeyPEM` is the key of the first certificate of `certificatePEM`: the
    /// certificate of CertificateSigned.req must be for the key of the pending CSR. Reads
    /// PKCS#8, SEC 1 ("EC PRIVATE KEY") and PKCS#1 ("RSA PRIVATE KEY") keys; false for
    /// anything unreadable.
    public static func key(_ privateKeyPEM: String, matches certificatePEM: String) -> Bool {
        guard let key = try? Certificate.PrivateKey(pemEncoded: privateKeyPEM),
            case .success(let read) = PEMCertificate.first(in: certificatePEM)
        else { return false }
        return key.publicKey == read.certificate.publicKey
    }
}
