import Foundation

/// A text file the operator names (a profile, a fleet behaviour, an `--ids` list), read
/// whole: a pipe too (`--ids <(…)`), and every failure said in words — no such file, a
/// directory, unreadable, not UTF-8 — rather than a Foundation error code.
public enum TextFile {
    public static func read(_ path: String) -> Result<String, TextFileProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(TextFileProblem(reason: "does not exist"))
        }
        if isDirectory.boolValue { return .failure(TextFileProblem(reason: "is a directory, not a file")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(TextFileProblem(reason: "cannot be read (permission denied?)"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            return .failure(TextFileProblem(reason: "cannot be read: \(error.localizedDescription)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TextFileProblem(reason: "is not UTF-8 text"))
        }
        return .success(text)
    }
}

/// Why a `TextFile` could not be read, in words ("is not UTF-8 text").
public struct TextFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
