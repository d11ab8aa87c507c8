/// Every operator command with its usage and meaning (DESIGN.md "Operator commands"):
/// `help`, the screen's command line completion and the README table are made from this
/// list, so they cannot drift from what the parser accepts.
public struct CommandDescription: Sendable, Equatable {
    public let name: String
    public let usage: String
    public let summary: String
}

public enum CommandCatalog {
    public static let commands: [CommandDescription] = [
        .init(name: "plug", usage: "plug <c>", summary: "EV cable connected to connector c"),
        .init(name: "unplug", usage: "unplug <c>", summary: "EV cable removed (at the EV side)"),
        .init(name: "swipe", usage: "swipe <idTag> [c]", summary: "RFID card presented at the reader"),
        .init(name: "stop", usage: "stop <c>", summary: "the local stop button"),
        .init(name: "ev", usage: "ev suspend|resume <c>", summary: "the EV stops / resumes drawing power"),
        .init(name: "ev", usage: "ev power <c> <kW>", summary: "the EV's maximum draw"),
        .init(
            name: "fault", usage: "fault <c> <ErrorCode> [info]", summary: "raise a connector fault (0: the station)"),
        .init(name: "clear", usage: "clear <c>", summary: "clear the connector's fault"),
        .init(
            name: "lock", usage: "lock jam|free <c>",
            summary: "the cable lock jams (neither locks nor unlocks) / works again"),
        .init(name: "offline", usage: "offline", summary: "cut the link to the central system and keep it down"),
        .init(name: "online", usage: "online", summary: "restore the link at once"),
        .init(name: "reset", usage: "reset soft|hard", summary: "a local reboot, as Reset would do it"),
        .init(
            name: "powercut", usage: "powercut", summary: "abrupt stop of the whole station; the next start recovers"),
        .init(name: "config", usage: "config get [key ...]", summary: "read configuration keys"),
        .init(name: "config", usage: "config set <key> <value>", summary: "change a key, as ChangeConfiguration would"),
        .init(
            name: "datatransfer", usage: "datatransfer <vendorId> [messageId] [data]",
            summary: "send a DataTransfer to the central system"),
        .init(name: "status", usage: "status", summary: "print the station snapshot"),
        .init(name: "wait", usage: "wait <duration>", summary: "pause the script: 500ms, 5s, 2m"),
        .init(
            name: "wait", usage: "wait online [timeout]",
            summary: "pause the script until the boot is accepted (default at most 60s)"),
        .init(name: "quit", usage: "quit", summary: "leave (a running session resumes on the next start)"),
        .init(name: "help", usage: "help", summary: "this list"),
    ]

    public static var names: [String] {
        var seen: Set<String> = []
        return commands.map(\.name).filter { seen.insert($0).inserted }
    }

    /// The help text: one aligned line per usage.
    public static var helpText: String {
        let width = commands.map(\.usage.count).max() ?? 0
        return commands.map { $0.usage.padding(to: width) + "  " + $0.summary }.joined(separator: "\n")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
