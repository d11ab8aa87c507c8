import ChargePoint
import Foundation

/// swift-certificates speaks `Date`; the station speaks `Timestamp` (milliseconds).
extension Timestamp {
    init(_ date: Date) {
        self.init(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }
}
