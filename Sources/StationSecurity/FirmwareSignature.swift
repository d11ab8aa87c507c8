import Crypto
import CryptoExtras
import Foundation
import X509

/// The signature of a signed firmware image (L01, SignedUpdateFirmware.req): made over the
/// whole file with SHA-256 (L01.FR.04) by the key of the firmware signing certificate
/// (L01.FR.12), and sent in base64.
///
/// Accepted: ECDSA (P-256, P-384, P-521; DER or raw r‖s) and RSA with PKCS#1 v1.5 — what
/// `openssl dgst -sha256 -sign` makes and what EVerest checks — and RSA-PSS with a salt as
/// long as the hash, the common PSS setting (L01.FR.04 names RSA-PSS). Whether the
/// certificate itself is trusted (the manufacturer root, L01.FR.23) is
/// `X509Toolkit.verify`'s question.
public enum FirmwareSignature {
    /// Whether `signatureBase64` is a signature of `data`.
    public static func verify(data: [UInt8], signatureBase64: String, signingCertificatePEM: String) -> Bool {
        verify(
            digest: SHA256.hash(data: data), signatureBase64: signatureBase64,
            signingCertificatePEM: signingCertificatePEM)
    }

    /// Whether `signatureBase64` is a signature of the file at `path`, read in pieces so that
    /// an image of any size takes little memory. Throws when the file cannot be read.
    public static func verify(fileAt path: String, signatureBase64: String, signingCertificatePEM: String) throws
        -> Bool
    {
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? file.close() }
        var hash = SHA256()
        while let piece = try file.read(upToCount: 1 << 16), !piece.isEmpty {
            hash.update(data: piece)
        }
        return verify(
            digest: hash.finalize(), signatureBase64: signatureBase64, signingCertificatePEM: signingCertificatePEM)
    }

    private static func verify(digest: SHA256Digest, signatureBase64: String, signingCertificatePEM: String) -> Bool {
        // openssl base64 breaks lines at 64 characters.
        guard let signature = Data(base64Encoded: signatureBase64.filter { !$0.isWhitespace }), !signature.isEmpty,
            case .success(let read) = PEMCertificate.first(in: signingCertificatePEM)
        else { return false }
        let key = read.certificate.publicKey
        if let rsa = _RSA.Signing.PublicKey(key) {
            let signature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return rsa.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5)
                || rsa.isValidSignature(signature, for: digest, padding: .PSS)
        }
        // DER is what OpenSSL writes; r‖s is what some signing services do.
        if let p256 = P256.Signing.PublicKey(key) {
            let parsed =
                (try? P256.Signing.ECDSASignature(derRepresentation: signature))
                ?? (try? P256.Signing.ECDSASignature(rawRepresentation: signature))
            return parsed.map { p256.isValidSignature($0, for: digest) } ?? false
        }
        if let p384 = P384.Signing.PublicKey(key) {
            let parsed =
                (try? P384.Signing.ECDSASignature(derRepresentation: signature))
                ?? (try? P384.Signing.ECDSASignature(rawRepresentation: signature))
            return parsed.map { p384.isValidSignature($0, for: digest) } ?? false
        }
        if let p521 = P521.Signing.PublicKey(key) {
            let parsed =
                (try? P521.Signing.ECDSASignature(derRepresentation: signature))
                ?? (try? P521.Signing.ECDSASignature(rawRepresentation: signature))
            return parsed.map { p521.isValidSignature($0, for: digest) } ?? false
        }
        return false
    }
}
