import ChargePoint

/// The two bottom lines: the latest feedback (or the line being typed) and the key
/// hints of the current view (or the completions Tab found).
struct BottomBar {
    let feedback: Feedback?
    let prompt: Prompt?
    let hints: [(key: String, hint: String)]
    let now: Timestamp

    func draw(feedback rect: Rect, hints hintRect: Rect, into surface: inout Surface) {
        if let prompt {
            let label = prompt.label
            let text = prompt.editor.string
            // Scrolls so the cursor stays visible on a long line.
            let room = max(1, rect.width - label.count - 1)
            let offset = max(0, prompt.editor.cursor - room + 1)
            let shown = String(Array(text).dropFirst(offset).prefix(room))
            surface.put(label, row: rect.top, column: 0, role: .key)
            surface.put(shown, row: rect.top, column: label.count, role: .input)
            let cursorColumn = label.count + prompt.editor.cursor - offset
            let under = prompt.editor.cursor < text.count ? String(Array(text)[prompt.editor.cursor]) : " "
            surface.put(under, row: rect.top, column: cursorColumn, role: .selection)
        } else if let feedback {
            let age = feedback.time.milliseconds(until: now)
            let fresh = age < 10_000
            let role: Role = feedback.kind == .error ? (fresh ? .error : .dim) : (fresh ? .notice : .dim)
            let firstLine = feedback.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            surface.put(
                " \(Format.clock(feedback.time)) \(firstLine)", row: rect.top, column: 0, role: role,
                limit: rect.width)
        }
        if let prompt, !prompt.choices.isEmpty {
            surface.put(
                " " + prompt.choices.joined(separator: "  "), row: hintRect.top, column: 0, role: .dim,
                limit: hintRect.width)
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
        // Help and quit always keep their place at the end; the others fill what is left.
        let essential = hints.filter { $0.key == "?" || $0.key == "q" }
        let reserved = essential.reduce(0) { $0 + $1.key.count + $1.hint.count + 3 }
        var column = 1
        for (key, hint) in hints where !essential.contains(where: { $0.key == key }) {
            let width = key.count + hint.count + 3
            if column + width + reserved > hintRect.width { break }
            column = surface.put(key, row: hintRect.top, column: column, role: .key)
            column = surface.put(" \(hint)  ", row: hintRect.top, column: column, role: .dim)
        }
        for (key, hint) in essential {
            column = surface.put(key, row: hintRect.top, column: column, role: .key)
            column = surface.put(" \(hint)  ", row: hintRect.top, column: column, role: .dim)
        }
    }
}
