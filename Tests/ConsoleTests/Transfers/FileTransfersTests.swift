import ChargePointRuntime
import Foundation
import Testing

/// Firmware downloads and diagnostics uploads (OCPP 1.6 §5.9, §5.19) against real
/// HTTP, HTTPS and FTP servers (Tests/TransferServers), through libcurl.
@Suite("File transfers")
struct FileTransfersTests {
    let servers: TransferServers
    let directory: URL
    let path: String
    let firmware = TransferServers.firmware
    let size = Int64(TransferServers.firmware.count)

    init() throws {
        servers = try TransferServers.shared.get()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("transfers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("firmware.bin").path
    }

    /// Starts downloading `url` into `path`.
    private func download(
        _ url: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust())
    ) -> TransferOutcome {
        let outcome = TransferOutcome()
        transfers.download(id: 1, from: url, to: path, progress: outcome.progress, completion: outcome.completion)
        return outcome
    }

    /// Downloads `url` and expects the firmware, whole, at `path`.
    @discardableResult
    private func expectDownloaded(
        _ url: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust()),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> TransferOutcome {
        let outcome = download(url, with: transfers)
        #expect(outcome.result() == .succeeded(bytes: size), sourceLocation: sourceLocation)
        #expect(contents(path) == firmware, sourceLocation: sourceLocation)
        return outcome
    }

