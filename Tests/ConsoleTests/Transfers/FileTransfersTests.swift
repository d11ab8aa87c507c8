import ChargePointRuntime
import Foundation
import Testing

/// Firmware downloads and diagnostics uploads (OCPP 1.6 §5.9, §5.19) against real
/// HTTP, HTTPS and FTP servers (Tests/TransferServers), through libcurl.
@Suite("File transfers")
struct FileTransfersTests {
    let servers: TransferServers
    let directory: URL

    init() throws {
        servers = try TransferServers.shared.get()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("transfers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Downloads `url` into directory/firmware.bin with `transfers` (shut down after).
    private func download(
        _ url: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust())
    ) -> (TransferOutcome, String) {
        let path = directory.appendingPathComponent("firmware.bin").path
        let outcome = TransferOutcome()
        transfers.download(
            id: 1, from: url, to: path, progress: outcome.progress, completion: outcome.completion)
        return (outcome, path)
    }

    private func upload(
        to url: String, fileName: String, with transfers: FileTransfers = FileTransfers(trust: TransferTrust())
    ) -> TransferOutcome {
        let outcome = TransferOutcome()
        transfers.upload(
            id: 2, to: url, fileName: fileName, contents: TransferServers.firmware, progress: outcome.progress,
            completion: outcome.completion)
        return outcome
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Whatever else is in the download directory: a temporary file left behind.
    private func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0 != "firmware.bin" }
    }

    // MARK: Downloads

    @Test func httpDownload_replacesThePathWhole_andReportsProgress() throws {
        let path = directory.appendingPathComponent("firmware.bin").path
        try Data("the old firmware".utf8).write(to: URL(fileURLWithPath: path))
        let transfers = FileTransfers(trust: TransferTrust())
        let (outcome, _) = download("\(servers.http)/firmware.bin", with: transfers)
        let size = Int64(TransferServers.firmware.count)
        #expect(outcome.result() == .succeeded(bytes: size))
        transfers.shutdown()
        #expect(contents(path) == TransferServers.firmware)
        #expect(leftovers() == [])
        #expect(!outcome.reports.isEmpty)
        #expect(outcome.reports.allSatisfy { $0.total == size && $0.bytes > 0 && $0.bytes <= size })
        #expect(outcome.completions == 1)
        #expect(!outcome.reportedOnMainThread)
    }

