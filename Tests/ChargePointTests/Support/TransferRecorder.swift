import ChargePoint

/// The harness's transfer agent: records what the station asks and which transfers
/// run, and runs none; the test plays the server (`StationHarness.reportTransfer`).
struct TransferRecorder: TransferAgent {
    private(set) var commands: [TransferCommand] = []
    private(set) var running: [TransferJob] = []

    mutating func perform(_ command: TransferCommand, station: StationCore) {
        commands.append(command)
        switch command {
        case .start(let job): running.append(job)
        case .cancel(let id): finished(id)
        }
    }

    mutating func stopAll() {
        running.removeAll()
    }

    mutating func finished(_ id: Int) {
        running.removeAll { $0.id == id }
    }
}
