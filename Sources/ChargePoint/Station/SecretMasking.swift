/// Keeps secrets off the screen, the log and the event stream (DESIGN.md: "the value
/// of a write-only key (AuthorizationKey) and any password are replaced by ********").
/// Frames on the wire are untouched; only what is shown is masked.
public enum SecretMasking {
    public static let mask = "********"

    /// Configuration keys whose values are secret.
    static let secretKeys: Set<String> = [StandardKey.authorizationKey.rawValue]

    /// The frame text with the value of every secret key replaced. Cheap for the common
    /// case: frames that do not mention a secret key are returned as they are.
    public static func mask(_ text: String) -> String {
        guard secretKeys.contains(where: { text.utf8.containsSequence($0.utf8) }) else { return text }
        guard case .success(let frame) = Frame.parse(text) else {
            // Unparseable but mentioning the key: show nothing of it.
            return "[frame mentioning \(secretKeys.sorted().joined(separator: ", ")) hidden]"
        }
        switch frame {
        case .call(var call):
            call.payload = maskPayload(call.payload)
            return Frame.call(call).text
        case .callResult(var result):
            result.payload = maskPayload(result.payload)
            return Frame.callResult(result).text
        case .callError:
            return text
        }
    }

    /// `{"key":"AuthorizationKey","value":"…"}` anywhere in the payload: the value goes.
    static func maskPayload(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if let key = object["key"]?.stringValue, secretKeys.contains(key), object["value"] != nil {
                object["value"] = .string(mask)
            }
            var masked = JSONObject()
            for member in object { masked[member.key] = maskPayload(member.value) }
            return .object(masked)
        case .array(let elements):
            return .array(elements.map(maskPayload))
        default:
            return value
        }
    }

    /// For operator-facing text about a configuration change.
    public static func displayValue(_ value: String, forKey key: String) -> String {
        secretKeys.contains(key) ? mask : value
    }
}

extension String.UTF8View {
    /// Byte-wise substring search: the frame text is ASCII-dominated and this runs on
    /// every frame, where Foundation's locale-aware search is needlessly slow.
    func containsSequence(_ needle: String.UTF8View) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = startIndex
        while let candidate = self[index...].firstIndex(of: first) {
            if self[candidate...].starts(with: needle) { return true }
            index = self.index(after: candidate)
        }
        return false
    }
}
