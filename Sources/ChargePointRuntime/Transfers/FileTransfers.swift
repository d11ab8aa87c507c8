import Foundation

/// The station's file transfers on libcurl: firmware downloads (OCPP 1.6 §5.19
/// UpdateFirmware) and diagnostics uploads (§5.9 GetDiagnostics) over HTTP, HTTPS and
/// FTP.
///
/// Each transfer runs on its own thread with `curl_easy_perform`: transfers are rare
/// and long, and a thread each keeps them off the station's service loop without an
/// event loop of their own. Progress and completion are reported on that thread; the
/// owner hands them to its own.
public final class FileTransfers: @unchecked Sendable {
    /// The URL schemes a location may use.
    public static let supportedSchemes: [String] = TransferTarget.Scheme.allCases.map(\.rawValue)
    /// HTTP redirects followed before a download or upload gives up.
    public static let maximumRedirects = 5

    private let settings: CurlTransfer.Settings
    private let lock = NSLock()
    // Guarded by lock: the transfers whose threads have not ended, by a serial number
    // (ids are the caller's and may repeat).
    private var running: [UInt64: (transfer: CurlTransfer, thread: ServiceThread)] = [:]
    private var serial: UInt64 = 0
    private var shutDown = false

    /// `connectTimeout`: how long to wait for a server to accept the connection.
    /// `stallTimeout`: how long a transfer may go without a byte before it fails
    /// (CURLOPT_LOW_SPEED_LIMIT 1 byte/s for that many seconds, rounded up; libcurl
    /// averages the speed over its last 5 seconds, so a server that goes silent is given
    /// up on after `stallTimeout` to `stallTimeout` + 5 s).
    public init(trust: TransferTrust, connectTimeout: TimeInterval = 10, stallTimeout: TimeInterval = 30) {
        settings = CurlTransfer.Settings(trust: trust, connectTimeout: connectTimeout, stallTimeout: stallTimeout)
    }

    /// Downloads `url` into `path`: written to a temporary file beside it and renamed on
    /// success, so `path` is never half a file. Returns at once; `progress` at most
    /// every 250 ms, then `completion` exactly once; both on the transfer's own thread.
    public func download(
        id: Int, from url: String, to path: String, progress: @escaping @Sendable (TransferProgress) -> Void,
        completion: @escaping @Sendable (TransferResult) -> Void
    ) {
        start(
            CurlTransfer(
                id: id, url: url, work: .download(path: path), settings: settings, progress: progress,
                completion: completion))
    }

    /// Uploads `contents` as a file named `fileName` to `url`: HTTP(S) PUT (to url +
    /// fileName when url ends with "/"), falling back to POST multipart/form-data (field
    /// "file", filename fileName) when the server answers PUT with 405 or 501; FTP STOR
    /// (to url + fileName when the path ends with "/"). Reported as `download` is.
    public func upload(
        id: Int, to url: String, fileName: String, contents: [UInt8],
        progress: @escaping @Sendable (TransferProgress) -> Void,
        completion: @escaping @Sendable (TransferResult) -> Void
    ) {
        start(
            CurlTransfer(
                id: id, url: url, work: .upload(fileName: fileName, contents: contents), settings: settings,
                progress: progress, completion: completion))
    }

    /// Stops transfer `id` if it runs; its completion reports .failed(reason: "cancelled").
    public func cancel(id: Int) {
        lock.withLock {
            for (transfer, _) in running.values where transfer.id == id { transfer.cancel() }
        }
    }

    /// Cancels every transfer and waits until their threads have ended. A transfer
    /// started afterwards is cancelled at once.
    public func shutdown() {
        let threads = lock.withLock {
            shutDown = true
            for (transfer, _) in running.values { transfer.cancel() }
            return running.values.map(\.thread)
        }
        // A completion handler may shut down; its own thread cannot wait for itself.
        for thread in threads where !thread.isCurrent { thread.join() }
    }

    private func start(_ transfer: CurlTransfer) {
        lock.withLock {
            serial += 1
            let key = serial
            if shutDown { transfer.cancel() }
            let thread = ServiceThread(name: "transfer \(transfer.id)") { [weak self] in
                transfer.run()
                self?.finished(key)
            }
            running[key] = (transfer, thread)
            thread.start()
        }
    }

    private func finished(_ key: UInt64) {
        _ = lock.withLock { running.removeValue(forKey: key) }
    }
}