    /// Starts uploading the firmware bytes as `fileName` to `url`.
    private func upload(
        to url: String, fileName: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust())
    ) -> TransferOutcome {
        let outcome = TransferOutcome()
        transfers.upload(
            id: 2, to: url, fileName: fileName, contents: firmware, progress: outcome.progress,
            completion: outcome.completion)
        return outcome
    }

    /// Uploads the firmware bytes under a fresh name to `url` and expects them whole in
    /// the servers' uploads directory.
    @discardableResult
    private func expectUploaded(
        to url: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust()),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> TransferOutcome {
        let name = TransferServers.uniqueName("upload")
        let outcome = upload(to: url, fileName: name, with: transfers)
        #expect(outcome.result() == .succeeded(bytes: size), sourceLocation: sourceLocation)
        #expect(contents(servers.uploads.appendingPathComponent(name).path) == firmware, sourceLocation: sourceLocation)
        return outcome
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// What else is in the download directory: a temporary file left behind.
    private func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0 != "firmware.bin" }
    }

    // MARK: Downloads

    @Test func httpDownload_replacesThePathWhole_andReportsProgress() throws {
        try Data("the old firmware".utf8).write(to: URL(fileURLWithPath: path))
        let transfers = FileTransfers(trust: TransferTrust())
        let outcome = expectDownloaded("\(servers.http)/firmware.bin", with: transfers)
        transfers.shutdown()
        #expect(leftovers() == [])
        #expect(!outcome.reports.isEmpty)
        #expect(outcome.reports.allSatisfy { $0.total == size && $0.bytes > 0 && $0.bytes <= size })
        #expect(outcome.completions == 1)
        #expect(!outcome.reportedOnMainThread)
    }

    @Test func httpDownload_reusesWhatAnInterruptedOneLeft() throws {
        let left = directory.appendingPathComponent(".firmware.bin.part")
        try Data(repeating: 0xEE, count: 2 * firmware.count).write(to: left)
        expectDownloaded("\(servers.http)/firmware.bin")
        #expect(leftovers() == [])
    }

    @Test func httpDownload_followsARedirect() {
        expectDownloaded("\(servers.http)/redirect/firmware.bin")
    }

    @Test func httpDownload_404_failsNamingStatusAndURL_andLeavesThePathAlone() throws {
        try Data("the old firmware".utf8).write(to: URL(fileURLWithPath: path))
        let outcome = download("\(servers.http)/missing-firmware.bin")
        #expect(outcome.reason() == "HTTP 404 Not Found from \(servers.http)/missing-firmware.bin")
        #expect(contents(path) == Array("the old firmware".utf8))
        #expect(leftovers() == [])
    }

    @Test func download_fromAClosedPort_failsAsRefused() {
        let outcome = download("http://127.0.0.1:9/firmware.bin")
        #expect(outcome.reason() == "cannot connect to 127.0.0.1:9 (connection refused)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(leftovers() == [])
    }

    @Test func httpsDownload_trustsTheServer_withTheRunsCA() {
        expectDownloaded(
            "\(servers.https)/firmware.bin", with: FileTransfers(trust: TransferTrust(caFile: servers.caFile)))
    }

    @Test func httpsDownload_withoutTheCA_failsAsUntrusted() throws {
        let reason = try #require(download("\(servers.https)/firmware.bin").reason())
        #expect(reason.hasPrefix("TLS: the server's certificate is not trusted ("), "\(reason)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func httpsDownload_insecure_acceptsAnyCertificate() {
        expectDownloaded("\(servers.https)/firmware.bin", with: FileTransfers(trust: TransferTrust(insecure: true)))
    }

    @Test func ftpDownload_logsInWithTheURLsUserAndPassword() {
        expectDownloaded("\(servers.ftp)/files/firmware.bin")
    }

    @Test func slowServer_longerThanTheStallTimeout_failsAsTimedOut() {
        let transfers = FileTransfers(trust: TransferTrust(), stallTimeout: 1)
        let url = "\(servers.http)/slow/firmware.bin?stall=10"
        #expect(download(url, with: transfers).reason() == "timed out: no data for 1 s from \(url)")
        transfers.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(leftovers() == [])
    }

    @Test func slowServer_withinTheStallTimeout_succeeds() {
        expectDownloaded(
            "\(servers.http)/slow/firmware.bin?stall=1", with: FileTransfers(trust: TransferTrust(), stallTimeout: 5))
    }

    @Test func cancel_stopsTheTransfer_andReportsCancelled() {
        let transfers = FileTransfers(trust: TransferTrust())
        let outcome = download("\(servers.http)/slow/firmware.bin?stall=60", with: transfers)
        #expect(outcome.waitForProgress())
        transfers.cancel(id: 1)
        #expect(outcome.reason(within: 10) == "cancelled")
        transfers.shutdown()
        #expect(outcome.completions == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(leftovers() == [])
    }

    @Test func shutdown_cancelsWhatRuns_andWaitsForIt() {
        let transfers = FileTransfers(trust: TransferTrust())
        let outcome = download("\(servers.http)/slow/firmware.bin?stall=60", with: transfers)
        #expect(outcome.waitForProgress())
        transfers.shutdown()
        #expect(outcome.completions == 1)
        #expect(outcome.result(within: 0) == .failed(reason: "cancelled"))
        let late = download("\(servers.http)/firmware.bin", with: transfers)
        #expect(late.reason() == "cancelled")
    }

    @Test func unsupportedScheme_failsAtOnce_namingWhatIsSupported() {
        #expect(FileTransfers.supportedSchemes == ["ftp", "http", "https"])
        let outcome = download("sftp://user:hunter2@files.example.com/firmware.bin")
        #expect(
            outcome.reason()
                == "unsupported URL scheme \"sftp\" in sftp://user:********@files.example.com/firmware.bin"
                + " (supported: ftp, http, https)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!outcome.reportedOnMainThread)
    }

    // MARK: Uploads

    @Test func httpUpload_PUTsTheFile_underItsNameInTheDirectory() throws {
        let outcome = expectUploaded(to: "\(servers.http)/diagnostics/")
        let last = try #require(outcome.reports.last)
        #expect(last.total == size)
    }

    @Test func httpUpload_answered405_fallsBackToAPOSTForm() {
        expectUploaded(to: "\(servers.http)/post-only/")
    }

    @Test func httpsUpload_withTheRunsCA() {
        expectUploaded(
            to: "\(servers.https)/diagnostics/", with: FileTransfers(trust: TransferTrust(caFile: servers.caFile)))
    }

    @Test func ftpUpload_STOREsTheFileInUploads() {
        expectUploaded(to: "\(servers.ftp)/uploads/")
        // §6.25: the location is a directory, with or without its final slash.
        expectUploaded(to: "\(servers.ftp)/uploads")
    }

    @Test func httpUpload_refusedWith500_fails() {
        let name = TransferServers.uniqueName("refused")
        let outcome = upload(to: "\(servers.http)/refuse/", fileName: name)
        #expect(outcome.reason() == "HTTP 500 Internal Server Error from \(servers.http)/refuse/\(name)")
        #expect(!FileManager.default.fileExists(atPath: servers.uploads.appendingPathComponent(name).path))
    }

    // MARK: Secrets

    @Test func ftpWrongPassword_failsAsLoginRefused_withoutShowingIt() {
        let url = servers.ftp.replacingOccurrences(of: ":\(TransferServers.ftpPassword)@", with: ":wrong-horse@")
        #expect(download("\(url)/files/firmware.bin").reason() == "FTP: login refused (530)")
    }

    @Test(arguments: ["/missing.bin", "/slow/firmware.bin?stall=10", "/files/absent.bin"])
    func reasons_neverShowThePassword(path: String) throws {
        let transfers = FileTransfers(trust: TransferTrust(), stallTimeout: 1)
        let secret = TransferServers.ftpPassword
        let withCredentials =
            path.hasPrefix("/files/")
            ? "\(servers.ftp)\(path)" : servers.http.replacingOccurrences(of: "://", with: "://user:\(secret)@") + path
        let reason = try #require(download(withCredentials, with: transfers).reason())
        #expect(!reason.contains(secret), "\(reason)")
        #expect(reason.contains("user:********@"), "\(reason)")
        transfers.shutdown()
    }
}
