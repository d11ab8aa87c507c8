/// The simulated meter and EV: energy integrates power over clock time, exactly,
/// between the events that change the power (EV suspended, battery full, a limit, a
/// fault). Nothing ticks while the power is steady: the next change is computed and a
/// timer armed for it, so a day of charging costs a handful of inputs. The integration
/// itself is the connector's (`Connector.advanceMeter(to:)`).
extension StationCore {
    /// What the EVSE offers the EV now, W: nothing outside a transaction, during a fault
    /// or an EVSE-side suspension; otherwise the connector's rating (`ratingW`: maximum
    /// power and maximum current) under any limit.
    func offeredPowerW(_ index: Int) -> Double {
        let connector = connectors[index]
        guard transactions.active(on: connector.id) != nil, connector.evseBlock == nil else { return 0 }
        if let fault = connector.record.fault, fault.faulted { return 0 }
        return min(ratingW(index), connector.limitW ?? .infinity)
    }

    /// Recomputes the power after any change on connector `index`. The station's limit is
    /// shared by all connectors (§3.13.3), so a change on one can change what every other
    /// gets: all are recomputed (`shareStationPower`).
    mutating func updatePower(_ index: Int) {
        shareStationPower()
    }

    /// Sets connector `index`'s power, W, and arms its next milestone.
    mutating func setPower(_ index: Int, _ power: Double) {
        connectors[index].setPower(power, at: now)
        scheduleMeterCheckpoint()
        let connector = connectors[index]
        let id = connector.id
        cancel(.energyMilestone(connector: id))
        guard power > 0 else { return }
        var hours = Double.infinity
        if let ev = connector.record.ev {
            hours = min(hours, (100 - ev.socPercent) / 100 * ev.batteryWh / power)
        }
        if let cap = connector.energyCapWh {
            hours = min(hours, max(0, cap - connector.record.meterWh) / power)
        }
        if let step = hoursUntilVoltageStep(index, powerW: power) { hours = min(hours, step) }
        if hours.isFinite {
            schedule(
                .energyMilestone(connector: id), at: now.adding(milliseconds: Int64((hours * 3_600_000).rounded(.up))))
        }
    }

    /// The battery became full, the energy cap was reached or the DC link voltage rose a
    /// step (`hoursUntilVoltageStep`).
    mutating func energyMilestoneReached(connector id: Int) {
        guard let index = index(of: id) else { return }
        connectors[index].advanceMeter(to: now)
        if let cap = connectors[index].energyCapWh, connectors[index].record.meterWh >= cap - 0.001 {
            connectors[index].energyCapReached()
            enforceInvalidIdTag(index)
        }
        if connectors[index].record.ev?.isFull == true {
            notice("connector \(id): the EV's battery is full")
        }
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
    }

    /// The persistence period of the meter registers, s: while a transaction runs, the
    /// registers (and the moment they were read) are saved this often, so a power cut
    /// or kill -9 loses at most this much energy and never sends a register backwards
    /// (docs/persistence.md). Every reading the station reports (MeterValues, `meter`
    /// events) is saved in the same batch that reports it, so a StopTransaction(PowerLoss)
    /// is never below a reported value; the screen's live projection runs at most this
    /// far ahead of the saved register.
    static let meterCheckpointSeconds = 1
    /// `meter` events during steady charging: one every this many seconds per connector.
    static let meterEventSeconds: Int64 = 30

    mutating func scheduleMeterCheckpoint() {
        if connectors.contains(where: { $0.powerW > 0 || transactions.active(on: $0.id) != nil }) {
            if !timers.isArmed(.meterCheckpoint) { schedule(.meterCheckpoint, afterSeconds: Self.meterCheckpointSeconds) }
        } else {
            cancel(.meterCheckpoint)
        }
    }

    mutating func meterCheckpointDue() {
        for index in connectors.indices
        where connectors[index].powerW > 0 || transactions.active(on: connectors[index].id) != nil {
            connectors[index].advanceMeter(to: now)
            // Saved even when the register did not move: the batch also saves the moment
            // (`activity`) a PowerLoss stop is stamped with.
            persistConnector(index)
            if connectors[index].powerW > 0,
                connectors[index].shownAt.map({ $0.milliseconds(until: now) >= Self.meterEventSeconds * 1000 }) ?? true
            {
                emitMeter(index)
            }
        }
        scheduleMeterCheckpoint()
    }

    /// The register as a whole number of Wh, as meterStart and meterStop report it. The
    /// register is integrated in floating point; a thousandth of a Wh is noise, not
    /// energy, so 10 999.9999 reads 11 000.
    func registerWh(_ index: Int) -> Int {
        Int((connectors[index].record.meterWh + 0.001).rounded(.down))
    }

    // MARK: Sampled values (OCPP 1.6 §3.16, §4.7)

