import Testing

@testable import ChargePoint

/// What the station had reported of its meter registers when the power went, and the
/// checks that hold after the restart (issue "Nothing lost at a power cut" §1; OCPP 1.6
/// §4.10 meterStop, §3.16): the StopTransaction(PowerLoss) of every transaction the cut
/// interrupted carries a meterStop at or above every register value reported before the
/// cut (MeterValues, `meter` events) and is stamped within one persistence period
/// (one second, `StationCore.meterCheckpointSeconds`) of the cut.
struct RegisterWitness {
    let cutAt: Timestamp
    /// Highest register reported per connector, Wh (as the wire rounds it).
    let reportedWh: [Int: Int]
    /// Transactions running at the cut: number, connector, transactionId if known.
    let running: [(number: Int64, connector: Int, transactionId: Int?)]
    let sentBefore: Int

    init(_ station: StationHarness) {
        cutAt = station.now
        running = station.core.transactions.running.map { ($0.number, $0.connector, $0.transactionId) }
        sentBefore = station.sent.count
        var reported: [Int: Int] = [:]
        for event in station.events {
            if case .meter(let connector, let energyWh, _, _) = event {
                reported[connector] = max(reported[connector] ?? 0, Int((energyWh + 0.001).rounded(.down)))
            }
        }
        for (connector, value) in Self.registerReadings(station) {
            reported[connector] = max(reported[connector] ?? 0, value)
        }
        reportedWh = reported
    }

    func checkPowerLossStops(_ station: StationHarness, context: String) {
        // The persistence period docs/persistence.md promises: one second.
        let period: Int64 = 1000
        let delivered = station.sent[sentBefore...].compactMap { text -> StopTransactionRequest? in
            guard case .success(.call(let call)) = Frame.parse(text), call.action == "StopTransaction" else {
                return nil
            }
            return try? PayloadDecoder.decode(StopTransactionRequest.self, from: call.payload)
        }
        for transaction in running {
            let floor = reportedWh[transaction.connector] ?? 0
            var meterStop: Int?
            var stoppedAt: Timestamp?
            var reason: Reason?
            if let record = station.core.transactions.record(number: transaction.number) {
                meterStop = record.stop?.meterStopWh
                stoppedAt = record.stop?.at
                reason = record.stop?.reason
            } else if let id = transaction.transactionId ?? Self.assignedId(station, connector: transaction.connector),
                let stop = delivered.first(where: { $0.transactionId == id })
            {
                meterStop = stop.meterStop
                stoppedAt = stop.timestamp
                reason = stop.reason
            }
            guard let meterStop, let stoppedAt else {
                Issue.record("transaction \(transaction.number) was not stopped after the power cut: \(context)")
                continue
            }
            #expect(reason == .powerLoss, "\(context)")
            #expect(
                meterStop >= floor,
                "meterStop \(meterStop) Wh is below the \(floor) Wh already reported on connector \(transaction.connector): \(context)"
            )
            let lag = stoppedAt.milliseconds(until: cutAt)
            #expect(
                lag >= 0 && lag <= period,
                "the PowerLoss stop is stamped \(stoppedAt), \(lag) ms before the cut at \(cutAt): \(context)")
        }
    }

    /// The transactionId the test central system gave the last StartTransaction of
    /// `connector` (it numbers them in the order it gets them).
    static func assignedId(_ station: StationHarness, connector: Int) -> Int? {
        let starts = station.csms.calls(.startTransaction)
        return starts.lastIndex { $0.payload["connectorId"]?.intValue == connector }.map { $0 + 1 }
    }

    /// Every import-register reading of a MeterValues the station sent, per connector.
    static func registerReadings(_ station: StationHarness) -> [(connector: Int, valueWh: Int)] {
        var readings: [(Int, Int)] = []
        for text in station.sent {
            guard case .success(.call(let call)) = Frame.parse(text), call.action == "MeterValues",
                let connector = call.payload["connectorId"]?.intValue, connector > 0
            else { continue }
            for value in call.payload["meterValue"]?.arrayValue ?? [] {
                for sampled in value["sampledValue"]?.arrayValue ?? [] {
                    let measurand = sampled["measurand"]?.stringValue ?? "Energy.Active.Import.Register"
                    guard measurand == "Energy.Active.Import.Register",
                        let wh = sampled["value"]?.stringValue.flatMap(Double.init)
                    else { continue }
                    readings.append((connector, Int(wh)))
                }
            }
        }
        return readings
    }

    /// Per connector, the import register never decreases from one transaction to the
    /// next (a new meterStart continues from the last meterStop), and the export
    /// register never changes sign or decreases.
    static func checkRegistersNeverGoBack(_ station: StationHarness, context: String) {
        // Per transaction, in the order the central system got them: start, values, stop.
        var lastStop: [Int: Int] = [:]
        var connectorOf: [Int: Int] = [:]
        var started = 0
        for call in station.csms.received {
            switch call.action {
            case .startTransaction:
                started += 1
                guard let connector = call.payload["connectorId"]?.intValue,
                    let meterStart = call.payload["meterStart"]?.intValue
                else { continue }
                connectorOf[started] = connector
                if let previous = lastStop[connector] {
                    #expect(
                        meterStart >= previous,
                        "connector \(connector): meterStart \(meterStart) Wh after a meterStop of \(previous) Wh: \(context)"
                    )
                }
            case .stopTransaction:
                guard let id = call.payload["transactionId"]?.intValue, let connector = connectorOf[id],
                    let meterStop = call.payload["meterStop"]?.intValue
                else { continue }
                lastStop[connector] = max(lastStop[connector] ?? 0, meterStop)
            default:
                continue
            }
        }
        // Every register of every measurand that names one, per transaction: through
        // its MeterValues, and through the StopTransaction's transactionData (a series of
        // its own, from the transaction's begin to its end).
        var lastValue: [String: Double] = [:]
        for call in station.csms.received where call.action == .meterValues || call.action == .stopTransaction {
            let id = call.payload["transactionId"]?.intValue ?? -1
            let values =
                call.action == .meterValues
                ? call.payload["meterValue"]?.arrayValue : call.payload["transactionData"]?.arrayValue
            for value in values ?? [] {
                for sampled in value["sampledValue"]?.arrayValue ?? [] {
                    guard let measurand = sampled["measurand"]?.stringValue, measurand.hasSuffix("Register"),
                        let reading = sampled["value"]?.stringValue.flatMap(Double.init)
                    else { continue }
                    let key = "\(call.action)/\(id)/\(measurand)"
                    if let previous = lastValue[key] {
                        #expect(
                            reading >= previous,
                            "\(measurand) of transaction \(id) went from \(previous) to \(reading): \(context)")
                    }
                    lastValue[key] = reading
                }
            }
        }
    }
}
