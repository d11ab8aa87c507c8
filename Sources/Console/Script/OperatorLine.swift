import ChargePoint

/// One operator command line as a script or standard input gives it (issue 13): plain
/// (`plug 1`), with an id (`@7 plug 1`), or as a JSON object
/// (`{"id":"7","command":"plug","args":["1"]}`); the forms mix freely on one stream.
/// The id comes back in the line's `result` event.
struct OperatorLine: Sendable, Equatable {
    var id: String?
    /// The command as the parser reads it, without the id.
    var text: String

    /// The line read; a JSON line that is no such object is an error saying why.
    static func read(_ raw: String) -> Result<OperatorLine, CommandLineError> {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") { return json(trimmed) }
        guard trimmed.hasPrefix("@") else { return .success(OperatorLine(id: nil, text: raw)) }
        let words = trimmed.dropFirst().split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: \.isWhitespace)
        guard let id = words.first else { return .failure(CommandLineError("'@' without an id")) }
        return .success(OperatorLine(id: String(id), text: words.count > 1 ? String(words[1]) : ""))
    }

    /// A JSON command line; what is wrong with it keeps the line's id when it gave one.
    private static func json(_ text: String) -> Result<OperatorLine, CommandLineError> {
        guard case .object(let object)? = try? JSONParser.parse(text) else {
            return .failure(CommandLineError("not a JSON object: \(text)"))
        }
        let id: String?
        switch object["id"] {
        case nil, .null?: id = nil
        case let value?:
            guard let given = scalar(value) else { return .failure(CommandLineError(#""id" must be a string or number"#)) }
            id = given
        }
        func refused(_ why: String) -> Result<OperatorLine, CommandLineError> {
            .failure(CommandLineError(why, id: id))
        }
        if let unknown = object.keys.first(where: { !["id", "command", "args"].contains($0) }) {
            return refused(#"unknown member "\#(unknown)": a JSON command has "id", "command" and "args""#)
        }
        guard case .string(let command)? = object["command"] else {
            return refused(#"a JSON command needs "command", a string"#)
        }
        var words = [command]
        switch object["args"] {
        case nil, .null?: break
        case .array(let args)?:
            for arg in args {
                guard let word = scalar(arg) else { return refused(#""args" holds strings and numbers only"#) }
                words.append(word)
            }
        default:
            return refused(#""args" must be an array"#)
        }
        return .success(OperatorLine(id: id, text: words.map(CommandWords.quoted).joined(separator: " ")))
    }

    private static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): JSONSerializer.serialize(.number(number))
        default: nil
        }
    }
}

/// Why a line could not be read as a command, and the id it gave (a JSON line's `id`).
struct CommandLineError: Error, Sendable, Equatable, CustomStringConvertible {
    let description: String
    var id: String?
    init(_ description: String, id: String? = nil) { (self.description, self.id) = (description, id) }
}
