internal import CCurl
import Dispatch
import Foundation

/// One download or upload, from start to completion on its own thread, with
/// `curl_easy_perform`: a handle per attempt (an upload refused as PUT is tried again
/// as a POST form). libcurl calls back on that thread: bytes in (to the download file),
/// bytes out (from the upload's contents), and progress, which is where a cancel stops
/// the transfer.
final class CurlTransfer: @unchecked Sendable {
    enum Work {
        case download(path: String)
        case upload(fileName: String, contents: [UInt8])
    }

    struct Settings {
        var trust: TransferTrust
        var connectTimeout: TimeInterval
        var stallTimeout: TimeInterval
    }

    /// Progress at most this often (nanoseconds): enough for a status line, few events.
    static let progressInterval: UInt64 = 250_000_000

    let id: Int
    private let url: String
    private let work: Work
    private let settings: Settings
    private let onProgress: @Sendable (TransferProgress) -> Void
    private let completion: @Sendable (TransferResult) -> Void

    private let lock = NSLock()
    private var cancelled = false  // guarded by lock

    // The transfer thread's own: what the callbacks read and write.
    private var file: DownloadFile?
    private var sent = 0
    private var reported: (at: UInt64, progress: TransferProgress)?

    init(
        id: Int, url: String, work: Work, settings: Settings,
        progress: @escaping @Sendable (TransferProgress) -> Void,
        completion: @escaping @Sendable (TransferResult) -> Void
    ) {
        self.id = id
        self.url = url
        self.work = work
        self.settings = settings
        self.onProgress = progress
        self.completion = completion
    }

    /// Stops the transfer at libcurl's next callback (within about a second when the
    /// server is silent); thread-safe.
    func cancel() { lock.withLock { cancelled = true } }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// Runs the transfer to its end and reports how it ended, once; on its own thread.
    func run() {
        let result: TransferResult
        do {
            result = .succeeded(bytes: try transfer())
        } catch {
            result = .failed(reason: error.reason)
        }
        completion(result)
    }

    private func transfer() throws(TransferFailure) -> Int64 {
        guard !isCancelled else { throw .cancelled }
        let target = try TransferTarget(url)
        switch work {
        case .download(let path):
            return try download(target, to: path)
        case .upload(let fileName, let contents):
            return try upload(to: target, fileName: fileName, contents: contents)
        }
    }

