import Foundation

/// The test file servers (`Tests/TransferServers/transfer_servers.py`: HTTP, HTTPS with
/// a CA made for the run, FTP) as one child process for the whole test run. It serves
/// until its standard input closes, which happens when the test process ends, however
/// it ends.
final class TransferServers: @unchecked Sendable {
    /// What the script said (`http`, `https`, `ftp`, `ca_file`, `uploads`).
    private let started: [String: String]
    var http: String { started["http"]! }
    var https: String { started["https"]! }
    /// `ftp://user:secret@127.0.0.1:port`; its home holds `files/` and `uploads/`.
    var ftp: String { started["ftp"]! }
    var caFile: String { started["ca_file"]! }
    /// Where uploads land, under the name they were given.
    var uploads: URL { URL(fileURLWithPath: started["uploads"]!) }
    /// What is served: `firmware.bin` (`TransferServers.firmware`).
    let files: URL
    private let process: Process
    private let input: Pipe

    /// Started on first use; nil with the reason when they cannot start.
    static let shared: Result<TransferServers, TransferServersError> = Result { () throws(TransferServersError) in
        try TransferServers()
    }

    static let ftpPassword = "secret"

    /// 256 KiB of pseudo-random bytes: several reads, so progress shows.
    static let firmware: [UInt8] = {
        var state: UInt32 = 2_463_534_242
        return (0..<262_144).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
    }()

    private init() throws(TransferServersError) {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let python = repository.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TransferServersError("no \(python.path): run scripts/install-deps --test")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "transfer-servers-\(UUID().uuidString)")
        files = root.appendingPathComponent("files")
        do {
            try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
            try Data(Self.firmware).write(to: files.appendingPathComponent("firmware.bin"))
        } catch {
            throw TransferServersError("cannot prepare \(root.path): \(error)")
        }
        process = Process()
        input = Pipe()
        let output = Pipe()
        process.executableURL = python
        process.arguments = [
            repository.appendingPathComponent("Tests/TransferServers/transfer_servers.py").path, "--root", root.path,
        ]
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { throw TransferServersError("cannot start \(python.path): \(error)") }
        // The one JSON line that says where they listen (blocks until it comes).
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { throw TransferServersError("transfer_servers.py ended before it started (see stderr)") }
            line.append(more)
        }
        guard let started = try? JSONSerialization.jsonObject(with: line) as? [String: String],
            ["http", "https", "ftp", "ca_file", "uploads"].allSatisfy({ started[$0] != nil })
        else {
            throw TransferServersError("transfer_servers.py said: \(String(decoding: line, as: UTF8.self))")
        }
        self.started = started
    }

    /// A name no other test uploads under.
    static func uniqueName(_ stem: String) -> String { "\(stem)-\(UUID().uuidString).log" }
}

struct TransferServersError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
