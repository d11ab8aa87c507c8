/// Where panes draw: a grid of cells, each a character and a `Role`. The console's
/// curses screen shows one; tests keep one in memory and compare its text (TermKit's
/// driver split, STYLE.md).
///
/// Every character is taken as one column wide: the console writes ASCII, box drawing
/// and block elements, all single-width; other text (idTags, payloads) is shown with
/// control characters replaced.
public struct Surface: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var role: Role

        public init(_ character: Character = " ", _ role: Role = .normal) {
            self.character = character
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

    /// Writes `text` from (row, column), clipped to `limit` columns and to the surface;
    /// returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, limit: Int = .max) -> Int {
        guard row >= 0, row < rows else { return column }
        var x = column
        let end = min(columns, limit == .max ? columns : column + max(0, limit))
        for character in text {
            if x >= end { break }
            if x >= 0 {
                cells[row * columns + x] = Cell(Self.printable(character), role)
            }
            x += 1
        }
        return x
    }

    /// Fills a rectangle with one character.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", role: Role = .normal) {
        for row in max(0, rect.top)..<min(rows, rect.bottom) {
            for column in max(0, rect.left)..<min(columns, rect.right) {
                cells[row * columns + column] = Cell(character, role)
            }
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
        String(cells[(row * columns)..<((row + 1) * columns)].map(\.character))
    }

    /// The whole surface as text, trailing spaces trimmed per line: what tests compare.
    public var text: String {
        (0..<rows).map { row in
            var line = text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Control characters (a payload's \n, a tab) would move the terminal's cursor.
    static func printable(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character.isASCII ? character : "?"
        }
        if scalar.value < 0x20 || scalar.value == 0x7F { return " " }
        // Two-column characters would shift everything after them on the line.
        if scalar.properties.isEmojiPresentation || scalar.properties.isIdeographic { return "?" }
        return character
    }
}
