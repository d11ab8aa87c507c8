import Foundation
import GRDB
internal import CSQLite
import Synchronization
import ChargePoint

/// The station's durable memory on SQLite (DESIGN.md "Storage"): configuration,
/// authorization cache, local list, transactions, the transaction message queue,
/// connectors, reservations and charging profiles.
///
/// Every batch of `StoreChange`s from one input is applied in one SQLite transaction in
/// WAL mode: when `apply` returns, the batch survives the process dying (the station's
/// power cut, `kill -9`), and a cut before it returns leaves the previous batch intact.
/// A batch that touches transactions or their message queue is also fsynced before
/// `apply` returns (`synchronous=FULL`), and with it everything written before: what
/// the station tells a central system about a transaction survives even the host
/// machine failing. Other batches (configuration, statuses, meter checkpoints) skip
/// that wait (`synchronous=NORMAL`), which would otherwise double the time to answer a
/// ChangeConfiguration (`make bench`). A fleet's station may keep a rollback journal
/// instead (`Journal.rollback`), every batch fsynced. Records are stored as
/// JSON documents keyed by their identity: the store never interprets them, so it
/// cannot disagree with the core about their meaning. One encoder and one decoder serve
/// the store's whole life (`RecordCoder`).
public final class SQLiteStore: Sendable {
    private let database: DatabaseQueue
    private let coder = RecordCoder()
    /// The `synchronous` mode the connection is in.
    private let synchronous = Mutex<String?>(nil)
    public let path: String
    private let journal: Journal

    /// How a commit is made durable.
    public enum Journal: String, Sendable {
        /// A write-ahead log (one station): a commit is one append, fsynced only for a
        /// batch that touches transactions (`synchronous` FULL, else NORMAL, which WAL
        /// keeps safe from corruption).
        case writeAheadLog = "WAL"
        /// A rollback journal kept in place (`PERSIST`) — a fleet's `--fleet-journal
        /// rollback` (issue 15): in exclusive locking mode a WAL keeps its index on the
        /// heap, 32 KiB a station (`make bench`: 116 → 84 KiB of private memory a
        /// station); a rollback journal keeps none. Every batch is fsynced (`synchronous`
        /// FULL: NORMAL is not corruption-safe with a rollback journal): boots are slower,
        /// two fsyncs a commit where a WAL mostly needs none.
        case rollback = "PERSIST"
    }

