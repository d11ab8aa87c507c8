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
            switch ProvisionedTLS.roots(caFileText: try text(caFile, "the CA file")) {
            case .success(let roots): provisioned.rootsPEM = roots
            case .failure(let problem): throw LinkError("the CA file '\(caFile)': \(problem)")
            }
        }
        if let clientCertificate, let clientKey {
            let certificate = try text(clientCertificate, "the --client-cert file")
            let key = try text(clientKey, "the --client-key file")
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

    private static func text(_ path: String, _ what: String) throws(LinkError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LinkError("cannot read \(what) '\(path)'")
        }
        return text
    }
}
