@testable import ChargePoint
import Foundation
import Testing

@testable import Console

/// Issue 15, phase 1: the identities of a fleet, the slice a shard takes, the `on`
/// address of a command line, the `chargePointId` member of its events and its `fleet`
/// summary.
@Suite("Fleet")
struct FleetTests {
    @Test func identities_areThePrefixNumberedFromOne_zeroPaddedToFourDigits() {
        #expect(FleetIdentities.numbered(prefix: "CP", count: 3) == ["CP-0001", "CP-0002", "CP-0003"])
        #expect(FleetIdentities.numbered(prefix: "CP", count: 12_000).last == "CP-12000")
        #expect(FleetIdentities.numbered(prefix: "CP", count: 12_000).first == "CP-00001")
    }

    @Test func shard_takesTheKthOfMContiguousSlices_coveringEveryIdentityOnce() throws {
        let all = FleetIdentities.numbered(prefix: "CP", count: 10)
        let slices = try (1...3).map { try FleetIdentities.shard(all, ShardSpec(parsing: "\($0)/3")) }
        #expect(slices.map(\.count) == [3, 3, 4])
        #expect(slices.flatMap { $0 } == all)
        #expect(slices[0].first == "CP-0001")
    }

    @Test func shardSpec_refusesWhatIsNoSlice() {
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            #expect(throws: (any Error).self) { try ShardSpec(parsing: bad) }
        }
    }

    @Test func idsFile_oneIdentityPerLine_blankLinesAndCommentsSkipped_duplicatesRefused() throws {
        #expect(try FleetIdentities.parse("A\n\n# comment\n  B  \nC\n", file: "ids.txt") == ["A", "B", "C"])
        #expect(throws: FleetIdentities.Problem.self) { try FleetIdentities.parse("A\nB\nA\n", file: "ids.txt") }
        #expect(throws: FleetIdentities.Problem.self) { try FleetIdentities.parse("\n# none\n", file: "ids.txt") }
    }

    /// Each line is an identity (`ChargePointIdentity`), refused with its file and line.
    @Test func idsFile_refusesWhatNamesNoStation_byFileAndLine() throws {
        #expect(try FleetIdentities.parse("CP/B\nRDAM 123\n", file: "ids.txt") == ["CP/B", "RDAM 123"])
        let long = String(repeating: "x", count: 400)
        #expect(throws: FleetIdentities.Problem.self) { try FleetIdentities.parse("A\n\(long)\n", file: "ids.txt") }
        do {
            _ = try FleetIdentities.parse("A\n# c\n\(long)\n", file: "ids.txt")
        } catch {
            #expect(error.description.hasPrefix("ids.txt:3: the identity is too long"))
        }
        #expect(try FleetIdentities.parse("CP:1\n", file: "ids.txt") == ["CP:1"])
        do {
            _ = try FleetIdentities.parse("CP:1\n", file: "ids.txt", basicAuth: true)
            Issue.record("a ':' in a Basic auth username was taken")
        } catch {
            #expect(error.description == "ids.txt:1: the identity 'CP:1' contains ':', which an HTTP Basic username cannot (RFC 7617 §2)")
        }
    }

    @Test func address_onAStationOrAll_splitsTheLine() {
        #expect(FleetAddress.split("on CP-0003 plug 1") == FleetAddress(station: "CP-0003", command: "plug 1"))
        #expect(FleetAddress.split("  on all heartbeat") == FleetAddress(station: nil, command: "heartbeat"))
        #expect(FleetAddress.split("plug 1") == nil)
        #expect(FleetAddress.split("online") == nil)
        #expect(FleetAddress.split("on CP-1") == FleetAddress(station: "CP-1", command: ""))
    }

    @Test func address_ofAnIdentityWithSpaces_isQuoted() {
        #expect(FleetAddress.split(#"on "RDAM 3" plug 1"#) == FleetAddress(station: "RDAM 3", command: "plug 1"))
        #expect(FleetAddress.split("on 'RDAM 3' status") == FleetAddress(station: "RDAM 3", command: "status"))
        #expect(FleetAddress.split(#"on "all" status"#) == FleetAddress(station: "all", command: "status"))
        #expect(FleetAddress.split(#"on "RDAM 3 plug 1"#) == nil)
    }

    @Test func events_inAFleet_carryTheStation_afterTsAndType() {
        let time = Timestamp(millisecondsSince1970: 1_795_000_000_123)
        let line = EventEncoder.line(.notice("hello"), at: time, station: "CP-0002")
        #expect(line == #"{"ts":"2026-11-18T11:06:40.123Z","type":"notice","chargePointId":"CP-0002","message":"hello"}"#)
        let frame = FrameEvent(direction: .outgoing, text: "[2,\"1\",\"Heartbeat\",{}]", kind: .call, messageId: "1",
                               action: "Heartbeat", time: time)
        #expect(
            EventEncoder.line(.frame(frame), at: time, station: "CP-0002")
                == #"{"ts":"2026-11-18T11:06:40.123Z","type":"frame","chargePointId":"CP-0002","dir":"out","raw":"[2,\"1\",\"Heartbeat\",{}]"}"#)
    }

    @Test func statistics_countTheFleet_andMeasureReplyLatencyFromTheStationsSide() {
        func at(_ ms: Int64) -> Timestamp { Timestamp(millisecondsSince1970: 1_000_000 + ms) }
        var statistics = FleetStatistics(stations: 3, since: at(0))
        func frame(_ direction: FrameDirection, _ kind: FrameEvent.Kind, _ id: String, _ ms: Int64) -> StationEvent {
            .frame(FrameEvent(direction: direction, text: "", kind: kind, messageId: id, action: nil, time: at(ms)))
        }
        statistics.record([.connection(.connected, reason: nil), .registration(.accepted, interval: 300)], station: 0)
        statistics.record([.connection(.connected, reason: nil)], station: 1)
        statistics.record([.connector(id: 1, status: .charging, errorCode: .noError, info: nil)], station: 0)
        statistics.record([frame(.outgoing, .call, "a", 0), frame(.incoming, .result, "a", 10)], station: 0)
        statistics.record([frame(.outgoing, .call, "b", 0), frame(.incoming, .error, "b", 30)], station: 1)
        // The central system's CALL and the station's answer are no station-side latency.
        statistics.record([frame(.incoming, .call, "c", 0), frame(.outgoing, .result, "c", 500)], station: 2)
        let summary = statistics.summary(at: at(5000), queuedMessages: 4)
        #expect(summary.stations == 3)
        #expect(summary.connected == 2)
        #expect(summary.booted == 1)
        #expect(summary.charging == 1)
        #expect(summary.queuedMessages == 4)
        #expect(summary.callsPerSecond == 0.4)
        #expect(summary.latencyP50 == 10)
        #expect(summary.latencyP99 == 30)
        // The next window starts afresh; the counts of the fleet stay.
        statistics.record([.connection(.disconnected, reason: "lost")], station: 1)
        let next = statistics.summary(at: at(10_000), queuedMessages: 0)
        #expect(next.connected == 1)
        #expect(next.callsPerSecond == 0)
        #expect(next.latencyP50 == nil)
    }

    /// Issue 15 review: an `--ids` file that cannot be used says why in words — a
    /// directory, not UTF-8 — and a pipe (`--ids <(…)`) is read like a file.
    @Test func idsFile_problems_areSaidInWords_andAPipeIsRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: FleetIdentities.Problem(description: "the --ids file '\(directory.path)' is a directory, not a file")) {
            try FleetIdentities.load(directory.path, basicAuth: false)
        }
        let latin1 = directory.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x50, 0xE9, 0x0A]).write(to: latin1)
        #expect(throws: FleetIdentities.Problem(description: "the --ids file '\(latin1.path)' is not UTF-8 text")) {
            try FleetIdentities.load(latin1.path, basicAuth: false)
        }
        let fifo = directory.appendingPathComponent("ids.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data("P-1\nP-2\n".utf8))
            try? handle?.close()
        }
        writer.start()
        #expect(try FleetIdentities.load(fifo, basicAuth: false) == ["P-1", "P-2"])
    }

    /// Issue 15 review: the first window begins when the stations start, not while their
    /// databases opened (a minute for thousands): its rate is the calls over its 5 s.
    @Test func theFirstWindow_beginsAsTheStationsStart() {
        func at(_ ms: Int64) -> Timestamp { Timestamp(millisecondsSince1970: 1_000_000 + ms) }
        var statistics = FleetStatistics(stations: 1, since: at(0))
        statistics.restartWindow(at: at(60_000))
        let calls = (0..<10).map {
            StationEvent.frame(
                FrameEvent(direction: .outgoing, text: "", kind: .call, messageId: "\($0)", action: nil, time: at(61_000)))
        }
        statistics.record(calls, station: 0)
        #expect(statistics.summary(at: at(65_000), queuedMessages: 0).callsPerSecond == 2)
    }

    /// Issue 15 review: each station its own serial numbers, its identity's (the last 25
    /// characters of a CiString25), where the profile has them.
    @Test func eachStation_hasSerialNumbersOfItsOwn() {
        let profile = StationIdentity(
            chargePointVendor: "V", chargePointModel: "M", chargePointSerialNumber: "OCD-000001",
            chargeBoxSerialNumber: "OCD-CB-000001", meterSerialNumber: "VMM-000001")
        let one = FleetLauncher.serials(profile, station: "OCD-000001-0001")
        #expect(one.chargePointSerialNumber?.value == "OCD-000001-0001")
        #expect(one.chargeBoxSerialNumber?.value == "CB-OCD-000001-0001")
        #expect(one.meterSerialNumber?.value == "M-OCD-000001-0001")
        #expect(one.chargePointVendor == profile.chargePointVendor)
        let long = FleetLauncher.serials(profile, station: String(repeating: "x", count: 30) + "-0042")
        #expect(long.chargePointSerialNumber?.value.hasSuffix("-0042") == true)
        #expect(long.chargePointSerialNumber?.value.count == 25)
        var bare = profile
        bare.meterSerialNumber = nil
        #expect(FleetLauncher.serials(bare, station: "A").meterSerialNumber == nil)
    }

    @Test func summary_isOneFleetEvent_withTheDocumentedMembers() {
        let summary = FleetSummary(
            stations: 200, connected: 198, booted: 197, charging: 12, queuedMessages: 3, callsPerSecond: 41.2,
            latencyP50: 4, latencyP99: 18)
        let line = EventEncoder.fleetLine(summary, at: Timestamp(millisecondsSince1970: 1_795_000_000_123))
        #expect(
            line == #"{"ts":"2026-11-18T11:06:40.123Z","type":"fleet","stations":200,"connected":198,"booted":197,"#
                + #""charging":12,"queuedMessages":3,"callsPerSecond":41.2,"latencyMs":{"p50":4,"p99":18}}"#)
    }
}