    /// Opens (or creates) the database at `path`; every failure is a one-line
    /// `StoreError` naming the file. Opening includes a first write (WAL mode, the
    /// schema), so a read-only file is found here rather than at the first input.
    /// `exclusive`: the process holds the data directory's lock (`DataDirectoryLock`), so
    /// SQLite may keep its file lock for the connection's life instead of taking and
    /// releasing it around every batch (two `fcntl` calls less per input).
    /// `pageCache`: the connection's page cache in pages, nil for SQLite's default (up to
    /// 2 MB); a fleet's stations keep a few (`fleetPageCache`). `journal`: how commits
    /// are made durable.
    public init(
        path: String, exclusive: Bool = false, pageCache: Int? = nil, journal: Journal = .writeAheadLog
    ) throws(StoreError) {
        self.path = path
        self.journal = journal
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            // Before anything reads the file: a database already in WAL mode, opened
            // without exclusive locking first, maps a `-shm` index (a fifth descriptor
            // and 32 KiB a station); in exclusive mode SQLite keeps it on the heap.
            configuration.prepareDatabase { db in
                if exclusive { try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.writeWithoutTransaction { db in
                if let pageCache { try db.execute(sql: "PRAGMA cache_size = \(pageCache)") }
                try db.execute(sql: "PRAGMA journal_mode = \(journal.rawValue)")
            }
            try Self.migrator.migrate(database)
            // A file SQLite may only read opens without complaint (read-only), and an
            // existing database needs no write above: rewriting the header's
            // user_version, unchanged, finds it now instead of at the first input.
            try database.writeWithoutTransaction { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        } catch {
            throw StoreError(path: path, error)
        }
    }

    /// The page cache of a fleet's station (issue 15): its database is a few dozen pages,
    /// read from the operating system's cache when not held here, and SQLite's default
    /// cache was most of a station's memory (`make bench`: 88 KiB of about 200 KiB).
    public static let fleetPageCache = 4

    /// Before the first database of a fleet is opened: SQLite takes no first bulk of 20
    /// page-cache lines per connection (`ts_no_bulk_page_cache`), so that `pageCache`
    /// bounds what a connection holds. Whether it took effect (not after SQLite started).
    @discardableResult
    public static func useSmallPageCaches() -> Bool { ts_no_bulk_page_cache() == 0 }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for table in ["meta", "configuration", "auth_cache", "local_list"] {
                try db.execute(sql: "CREATE TABLE \(table) (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
            }
            for table in ["transactions", "message_queue", "connectors", "reservations", "charging_profiles"] {
                try db.execute(sql: "CREATE TABLE \(table) (id INTEGER PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
            }
        }
        migrator.registerMigration("v2: security log") { db in
            try db.execute(sql: "CREATE TABLE security_log (id INTEGER PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        }
        migrator.registerMigration("v3: certificates") { db in
            try db.execute(sql: "CREATE TABLE certificates (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        }
        return migrator
    }

    // MARK: Writing

    /// At a clean shutdown: folds the write-ahead log back into the database file, so
    /// the data directory holds one file of the station's state, not a growing `-wal`.
    public func checkpoint() {
        try? database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    public func apply(_ changes: [StoreChange]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        do {
            try write(changes)
        } catch {
            throw StoreError(path: path, error)
        }
    }

    private func write(_ changes: [StoreChange]) throws {
        let sync = journal == .rollback || changes.contains(where: \.concernsTransactions) ? "FULL" : "NORMAL"
        try database.writeWithoutTransaction { db in
            // A pragma statement costs as much as a small write: only when the mode changes.
            if synchronous.withLock({ $0 }) != sync {
                try db.execute(sql: "PRAGMA synchronous = \(sync)")
                synchronous.withLock { $0 = sync }
            }
            try db.inTransaction {
                for change in changes { try apply(change, db) }
                return .commit
            }
        }
    }

    private func apply(_ change: StoreChange, _ db: Database) throws {
        func json<T: Encodable>(_ value: T) throws -> String { try coder.text(value) }
        switch change {
        case .configuration(let key, let value): try put("configuration", key, value, db)
        case .cacheEntry(let entry): try put("auth_cache", entry.idTag.folded, json(entry), db)
        case .cacheEntryRemoved(let idTag): try delete("auth_cache", CaseInsensitive.fold(idTag), db)
        case .cacheCleared: try db.execute(sql: "DELETE FROM auth_cache")
        case .localList(let list):
            try db.execute(sql: "DELETE FROM local_list")
            for (key, info) in list.entries { try put("local_list", key, json(info), db) }
            try put("meta", "localListVersion", String(list.version), db)
        case .transaction(let record): try put("transactions", record.number, json(record), db)
        case .transactionRemoved(let number): try delete("transactions", number, db)
        case .queued(let message): try put("message_queue", message.sequence, json(message), db)
        case .dequeued(let sequence): try delete("message_queue", sequence, db)
        case .connector(let record): try put("connectors", Int64(record.id), json(record), db)
        case .reservation(let reservation): try put("reservations", Int64(reservation.id), json(reservation), db)
        case .reservationRemoved(let id): try delete("reservations", Int64(id), db)
        case .chargingProfile(let installed):
            try put("charging_profiles", Int64(installed.profile.chargingProfileId), json(installed), db)
        case .chargingProfileRemoved(let id): try delete("charging_profiles", Int64(id), db)
        case .counters(let counters): try put("meta", "counters", json(counters), db)
        case .firmwareVersion(let version): try put("meta", "firmwareVersion", version, db)
        case .firmwareUpdate(let update):
            if let update { try put("meta", "firmwareUpdate", json(update), db) } else {
                try delete("meta", "firmwareUpdate", db)
            }
        case .securityLogEntry(let entry): try put("security_log", entry.sequence, json(entry), db)
        case .certificateInstalled(let certificate):
            try put("certificates", certificate.use.rawValue + " " + certificate.fingerprint, json(certificate), db)
        case .chargePointKey(let key): try put("meta", "chargePointKey", json(key), db)
        case .chargePointCertificate(let certificate):
            try put("meta", "chargePointCertificate", json(certificate), db)
            try delete("meta", "chargePointKey", db)
        case .certificateRemoved(let use, let fingerprint):
            try delete("certificates", use.rawValue + " " + fingerprint, db)
        case .securityLogTrimmed(let first):
            try db.cachedStatement(sql: "DELETE FROM security_log WHERE id < ?").execute(arguments: [first])
        case .logUpload(let upload):
            if let upload { try put("meta", "logUpload", json(upload), db) } else { try delete("meta", "logUpload", db) }
        case .diagnosticsUpload(let upload):
            if let upload { try put("meta", "diagnosticsUpload", json(upload), db) } else {
                try delete("meta", "diagnosticsUpload", db)
            }
        case .activity(let time): try put("meta", "lastActivity", time.rfc3339, db)
        case .cleanShutdown(let clean): try put("meta", "cleanShutdown", clean ? "true" : "false", db)
        }
    }

    // Statements are prepared once per connection and reused: a batch is on the path of
    // every answer the station sends.
    private func put(_ table: String, _ key: String, _ value: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) (key, value) VALUES (?, ?)").execute(arguments: [
            key, value,
        ])
    }

    private func put(_ table: String, _ id: Int64, _ value: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) (id, value) VALUES (?, ?)").execute(arguments: [
            id, value,
        ])
    }

    private func delete(_ table: String, _ key: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE key = ?").execute(arguments: [key])
    }

    private func delete(_ table: String, _ id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ?").execute(arguments: [id])
    }

    // MARK: Reading

    /// Everything stored, as the core is created from it.
    public func load() throws(StoreError) -> DurableState {
        do {
            return try readAll()
        } catch {
            throw StoreError(path: path, error)
        }
    }

    private func readAll() throws -> DurableState {
        try database.read { db in
            var state = DurableState()
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM configuration") {
                state.configuration[row["key"]] = row["value"] as String
            }
            state.authorizationCache = try documents(AuthorizationCacheEntry.self, "auth_cache", keyed: true, db)
            var list = LocalAuthorizationList()
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM local_list") {
                list.entries[row["key"]] = try decode(IdTagInfo.self, row["value"])
            }
            let meta = Dictionary(
                try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                    ($0["key"] as String, $0["value"] as String)
                },
                uniquingKeysWith: { $1 })
            list.version = meta["localListVersion"].flatMap(Int.init) ?? 0
            state.localList = list
            state.transactions = try documents(TransactionRecord.self, "transactions", keyed: false, db)
            state.securityLog = try documents(SecurityLogEntry.self, "security_log", keyed: false, db)
            state.installedCertificates = try documents(InstalledCertificate.self, "certificates", keyed: true, db)
            state.messageQueue = try documents(QueuedMessage.self, "message_queue", keyed: false, db)
            state.connectors = try documents(ConnectorRecord.self, "connectors", keyed: false, db)
            state.reservations = try documents(Reservation.self, "reservations", keyed: false, db)
            state.chargingProfiles = try documents(InstalledChargingProfile.self, "charging_profiles", keyed: false, db)
            if let counters = meta["counters"] { state.counters = try decode(DurableCounters.self, counters) }
            state.firmwareVersion = meta["firmwareVersion"]
            if let update = meta["firmwareUpdate"] { state.firmwareUpdate = try decode(FirmwareUpdate.self, update) }
            if let key = meta["chargePointKey"] { state.pendingChargePointKey = try decode(ChargePointKey.self, key) }
            if let certificate = meta["chargePointCertificate"] {
                state.chargePointCertificate = try decode(ChargePointCertificate.self, certificate)
            }
            if let upload = meta["logUpload"] { state.logUpload = try decode(FileUpload.self, upload) }
            if let upload = meta["diagnosticsUpload"] {
                state.diagnosticsUpload = try decode(FileUpload.self, upload)
            }
            state.lastActivity = meta["lastActivity"].flatMap { Timestamp(rfc3339: $0) }
            state.cleanShutdown = meta["cleanShutdown"] == "true"
            return state
        }
    }

    private func documents<T: Decodable>(_ type: T.Type, _ table: String, keyed: Bool, _ db: Database) throws -> [T] {
        let order = keyed ? "key" : "id"
        return try Row.fetchAll(db, sql: "SELECT value FROM \(table) ORDER BY \(order)").map { row in
            try decode(type, row["value"])
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try coder.value(type, from: text)
    }
}
