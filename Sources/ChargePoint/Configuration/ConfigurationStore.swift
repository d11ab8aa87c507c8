/// The station's configuration: the keys it supports, their accessibility and current
/// values. Values are kept as the strings OCPP carries; typed getters read them.
///
/// Created from the station profile (the factory values) and then from the durable
/// store (the values changed since). Every change goes through `check(_:value:)`, the
/// one rule book for ChangeConfiguration, the console's editor and `config set`.
public struct ConfigurationStore: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let key: StandardKey
        public let access: ConfigurationKeyDefinition.Access
        public internal(set) var value: String
    }

    public private(set) var entries: [StandardKey: Entry]
    /// Measurands the station's meters deliver, for checking measurand lists.
    public let measurands: Set<Measurand>
    private var measurandLists: [StandardKey: [Measurand]] = [:]

    /// What a requested change would do (OCPP 1.6 §5.3).
    public enum ChangeOutcome: Sendable, Equatable {
        case accepted(normalizedValue: String)
        case rebootRequired(normalizedValue: String)
        case rejected(reason: String)
        case notSupported
    }

    public init(entries: [StandardKey: Entry], measurands: Set<Measurand>) {
        self.entries = entries
        self.measurands = measurands
        refreshMeasurandLists()
    }

    /// Supported keys in the specification's order.
    public var supportedKeys: [StandardKey] { StandardKey.allCases.filter { entries[$0] != nil } }

    public func supports(_ key: StandardKey) -> Bool { entries[key] != nil }

    public func value(_ key: StandardKey) -> String? { entries[key]?.value }

    public func bool(_ key: StandardKey) -> Bool? {
        entries[key].map { $0.value.lowercased() == "true" }
    }

    public func int(_ key: StandardKey) -> Int? {
        entries[key].flatMap { Int($0.value) }
    }

    /// A comma-separated list's items, trimmed; empty for an empty value.
    public func list(_ key: StandardKey) -> [String] {
        guard let value = entries[key]?.value else { return [] }
        return Self.items(of: value)
    }

    /// The measurands of a measurand list key, in order; parsed once per value, since
    /// they are read at every meter sample.
    public func measurands(_ key: StandardKey) -> [Measurand] {
        if let cached = measurandLists[key] { return cached }
        return list(key).compactMap(Measurand.init(rawValue:))
    }

    private static let measurandKeys: [StandardKey] = [
        .meterValuesSampledData, .meterValuesAlignedData, .stopTxnSampledData, .stopTxnAlignedData,
    ]

    private mutating func refreshMeasurandLists() {
        for key in Self.measurandKeys where entries[key] != nil {
            measurandLists[key] = list(key).compactMap(Measurand.init(rawValue:))
        }
    }

    static func items(of value: String) -> [String] {
        value.split(separator: ",", omittingEmptySubsequences: false)
            .map { item in String(item.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .filter { !$0.isEmpty }
    }

    /// Sets a value already checked by `check`. Internal: only the core changes values.
    mutating func set(_ key: StandardKey, _ value: String) {
        entries[key]?.value = value
        if Self.measurandKeys.contains(key) { refreshMeasurandLists() }
    }

    // MARK: Checking a change

    /// Whether `value` may be written to the key named `name` (in any spelling, §7.17)
    /// by the central system. Read-only keys are Rejected; unknown or unsupported keys
    /// NotSupported.
    public func check(_ name: String, value: String) -> ChangeOutcome {
        guard let key = StandardKey(name: name), let entry = entries[key] else { return .notSupported }
        guard entry.access != .readOnly else { return .rejected(reason: "\(key.rawValue) is read-only") }
        switch normalize(value, for: key) {
        case .success(let normalized):
            return key.definition.rebootRequired
                ? .rebootRequired(normalizedValue: normalized) : .accepted(normalizedValue: normalized)
        case .failure(let problem):
            return .rejected(reason: problem.reason)
        }
    }

    struct Problem: Error { let reason: String }

    /// The canonical form of a valid value for the key, or why it is not valid.
    func normalize(_ value: String, for key: StandardKey) -> Result<String, Problem> {
        let definition = key.definition
        switch definition.type {
        case .boolean:
            switch value.lowercased() {
            case "true": return .success("true")
            case "false": return .success("false")
            default: return .failure(Problem(reason: "\(key.rawValue) takes true or false, not '\(value)'"))
            }
        case .integer(let range):
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)) else {
                return .failure(Problem(reason: "\(key.rawValue) takes a whole number, not '\(value)'"))
            }
            guard range.contains(number) else {
                return .failure(
                    Problem(reason: "\(key.rawValue) must be from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(String(number))
        case .string(let minLength, let maxLength):
            guard value.count >= minLength, value.count <= maxLength else {
                return .failure(
                    Problem(reason: "\(key.rawValue) must be \(minLength) to \(maxLength) characters long"))
            }
            return .success(value)
        case .hexBinary(let bytes):
            // An empty value is the key unset (no Basic auth password).
            guard !value.isEmpty else { return .success(value) }
            guard value.count % 2 == 0, bytes.contains(value.count / 2), value.allSatisfy(\.isHexDigit) else {
                return .failure(
                    Problem(
                        reason:
                            "\(key.rawValue) must be \(bytes.lowerBound) to \(bytes.upperBound) bytes written as \(bytes.lowerBound * 2) to \(bytes.upperBound * 2) hexadecimal digits"
                    ))
            }
            return .success(value)
        case .list(let item, let maxLengthKey):
            let items = Self.items(of: value)
            if let maxLengthKey, let limit = int(maxLengthKey), items.count > limit {
                return .failure(Problem(reason: "\(key.rawValue) holds at most \(limit) items"))
            }
            var canonical: [String] = []
            for entry in items {
                switch canonicalItem(entry, of: item) {
                case .success(let spelled): canonical.append(spelled)
                case .failure(let problem): return .failure(Problem(reason: "\(key.rawValue): \(problem.reason)"))
                }
            }
            return .success(canonical.joined(separator: ","))
        }
    }

    /// The specification's spelling of one list item, or why it is not one. The value
    /// of ChangeConfiguration is a CiString500Type (OCPP 1.6 §6.9, §7.19), so the item is
    /// matched in any case.
    private typealias ListItem = ConfigurationKeyDefinition.ListItem

    private func canonicalItem(_ listItem: String, of kind: ListItem) -> Result<String, Problem> {
        func named(_ names: [String], else reason: String) -> Result<String, Problem> {
            CaseInsensitive.match(listItem, in: names).map { .success($0) } ?? .failure(Problem(reason: reason))
        }
        switch kind {
        case .measurand:
            guard let name = CaseInsensitive.match(listItem, in: Measurand.allCases.map(\.rawValue)),
                let measurand = Measurand(rawValue: name)
            else { return .failure(Problem(reason: "'\(listItem)' is not a measurand")) }
            // OCPP 1.6 §3.16.4: a measurand the meters cannot deliver is Rejected.
            return measurands.contains(measurand)
                ? .success(name) : .failure(Problem(reason: "this station cannot measure \(name)"))
        case .featureProfile:
            let known = FeatureProfile.allCases.filter { $0 != .security }.map(\.rawValue)
            return named(known, else: "'\(listItem)' is not a feature profile")
        case .phaseRotation:
            let rotations = ["NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR"]
            let parts = listItem.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                guard Int(parts[0]) != nil, let rotation = CaseInsensitive.match(parts[1], in: rotations) else {
                    return .failure(Problem(reason: "'\(listItem)' is not <connector>.<rotation>"))
                }
                return .success(parts[0] + "." + rotation)
            }
            return named(rotations, else: "'\(listItem)' is not a phase rotation")
        case .chargingRateUnit:
            return named(["Current", "Power"], else: "'\(listItem)' is not Current or Power")
        case .fileTransferProtocol:
            return named(["FTP", "FTPS", "HTTP", "HTTPS"], else: "'\(listItem)' is not a protocol")
        }
    }
}

extension ConfigurationStore {
    /// The factory configuration of a profile: every key the profile lists, checked
    /// against its definition, plus values the station derives itself
    /// (NumberOfConnectors, SupportedFeatureProfiles).
    /// Key names are matched in any spelling (OCPP 1.6 §7.17), as in ChangeConfiguration;
    /// two spellings of one key are refused, as one of them would be silently lost.
    public init(profile: StationProfile) throws(ProfileError) {
        var entries: [StandardKey: Entry] = [:]
        var values: [StandardKey: String] = [:]
        for (name, value) in profile.configuration.sorted(by: { $0.key < $1.key }) {
            guard let key = StandardKey(name: name) else {
                throw ProfileError(field: "configuration.\(name)", reason: "not a standard configuration key")
            }
            guard profile.supports(key.definition.profile) else {
                throw ProfileError(
                    field: "configuration.\(name)",
                    reason: "belongs to \(key.definition.profile.rawValue), which the station does not support")
            }
            guard values[key] == nil else {
                throw ProfileError(
                    field: "configuration.\(name)", reason: "\(key.rawValue) is given twice, in different spellings")
            }
            values[key] = value
        }
        let readOnlyKeys = Set(profile.readOnlyKeys.compactMap { StandardKey(name: $0) })
        for key in StandardKey.allCases where profile.supports(key.definition.profile) {
            let definition = key.definition
            var access = definition.access
            if readOnlyKeys.contains(key) {
                guard definition.accessIsImplementationChoice || access == .readOnly else {
                    throw ProfileError(
                        field: "read-only", reason: "\(key.rawValue) must be read-write by the specification")
                }
                access = .readOnly
            }
            if let value = values[key] {
                entries[key] = Entry(key: key, access: access, value: value)
            } else if definition.required {
                entries[key] = Entry(key: key, access: access, value: definition.defaultValue)
            }
        }
        entries[.numberOfConnectors]?.value = String(profile.connectors.count)
        let profiles = FeatureProfile.allCases.filter { $0 != .security && profile.supports($0) }
        entries[.supportedFeatureProfiles]?.value = profiles.map(\.rawValue).joined(separator: ",")
        // A fixed cable cannot be unlocked: the key is read-only and false (errata 3.84).
        if profile.connectors.allSatisfy({ $0.cable == .fixed }),
            let entry = entries[.unlockConnectorOnEVSideDisconnect]
        {
            entries[.unlockConnectorOnEVSideDisconnect] = Entry(key: entry.key, access: .readOnly, value: "false")
        }
        self.init(entries: entries, measurands: Set(profile.measurands))
        // Check every value now, after the list limits are known.
        for key in supportedKeys {
            guard let value = self.entries[key]?.value else { continue }
            // An empty write-only value means "not set yet" (no AuthorizationKey before
            // the central system sends one).
            if value.isEmpty, self.entries[key]?.access == .writeOnly { continue }
            switch normalize(value, for: key) {
            case .success(let normalized): set(key, normalized)
            case .failure(let problem):
                throw ProfileError(field: "configuration.\(key.rawValue)", reason: problem.reason)
            }
        }
    }
}

/// A station profile that cannot be used, naming the field at fault.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var field: String
    public var reason: String

    public init(file: String? = nil, field: String, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        let location = [file, field.isEmpty ? nil : field].compactMap { $0 }.joined(separator: ": ")
        return location.isEmpty ? reason : "\(location): \(reason)"
    }
}
