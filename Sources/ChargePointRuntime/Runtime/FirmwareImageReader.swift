import ChargePoint
import Foundation

/// Reads what a downloaded firmware image says about itself (DESIGN.md "Connection
/// details"): a line `firmwareVersion=X` names its version, a line
/// `installation=failed` makes it an image that does not install, a line
/// `installation=verification-failed` one whose installation does not verify (a signed
/// update's InstallVerificationFailed). Lines are looked for
/// in the first `scanLimit` bytes (an image's manifest comes first).
enum FirmwareImageReader {
    static let scanLimit = 1 << 20

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    static func read(path: String) -> Result<FirmwareImage, Unreadable> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Unreadable(description: "cannot read the downloaded image \(path)"))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: scanLimit)) ?? Data()
        return .success(image(from: data))
    }

    static func image(from data: Data) -> FirmwareImage {
        var image = FirmwareImage()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("firmwareVersion="), image.version == nil {
                let version = text.dropFirst("firmwareVersion=".count).trimmingCharacters(in: .whitespaces)
                if !version.isEmpty { image.version = String(version.prefix(50)) }
            } else if text == "installation=failed" {
                image.installs = false
            } else if text == "installation=verification-failed" {
                image.installs = false
                image.verificationFails = true
            }
        }
        return image
    }
}
