/// The URL of an UpdateFirmware.req or GetDiagnostics.req `location` (OCPP 1.6 §8:
/// `ftp://user:password@host:port/path`, http, https), read as text: the parts the
/// station needs, and the form in which it may be shown.
public enum TransferLocation {
    /// The scheme, lowercased (`ftp`); nil when `location` has none.
    public static func scheme(of location: String) -> String? {
        guard let separator = location.range(of: "://"), separator.lowerBound > location.startIndex else { return nil }
        return location[..<separator.lowerBound].lowercased()
    }

    /// `location` with the password in its user information replaced by
    /// `SecretMasking.mask` (`ftp://user:********@host/fw.bin`): passwords never reach
    /// logs, the screen, events or diagnostics files.
    public static func redacted(_ location: String) -> String {
        guard let (userInfo, _) = parts(of: location),
            let colon = location[userInfo].firstIndex(of: ":")
        else { return location }
        let password = location.index(after: colon)..<userInfo.upperBound
        return location.replacingCharacters(in: password, with: SecretMasking.mask)
    }

    /// The last component of the path (`fw-2.0.bin`); `firmware` when the path ends
    /// without one.
    public static func fileName(of location: String) -> String {
        let path = parts(of: location).map { location[$0.path] } ?? Substring(location)
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? "firmware" : name
    }

    /// `name` without its extension (`fw-2.0.bin` → `fw-2.0`), as DESIGN.md names the
    /// version of an image that does not say its own.
    public static func baseName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The user information (before the last `@` of the authority) and the path (after
    /// the authority, without query or fragment).
    private static func parts(of location: String) -> (userInfo: Range<String.Index>, path: Range<String.Index>)? {
        guard let separator = location.range(of: "://") else { return nil }
        let rest = location[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let userInfoEnd = authority.lastIndex(of: "@") ?? authority.startIndex
        let pathEnd = rest[authorityEnd...].firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return (authority.startIndex..<userInfoEnd, authorityEnd..<pathEnd)
    }
}
