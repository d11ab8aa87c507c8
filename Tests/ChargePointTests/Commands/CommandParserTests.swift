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

    @Test func helpText_listsEveryCommandOfTheCatalog() {
        let help = CommandCatalog.helpText
        for name in CommandCatalog.names { #expect(help.contains(name)) }
        // Every documented usage is something the parser understands (with sample arguments).
        let samples = [
            "plug 1", "unplug 1", "swipe A 1", "stop 1", "ev suspend 1", "ev power 1 7", "fault 1 OtherError x",
            "clear 1", "lock jam 1", "offline", "online", "reset soft", "powercut", "config get", "config set K V",
            "datatransfer v m d", "status", "wait 1s", "quit", "help",
        ]
        for sample in samples { #expect((try? CommandParser.parse(sample)) != nil, "\(sample)") }
        #expect(Set(samples.map { String($0.split(separator: " ")[0]) }) == Set(CommandCatalog.names))
    }
}
