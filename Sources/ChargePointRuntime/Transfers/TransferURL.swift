import Foundation

/// URLs as the station shows them. A firmware or diagnostics location may carry FTP or
/// HTTP credentials (`ftp://user:pass@host/…`, OCPP 1.6 §5.19, §5.9 "location"); whatever the
/// station prints, logs or reports shows them with the password replaced by `***`.
public enum TransferURL {
    /// `text` with the password of every URL in it replaced by `***`:
    /// `ftp://user:secret@host/fw.bin` → `ftp://user:***@host/fw.bin`. The rest (user,
    /// host, path) stays, so the operator still sees where the station went.
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
            result += "***"
            rest = rest[end...]
        }
        return result + rest
    }
}
