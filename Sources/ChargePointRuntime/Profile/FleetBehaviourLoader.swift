import ChargePoint
import Foundation
import TOMLKit

/// Reads and fully validates a fleet behaviour file (`--fleet-behaviour FILE`, issue 15);
/// any problem is a `ProfileError` naming the file and the key, which the console prints
/// on one line before exiting with status 2, as it does for a station profile. Every
/// table and key may be left out (README "Fleet behaviour": units and defaults).
///
/// ```toml
/// [arrivals]  per-hour
/// [session]   stay-minutes, energy-kwh, swipe-delay-seconds, leave-delay-seconds
/// [start]     remote-share, remote-timeout-seconds, id-tags | id-tag-count + id-tag-prefix
/// [faults]    per-day, minutes, codes
/// [offline]   per-day, minutes
/// ```
/// A duration or an energy is a number (always that) or a distribution:
/// `{ distribution = "lognormal", mean = 45, spread = 30, min = 5, max = 480 }`
/// (`fixed` with `value`; `uniform` with `min`, `max`; `normal`, `lognormal` with `mean`,
/// `spread`; `exponential` with `mean`; `min` and `max` clip the draws).
public enum FleetBehaviourLoader {
    /// A `.toml` file, or a name under `Assets/fleet` (`default`).
    public static func load(_ nameOrPath: String, assets: AssetLocator?) throws(ProfileError) -> FleetBehaviour {
        let url = assets?.behaviourFile(nameOrPath) ?? URL(fileURLWithPath: nameOrPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ProfileError(file: url.path, field: "", reason: "no such fleet behaviour file")
        }
        return try parse(TOMLDocument(contentsOf: url))
    }

    public static func parse(toml text: String, file: String = "<behaviour>") throws(ProfileError) -> FleetBehaviour {
        try parse(TOMLDocument(text: text, file: file))
    }

    static func parse(_ document: TOMLDocument) throws(ProfileError) -> FleetBehaviour {
        let root = TOMLTableReader(document: document, path: "", table: document.root)
        try root.allowOnly(["arrivals", "session", "start", "faults", "offline"])
        var plan = FleetBehaviour()
        if let arrivals = try root.table("arrivals", required: false) {
            try arrivals.allowOnly(["per-hour"])
            plan.arrivalsPerHour = try arrivals.number("per-hour", in: 0...3600) ?? 0
        }
        if let session = try root.table("session", required: false) {
            try session.allowOnly(["stay-minutes", "energy-kwh", "swipe-delay-seconds", "leave-delay-seconds"])
            plan.stayMinutes = try session.distribution("stay-minutes", in: 0...10_080) ?? plan.stayMinutes
            plan.energyKWh = try session.distribution("energy-kwh", in: 0...1000) ?? plan.energyKWh
            plan.swipeDelaySeconds =
                try session.distribution("swipe-delay-seconds", in: 0...3600) ?? plan.swipeDelaySeconds
            plan.leaveDelaySeconds =
                try session.distribution("leave-delay-seconds", in: 0...3600) ?? plan.leaveDelaySeconds
        }
        if let start = try root.table("start", required: false) {
            try start.allowOnly(["remote-share", "remote-timeout-seconds", "id-tags", "id-tag-count", "id-tag-prefix"])
            plan.remoteStartShare = try start.number("remote-share", in: 0...1) ?? 0
            plan.remoteStartTimeoutSeconds =
                try start.number("remote-timeout-seconds", in: 0...3600) ?? plan.remoteStartTimeoutSeconds
            plan.idTags = try idTags(start) ?? plan.idTags
        }
        if let faults = try root.table("faults", required: false) {
            try faults.allowOnly(["per-day", "minutes", "codes"])
            plan.faultsPerDay = try faults.number("per-day", in: 0...86_400) ?? 0
            plan.faultMinutes = try faults.distribution("minutes", in: 0...10_080) ?? plan.faultMinutes
            if let names = try faults.strings("codes") {
                plan.faultCodes = try names.map { name throws(ProfileError) in
                    guard let code = ChargePointErrorCode(rawValue: name), code != .noError else {
                        throw document.error(
                            faults.field("codes"),
                            "'\(name)' is not a ChargePointErrorCode other than NoError (OCPP 1.6 §7.6)")
                    }
                    return code
                }
                guard !plan.faultCodes.isEmpty else { throw document.error(faults.field("codes"), "must not be empty") }
            }
        }
        if let offline = try root.table("offline", required: false) {
            try offline.allowOnly(["per-day", "minutes"])
            plan.offlinePerDay = try offline.number("per-day", in: 0...86_400) ?? 0
            plan.offlineMinutes = try offline.distribution("minutes", in: 0...10_080) ?? plan.offlineMinutes
        }
        return plan
    }

