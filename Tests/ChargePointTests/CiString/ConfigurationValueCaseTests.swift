import ChargePoint
import Testing

/// ChangeConfiguration.req's value is a CiString500Type (OCPP 1.6 §6.9, §7.19): where
/// the station compares it with names it knows — the items of a measurand list
/// (§9.1.14), a phase rotation (§9.1.8), a charging rate unit (§9.4.2) — any spelling
/// is that name, and the value is kept and reported in the specification's spelling.
@Suite("CiString: configuration values (OCPP 1.6 §6.9, §7.19)")
struct ConfigurationValueCaseTests {
    @Test(
        "§6.9, §7.19: list items in any case are accepted and read back canonically",
        arguments: [
            (
                "MeterValuesSampledData", "energy.active.import.register,VOLTAGE",
                "Energy.Active.Import.Register,Voltage"
            ),
            ("ConnectorPhaseRotation", "notapplicable,1.rst,2.Tsr", "NotApplicable,1.RST,2.TSR"),
            ("LocalPreAuthorize", "True", "true"),
        ])
    func listItems_anyCase_areCanonical(_ key: String, _ value: String, _ canonical: String) throws {
        var station = try StationHarness.booted()
        let request = ChangeConfigurationRequest(key: CiString50(key)!, value: CiString500(value)!)
        #expect(station.csmsRequest(request)?.status == .accepted)
        let answer = station.csmsRequest(GetConfigurationRequest(key: [CiString50(key)!]))
        #expect(answer?.configurationKey?.first?.value?.value == canonical)
    }

    @Test("§3.16.4: a measurand the meters cannot deliver is still Rejected in any spelling")
    func unknownOrUnmeasurable_stillRejected() throws {
        var station = try StationHarness.booted()
        let request = ChangeConfigurationRequest(
            key: "MeterValuesSampledData", value: "Energy.Active.Import.Register,rpm")
        #expect(station.csmsRequest(request)?.status == .rejected)
    }

    @Test("§7.19: a profile's list values in any case are kept canonically")
    func profileValues_anyCase() throws {
        var profile = TestProfiles.everything
        profile.configuration["ChargingScheduleAllowedChargingRateUnit"] = "current,POWER"
        var station = try StationHarness.booted(profile: profile)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["ChargingScheduleAllowedChargingRateUnit"]))
        #expect(answer?.configurationKey?.first?.value == "Current,Power")
    }
}
