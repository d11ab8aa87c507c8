import ChargePoint
import Testing

@testable import ChargePointRuntime

/// A failed TLS handshake in words an operator can act on, and the security event it is
/// (security whitepaper A00.FR.309, .315, .322, §8): never `error:00000001:lib(0)`.
@Suite("TLS handshake failures")
struct TLSHandshakeFailureTests {
    static func explained(_ failure: TLSHandshakeFailure) -> (reason: String, failure: LinkFailure?)? {
        failure.explained(host: "csms.example")
    }

    @Test(
        "A00.FR.309: certificate problems say what failed and what to do",
        arguments: [
            (20, "server certificate not trusted: CN=csms.example has an unknown issuer — use --ca-file PEM"),
            (18, "server certificate not trusted: self-signed CN=csms.example"),
            (10, "server certificate expired: CN=csms.example"),
            (62, "name mismatch: the server certificate CN=csms.example is not for csms.example"),
            (9, "not valid yet"),
        ] as [(Int32, String)])
    func certificateProblems(_ code: Int32, _ words: String) throws {
        let result = try #require(Self.explained(TLSHandshakeFailure(verifyError: (code, "CN=csms.example"))))
        #expect(result.reason.hasPrefix("TLS: "))
        #expect(result.reason.contains(words), "\(result.reason)")
        #expect(result.failure == .serverCertificateRejected)
    }

    @Test("A00.FR.315: a protocol_version alert is InvalidTLSVersion")
    func oldTLS() throws {
        for sent in [true, false] {
            let result = try #require(Self.explained(TLSHandshakeFailure(alert: (70, sent))))
            #expect(result.reason.contains("TLS 1.2 on"))
            #expect(result.failure == .tlsVersionRejected)
        }
    }

    @Test("A00.FR.322: a handshake failure before any certificate is InvalidTLSCipherSuite")
    func noCommonCipher() throws {
        let result = try #require(Self.explained(TLSHandshakeFailure(alert: (40, false))))
        #expect(result.reason.contains("cipher suite"))
        #expect(result.failure == .tlsCipherSuiteRejected)
    }

    @Test("profile 3: a server that wants a client certificate, and one that refuses ours")
    func clientCertificate() throws {
        var failure = TLSHandshakeFailure(alert: (116, false), sawServerCertificate: true)
        #expect(Self.explained(failure)?.reason.contains("requires a client certificate") == true)
        failure.presentedCertificate = true
        failure.alert = (48, false)
        let refused = try #require(Self.explained(failure))
        #expect(refused.reason.contains("refused the station's certificate (alert: unknown CA)"))
        #expect(refused.failure == .credentialsRefused)
    }

    @Test("profile 3: a server that hangs up after its certificate refused ours, or wanted one")
    func hangUpAfterTheServerCertificate() throws {
        var failure = TLSHandshakeFailure(alert: (50, true), sawServerCertificate: true)
        let wanted = try #require(Self.explained(failure))
        #expect(wanted.reason.contains("requires a client certificate") && wanted.failure == .credentialsRefused)
        failure.presentedCertificate = true
        #expect(Self.explained(failure)?.reason.contains("does not accept the station's certificate") == true)
        failure.sawServerCertificate = false
        let noTLS = try #require(Self.explained(failure))
        #expect(noTLS.reason.contains("did not answer in TLS") && noTLS.failure == nil)
    }

    @Test("profile 3 over TLS 1.3: the server asked for a certificate and hung up before its alert was read")
    func certificateRequestedThenHungUp() throws {
        var failure = TLSHandshakeFailure(sawServerCertificate: true, certificateRequested: true)
        let wanted = try #require(Self.explained(failure))
        #expect(wanted.reason.contains("requires a client certificate") && wanted.failure == .credentialsRefused)
        failure.presentedCertificate = true
        #expect(Self.explained(failure)?.reason.contains("does not accept the station's certificate") == true)
        failure.certificateRequested = false
        #expect(Self.explained(failure) == nil)
        failure = TLSHandshakeFailure(alert: (50, true), sawServerCertificate: true, certificateRequested: true)
        #expect(Self.explained(failure)?.reason.hasPrefix("TLS: the central system requires a client") == true)
    }

    @Test("nothing learnt: no explanation (the generic one applies)")
    func nothing() {
        #expect(Self.explained(TLSHandshakeFailure()) == nil)
    }
}