/// `on all <command>`: every station carries it out, and the line's one `result` goes to
/// the fleet's stream, failed with the first refusal named by its station.
@Suite("Fleet commands")
struct FleetTargetTests {
    /// A station that carries out every command at once, refusing it when told to.
    final class Station: CommandTarget, @unchecked Sendable {
        let refusal: String?
        let online: Bool
        var published: [StationEvent] = []
        init(refusal: String? = nil, online: Bool = true) { (self.refusal, self.online) = (refusal, online) }
        func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
            published += acknowledge(refusal.map { [.error($0)] } ?? [.notice("done")])
        }
        func report(_ event: StationEvent) { published.append(event) }
        func powerCut() {}
        func waitUntilOnline(milliseconds: Int64) -> Bool { online }
        func waitUntilDelivered(milliseconds: Int64) -> Bool { online }
    }

    /// Second review of issue 15: `wait online` and `quit --stop` in a fleet name the
    /// stations that kept them waiting.
    @Test func waitOnline_namesTheStationsNotOnline() {
        let target = FleetTarget(
            stations: [("CP-1", Station()), ("CP-2", Station(online: false)), ("CP-3", Station(online: false))],
            publish: { _ in }, inOrder: { $0() })
        #expect(!target.waitUntilOnline(milliseconds: 0))
        #expect(target.offlinePlaces() == ": CP-2, CP-3")
        #expect(target.undeliveredPlaces() == " at CP-2, CP-3")
    }

    final class Published: @unchecked Sendable {
        var events: [StationEvent] = []
    }

    @Test func onAll_givesOneResult_inTheFleetsStream_namingTheStationThatRefused() throws {
        let stations = [Station(), Station(refusal: "connector 3 does not exist"), Station()]
        let fleet = Published()
        let target = FleetTarget(
            stations: [("CP-1", stations[0]), ("CP-2", stations[1]), ("CP-3", stations[2])],
            publish: { fleet.events += $0 }, inOrder: { $0() })
        let executor = CommandLineExecutor(target: target)
        let line = OperatorLine(id: "7", text: "on all plug 3")
        _ = executor.execute(.station(.plug(connector: 3)), line, at: .init(source: "stdin", number: 1))
        let results = fleet.events.compactMap { event -> CommandResult? in
            if case .result(let result) = event { result } else { nil }
        }
        #expect(results.count == 1)
        #expect(results.first?.ok == false)
        #expect(results.first?.error == "CP-2: connector 3 does not exist")
        #expect(results.first?.command == "on all plug 3")
        // Each station's own events stay in its own stream; no result there.
        #expect(stations[1].published == [.error("connector 3 does not exist")])
        #expect(stations[0].published == [.notice("done")])
    }
}
