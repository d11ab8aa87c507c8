/// The address of a fleet's command line (issue 15): `on <station> <command>` for one
/// station, `on all <command>` for every station of the process. (`@ID` already starts
/// a line with the id of its `result`, issue 13, so a station is named with `on`; the
/// two combine: `@7 on CP-0003 plug 1`.)
struct FleetAddress: Sendable, Equatable {
    /// The station's identity; nil for `all`.
    var station: String?
    /// The operator command, as the single-station grammar reads it.
    var command: String

    /// The address and command of `text`, or nil when it does not start with `on`.
    static func split(_ text: String) -> FleetAddress? {
        let words = text.split(maxSplits: 2, omittingEmptySubsequences: true, whereSeparator: \.isWhitespace)
        guard words.count >= 2, words[0] == "on" else { return nil }
        let command = words.count > 2 ? String(words[2]) : ""
        return FleetAddress(station: words[1] == "all" ? nil : String(words[1]), command: command)
    }
}
