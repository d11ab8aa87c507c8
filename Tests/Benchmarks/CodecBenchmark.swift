import ChargePoint

extension Benchmarks {
    static let meterValuesCall = #"""
        [2,"b7c1a3d2-5f1e-4c1b-9a0e-1d2c3b4a5f60","MeterValues",{"connectorId":1,"transactionId":1042,"meterValue":[{"timestamp":"2026-11-24T15:32:53.120Z","sampledValue":[{"value":"12045.3","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"7360.0","context":"Sample.Periodic","measurand":"Power.Active.Import","location":"Outlet","unit":"W"},{"value":"10.7","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","location":"Outlet","unit":"A"},{"value":"10.6","context":"Sample.Periodic","measurand":"Current.Import","phase":"L2","location":"Outlet","unit":"A"},{"value":"10.7","context":"Sample.Periodic","measurand":"Current.Import","phase":"L3","location":"Outlet","unit":"A"},{"value":"229.8","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","location":"Outlet","unit":"V"},{"value":"64","context":"Sample.Periodic","measurand":"SoC","location":"EV","unit":"Percent"}]}]}]
        """#

    static let startTransactionCall = #"""
        [2,"0f3e2d1c-aaaa-4bbb-8ccc-123456789abc","StartTransaction",{"connectorId":1,"idTag":"04A2B3C4D5E6F7","meterStart":12045,"reservationId":17,"timestamp":"2026-11-24T15:32:53.120Z"}]
        """#

    /// Issue 2: frames per second through parse + typed decode (with every constraint
    /// checked) + encode back to wire text, on one core.
    func codec() {
        for (name, text) in [("MeterValues", Self.meterValuesCall), ("StartTransaction", Self.startTransactionCall)] {
            let perSecond = rate {
                guard case .success(.call(let call)) = Frame.parse(text),
                    case .success(let request) = call.decodeRequest()
                else { fatalError("benchmark frame does not decode") }
                guard let frame = try? Self.encode(request, id: call.messageId), frame.text.count > 10 else {
                    fatalError("benchmark frame does not encode")
                }
            }
            report("codec: \(name) CALL decode + validate + encode", perSecond, "frames/s")
        }
        encoding()
    }

    /// Issue 9: typed value to wire text alone, the station's side of the codec: the
    /// payload of its most frequent CALL, and a large reply to the central system.
    func encoding() {
        guard case .success(.call(let call)) = Frame.parse(Self.meterValuesCall),
            let meterValues = try? PayloadDecoder.decode(MeterValuesRequest.self, from: call.payload)
        else { fatalError("benchmark frame does not decode") }
        let payloadRate = rate {
            guard let text = try? PayloadEncoder.encodeText(meterValues), text.utf8.count > 10 else {
                fatalError("benchmark payload does not encode")
            }
        }
        report("codec: MeterValues payload encode", payloadRate, "payloads/s")
        let reply = GetConfigurationResponse(
            configurationKey: (1...26).map {
                KeyValue(key: CiString50("ConfigurationKeyNumber\($0)")!, readonly: $0 % 3 == 0, value: CiString500("\($0 * 10)"))
            })
        let replyRate = rate {
            guard let frame = try? Frame.result("b7c1a3d2-5f1e-4c1b-9a0e-1d2c3b4a5f60", reply), frame.text.utf8.count > 10
            else { fatalError("benchmark reply does not encode") }
        }
        report("codec: GetConfiguration reply (26 keys) encode", replyRate, "frames/s")
    }

    static func encode(_ request: any OCPPRequest, id: String) throws(PayloadViolation) -> Frame {
        func typed<R: OCPPRequest>(_ request: R) throws(PayloadViolation) -> Frame { try Frame.call(id, request) }
        return try typed(request)
    }
}
