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
        #expect(options.fleetJournal == nil)
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
        ["--headless", "--url", "ws://h/ocpp", "--fleet-journal", "rollback"],
        ["--headless", "--fleet", "3", "--url", "ws://h/ocpp", "--fleet-journal", "delete"],
    ])
    func fleetMistakes_areRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try ConsoleOptions.parse(arguments) }
    }

    /// A negative number is read as the option's value, so that the range check names
    /// the option and what it takes (ArgumentParser would say "Missing value").
    @Test(arguments: [
        (["--fleet", "-3"], "--fleet needs at least 1 station (got -3)"),
        (["--fleet", "3", "--ramp", "-5"], "--ramp must be a positive number of stations a second (got -5.0)"),
        (["--transfer-timeout", "-1"], "--transfer-timeout must be 1 to 3600 seconds (got -1)"),
    ])
    func negativeNumbers_areRefusedByTheirRange(_ arguments: [String], _ message: String) {
        let all = ["--headless", "--url", "ws://h/ocpp"] + arguments
        #expect(ConsoleOptions.message(for: Self.error(all)) == message)
    }

    private static func error(_ arguments: [String]) -> any Error {
        do {
            _ = try ConsoleOptions.parse(arguments)
            return CancellationError()
        } catch {
            return error
        }
    }

    /// An identity names a URL segment and a directory: printable, and short enough for
    /// the directory's name (255 bytes once encoded).
    @Test func identity_isRefusedWhenEmptyControlOrTooLong() {
        #expect(ChargePointIdentity.problem("RDAM 123") == nil)
        #expect(ChargePointIdentity.problem("CP/B") == nil)
        #expect(ChargePointIdentity.problem("") == "is empty")
        #expect(ChargePointIdentity.problem("..") != nil && ChargePointIdentity.problem(".") != nil)
        #expect(ChargePointIdentity.problem("...") == nil)
        #expect(ChargePointIdentity.problem("CP\u{7}") == "contains a control character")
        #expect(ChargePointIdentity.problem(String(repeating: "a", count: 255)) == nil)
        #expect(ChargePointIdentity.problem(String(repeating: "/", count: 86))?.hasPrefix("is too long") == true)
        #expect(ChargePointIdentity.problem(String(repeating: "a", count: 256))?.hasPrefix("is too long") == true)
        #expect(ChargePointIdentity.problem(String(repeating: "é", count: 130))?.hasPrefix("is too long") == true)
        #expect(ChargePointIdentity.basicAuthProblem("CP:1") != nil)
        #expect(throws: (any Error).self) { try ConsoleOptions.parse(["--id", String(repeating: "x", count: 400)]) }
    }
}
