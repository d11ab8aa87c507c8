import Foundation
import ChargePoint
import TOMLKit

/// Reads and fully validates a station profile (DESIGN.md "Station profiles"); any
/// problem is a `ProfileError` naming the file and the field, which the console prints
/// on one line before exiting with status 2.
///
/// ```toml
/// [identity]       vendor, model, serial-number, charge-box-serial-number,
///                  firmware-version, iccid, imsi, meter-type, meter-serial-number
/// [features]       profiles = ["Core", …], security-extension = true|false
/// [[connectors]]   type, cable = "socket"|"fixed", lock, current = "AC"|"DC",
///                  phases, voltage, max-current, max-power-kw
/// [meter]          measurands = ["Energy.Active.Import.Register", …]
/// [ev]             battery-kwh, initial-soc, max-power-ac-kw, max-power-dc-kw
/// [behaviour]      power-loss = "stop"|"resume", rfid-readers, reboot-seconds (0–600, default 3),
///                  queue-capacity (transaction messages, 10–10000000, default 10000)
/// [configuration]  KeyName = value   (every key the station has; CSL as "a,b" or ["a","b"])
/// [access]         read-only = ["AuthorizeRemoteTxRequests", …]  (where R or RW is allowed)
/// ```
public enum StationProfileLoader {
    public static func load(_ nameOrPath: String, assets: AssetLocator?) throws(ProfileError) -> StationProfile {
        let url: URL
        if let assets {
            url = assets.profileFile(nameOrPath)
        } else if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            url = URL(fileURLWithPath: nameOrPath)
        } else {
            throw ProfileError(
                field: "", reason: "cannot find the Assets folder for profile '\(nameOrPath)'; set OCPP_CONSOLE_ASSETS")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = assets?.profileNames.joined(separator: ", ") ?? ""
            throw ProfileError(
                file: url.path, field: "", reason: "no such station profile\(known.isEmpty ? "" : " (known: \(known))")"
            )
        }
        let name = url.deletingPathExtension().lastPathComponent
        return try parse(TOMLDocument(contentsOf: url), name: name)
    }

    public static func parse(toml text: String, name: String, file: String = "<profile>") throws(ProfileError)
        -> StationProfile
    {
        try parse(TOMLDocument(text: text, file: file), name: name)
    }

    static func parse(_ document: TOMLDocument, name: String) throws(ProfileError) -> StationProfile {
        let root = TOMLTableReader(document: document, path: "", table: document.root)
        try root.allowOnly([
            "identity", "features", "connectors", "meter", "ev", "behaviour", "configuration", "access",
        ])
        let identity = try readIdentity(root.table("identity")!)
        let features = try root.table("features")!
        try features.allowOnly(["profiles", "security-extension"])
        var profiles: Set<FeatureProfile> = [.core]
        for profileName in try features.strings("profiles") ?? ["Core"] {
            guard let profile = FeatureProfile(rawValue: profileName), profile != .security else {
                throw document.error(
                    "features.profiles",
                    "'\(profileName)' is not an OCPP 1.6 feature profile (Core, FirmwareManagement, "
                        + "LocalAuthListManagement, Reservation, SmartCharging, RemoteTrigger)")
            }
            profiles.insert(profile)
        }
        if try features.bool("security-extension") == true { profiles.insert(.security) }
        let connectors = try root.tables("connectors").enumerated().map { (offset, reader) throws(ProfileError) in
            try readConnector(reader, id: offset + 1)
        }
        guard !connectors.isEmpty else { throw document.error("connectors", "a station needs at least one connector") }
        var measurands = Self.defaultMeasurands
        if let meter = try root.table("meter", required: false) {
            try meter.allowOnly(["measurands"])
            if let names = try meter.strings("measurands") {
                measurands = []
                for name in names {
                    guard let measurand = Measurand(rawValue: name) else {
                        throw document.error("meter.measurands", "'\(name)' is not a measurand (OCPP 1.6 §7.31)")
                    }
                    measurands.append(measurand)
                }
            }
        }
        var ev = EVDefaults()
        if let table = try root.table("ev", required: false) {
            try table.allowOnly(["battery-kwh", "initial-soc", "max-power-ac-kw", "max-power-dc-kw"])
            ev.batteryWh = (try table.number("battery-kwh", in: 1...1000) ?? 60) * 1000
            ev.initialSoC = try table.number("initial-soc", in: 0...100) ?? 30
            ev.maxPowerACW = (try table.number("max-power-ac-kw", in: 1...50) ?? 11) * 1000
            ev.maxPowerDCW = (try table.number("max-power-dc-kw", in: 1...1000) ?? 50) * 1000
        }
        var powerLoss = StationProfile.PowerLossBehaviour.stop
        var readers = 1
        var rebootSeconds = StationProfile.defaultRebootSeconds
        var queueCapacity = StationProfile.defaultQueueCapacity
        if let behaviour = try root.table("behaviour", required: false) {
            try behaviour.allowOnly(["power-loss", "rfid-readers", "reboot-seconds", "queue-capacity"])
            rebootSeconds = try behaviour.integer("reboot-seconds", in: 0...600) ?? rebootSeconds
            queueCapacity = try behaviour.integer("queue-capacity", in: 10...10_000_000) ?? queueCapacity
            powerLoss =
                try behaviour.choice("power-loss", StationProfile.PowerLossBehaviour.self, allowed: [.stop, .resume])
                ?? .stop
            readers = try behaviour.integer("rfid-readers", in: 0...16) ?? 1
        }
        var configuration: [String: String] = [:]
        if let table = try root.table("configuration", required: false) {
            for (key, value) in table.table {
                configuration[key] = try configurationValue(value, field: table.field(key), document)
            }
        }
        var readOnly: Set<String> = []
        if let access = try root.table("access", required: false) {
            try access.allowOnly(["read-only"])
            readOnly = Set(try access.strings("read-only") ?? [])
        }
        let profile = StationProfile(
            name: name, identity: identity, connectors: connectors, rfidReaders: readers, featureProfiles: profiles,
            configuration: configuration, readOnlyKeys: readOnly, measurands: measurands, ev: ev, powerLoss: powerLoss,
            rebootSeconds: rebootSeconds, queueCapacity: queueCapacity)
        do {
            _ = try ConfigurationStore(profile: profile)
        } catch {
            throw ProfileError(file: document.file, field: error.field, reason: error.reason)
        }
        return profile
    }

    /// What the meters measure when the profile does not say.
    static let defaultMeasurands: [Measurand] = [
        .energyActiveImportRegister, .energyActiveImportInterval, .powerActiveImport, .powerOffered, .currentImport,
        .currentOffered, .voltage, .frequency, .temperature, .soc,
    ]

    private static func readIdentity(_ table: TOMLTableReader) throws(ProfileError) -> StationIdentity {
        try table.allowOnly([
            "vendor", "model", "serial-number", "charge-box-serial-number", "firmware-version", "iccid", "imsi",
            "meter-type", "meter-serial-number",
        ])
        func optional<B>(_ name: String, _ type: BoundedString<B>.Type) throws(ProfileError) -> BoundedString<B>? {
            try table.string(name, maxLength: B.maximumLength).flatMap(BoundedString<B>.init)
        }
        guard let vendor = CiString20(try table.requiredString("vendor", maxLength: 20)),
            let model = CiString20(try table.requiredString("model", maxLength: 20))
        else { throw table.document.error(table.field("vendor"), "invalid") }
        return StationIdentity(
            vendor: vendor, model: model, serialNumber: try optional("serial-number", CiString25.self),
            chargeBoxSerialNumber: try optional("charge-box-serial-number", CiString25.self),
            firmwareVersion: try optional("firmware-version", CiString50.self),
            iccid: try optional("iccid", CiString20.self), imsi: try optional("imsi", CiString20.self),
            meterType: try optional("meter-type", CiString25.self),
            meterSerialNumber: try optional("meter-serial-number", CiString25.self))
    }

    private static func readConnector(_ table: TOMLTableReader, id: Int) throws(ProfileError) -> ConnectorHardware {
        try table.allowOnly(["type", "cable", "lock", "current", "phases", "voltage", "max-current", "max-power-kw"])
        let cable = try table.choice("cable", ConnectorHardware.Cable.self, allowed: [.socket, .fixed]) ?? .socket
        let current = try table.choice("current", ConnectorHardware.CurrentType.self, allowed: [.ac, .dc]) ?? .ac
        let phases = try table.integer("phases", in: 1...3) ?? (current == .ac ? 3 : 1)
        if current == .ac, phases == 2 {
            throw table.document.error(table.field("phases"), "an AC connector uses 1 or 3 phases")
        }
        let voltage = try table.number("voltage", in: 100...1000) ?? (current == .ac ? 230 : 400)
        let maxCurrent = try table.number("max-current", in: 1...1000) ?? (current == .ac ? 32 : 125)
        let hasLock = try table.bool("lock") ?? (cable == .socket)
        if cable == .fixed, hasLock {
            throw table.document.error(table.field("lock"), "a fixed cable has no lock to release")
        }
        let defaultPower = current == .ac ? voltage * maxCurrent * Double(phases) : voltage * maxCurrent
        let maxPower = (try table.number("max-power-kw", in: 1...1000)).map { $0 * 1000 } ?? defaultPower
        return ConnectorHardware(
            id: id, type: try table.string("type", maxLength: 20) ?? (current == .ac ? "Type2" : "CCS2"), cable: cable,
            hasLock: hasLock, currentType: current, phases: phases, voltage: voltage, maxCurrent: maxCurrent,
            maxPowerW: maxPower)
    }

    /// TOML values become OCPP's strings: booleans and integers as written, arrays as
    /// comma-separated lists.
    private static func configurationValue(_ value: any TOMLValueConvertible, field: String, _ document: TOMLDocument)
        throws(ProfileError)
        -> String
    {
        if let text = value.text { return text }
        if let flag = value.bool { return flag ? "true" : "false" }
        if let integer = value.int { return String(integer) }
        if let elements = value.array {
            var items: [String] = []
            for element in elements {
                guard let item = element.text else { throw document.error(field, "a list must hold strings") }
                items.append(item)
            }
            return items.joined(separator: ",")
        }
        throw document.error(field, "must be a string, a whole number, true/false or a list of strings")
    }
}
