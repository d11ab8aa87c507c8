import Foundation
import Testing

@testable import ChargePoint
@testable import ConsoleScreen

/// The header's connection line shows the security profile of the link and, over TLS,
/// the certificate the central system was verified by (security whitepaper §2, issue 11
/// item 8); at 80 columns the server's common name stays, the URL is shortened for it.
@Suite("Security in the header")
struct SecurityHeaderRenderingTests {
    static func connectionLine(columns: Int, _ change: (inout StationSnapshot) -> Void) throws -> String {
        let text = try TransferRenderingTests.screen(rows: 24, columns: columns, change)
        return String(text.split(separator: "\n", omittingEmptySubsequences: false)[1])
    }

    @Test func profileTwo_showsWssAndTheVerifiedServer() throws {
        let wide = try Self.connectionLine(columns: 160) {
            $0.securityProfile = 2
            $0.server = ServerCertificate(subject: "CN=csms.example.com,O=Example CPO", issuer: "CN=Example Root")
        }
        #expect(wide.contains("wss://127.0.0.1:9000/ocpp/OCD-000001"), "\(wide)")
        #expect(wide.contains("security profile 2  server CN=csms.example.com,O=Example CPO"), "\(wide)")
        let narrow = try Self.connectionLine(columns: 80) {
            $0.securityProfile = 2
            $0.server = ServerCertificate(subject: "CN=csms.example.com,O=Example CPO", issuer: "CN=Example Root")
        }
        #expect(narrow.contains("security profile 2  server CN=csms.example.com"), "\(narrow)")
        #expect(!narrow.contains("O=Example CPO"), "only the common name at 80 columns: \(narrow)")
        #expect(narrow.count <= 80)
    }

    @Test func aLongURL_isShortened_beforeTheProfileGoes() throws {
        var snapshot = try ScriptedStation().snapshot
        snapshot.securityProfile = 3
        let info = StationInfo(
            url: "wss://central-system.some-long-host-name.example.com:8443/ocpp/v16/OCD-000001", stationId: "OCD-000001")
        var surface = Surface(rows: 3, columns: 80)
        HeaderPane(snapshot: snapshot, info: info, linkReason: nil, glyphs: .unicode)
            .draw(
                title: Rect(top: 0, left: 0, height: 1, width: 80), connection: Rect(top: 1, left: 0, height: 2, width: 80),
                into: &surface)
        let line = String(surface.text.split(separator: "\n")[1]).trimmingCharacters(in: .whitespaces)
        #expect(line.contains("…") && line.hasSuffix("security profile 3"), "\(line)")
    }
}
