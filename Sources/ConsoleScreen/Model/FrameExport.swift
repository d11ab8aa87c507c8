import ChargePoint

/// A frame of the log as it leaves the screen (copied, saved): the text as on the wire,
/// secrets already masked by the station, on one line.
extension MessageLog.Entry {
    /// The frame on one line: as it crossed the wire, unless a peer spread it over lines.
    public var oneLine: String {
        guard raw.contains(where: \.isNewline) else { return raw }
        return (try? JSONParser.parse(raw)).map(JSONSerializer.serialize)
            ?? raw.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// "frame-17-BootNotification-result.json": the sequence keeps names apart.
    public var fileName: String {
        let safeAction = String(action.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return "frame-\(sequence)-\(safeAction)-\(kind.frameKind?.rawValue ?? "link").json"
    }
}

extension MessageLog.Entry.Kind {
    init(_ kind: FrameEvent.Kind) {
        self =
            switch kind {
            case .call: .call
            case .result: .result
            case .error: .error
            case .unreadable: .unreadable
            }
    }

    /// The kind as `FrameEvent` names it; nil for a line that is no frame (`linkDown`).
    public var frameKind: FrameEvent.Kind? {
        switch self {
        case .call: .call
        case .result: .result
        case .error: .error
        case .unreadable: .unreadable
        case .linkDown: nil
        }
    }
}
