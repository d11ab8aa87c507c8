/// The address of a fleet's command line (issue 15): `on <station> <command>` for one
/// station, `on all <command>` for every station of the process. (`@ID` already starts
/// a line with the id of its `result`, issue 13, so a station is named with `on`; the
/// two combine: `@7 on CP-0003 plug 1`.) An identity with blanks is quoted, as words
/// are in commands: `on "RDAM 3" plug 1`; a quoted `"all"` is a station of that name.
public struct FleetAddress: Sendable, Equatable {
    /// The station's identity; nil for `all`.
    public var station: String?
    /// The operator command, as the single-station grammar reads it.
    public var command: String

    /// Why a `csms …` line is refused in a fleet: it has no embedded central system.
    public static let centralSystemRefusal =
        "csms commands drive the embedded demo central system (--demo); a fleet runs against the central system "
        + "at --url, which sends its own CALLs"

    public init(station: String?, command: String) {
        self.station = station
        self.command = command
    }

    /// The address and command of `text`, or nil when it does not start with `on` and a
    /// station (or its quote is not closed).
    public static func split(_ text: String) -> FleetAddress? {
        var rest = Substring(text).drop { $0.isWhitespace }
        guard rest.hasPrefix("on"), let blank = rest.dropFirst(2).first, blank.isWhitespace else { return nil }
        rest = rest.dropFirst(2).drop { $0.isWhitespace }
        guard let first = rest.first else { return nil }
        let station: String?
        if first == "\"" || first == "'" {
            guard let close = rest.dropFirst().firstIndex(of: first) else { return nil }
            station = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        } else {
            let word = rest.prefix { !$0.isWhitespace }
            station = word == "all" ? nil : String(word)
            rest = rest.dropFirst(word.count)
        }
        return FleetAddress(station: station, command: String(rest.drop { $0.isWhitespace }))
    }
}