    /// `id-tags = [...]`, or `id-tag-count = N` cards named `<id-tag-prefix>00001` … (the
    /// prefix `EV` by default, the number zero-padded to five digits or as many as N has).
    private static func idTags(_ start: TOMLTableReader) throws(ProfileError) -> [String]? {
        let document = start.document
        if let tags = try start.strings("id-tags") {
            guard start.table["id-tag-count"] == nil, start.table["id-tag-prefix"] == nil else {
                throw document.error(start.field("id-tags"), "give id-tags or id-tag-count, not both")
            }
            guard !tags.isEmpty else { throw document.error(start.field("id-tags"), "must not be empty") }
            if let bad = tags.first(where: { $0.isEmpty || $0.count > 20 }) {
                throw document.error(
                    start.field("id-tags"), "an idTag is 1 to 20 characters (OCPP 1.6 §7.28); '\(bad)' is not")
            }
            return tags
        }
        guard let count = try start.integer("id-tag-count", in: 1...1_000_000) else {
            if start.table["id-tag-prefix"] != nil {
                throw document.error(start.field("id-tag-prefix"), "needs id-tag-count")
            }
            return nil
        }
        let prefix = try start.string("id-tag-prefix") ?? "EV"
        let digits = max(5, String(count).count)
        guard prefix.count + digits <= 20 else {
            throw document.error(
                start.field("id-tag-prefix"),
                "at most \(20 - digits) characters, so that the idTags stay within 20 (OCPP 1.6 §7.28)")
        }
        return (1...count).map { number in
            let text = String(number)
            return prefix + String(repeating: "0", count: digits - text.count) + text
        }
    }
}

extension TOMLTableReader {
    /// A number (always that value) or a distribution's inline table, each of its numbers
    /// within `range` (the key's unit).
    func distribution(_ name: String, in range: ClosedRange<Double>) throws(ProfileError) -> BehaviourDistribution? {
        guard let value = table[name] else { return nil }
        if value.table == nil {
            return .fixed(try number(name, in: range)!)
        }
        let reader = try self.table(name)!
        let kinds = ["fixed", "uniform", "normal", "lognormal", "exponential"]
        guard let kind = try reader.string("distribution") else {
            throw document.error(reader.field("distribution"), "missing (one of \(kinds.joined(separator: ", ")))")
        }
        let required: [String]
        switch kind {
        case "fixed": required = ["value"]
        case "uniform": required = ["min", "max"]
        case "normal", "lognormal": required = ["mean", "spread"]
        case "exponential": required = ["mean"]
        default:
            throw document.error(
                reader.field("distribution"), "'\(kind)' is not one of \(kinds.joined(separator: ", "))")
        }
        let optional = kind == "fixed" ? [] : ["min", "max"]
        try reader.allowOnly(Set(["distribution"] + required + optional))
        for key in required where reader.table[key] == nil { throw document.error(reader.field(key), "missing") }
        let low = try reader.number("min", in: range) ?? range.lowerBound
        let high = try reader.number("max", in: range) ?? range.upperBound
        guard low <= high else { throw document.error(reader.field("min"), "must not be above max (\(high))") }
        let mean = try reader.number("mean", in: range)
        if let mean {
            guard (low...high).contains(mean) else {
                throw document.error(reader.field("mean"), "must be from min (\(low)) to max (\(high))")
            }
            if kind != "normal", mean <= 0 { throw document.error(reader.field("mean"), "must be above 0") }
        }
        let spread = try reader.number("spread", in: 0...range.upperBound)
        switch kind {
        case "fixed": return .fixed(try reader.number("value", in: range)!)
        case "uniform": return .uniform(min: low, max: high)
        case "normal": return .normal(mean: mean!, spread: spread!, min: low, max: high)
        case "lognormal": return .logNormal(mean: mean!, spread: spread!, min: low, max: high)
        default: return .exponential(mean: mean!, min: low, max: high)
        }
    }
}
