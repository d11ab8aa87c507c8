import Foundation
import SwiftASN1

/// The PEM blocks of a text, read leniently.
///
/// swift-asn1's `PEMDocument.parseMultiple` insists on RFC 1421's 64-character lines and
/// a line break before the END line. Certificates reach the station inside JSON strings
/// written by many central systems (InstallCertificate, CertificateSigned,
/// SignedUpdateFirmware), with other line lengths, `\r\n`, or none at all; OpenSSL reads
/// them all, so the station does too. Only the framing is read here: the base64 body
/// becomes a `PEMDocument` and the DER inside is left to swift-asn1 and swift-certificates.
enum PEMText {
    static func documents(in text: String) -> Result<[PEMDocument], CertificateProblem> {
        var documents: [PEMDocument] = []
        var rest = text[...]
        while let begin = rest.range(of: "-----BEGIN ") {
            guard let labelEnd = rest[begin.upperBound...].range(of: "-----") else {
                return .failure(.unreadable("a BEGIN line without its closing dashes"))
            }
            let label = String(rest[begin.upperBound..<labelEnd.lowerBound])
            let endLine = "-----END \(label)-----"
            guard let end = rest[labelEnd.upperBound...].range(of: endLine) else {
                return .failure(.unreadable("no '\(endLine)' line"))
            }
            let body = rest[labelEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
            guard let der = Data(base64Encoded: body), !der.isEmpty else {
                return .failure(.unreadable("the \(label) block is not base64"))
            }
            documents.append(PEMDocument(type: label, derBytes: Array(der)))
            rest = rest[end.upperBound...]
        }
        return .success(documents)
    }
}
