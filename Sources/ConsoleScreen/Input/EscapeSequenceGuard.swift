/// The keys of an escape sequence that came in late (issue 12 §11). curses waits
/// `ESCDELAY` ms for the bytes after an Esc; when an arrow's or End's bytes arrive later
/// (a loaded machine, a slow SSH link) it gives up and hands over Esc, `[` (or `O`) and
/// the letter as keys of their own — and `[` would select the previous connector.
///
/// Between curses and the key table: a `[` or `O` that came with the Esc starts a
/// sequence, never a key. curses hands a lone Esc over only once the delay has passed
/// (or together with the `[` it could not complete), so a `[` that was sent within the
/// delay after the Esc is read at once after it: within `introducerWindow`. The
/// sequence's parameters and final byte, each within the delay of the byte before,
/// become the key they spell (`[A` ↑, `[6~` PgDn, `OF` End…), or nothing; a final byte
/// that spells no key goes through as the key it is. The Esc itself is held until the
/// window has passed (`due(at:)`) or another key came: a late arrow never acts as Esc
/// (closing a prompt, clearing a filter).
public struct EscapeSequenceGuard: Sendable {
    /// How long (ms) a sequence's next byte may take: curses' escape delay, at least
    /// 100 ms.
    public let delay: Int64
    /// How long (ms) after curses handed over an Esc a `[` or `O` still counts as sent
    /// with it: 100 ms, whatever the delay (a short `ESCDELAY` is when late bytes are
    /// likeliest). A person's `[` comes later.
    public let introducerWindow: Int64

    private enum State: Sendable {
        case idle
        /// An Esc came at this time.
        case escape(at: Int64)
        /// Esc and the introducer (`[` or `O`) came; parameter bytes so far; the time
        /// of the last byte.
        case sequence(introducer: Character, parameters: String, at: Int64)
    }

    private var state = State.idle

    public init(delay: Int64) {
        self.delay = max(delay, 100)
        introducerWindow = 100
    }

    /// The keys `key`, read at `time` (ms, monotonic), stands for: itself, nothing (part
    /// of a sequence), or the key a late sequence spells.
    public mutating func take(_ key: Key, at time: Int64) -> [Key] {
        switch state {
        case .idle:
            break
        case .escape(let at):
            state = .idle
            if time - at <= introducerWindow, case .character(let c) = key, c == "[" || c == "O" {
                state = .sequence(introducer: c, parameters: "", at: time)
                return []
            }
            // The held Esc was one of its own: it goes first.
            if key == .escape {
                state = .escape(at: time)
                return [.escape]
            }
            return [.escape, key]
        case .sequence(let introducer, let parameters, let at):
            state = .idle
            guard time - at <= delay, case .character(let c) = key, let byte = c.asciiValue else { break }
            switch byte {
            case 0x30...0x3F:  // parameter bytes: digits, ';'
                state = .sequence(introducer: introducer, parameters: parameters + String(c), at: time)
                return []
            case 0x40...0x7E:  // the final byte
                if let decoded = Self.decode(introducer, parameters, c) { return [decoded] }
                return parameters.isEmpty ? [key] : []
            default:
                break
            }
        }
        if key == .escape {
            state = .escape(at: time)
            return []
        }
        return [key]
    }

    /// Whether an Esc waits for its window to pass (`due(at:)`).
    public var holdsEscape: Bool {
        if case .escape = state { true } else { false }
    }

    /// A held Esc whose window passed at `time` with nothing after it: the Esc, now.
    public mutating func due(at time: Int64) -> [Key] {
        guard case .escape(let at) = state, time - at > introducerWindow else { return [] }
        state = .idle
        return [.escape]
    }

    /// The key of `Esc introducer parameters final` (xterm's and VT100's), if any.
    static func decode(_ introducer: Character, _ parameters: String, _ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S":
            guard introducer == "O" || parameters.hasPrefix("1;") else { return nil }
            return .function(Int(final.asciiValue! - Character("P").asciiValue!) + 1)
        case "~":
            switch parameters.split(separator: ";").first ?? "" {
            case "1", "7": return .home
            case "3": return .delete
            case "4", "8": return .end
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }
}
