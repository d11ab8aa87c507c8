/// What may name a charge point: `--id`, each identity of a fleet (`--id` numbered, or a
/// line of `--ids FILE`).
///
/// Any printable text, percent-encoded into the connection URL (OCPP-J 1.6 §3.1.1: its
/// own example is "RDAM 123", so `/` and blanks are allowed) and into the name of the
/// station's data directory (`StationSetup.safeFileName`).
enum ChargePointIdentity {
    /// The longest name a directory may have here (bytes, once percent-encoded).
    static let longestDirectoryName = 255

    /// Why `identity` cannot name a station, nil when it can: it is empty, holds a
    /// control character, or is too long to name its data directory.
    static func problem(_ identity: String) -> String? {
        if identity.isEmpty { return "is empty" }
        // RFC 3986 §5.2.4: a path segment `.` or `..` is removed on the way (a proxy, the
        // central system's server): the central system would never see it.
        if identity == "." || identity == ".." { return "'\(identity)' is a dot segment that URLs drop" }
        if identity.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        let encoded = StationSetup.safeFileName(identity).utf8.count
        if encoded > longestDirectoryName {
            return "is too long: its \(identity.count) characters make a \(encoded)-byte directory name "
                + "(\(longestDirectoryName) at most; a character other than a letter, digit, - _ or . is percent-encoded)"
        }
        return nil
    }

    /// Why `identity` cannot be the HTTP Basic username (whitepaper A00.FR.204: the
    /// username is the identity), nil when it can: RFC 7617 §2 allows no `:` in it.
    static func basicAuthProblem(_ identity: String) -> String? {
        identity.contains(":") ? "contains ':', which an HTTP Basic username cannot (RFC 7617 §2)" : nil
    }
}
