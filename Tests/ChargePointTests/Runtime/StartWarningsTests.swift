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

    @Test func insecure_isStillWarnedAbout() throws {
        let secure = try Endpoint(url: "wss://csms.example.com/ocpp", stationId: "CP1")
        let lines = StartWarnings.lines(endpoint: secure, insecure: true, basicAuth: false)
        #expect(lines.first?.hasPrefix("--insecure") == true)
    }
}
