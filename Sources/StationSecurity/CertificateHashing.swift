import ChargePoint
import Crypto
import Foundation
import SwiftASN1
import X509

extension X509Toolkit {
    /// OCPP's CertificateHashData of a certificate (security whitepaper edition 3 §6.1),
    /// which follows the CertID of OCSP (RFC 6960 §4.1.1), as libevse-security
    /// (EVerest), MicroOcpp and `openssl ocsp` compute it:
    ///
    /// - issuerNameHash: the hash of the DER of the certificate's own *issuer* field;
    /// - issuerKeyHash: the hash of the issuer's public key, the contents of the
    ///   subjectPublicKey BIT STRING of the issuer's certificate (no tag, length or unused-bits
    ///   byte) — for a root, its own key;
    /// - serialNumber: the certificate's serial in hexadecimal without leading zeroes.
    ///
    /// Hashes and serial are lowercase (the fields are CiStrings: compare them without case).
    /// `issuerPEM` nil means the certificate is self-signed (an installed root, M03); a
    /// certificate whose issuer differs from its subject then needs its issuer's certificate.
    public static func hashData(
        certificatePEM: String, issuerPEM: String?, algorithm: HashAlgorithm
    ) -> Result<CertificateHashData, CertificateProblem> {
        PEMCertificate.first(in: certificatePEM).flatMap { read in
            let certificate = read.certificate
            guard let issuerPEM else {
                guard certificate.issuer == certificate.subject else {
                    return .failure(
                        .other(
                            "certificate \(certificate.subject) is not self-signed: its issuer's certificate is needed")
                    )
                }
                return hashData(of: certificate, issuer: certificate, algorithm: algorithm)
            }
            return PEMCertificate.first(in: issuerPEM).flatMap { issuer in
                guard certificate.issuer == issuer.certificate.subject else {
                    return .failure(
                        .other(
                            "certificate \(certificate.subject) was issued by \(certificate.issuer), not by \(issuer.certificate.subject)"
                        ))
                }
                return hashData(of: certificate, issuer: issuer.certificate, algorithm: algorithm)
            }
        }
    }

    static func hashData(
        of certificate: Certificate, issuer: Certificate, algorithm: HashAlgorithm
    ) -> Result<CertificateHashData, CertificateProblem> {
        var issuerName = DER.Serializer()
        do {
            try issuerName.serialize(certificate.issuer)
        } catch {
            return .failure(.other("the issuer name of \(certificate.subject) cannot be encoded"))
        }
        let serial = Hex.serialNumber(certificate.serialNumber.bytes)
        guard let serialNumber = BoundedString<Length40>(serial) else {
            // RFC 5280 §4.1.2.2: at most 20 octets.
            return .failure(.other("serial number \(serial) is longer than the 20 bytes OCPP allows"))
        }
        return .success(
            CertificateHashData(
                hashAlgorithm: algorithm,
                issuerNameHash: BoundedString(truncating: digest(issuerName.serializedBytes, algorithm)),
                issuerKeyHash: BoundedString(truncating: digest(issuer.publicKey.subjectPublicKeyInfoBytes, algorithm)),
                serialNumber: serialNumber))
    }

    /// At most 128 hexadecimal digits (SHA-512), which is what CiString128 holds.
    private static func digest(_ bytes: some DataProtocol, _ algorithm: HashAlgorithm) -> String {
        switch algorithm {
        case .sha256: Hex.encode(SHA256.hash(data: bytes))
        case .sha384: Hex.encode(SHA384.hash(data: bytes))
        case .sha512: Hex.encode(SHA512.hash(data: bytes))
        }
    }
}
