/// What a restart finds (OCPP 1.6 §4.2.1, §5.14, OCTT TC_032): the durable records are
/// intact, but a transaction that was running when the power went is no longer
/// supplied. With the `stop` behaviour (no back-up power) it is stopped with reason
/// PowerLoss, at the last moment the station is known to have been alive and with the
/// last persisted meter reading (both saved every `meterCheckpointSeconds` while a
/// transaction runs); its StopTransaction joins the queue behind whatever was
/// still undelivered, and goes out after the next accepted boot. With `resume` the
/// transaction carries on.
extension StationCore {
    mutating func recoverFromPowerLoss() {
        guard let lastAlive = recovery.takePowerLoss() else { return }
        let interrupted = transactions.running
        guard !interrupted.isEmpty else { return }
        switch profile.powerLoss {
        case .resume:
            notice("\(interrupted.count) transaction\(interrupted.count == 1 ? "" : "s") resumed after the power cut")
        case .stop:
            for transaction in interrupted {
                // Stamped when the power went, not now: the transaction did not last
                // longer. The register is the one saved last, at most one persistence
                // period (`meterCheckpointSeconds`) behind the cut.
                stopTransaction(connector: transaction.connector, reason: .powerLoss, idTag: nil, at: lastAlive)
            }
            notice("\(interrupted.count) transaction\(interrupted.count == 1 ? "" : "s") stopped: power loss")
        }
    }

    /// `quit`: the meters are saved where they stand and the shutdown is marked clean,
    /// so that the next start resumes rather than stops what is running.
    mutating func shutDown() {
        for index in connectors.indices {
            connectors[index].advanceMeter(to: now)
            persistConnector(index)
        }
        persist(.cleanShutdown(true))
        let running = !transactions.running.isEmpty
        notice(running ? "shutting down; running transactions resume at the next start" : "shutting down")
    }
}
