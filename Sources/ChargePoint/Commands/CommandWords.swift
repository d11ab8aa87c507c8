/// Splits a command line into words. Words are separated by spaces; a word may be
/// quoted, "two words" (with \" and \\ inside) or 'two words' (literally, as in a shell).
public enum CommandWords {
    static func split(_ line: String) throws(CommandError) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        var escape = false
        for character in line {
            if escape {
                current.append(character)
                escape = false
            } else if quote == "'" {
                // As in a shell: everything up to the closing quote is literal.
                if character == "'" { quote = nil } else { current.append(character) }
            } else if quote == "\"" {
                switch character {
                case "\\": escape = true
                case "\"": quote = nil
                default: current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw CommandError("a quote (\(quote)) is not closed") }
        if inWord { words.append(current) }
        return words
    }

    /// `word` as one word of a command line: as it is, or in single quotes when it holds
    /// spaces or quotes (a single quote inside becomes '"'"', as in a shell).
    public static func quoted(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'"'"'"#) + "'"
    }
}
