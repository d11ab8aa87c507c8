import ArgumentParser
import ChargePointRuntime
import Foundation

/// How a connection to the central system authenticates and what it trusts: Basic auth
/// (security profiles 1 and 2), the roots a `wss://` server is verified with, and the
/// client certificate of profile 3. The station's command line and `replay` share them,
/// so a central system a station reaches can be replayed against the same way.
struct LinkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "HTTP Basic auth password (security profiles 1 and 2); never shown or logged. Visible in ps: prefer "
                + "--password-file or \(PasswordSource.environmentVariable).", valueName: "SECRET"))
    var password: String?

    @Option(
        name: .customLong("password-file"),
        help: ArgumentHelp("Read the --password from the first line of FILE.", valueName: "FILE"))
    var passwordFile: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp(Self.caFileHelp, valueName: "PEM"))
    var caFile: String?
    static let caFileHelp =
        "PEM file with the certificate authorities trusted for wss:// (and the station's https:// file transfers)."

    @Flag(help: ArgumentHelp(Self.insecureHelp))
    var insecure = false
    static let insecureHelp =
        "Accept any server certificate on wss:// (and the station's https:// file transfers); testing only, "
        + "the station's screen keeps a warning."

    /// Security profile 3 (whitepaper §2.5): the certificate the station presents, and its key.
    @Option(name: .customLong("client-cert"), help: ArgumentHelp(Self.clientCertificateHelp, valueName: "PEM"))
    var clientCertificate: String?
    static let clientCertificateHelp =
        "PEM file of the certificate (chain) presented on wss:// (security profile 3)."
    @Option(name: .customLong("client-key"), help: ArgumentHelp("PEM file of --client-cert's key.", valueName: "PEM"))
    var clientKey: String?

    /// What needs the endpoint: a client certificate is for `wss://` only.
    func validate(url: String?) throws {
        if (clientCertificate == nil) != (clientKey == nil) {
            throw ValidationError("--client-cert and --client-key go together")
        }
        if clientCertificate != nil, url?.hasPrefix("wss://") != true {
            throw ValidationError("--client-cert only applies to a wss:// --url (security profile 3)")
        }
    }

    /// The password (`PasswordSource`: one source of three), once every file named is
    /// read and checked — what OpenSSL would refuse later, or prompt a passphrase for,
    /// is refused now, in one line naming the file.
    func resolve(environment: [String: String]) throws(CommandLineError) -> String? {
        let password: String?
        do {
            password = try PasswordSource.resolve(option: self.password, file: passwordFile, environment: environment)
        } catch {
            throw CommandLineError(error.description)
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw CommandLineError("cannot read the CA file '\(caFile)'")
        }
        for (option, path) in [("--client-cert", clientCertificate), ("--client-key", clientKey)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw CommandLineError("cannot read the \(option) file '\(path)'")
            }
        }
        do {
            _ = try ProvisionedFiles.read(caFile: caFile, clientCertificate: clientCertificate, clientKey: clientKey)
        } catch {
            throw CommandLineError(error.description)
        }
        return password
    }

    /// The files of a `wss://` connection, as given.
    var tls: LinkTLS { LinkTLS(caFile: caFile, certificateFile: clientCertificate, keyFile: clientKey) }
}
