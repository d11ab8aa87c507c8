import Foundation
import Testing

@testable import ChargePoint

/// The generator driving a real station core (issue 15): a day on the manual clock, every
/// step carried out as an operator command, the station's events fed back.
@Suite("Station behaviour, a day")
struct StationBehaviourDayTests {
    @Test func aDayOfSessionsFaultsAndOfflinePeriods_noCommandIsRefused() throws {
        var station = try StationHarness.booted()
        let plan = FleetBehaviour(
            arrivalsPerHour: 2, stayMinutes: .logNormal(mean: 50, spread: 30, min: 5, max: 300),
            energyKWh: .normal(mean: 10, spread: 5, min: 1, max: 30), swipeDelaySeconds: .uniform(min: 5, max: 30),
            leaveDelaySeconds: .uniform(min: 10, max: 60), remoteStartShare: 0.3, remoteStartTimeoutSeconds: 60,
            idTags: ["VALID", "TAG1", "TAG2"], faultsPerDay: 8, faultMinutes: .fixed(20), offlinePerDay: 4,
            offlineMinutes: .fixed(10))
        var behaviour = StationBehaviour(plan: plan, profile: station.profile, seed: 15, now: station.now)
        behaviour.observe(station.events, at: station.now)
        var seen = station.events.count
        let end = station.now.adding(seconds: 86_400)
        var commands: [StationCommand] = []
        while let wake = behaviour.nextWakeUp, wake <= end {
            station.advance(to: wake)
            behaviour.observe(Array(station.events[seen...]), at: station.now)
            seen = station.events.count
            for step in behaviour.due(at: station.now) {
                commands.append(step.command)
                station.command(step.command)
                behaviour.observe(Array(station.events[seen...]), at: station.now)
                seen = station.events.count
            }
        }
        let errors = station.events.compactMap { if case .error(let text) = $0 { text } else { nil } }
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        let transactions = station.events.compactMap { if case .transaction(let t) = $0 { t } else { nil } }
        let started = transactions.filter { $0.kind == .started }.count
        let stopped = transactions.filter { $0.kind == .stopped }.count
        #expect(started >= 20, "\(started) sessions")
        #expect(stopped >= started - 2)
        #expect(commands.contains(.offline) && commands.contains(.online))
        #expect(commands.contains { if case .fault = $0 { true } else { false } })
        #expect(commands.contains { if case .evSuspend = $0 { true } else { false } })
    }
}
