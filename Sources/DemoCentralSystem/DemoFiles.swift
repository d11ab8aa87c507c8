import ChargePoint

/// The files of the demo central system's firmware cycle (issue 14): it serves the
/// image an UpdateFirmware names and takes the file a GetDiagnostics uploads, itself,
/// over loopback HTTP (`DemoServer`), so both transfers work with no set-up.
///
/// An image is one line, `firmwareVersion=<version>`: after installing it the station
/// reports that version (README "Firmware and diagnostics"). It takes only the uploads
/// it asked for (`DemoCentralSystem.takesUpload`), up to `uploadLimit` bytes.
public struct DemoFiles: Sendable, Equatable {
    /// `http://127.0.0.1:<port>`, once the server listens.
    public var base = ""
    /// The images offered, by path (`/firmware/<version>.bin`).
    public private(set) var images: [String: [UInt8]] = [:]
    /// The files uploaded, by name, and their size in bytes.
    public private(set) var uploads: [String: Int] = [:]
    /// The file names the station announced for an upload the demo asked for
    /// (GetDiagnostics.conf fileName, GetLog.conf filename), until the file arrives.
    public internal(set) var announced: Set<String> = []

    /// The largest upload taken, bytes (64 MiB); a larger one is refused with 413 and
    /// counted, never held in memory.
    public static let uploadLimit = 64 << 20

    static let firmwarePath = "/firmware/"
    static let diagnosticsPath = "/diagnostics/"

    /// Where a GetDiagnostics uploads to: a directory (§6.25), the station adds its file's name.
    public var uploadLocation: String { base + Self.diagnosticsPath }

    /// Offers an image of `version`; its location. A version is what BootNotification's
    /// firmwareVersion can carry (CiString50), in letters, digits, `.`, `_` and `-`.
    mutating func offer(_ version: String) throws(CentralSystemRefusal) -> String {
        let allowed = version.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "._-".unicodeScalars.contains($0)
        }
        guard allowed, !version.isEmpty, version.count <= 50 else {
            throw CentralSystemRefusal(
                "'\(version)' is no firmware version: up to 50 letters, digits, '.', '_' and '-'")
        }
        let path = Self.firmwarePath + version + ".bin"
        images[path] = Array("firmwareVersion=\(version)\n".utf8)
        return base + path
    }

    /// The image at `path` (a GET), if one was offered there.
    public func image(at path: String) -> [UInt8]? { images[path] }

    /// The file name an upload to `path` (a PUT) brings: a name in the diagnostics
    /// directory, else nil.
    static func uploadName(_ path: String) -> String? {
        guard isUploadPath(path) else { return nil }
        return String(path.dropFirst(diagnosticsPath.count))
    }

    /// Whether `path` names a file in the diagnostics directory.
    static func isUploadPath(_ path: String) -> Bool {
        path.hasPrefix(Self.diagnosticsPath) && path.count > Self.diagnosticsPath.count
            && !path.dropFirst(Self.diagnosticsPath.count).contains("/")
    }

    /// A file arrived at `path` (`DemoCentralSystem.takesUpload`): what the operator hears.
    public mutating func uploaded(at path: String, bytes: Int) -> [DemoOutput] {
        let name = String(path.dropFirst(Self.diagnosticsPath.count))
        uploads[name] = bytes
        announced.remove(name)
        return [.notice("demo central system: \(name) received (\(bytes) bytes)")]
    }
}
