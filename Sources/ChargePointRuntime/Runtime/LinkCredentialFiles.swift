import ChargePoint
import Foundation

/// What libwebsockets reads from files for `wss://` (security whitepaper §2, profiles 2
/// and 3), made at start from the options and the station's store: the CA file (the
/// `--ca-file` and the installed Central System roots, M05) and the client certificate
/// with its key (`--client-cert`/`--client-key`, or the one the central system signed,
/// A02/A03). Written into the data directory, its owner's alone (0600), and rewritten at
/// every start: a root or certificate installed meanwhile is used from the next start.
struct LinkCredentialFiles {
    var caFile: String?
    var clientCertificate: (certificate: String, key: String)?

    /// Why a file could not be written: the link then goes without it.
    var problems: [String] = []

    init(
        directory: String, caFile: String?, clientCertificate: String?, clientKey: String?, roots: [String],
        signed: ChargePointCertificate?
    ) {
        self.caFile = caFile
        if !roots.isEmpty {
            let given = caFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            let path = directory + "/trust.pem"
            if write(given + (given.hasSuffix("\n") || given.isEmpty ? "" : "\n") + roots.joined(), to: path) {
                self.caFile = path
            }
        }
        if let clientCertificate, let clientKey {
            self.clientCertificate = (clientCertificate, clientKey)
        } else if let signed {
            let certificate = directory + "/charge-point-certificate.pem"
            let key = directory + "/charge-point-key.pem"
            if write(signed.chainPEM, to: certificate), write(signed.key.privateKeyPEM, to: key) {
                self.clientCertificate = (certificate, key)
            }
        }
    }

    private mutating func write(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            problems.append("cannot write \(path): \(String(cString: strerror(errno)))")
            return false
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count else {
            problems.append("cannot write \(path): \(String(cString: strerror(errno)))")
            return false
        }
        return true
    }
}
