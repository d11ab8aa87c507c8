import Foundation
import GRDB
import Testing

@testable import ChargePoint
import ChargePointRuntime

/// A station's database outlives the binary that wrote it: after an upgrade, the
/// station must find its configuration, its queued transaction messages (byte for
/// byte: they are sent as stored) and everything else where it left them.
@Suite("Databases of earlier versions")
struct StoreCompatibilityTests {
    /// The database of `PreviousVersionDatabase`, written to a fresh file.
    static func previousVersionFile() throws -> String {
        let path = PersistenceTests.temporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let database = try DatabaseQueue(path: path)
        try database.write { try $0.execute(sql: PreviousVersionDatabase.sql) }
        return path
    }

    @Test func aDatabaseOfThePreviousVersion_loadsWithEverythingInIt() throws {
        let state = try SQLiteStore(path: Self.previousVersionFile()).load()
        #expect(state.configuration == ["HeartbeatInterval": "123"])
        #expect(state.authorizationCache.map(\.idTag.value) == ["TAG1"])
        #expect(state.authorizationCache.first?.info.status == .accepted)
        #expect(state.localList.version == 2)
        #expect(state.localList.entries["l1"]?.parentIdTag == "P1")
        #expect(state.localList.entries["l1"]?.expiryDate?.rfc3339 == "2026-11-25T10:00:00.000Z")

        let transaction = try #require(state.transactions.first)
        #expect(state.transactions.count == 1)
        #expect(transaction.idTag.value == "TAG1" && transaction.transactionId == 1 && transaction.connector == 1)
        #expect(transaction.stop?.reason == .local && transaction.stop?.meterStopWh == 458)
        #expect(transaction.transactionData.count == 7)
        #expect(transaction.transactionData.last?.sampledValue.first.context == .transactionEnd)

        #expect(state.messageQueue.map(\.sequence) == [4, 5, 6, 7])
        #expect(state.messageQueue.map(\.action) == [.meterValues, .meterValues, .meterValues, .stopTransaction])
        let meterValues = #"{"connectorId":1,"transactionId":1,"meterValue":[{"timestamp":"2026-11-24T10:03:00.000Z","sampledValue":[{"value":"250","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]}]}"#
        #expect(state.messageQueue.first?.payload == meterValues)
        #expect(state.messageQueue.allSatisfy { $0.payloadTransactionId == 1 && $0.attempts == 0 })

        let connector = try #require(state.connectors.first)
        #expect(connector.id == 1 && connector.evConnected && connector.finishing)
        #expect(connector.fault == ConnectorRecord.Fault(code: .otherError, info: "x", faulted: true))
        #expect(connector.ev?.batteryWh == 60000)
        #expect(state.reservations.map(\.id) == [4])
        #expect(state.reservations.first?.expiresAt.rfc3339 == "2026-11-24T10:15:00.000Z")
        #expect(state.chargingProfiles.first?.profile.chargingProfilePurpose == .txDefaultProfile)
        #expect(state.chargingProfiles.first?.profile.chargingSchedule.chargingSchedulePeriod.first?.limit == 5000)
        #expect(state.counters.nextTransactionNumber == 2 && state.counters.nextQueueSequence == 8)
        #expect(state.firmwareVersion == "03.01.02")
        #expect(state.lastActivity?.rfc3339 == "2026-11-24T10:05:40.000Z")
        #expect(state.cleanShutdown == false)

        // The station starts from it.
        _ = try StationCore(profile: TestProfiles.everything, durable: state, now: StationHarness.start)
    }

    @Test func whatThisVersionWrites_fromAnEarlierDatabase_readsBackTheSame() throws {
        let loaded = try SQLiteStore(path: Self.previousVersionFile()).load()
        let path = PersistenceTests.temporaryDatabase()
        var changes = loaded.asChanges
        changes += [.firmwareVersion(try #require(loaded.firmwareVersion)), .activity(try #require(loaded.lastActivity))]
        try SQLiteStore(path: path).apply(changes)
        #expect(try SQLiteStore(path: path).load() == loaded)
    }

    /// Certificates as the store wrote them before `notBefore` was kept (commit 8a90f15):
    /// they load, with `notBefore` nil, and the station starts with them.
    @Test func certificatesStoredWithoutNotBefore_load() throws {
        let path = PersistenceTests.temporaryDatabase()
        _ = try SQLiteStore(path: path)
        let root =
            #"{"use":"CentralSystemRootCertificate","pem":"PEM","subject":"CN=Root","issuer":"CN=Root","#
            + #""notAfter":"2030-01-01T00:00:00.000Z","fingerprint":"ab12","hashData":{"hashAlgorithm":"SHA256","#
            + #""issuerNameHash":"n","issuerKeyHash":"k","serialNumber":"1"},"fallback":true}"#
        let signed =
            #"{"chainPEM":"CHAIN","key":{"privateKeyPEM":"KEY","csrPEM":"CSR"},"subject":"CN=CP-1","#
            + #""notAfter":"2027-01-01T00:00:00.000Z"}"#
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "INSERT INTO certificates (key, value) VALUES (?, ?)",
                arguments: ["CentralSystemRootCertificate ab12", root])
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('chargePointCertificate', ?)", arguments: [signed])
        }
        let state = try SQLiteStore(path: path).load()
        let certificate = try #require(state.installedCertificates.first)
        #expect(certificate.subject == "CN=Root" && certificate.fallback && certificate.notBefore == nil)
        #expect(certificate.notAfter.rfc3339 == "2030-01-01T00:00:00.000Z")
        #expect(state.chargePointCertificate?.subject == "CN=CP-1" && state.chargePointCertificate?.notBefore == nil)
        _ = try StationCore(profile: TestProfiles.everything, durable: state, now: StationHarness.start)
    }

    /// Issue 15: a fleet's station keeps a rollback journal (no WAL index on the heap),
    /// and its directory is still what a single console opens (in WAL mode), and back:
    /// every record where it was, each way.
    @Test func aFleetStationsRollbackJournal_andASingleConsolesWAL_openEachOther() throws {
        let path = PersistenceTests.temporaryDatabase()
        let fleet = try SQLiteStore(path: path, exclusive: true, pageCache: 4, journal: .rollback)
        try fleet.apply([.configuration(key: "HeartbeatInterval", value: "77")])
        func mode() throws -> String? {
            try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        }
        #expect(try fleet.load().configuration == ["HeartbeatInterval": "77"])
        _ = consume fleet
        #expect(try mode() == "persist" || mode() == "delete")  // PERSIST is the connection's, not the file's
        let single = try SQLiteStore(path: path, exclusive: true)
        try single.apply([.configuration(key: "HeartbeatInterval", value: "78")])
        _ = consume single
        #expect(try mode() == "wal")
        let again = try SQLiteStore(path: path, exclusive: true, pageCache: 4, journal: .rollback)
        #expect(try again.load().configuration == ["HeartbeatInterval": "78"])
    }

    /// Issue 15 review: a database already in WAL mode, reopened by the process that holds
    /// its directory, keeps its WAL index on the heap: no `-shm` file, so a station holds
    /// four file descriptors (lock, database, log, socket), not five.
    @Test func aReopenedWALDatabase_mapsNoSharedMemoryIndex() throws {
        let path = PersistenceTests.temporaryDatabase()
        for value in ["1", "2"] {
            let store = try SQLiteStore(path: path, exclusive: true)
            try store.apply([.configuration(key: "HeartbeatInterval", value: value)])
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"), "opening \(value)")
        }
    }
}
