/// Where panes draw: a grid of cells, each a character and a `Role`. The console's
/// curses screen shows one; tests keep one in memory and compare its text (TermKit's
/// driver split, STYLE.md).
///
/// Every character is taken as one column wide: the console writes ASCII, box drawing
/// and block elements, all single-width; other text (idTags, payloads) is shown with
/// control characters replaced.
public struct Surface: Sendable, Equatable {
    /// One cell: a Unicode scalar (the console draws nothing wider or composed) and
    /// its role. Scalars rather than Characters: a frame writes thousands of cells, and
    /// grapheme breaking would dominate the time it takes.
    public struct Cell: Sendable, Equatable {
        public var scalar: Unicode.Scalar
        public var role: Role

        public init(_ scalar: Unicode.Scalar = " ", _ role: Role = .normal) {
            self.scalar = scalar
            self.role = role
        }
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: Cell(), count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// Whether a row is the same in both surfaces (what the terminal need not rewrite).
    public func rowEquals(_ other: Surface, row: Int) -> Bool {
        guard other.columns == columns, other.rows == rows else { return false }
        let range = (row * columns)..<((row + 1) * columns)
        return cells[range] == other.cells[range]
    }

    /// Writes `text` from (row, column), clipped to `limit` columns and to the surface;
    /// returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, limit: Int = .max) -> Int {
        guard row >= 0, row < rows else { return column }
        var x = column
        let end = min(columns, limit == .max ? columns : column + max(0, limit))
        let base = row * columns
        for scalar in text.unicodeScalars {
            if x >= end { break }
            // A combining mark belongs to the cell before it; it is dropped, not drawn apart.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if x >= 0 { cells[base + x] = Cell(Self.printable(scalar), role) }
            x += 1
        }
        return x
    }

    /// Fills a rectangle with one character.
    public mutating func fill(_ rect: Rect, _ scalar: Unicode.Scalar = " ", role: Role = .normal) {
        let cell = Cell(scalar, role)
        let left = max(0, rect.left)
        let right = min(columns, rect.right)
        guard left < right else { return }
        for row in max(0, rect.top)..<min(rows, rect.bottom) {
            let base = row * columns
            for index in (base + left)..<(base + right) { cells[index] = cell }
        }
    }

    /// Changes the role of cells already written (a selection bar).
    public mutating func paint(_ rect: Rect, role: Role) {
        for row in max(0, rect.top)..<min(rows, rect.bottom) {
            for column in max(0, rect.left)..<min(columns, rect.right) {
                cells[row * columns + column].role = role
            }
        }
    }

    /// One row as text (trailing spaces kept).
    public func text(row: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: cells[(row * columns)..<((row + 1) * columns)].map(\.scalar))
        return String(scalars)
    }

    /// The whole surface as text, trailing spaces trimmed per line: what tests compare.
    public var text: String {
        (0..<rows).map { row in
            var line = text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Control characters (a payload's \n, a tab) would move the terminal's cursor, and
    /// two-column characters would shift everything after them on the line.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar }
        if scalar.properties.isEmojiPresentation || scalar.properties.isIdeographic { return "?" }
        return scalar
    }
}
