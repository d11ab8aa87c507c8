import ChargePoint
import DequeModule

/// Power per connector over the last minutes, one point a second, for the sparkline and
/// the chart of a tall screen.
public struct MeterHistory: Sendable {
    public let capacity: Int
    /// Per connector, oldest first: new points at the back, the oldest off the front.
    private var points: [Int: Deque<Double>] = [:]
    private var lastSecond: Int64?

    public init(capacity: Int = 600) {
        self.capacity = capacity
    }

    /// Records the power of every connector, at most once per second of `time`.
    public mutating func record(_ snapshot: StationSnapshot, at time: Timestamp) {
        let second = time.millisecondsSince1970 / 1000
        if let lastSecond, second <= lastSecond { return }
        let gap = lastSecond.map { min(Int(second - $0), capacity) } ?? 1
        lastSecond = second
        for connector in snapshot.connectors {
            var series = points.removeValue(forKey: connector.id) ?? []
            // Seconds skipped (a busy machine) repeat the latest reading.
            for _ in 0..<gap { series.append(connector.powerW) }
            if series.count > capacity { series.removeFirst(series.count - capacity) }
            points[connector.id] = series
        }
    }

    /// The last `count` points of a connector, oldest first.
    public func power(connector: Int, last count: Int) -> [Double] {
        Array((points[connector] ?? []).suffix(max(0, count)))
    }

    /// The last `columns` × `step` seconds of a connector, oldest first, a column per
    /// `step` seconds holding the mean power of its seconds: columns end at the newest
    /// second, so the oldest may hold fewer, and there are fewer columns than asked
    /// while the history is shorter.
    public func power(connector: Int, columns: Int, secondsPerColumn step: Int) -> [Double] {
        let step = max(1, step)
        let seconds = power(connector: connector, last: columns * step)
        var means: [Double] = []
        var end = seconds.count
        while end > 0 {
            let start = max(0, end - step)
            means.append(seconds[start..<end].reduce(0, +) / Double(end - start))
            end = start
        }
        return means.reversed()
    }
}
