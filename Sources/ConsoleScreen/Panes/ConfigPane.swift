import ChargePoint

/// Every configuration key with its value, access and feature profile; the selected
/// key's meaning underneath. Write-only values (AuthorizationKey) are never shown.
struct ConfigPane {
    let entries: [ConfigurationEntry]
    let total: Int
    let filter: String
    let cursor: Int
    let glyphs: Glyphs

    /// Feature profile names that fit a narrow column.
    static func short(_ profile: String) -> String {
        switch profile {
        case "FirmwareManagement": "Firmware"
        case "LocalAuthListManagement": "LocalList"
        case "SmartCharging": "Smart"
        case "RemoteTrigger": "Trigger"
        default: profile
        }
    }

    func draw(_ rect: Rect, into surface: inout Surface) {
        var title = "Configuration · \(total) keys"
        if !filter.isEmpty { title += " · filter \"\(filter)\": \(entries.count)" }
        title += " · Enter edits, c returns"
        surface.box(rect, title: title, glyphs: glyphs)
        let inner = rect.inner
        guard inner.height >= 2 else { return }
        let rows = inner.height - 1  // the last line explains the selected key
        let keyWidth = min(42, max(24, inner.width * 2 / 5))
        let accessWidth = 4
        let profileWidth = inner.width >= 100 ? 24 : 10
        let valueWidth = max(8, inner.width - keyWidth - accessWidth - profileWidth - 3)
        let start = min(max(0, cursor - rows + 1), max(0, entries.count - rows))
        var row = inner.top
        for index in start..<min(entries.count, start + rows) {
            let entry = entries[index]
            let value = entry.access == .writeOnly ? (entry.isSet ? "********" : "not set") : entry.value ?? ""
            let access: String =
                switch entry.access {
                case .readOnly: "RO"
                case .writeOnly: "WO"
                default: "RW"
                }
            var pieces: [(String, Role)] = [
                (Format.fit(entry.key, keyWidth, ellipsis: glyphs.ellipsis) + " ", .normal),
                (
                    Format.fit(value, valueWidth, ellipsis: glyphs.ellipsis) + " ",
                    entry.access == .readOnly ? .dim : .input
                ),
                (Format.fit(access, accessWidth), entry.access == .readOnly ? .dim : .accent),
            ]
            let profile = entry.profile?.rawValue ?? ""
            pieces.append((" " + (profileWidth >= 24 ? profile : Self.short(profile)), .dim))
            surface.put(pieces, row: row, column: inner.left, limit: inner.width)
            if index == cursor {
                surface.paint(Rect(top: row, left: inner.left, height: 1, width: inner.width), role: .selection)
            }
            row += 1
        }
        if entries.isEmpty {
            surface.put("no key matches \"\(filter)\" (Esc clears)", row: inner.top, column: inner.left + 1, role: .dim)
        } else if entries.indices.contains(cursor) {
            let entry = entries[cursor]
            let note = entry.access == .readOnly ? " (read-only)" : ""
            surface.put(
                "\(entry.key): \(entry.summary)\(note)", row: inner.bottom - 1, column: inner.left, role: .dim,
                limit: inner.width)
        }
    }
}
