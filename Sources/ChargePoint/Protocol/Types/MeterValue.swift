/// OCPP 1.6 §7.33: sampled values taken at one time.
public struct MeterValue: Codable, Sendable, Hashable {
    public var timestamp: Timestamp
    public var sampledValue: NonEmptyArray<SampledValue>

    public init(timestamp: Timestamp, sampledValue: NonEmptyArray<SampledValue>) {
        self.timestamp = timestamp
        self.sampledValue = sampledValue
    }
}

/// OCPP 1.6 §7.43: one measured value.
public struct SampledValue: Codable, Sendable, Hashable {
    public var value: String
    public var context: ReadingContext?
    public var format: ValueFormat?
    public var measurand: Measurand?
    public var phase: Phase?
    public var location: Location?
    public var unit: UnitOfMeasure?

    public init(
        value: String, context: ReadingContext? = nil, format: ValueFormat? = nil, measurand: Measurand? = nil,
        phase: Phase? = nil, location: Location? = nil, unit: UnitOfMeasure? = nil
    ) {
        self.value = value
        self.context = context
        self.format = format
        self.measurand = measurand
        self.phase = phase
        self.location = location
        self.unit = unit
    }
}
