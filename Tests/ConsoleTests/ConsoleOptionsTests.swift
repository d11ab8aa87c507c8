import Testing

@testable import Console

/// The command line of DESIGN.md: defaults, and every mistake refused before anything
/// starts.
@Suite("Command line")
struct ConsoleOptionsTests {
    @Test func noURL_meansTheDemo() throws {
        let options = try ConsoleOptions.parse([])
        #expect(options.demo)
        #expect(options.station == "default")
        #expect(!options.headless)
    }

    @Test func aURL_isNotTheDemo() throws {
        let options = try ConsoleOptions.parse(["--url", "wss://csms.example.com/ocpp", "--id", "RDAM 123"])
        #expect(!options.demo)
        #expect(options.stationId == "RDAM 123")
    }

    @Test func helpListsTheStationProfiles() {
        let help = ConsoleOptions.helpMessage()
        #expect(help.contains("default, jst-con-03"))
        #expect(help.contains("--password-file") && help.contains("--ascii"))
    }

    @Test func asciiAndAPasswordFile_areOptions() throws {
        let options = try ConsoleOptions.parse(["--ascii", "--password-file", "/run/secrets/pw"])
        #expect(options.ascii)
        #expect(options.link.passwordFile == "/run/secrets/pw")
    }

    @Test(arguments: [
        ["--url", "http://csms.example.com/ocpp"],
        ["--url", "ws://"],
        ["--demo", "--url", "ws://csms.example.com/ocpp"],
        ["--demo-loop", "--url", "ws://csms.example.com/ocpp"],
        ["--transfer-timeout", "0"],
        ["--trace", "session.jsonl", "--frame-log", "./session.jsonl"],
        ["--url", "wss://csms.example.com/ocpp", "--client-cert", "c.pem"],
        ["--url", "ws://csms.example.com/ocpp", "--client-cert", "c.pem", "--client-key", "k.pem"],
        ["--transfer-timeout", "soon"],
        ["--id", ""],
        ["--id", "tab\there"],
        ["--theme", "purple"],
        ["--kiosk", "--headless"],
    ])
    func mistakes_areRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try ConsoleOptions.parse(arguments) }
    }
}
