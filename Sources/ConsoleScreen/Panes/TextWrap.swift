/// Long text broken into lines of a width, at spaces where it can be: how the history
/// and the command list show a message whole instead of cutting it.
extension Format {
    /// The lines of `text` (its own line breaks kept), none longer than `width`; a word
    /// longer than the width is broken where the line ends.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                if line.isEmpty || line.count + 1 + word.count <= width {
                    line += (line.isEmpty ? "" : " ") + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
                // A word wider than the line: cut into pieces of the width.
                while line.count > width {
                    lines.append(String(line.prefix(width)))
                    word = line.dropFirst(width)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
