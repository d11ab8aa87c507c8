import ChargePoint

/// One line of text being typed: the `:` command line, a filter, a configuration
/// value, a free idTag. Cursor movement, history (↑ / ↓) and Tab completion.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: [Character] = []
    public private(set) var cursor = 0
    public var history: [String] = []
    private var historyPosition: Int?
    private var draft: [Character] = []

    public init(_ initial: String = "") {
        text = Array(initial)
        cursor = text.count
    }

    public var string: String { String(text) }

    public mutating func set(_ value: String) {
        text = Array(value)
        cursor = text.count
    }

    /// Applies an editing key; false when the key is not an editing key.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                cursor -= 1
                text.remove(at: cursor)
            }
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"): text.removeSubrange(cursor..<text.count)
        case .control("w"):
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .up: recall(older: true)
        case .down: recall(older: false)
        default: return false
        }
        return true
    }

    /// Remembers an entered line (not twice in a row), a secret in it masked (a
    /// recalled `config set AuthorizationKey ********` is refused, never sent).
    public mutating func commit() {
        let line = SecretMasking.commandLine(string)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line { history.append(line) }
        if history.count > 500 { history.removeFirst(history.count - 500) }
        historyPosition = nil
    }

    private mutating func recall(older: Bool) {
        guard !history.isEmpty else { return }
        let position: Int
        switch (historyPosition, older) {
        case (nil, true):
            draft = text
            position = history.count - 1
        case (nil, false): return
        case (let current?, true): position = max(0, current - 1)
        case (let current?, false):
            if current + 1 >= history.count {
                historyPosition = nil
                text = draft
                cursor = text.count
                return
            }
            position = current + 1
        }
        historyPosition = position
        set(history[position])
    }

    /// Replaces the word before the cursor with the longest completion the candidates
    /// share; returns the candidates when several remain (to be shown).
    public mutating func complete(_ candidates: (_ words: [String], _ partial: String) -> [String]) -> [String] {
        let before = String(text[0..<cursor])
        var words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let partial = words.removeLast()
        let matches = candidates(words.filter { !$0.isEmpty }, partial)
            .filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        guard !matches.isEmpty else { return [] }
        var common = matches[0]
        for match in matches.dropFirst() {
            common = String(zip(common, match).prefix { $0.lowercased() == $1.lowercased() }.map(\.0))
        }
        let replacement = matches.count == 1 ? matches[0] + " " : common
        if replacement.count >= partial.count {
            text.replaceSubrange((cursor - partial.count)..<cursor, with: Array(replacement))
            cursor += replacement.count - partial.count
        }
        return matches.count == 1 ? [] : matches
    }
}
