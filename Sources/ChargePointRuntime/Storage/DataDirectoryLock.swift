import ChargePoint
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One process per data directory: an exclusive advisory lock (flock(2)) on
/// `station.lock` in the directory, held for as long as this object lives — the life
/// of the process, for the console. Two processes on one station's database would both
/// start transaction 1 on connector 1, and after a restart one of the sessions would be
/// gone (issue 8).
///
/// The kernel releases the lock when the holder dies, however it dies (`kill -9`, a
/// power cut), so a stale lock file never blocks the next start: only a live holder
/// does. The holder writes its pid into the file so that a refused process can name
/// it. The file is never deleted: removing it would let a third process lock a new
/// file while the second still waits on the old one.
///
/// Acquiring also makes the directory (and its parents) when it does not exist, so
/// that every way a data directory can be unusable is found here, before the database
/// is opened, and reported as one `DataDirectoryError`.
public final class DataDirectoryLock: Sendable {
    public static let fileName = "station.lock"

    public let directory: String
    private let descriptor: Int32
    /// What `acquire` found readable by others and made private, for the operator.
    public let tightened: [String]

    private init(directory: String, descriptor: Int32, tightened: [String]) {
        self.directory = directory
        self.descriptor = descriptor
        self.tightened = tightened
    }

    deinit {
        close(descriptor)  // releases the lock
    }

    /// Makes `directory` if needed and locks it for this process.
    public static func acquire(_ directory: String) throws(DataDirectoryError) -> DataDirectoryLock {
        try makeDirectory(directory)
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case EACCES, EPERM, EROFS: throw .notWritable(directory: directory, reason: reason(code))
            case EISDIR: throw .cannotLock(directory: directory, reason: "\(path) is a directory")
            default: throw .cannotLock(directory: directory, reason: "\(path): \(reason(code))")
            }
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = code == EWOULDBLOCK ? holderPid(descriptor) : nil
            close(descriptor)
            if code == EWOULDBLOCK { throw .inUse(directory: directory, pid: holder) }
            throw .cannotLock(directory: directory, reason: reason(code))
        }
        let pid = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, pid, pid.count, 0) == pid.count else {
            let code = errno
            close(descriptor)
            throw .cannotLock(directory: directory, reason: "\(path): \(reason(code))")
        }
        return DataDirectoryLock(directory: directory, descriptor: descriptor, tightened: tighten(directory))
    }

    /// Secrets at rest (issue 11): the station's database holds its AuthorizationKey and
    /// the data directory its private keys, so the directory is 0700 and what is in it
    /// 0600 (directories 0700), for its owner only. Loosely made ones (an older version,
    /// a `--data-dir` made by hand) are tightened; the lines say what was, or what could
    /// not be (a directory this user does not own).
    static func tighten(_ directory: String) -> [String] {
        var changed: [String] = []
        var refused: [String] = []
        func restrict(_ path: String, depth: Int) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            guard isDirectory || info.st_mode & S_IFMT == S_IFREG else { return }
            if info.st_mode & 0o077 != 0 {
                // The owner keeps what it had (a file stays 0600, an executable 0700).
                let mode: mode_t = isDirectory ? 0o700 : info.st_mode & 0o700
                if chmod(path, mode) == 0 {
                    changed.append(path)
                } else {
                    refused.append("\(path) (\(reason(errno)))")
                }
            }
            guard isDirectory, depth < 2, let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
            else { return }
            for entry in entries.sorted() { restrict(path + "/" + entry, depth: depth + 1) }
        }
        restrict(directory, depth: 0)
        var lines: [String] = []
        if !changed.isEmpty {
            lines.append(
                "the data directory \(directory) was readable by other users: \(changed.count) item\(changed.count == 1 ? "" : "s") now for its owner only (directories 0700, files 0600)"
            )
        }
        if !refused.isEmpty {
            lines.append(
                "the data directory \(directory) is readable by other users and could not be tightened: \(refused.joined(separator: ", "))"
            )
        }
        return lines
    }

    /// `mkdir -p`, component by component, so that a file in the way is named.
    private static func makeDirectory(_ directory: String) throws(DataDirectoryError) {
        guard !directory.isEmpty else { throw .cannotCreate(directory: directory, reason: "the path is empty") }
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw .notADirectory(directory: directory, path: displayPath(prefix, of: directory))
                }
                continue
            }
            let missing = errno
            guard missing == ENOENT else { throw .cannotCreate(directory: directory, reason: reason(missing)) }
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .cannotCreate(directory: directory, reason: reason(errno))
            }
        }
    }

    /// `prefix` as the user wrote it (without the "./" added for a relative path).
    private static func displayPath(_ prefix: String, of directory: String) -> String {
        directory.hasPrefix("/") ? prefix : String(prefix.dropFirst(2))
    }

    /// The pid the holder wrote. It writes it right after locking: a refusal in that
    /// instant may find the file still empty, so it looks again for up to 0.2 s.
    private static func holderPid(_ descriptor: Int32) -> Int32? {
        for attempt in 0..<20 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            if count > 0, let pid = Int32(String(decoding: buffer[..<count], as: UTF8.self).filter(\.isNumber)) {
                return pid
            }
            if attempt < 19 { usleep(10_000) }
        }
        return nil
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
