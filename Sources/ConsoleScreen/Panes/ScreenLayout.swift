/// Where each pane goes, as one function of the terminal's size (htop's layout): the
/// title and connection lines on top, connectors and meter side by side, the message
/// log filling the rest, a line per file transfer shown, the feedback (the last messages
/// where there is room) and key hints at the bottom.
public struct ScreenLayout: Sendable, Equatable {
    public static let minimumRows = 24
    public static let minimumColumns = 80

    public var title: Rect
    public var connection: Rect
    public var connectors: Rect
    public var meter: Rect
    public var log: Rect
    /// The file transfers' lines, just above the feedback line in every view: the body
    /// (and so the log) is a line shorter for each.
    public var transfers: Rect
    /// Everything between the connection lines and the transfer lines (the
    /// configuration view uses it whole).
    public var body: Rect
    public var feedback: Rect
    public var hints: Rect

    /// Feedback lines: one up to 29 rows, two from 30, three from 40.
    static func feedbackLines(rows: Int) -> Int {
        rows >= 40 ? 3 : rows >= 30 ? 2 : 1
    }

    /// `header`: the connection lines (two, three while a line says why the station is
    /// not online); `stationLine`: the connectors box starts with the station's own
    /// status (a station-wide fault).
    public init(
        rows: Int, columns: Int, connectors count: Int, readings: Int, transfers lines: Int = 0, header: Int = 2,
        stationLine: Bool = false
    ) {
        title = Rect(top: 0, left: 0, height: 1, width: columns)
        connection = Rect(top: 1, left: 0, height: header, width: columns)
        // The last messages where there is room (issue 12 §5), the rest in the history.
        let said = Self.feedbackLines(rows: rows)
        feedback = Rect(top: rows - 1 - said, left: 0, height: said, width: columns)
        hints = Rect(top: rows - 1, left: 0, height: 1, width: columns)
        transfers = Rect(top: rows - 1 - said - lines, left: 0, height: lines, width: columns)
        body = Rect(top: 1 + header, left: 0, height: rows - 2 - header - said - lines, width: columns)
        // Connectors take two lines each; a tall terminal gives the meter room for every
        // reading, a short one keeps the log as large as it can.
        let connectorsHeight = 2 + 2 * max(1, count) + (stationLine ? 1 : 0)
        let meterWanted = 2 + 2 + readings
        var topHeight = max(connectorsHeight, 6)
        if rows >= 40 { topHeight = max(topHeight, min(meterWanted, body.height * 2 / 5)) }
        topHeight = min(topHeight, max(0, body.height - 5))
        let connectorsWidth = columns >= 120 ? columns * 11 / 20 : min(columns, max(50, columns - 42))
        connectors = Rect(top: body.top, left: 0, height: topHeight, width: connectorsWidth)
        meter = Rect(top: body.top, left: connectorsWidth, height: topHeight, width: columns - connectorsWidth)
        log = Rect(top: body.top + topHeight, left: 0, height: body.height - topHeight, width: columns)
    }
}
