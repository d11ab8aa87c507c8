import Testing

@testable import ChargePoint
@testable import ChargePointRuntime

/// The connection URL (OCPP-J 1.6 §3.1.1) and the words used when a connection fails.
@Suite("Endpoint and link errors")
struct EndpointTests {
    @Test(arguments: [
        ("ws://csms.example.com/ocpp", "CP001", "ws://csms.example.com/ocpp/CP001"),
        ("ws://csms.example.com/ocpp/", "CP001", "ws://csms.example.com/ocpp/CP001"),
        ("wss://csms.example.com:8443/ocpp16", "RDAM 123", "wss://csms.example.com:8443/ocpp16/RDAM%20123"),
        ("ws://10.0.0.1:9000", "a/b?c", "ws://10.0.0.1:9000/a%2Fb%3Fc"),
        ("ws://h/x?token=1", "é", "ws://h/x/%C3%A9?token=1"),
    ])
    func stationId_isTheLastPathSegment_percentEncoded(_ url: String, _ id: String, _ expected: String) throws {
        #expect(try Endpoint(url: url, stationId: id).description == expected)
    }

    /// A central system that routes on another segment, or only with a trailing slash.
    @Test(arguments: [
        ("ws://h/ocpp/{id}/", "CP001", "ws://h/ocpp/CP001/"),
        ("wss://h:8443/{id}/ocpp", "RDAM 123", "wss://h:8443/RDAM%20123/ocpp"),
        ("ws://h/cp/{id}?token=1", "a/b", "ws://h/cp/a%2Fb?token=1"),
    ])
    func urlTemplate_putsTheIdentityWhereItSays(_ url: String, _ id: String, _ expected: String) throws {
        #expect(try Endpoint(url: url, stationId: id).description == expected)
    }

    @Test func anIdentityPlaceholderTwice_isRefused() {
        #expect(throws: EndpointError.self) { try Endpoint(url: "ws://h/{id}/{id}", stationId: "CP") }
        // Second review of issue 12: an unclosed or misspelt placeholder is refused, not sent.
        for template in ["ws://h/ocpp/{id", "ws://h/ocpp/{ID}/", "ws://h/ocpp/id}"] {
            #expect(throws: EndpointError.self, "\(template)") { try Endpoint(url: template, stationId: "CP") }
        }
    }

    @Test func defaultPorts() throws {
        #expect(try Endpoint(url: "ws://h/o", stationId: "x").port == 80)
        #expect(try Endpoint(url: "wss://h/o", stationId: "x").port == 443)
        #expect(try Endpoint(url: "wss://h/o", stationId: "x").secure)
    }

    @Test(arguments: ["http://h/ocpp", "ws:///ocpp", "ws://h:70000/ocpp", "csms.example.com"])
    func badURLs_sayWhy(_ url: String) {
        #expect(throws: EndpointError.self) { try Endpoint(url: url, stationId: "x") }
    }

    @Test func handshakeFailures_inWordsAnOperatorCanActOn() throws {
        let settings = LinkSettings(endpoint: try Endpoint(url: "ws://h/o", stationId: "CP"), stationId: "CP")
        let noPassword = WebSocketClient.explain("HS: ws upgrade response not 101", httpStatus: 401, settings).reason
        #expect(noPassword.hasPrefix("the central system refused the credentials (HTTP 401; no password was sent)"))
        #expect(
            WebSocketClient.explain("x", httpStatus: 404, settings).reason.contains("does not know this station id"))
        #expect(WebSocketClient.explain("x", httpStatus: 400, settings).reason.contains("does it offer ocpp1.6?"))
        #expect(WebSocketClient.explain("x", httpStatus: 503, settings).reason.contains("(HTTP 503)"))
        #expect(WebSocketClient.explain("tls: certificate verify failed", settings).reason.hasPrefix("TLS failed"))
        // Security whitepaper §8: which failures are security events.
        #expect(WebSocketClient.explain("x", httpStatus: 401, settings).failure == .credentialsRefused)
        #expect(
            WebSocketClient.explain("tls: certificate verify failed", settings).failure == .serverCertificateRejected)
        #expect(WebSocketClient.explain("x", httpStatus: 404, settings).failure == nil)
    }

    @Test("libwebsockets' bare words become plain ones: no listener, and ws:// to a TLS port")
    func connectionFailures_inPlainWords() throws {
        let secure = LinkSettings(
            endpoint: try Endpoint(url: "wss://localhost:1/ocpp", stationId: "CP-1"), stationId: "CP-1")
        let plain = LinkSettings(
            endpoint: try Endpoint(url: "ws://localhost:8443/ocpp", stationId: "CP-1"), stationId: "CP-1")
        #expect(
            WebSocketClient.explain("Unable to connect", secure).reason
                == "cannot connect to localhost:1 (connection refused, or no route to it)")
        #expect(
            WebSocketClient.explain("read failed", plain).reason
                == "localhost:8443 closed the connection without answering the WebSocket handshake: if it speaks TLS, use wss://"
        )
        #expect(!WebSocketClient.explain("read failed", secure).reason.contains("use wss://"))
    }
}
