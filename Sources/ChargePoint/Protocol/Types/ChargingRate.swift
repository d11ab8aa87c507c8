/// A charging rate limit in amperes or watts with at most one fractional digit: the
/// `limit` of a ChargingSchedulePeriod and the `minChargingRate` of a ChargingSchedule
/// (OCPP 1.6 §7.13, §7.14: "Accepts at most one digit fraction (e.g. 8.1)"; the schemas
/// say `multipleOf: 0.1`).
///
/// Stored as a whole number of tenths, so that arithmetic on limits is exact and what is
/// sent always satisfies the schema. Decoding a value with a finer fraction (16.15) is a
/// PropertyConstraintViolation.
public struct ChargingRate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public var tenths: Int64

    public init(tenths: Int64) {
        self.tenths = tenths
    }

    /// The nearest representable rate.
    public init(rounding value: Double) {
        tenths = Int64((value * 10).rounded())
    }

    public init(integerLiteral value: Int64) {
        tenths = value * 10
    }

    public init(floatLiteral value: Double) {
        self.init(rounding: value)
    }

    public var value: Double { Double(tenths) / 10 }

    public static func < (lhs: ChargingRate, rhs: ChargingRate) -> Bool { lhs.tenths < rhs.tenths }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        let scaled = value * 10
        // A decimal literal such as 16.1 is not exact in binary; accept it when ten times
        // the value is an integer up to a few units in the last place.
        guard scaled.isFinite, abs(scaled - scaled.rounded()) <= 4 * scaled.ulp, abs(scaled) < 9e17 else {
            throw ValueConstraintError("\(value) has more than one fractional digit")
        }
        tenths = Int64(scaled.rounded())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { "\(value)" }
}
