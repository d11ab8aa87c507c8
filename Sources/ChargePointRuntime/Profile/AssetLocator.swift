import Foundation
import ChargePoint

/// Finds the `Assets` folder (station profiles, demo cards, help text) wherever the
/// binary is started from (DESIGN.md "Command line"): `OCPP_CONSOLE_ASSETS` first, then
/// beside the executable (and `../share/ocpp-console/Assets` for an installed copy),
/// then the source tree the binary was built from, then the current directory.
public struct AssetLocator: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> AssetLocator? {
        var candidates: [URL] = []
        if let explicit = environment["OCPP_CONSOLE_ASSETS"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("Assets"))
        candidates.append(executable.appendingPathComponent("../share/ocpp-console/Assets").standardized)
        // The source tree: this file is Sources/ChargePointRuntime/Profile/AssetLocator.swift.
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { source.deleteLastPathComponent() }
        candidates.append(source.appendingPathComponent("Assets"))
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Assets"))
        let found = candidates.first { candidate in
            FileManager.default.fileExists(atPath: candidate.appendingPathComponent("stations").path)
        }
        return found.map(AssetLocator.init(directory:))
    }

    public var stations: URL { directory.appendingPathComponent("stations") }

    /// The profile file for `nameOrPath`: an existing file as given, else
    /// `stations/<name>.toml`.
    public func profileFile(_ nameOrPath: String) -> URL {
        let asGiven = URL(fileURLWithPath: nameOrPath)
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { return asGiven }
        return stations.appendingPathComponent("\(nameOrPath).toml")
    }

    public var profileNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: stations.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The fleet behaviour file for `nameOrPath` (`--fleet-behaviour`, issue 15): an
    /// existing file as given, else `fleet/<name>.toml`.
    public func behaviourFile(_ nameOrPath: String) -> URL {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { return URL(fileURLWithPath: nameOrPath) }
        return directory.appendingPathComponent("fleet/\(nameOrPath).toml")
    }

    public var cardsFile: URL { directory.appendingPathComponent("cards.toml") }
}
