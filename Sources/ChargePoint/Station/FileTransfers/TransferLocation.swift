/// The URL of an UpdateFirmware.req or GetDiagnostics.req `location` (OCPP 1.6 §8:
/// `ftp://user:password@host:port/path`, http, https), read as text: the parts the
/// station needs, and the form in which it may be shown.
public enum TransferLocation {
    /// The scheme, lowercased (`ftp`); nil when `location` has none.
    public static func scheme(of location: String) -> String? {
        guard let separator = location.range(of: "://"), separator.lowerBound > location.startIndex else { return nil }
        return location[..<separator.lowerBound].lowercased()
    }

    /// `text` with the password of every URL in it replaced by `SecretMasking.mask`
    /// (`ftp://user:secret@host/fw.bin` → `ftp://user:********@host/fw.bin`): passwords
    /// never reach logs, the screen, events or diagnostics files. The rest (user, host,
    /// path) stays, so the operator still sees where the station went.
    ///
    /// The user information is what precedes the last `@` of the authority (up to the
    /// first `/`, `?` or `#`). A password that itself holds an unencoded `/` (invalid,
    /// but typed by people) ends the authority early; then everything up to the last `@`
    /// of the URL is hidden rather than the rest of the password shown.
    public static func redacted(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let separator = rest.range(of: "://") {
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let token = rest.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
            let authority = token.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard let colon = authority.firstIndex(of: ":") else { continue }
            let end: Substring.Index
            if let at = authority.lastIndex(of: "@") {
                guard colon < at else { continue }
                end = at
            } else if let at = token.lastIndex(of: "@"),
                !authority[authority.index(after: colon)...].allSatisfy(\.isNumber)
            {
                end = at  // "user:pa/ss@host": not a port after the colon, so a broken password
            } else {
                continue  // "host:8080/…": a port, no credentials
            }
            result += rest[...colon]
            result += SecretMasking.mask
            rest = rest[end...]
        }
        return result + rest
    }

    /// The last component of the path (`fw-2.0.bin`); `firmware` when the path ends
    /// without one.
    public static func fileName(of location: String) -> String {
        let path = self.path(of: location) ?? Substring(location)
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? "firmware" : name
    }

    /// `name` without its extension (`fw-2.0.bin` → `fw-2.0`), as DESIGN.md names the
    /// version of an image that does not say its own.
    public static func baseName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The path: after the authority, without query or fragment.
    private static func path(of location: String) -> Substring? {
        guard let separator = location.range(of: "://") else { return nil }
        let rest = location[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let pathEnd = rest[authorityEnd...].firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[authorityEnd..<pathEnd]
    }
}