    /// The values of `measurands` on connector `index` now, as OCPP reports them.
    func sampledValues(_ index: Int, _ measurands: [Measurand], context: ReadingContext) -> [SampledValue] {
        let connector = connectors[index]
        let hardware = connector.hardware
        let power = connector.powerW
        let offered = offeredPowerW(index)
        let isAC = hardware.currentType == .ac
        let phases: [Phase] = isAC ? Array([Phase.l1, .l2, .l3].prefix(hardware.phases)) : []
        let voltage = isAC ? hardware.voltage : dcVoltage(connector)
        func value(
            _ text: String, _ measurand: Measurand, _ unit: UnitOfMeasure?, phase: Phase? = nil,
            location: Location = .outlet
        ) -> SampledValue {
            SampledValue(
                value: text, context: context, measurand: measurand, phase: phase, location: location, unit: unit)
        }
        func perPhase(_ measurand: Measurand, _ total: Double, _ unit: UnitOfMeasure, voltagePhases: Bool = false)
            -> [SampledValue]
        {
            if phases.isEmpty { return [value(Self.format(total, digits: 1), measurand, unit)] }
            return phases.map { phase in
                let reported: Phase = voltagePhases ? phase.toNeutral : phase
                return value(Self.format(total, digits: 1), measurand, unit, phase: reported)
            }
        }
        var values: [SampledValue] = []
        for measurand in measurands {
            switch measurand {
            case .energyActiveImportRegister:
                values.append(value(String(registerWh(index)), measurand, .wattHours))
            case .energyActiveImportInterval:
                let since = context == .sampleClock ? connector.lastAlignedWh : connector.lastSampledWh
                values.append(value(Self.format(connector.record.meterWh - since, digits: 0), measurand, .wattHours))
            case .energyActiveExportRegister, .energyActiveExportInterval:
                values.append(value("0", measurand, .wattHours))
            case .energyReactiveImportRegister, .energyReactiveExportRegister, .energyReactiveImportInterval,
                .energyReactiveExportInterval:
                values.append(value("0", measurand, .varHours))
            case .powerActiveImport:
                values.append(value(Self.format(power, digits: 0), measurand, .watts))
            case .powerActiveExport, .powerReactiveImport, .powerReactiveExport:
                values.append(value("0", measurand, measurand == .powerActiveExport ? .watts : .vars))
            case .powerOffered:
                values.append(value(Self.format(offered, digits: 0), measurand, .watts))
            case .powerFactor:
                values.append(value("1.00", measurand, nil))
            case .currentImport:
                values += perPhase(measurand, power / voltage / Double(max(phases.count, 1)), .amperes)
            case .currentExport:
                values += perPhase(measurand, 0, .amperes)
            case .currentOffered:
                values.append(
                    value(Self.format(offered / voltage / Double(max(phases.count, 1)), digits: 1), measurand, .amperes)
                )
            case .voltage:
                values += perPhase(measurand, voltage, .volts, voltagePhases: true)
            case .frequency:
                values.append(value("50.0", measurand, .hertz))
            case .temperature:
                let load = hardware.maxPowerW > 0 ? power / hardware.maxPowerW : 0
                // "Celcius" on purpose: OCPP-J errata 2.1 advises charge points to keep the
                // original spelling for interoperability.
                values.append(value(Self.format(25 + 20 * load, digits: 1), measurand, .celcius, location: .body))
            case .soc:
                if let ev = connector.record.ev {
                    values.append(value(Self.format(ev.socPercent, digits: 0), measurand, .percent, location: .ev))
                }
            case .rpm:
                values.append(value("0", measurand, nil, location: .body))
            }
        }
        return values
    }

    /// A DC link's voltage rises with the battery's state of charge.
    func dcVoltage(_ connector: Connector) -> Double {
        let soc = connector.record.ev?.socPercent ?? 50
        return connector.hardware.voltage * (0.9 + 0.2 * soc / 100)
    }

    /// One MeterValue of the measurands now, or nil if none of them has a value.
    /// `time`: the moment the reading stands for (a clock-aligned boundary), which the
    /// timer that took it reaches a little late; now when nil.
    func meterValue(_ index: Int, _ measurands: [Measurand], context: ReadingContext, at time: Timestamp? = nil)
        -> MeterValue?
    {
        NonEmptyArray(sampledValues(index, measurands, context: context)).map {
            MeterValue(timestamp: time ?? wallClock, sampledValue: $0)
        }
    }

    /// Fixed-point text with `digits` decimals, like "%.1f", without Foundation's
    /// formatter (this runs for every sampled value).
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        let scale = [1.0, 10, 100, 1000][min(max(digits, 0), 3)]
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(scaled) }
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

extension Phase {
    /// The phase-to-neutral reading of a phase, for voltages.
    var toNeutral: Phase {
        switch self {
        case .l1: .l1N
        case .l2: .l2N
        case .l3: .l3N
        default: self
        }
    }
}
