/// A connector's rating: the most its hardware delivers (the station profile's
/// `max-current`, `voltage`, `phases` and `max-power-kw`, `ConnectorHardware`).
///
/// Both limits hold at once: the power, and the current per phase at the voltage of the
/// moment. For AC that voltage is the nominal phase-to-neutral one (OCPP 1.6 §7.12, errata
/// 3.69: "the set voltage for the area"), so the current limit is a fixed power (32 A ×
/// 230 V × 3 = 22.08 kW). For DC it is the link voltage, which rises with the battery's
/// state of charge (`dcVoltage`): at a low SoC the current binds (125 A × 384 V = 48 kW
/// on a 50 kW connector), from some SoC on the power does. No limit, EV or operator
/// command lifts a connector above its rating; smart charging only lowers it.
extension StationCore {
    /// Watts per ampere of connector current now: the voltage times the phases (AC), the
    /// link voltage (DC).
    func wattsPerAmpere(_ index: Int) -> Double {
        let hardware = connectors[index].hardware
        if hardware.currentType == .dc { return dcVoltage(connectors[index]) }
        return hardware.voltage * Double(hardware.phases)
    }

    /// The most connector `index` delivers now, W: its maximum power and its maximum
    /// current at the voltage now, whichever is lower.
    func ratingW(_ index: Int) -> Double {
        let hardware = connectors[index].hardware
        return min(hardware.maxPowerW, hardware.maxCurrent * wattsPerAmpere(index))
    }

    /// When the rating may rise on its own: a DC connector held below its maximum power
    /// by its current (or by a limit in A) gets more as the link voltage rises with the
    /// SoC. The power is looked at again at each whole percent of SoC, W → hours of
    /// charging at `powerW` until then; nil when nothing can change.
    func hoursUntilVoltageStep(_ index: Int, powerW: Double) -> Double? {
        let connector = connectors[index]
        guard connector.hardware.currentType == .dc, powerW > 0, powerW < connector.hardware.maxPowerW,
            let ev = connector.record.ev, powerW < ev.maxPowerW, !ev.isFull
        else { return nil }
        // A thousandth of a percent short of a whole one counts as reached: the milestone
        // timer is rounded to the millisecond.
        let next = min(100, (ev.socPercent + 0.001).rounded(.down) + 1)
        return (next - ev.socPercent) / 100 * ev.batteryWh / powerW
    }
}
