import ChargePoint
import ChargePointRuntime
import Foundation
import Testing

/// One process per data directory, and a data directory that cannot be used refused on
/// one line with exit status 2 (README "Command line": exit statuses). Two consoles on
/// one station's database would both start transaction 1 on connector 1, and one of
/// the sessions would be gone after a restart.
@Suite("Data directory", .timeLimit(.minutes(1)))
struct DataDirectoryTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "ocpp-datadir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A headless console with `arguments`, once it runs (it holds its data directory).
    static func running(
        _ arguments: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ConsoleProcess {
        let console = try ConsoleProcess.headless(arguments, environment: environment)
        console.waitUntilRunning(sourceLocation: sourceLocation)
        return console
    }

    /// The one line of a refusal, checked: exit status 2, nothing on standard output.
    static func refusal(_ console: ConsoleProcess, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let status = console.waitForExit()
        if status == nil { Issue.record("still running", sourceLocation: sourceLocation) }
        let lines = console.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(
            status == 2, "exit status \(status.map(String.init) ?? "none"); stderr: \(console.standardError)",
            sourceLocation: sourceLocation)
        #expect(lines.count == 1, "not one line: \(console.standardError)", sourceLocation: sourceLocation)
        #expect(console.remainingOutput.isEmpty, sourceLocation: sourceLocation)
        return lines.first.map(String.init) ?? ""
    }

    @Test("a second console on the same --data-dir exits 2 naming the directory and the holder's pid")
    func secondProcess_sameDataDir_isRefused() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.running(["--id", "CP-LOCK", "--data-dir", directory])
        let second = try ConsoleProcess.headless(["--id", "CP-LOCK", "--data-dir", directory])
        let line = Self.refusal(second)
        #expect(line.contains(directory), "\(line)")
        #expect(line.contains("\(first.pid)"), "\(line)")
        // The screen is refused the same way, before it takes the terminal.
        let screen = try ConsoleProcess(["--url", "ws://127.0.0.1:9/ocpp", "--id", "CP-LOCK", "--data-dir", directory])
        #expect(Self.refusal(screen) == line)
        #expect(first.process.isRunning)
        #expect(first.finish() == 0)
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).flatMap { $0 }
    }

    @Test("security whitepaper, issue 11: a new data directory and its files are their owner's alone")
    func newDataDirectory_isPrivate() throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let directory = base + "/station"
        let console = try Self.running(["--id", "CP-PRIVATE", "--data-dir", directory])
        #expect(console.finish() == 0)
        #expect(Self.mode(directory) == 0o700)
        for file in ["station.sqlite", "station.lock"] {
            #expect(Self.mode(directory + "/" + file) == 0o600, "\(file)")
        }
    }

    @Test("an existing data directory readable by others is tightened, and the operator told")
    func looseDataDirectory_isTightened_withANotice() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try SQLiteStore(path: directory + "/station.sqlite")
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory + "/station.sqlite")
        let console = try ConsoleProcess.headless(["--id", "CP-LOOSE", "--data-dir", directory])
        var notice: String?
        while notice == nil, let line = console.readLine() {
            if line.contains("readable by other users") { notice = line }
        }
        #expect(notice?.contains(#""type":"notice""#) == true, "\(notice ?? "no notice")")
        #expect(notice?.contains(directory) == true)
        #expect(console.finish() == 0)
        #expect(Self.mode(directory) == 0o700)
        #expect(Self.mode(directory + "/station.sqlite") == 0o600)
    }

    @Test("the same station id without --data-dir shares $XDG_DATA_HOME/ocpp-console/<id>, and is refused too")
    func secondProcess_sameStationId_defaultDataDir_isRefused() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["XDG_DATA_HOME": home]
        let first = try Self.running(["--id", "CP-XDG"], environment: environment)
        let second = try ConsoleProcess.headless(["--id", "CP-XDG"], environment: environment)
        let line = Self.refusal(second)
        #expect(line.contains(home + "/ocpp-console/CP-XDG"), "\(line)")
        #expect(line.contains("\(first.pid)"), "\(line)")
        #expect(first.finish() == 0)
    }

    @Test("a console killed with SIGKILL leaves nothing that blocks the next start")
    func killedHolder_doesNotBlockTheNextStart() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.running(["--id", "CP-KILL", "--data-dir", directory])
        first.kill9()
        let second = try Self.running(["--id", "CP-KILL", "--data-dir", directory])
        let third = try ConsoleProcess.headless(["--id", "CP-KILL", "--data-dir", directory])
        #expect(Self.refusal(third).contains("\(second.pid)"))
        #expect(second.finish() == 0)
    }

    enum Obstacle: String, CaseIterable, Sendable {
        case dataDirIsAFile, dataDirBeneathAFile, dataDirCannotBeCreated, databaseIsADirectory, databaseIsNotSQLite
        case lockFileIsADirectory
    }

    @Test("an unusable data directory or database exits 2 with one line naming it", arguments: Obstacle.allCases)
    func unusableDataDirectory_isRefusedOnOneLine(_ obstacle: Obstacle) throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        var directory = base + "/data"
        var named = directory
        switch obstacle {
        case .dataDirIsAFile:
            _ = FileManager.default.createFile(atPath: directory, contents: Data("x".utf8))
        case .dataDirBeneathAFile:
            _ = FileManager.default.createFile(atPath: directory, contents: Data("x".utf8))
            directory += "/station"
        case .dataDirCannotBeCreated:
            directory = "/proc/self/ocpp-console-data"
            named = directory
        case .databaseIsADirectory:
            try FileManager.default.createDirectory(
                atPath: directory + "/station.sqlite", withIntermediateDirectories: true)
        case .databaseIsNotSQLite:
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(
                atPath: directory + "/station.sqlite", contents: Data(repeating: 0x41, count: 4096))
        case .lockFileIsADirectory:
            try FileManager.default.createDirectory(
                atPath: directory + "/station.lock", withIntermediateDirectories: true)
        }
        let console = try ConsoleProcess.headless(["--id", "CP-BAD", "--data-dir", directory])
        let line = Self.refusal(console)
        #expect(line.hasPrefix("ocpp-console: "), "\(line)")
        #expect(line.contains(named), "\(line)")
        #expect(!line.contains("Error Domain"), "\(line)")
    }

    enum Permission: String, CaseIterable, Sendable { case directoryReadOnly, databaseReadOnly }

    @Test(
        "a data directory or database without write permission exits 2 with one line naming it",
        .enabled(if: ConsoleProcess.canRunUnprivileged, "root may write anywhere, and runuser is missing"),
        arguments: Permission.allCases)
    func withoutWritePermission_isRefusedOnOneLine(_ permission: Permission) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manager = FileManager.default
        var named = directory
        switch permission {
        case .directoryReadOnly:
            try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory)
        case .databaseReadOnly:
            // A database that was written before (so opening it needs no write), then
            // made read-only; the directory stays open to everyone.
            _ = try SQLiteStore(path: directory + "/station.sqlite")
            try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: directory + "/station.sqlite")
            try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
            named = directory + "/station.sqlite"
        }
        let console = try ConsoleProcess.headless(
            ["--id", "CP-RO", "--data-dir", directory], unprivileged: true)
        let line = Self.refusal(console)
        #expect(line.contains(named), "\(line)")
        #expect(line.contains(permission == .directoryReadOnly ? "not writable" : "read-only"), "\(line)")
    }
}
