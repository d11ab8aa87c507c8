import ChargePoint
import Crypto
import SwiftASN1
import X509

/// A parsed X.509 certificate as the station shows and stores it. Made only by
/// `X509Toolkit.certificates(pem:)`, so that every summary is of a certificate that was read.
public struct CertificateSummary: Sendable, Equatable {
    /// RFC 4514 order and escaping, most significant last: `CN=csms.example,O=CPO`.
    public var subject: String
    public var issuer: String
    /// The values of the subject's O (organizationName) and CN (commonName) RDNs, in
    /// order: what whitepaper §2.6.1 fixes (A00.FR.509–511).
    public var organizationNames: [String]
    public var commonNames: [String]
    /// As OCPP writes it (security whitepaper §6.1 serialNumber): lowercase hexadecimal of
    /// the serial, without leading zeroes (4095 is `fff`).
    public var serialNumberHex: String
    public var notBefore: Timestamp
    public var notAfter: Timestamp
    /// basicConstraints CA:TRUE.
    public var isCertificateAuthority: Bool
    /// The signature's algorithm when its hash is one the whitepaper does not allow
    /// (A00.FR.504, .506): `SHA-1 (sha1WithRSAEncryption)`; nil for SHA-256 and stronger.
    /// (MD5 and ECDSA with SHA-1 are not even read: `SignatureAlgorithmNames`.)
    public var weakSignature: String?
    /// Lowercase hexadecimal SHA-256 of the DER, as `openssl x509 -fingerprint -sha256`
    /// shows it without the colons.
    public var sha256Fingerprint: String
    /// The certificate alone, as PEM with 64-character lines and a final line break.
    public var pem: String
}

extension CertificateSummary {
    init(_ read: PEMCertificate) throws(CertificateProblem) {
        let certificate = read.certificate
        self.init(
            subject: String(describing: certificate.subject),
            issuer: String(describing: certificate.issuer),
            organizationNames: certificate.subject.values(of: .RDNAttributeType.organizationName),
            commonNames: certificate.subject.values(of: .RDNAttributeType.commonName),
            serialNumberHex: Hex.serialNumber(certificate.serialNumber.bytes),
            notBefore: Timestamp(certificate.notValidBefore),
            notAfter: Timestamp(certificate.notValidAfter),
            isCertificateAuthority: try certificate.isCertificateAuthority,
            weakSignature: certificate.signatureAlgorithm == .sha1WithRSAEncryption
                ? "SHA-1 (sha1WithRSAEncryption)" : nil,
            sha256Fingerprint: Hex.encode(SHA256.hash(data: read.der)),
            pem: read.pem
        )
    }
}

extension Certificate {
    /// basicConstraints CA:TRUE (RFC 5280 §4.2.1.9); absent means not a CA.
    var isCertificateAuthority: Bool {
        get throws(CertificateProblem) {
            do {
                guard case .isCertificateAuthority = try extensions.basicConstraints else { return false }
                return true
            } catch {
                throw .unreadable("its basicConstraints extension is malformed")
            }
        }
    }
}

extension DistinguishedName {
    /// The values of every attribute of `type`, in order, as text.
    func values(of type: ASN1ObjectIdentifier) -> [String] {
        flatMap { $0 }.filter { $0.type == type }.map { String($0.value) ?? String(describing: $0.value) }
    }
}
