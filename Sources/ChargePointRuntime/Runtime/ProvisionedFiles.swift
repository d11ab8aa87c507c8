import ChargePoint
import Foundation
import StationSecurity

/// `--ca-file`, `--client-cert` and `--client-key` read and checked (`ProvisionedTLS`):
/// what the core is told of them (`ProvisionedCredentials`), or a one-line error naming
/// the file and what is wrong with it.
public enum ProvisionedFiles {
    public static func read(
        caFile: String?, clientCertificate: String?, clientKey: String?
    ) throws(LinkError) -> ProvisionedCredentials {
        var provisioned = ProvisionedCredentials()
        if let caFile {
            switch ProvisionedTLS.roots(caFileText: try text(caFile, "the CA file", .certificate)) {
            case .success(let roots): provisioned.rootsPEM = roots
            case .failure(let problem): throw LinkError("the CA file '\(caFile)': \(problem)")
            }
        }
        if let clientCertificate, let clientKey {
            let certificate = try text(clientCertificate, "the --client-cert file", .certificate)
            let key = try text(clientKey, "the --client-key file", .key)
            switch ProvisionedTLS.clientCertificate(certificatePEM: certificate, keyPEM: key) {
            case .success(let leaf):
                provisioned.clientCertificate = CertificateReport.OwnCertificate(
                    subject: leaf.subject, notBefore: leaf.notBefore, notAfter: leaf.notAfter, provisioned: true)
            case .failure(let problem):
                throw LinkError("--client-cert '\(clientCertificate)' with --client-key '\(clientKey)': \(problem)")
            }
        }
        return provisioned
    }

    enum Kind { case certificate, key }

    /// The text of a PEM file; a binary one (DER: it starts with an ASN.1 SEQUENCE, 0x30,
    /// or is no UTF-8) is refused with the openssl command that converts it, since
    /// libwebsockets is given PEM files.
    private static func text(_ path: String, _ what: String, _ kind: Kind) throws(LinkError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LinkError("cannot read \(what) '\(path)'")
        }
        guard data.first != 0x30, let text = String(data: data, encoding: .utf8) else {
            let pem = (path as NSString).deletingPathExtension + ".pem"
            let command =
                switch kind {
                case .certificate: "openssl x509 -in \(path) -inform DER -out \(pem)"
                case .key: "openssl pkey -in \(path) -inform DER -out \(pem)"
                }
            throw LinkError("\(what) '\(path)' is not PEM (binary DER?): convert it with \(command)")
        }
        return text
    }
}
