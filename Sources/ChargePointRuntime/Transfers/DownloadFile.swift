import Foundation

/// Where a download writes: a temporary file beside the destination, renamed over it
/// only once complete and on disk. The destination is never half a file: the firmware
/// a station installs (OCPP 1.6 §5.19) is the old file or the whole new one, also after
/// a power cut.
final class DownloadFile {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private(set) var bytes: Int64 = 0
    /// Why a write failed (disk full, …): the reason of the whole download.
    private(set) var failure: String?

    init(replacing path: String) throws(TransferFailure) {
        let destination = URL(fileURLWithPath: path)
        let directory = destination.deletingLastPathComponent().path
        self.path = path
        // One name per download: a cancelled download of the same file may still be
        // running (a power cut, a replacing UpdateFirmware) and must not write into, or
        // delete, this one's file. What earlier downloads of it left (a crash, a cancel)
        // is removed first, so leftovers do not pile up on a small disk.
        let stem = ".\(destination.lastPathComponent).part"
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where leftover.hasPrefix(stem) {
            unlink("\(directory)/\(leftover)")
        }
        temporaryPath = "\(directory)/\(stem)-\(UUID().uuidString)"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw TransferFailure("cannot write into \(directory): \(Self.describe(errno))")
        }
    }

    deinit { discard() }

    /// Appends `buffer`; false (and `failure` set) when the disk refuses.
    func write(_ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = "cannot write \(path): \(Self.describe(errno))"
                return false
            }
            offset += written
        }
        bytes += Int64(buffer.count)
        return true
    }

    /// Puts the complete file in place: flushed to disk, then renamed over `path`.
    func commit() throws(TransferFailure) {
        guard fsync(descriptor) == 0 else { throw TransferFailure("cannot write \(path): \(Self.describe(errno))") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let reason = TransferFailure("cannot replace \(path): \(Self.describe(errno))")
            unlink(temporaryPath)
            throw reason
        }
    }

    /// Removes the temporary file; `path` stays as it was.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
