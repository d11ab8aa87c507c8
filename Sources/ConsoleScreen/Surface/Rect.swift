/// A rectangle on the surface, in cells.
public struct Rect: Sendable, Equatable, CustomStringConvertible {
    public var top: Int
    public var left: Int
    public var height: Int
    public var width: Int

    public init(top: Int, left: Int, height: Int, width: Int) {
        self.top = top
        self.left = left
        self.height = max(0, height)
        self.width = max(0, width)
    }

    public var bottom: Int { top + height }
    public var right: Int { left + width }
    public var isEmpty: Bool { height == 0 || width == 0 }

    /// The inside of a box drawn on this rectangle's edge.
    public var inner: Rect { Rect(top: top + 1, left: left + 1, height: height - 2, width: width - 2) }

    public var description: String { "\(height)x\(width)@\(top),\(left)" }
}
