import ChargePoint

/// A ready-to-run line for each `csms` command (issue 14 §2: the `C` picker), made from
/// the station as it is: the selected connector, its transaction, the first valid demo
/// card, a reservation that exists. Choosing one puts it on the `:` line to run or edit.
enum CentralSystemExamples {
    /// The line of the `csms` row `name` (without the leading `csms`); nil for a name
    /// the catalog does not have.
    static func line(
        _ name: String, connector: ConnectorSnapshot?, snapshot: StationSnapshot, cards: [DemoCard]
    ) -> String? {
        let c = connector?.id ?? 1
        let card = cards.first { $0.status == .accepted && $0.parentIdTag == nil }?.idTag.value ?? "04A1B2C3D4E5F6"
        let arguments: String
        switch name {
        case "reset": arguments = "soft"
        case "availability": arguments = "\(c) \(connector?.operative == false ? "operative" : "inoperative")"
        case "unlock": arguments = "\(c)"
        case "get-config": arguments = "HeartbeatInterval MeterValueSampleInterval"
        case "set-config": arguments = "MeterValueSampleInterval 10"
        case "clear-cache", "clear-limits", "get-diagnostics": arguments = ""
        case "trigger": arguments = "MeterValues \(c)"
        case "remote-start": arguments = "\(card) \(c)"
        case "remote-stop": arguments = "\(c)"
        case "limit": arguments = "\(c) 3.7kW for 10m"
        case "station-limit": arguments = "7"
        case "composite": arguments = "\(c) 1h"
        case "reserve": arguments = "\(c) \(card) 15m"
        case "cancel-reservation": arguments = "\(snapshot.reservations.first?.id ?? 1)"
        case "local-list": arguments = "full \(card)"
        case "data-transfer": arguments = "com.example ping hello"
        case "update-firmware": arguments = nextVersion(snapshot.firmwareVersion)
        case "send": arguments = #"ChangeAvailability '{"connectorId":\#(c),"type":"Operative"}'"#
        default: return nil
        }
        return arguments.isEmpty ? "csms \(name)" : "csms \(name) \(arguments)"
    }

    /// The firmware version after `version`: its last number one up ("1.2.3" → "1.2.4").
    static func nextVersion(_ version: String?) -> String {
        guard let version, let last = version.split(separator: ".").last, let number = Int(last) else {
            return "2.0.0"
        }
        return version.split(separator: ".").dropLast().map(String.init).joined(separator: ".")
            + (version.contains(".") ? "." : "") + String(number + 1)
    }
}