    private func download(_ target: TransferTarget, to path: String) throws(TransferFailure) -> Int64 {
        let file = try DownloadFile(replacing: path)
        self.file = file
        defer { self.file = nil }
        do throws(TransferFailure) {
            try perform(target)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return file.bytes
    }

    /// HTTP(S): PUT, and on 405 or 501 a POST form to the URL as given; FTP: STOR.
    private func upload(to target: TransferTarget, fileName: String, contents: [UInt8]) throws(TransferFailure)
        -> Int64
    {
        let destination = try target.uploading(fileName)
        do throws(TransferFailure) {
            try perform(destination) { easy in
                easy.set(CURLOPT_UPLOAD, 1)
                easy.set(CURLOPT_INFILESIZE_LARGE, size: Int64(contents.count))
                easy.set(read: { buffer, size, count, context in
                    guard let buffer, let context else { return Int(CURL_READFUNC_ABORT) }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                    return transfer.send(into: buffer, capacity: size * count)
                })
                easy.set(seek: { context, offset, origin in
                    guard let context, origin == SEEK_SET else { return CURL_SEEKFUNC_CANTSEEK }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                    return transfer.rewind(to: Int(offset))
                })
            }
        } catch let refused where target.isHTTP && [405, 501].contains(refused.httpStatus) {
            try perform(target) { easy in easy.post(field: "file", fileName: fileName, contents: contents) }
        }
        return Int64(contents.count)
    }

    /// One `curl_easy_perform` on a handle set up for `target` and by `configure`.
    private func perform(
        _ target: TransferTarget, _ configure: (CurlEasy) -> Void = { _ in }
    ) throws(TransferFailure) {
        guard !isCancelled else { throw .cancelled }
        let easy = try CurlEasy()
        let stallSeconds = max(1, Int(settings.stallTimeout.rounded(.up)))
        easy.set(CURLOPT_URL, target.url)
        easy.set(CURLOPT_NOSIGNAL, 1)  // many threads: no SIGALRM around name lookups
        easy.set(CURLOPT_PROTOCOLS_STR, FileTransfers.supportedSchemes.joined(separator: ","))
        easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        easy.set(CURLOPT_FOLLOWLOCATION, 1)
        easy.set(CURLOPT_MAXREDIRS, FileTransfers.maximumRedirects)
        // An upload answered 301 or 302 was not taken: send it again, as libcurl does
        // for 307 and 308, instead of turning it into a GET (a 303 means it was taken).
        easy.set(CURLOPT_POSTREDIR, Int(CURL_REDIR_POST_301 | CURL_REDIR_POST_302))
        easy.set(CURLOPT_FAILONERROR, 1)
        easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
        easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        easy.set(CURLOPT_LOW_SPEED_TIME, stallSeconds)
        easy.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, stallSeconds)  // an FTP server silent between commands
        easy.set(CURLOPT_USERAGENT, "ocpp-console")
        if let caFile = settings.trust.caFile { easy.set(CURLOPT_CAINFO, caFile) }
        if settings.trust.insecure {
            easy.set(CURLOPT_SSL_VERIFYPEER, 0)
            easy.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        let owner = Unmanaged.passUnretained(self).toOpaque()
        for option in [CURLOPT_WRITEDATA, CURLOPT_READDATA, CURLOPT_SEEKDATA, CURLOPT_XFERINFODATA] {
            easy.set(option, owner)
        }
        // Always ours: libcurl's default writes to WRITEDATA as a FILE *.
        easy.set(write: { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receive(UnsafeRawBufferPointer(start: buffer, count: size * count))
        })
        easy.set(CURLOPT_NOPROGRESS, 0)
        easy.set(progress: { context, downloadTotal, downloaded, _, uploaded in
            guard let context else { return 1 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.progressed(total: Int64(downloadTotal), received: Int64(downloaded), sent: Int64(uploaded))
        })
        configure(easy)
        sent = 0
        let code = withExtendedLifetime(self) { easy.perform() }
        guard !isCancelled else { throw .cancelled }
        let context = TransferFailure.Context(
            target: target, trust: settings.trust, connectTimeout: settings.connectTimeout,
            stallSeconds: stallSeconds, writeFailure: file?.failure)
        if let failure = TransferFailure(code, easy, context) { throw failure }
    }

    // MARK: libcurl's callbacks, on the transfer thread

    /// Received bytes: into the download file; an upload's answer is dropped. Fewer
    /// than given makes libcurl stop.
    private func receive(_ buffer: UnsafeRawBufferPointer) -> Int {
        guard !isCancelled else { return 0 }
        if let file, !file.write(buffer) { return 0 }
        return buffer.count
    }

    /// Bytes to send, from the upload's contents.
    private func send(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        guard !isCancelled, case .upload(_, let contents) = work else { return Int(CURL_READFUNC_ABORT) }
        let count = min(capacity, contents.count - sent)
        contents.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + sent, byteCount: count)
        }
        sent += count
        return count
    }

    /// Back to `offset`, for a request libcurl sends again (a redirect, a retried connection).
    private func rewind(to offset: Int) -> Int32 {
        guard case .upload(_, let contents) = work, (0...contents.count).contains(offset) else {
            return CURL_SEEKFUNC_FAIL
        }
        sent = offset
        return CURL_SEEKFUNC_OK
    }

    /// libcurl's progress: on to the owner at most every `progressInterval`; non-zero
    /// stops the transfer (a cancel).
    private func progressed(total: Int64, received: Int64, sent: Int64) -> Int32 {
        guard !isCancelled else { return 1 }
        let progress: TransferProgress
        switch work {
        case .download:
            progress = TransferProgress(bytes: received, total: total > 0 ? total : nil)
        case .upload(_, let contents):
            let size = Int64(contents.count)
            progress = TransferProgress(bytes: min(sent, size), total: size)
        }
        let now = DispatchTime.now().uptimeNanoseconds
        guard progress.bytes > 0, progress != reported?.progress else { return 0 }
        if let reported, now - reported.at < Self.progressInterval { return 0 }
        reported = (now, progress)
        onProgress(progress)
        return 0
    }
}
