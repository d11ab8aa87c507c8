import ChargePoint
import Foundation

/// The official OCPP 1.6 JSON schemas, read from the PyPI package `ocpp`
/// (mobilityhouse), which ships them under `ocpp/v16/schemas/`.
///
/// They come from the package rather than from a copy in this repository so that the
/// tests check the station against the schemas the wider ecosystem validates with.
/// `make test` installs the package into `.venv` and exports `OCPP_SCHEMAS_DIR`; a plain
/// `swift test` finds the same venv next to Package.swift.
enum OfficialSchemas {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "the official OCPP 1.6 schemas were not found: run `make test` (it installs the PyPI package `ocpp` "
                + "into .venv), or set OCPP_SCHEMAS_DIR to its ocpp/v16/schemas folder"
        }
    }

    static let directory: URL? = {
        if let explicit = ProcessInfo.processInfo.environment["OCPP_SCHEMAS_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let lib = root.appendingPathComponent(".venv/lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        for python in pythons.sorted() where python.hasPrefix("python") {
            let candidate = lib.appendingPathComponent("\(python)/site-packages/ocpp/v16/schemas")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Heartbeat.json").path) {
                return candidate
            }
        }
        return nil
    }()

    nonisolated(unsafe) private static var cache: [String: JSONValue] = [:]
    private static let lock = NSLock()

    /// The schema of a request (`Heartbeat`) or response (`HeartbeatResponse`) by file name.
    static func schema(named name: String) throws -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[name] { return cached }
        guard let directory else { throw Missing() }
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        let schema = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        cache[name] = schema
        return schema
    }

    static func request(_ action: Action) throws -> JSONValue { try schema(named: action.rawValue) }
    static func response(_ action: Action) throws -> JSONValue { try schema(named: action.rawValue + "Response") }
}
