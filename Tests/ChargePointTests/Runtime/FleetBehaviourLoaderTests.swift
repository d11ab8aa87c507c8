import Foundation
import Testing

@testable import ChargePoint
@testable import ChargePointRuntime

/// `--fleet-behaviour FILE` (issue 15): the shipped default, the format, and one clear
/// line naming the file and the key for each mistake.
@Suite("Fleet behaviour file")
struct FleetBehaviourLoaderTests {
    static var assets: AssetLocator {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return AssetLocator(directory: root.appendingPathComponent("Assets"))
    }

    @Test func theDefaultFile_publicChargingNumbers() throws {
        let plan = try FleetBehaviourLoader.load("default", assets: Self.assets)
        #expect(plan.arrivalsPerHour == 0.3)
        #expect(plan.stayMinutes == .logNormal(mean: 90, spread: 90, min: 5, max: 720))
        #expect(plan.energyKWh == .logNormal(mean: 12, spread: 9, min: 1, max: 60))
        #expect(plan.remoteStartShare == 0.3 && plan.remoteStartTimeoutSeconds == 120)
        #expect(plan.idTags == ["VALID1", "VALID2", "OTHER"])
        #expect(plan.faultsPerDay == 0.1 && plan.offlinePerDay == 0.5)
        #expect(plan.faultCodes.count == 5)
    }

    @Test func anEmptyFile_idles() throws {
        #expect(try FleetBehaviourLoader.parse(toml: "") == FleetBehaviour())
    }

    @Test func numbersAndDistributions() throws {
        let plan = try FleetBehaviourLoader.parse(
            toml: """
                [arrivals]
                per-hour = 12
                [session]
                stay-minutes = 0.5
                energy-kwh = { distribution = "normal", mean = 5, spread = 2, min = 1 }
                swipe-delay-seconds = { distribution = "uniform", min = 1, max = 3 }
                leave-delay-seconds = { distribution = "exponential", mean = 4, max = 20 }
                [start]
                id-tag-count = 3
                id-tag-prefix = "CARD"
                [faults]
                per-day = 100
                minutes = { distribution = "fixed", value = 0.2 }
                codes = ["HighTemperature"]
                """)
        #expect(plan.arrivalsPerHour == 12)
        #expect(plan.stayMinutes == .fixed(0.5))
        #expect(plan.energyKWh == .normal(mean: 5, spread: 2, min: 1, max: 1000))
        #expect(plan.swipeDelaySeconds == .uniform(min: 1, max: 3))
        #expect(plan.leaveDelaySeconds == .exponential(mean: 4, min: 0, max: 20))
        #expect(plan.idTags == ["CARD00001", "CARD00002", "CARD00003"])
        #expect(plan.faultMinutes == .fixed(0.2) && plan.faultCodes == [.highTemperature])
    }

    @Test(arguments: [
        ("[arrivals]\nper-hour = -1", "f.toml: arrivals.per-hour: must be from 0.0 to 3600.0"),
        (
            "[arival]\nper-hour = 1",
            "f.toml: arival: unknown field (expected one of arrivals, faults, offline, session, start)"
        ),
        ("[session]\nstay = 3", "f.toml: session.stay: unknown field"),
        ("[session]\nstay-minutes = \"long\"", "f.toml: session.stay-minutes: must be a number"),
        (
            "[session]\nstay-minutes = { distribution = \"gauss\", mean = 3 }",
            "f.toml: session.stay-minutes.distribution: 'gauss' is not one of fixed, uniform, normal, lognormal, exponential"
        ),
        (
            "[session]\nstay-minutes = { distribution = \"normal\", mean = 3 }",
            "f.toml: session.stay-minutes.spread: missing"
        ),
        (
            "[session]\nstay-minutes = { distribution = \"uniform\", min = 5, max = 2 }",
            "f.toml: session.stay-minutes.min: must not be above max (2.0)"
        ),
        (
            "[session]\nenergy-kwh = { distribution = \"lognormal\", mean = 50, spread = 1, max = 40 }",
            "f.toml: session.energy-kwh.mean: must be from min (0.0) to max (40.0)"
        ),
        ("[start]\nremote-share = 1.5", "f.toml: start.remote-share: must be from 0.0 to 1.0"),
        ("[start]\nid-tags = [\"ABCDEFGHIJKLMNOPQRSTU\"]", "f.toml: start.id-tags: an idTag is 1 to 20 characters"),
        (
            "[start]\nid-tags = [\"A\"]\nid-tag-count = 3",
            "f.toml: start.id-tags: give id-tags or id-tag-count, not both"
        ),
        (
            "[faults]\ncodes = [\"NoError\"]",
            "f.toml: faults.codes: 'NoError' is not a ChargePointErrorCode other than NoError"
        ),
        ("[offline]\nper-day = 1\nminutes = []", "f.toml: offline.minutes: must be a number"),
        ("[arrivals\n", "f.toml: line 1: not valid TOML"),
    ])
    func aMistake_isOneLineNamingTheFileAndTheKey(_ text: String, _ expected: String) {
        #expect {
            try FleetBehaviourLoader.parse(toml: text, file: "f.toml")
        } throws: { error in
            let line = "\(error)"
            return line.hasPrefix(expected) && !line.contains("\n")
        }
    }

    @Test func aMissingFile_isNamed() {
        #expect {
            try FleetBehaviourLoader.load("/nonexistent/b.toml", assets: Self.assets)
        } throws: { error in
            "\(error)" == "/nonexistent/b.toml: no such fleet behaviour file"
        }
    }
}
