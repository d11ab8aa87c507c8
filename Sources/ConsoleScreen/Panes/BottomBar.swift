import ChargePoint

/// The bottom lines: the latest feedback (as many messages as the layout gives lines,
/// newest at the bottom) or, on its last line, the line being typed; then the key hints
/// of the current view (or the completions Tab found).
struct BottomBar {
    /// The newest messages, oldest first.
    let feedback: ArraySlice<Feedback>
    let prompt: Prompt?
    let hints: [(key: String, hint: String)]
    let now: Timestamp
    let ellipsis: Character

    func draw(feedback rect: Rect, hints hintRect: Rect, into surface: inout Surface) {
        let promptRows = prompt == nil ? 0 : 1
        let shown = feedback.suffix(max(0, rect.height - promptRows))
        let firstRow = rect.bottom - promptRows - shown.count
        for (offset, message) in shown.enumerated() {
            let newest = offset == shown.count - 1
            drawMessage(message, newest: newest, row: firstRow + offset, width: rect.width, into: &surface)
        }
        if let prompt { drawPrompt(prompt, row: rect.bottom - 1, width: rect.width, into: &surface) }
        if let prompt, !prompt.choices.isEmpty {
            surface.put(
                " " + Self.choices(prompt.choices, width: hintRect.width - 1, ellipsis: ellipsis), row: hintRect.top,
                column: 0, role: .dim, limit: hintRect.width)
            return
        }
        if prompt != nil {
            let help =
                prompt?.purpose == .command
                ? " Enter runs  Esc cancels  Tab completes  ↑↓ history  (help lists the commands)"
                : " Enter applies  Esc cancels"
            surface.put(help, row: hintRect.top, column: 0, role: .dim, limit: hintRect.width)
            return
        }
        drawHints(row: hintRect.top, width: hintRect.width, into: &surface)
    }

    /// " 12:04:05 what was said": a message too long for the line (or of several lines)
    /// ends in an ellipsis and `h`, the key of the history that shows it whole.
    private func drawMessage(_ message: Feedback, newest: Bool, row: Int, width: Int, into surface: inout Surface) {
        let fresh = newest && message.time.milliseconds(until: now) < 10_000
        let role: Role = fresh ? (message.kind == .error ? .error : .notice) : .dim
        let prefix = " \(Format.clock(message.time)) "
        let lines = message.text.split(separator: "\n", omittingEmptySubsequences: false)
        let text = String(lines.first ?? "")
        let room = width - prefix.count
        guard text.count > room || lines.count > 1 else {
            surface.put(prefix + text, row: row, column: 0, role: role, limit: width)
            return
        }
        let cut = Format.fit(text, max(1, room - 2), ellipsis: ellipsis)
        let column = surface.put(prefix + cut, row: row, column: 0, role: role, limit: width - 2)
        surface.put(" h", row: row, column: column, role: .key, limit: width - column)
    }

    private func drawPrompt(_ prompt: Prompt, row: Int, width: Int, into surface: inout Surface) {
        let label = prompt.label
        // A write-only key's new value is typed unseen (DESIGN.md: secrets never on screen).
        let text =
            if case .configValue(let key) = prompt.purpose, SecretMasking.isSecret(key) {
                String(repeating: "*", count: prompt.editor.string.count)
            } else {
                prompt.editor.string
            }
        // Scrolls so the cursor stays visible on a long line.
        let room = max(1, width - label.count - 1)
        let offset = max(0, prompt.editor.cursor - room + 1)
        let shown = String(Array(text).dropFirst(offset).prefix(room))
        surface.put(label, row: row, column: 0, role: .key)
        surface.put(shown, row: row, column: label.count, role: .input)
        let cursorColumn = label.count + prompt.editor.cursor - offset
        let under = prompt.editor.cursor < text.count ? String(Array(text)[prompt.editor.cursor]) : " "
        surface.put(under, row: row, column: cursorColumn, role: .selection)
    }

    /// Tab's candidates that fit `width` whole, then how many more there are (issue 12 §4).
    static func choices(_ choices: [String], width: Int, ellipsis: Character) -> String {
        let all = choices.joined(separator: "  ")
        guard all.count > width else { return all }
        func more(_ count: Int) -> String { count == 0 ? "" : "  \(ellipsis) \(count) more (type on to narrow)" }
        var line = ""
        for (index, choice) in choices.enumerated() {
            let next = line.isEmpty ? choice : line + "  " + choice
            if next.count + more(choices.count - index - 1).count > width { return line + more(choices.count - index) }
            line = next
        }
        return line
    }

    /// Help and quit always keep their place at the end; the others fill what is left.
    private func drawHints(row: Int, width: Int, into surface: inout Surface) {
        let essential = hints.filter { $0.key == "?" || $0.key == "q" }
        let reserved = essential.reduce(0) { $0 + $1.key.count + $1.hint.count + 3 }
        var column = 1
        for (key, hint) in hints where !essential.contains(where: { $0.key == key }) {
            let needed = key.count + hint.count + 3
            if column + needed + reserved > width { break }
            column = surface.put(key, row: row, column: column, role: .key)
            column = surface.put(" \(hint)  ", row: row, column: column, role: .dim)
        }
        for (key, hint) in essential {
            column = surface.put(key, row: row, column: column, role: .key)
            column = surface.put(" \(hint)  ", row: row, column: column, role: .dim)
        }
    }
}
