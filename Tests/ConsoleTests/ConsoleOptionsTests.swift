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

    /// Issue 15: a fleet runs headless on a `--url`; its options go together.
    @Test func aFleet_isHeadlessOnAURL_withARampAndAShard() throws {
        let options = try ConsoleOptions.parse([
            "--headless", "--fleet", "200", "--url", "ws://127.0.0.1:9000/ocpp", "--id", "CP", "--ramp", "20",
            "--shard", "2/4", "--seed", "15", "--fleet-behaviour", "default",
        ])
        #expect(options.isFleet)
        #expect(!options.demo)
        #expect(options.ramp == 20 && options.shard == "2/4" && options.seed == 15)
        #expect(options.fleetBehaviour == "default")
        #expect(try !ConsoleOptions.parse(["--headless", "--url", "ws://h/ocpp"]).isFleet)
        #expect(try ConsoleOptions.parse(["--headless", "--url", "ws://h/ocpp", "--ids", "ids.txt"]).isFleet)
    }

    /// Issue 15 §4: a fleet on the screen, the fleet view first.
    @Test func aFleet_runsOnTheScreenToo() throws {
        let options = try ConsoleOptions.parse(["--fleet", "20", "--url", "ws://127.0.0.1:9000/ocpp", "--id", "CP"])
        #expect(options.isFleet && !options.headless)
    }

    @Test(arguments: [
        ["--fleet", "3", "--url", "ws://h/ocpp", "--script", "s.txt"],
        ["--fleet", "3", "--url", "ws://h/ocpp", "--kiosk"],
        ["--headless", "--fleet", "3"],
        ["--headless", "--fleet", "0", "--url", "ws://h/ocpp"],
        ["--headless", "--fleet", "3", "--url", "ws://h/ocpp", "--ramp", "0"],
        ["--headless", "--fleet", "3", "--url", "ws://h/ocpp", "--shard", "4/3"],
        ["--headless", "--fleet", "3", "--url", "ws://h/ocpp", "--trace", "t.jsonl"],
        ["--headless", "--url", "ws://h/ocpp", "--shard", "1/2"],
        ["--headless", "--url", "ws://h/ocpp", "--ramp", "10"],
        ["--headless", "--url", "ws://h/ocpp", "--fleet-behaviour", "default"],
    ])
    func fleetMistakes_areRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try ConsoleOptions.parse(arguments) }
    }
}
