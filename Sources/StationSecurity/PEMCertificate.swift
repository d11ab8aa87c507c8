import SwiftASN1
import X509

/// A certificate read from PEM, with the DER it was read from: fingerprints and the
/// stored PEM are of those exact bytes, not of a re-encoding.
struct PEMCertificate: Sendable {
    let certificate: Certificate
    let der: [UInt8]

    /// Every certificate of `text`, in order. A text without one, or with a block of
    /// another kind (a private key, a CSR), is refused: what arrives as a certificate must
    /// be nothing else.
    static func all(in text: String) -> Result<[PEMCertificate], CertificateProblem> {
        PEMText.documents(in: text).flatMap { documents in
            guard !documents.isEmpty else {
                return .failure(.unreadable("no '-----BEGIN CERTIFICATE-----' block"))
            }
            var certificates: [PEMCertificate] = []
            for document in documents {
                guard document.discriminator == Certificate.defaultPEMDiscriminator else {
                    return .failure(.unreadable("a \(document.discriminator) block, not a CERTIFICATE"))
                }
                do {
                    certificates.append(
                        PEMCertificate(
                            certificate: try Certificate(derEncoded: document.derBytes), der: document.derBytes))
                } catch let error as CertificateError where error.code == .unsupportedSignatureAlgorithm {
                    // swift-certificates 1.21 reads ECDSA, RSA PKCS#1 v1.5 and Ed25519 signatures,
                    // not RSASSA-PSS, nor MD5 or ECDSA with SHA-1.
                    return .failure(SignatureAlgorithmNames.unsupported(String(describing: error)))
                } catch let error as CertificateError where error.code == .unsupportedPublicKeyAlgorithm {
                    return .failure(.unreadable("a public key of a kind the station does not support"))
                } catch {
                    return .failure(.unreadable("the DER inside the PEM is not an X.509 certificate"))
                }
            }
            return .success(certificates)
        }
    }

    /// The first certificate of `text` (a chain's leaf).
    static func first(in text: String) -> Result<PEMCertificate, CertificateProblem> {
        all(in: text).map { $0[0] }
    }

    /// The normalized PEM of this one certificate: 64-character lines and a line break after
    /// the END line (swift-asn1 leaves it out), as OpenSSL writes it, so that stored
    /// certificates concatenate into a valid chain file.
    var pem: String { PEMDocument(type: Certificate.defaultPEMDiscriminator, derBytes: der).pemString + "\n" }
}
