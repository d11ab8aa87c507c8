/// A payload that writes its own JSON, bypassing the `Encoder` API: the one exception
/// to "every payload is written by its `Encodable` conformance", for the one payload
/// the station sends all day long.
///
/// MeterValues goes out at every sample (as often as every second, a dozen sampled
/// values each); through `Encodable`, whose generic containers cost a few hundred
/// nanoseconds per member, it takes four times as long and doubles the CPU of a day of
/// 1-second sampling (`make bench`). What it writes must be exactly what its conformance
/// writes: `WireTextTests` compares both on every payload the official schema
/// generates.
protocol SelfWritingPayload {
    func write(to writer: inout JSONWriter)
}

// Written with literal fragments: the first member of each object is required and the
// commas are known in advance.

extension MeterValuesRequest: SelfWritingPayload {
    func write(to writer: inout JSONWriter) {
        writer.raw(#"{"connectorId":"#)
        writer.integer(connectorId)
        if let transactionId {
            writer.raw(#","transactionId":"#)
            writer.integer(transactionId)
        }
        writer.raw(#","meterValue":["#)
        writer.elements(meterValue) { value, writer in value.write(to: &writer) }
        writer.raw("]}")
    }
}

extension MeterValue {
    func write(to writer: inout JSONWriter) {
        writer.raw(#"{"timestamp":"#)
        writer.string(timestamp.rfc3339)
        writer.raw(#","sampledValue":["#)
        writer.elements(sampledValue) { value, writer in value.write(to: &writer) }
        writer.raw("]}")
    }
}

extension SampledValue {
    func write(to writer: inout JSONWriter) {
        writer.raw(#"{"value":"#)
        writer.string(value)
        if let context { member(#","context":"#, context.rawValue, &writer) }
        if let format { member(#","format":"#, format.rawValue, &writer) }
        if let measurand { member(#","measurand":"#, measurand.rawValue, &writer) }
        if let phase { member(#","phase":"#, phase.rawValue, &writer) }
        if let location { member(#","location":"#, location.rawValue, &writer) }
        if let unit { member(#","unit":"#, unit.rawValue, &writer) }
        writer.mark("}")
    }

    private func member(_ prefix: StaticString, _ value: String, _ writer: inout JSONWriter) {
        writer.raw(prefix)
        writer.string(value)
    }
}
