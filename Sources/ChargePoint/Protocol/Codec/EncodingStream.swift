/// The state of one encoding: the writer and the values being written, outermost
/// first. Containers hold it by reference, since the `Encoder` API hands them out.
///
/// Writing as the `encode(to:)` calls come is what makes this fast, and it asks one
/// thing of the payload types: each value writes its members one after the other, as
/// synthesized conformances do. A nested container is closed when its parent writes
/// its next member or ends.
///
/// The writer and the levels are held by pointer: they change at every member, and
/// stored properties of a class pay a run-time exclusivity check at each change, which
/// took a third of the time. Nothing else can reach them: the stream lives for one
/// `PayloadEncoder.write`, on one thread.
final class EncodingStream {
    /// What a value being written has opened so far.
    private enum Shape {
        /// Nothing yet: it becomes `{}` if it stays so.
        case none
        case object
        case array
        case scalar
    }

    /// Where a value is written, for the coding path.
    private enum Position {
        case root
        case member(any CodingKey)
        case element(Int)
    }

    private struct Level {
        var position: Position
        var shape = Shape.none
        /// Members or elements written so far (for the commas).
        var count = 0
    }

    let writer: UnsafeMutablePointer<JSONWriter>
    private let levels: UnsafeMutablePointer<[Level]>

    init() {
        writer = .allocate(capacity: 1)
        writer.initialize(to: JSONWriter(capacity: 0))
        levels = .allocate(capacity: 1)
        levels.initialize(to: [])
        levels.pointee.reserveCapacity(8)
    }

    deinit {
        writer.deinitialize(count: 1)
        writer.deallocate()
        levels.deinitialize(count: 1)
        levels.deallocate()
    }

    func root<T: Encodable>(_ value: T) throws {
        levels.pointee.append(Level(position: .root))
        try value.encode(to: ValueWriter(stream: self, depth: 0))
        close(downTo: 0)
    }

    /// The coding path of a value at `depth`, for error messages and the `Encoder` API.
    func codingPath(_ depth: Int) -> [any CodingKey] {
        levels.pointee[1..<(depth + 1)].compactMap { level -> (any CodingKey)? in
            switch level.position {
            case .root: nil
            case .member(let key): key
            case .element(let index): PayloadKey(index: index)
            }
        }
    }

    func count(_ depth: Int) -> Int { levels.pointee[depth].count }

    // MARK: Containers

    func openObject(_ depth: Int) {
        open(depth, .object, "{")
    }

    func openArray(_ depth: Int) {
        open(depth, .array, "[")
    }

    /// The value at `depth` is a single value (the caller writes it next).
    func scalar(_ depth: Int) {
        precondition(levels.pointee[depth].shape == .none, "a value was written twice")
        levels.pointee[depth].shape = .scalar
    }

    private func open(_ depth: Int, _ shape: Shape, _ mark: Unicode.Scalar) {
        switch levels.pointee[depth].shape {
        case .none:
            levels.pointee[depth].shape = shape
            writer.pointee.mark(mark)
        case shape:
            return  // asked for the same container again
        default:
            preconditionFailure("a value was written as two different kinds of JSON")
        }
    }

    /// Ends every level deeper than `depth`: closes its brackets, or writes `{}` for a
    /// value that wrote nothing.
    private func close(downTo depth: Int) {
        while levels.pointee.count > depth {
            switch levels.pointee.removeLast().shape {
            case .none: writer.pointee.raw("{}")
            case .object: writer.pointee.mark("}")
            case .array: writer.pointee.mark("]")
            case .scalar: break
            }
        }
    }

    // MARK: Members and elements

    /// Starts a member of the object at `depth`: `,"key":`.
    func member(_ key: String, of depth: Int) {
        separate(depth)
        writer.pointee.string(key)
        writer.pointee.mark(":")
    }

    /// Starts an element of the array at `depth` (`,`); returns its index.
    func element(of depth: Int) -> Int {
        let index = levels.pointee[depth].count
        separate(depth)
        return index
    }

    private func separate(_ depth: Int) {
        close(downTo: depth + 1)
        if levels.pointee[depth].count > 0 { writer.pointee.mark(",") }
        levels.pointee[depth].count += 1
    }

    /// A level below `depth` for the value of the member `key` just started; closed
    /// when the parent goes on or ends. Returns its depth.
    func push(member key: any CodingKey, below depth: Int) -> Int {
        levels.pointee.append(Level(position: .member(key)))
        return depth + 1
    }

    /// A level below `depth` for the element `index` just started.
    func push(element index: Int, below depth: Int) -> Int {
        levels.pointee.append(Level(position: .element(index)))
        return depth + 1
    }

    /// Writes a value at the level just pushed for it, and ends the level.
    func nested<T: Encodable>(_ value: T, at depth: Int) throws {
        try value.encode(to: ValueWriter(stream: self, depth: depth))
        close(downTo: depth)
    }

    func double(_ value: Double, path: @autoclosure () -> [any CodingKey]) throws(PayloadViolation) {
        guard let number = JSONNumber(value) else {
            throw PayloadViolation(.internalError, path: PayloadViolation.path(path()), "\(value) is not a JSON number")
        }
        writer.pointee.number(number)
    }
}
