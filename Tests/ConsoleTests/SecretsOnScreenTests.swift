import ChargePoint
import Testing

@testable import Console
@testable import ConsoleScreen

/// Secrets never reach the screen (README; issue 12 review): a `config set` of the
/// AuthorizationKey is kept masked in the `:` line's history, in a script's progress and
/// in `result` events, and a write-only key's new value is typed unseen.
@Suite("Secrets on the screen")
struct SecretsOnScreenTests {
    static let key = "00112233445566778899aabbccddeeff"

    @Test func aCommandLine_showsNoKey() {
        #expect(
            SecretMasking.commandLine("config set authorizationkey \(Self.key)")
                == "config set authorizationkey ********")
        #expect(SecretMasking.commandLine("config set HeartbeatInterval 60") == "config set HeartbeatInterval 60")
        #expect(SecretMasking.commandLine("plug 1") == "plug 1")
    }

    @Test("issue 13 review: lines that do not parse, JSON lines and csms lines show no key either")
    func anyLineNamingTheKey_showsNothingAfterIt() {
        let lines = [
            #"{"id":"x","command":"config","args":["set","AuthorizationKey","\#(Self.key)"],"oops":1}"#,
            #"'config set AuthorizationKey \#(Self.key)'"#,
            #"config set AuthorizationKey "\#(Self.key)"#,
            "csms set-config authorizationKEY \(Self.key)",
            "unknown command 'config set authorizationkey \(Self.key)'",
        ]
        for line in lines {
            let shown = SecretMasking.commandLine(line)
            #expect(!shown.contains(Self.key) && shown.hasSuffix(" ********"), "\(shown)")
        }
        #expect(SecretMasking.commandLine("config get AuthorizationKey") == "config get AuthorizationKey")
        // The value before the key, the key's name escaped, the payload unreadable (issue 14 review).
        for payload in [
            #"{"value":"\#(Self.key)","key":"AuthorizationKey"}"#,
            #"{"key":"Authorization\u004bey","value":"\#(Self.key)"}"#,
            #"{"key":"Authorization\u004bey","value":"\#(Self.key)""#,
        ] {
            for prefix in ["csms send ChangeConfiguration", "send ChangeConfiguration"] {
                let shown = SecretMasking.commandLine("\(prefix) '\(payload)'")
                #expect(!shown.contains(Self.key) && shown.hasPrefix(prefix), "\(shown)")
            }
        }
        #expect(
            SecretMasking.commandLine(#"csms send Reset '{"type":"Soft"}'"#) == #"csms send Reset '{"type":"Soft"}'"#)
    }

    @Test("issue 13 review: a refused line naming the key keeps it out of the error and the result")
    func aRefusedLine_showsNoKey() throws {
        let recorder = CommandScriptTests.Recorder()
        let executor = CommandLineExecutor(target: recorder)
        _ = executor.perform(#"{"command":"config set AuthorizationKey \#(Self.key)"}"#, at: .init(source: "stdin", number: 1))
        #expect(!recorder.entries.isEmpty)
        #expect(!recorder.entries.contains { $0.contains(Self.key) }, "\(recorder.entries)")
    }

    @Test func theCommandHistory_keepsTheLineMasked() throws {
        var test = try ScreenControllerTests()
        _ = test.press(.character(":"))
        _ = test.type("config set AuthorizationKey \(Self.key)")
        let effects = test.press(.enter)
        #expect(effects.contains { "\($0)".contains(Self.key) }, "the typed command itself runs")
        _ = test.press(.character(":"), .up)
        #expect(test.controller.prompt?.editor.string == "config set AuthorizationKey ********")
    }

    @Test func aWriteOnlyKeysValue_isTypedUnseen() throws {
        var test = try ScreenControllerTests()
        test.controller.prompt = Prompt(purpose: .configValue(key: "AuthorizationKey"), editor: LineEditor())
        _ = test.type(Self.key)
        var surface = Surface(rows: 24, columns: 80)
        test.controller.render(test.station.snapshot, configuration: [], at: test.station.now, into: &surface)
        #expect(!surface.text.contains(Self.key))
        #expect(surface.text.contains("AuthorizationKey = ********"))
    }

    @Test func aScriptsProgress_andResult_showNoKey() throws {
        let script = try CommandScriptTests.script("config set AuthorizationKey \(Self.key)\n")
        let recorder = CommandScriptTests.Recorder()
        var progress: [String] = []
        _ = script.run(CommandLineExecutor(target: recorder), progress: { progress.append($0) })
        #expect(!progress.joined().contains(Self.key), "\(progress)")
        #expect(!recorder.results.joined().contains(Self.key), "\(recorder.results)")
    }
}
