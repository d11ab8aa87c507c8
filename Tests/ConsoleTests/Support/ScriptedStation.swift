import ChargePoint
import ChargePointRuntime
import Foundation

/// A real station core on a manual clock, answered by a minimal central system, so that
/// the screen can be drawn from genuine snapshots and events that never vary.
struct ScriptedStation {
    private var driver: StationDriver
    var core: StationCore { driver.core }
    private(set) var now: Timestamp
    private(set) var events: [(Timestamp, StationEvent)] = []
    private var link = AnsweringLink()
    private let store = NullStore()

    static let start = Timestamp(rfc3339: "2026-11-24T10:00:00.000Z")!

    static var assets: AssetLocator? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return AssetLocator.locate(environment: ["OCPP_CONSOLE_ASSETS": root.appendingPathComponent("Assets").path])
    }

    static var cards: [DemoCard] {
        (try? assets.map { try DemoCards.load($0.cardsFile) }) ?? []
    }

    /// A booted station with every connector reported; `boot`: the central system's
    /// answer to the BootNotification ("Pending": not accepted, retry in `interval` s).
    init(profile name: String = "default", boot: String = "Accepted", interval: Int = 300) throws {
        let profile = try StationProfileLoader.load(name, assets: Self.assets)
        now = Self.start
        driver = StationDriver(
            core: try StationCore(
                profile: profile, durable: DurableState(), now: now, ids: .sequential(prefix: "m"), seed: 1))
        link.boot = (boot, interval)
        apply(.powerOn)
        apply(.linkUp())
    }

    mutating func command(_ command: StationCommand) { apply(.command(command)) }

    /// A frame from the central system (its own CALL; the station's answer is dropped).
    mutating func receive(_ text: String) { apply(.received(text)) }

    /// The link goes down for `reason` (as the transport words it).
    mutating func linkDown(_ reason: String) { apply(.linkDown(reason: reason)) }

    mutating func advance(seconds: Int) {
        let target = now.adding(milliseconds: Int64(seconds) * 1000)
        while let wake, wake <= target {
            now = max(now, wake)
            apply(.tick)
        }
        now = target
        apply(.tick)
    }

    var snapshot: StationSnapshot { core.snapshot(at: now) }

    /// Every event so far, in order.
    var allEvents: [StationEvent] { events.map(\.1) }

    private mutating func apply(_ input: StationInput) {
        link.inbox.append(input)
        while !link.inbox.isEmpty {
            link.now = now
            let next = link.inbox.removeFirst()
            events += driver.handle(next, at: now, link: &link, store: store).map { (now, $0) }
        }
    }

    private var wake: Timestamp? { driver.nextWakeUp }
}

/// The scripted central system behind the link: every station CALL answered at once,
/// as a CSMS would; connecting always works; nothing is stored.
private struct AnsweringLink: LinkTransport {
    var now = ScriptedStation.start
    var inbox: [StationInput] = []
    private var nextTransactionId = 42
    var boot = ("Accepted", 300)

    mutating func send(_ frame: String) {
        if let answer = answer(frame) { inbox.append(.received(answer)) }
    }
    func connect(_ plan: LinkPlan) {}
    mutating func disconnect(reason: String) { inbox.append(.linkDown(reason: reason)) }
    func abort() -> Bool { false }

    /// The central system's side: every station CALL answered as a CSMS would.
    mutating func answer(_ text: String) -> String? {
        guard case .success(.call(let call)) = Frame.parse(text) else { return nil }
        let payload: String
        switch call.action {
        case "BootNotification":
            payload = #"{"status":"\#(boot.0)","currentTime":"\#(now.rfc3339)","interval":\#(boot.1)}"#
        case "Heartbeat": payload = #"{"currentTime":"\#(now.rfc3339)"}"#
        case "Authorize": payload = #"{"idTagInfo":{"status":"Accepted"}}"#
        case "StartTransaction":
            payload = #"{"idTagInfo":{"status":"Accepted"},"transactionId":\#(nextTransactionId)}"#
            nextTransactionId += 1
        case "StopTransaction": payload = #"{"idTagInfo":{"status":"Accepted"}}"#
        default: payload = "{}"
        }
        return #"[3,"\#(call.messageId)",\#(payload)]"#
    }
}

private final class NullStore: StationStore, @unchecked Sendable {
    func load() throws -> DurableState { DurableState() }
    func apply(_ changes: [StoreChange]) throws {}
}
