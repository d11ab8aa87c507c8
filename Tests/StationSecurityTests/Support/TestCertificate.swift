import ChargePoint
import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate made in the tests with swift-certificates, with its private key, so that
/// it can issue others.
struct TestCertificate: Sendable {
    let certificate: Certificate
    let key: Certificate.PrivateKey

    /// PEM texts end with a line break, as files do, so that they can be concatenated.
    var pem: String { try! certificate.serializeAsPEM().pemString + "\n" }
    var keyPEM: String { try! key.serializeAsPEM().pemString + "\n" }

    /// The tests' clock: every check runs at this time, not the machine's.
    static let now = Timestamp(rfc3339: "2026-06-01T12:00:00Z")!
    /// Valid around `now`.
    static let validity = Timestamp(rfc3339: "2025-01-01T00:00:00Z")!...Timestamp(rfc3339: "2030-01-01T00:00:00Z")!

    static func name(organization: String = "Test CPO", _ commonName: String) -> DistinguishedName {
        try! DistinguishedName {
            OrganizationName(organization)
            CommonName(commonName)
        }
    }

    static func newKey() -> Certificate.PrivateKey { Certificate.PrivateKey(P256.Signing.PrivateKey()) }

    /// A self-signed root CA.
    static func root(
        _ subject: DistinguishedName, key: Certificate.PrivateKey = newKey(),
        validity: ClosedRange<Timestamp> = validity
    ) throws -> TestCertificate {
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: date(validity.lowerBound), notValidAfter: date(validity.upperBound), issuer: subject,
            subject: subject, signatureAlgorithm: signatureAlgorithm(of: key),
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                KeyUsage(keyCertSign: true, cRLSign: true)
            },
            issuerPrivateKey: key)
        return TestCertificate(certificate: certificate, key: key)
    }

    /// A certificate signed by this one: a CA, or a leaf with the given subjectAltNames.
    func issue(
        _ subject: DistinguishedName, key: Certificate.PrivateKey = newKey(), isCA: Bool = false,
        names: [GeneralName] = [], validity: ClosedRange<Timestamp> = validity,
        serialNumber: Certificate.SerialNumber = Certificate.SerialNumber()
    ) throws -> TestCertificate {
        let extensions = try Certificate.Extensions {
            if isCA {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                KeyUsage(keyCertSign: true, cRLSign: true)
            } else {
                Critical(BasicConstraints.notCertificateAuthority)
                KeyUsage(digitalSignature: true, keyEncipherment: true)
            }
            if !names.isEmpty {
                SubjectAlternativeNames(names)
            }
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: serialNumber, publicKey: key.publicKey,
            notValidBefore: Self.date(validity.lowerBound), notValidAfter: Self.date(validity.upperBound),
            issuer: self.certificate.subject, subject: subject,
            signatureAlgorithm: Self.signatureAlgorithm(of: self.key),
            extensions: extensions, issuerPrivateKey: self.key)
        return TestCertificate(certificate: certificate, key: key)
    }

    static func date(_ timestamp: Timestamp) -> Date {
        Date(timeIntervalSince1970: Double(timestamp.millisecondsSince1970) / 1000)
    }

    private static func signatureAlgorithm(of key: Certificate.PrivateKey) -> Certificate.SignatureAlgorithm {
        key.supportedSignatureAlgorithms.contains(.sha256WithRSAEncryption)
            ? .sha256WithRSAEncryption : .ecdsaWithSHA256
    }
}

extension GeneralName {
    static let localhost = GeneralName.dnsName("localhost")
    static let loopback = GeneralName.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))
}
