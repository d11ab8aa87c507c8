import ChargePoint
import Testing

/// What Tab offers on the `:` line, word by word, from the command table.
@Suite("Command completion")
struct CommandCompletionTests {
    static let context = CompletionContext(
        connectors: [1, 2], lockableConnectors: [1],
        keys: ["AuthorizationKey", "HeartbeatInterval", "NumberOfConnectors"],
        writableKeys: ["AuthorizationKey", "HeartbeatInterval"], idTags: ["04A1B2C3", "DEADBEEF"])

    @Test(arguments: [
        ([], CommandCatalog.names),
        (["plug"], ["1", "2"]),
        (["swipe"], ["04A1B2C3", "DEADBEEF"]),
        (["swipe", "04A1B2C3"], ["1", "2"]),
        (["ev"], ["suspend", "resume", "power"]),
        (["ev", "POWER"], ["1", "2"]),
        (["ev", "power", "1"], []),
        (["lock", "jam"], ["1"]),
        (["fault", "1", "GroundFailure"], []),
        (["reset"], ["soft", "hard"]),
        (["wait"], ["online"]),
        (["config"], ["get", "set"]),
        (["config", "get"], ["AuthorizationKey", "HeartbeatInterval", "NumberOfConnectors"]),
        (["config", "get", "HeartbeatInterval"], ["AuthorizationKey", "HeartbeatInterval", "NumberOfConnectors"]),
        (["config", "set"], ["AuthorizationKey", "HeartbeatInterval"]),
        (["config", "set", "HeartbeatInterval"], []),
        (["status"], []),
        (["certs"], []),
        (["fly"], []),
    ])
    func candidates(_ words: [String], _ expected: [String]) {
        #expect(CommandCompletion.candidates(words, Self.context) == expected)
    }

    @Test func certs_isOffered_amongTheCommandsThatBeginWithC() {
        let names = CommandCompletion.candidates([], Self.context).filter { $0.hasPrefix("c") }
        #expect(names == ["clear", "config", "certs", "csms"])
    }

    @Test func errorCodes_areOfferedWithoutNoError() {
        let codes = CommandCompletion.candidates(["fault", "1"], Self.context)
        #expect(codes.contains("GroundFailure") && !codes.contains("NoError"))
    }
}
