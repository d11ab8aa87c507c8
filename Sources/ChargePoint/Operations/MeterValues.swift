/// MeterValues (OCPP 1.6 §4.7, §3.16, errata 3.13–3.16, 3.91).
///
/// - Sampled: during a transaction, every MeterValueSampleInterval seconds from its
///   start, the MeterValuesSampledData measurands with context Sample.Periodic; a
///   transaction-related message, queued and delivered in order.
/// - Clock-aligned: every ClockAlignedDataInterval seconds from midnight, the
///   MeterValuesAlignedData measurands with context Sample.Clock, for every connector;
///   transaction-related (and carrying the transactionId) where a transaction runs.
/// - StopTxnSampledData / StopTxnAlignedData are collected at the same moments for the
///   StopTransaction's transactionData, bounded by StopTransactionMaxMeterValues.
extension StationCore {
    /// Arms the next sampled reading of connector `index`, if a transaction runs there.
    mutating func scheduleSampling(_ index: Int) {
        let id = connectors[index].id
        guard let transaction = transactions.active(on: id), let interval = config.int(.meterValueSampleInterval),
            interval > 0
        else {
            cancel(.sampledMeterValues(connector: id))
            return
        }
        // Samples fall on the transaction's start plus whole intervals (§3.16.1), on the
        // station's monotonic clock: a clock adjustment moves the stamps, not the
        // schedule (StationClock.swift). After a restart the start is only known on the
        // wall clock.
        let origin = sampleOrigin(index, transaction)
        let step = Int64(interval) * 1000
        let elapsed = max(0, origin.milliseconds(until: now))
        schedule(.sampledMeterValues(connector: id), at: origin.adding(milliseconds: (elapsed / step + 1) * step))
    }

    /// When the transaction on `index` started, in station time.
    mutating func sampleOrigin(_ index: Int, _ transaction: TransactionRecord) -> Timestamp {
        if let origin = connectors[index].sampleOrigin { return origin }
        let origin = min(now, clock.stationTime(at: transaction.startedAt))
        connectors[index].setSampleOrigin(origin)
        return origin
    }

    /// The sample point (transaction start plus whole intervals) at or before now, on
    /// the wall clock: what a sample taken by a slightly late timer stands for, and the
    /// energy it carries is the energy then.
    mutating func samplePoint(_ index: Int, _ transaction: TransactionRecord) -> Timestamp {
        guard let interval = config.int(.meterValueSampleInterval), interval > 0 else { return wallClock }
        let origin = sampleOrigin(index, transaction)
        let step = Int64(interval) * 1000
        let elapsed = max(0, origin.milliseconds(until: now))
        let point = origin.adding(milliseconds: elapsed / step * step)
        return max(clock.wallClock(at: point), transaction.startedAt)
    }

    mutating func sampleDue(connector id: Int) {
        guard let index = index(of: id), let transaction = transactions.active(on: id) else { return }
        connectors[index].advanceMeter(to: now)
        let time = samplePoint(index, transaction)
        if let value = meterValue(
            index, config.measurands(.meterValuesSampledData), context: .samplePeriodic, at: time)
        {
            enqueueTransactionMeterValues(connector: id, transaction: transaction.number, value)
        }
        collectTransactionData(index, key: .stopTxnSampledData, context: .samplePeriodic, at: time)
        connectors[index].sampled()
        persistConnector(index)
        emitMeter(index)
        scheduleSampling(index)
    }

    /// Arms the next clock-aligned reading (OCPP 1.6 §9.1.5: evenly spaced from midnight).
    mutating func scheduleClockAlignedSample() {
        guard let interval = config.int(.clockAlignedDataInterval), interval > 0 else {
            cancel(.clockAlignedMeterValues)
            return
        }
        let (last, step) = clockBoundary(interval)
        let midnight = last.millisecondsSince1970 - (last.millisecondsSince1970 % 86_400_000)
        let next = min(last.millisecondsSince1970 + step, midnight + 86_400_000)
        schedule(.clockAlignedMeterValues, at: clock.stationTime(at: Timestamp(millisecondsSince1970: next)))
    }

