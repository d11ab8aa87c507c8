import Foundation
import Testing

/// The built `ocpp-console` binary run as a child process, for what only a whole
/// process shows: its exit status, its standard error, and the one-process-per-data-
/// directory rule between two processes. Waiting is on the child's output or its exit,
/// never on a timer; a child still running when the test lets go of it is killed.
final class ConsoleProcess {
    let process = Process()
    private let exited = DispatchSemaphore(value: 0)
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffered = Data()

    /// The binary beside the test bundle (`swift build --build-tests` builds both).
    static var binary: URL {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ocpp-console")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/ocpp-console")
    }

    /// A headless station on a central system that is not there (it keeps retrying),
    /// with `arguments` added. `unprivileged`: where the tests run as root, the console
    /// runs as `nobody`, for whom file permissions count.
    static func headless(
        _ arguments: [String], environment: [String: String] = [:], unprivileged: Bool = false
    ) throws -> ConsoleProcess {
        try ConsoleProcess(
            ["--headless", "--url", "ws://127.0.0.1:9/ocpp"] + arguments, environment: environment,
            unprivileged: unprivileged)
    }

    static let runuser = "/usr/sbin/runuser"

    /// Whether file permissions can be tested: as an ordinary user, or as root through
    /// runuser.
    static var canRunUnprivileged: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: runuser)
    }

    /// The binary and the Assets beside it, copied once into a directory everyone may
    /// read: the checkout itself may sit under a private directory (a CI clone in a
    /// 0700 `mktemp -d`), which `nobody` cannot enter.
    static let unprivilegedBinary: Result<URL, any Error> = Result {
        let manager = FileManager.default
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("ocpp-console-unprivileged-\(UUID().uuidString)")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        let copy = directory.appendingPathComponent("ocpp-console")
        try manager.copyItem(at: binary, to: copy)
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let assets = directory.appendingPathComponent("Assets")
        try manager.copyItem(at: root.appendingPathComponent("Assets"), to: assets)
        let paths = [assets.path] + (manager.subpaths(atPath: assets.path) ?? []).map { assets.path + "/" + $0 }
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            try manager.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o755 : 0o644], ofItemAtPath: path)
        }
        return copy
    }

    init(_ arguments: [String], environment: [String: String] = [:], unprivileged: Bool = false) throws {
        if unprivileged, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: Self.runuser)
            process.arguments = ["-u", "nobody", "--", try Self.unprivilegedBinary.get().path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        process.environment = merged
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// The next line of standard output (blocks until it comes); nil at its end.
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { return nil }
            buffered.append(more)
        }
    }

    /// Blocks until the station has started: its first event line.
    func waitUntilRunning(sourceLocation: SourceLocation = #_sourceLocation) {
        let line = readLine()
        #expect(
            line?.contains("\"type\"") == true, "no event from the station; stderr: \(standardError)",
            sourceLocation: sourceLocation)
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes standard input (the end of input is `quit`) and waits for the exit status.
    /// (A test's station writes a few events a second: far from filling the pipe.)
    func finish() -> Int32? {
        try? input.fileHandleForWriting.close()
        return waitForExit()
    }

    /// The exit status; nil (and the process killed) if it is still running after
    /// `seconds`, so that a console that should have exited fails the test instead of
    /// hanging it.
    func waitForExit(within seconds: Int = 20) -> Int32? {
        if exited.wait(timeout: .now() + .seconds(seconds)) == .timedOut {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    /// Everything written to standard error; only once the process has exited.
    lazy var standardError: String = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

    /// Everything else written to standard output; only once the process has exited.
    var remainingOutput: String {
        buffered.append(output.fileHandleForReading.readDataToEndOfFile())
        return String(decoding: buffered, as: UTF8.self)
    }
}
