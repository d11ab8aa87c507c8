import ChargePoint
import Foundation
import StationSecurity

/// The runner's `TransferAgent`: firmware downloads and diagnostics uploads on
/// `FileTransfers` (libcurl, one thread per transfer), reported back to the station as
/// `StationInput.transfer` through `deliver`.
///
/// Images are downloaded into the data directory's `firmware` folder, read for their
/// `firmwareVersion=` and `installation=failed` lines (`FirmwareImageReader`) and the
/// signature of a signed update, then removed; a
/// diagnostics file is made from the station as it is when the upload starts and from
/// what `history` kept (`DiagnosticsReport`).
///
/// The core numbers its transfers afresh after a power cut, so reports carry the
/// generation they belong to: those of a transfer stopped by a power cut are dropped.
final class StationTransfers: TransferAgent, @unchecked Sendable {
    private let files: FileTransfers
    private let directory: String
    private let stationId: String
    private let history: StationHistory
    private let deliver: @Sendable (TransferReport) -> Void
    private let lock = NSLock()
    private var generation = 0  // guarded by lock
    private var running: Set<Int> = []  // service-thread state

    init(
        trust: TransferTrust, stallTimeout: TimeInterval, directory: String, stationId: String,
        history: StationHistory, deliver: @escaping @Sendable (TransferReport) -> Void
    ) {
        files = FileTransfers(trust: trust, stallTimeout: stallTimeout)
        self.directory = directory
        self.stationId = stationId
        self.history = history
        self.deliver = deliver
    }

    func perform(_ command: TransferCommand, station: StationCore) {
        switch command {
        case .start(let job):
            running.insert(job.id)
            start(job, station: station)
        case .cancel(let id):
            running.remove(id)
            files.cancel(id: id)
        }
    }

    func stopAll() {
        lock.withLock { generation += 1 }
        for id in running { files.cancel(id: id) }
        running.removeAll()
    }

    /// Stops every transfer and waits for their threads (the station is quitting).
    func shutdown() {
        lock.withLock { generation += 1 }
        files.shutdown()
    }

    private func start(_ job: TransferJob, station: StationCore) {
        let id = job.id
        let report = reporter(for: id)
        let progress: @Sendable (TransferProgress) -> Void = {
            report(.progress(id: id, bytes: $0.bytes, total: $0.total))
        }
        switch job.purpose {
        case .firmware:
            let path = directory + "/" + Self.safeName(job.fileName)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                return report(.failed(id: id, reason: "cannot create \(directory): \(error.localizedDescription)"))
            }
            files.download(id: id, from: job.location, to: path, progress: progress) { result in
                Self.finished(result, id: id, report: report) { Self.image(at: path, of: job) }
            }
        case .diagnostics, .log:
            let text =
                job.logType == .securityLog
                ? DiagnosticsReport.securityLog(station: station, stationId: stationId, job: job)
                : DiagnosticsReport.text(
                    station: station, stationId: stationId, job: job, frames: history.frames, log: history.log)
            files.upload(
                id: id, to: job.location, fileName: job.fileName, contents: Array(text.utf8), progress: progress
            ) { result in
                Self.finished(result, id: id, report: report) { .uploaded(id: id) }
            }
        }
    }

    /// The reports of a transfer that ended: the whole size once (the last progress is
    /// throttled), then what `done` says of it; or the failure.
    private static func finished(
        _ result: TransferResult, id: Int, report: (TransferReport) -> Void, done: () -> TransferReport
    ) {
        switch result {
        case .succeeded(let bytes):
            report(.progress(id: id, bytes: bytes, total: bytes))
            report(done())
        case .failed(let reason):
            report(.failed(id: id, reason: reason))
        }
    }

    /// A downloaded image, read (its version, whether it installs) and, for a signed
    /// update, its signature checked (L01.FR.04: SHA-256 with the signing certificate's
    /// key). The file is then removed: what the simulated installation needs is in the
    /// report and the stored update, and a rejected image must not stay.
    private static func image(at path: String, of job: TransferJob) -> TransferReport {
        defer { try? FileManager.default.removeItem(atPath: path) }
        switch FirmwareImageReader.read(path: path) {
        case .failure(let reason):
            return .failed(id: job.id, reason: reason.description)
        case .success(var image):
            if let signed = job.signature {
                image.signatureValid =
                    (try? FirmwareSignature.verify(
                        fileAt: path, signatureBase64: signed.signature,
                        signingCertificatePEM: signed.signingCertificate))
                    ?? false
            }
            return .downloaded(id: job.id, image)
        }
    }

    /// Delivers the reports of transfer `id` while its generation lasts.
    private func reporter(for id: Int) -> @Sendable (TransferReport) -> Void {
        let born = lock.withLock { generation }
        return { [weak self] report in
            guard let self, lock.withLock({ generation == born }) else { return }
            deliver(report)
        }
    }

    /// A file name from a URL, kept inside the folder: no path separators, no dot files.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { $0 == "/" || $0 == "\\" ? "_" : $0 })
        return cleaned.hasPrefix(".") || cleaned.isEmpty ? "firmware" + cleaned : cleaned
    }
}
