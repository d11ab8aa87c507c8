internal import CLibwebsockets
import Logging
import ChargePoint

/// libwebsockets writes its diagnostics to stderr by default, which would scribble over
/// the curses screen and mix with headless output. This routes them into swift-log
/// (label `libwebsockets`), where `--log FILE` keeps them and nothing else prints them
/// (PLATFORM-NOTES.md, "Silence lws' own stderr chatter").
package enum LibwebsocketsLog {
    /// Installs the route; idempotent, and done before any lws context exists.
    package static func route() { _ = installed }

    private static let installed: Bool = {
        lws_set_log_level(LLL_ERR | LLL_WARN | LLL_NOTICE) { level, line in
            guard let line else { return }
            var text = String(cString: line)
            while text.last == "\n" { text.removeLast() }
            let severity: Logger.Level =
                level & LLL_ERR != 0 ? .error : level & LLL_WARN != 0 ? .warning : .notice
            LibwebsocketsLog.logger.log(level: severity, "\(text)")
        }
        return true
    }()

    private static let logger = Logger(label: "libwebsockets")
}
