/// Keeps secrets off the screen, the log and the event stream (DESIGN.md: "the value
/// of a write-only key (AuthorizationKey) and any password are replaced by ********").
/// Frames on the wire are untouched; only what is shown is masked.
public enum SecretMasking {
    public static let mask = "********"

    /// Configuration keys whose values are secret, in their canonical spelling. A key
    /// name is a CiString (OCPP 1.6 §6.9, §7.17): "authorizationkey" is AuthorizationKey
    /// too, and its value is masked as well.
    static let secretKeys: Set<StandardKey> = [.authorizationKey]

    /// The folded names, for the byte-wise search over frame text.
    private static let foldedSecretNames: [String] = secretKeys.map { CaseInsensitive.fold($0.rawValue) }

    public static func isSecret(_ name: String) -> Bool {
        StandardKey(name: name).map(secretKeys.contains) ?? false
    }

    /// An operator command line as it may be shown or kept (the `:` line's history, a
    /// script's progress, `result` events): the value of `config set` on a secret key
    /// masked, the rest as typed.
    ///
    /// Any other line that names a secret key with something after it — a JSON command
    /// line, `csms set-config`, a line that does not parse (an unclosed quote) — shows
    /// nothing after the key's name.
    ///
    /// `send <Action> <json>` and `csms send <Action> <json>` show their payload as a
    /// frame is shown (a ChangeConfiguration of the AuthorizationKey, in any member
    /// order and spelling, `\u` escapes included, has its value masked); a payload that
    /// does not parse and may hide a key shows nothing.
    public static func commandLine(_ line: String) -> String {
        if let words = try? CommandWords.split(line) {
            if words.count >= 4, CaseInsensitive.equal(words[0], "config"), CaseInsensitive.equal(words[1], "set"),
                isSecret(words[2])
            {
                return "\(words[0]) \(words[1]) \(words[2]) \(mask)"
            }
            if let shown = sendLine(words, line) { return shown }
        }
        for name in foldedSecretNames {
            guard let end = line.utf8.endOfSequenceIgnoringASCIICase(name.utf8) else { continue }
            let rest = line.utf8[end...]
            guard rest.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            return String(decoding: line.utf8[..<end], as: UTF8.self) + " " + mask
        }
        return line
    }

    /// A `send` or `csms send` line as it may be shown; nil for another command.
    private static func sendLine(_ words: [String], _ line: String) -> String? {
        let start = words.first.map { CaseInsensitive.equal($0, "csms") } == true ? 1 : 0
        guard words.count == start + 3, CaseInsensitive.equal(words[start], "send") else { return nil }
        let head = words[..<(start + 2)].joined(separator: " ")
        guard let payload = try? JSONParser.parse(words[start + 2]) else {
            // Unreadable: a `\u` escape may spell a key's name; then nothing of it shows.
            return words[start + 2].utf8.containsSequence("\\u".utf8) ? head + " " + mask : nil
        }
        guard let masked = maskPayload(payload) else { return line }
        return head + " " + CommandWords.quoted(JSONSerializer.serialize(masked))
    }

    /// The frame text with the value of every secret key replaced. Cheap for the common
    /// case: frames that mention no secret key (in any case, or behind a JSON `\u`
    /// escape) are returned as they are, and so are frames where nothing was masked.
    public static func mask(_ text: String) -> String {
        let mentionsSecret = foldedSecretNames.contains { text.utf8.containsSequenceIgnoringASCIICase($0.utf8) }
        // A transfer location (UpdateFirmware, GetDiagnostics: OCPP 1.6 §8) may carry
        // an FTP password: `TransferLocation.redacted`.
        let mentionsLocation =
            text.utf8.containsSequence("\"location\"".utf8) || text.utf8.containsSequence("\"remoteLocation\"".utf8)
        guard mentionsSecret || mentionsLocation || text.utf8.containsSequence("\\u".utf8) else { return text }
        guard case .success(let frame) = Frame.parse(text) else {
            // Unparseable but mentioning the key: show nothing of it.
            guard mentionsSecret else { return text }
            return "[frame mentioning \(secretKeys.map(\.rawValue).sorted().joined(separator: ", ")) hidden]"
        }
        switch frame {
        case .call(var call):
            guard let payload = maskPayload(call.payload) else { return text }
            call.payload = payload
            return Frame.call(call).text
        case .callResult(var result):
            guard let payload = maskPayload(result.payload) else { return text }
            result.payload = payload
            return Frame.callResult(result).text
        case .callError:
            return text
        }
    }

    /// `{"key":"AuthorizationKey","value":"…"}` anywhere in the payload: the value goes.
    /// Nil when there was nothing to mask.
    static func maskPayload(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let object):
            var changed = false
            var masked = JSONObject()
            for member in object {
                if let inner = maskPayload(member.value) {
                    masked[member.key] = inner
                    changed = true
                } else {
                    masked[member.key] = member.value
                }
            }
            // UpdateFirmware, GetDiagnostics, SignedUpdateFirmware (firmware.location),
            // GetLog (log.remoteLocation).
            for name in ["location", "remoteLocation"] {
                if let location = object[name]?.stringValue, TransferLocation.redacted(location) != location {
                    masked[name] = .string(TransferLocation.redacted(location))
                    changed = true
                }
            }
            if let key = object["key"]?.stringValue, isSecret(key), let secret = object["value"],
                secret != .string(mask)
            {
                masked["value"] = .string(mask)
                changed = true
            }
            return changed ? .object(masked) : nil
        case .array(let elements):
            let inner = elements.map(maskPayload)
            guard inner.contains(where: { $0 != nil }) else { return nil }
            return .array(zip(elements, inner).map { $1 ?? $0 })
        default:
            return nil
        }
    }

    /// For operator-facing text about a configuration change to the key `key` (any
    /// spelling).
    public static func displayValue(_ value: String, forKey key: String) -> String {
        isSecret(key) ? mask : value
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

extension String.UTF8View {
    /// `containsSequence` for an all-lower-case ASCII needle, ignoring the case of ASCII
    /// letters in the text (CiString names, OCPP 1.6 §7.17).
    func containsSequenceIgnoringASCIICase(_ needle: String.UTF8View) -> Bool {
        needle.isEmpty || endOfSequenceIgnoringASCIICase(needle) != nil
    }

    /// Where the first occurrence of `needle` (lowercase) ends, in any ASCII case.
    func endOfSequenceIgnoringASCIICase(_ needle: String.UTF8View) -> Index? {
        guard let first = needle.first, needle.count <= count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var index = startIndex
        while let candidate = self[index...].firstIndex(where: { lower($0) == first }) {
            if self[candidate...].lazy.map(lower).starts(with: needle) {
                return self.index(candidate, offsetBy: needle.count)
            }
            index = self.index(after: candidate)
        }
        return nil
    }
}
