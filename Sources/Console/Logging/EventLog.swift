import ChargePoint
import Logging

/// Writes station events to the diagnostic log (`--log FILE`) as short readable lines:
/// frames as `> [2,…]` (sent) and `< [3,…]` (received), exactly as on the wire with
/// secrets masked by the engine, and the rest in words. Meter ticks, snapshots and the
/// answers of `config get` and `certs` are left to the event stream: they would drown
/// the protocol.
struct EventLog: Sendable {
    private let logger = Logger(label: "station")

    /// Sends every record of the process to `path` (or nowhere without `--log`). Call
    /// once, before any logger exists. The log file, to `close()` before the process
    /// exits so that no queued record is lost.
    static func bootstrap(path: String?) throws(StationSetup.SetupError) -> FileLogHandler.Sink? {
        guard let path else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return nil
        }
        let sink = try FileLogHandler.Sink(path: path)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
        return sink
    }

    func record(_ event: StationEvent) {
        switch event {
        case .frame(let frame):
            logger.info("\(frame.direction == .outgoing ? ">" : "<") \(frame.text)")
        case .connection(let state, let reason):
            logger.info("connection \(state.rawValue)\(reason.map { ": \($0)" } ?? "")")
        case .connector(let id, let status, let errorCode, let info):
            let name = id == 0 ? "station" : "connector \(id)"
            logger.info("\(name) \(status.rawValue) \(errorCode.rawValue)\(info.map { " (\($0))" } ?? "")")
        case .transaction(let transaction):
            let id = transaction.transactionId.map(String.init) ?? "pending"
            let reason = transaction.reason.map { " reason \($0.rawValue)" } ?? ""
            logger.info(
                "transaction \(transaction.kind.rawValue) on connector \(transaction.connector): id \(id), idTag \(transaction.idTag)\(reason)"
            )
        case .registration(let status, let interval):
            logger.info("registration \(status?.rawValue ?? "none")\(interval.map { ", interval \($0) s" } ?? "")")
        case .notice, .callAnswered:
            logger.notice("\(event.noticeText ?? "")")
        case .error(let text):
            logger.error("\(text)")
        case .security(let entry):
            logger.notice("security event \(entry.kind.rawValue)\(entry.info.map { ": \($0)" } ?? "")")
        case .transfer(let transfer):
            let progress = transfer.total.map { " \(transfer.bytes)/\($0) bytes" } ?? ""
            logger.info(
                "\(transfer.purpose.rawValue) \(transfer.fileName) \(transfer.status)\(progress), try \(transfer.attempt) of \(transfer.attempts)\(transfer.detail.map { ": \($0)" } ?? "")"
            )
        case .result(let result):
            let id = result.id.map { "@\($0) " } ?? ""
            logger.info(
                "result line \(result.line): \(id)\(result.command): \(result.error.map { "failed: \($0)" } ?? "ok")")
        case .meter, .snapshot, .configuration, .certificates:
            break
        }
    }
}
