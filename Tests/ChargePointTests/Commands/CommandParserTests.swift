import ChargePoint
import Testing

@Suite("Operator command language")
struct CommandParserTests {
    @Test(arguments: [
        ("plug 1", OperatorCommand.plug(connector: 1)),
        ("unplug 2", .unplug(connector: 2)),
        ("swipe 04A1B2C3", .swipe(idTag: "04A1B2C3", connector: nil)),
        ("swipe 04A1B2C3 2", .swipe(idTag: "04A1B2C3", connector: 2)),
        (#"swipe "tag with space" 1"#, .swipe(idTag: "tag with space", connector: 1)),
        ("stop 1", .stop(connector: 1)),
        ("ev suspend 1", .evSuspend(connector: 1)),
        ("ev resume 1", .evResume(connector: 1)),
        ("ev power 2 7.4", .evPower(connector: 2, kilowatts: 7.4)),
        ("ev power 2 50kW", .evPower(connector: 2, kilowatts: 50)),
        ("fault 1 GroundFailure", .fault(connector: 1, code: .groundFailure, info: nil)),
        ("fault 0 highTemperature too hot here", .fault(connector: 0, code: .highTemperature, info: "too hot here")),
        ("clear 1", .clear(connector: 1)),
        ("offline", .offline), ("online", .online),
        ("reset soft", .reset(.soft)), ("reset HARD", .reset(.hard)),
        ("powercut", .powercut),
        ("config get", .configGet(keys: [])),
        (
            "config get HeartbeatInterval MeterValueSampleInterval",
            .configGet(keys: ["HeartbeatInterval", "MeterValueSampleInterval"])
        ),
        (
            "config set MeterValuesSampledData Energy.Active.Import.Register,Voltage",
            .configSet(key: "MeterValuesSampledData", value: "Energy.Active.Import.Register,Voltage")
        ),
        ("datatransfer com.example", .dataTransfer(vendorId: "com.example", messageId: nil, data: nil)),
        (
            #"datatransfer com.example Ping {"a": 1}"#,
            .dataTransfer(vendorId: "com.example", messageId: "Ping", data: "{a: 1}")
        ),
        (
            #"datatransfer com.example Ping '{"a": 1}'"#,
            .dataTransfer(vendorId: "com.example", messageId: "Ping", data: #"{"a": 1}"#)
        ),
        (
            #"datatransfer com.example Ping "say \"hi\"""#,
            .dataTransfer(vendorId: "com.example", messageId: "Ping", data: #"say "hi""#)
        ),
        ("status", .status), ("quit", .quit), ("help", .help),
        ("wait 500ms", .wait(milliseconds: 500)), ("wait 5s", .wait(milliseconds: 5000)),
        ("wait 2m", .wait(milliseconds: 120_000)), ("wait 1.5", .wait(milliseconds: 1500)),
        ("wait online", .waitOnline(timeout: 60_000)), ("wait ONLINE 5s", .waitOnline(timeout: 5000)),
        ("  PLUG   1  ", .plug(connector: 1)),
    ])
    func validCommands(_ line: String, _ expected: OperatorCommand) throws {
        #expect(try CommandParser.parse(line) == expected)
    }

    @Test(arguments: ["", "   ", "# a comment", "#plug 1"])
    func blankAndCommentLines_areNothing(_ line: String) throws {
        #expect(try CommandParser.parse(line) == nil)
    }

    @Test(arguments: [
        ("plug", "plug needs a connector number (usage: plug <c>)"),
        ("plug one", "'one' is not a connector number (usage: plug <c>)"),
        ("plug 1 2", "unexpected '2' after plug (usage: plug <c>)"),
        ("plgu 1", "unknown command 'plgu'; did you mean 'plug'? (type 'help' for the list)"),
        ("fly", "unknown command 'fly' (type 'help' for the list)"),
        ("reset warm", "reset warm? expected soft or hard"),
        ("wait 5x", "'5x' is not a duration: use 500ms, 5s or 2m"),
        ("wait online soon", "'soon' is not a duration: use 500ms, 5s or 2m"),
        (
            "config set HeartbeatInterval",
            "config set HeartbeatInterval needs a value (usage: config get [key ...] | config set <key> <value>)"
        ),
        (#"swipe "open"#, #"a quote (") is not closed"#),
        ("swipe 'open", "a quote (') is not closed"),
        ("ev power 1 -3", "'-3' is not a power in kW (usage: ev suspend|resume <c> | ev power <c> <kW>)"),
    ])
    func mistakes_sayWhatWasExpected(_ line: String, _ message: String) {
        #expect(throws: CommandError(message)) { try CommandParser.parse(line) }
    }

    @Test func unknownErrorCode_listsTheValidOnes() {
        do {
            _ = try CommandParser.parse("fault 1 Melted")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("GroundFailure"))
            #expect(!error.message.contains("NoError"))
        }
    }

    /// The parser is the judge of what the commands are: every kind of command it makes
    /// (one sample line each) must fit a usage line of `help`.
    @Test func help_describesEveryCommandTheParserAccepts() throws {
        let usages = CommandCatalog.helpText.split(separator: "\n").map { line in
            // "usage   summary": the usage ends at the first gap of two spaces.
            line.components(separatedBy: "  ")[0].split(separator: " ").map(String.init)
        }
        var kinds: Set<Int> = []
        for sample in Self.everyKindOfCommand {
            let command = try #require(try CommandParser.parse(sample), "\(sample)")
            kinds.insert(Self.kind(of: command))
            let words = sample.split(separator: " ").map(String.init)
            #expect(usages.contains { Self.fits(words[...], $0[...]) }, "help has no usage for '\(sample)'")
        }
        #expect(kinds == Set(0..<Self.numberOfKinds), "a kind of command has no sample line")
    }

    static let everyKindOfCommand = [
        "plug 1", "unplug 1", "swipe A 1", "swipe A", "stop 1", "ev suspend 1", "ev resume 1", "ev power 1 7",
        "fault 1 OtherError x", "fault 1 OtherError", "clear 1", "lock jam 1", "lock free 1", "offline", "online",
        "reset soft", "reset hard", "powercut", "config get", "config get A B", "config set K V",
        "datatransfer v", "datatransfer v m d", "status", "wait 1s", "wait online", "wait online 5s", "quit", "help",
    ]

    /// One number per kind of command. The switch has no default: a new kind does not
    /// compile until it is numbered here, and then the test wants a sample line for it.
    static let numberOfKinds = 23
    static func kind(of command: OperatorCommand) -> Int {
        switch command {
        case .plug: 0
        case .unplug: 1
        case .swipe: 2
        case .stop: 3
        case .evSuspend: 4
        case .evResume: 5
        case .evPower: 6
        case .fault: 7
        case .clear: 8
        case .lockJam: 9
        case .lockFree: 10
        case .offline: 11
        case .online: 12
        case .reset: 13
        case .powercut: 14
        case .configGet: 15
        case .configSet: 16
        case .dataTransfer: 17
        case .status: 18
        case .wait: 19
        case .waitOnline: 20
        case .quit: 21
        case .help: 22
        }
    }

    /// Whether words fit a usage: `word`, `a|b`, `<placeholder>`, `[optional]`, `[any ...]`.
    static func fits(_ words: ArraySlice<String>, _ usage: ArraySlice<String>) -> Bool {
        guard let token = usage.first else { return words.isEmpty }
        let rest = usage.dropFirst()
        if token.hasPrefix("[") {
            if rest.first == "...]" {
                return (0...words.count).contains { fits(words.dropFirst($0), rest.dropFirst()) }
            }
            return fits(words, rest) || (!words.isEmpty && fits(words.dropFirst(), rest))
        }
        guard let word = words.first else { return false }
        guard token.hasPrefix("<") || token.split(separator: "|").contains(Substring(word)) else { return false }
        return fits(words.dropFirst(), rest)
    }
}
