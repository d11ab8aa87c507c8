import Foundation
import StationSecurity
import Testing
import X509

/// FirmwareSignature (L01): images signed with `openssl dgst -sha256 -sign`, as a
/// manufacturer would.
@Suite("Firmware signatures")
struct FirmwareSignatureTests {
    /// A firmware signing certificate under a manufacturer root, for a key openssl made.
    struct Signer {
        let directory: Directory
        let keyFile: String
        let certificatePEM: String

        init(_ keyArguments: [String]) throws {
            directory = try Directory()
            keyFile = directory.url.appendingPathComponent("signing-key.pem").path
            try OpenSSL.run(["genpkey"] + keyArguments + ["-out", keyFile], in: directory.url)
            let key = try Certificate.PrivateKey(pemEncoded: try directory.read("signing-key.pem"))
            let manufacturer = try TestCertificate.root(TestCertificate.name(organization: "Maker", "Maker Root"))
            certificatePEM = try manufacturer.issue(
                TestCertificate.name(organization: "Maker", "Firmware Signing"), key: key
            ).pem
        }

        /// The base64 signature openssl makes of `image`.
        func sign(_ image: [UInt8], options: [String] = []) throws -> String {
            let imageFile = try directory.write(image, as: "image.bin")
            var arguments = ["dgst", "-sha256", "-sign", keyFile]
            for option in options { arguments += ["-sigopt", option] }
            try OpenSSL.run(arguments + ["-out", "image.sig", imageFile], in: directory.url)
            return try OpenSSL.run(["base64", "-in", "image.sig"], in: directory.url)
        }
    }

    static let image: [UInt8] = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
    static let keys: [[String]] = [
        ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    ]

    @Test(arguments: keys)
    func signedImage_verifies_andATamperedOneDoesNot(key: [String]) throws {
        let signer = try Signer(key)
        let signature = try signer.sign(Self.image)
        #expect(
            FirmwareSignature.verify(
                data: Self.image, signatureBase64: signature, signingCertificatePEM: signer.certificatePEM))
        var tampered = Self.image
        tampered[100_000] ^= 0x01
        #expect(
            !FirmwareSignature.verify(
                data: tampered, signatureBase64: signature, signingCertificatePEM: signer.certificatePEM))
        // Signed by another key than the certificate's.
        let other = try Signer(key)
        #expect(
            !FirmwareSignature.verify(
                data: Self.image, signatureBase64: signature, signingCertificatePEM: other.certificatePEM))
    }

    @Test(arguments: keys)
    func imageOnDisk_isVerifiedWhileRead(key: [String]) throws {
        let signer = try Signer(key)
        let signature = try signer.sign(Self.image)
        let path = try signer.directory.write(Self.image, as: "firmware.bin")
        #expect(
            try FirmwareSignature.verify(
                fileAt: path, signatureBase64: signature, signingCertificatePEM: signer.certificatePEM))
        var tampered = Self.image
        tampered[Self.image.count - 1] ^= 0x80
        let tamperedPath = try signer.directory.write(tampered, as: "tampered.bin")
        #expect(
            !(try FirmwareSignature.verify(
                fileAt: tamperedPath, signatureBase64: signature, signingCertificatePEM: signer.certificatePEM)))
        #expect(throws: (any Error).self) {
            try FirmwareSignature.verify(
                fileAt: "/nonexistent/firmware.bin", signatureBase64: signature,
                signingCertificatePEM: signer.certificatePEM)
        }
    }

    /// L01.FR.04 names RSA-PSS: accepted with a salt as long as the hash.
    @Test func rsaPSSSignature_verifies() throws {
        let signer = try Signer(Self.keys[0])
        let signature = try signer.sign(Self.image, options: ["rsa_padding_mode:pss", "rsa_pss_saltlen:digest"])
        #expect(
            FirmwareSignature.verify(
                data: Self.image, signatureBase64: signature, signingCertificatePEM: signer.certificatePEM))
    }

    @Test func garbage_neverVerifies() throws {
        let signer = try Signer(Self.keys[1])
        let signature = try signer.sign(Self.image)
        #expect(
            !FirmwareSignature.verify(
                data: Self.image, signatureBase64: "not base64!", signingCertificatePEM: signer.certificatePEM))
        #expect(
            !FirmwareSignature.verify(
                data: Self.image, signatureBase64: "", signingCertificatePEM: signer.certificatePEM))
        #expect(
            !FirmwareSignature.verify(
                data: Self.image, signatureBase64: signature, signingCertificatePEM: "no certificate"))
    }
}