    @Test func httpDownload_followsARedirect() {
        let (outcome, path) = download("\(servers.http)/redirect/firmware.bin")
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(path) == TransferServers.firmware)
    }

    @Test func httpDownload_404_failsNamingStatusAndURL_andLeavesThePathAlone() throws {
        let path = directory.appendingPathComponent("firmware.bin").path
        try Data("the old firmware".utf8).write(to: URL(fileURLWithPath: path))
        let (outcome, _) = download("\(servers.http)/missing-firmware.bin")
        #expect(outcome.reason() == "HTTP 404 Not Found from \(servers.http)/missing-firmware.bin")
        #expect(contents(path) == Array("the old firmware".utf8))
        #expect(leftovers() == [])
    }

    @Test func download_fromAClosedPort_failsAsRefused() {
        let (outcome, path) = download("http://127.0.0.1:9/firmware.bin")
        #expect(outcome.reason() == "cannot connect to 127.0.0.1:9 (connection refused)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(leftovers() == [])
    }

    @Test func httpsDownload_trustsTheServer_withTheRunsCA() {
        let (outcome, path) = download(
            "\(servers.https)/firmware.bin", with: FileTransfers(trust: TransferTrust(caFile: servers.caFile)))
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(path) == TransferServers.firmware)
    }

    @Test func httpsDownload_withoutTheCA_failsAsUntrusted() throws {
        let (outcome, path) = download("\(servers.https)/firmware.bin")
        let reason = try #require(outcome.reason())
        #expect(reason.hasPrefix("TLS: the server's certificate is not trusted ("), "\(reason)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func httpsDownload_insecure_acceptsAnyCertificate() {
        let (outcome, path) = download(
            "\(servers.https)/firmware.bin", with: FileTransfers(trust: TransferTrust(insecure: true)))
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(path) == TransferServers.firmware)
    }

    @Test func ftpDownload_logsInWithTheURLsUserAndPassword() {
        let (outcome, path) = download("\(servers.ftp)/files/firmware.bin")
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(path) == TransferServers.firmware)
    }

    @Test func slowServer_longerThanTheStallTimeout_failsAsTimedOut() {
        let transfers = FileTransfers(trust: TransferTrust(), stallTimeout: 1)
        let url = "\(servers.http)/slow/firmware.bin?stall=10"
        let (outcome, path) = download(url, with: transfers)
        #expect(outcome.reason() == "timed out: no data for 1 s from \(url)")
        transfers.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(leftovers() == [])
    }

    @Test func slowServer_withinTheStallTimeout_succeeds() {
        let (outcome, path) = download(
            "\(servers.http)/slow/firmware.bin?stall=1", with: FileTransfers(trust: TransferTrust(), stallTimeout: 5))
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(path) == TransferServers.firmware)
    }

    @Test func cancel_stopsTheTransfer_andReportsCancelled() {
        let transfers = FileTransfers(trust: TransferTrust())
        let (outcome, path) = download("\(servers.http)/slow/firmware.bin?stall=60", with: transfers)
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
        let (outcome, _) = download("\(servers.http)/slow/firmware.bin?stall=60", with: transfers)
        #expect(outcome.waitForProgress())
        transfers.shutdown()
        #expect(outcome.completions == 1)
        #expect(outcome.result(within: 0) == .failed(reason: "cancelled"))
        let late = TransferOutcome()
        transfers.download(
            id: 3, from: "\(servers.http)/firmware.bin", to: directory.appendingPathComponent("late.bin").path,
            progress: late.progress, completion: late.completion)
        #expect(late.reason() == "cancelled")
    }

    @Test func unsupportedScheme_failsAtOnce_namingWhatIsSupported() {
        #expect(FileTransfers.supportedSchemes == ["ftp", "http", "https"])
        let (outcome, path) = download("sftp://user:hunter2@files.example.com/firmware.bin")
        #expect(
            outcome.reason()
                == "unsupported URL scheme \"sftp\" in sftp://user:***@files.example.com/firmware.bin"
                + " (supported: ftp, http, https)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!outcome.reportedOnMainThread)
    }

    // MARK: Uploads

    @Test func httpUpload_PUTsTheFile_underItsNameInTheDirectory() throws {
        let name = TransferServers.uniqueName("put")
        let outcome = upload(to: "\(servers.http)/diagnostics/", fileName: name)
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(servers.uploads.appendingPathComponent(name).path) == TransferServers.firmware)
        let last = try #require(outcome.reports.last)
        #expect(last.total == Int64(TransferServers.firmware.count))
    }

    @Test func httpUpload_answered405_fallsBackToAPOSTForm() {
        let name = TransferServers.uniqueName("post")
        let outcome = upload(to: "\(servers.http)/post-only/", fileName: name)
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(servers.uploads.appendingPathComponent(name).path) == TransferServers.firmware)
    }

    @Test func httpsUpload_withTheRunsCA() {
        let name = TransferServers.uniqueName("https")
        let outcome = upload(
            to: "\(servers.https)/diagnostics/", fileName: name,
            with: FileTransfers(trust: TransferTrust(caFile: servers.caFile)))
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(servers.uploads.appendingPathComponent(name).path) == TransferServers.firmware)
    }

    @Test func httpUpload_refusedWith500_fails() {
        let name = TransferServers.uniqueName("refused")
        let outcome = upload(to: "\(servers.http)/refuse/", fileName: name)
        #expect(outcome.reason() == "HTTP 500 Internal Server Error from \(servers.http)/refuse/\(name)")
        #expect(!FileManager.default.fileExists(atPath: servers.uploads.appendingPathComponent(name).path))
    }

    @Test func ftpUpload_STOREsTheFileInUploads() {
        let name = TransferServers.uniqueName("ftp")
        let outcome = upload(to: "\(servers.ftp)/uploads/", fileName: name)
        #expect(outcome.result() == .succeeded(bytes: Int64(TransferServers.firmware.count)))
        #expect(contents(servers.uploads.appendingPathComponent(name).path) == TransferServers.firmware)
    }

    // MARK: Secrets

    @Test func ftpWrongPassword_failsAsLoginRefused_withoutShowingIt() {
        let url = servers.ftp.replacingOccurrences(of: ":\(TransferServers.ftpPassword)@", with: ":wrong-horse@")
        let (outcome, _) = download("\(url)/files/firmware.bin")
        #expect(outcome.reason() == "FTP: login refused (530)")
    }

    @Test(arguments: ["/missing.bin", "/slow/firmware.bin?stall=10", "/files/absent.bin"])
    func reasons_neverShowThePassword(path: String) throws {
        let transfers = FileTransfers(trust: TransferTrust(), stallTimeout: 1)
        let secret = TransferServers.ftpPassword
        let withCredentials =
            path.hasPrefix("/files/")
            ? "\(servers.ftp)\(path)" : servers.http.replacingOccurrences(of: "://", with: "://user:\(secret)@") + path
        let (outcome, _) = download(withCredentials, with: transfers)
        let reason = try #require(outcome.reason())
        #expect(!reason.contains(secret), "\(reason)")
        #expect(reason.contains("user:***@"), "\(reason)")
        transfers.shutdown()
    }
}
