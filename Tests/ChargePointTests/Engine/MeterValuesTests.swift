import ChargePoint
import Testing

/// MeterValues and transactionData (OCPP 1.6 §3.16, §4.7, errata 3.13–3.16, 3.91;
/// OCTT TC_070, TC_071).
@Suite("Meter values")
struct MeterValuesTests {
    @Test func sampled_everyIntervalFromTheStart_withTheConfiguredMeasurands() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValueSampleInterval": "30",
            "MeterValuesSampledData": "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage",
        ])
        station.advance(seconds: 7)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 29)
        #expect(station.sentCalls(.meterValues).isEmpty)
        station.advance(seconds: 1)
        let first = try #require(station.lastRequest(MeterValuesRequest.self))
        #expect(first.connectorId == 1 && first.transactionId == 1)
        let value = first.meterValue.first
        #expect(value.timestamp.rfc3339 == "2026-11-24T10:00:37.000Z")
        let measurands = value.sampledValue.map {
            "\($0.measurand!.rawValue)\($0.phase.map { "/\($0.rawValue)" } ?? "")"
        }
        #expect(
            measurands == [
                "Energy.Active.Import.Register", "Power.Active.Import", "Current.Import/L1", "Current.Import/L2",
                "Current.Import/L3", "Voltage/L1-N", "Voltage/L2-N", "Voltage/L3-N",
            ])
        #expect(value.sampledValue.allSatisfy { $0.context == .samplePeriodic })
        // 30 s at 11 kW = 91.7 Wh; 11 kW over three phases at 230 V = 15.9 A each.
        #expect(value.sampledValue[0].value == "91" && value.sampledValue[0].unit == .wattHours)
        #expect(value.sampledValue[1].value == "11000" && value.sampledValue[1].unit == .watts)
        #expect(value.sampledValue[2].value == "15.9" && value.sampledValue[2].unit == .amperes)
        #expect(value.sampledValue[5].value == "230.0" && value.sampledValue[5].unit == .volts)
        station.expectSent(.meterValues, count: 2, afterAdvancing: 30)
        station.command(.stop(connector: 1))
        station.expectSent(.meterValues, count: 2, afterAdvancing: 300)
    }

    @Test func sampleIntervalZero_sendsNoSampledValues() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValueSampleInterval": "0", "ClockAlignedDataInterval": "0",
            "MeterValuesSampledData": "Energy.Active.Import.Register",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        // A transaction runs for an hour: with an interval, it would be sampled.
        #expect(station.sentRequests(StartTransactionRequest.self).count == 1)
        #expect(station.status(1) == .charging)
        station.advance(seconds: 3600)
        #expect(station.status(1) == .charging)
        #expect(station.sentCalls(.meterValues).isEmpty)
    }

    @Test func clockAligned_onTheBoundaries_forEveryConnector() throws {
        var station = try StationHarness.booted(configuration: ["ClockAlignedDataInterval": "900"])
        station.advance(seconds: 400)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 499)
        #expect(station.sentCalls(.meterValues).isEmpty)
        station.advance(seconds: 1)
        let values = station.sentRequests(MeterValuesRequest.self)
        // In the order they were taken: online, a transaction's values are not
        // overtaken by the idle connector's.
        #expect(values.map(\.connectorId) == [1, 2])
        #expect(values.allSatisfy { $0.meterValue.first.timestamp.rfc3339 == "2026-11-24T10:15:00.000Z" })
        #expect(values.first { $0.connectorId == 1 }?.transactionId == 1)
        #expect(values.first { $0.connectorId == 2 }?.transactionId == nil)
        #expect(values.allSatisfy { $0.meterValue.first.sampledValue.first.context == .sampleClock })
    }

    @Test func stopTransaction_carriesTransactionData_withBeginAndEnd_boundedByStopTransactionMaxMeterValues() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValueSampleInterval": "60", "StopTxnSampledData": "Energy.Active.Import.Register",
            "StopTransactionMaxMeterValues": "4",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 600)
        station.command(.stop(connector: 1))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        let data = try #require(stop.transactionData)
        #expect(data.count == 4)
        #expect(data.first?.sampledValue.first.context == .transactionBegin)
        #expect(data.last?.sampledValue.first.context == .transactionEnd)
        #expect(data.first?.sampledValue.first.value == "0")
        #expect(data.last?.sampledValue.first.value == "\(stop.meterStop)")
    }

    @Test func emptyStopTxnData_sendsNoTransactionData() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValueSampleInterval": "60", "StopTxnSampledData": "", "StopTxnAlignedData": "",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.expectSent(.meterValues, count: 5, afterAdvancing: 300)
        station.command(.stop(connector: 1))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.transactionData == nil)
    }

    @Test func frequencyInTransactionData_hasNoHertzUnit_forTheStopTransactionSchema() throws {
        var station = try StationHarness.booted(configuration: ["StopTxnSampledData": "Frequency"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.stop(connector: 1))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.transactionData?.first?.sampledValue.first.measurand == .frequency)
        #expect(stop.transactionData?.first?.sampledValue.first.unit == nil)
    }

    @Test func dcSession_reportsSoCFromTheEV() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValueSampleInterval": "60", "MeterValuesSampledData": "SoC,Power.Active.Import",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        station.advance(seconds: 60)
        let value = try #require(station.lastRequest(MeterValuesRequest.self)?.meterValue.first)
        #expect(value.sampledValue.first.measurand == .soc && value.sampledValue.first.location == .ev)
        // 50 kW for a minute into a 60 kWh battery at 30 %: 31.4 %.
        #expect(value.sampledValue.first.value == "31")
    }
}
