import Foundation
import GRDB
import ChargePoint

/// Why the station database cannot be opened, read or written: one line for the
/// operator naming the file. At start the console exits with status 2 on it (README
/// "Command line"): the data directory holds something this station cannot use.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "the station database \(path) \(reason)" }

    /// The reason for any error SQLite (through GRDB), the file system or decoding a
    /// stored record reported, in the operator's terms.
    init(path: String, _ error: any Error) {
        self.path = path
        switch error {
        case let error as StoreError:
            reason = error.reason
        case let error as DatabaseError:
            reason = Self.reason(error, path: path)
        case is DecodingError:
            reason = "holds a record this version of ocpp-console cannot read (\(Self.oneLine("\(error)")))"
        default:
            reason = "cannot be opened: \(Self.oneLine(error.localizedDescription))"
        }
    }

    private static func reason(_ error: DatabaseError, path: String) -> String {
        switch error.resultCode {
        case .SQLITE_CANTOPEN:
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return "is a directory, not a database file"
            }
            return "cannot be opened (the file or its directory may not be writable)"
        case .SQLITE_NOTADB: return "is not an SQLite database"
        case .SQLITE_CORRUPT: return "is damaged (SQLite: the database disk image is malformed)"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return "is read-only"
        case .SQLITE_FULL: return "cannot grow: the disk is full"
        case .SQLITE_IOERR:
            // In exclusive locking mode a read-only file fails as an I/O error (its log
            // cannot be made), not as SQLITE_READONLY.
            if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
                return "is read-only"
            }
            return "cannot be read or written: input/output error"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "is locked by another program"
        default: return "cannot be used: \(oneLine(error.message ?? "\(error)"))"
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
