import Foundation
import Testing

/// The openssl command line, as an independent second opinion on what StationSecurity
/// computes with swift-certificates and swift-crypto.
enum OpenSSL {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `openssl arguments` in `directory`; its standard output, or a failure with its
    /// standard error.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")): \(errorText)")
        }
        return text
    }

    /// `openssl x509 -fingerprint -sha256` without the colons, lowercase.
    static func fingerprint(ofPEM pem: String, in directory: Directory) throws -> String {
        let output = try run(
            ["x509", "-in", directory.write(pem, as: "fingerprint.pem"), "-noout", "-fingerprint", "-sha256"],
            in: directory.url)
        return String(output.split(separator: "=")[1]).replacingOccurrences(of: ":", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// A directory of its own for one test's files, removed when the test is done with it.
final class Directory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("station-security-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` as `name` here; its path.
    @discardableResult
    func write(_ text: String, as name: String) throws -> String {
        try write(Array(text.utf8), as: name)
    }

    @discardableResult
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}
