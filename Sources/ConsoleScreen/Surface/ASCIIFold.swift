/// A terminal that is not UTF-8 (`LANG=C`, or `--ascii`) gets ASCII only: the panes
/// draw with `Glyphs.ascii`, and the text they hold (the engine's messages, idTags,
/// frames from the central system) is folded here, one cell for one cell, so nothing
/// the terminal cannot show reaches it.
public enum ASCIIFold {
    /// `scalar` itself when it is printable ASCII, its nearest ASCII look-alike when it
    /// has one, else `?`.
    public static func scalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value >= 0x20, scalar.value < 0x7F { return scalar }
        return lookalikes[scalar] ?? "?"
    }

    public static func text(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        folded.append(contentsOf: text.unicodeScalars.map(scalar))
        return String(folded)
    }

    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "…": "~", "–": "-", "—": "-", "·": ".", "•": "*", "●": "*", "×": "x", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "↔": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "§": "S", "µ": "u",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "\u{A0}": " ",
    ]
}
