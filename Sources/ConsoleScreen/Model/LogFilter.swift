import ChargePoint

/// What the `/` line typed on the dashboard keeps in the log: a few marks first, then
/// text. `>` keeps the frames the station sent, `<` those it received, `!` only the
/// CALLERRORs and the refusals (`Refusal`); the rest of the line must occur in the action
/// or the frame (case-insensitive). `!`, `>!`, `<Boot`, `! Remote` are filters.
struct LogFilter: Sendable, Equatable {
    var direction: FrameDirection?
    var problemsOnly = false
    var text = ""

    init(_ typed: String) {
        var rest = Substring(typed)
        var sent = false
        var received = false
        while let mark = rest.first, "><!".contains(mark) {
            switch mark {
            case ">": sent = true
            case "<": received = true
            default: problemsOnly = true
            }
            rest = rest.dropFirst()
        }
        // Both arrows: either way.
        direction = sent == received ? nil : sent ? .outgoing : .incoming
        text = String(rest.drop { $0 == " " })
    }

    var isEmpty: Bool { direction == nil && !problemsOnly && text.isEmpty }

    func matches(_ entry: MessageLog.Entry) -> Bool {
        if let direction, entry.direction != direction { return false }
        if problemsOnly, entry.kind != .error, entry.refusal == nil { return false }
        guard !text.isEmpty else { return true }
        return entry.action.localizedCaseInsensitiveContains(text) || entry.raw.localizedCaseInsensitiveContains(text)
    }

    /// The marks in words, for the log's title: "sent, errors and refusals".
    var marksDescription: String? {
        var words: [String] = []
        if let direction { words.append(direction == .outgoing ? "sent" : "received") }
        if problemsOnly { words.append("errors and refusals") }
        return words.isEmpty ? nil : words.joined(separator: ", ")
    }
}
