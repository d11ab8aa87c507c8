/// Sharing the station-wide limit among the connectors (OCPP 1.6 §3.13.1, §3.13.3).
///
/// "In the case the Charge Point is equipped with more than one Connector, the limit
/// value of ChargePointMaxProfile is the limit for all connectors combined. The combined
/// energy flow of all connectors SHALL NOT be greater than the limit set by
/// ChargePointMaxProfile." (§3.13.3) How to share it is the station's choice (§3.13.4,
/// "Load Balancing"); this one fills water, as load-balancing controllers do:
///
/// 1. Each connector's cap is the lower of its rating (`ratingW`) and its own limit
///    (TxProfile, else TxDefaultProfile). Its demand is what it would draw with no
///    station limit: the lower of its cap and its EV's maximum, while the EV charges
///    (a transaction, no fault, no EVSE block, EV plugged in, not suspended, not full);
///    otherwise 0.
/// 2. The limit L is shared by max-min fairness: a level λ such that Σ min(demand, λ)
///    = L. A connector that needs less than λ gets all it needs; what it leaves unused
///    goes to the others in equal parts. Each draws min(demand, λ), so the combined
///    draw never exceeds L.
/// 3. What is offered (Power.Offered, the screen's share): to a charging connector its
///    allocation, plus, when every demand is met, an equal part of what is left (never
///    above its cap), so that the offers add up to at most L; to a connector that does
///    not draw now (EV suspended or full, no session), what it would get if its EV took
///    all it is offered — never 0 while L and its cap are above 0, so a suspended EV
///    stays SuspendedEV rather than SuspendedEVSE.
///
/// The sharing is redone whenever a demand or a limit changes: a session starts or
/// stops, an EV suspends or resumes or is full, a fault comes or goes, `ev power`, a
/// profile is set or cleared or enters a new period (`updatePower`, `applyChargingLimits`).
extension StationCore {
    /// Recomputes every connector's share and power (after advancing every meter to now).
    mutating func shareStationPower() {
        for index in connectors.indices { connectors[index].advanceMeter(to: now) }
        let smart = profile.supports(.smartCharging)
        let stationW = smart ? stationLimit(at: wallClock).limitW.map { max(0, $0) } : nil
        var own: [Double?] = []
        var caps: [Double] = []
        var demands: [Double] = []
        for index in connectors.indices {
            let limit = smart ? connectorLimit(index, at: wallClock).limitW : nil
            let cap = max(0, min(ratingW(index), limit ?? .infinity))
            own.append(limit)
            caps.append(cap)
            demands.append(evDemandW(index, capW: cap))
        }
        let offers = StationLimitSharing.offers(limitW: stationW, capsW: caps, demandsW: demands)
        for index in connectors.indices {
            let limit: Double? = stationW == nil && own[index] == nil ? nil : offers[index]
            let changed = connectors[index].setLimit(limit)
            let draw = demands[index] > 0 ? min(offeredPowerW(index), connectors[index].record.ev?.maxPowerW ?? 0) : 0
            setPower(index, draw)
            if changed { refreshStatus(connectors[index].id) }
        }
    }

    /// What connector `index` would draw with no station limit, W: its cap (rating and
    /// own limit) or its EV's maximum, while the EV charges; 0 otherwise.
    func evDemandW(_ index: Int, capW: Double) -> Double {
        let connector = connectors[index]
        guard transactions.active(on: connector.id) != nil, connector.evseBlock == nil,
            connector.record.fault?.faulted != true, connector.record.fault?.code != .evCommunicationError,
            connector.record.evConnected, let ev = connector.record.ev, !ev.suspended, !ev.isFull
        else { return 0 }
        return max(0, min(capW, ev.maxPowerW))
    }

    /// The phase voltage of the station's supply, V: that of its AC connectors (they take
    /// it as it comes), 230 V (errata 3.69's "set voltage for the area") with none.
    var supplyVoltage: Double {
        connectors.first { $0.hardware.currentType == .ac }?.hardware.voltage ?? 230
    }

    /// The phases of the station's supply: as many as its AC connectors use, three for a
    /// DC-only station.
    var supplyPhases: Int {
        connectors.filter { $0.hardware.currentType == .ac }.map(\.hardware.phases).max() ?? 3
    }

    /// Watts per ampere per phase drawn from the supply (a ChargePointMaxProfile in A, and
    /// connector 0's composite schedule in A, errata 3.30).
    var supplyWattsPerAmpere: Double { supplyVoltage * Double(supplyPhases) }
}

/// The sharing rule, on plain numbers (W), so that it can be read and tested alone.
enum StationLimitSharing {
    /// The water level λ with Σ min(demand, λ) = `limitW`; infinity when every demand
    /// fits under the limit.
    static func level(limitW: Double, demandsW: [Double]) -> Double {
        guard demandsW.reduce(0, +) > limitW else { return .infinity }
        var remaining = max(0, limitW)
        var open = demandsW.count
        for demand in demandsW.sorted() {
            let fair = remaining / Double(open)
            guard demand <= fair else { return fair }
            remaining -= demand
            open -= 1
        }
        return .infinity
    }

    /// What each connector is offered, W (see the file's comment, step 3). Without a
    /// station limit, each its cap.
    static func offers(limitW: Double?, capsW: [Double], demandsW: [Double]) -> [Double] {
        guard let limitW else { return capsW }
        let level = level(limitW: limitW, demandsW: demandsW)
        let allocations = demandsW.map { min($0, level) }
        let drawing = demandsW.indices.filter { demandsW[$0] > 0 }
        // Every demand met: what is left goes to the charging connectors in equal parts.
        var extra = Array(repeating: 0.0, count: capsW.count)
        if level.isInfinite, !drawing.isEmpty {
            let headroom = drawing.map { capsW[$0] - allocations[$0] }
            let leftover = max(0, limitW - allocations.reduce(0, +))
            let spread = Self.level(limitW: leftover, demandsW: headroom)
            for (position, index) in drawing.enumerated() { extra[index] = min(headroom[position], spread) }
        }
        return capsW.indices.map { index in
            if demandsW[index] > 0 { return allocations[index] + extra[index] }
            // Not drawing now: what it would get if its EV took all it is offered.
            var prospective = demandsW
            prospective[index] = capsW[index]
            return min(capsW[index], Self.level(limitW: limitW, demandsW: prospective))
        }
    }
}
