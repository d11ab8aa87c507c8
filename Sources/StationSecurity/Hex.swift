/// Hexadecimal text of bytes, as OCPP writes hashes and serial numbers
/// (security whitepaper §6.1 CertificateHashDataType: "hexbinary", two digits a byte).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lowercase digits a byte. The fields are CiStrings, compared without case.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A serial number as the whitepaper writes it (§6.1 serialNumber): hexadecimal without
    /// leading zeroes, "the serial number with decimal value 4095 will be represented as
    /// FFF". `bytes` are those of the DER INTEGER (big-endian, perhaps with a 00 sign byte).
    /// Zero is "0".
    static func serialNumber(_ bytes: some Sequence<UInt8>) -> String {
        let text = encode(bytes).drop { $0 == "0" }
        return text.isEmpty ? "0" : String(text)
    }
}
