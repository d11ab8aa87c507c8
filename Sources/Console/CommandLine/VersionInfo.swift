internal import CTermShim.Curses
internal import CLibwebsockets

/// What `--version` prints: the release, the protocol and the C libraries in use, which
/// is what a bug report needs.
enum VersionInfo {
    static let release = "0.1.0"

    static var text: String {
        // lws reports e.g. "4.1.6-" or "4.3.2-v4.3.2": keep the bare number.
        let websockets = String(cString: tl_version()).prefix(while: { $0.isNumber || $0 == "." })
        let curses = String(cString: tc_version())
        return "ocpp-console \(release) (OCPP 1.6-J, security extension; libwebsockets \(websockets), \(curses))"
    }
}
