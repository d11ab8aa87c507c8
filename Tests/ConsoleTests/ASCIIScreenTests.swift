import Testing

@testable import ConsoleScreen

/// A terminal that is not UTF-8 (`LANG=C`, `--ascii`) receives ASCII only.
@Suite("ASCII terminal")
struct ASCIIScreenTests {
    /// The charging screen with the ASCII glyphs still holds the text's own typography
    /// ("·", "…", "→"); folded, every cell is printable ASCII and keeps its column.
    @Test func chargingScreen_reachesTheTerminalAsASCII() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        controller.glyphs = .ascii
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { line in line.unicodeScalars.contains { $0.value >= 0x7F } })
        let folded = lines.map(ASCIIFold.text)
        #expect(folded.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } })
        #expect(folded.map(\.unicodeScalars.count) == lines.map(\.unicodeScalars.count))
        #expect(folded.contains { $0.contains("+-") })
    }

    @Test(arguments: [("…", "~"), ("—", "-"), ("·", "."), ("→", ">"), ("é", "?"), ("a", "a"), ("\u{7F}", "?")])
    func lookalikes(_ unicode: String, _ ascii: String) {
        #expect(ASCIIFold.text(unicode) == ascii)
    }
}
