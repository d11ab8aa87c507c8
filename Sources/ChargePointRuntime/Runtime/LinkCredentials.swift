import ChargePoint
import Foundation

/// The files libwebsockets reads for a `wss://` connection (security whitepaper §2,
/// profiles 2 and 3), made for each connection from its `LinkPlan`: the roots (the
/// `--ca-file` and the installed Central System roots, M05) and the client certificate
/// with its key (`--client-cert`/`--client-key`, or the one the central system signed,
/// A02/A03). Written into the data directory, its owner's alone (0600). A new content
/// gets a new file name, since libwebsockets shares an OpenSSL context between
/// connections whose file names are the same; the file it replaces is removed.
/// Used on the link's service thread only.
final class LinkCredentials: @unchecked Sendable {
    private let directory: String
    private let caFile: String?
    private let clientCertificate: (certificate: String, key: String)?
    /// The file written for each kind ("trust", "certificate", "key"): its content and path.
    private var written: [String: (content: String, path: String)] = [:]
    private var generation = 0

    init(directory: String, caFile: String?, clientCertificate: String?, clientKey: String?) {
        self.directory = directory
        self.caFile = caFile
        if let clientCertificate, let clientKey {
            self.clientCertificate = (clientCertificate, clientKey)
        } else {
            self.clientCertificate = nil
        }
        // The fixed names earlier versions wrote, and the files of an earlier run.
        let old = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let earlier = ["trust.pem", "charge-point-certificate.pem", "charge-point-key.pem"]
        for name in old where name.hasPrefix("link-") || earlier.contains(name) {
            unlink(directory + "/" + name)
        }
    }

    /// The TLS files of a connection made as `plan` says, and why a file could not be
    /// written (the link then goes without it).
    func tls(for plan: LinkPlan) -> (tls: LinkTLS, problems: [String]) {
        var tls = LinkTLS(caFile: caFile)
        var problems: [String] = []
        if !plan.trustRoots.isEmpty {
            let given = caFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            let separator = given.isEmpty || given.hasSuffix("\n") ? "" : "\n"
            switch file("trust", given + separator + plan.trustRoots.joined(separator: "\n")) {
            case .success(let path): tls.caFile = path
            case .failure(let problem): problems.append(problem.description)
            }
        }
        if let clientCertificate {
            tls.certificateFile = clientCertificate.certificate
            tls.keyFile = clientCertificate.key
        } else if let signed = plan.signedCertificate {
            switch (file("certificate", signed.chainPEM), file("key", signed.key.privateKeyPEM)) {
            case (.success(let certificate), .success(let key)):
                tls.certificateFile = certificate
                tls.keyFile = key
            case (.failure(let problem), _), (_, .failure(let problem)):
                problems.append(problem.description)
            }
        }
        return (tls, problems)
    }

    /// The path of a file of `kind` holding `content`: the last one if it holds that.
    private func file(_ kind: String, _ content: String) -> Result<String, LinkError> {
        if let last = written[kind], last.content == content { return .success(last.path) }
        generation += 1
        let path = "\(directory)/link-\(kind)-\(generation).pem"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .failure(LinkError("cannot write \(path): \(String(cString: strerror(errno)))")) }
        defer { close(descriptor) }
        let bytes = Array(content.utf8)
        guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count else {
            return .failure(LinkError("cannot write \(path): \(String(cString: strerror(errno)))"))
        }
        if let last = written[kind] { unlink(last.path) }
        written[kind] = (content, path)
        return .success(path)
    }
}
