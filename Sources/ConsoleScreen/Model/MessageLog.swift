import ChargePoint
import DequeModule

/// Every OCPP frame that passed, newest last, for the log pane: bounded (the oldest
/// go first, from the front of a deque), each CALLRESULT / CALLERROR tied to the CALL
/// it answers, and a filter kept up to date as frames arrive rather than recomputed per
/// frame drawn.
public struct MessageLog: Sendable {
    public struct Entry: Sendable, Equatable {
        /// `linkDown`: no frame, the link going down and why (the central system's close
        /// code and reason, an HTTP status, a TLS failure), in its place among the frames.
        public enum Kind: Sendable, Equatable { case call, result, error, unreadable, linkDown }

        /// Position in the whole history (1, 2, …), stable while the entry is kept.
        public let sequence: Int
        public let time: Timestamp
        public let direction: FrameDirection
        public let kind: Kind
        public let messageId: String
        /// The CALL's action; for an answer, the action of the CALL it answers.
        public let action: String
        /// The payload in one line (for a CALLERROR: code and description).
        public let summary: String
        public let raw: String
        /// For a CALLRESULT or CALLERROR: the ms from its CALL crossing the wire to it
        /// (either way: the station's CALLs and the central system's); nil when the CALL
        /// is not kept.
        public internal(set) var responseMillis: Int64?
        /// For a CALLRESULT that says no: its status ("Rejected", `Refusal`).
        public internal(set) var refusal: String?
    }