    /// The last clock-aligned boundary at or before now (wall clock), and the step, ms.
    func clockBoundary(_ interval: Int) -> (Timestamp, Int64) {
        let day: Int64 = 86_400_000
        let wall = wallClock.millisecondsSince1970
        let midnight = wall - ((wall % day) + day) % day
        let step = Int64(interval) * 1000
        return (Timestamp(millisecondsSince1970: midnight + (wall - midnight) / step * step), step)
    }

    mutating func clockAlignedSampleDue() {
        let measurands = config.measurands(.meterValuesAlignedData)
        // Stamped with the boundary the timer was set for, not the moment it fired.
        let time = config.int(.clockAlignedDataInterval).flatMap { $0 > 0 ? clockBoundary($0).0 : nil }
        for index in connectors.indices {
            connectors[index].advanceMeter(to: now)
            let id = connectors[index].id
            if let value = meterValue(index, measurands, context: .sampleClock, at: time) {
                if let transaction = transactions.active(on: id) {
                    enqueueTransactionMeterValues(connector: id, transaction: transaction.number, value)
                } else if isOnline {
                    // Not transaction-related: sent when online, not kept when offline.
                    enqueueCall(
                        MeterValuesRequest(connectorId: id, meterValue: NonEmptyArray(value)), purpose: .meterValues)
                }
            }
            collectTransactionData(index, key: .stopTxnAlignedData, context: .sampleClock, at: time)
            connectors[index].alignedSampled()
            persistConnector(index)
            emitMeter(index)
        }
        scheduleClockAlignedSample()
    }

    mutating func enqueueTransactionMeterValues(connector: Int, transaction: Int64, _ value: MeterValue) {
        // The transactionId when already known, else 0 as a placeholder filled in when sent.
        let known = transactions.record(number: transaction)?.transactionId
        let request = MeterValuesRequest(
            connectorId: connector, transactionId: known ?? 0, meterValue: NonEmptyArray(value))
        enqueueTransactionMessage(request, transaction: transaction, transactionId: known)
    }

    /// Adds a reading to the running transaction's transactionData, dropping
    /// intermediate readings (never the first or the last) beyond
    /// StopTransactionMaxMeterValues, every other one first (errata 3.91).
    mutating func collectTransactionData(
        _ index: Int, key: StandardKey, context: ReadingContext, at time: Timestamp? = nil
    ) {
        guard let transaction = transactions.active(on: connectors[index].id),
            let value = meterValue(index, config.measurands(key), context: context, at: time)
        else { return }
        let limit = max(2, config.int(.stopTransactionMaxMeterValues) ?? Int.max)
        if let change = transactions.appendData(value, number: transaction.number, limit: limit) { persist(change) }
    }

    /// A `meter` event for the operator, unless it would repeat the last one.
    mutating func emitMeter(_ index: Int) {
        let reading = (energyWh: connectors[index].record.meterWh, powerW: connectors[index].powerW)
        guard connectors[index].show(reading, at: now) else { return }
        let readings = sampledValues(index, config.measurands(.meterValuesSampledData), context: .samplePeriodic)
        emit(
            .meter(
                connector: connectors[index].id, energyWh: reading.energyWh, powerW: reading.powerW,
                readings: readings))
    }

    /// TriggerMessage(MeterValues): the latest MeterValuesSampledData readings, context
    /// Trigger (errata 3.46), for one connector or all.
    mutating func sendTriggeredMeterValues(connector id: Int?) {
        let targets = id.flatMap { self.index(of: $0) }.map { [$0] } ?? Array(connectors.indices)
        for index in targets {
            connectors[index].advanceMeter(to: now)
            guard let value = meterValue(index, config.measurands(.meterValuesSampledData), context: .trigger) else {
                continue
            }
            let connectorId = connectors[index].id
            let transactionId = transactions.active(on: connectorId)?.transactionId
            enqueueCall(
                MeterValuesRequest(
                    connectorId: connectorId, transactionId: transactionId, meterValue: NonEmptyArray(value)),
                purpose: .meterValues, allowedWhilePending: true)
        }
    }
}
