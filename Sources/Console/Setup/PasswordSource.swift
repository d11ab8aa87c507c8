import ChargePointRuntime
import Foundation

/// Where the HTTP Basic auth password comes from (README "Command line"): `--password`,
/// the first line of `--password-file`, or `OCPP_CONSOLE_PASSWORD` in the environment.
/// The last two keep it out of `ps` and the shell's history. One source only: two are
/// a mistake worth a refusal, not a silent choice.
enum PasswordSource {
    static let environmentVariable = "OCPP_CONSOLE_PASSWORD"

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// The password, or nil for none. Never echoes it in a refusal.
    static func resolve(option: String?, file: String?, environment: [String: String]) throws(Refusal) -> String? {
        let fromEnvironment = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let given = [
            option.map { _ in "--password" }, file.map { _ in "--password-file" },
            fromEnvironment.map { _ in environmentVariable },
        ].compactMap { $0 }
        guard given.count <= 1 else {
            throw Refusal(description: "give the password one way, not \(given.joined(separator: " and "))")
        }
        if let file {
            // A pipe too: `--password-file <(pass show csms)` keeps it off the disk.
            let text: String
            switch TextFile.read(file) {
            case .success(let read): text = read
            case .failure(let problem):
                throw Refusal(description: "cannot read the --password-file '\(file)': it \(problem)")
            }
            // "\r\n" is one Character: `isNewline` ends the line at either.
            let password = String(text.prefix { !$0.isNewline })
            guard !password.isEmpty else {
                throw Refusal(description: "the --password-file '\(file)' has no password on its first line")
            }
            return password
        }
        return option ?? fromEnvironment
    }
}