    public let capacity: Int
    private var entries: Deque<Entry> = []
    private(set) public var appended = 0
    /// CALLs by direction and message id → sequence.
    private var calls: [String: Int] = [:]
    public private(set) var filter = ""
    private var parsedFilter = LogFilter("")
    /// Sequences of the kept entries that pass the filter, oldest first.
    public private(set) var visible: Deque<Int> = []

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
        entries.reserveCapacity(min(self.capacity, 4096))
    }

    public var count: Int { entries.count }
    public var firstSequence: Int { appended - entries.count + 1 }

    /// The entry with this sequence, if still kept.
    public func entry(_ sequence: Int) -> Entry? {
        let offset = sequence - firstSequence
        guard offset >= 0, offset < entries.count else { return nil }
        return entries[offset]
    }

    /// A frame the station reported, with the metadata it already had: no parse but for
    /// a CALLERROR's code and description, and for payloads not on one line.
    public mutating func append(_ frame: FrameEvent) {
        let kind = Entry.Kind(frame.kind)
        if kind == .error || kind == .unreadable {
            // Rare: described from the text, as before.
            append(frame.direction, frame.text, at: frame.time)
            return
        }
        let action =
            frame.action
            ?? (kind == .call
                ? "?"
                : calls[Self.key(frame.direction == .outgoing ? .incoming : .outgoing, frame.messageId)].flatMap {
                    self.entry($0)?.action
                } ?? "?")
        store(
            Entry(
                sequence: appended + 1, time: frame.time, direction: frame.direction, kind: kind,
                messageId: frame.messageId, action: action, summary: Self.payloadText(of: frame.text, kind: kind),
                raw: frame.text))
    }

    /// The payload of a CALL or CALLRESULT as its text stands in the frame (the last
    /// element, up to the closing bracket); parsed and written on one line only when the
    /// text spans lines.
    static func payloadText(of raw: String, kind: Entry.Kind) -> String {
        let utf8 = raw.utf8
        // Skip `[2,"id","Action",` or `[3,"id",`: the payload starts after the 3rd or 2nd
        // comma outside strings (ids and actions hold no commas or escaped quotes).
        let commas = kind == .call ? 3 : 2
        var seen = 0
        var inString = false
        var start: String.Index?
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            if !inString, byte == UInt8(ascii: ","), seen < commas {
                seen += 1
                if seen == commas { start = utf8.index(after: index) }
            }
            if start != nil { break }
        }
        guard let start, let end = raw.lastIndex(of: "]"), start <= end else { return raw }
        let payload = String(raw[start..<end].drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard payload.contains(where: \.isNewline) else { return payload }
        return (try? JSONParser.parse(payload)).map(JSONSerializer.serialize) ?? payload
    }

    /// The link went down for `reason` at `time`.
    public mutating func appendLinkDown(_ reason: String, at time: Timestamp) {
        store(
            Entry(
                sequence: appended + 1, time: time, direction: .incoming, kind: .linkDown, messageId: "",
                action: "link down", summary: reason, raw: reason))
    }

    public mutating func append(_ direction: FrameDirection, _ raw: String, at time: Timestamp) {
        let entry = Self.describe(raw, direction: direction, sequence: appended + 1, time: time) { id in
            // An answer going one way answers a CALL that came the other way.
            let callDirection: FrameDirection = direction == .outgoing ? .incoming : .outgoing
            return self.calls[Self.key(callDirection, id)].flatMap { self.entry($0)?.action }
        }
        store(entry)
    }

    private mutating func store(_ entry: Entry) {
        var entry = entry
        if entry.kind == .result { entry.refusal = Refusal.status(ofPayload: entry.summary) }
        if entry.kind == .result || entry.kind == .error, let call = partner(of: entry) {
            entry.responseMillis = call.time.milliseconds(until: entry.time)
        }
        appended += 1
        if entries.count == capacity {
            let evicted = entries.removeFirst()
            if evicted.kind == .call { calls[Self.key(evicted.direction, evicted.messageId)] = nil }
            if visible.first == evicted.sequence { visible.removeFirst() }
        }
        entries.append(entry)
        if entry.kind == .call { calls[Self.key(entry.direction, entry.messageId)] = entry.sequence }
        if matches(entry) { visible.append(entry.sequence) }
    }

    /// The CALL an answer answers, or the answer to a CALL (Enter in the log).
    public func partner(of entry: Entry) -> Entry? {
        if entry.kind == .call {
            let answerDirection: FrameDirection = entry.direction == .outgoing ? .incoming : .outgoing
            var sequence = entry.sequence + 1
            while sequence <= appended {
                if let candidate = self.entry(sequence), [.result, .error].contains(candidate.kind),
                    candidate.direction == answerDirection, candidate.messageId == entry.messageId
                {
                    return candidate
                }
                sequence += 1
            }
            return nil
        }
        let callDirection: FrameDirection = entry.direction == .outgoing ? .incoming : .outgoing
        return calls[Self.key(callDirection, entry.messageId)].flatMap { self.entry($0) }
    }

    /// Keeps only the entries that pass `text` (`LogFilter`: `>`, `<`, `!`, then text
    /// found in the action or the frame); empty shows everything.
    public mutating func setFilter(_ text: String) {
        filter = text
        parsedFilter = LogFilter(text)
        visible = Deque(
            (firstSequence...max(firstSequence, appended)).filter { sequence in
                entry(sequence).map(matches) ?? false
            })
    }

    private func matches(_ entry: Entry) -> Bool {
        parsedFilter.isEmpty || parsedFilter.matches(entry)
    }

    /// The filter's marks in words ("received, errors and refusals"), if it has any.
    public var filterMarks: String? { parsedFilter.marksDescription }

    private static func key(_ direction: FrameDirection, _ id: String) -> String {
        "\(direction.rawValue)|\(id)"
    }

    static func describe(
        _ raw: String, direction: FrameDirection, sequence: Int, time: Timestamp, action: (String) -> String?
    ) -> Entry {
        func entry(_ kind: Entry.Kind, _ id: String, _ action: String, _ summary: String) -> Entry {
            Entry(
                sequence: sequence, time: time, direction: direction, kind: kind, messageId: id, action: action,
                summary: summary, raw: raw)
        }
        guard case .array(let elements)? = try? JSONParser.parse(raw), elements.count >= 3,
            let type = elements[0].intValue, case .string(let id) = elements[1]
        else { return entry(.unreadable, "", "?", raw) }
        switch type {
        case 2:
            let name = elements[2].stringValue ?? "?"
            let payload = elements.count > 3 ? JSONSerializer.serialize(elements[3]) : ""
            return entry(.call, id, name, payload)
        case 3:
            return entry(.result, id, action(id) ?? "?", JSONSerializer.serialize(elements[2]))
        case 4:
            let code = elements[2].stringValue ?? "?"
            let description = elements.count > 3 ? elements[3].stringValue ?? "" : ""
            return entry(.error, id, action(id) ?? "?", description.isEmpty ? code : "\(code): \(description)")
        default:
            return entry(.unreadable, id, "?", raw)
        }
    }
}
