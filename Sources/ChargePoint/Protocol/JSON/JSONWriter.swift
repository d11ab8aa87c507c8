/// The one place JSON text is written. Payloads (`PayloadEncoder`), frames
/// (`Frame.text`) and parsed documents (`JSONSerializer`) all go through it, so every
/// byte the station sends is spelled and escaped the same way.
///
/// It appends UTF-8 bytes and makes a `String` once at the end, which is several times
/// faster than appending to a `String` piece by piece. Only `"`, `\` and control
/// characters are escaped: `/` and non-ASCII text go out as they are, so that the frame
/// in the log reads exactly like the payload.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Punctuation: `{`, `}`, `[`, `]`, `,`, `:`.
    mutating func mark(_ character: Unicode.Scalar) {
        bytes.append(UInt8(ascii: character))
    }

    /// A literal fragment of JSON.
    mutating func raw(_ fragment: StaticString) {
        fragment.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text that is JSON already (a payload encoded earlier).
    mutating func json(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func null() {
        raw("null")
    }

    mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    mutating func number(_ number: JSONNumber) {
        json(number.literal)
    }

    /// Digits written in place: integers are in every payload, and `String(value)`
    /// would allocate for each.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    mutating func integer<T: BinaryInteger>(_ value: T) {
        if let small = Int(exactly: value) { integer(small) } else { json(String(value)) }
    }

    mutating func string(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        // Most strings need no escaping: copy them in one go.
        let copied = string.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !copied {
            for byte in string.utf8 { escape(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0xF)])
            }
        default: bytes.append(byte)
        }
    }

    /// A whole document, members in their stored order.
    /// The elements of a JSON array, comma-separated, each written by `element`; the
    /// brackets are the caller's (they usually close a member written with `raw`).
    mutating func elements<C: Collection>(_ items: C, _ element: (C.Element, inout JSONWriter) -> Void) {
        for (position, item) in items.enumerated() {
            if position > 0 { mark(",") }
            element(item, &self)
        }
    }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let literal): number(literal)
        case .string(let text): string(text)
        case .array(let elements):
            mark("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { mark(",") }
                self.value(element)
            }
            mark("]")
        case .object(let object):
            mark("{")
            for (position, member) in object.members.enumerated() {
                if position > 0 { mark(",") }
                string(member.key)
                mark(":")
                self.value(member.value)
            }
            mark("}")
        }
    }
}
