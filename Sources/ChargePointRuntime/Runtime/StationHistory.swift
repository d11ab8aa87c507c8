import ChargePoint
import DequeModule
import Foundation

/// What a diagnostics file holds of the past (`DiagnosticsReport`): the last frames and
/// the station's notices and errors, bounded. Fed on the link's thread with every
/// input's events; read there when an upload starts.
final class StationHistory: @unchecked Sendable {
    /// The frames kept (`StationRunner.Configuration.historyFrames`).
    let frameCapacity: Int
    static let logCapacity = 2_000

    init(frameCapacity: Int = StationRunner.Configuration.oneStationHistory) {
        self.frameCapacity = frameCapacity
    }

    private var recentFrames = Deque<FrameEvent>()
    private var recentLog = Deque<DiagnosticsReport.LogLine>()

    func record(_ events: [StationEvent], at time: Timestamp) {
        for event in events {
            switch event {
            case .frame(let frame):
                recentFrames.append(frame)
                if recentFrames.count > frameCapacity { recentFrames.removeFirst() }
            case .notice, .callAnswered, .error:
                recentLog.append((time, event.noticeText ?? event.errorText ?? ""))
                if recentLog.count > Self.logCapacity { recentLog.removeFirst() }
            default:
                break
            }
        }
    }

    var frames: [FrameEvent] { Array(recentFrames) }
    var log: [DiagnosticsReport.LogLine] { Array(recentLog) }
}
