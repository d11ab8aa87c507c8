import ChargePoint
import Testing

@testable import ChargePointRuntime

/// What a station warns about from its start: settings that expose it.
@Suite("Start warnings")
struct StartWarningsTests {
    @Test func basicAuthOverPlainWs_isWarnedAbout_withoutThePassword() throws {
        let plain = try Endpoint(url: "ws://csms.example.com/ocpp", stationId: "CP1")
        let lines = StartWarnings.lines(endpoint: plain, insecure: false, basicAuth: true)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("HTTP Basic auth over plain ws://") == true)
    }

    @Test func wssOrNoPassword_isNoWarning() throws {
        let secure = try Endpoint(url: "wss://csms.example.com/ocpp", stationId: "CP1")
        let plain = try Endpoint(url: "ws://csms.example.com/ocpp", stationId: "CP1")
        #expect(StartWarnings.lines(endpoint: secure, insecure: false, basicAuth: true).isEmpty)
        #expect(StartWarnings.lines(endpoint: plain, insecure: false, basicAuth: false).isEmpty)
    }

    @Test("A00.FR.403, .407: an expired --client-cert is warned about at the start; a valid one is not")
    func expiredClientCertificate_isWarnedAbout() throws {
        let secure = try Endpoint(url: "wss://csms.example.com/ocpp", stationId: "CP1")
        let now = Timestamp(rfc3339: "2026-06-01T00:00:00Z")!
        func certificate(_ from: String, _ until: String) -> CertificateReport.OwnCertificate {
            CertificateReport.OwnCertificate(
                subject: "CN=CP1,O=Example CPO", notBefore: Timestamp(rfc3339: from),
                notAfter: Timestamp(rfc3339: until)!, provisioned: true)
        }
        let expired = StartWarnings.lines(
            endpoint: secure, insecure: false, basicAuth: false,
            clientCertificate: certificate("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), now: now)
        #expect(
            expired == [
                "--client-cert: CN=CP1,O=Example CPO expired at 2026-01-01T00:00:00.000Z; the central system will refuse it: renew it"
            ])
        let early = StartWarnings.lines(
            endpoint: secure, insecure: false, basicAuth: false,
            clientCertificate: certificate("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), now: now)
        #expect(early.first?.contains("is not valid before 2027-01-01T00:00:00.000Z") == true, "\(early)")
        let valid = StartWarnings.lines(
            endpoint: secure, insecure: false, basicAuth: false,
            clientCertificate: certificate("2025-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), now: now)
        #expect(valid.isEmpty)
    }

    @Test func insecure_isStillWarnedAbout() throws {
        let secure = try Endpoint(url: "wss://csms.example.com/ocpp", stationId: "CP1")
        let lines = StartWarnings.lines(endpoint: secure, insecure: true, basicAuth: false)
        #expect(lines.first?.hasPrefix("--insecure") == true)
    }
}
