/// The password of HTTP Basic auth (security profiles 1 and 2, whitepaper §2.3) as the
/// bytes that follow `<identity>:` in the Authorization header, before base64. A secret:
/// it describes itself as `********`, so that no interpolation shows it.
///
/// Two sources, two readings:
/// - an AuthorizationKey (set over OCPP, or by `config set`) is "hexadecimal represented"
///   binary, 16 to 20 bytes (A00.FR.205): the password is the bytes the hex digits
///   stand for, which need not be text. OCTT TC_073 and TC_085 expect that: the key
///   `4F43415F4F4354545F61646D696E5F74657374` is sent as `OCA_OCTT_admin_test`.
/// - a password the operator gives (`--password`, `--password-file`,
///   `OCPP_CONSOLE_PASSWORD`) is sent as typed, its UTF-8 bytes.
public struct BasicAuthPassword: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let bytes: [UInt8]

    /// A password the operator typed: its UTF-8 bytes.
    public init(typed: String) { bytes = Array(typed.utf8) }

    /// The bytes an AuthorizationKey's hexadecimal digits stand for (A00.FR.205); nil for a
    /// value that is not an even number of hex digits (the configuration refuses those).
    public init?(authorizationKey: String) {
        let digits = authorizationKey.map(\.hexDigitValue)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = digits[index], let low = digits[index + 1] else { return nil }
            bytes.append(UInt8(high << 4 | low))
        }
        self.bytes = bytes
    }

    public var description: String { "********" }
    public var debugDescription: String { "BasicAuthPassword(********)" }
}
